"""Where a page came from: the URL it was fetched from, the final URL after redirects, the
canonical URL it declares and when it was fetched; and the fetch log (conditional-request
validators of feeds and sitemaps, URLs tried).

Revision ID: 0006
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COLUMNS = ("fetched_url", "final_url", "canonical_url", "fetched")


def upgrade() -> None:
    # plain ADD COLUMNs: a batch (copy-and-rename) would drop the full-text triggers
    for column in COLUMNS:
        op.execute(f"ALTER TABLE articles ADD COLUMN {column} TEXT")
    op.execute("CREATE INDEX articles_url ON articles (url)")
    op.execute("CREATE INDEX articles_fetched_url ON articles (fetched_url)")
    op.execute("CREATE INDEX articles_final_url ON articles (final_url)")
    op.execute("""
        CREATE TABLE fetches (
            url TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            status INTEGER,
            etag TEXT,
            last_modified TEXT,
            fetched TEXT NOT NULL,
            outcome TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1
        )""")


def downgrade() -> None:
    op.execute("DROP TABLE fetches")
    for index in ("articles_url", "articles_fetched_url", "articles_final_url"):
        op.execute(f"DROP INDEX {index}")
    for column in COLUMNS:
        op.execute(f"ALTER TABLE articles DROP COLUMN {column}")
