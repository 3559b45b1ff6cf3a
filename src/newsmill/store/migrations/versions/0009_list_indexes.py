"""Indexes for the lists of `newsmill serve`, so that a page is read in the list's order
instead of sorting every match. SQLite only: a PostgreSQL store searches its statements with
GIN indexes (0006_days) and is left as it is.

Statements found by their words, newest article first: an index of articles newest first (the
order of the statement lists: publication day descending, then the order stored), and each row
of ``statements_fts`` numbered from its statement's place (its article's ``pk`` times 2^20,
plus its number in the article), so that a walk along the articles in that order can ask the
full-text index whether a statement matches (``Browse._walk_statements``).

Articles of a publisher, newest first: an index of the publisher (case aside, as the filter
compares it) and the publication day.

Revision ID: 0009_list_indexes
"""

from alembic import op

revision = "0009_list_indexes"
down_revision = "0008_claims"
branch_labels = None
depends_on = None

INSERT = """
    INSERT INTO statements_fts (rowid, speaker, content, article_id, idx, kind, published,
                                article_pk)
    SELECT a.pk * 1048576 + {s}.idx, coalesce({s}.speaker, ''), {s}.content, {s}.article_id,
           {s}.idx, {s}.kind, a.published, a.pk
    FROM {source}"""

OLD_TRIGGER = """
    CREATE TRIGGER statements_fts_ai AFTER INSERT ON statements BEGIN
        INSERT INTO statements_fts (speaker, content, article_id, idx, kind, published,
                                    article_pk)
        SELECT coalesce(new.speaker, ''), new.content, new.article_id, new.idx, new.kind,
               a.published, a.pk FROM articles a WHERE a.id = new.article_id;
    END"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        return
    # published DESC: NULL last, and each day's articles in the order stored (the rowid)
    op.execute("CREATE INDEX articles_newest ON articles (published DESC)")
    op.execute("CREATE INDEX articles_publisher ON articles (publisher COLLATE NOCASE, published)")
    op.execute("DROP TRIGGER statements_fts_ai")
    op.execute("DELETE FROM statements_fts")
    op.execute(INSERT.format(s="s", source="statements s JOIN articles a ON a.id = s.article_id"))
    op.execute(f"""
        CREATE TRIGGER statements_fts_ai AFTER INSERT ON statements BEGIN
            {INSERT.format(s="new", source="articles a WHERE a.id = new.article_id")};
        END""")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        return
    op.execute("DROP TRIGGER statements_fts_ai")
    op.execute(OLD_TRIGGER)
    op.execute("DROP INDEX articles_publisher")
    op.execute("DROP INDEX articles_newest")
