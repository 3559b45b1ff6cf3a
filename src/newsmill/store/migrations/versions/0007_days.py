"""Events in the order the HTTP API and the UI list them: each event's day (its date, else its
article's publication day) and its article's place in the store, kept by triggers, with indexes
for day order, type and place; and each party's country and sector in a table of its own
(``event_parties``), so that the filters on them use an index instead of reading JSON; and a
full-text index of statements' speakers and words (``statements_fts``).

Revision ID: 0006_days
"""

from alembic import op

revision = "0006_days"
down_revision = "0006"
branch_labels = None
depends_on = None

PARTIES = """
    INSERT INTO event_parties (article_id, idx, role, country, sector)
    SELECT {e}.article_id, {e}.idx, 'actor', json_extract(j.value, '$.country'),
           json_extract(j.value, '$.sector') FROM json_each({e}.actors) j
    UNION ALL
    SELECT {e}.article_id, {e}.idx, 'recipient', json_extract(j.value, '$.country'),
           json_extract(j.value, '$.sector') FROM json_each({e}.recipients) j"""


def upgrade() -> None:
    op.execute("ALTER TABLE events ADD COLUMN day TEXT")
    op.execute("ALTER TABLE events ADD COLUMN article_pk INTEGER")
    op.execute("""
        UPDATE events SET
            day = coalesce(date, (SELECT published FROM articles a WHERE a.id = events.article_id)),
            article_pk = (SELECT pk FROM articles a WHERE a.id = events.article_id)""")
    op.execute("""
        CREATE TRIGGER events_day_ai AFTER INSERT ON events BEGIN
            UPDATE events SET
                day = coalesce(new.date,
                               (SELECT published FROM articles WHERE id = new.article_id)),
                article_pk = (SELECT pk FROM articles WHERE id = new.article_id)
            WHERE article_id = new.article_id AND idx = new.idx;
        END""")
    op.execute("CREATE INDEX events_order ON events (day, article_pk, idx)")
    op.execute("CREATE INDEX events_type_order ON events (type, day, article_pk, idx)")
    op.execute("CREATE INDEX events_day_type ON events (day, type)")
    op.execute("CREATE INDEX events_place ON events (place_country, place_name, lat, lon, type)")
    op.execute("""
        CREATE TABLE event_parties (
            article_id TEXT NOT NULL,
            idx INTEGER NOT NULL,
            role TEXT NOT NULL,
            country TEXT,
            sector TEXT
        )""")
    op.execute("""
        INSERT INTO event_parties (article_id, idx, role, country, sector)
        SELECT e.article_id, e.idx, 'actor', json_extract(j.value, '$.country'),
               json_extract(j.value, '$.sector') FROM events e, json_each(e.actors) j
        UNION ALL
        SELECT e.article_id, e.idx, 'recipient', json_extract(j.value, '$.country'),
               json_extract(j.value, '$.sector') FROM events e, json_each(e.recipients) j""")
    op.execute("CREATE INDEX event_parties_country ON event_parties (country, role)")
    op.execute("CREATE INDEX event_parties_sector ON event_parties (sector, role)")
    op.execute("CREATE INDEX event_parties_event ON event_parties (article_id, idx)")
    op.execute(f"CREATE TRIGGER events_parties_ai AFTER INSERT ON events BEGIN "
               f"{PARTIES.format(e='new')}; END")
    op.execute("""
        CREATE TRIGGER events_parties_ad AFTER DELETE ON events BEGIN
            DELETE FROM event_parties WHERE article_id = old.article_id AND idx = old.idx;
        END""")

    # the statement's kind, article and day ride along, so a search needs no other table
    op.execute("CREATE VIRTUAL TABLE statements_fts USING fts5(speaker, content, "
               "article_id UNINDEXED, idx UNINDEXED, kind UNINDEXED, published UNINDEXED, "
               "article_pk UNINDEXED, tokenize='unicode61')")
    op.execute("""
        INSERT INTO statements_fts (speaker, content, article_id, idx, kind, published,
                                    article_pk)
        SELECT coalesce(s.speaker, ''), s.content, s.article_id, s.idx, s.kind, a.published, a.pk
        FROM statements s JOIN articles a ON a.id = s.article_id""")
    op.execute("""
        CREATE TRIGGER statements_fts_ai AFTER INSERT ON statements BEGIN
            INSERT INTO statements_fts (speaker, content, article_id, idx, kind, published,
                                        article_pk)
            SELECT coalesce(new.speaker, ''), new.content, new.article_id, new.idx, new.kind,
                   a.published, a.pk FROM articles a WHERE a.id = new.article_id;
        END""")
    op.execute("""
        CREATE TRIGGER statements_fts_ad AFTER DELETE ON statements BEGIN
            DELETE FROM statements_fts WHERE article_id = old.article_id AND idx = old.idx;
        END""")


def downgrade() -> None:
    for trigger in ("statements_fts_ad", "statements_fts_ai"):
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE statements_fts")
    for trigger in ("events_parties_ad", "events_parties_ai", "events_day_ai"):
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE event_parties")
    for index in ("events_place", "events_day_type", "events_type_order", "events_order"):
        op.execute(f"DROP INDEX {index}")
    op.execute("ALTER TABLE events DROP COLUMN article_pk")
    op.execute("ALTER TABLE events DROP COLUMN day")
