"""Full-text search over article titles and bodies: SQLite FTS5, kept in step by triggers; on
PostgreSQL a generated ``tsvector`` column with a GIN index, in the ``newsmill`` text search
configuration (English stems, as FTS5's porter, and no stopwords, as FTS5), of the title and
the body's first 300,000 characters.

Revision ID: 0003
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


POSTGRES = (
    "CREATE TEXT SEARCH DICTIONARY newsmill_stem (TEMPLATE = snowball, Language = english)",
    "CREATE TEXT SEARCH CONFIGURATION newsmill (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION newsmill ALTER MAPPING FOR asciiword, asciihword, "
    "hword_asciipart, word, hword, hword_part WITH newsmill_stem",
    # the body's first 300,000 characters: a tsvector holds at most 1 MB, and a page whose
    # vector would not fit must still be stored (300,000 characters are 50,000 words or more)
    "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS "
    "(to_tsvector('newsmill', coalesce(title, '') || ' ' || left(body, 300000))) STORED",
    "CREATE INDEX articles_search ON articles USING GIN (search)",
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for sql in POSTGRES:
            op.execute(sql)
        return
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
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX articles_search")
        op.execute("ALTER TABLE articles DROP COLUMN search")
        op.execute("DROP TEXT SEARCH CONFIGURATION newsmill")
        op.execute("DROP TEXT SEARCH DICTIONARY newsmill_stem")
        return
    for trigger in ("articles_ai", "articles_ad", "articles_au"):
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE articles_fts")
