"""Articles, skipped inputs and runs.

Revision ID: 0001
"""

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
        CREATE TABLE articles (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            url TEXT,
            title TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            publisher TEXT,
            published TEXT,
            updated TEXT,
            language TEXT,
            body TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            page_hash TEXT NOT NULL
        )""")
    op.execute("CREATE INDEX articles_content_hash ON articles (content_hash)")
    op.execute("CREATE INDEX articles_published ON articles (published)")
    op.execute("""
        CREATE TABLE skipped (
            source TEXT PRIMARY KEY,
            id TEXT NOT NULL,
            stage TEXT NOT NULL,
            reason TEXT NOT NULL
        )""")
    op.execute("""
        CREATE TABLE runs (
            pk INTEGER PRIMARY KEY,
            started TEXT NOT NULL,
            seconds REAL,
            inputs TEXT NOT NULL,
            stored INTEGER,
            unchanged INTEGER,
            skipped INTEGER
        )""")


def downgrade() -> None:
    op.execute("DROP TABLE runs")
    op.execute("DROP TABLE skipped")
    op.execute("DROP TABLE articles")
