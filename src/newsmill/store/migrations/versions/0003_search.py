"""Full-text search over article titles and bodies (SQLite FTS5, kept in step by triggers).

Revision ID: 0003
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, content='articles', content_rowid='pk', tokenize='porter unicode61'
        )""")
    op.execute("""
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.pk, new.title, new.body);
        END""")
    op.execute("""
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
            VALUES ('delete', old.pk, old.title, old.body);
        END""")
    op.execute("""
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
            VALUES ('delete', old.pk, old.title, old.body);
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.pk, new.title, new.body);
        END""")
    op.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")


def downgrade() -> None:
    for trigger in ("articles_ai", "articles_ad", "articles_au"):
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE articles_fts")
