"""Entity mentions, statements and events, each with offsets into the article body.

Revision ID: 0002
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    real = "DOUBLE PRECISION" if op.get_bind().dialect.name == "postgresql" else "REAL"
    op.execute("""
        CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY (article_id, idx)
        )""")
    op.execute("CREATE INDEX mentions_text ON mentions (text)")
    op.execute("""
        CREATE TABLE statements (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            kind TEXT NOT NULL,
            content TEXT NOT NULL,
            speaker TEXT,
            speaker_mention TEXT,
            role TEXT,
            cue TEXT,
            PRIMARY KEY (article_id, idx)
        )""")
    op.execute("CREATE INDEX statements_speaker ON statements (speaker)")
    op.execute(f"""
        CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            type TEXT NOT NULL,
            mode TEXT,
            status TEXT NOT NULL,
            date TEXT,
            actors TEXT NOT NULL DEFAULT '[]',
            recipients TEXT NOT NULL DEFAULT '[]',
            place_name TEXT,
            place_country TEXT,
            lat {real},
            lon {real},
            evidence TEXT NOT NULL,
            PRIMARY KEY (article_id, idx)
        )""")
    op.execute("CREATE INDEX events_type_date ON events (type, date)")


def downgrade() -> None:
    op.execute("DROP TABLE events")
    op.execute("DROP TABLE statements")
    op.execute("DROP TABLE mentions")
