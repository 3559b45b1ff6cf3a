"""Events in the order the HTTP API and the UI list them: each event's day (its date, else its
article's publication day) and its article's place in the store, kept by triggers, with indexes
for day order, type and place; and each party's country and sector in a table of its own
(``event_parties``), so that the filters on them use an index instead of reading JSON; and a
full-text index of statements' speakers and words (``statements_fts``; on PostgreSQL GIN
indexes of the speaker's and the content's ``tsvector``, and the triggers are PL/pgSQL).

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


POSTGRES_TRIGGERS = (
    """CREATE FUNCTION newsmill_events_day() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        SELECT coalesce(NEW.date, a.published), a.pk INTO NEW.day, NEW.article_pk
        FROM articles a WHERE a.id = NEW.article_id;
        IF NOT FOUND THEN
            NEW.day = NEW.date;
        END IF;
        RETURN NEW;
    END $$""",
    "CREATE TRIGGER events_day_ai BEFORE INSERT ON events "
    "FOR EACH ROW EXECUTE FUNCTION newsmill_events_day()",
    """CREATE FUNCTION newsmill_event_parties() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO event_parties (article_id, idx, role, country, sector)
        SELECT NEW.article_id, NEW.idx, 'actor', j ->> 'country', j ->> 'sector'
        FROM jsonb_array_elements(NEW.actors::jsonb) j
        UNION ALL
        SELECT NEW.article_id, NEW.idx, 'recipient', j ->> 'country', j ->> 'sector'
        FROM jsonb_array_elements(NEW.recipients::jsonb) j;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER events_parties_ai AFTER INSERT ON events "
    "FOR EACH ROW EXECUTE FUNCTION newsmill_event_parties()",
    """CREATE FUNCTION newsmill_event_parties_gone() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM event_parties WHERE article_id = OLD.article_id AND idx = OLD.idx;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER events_parties_ad AFTER DELETE ON events "
    "FOR EACH ROW EXECUTE FUNCTION newsmill_event_parties_gone()",
    # what statements_fts answers on SQLite: whole words of speakers, words said
    "CREATE INDEX statements_speaker_words ON statements "
    "USING GIN (to_tsvector('simple', coalesce(speaker, '')))",
    "CREATE INDEX statements_content_words ON statements "
    "USING GIN (to_tsvector('simple', content))",
)


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.execute("ALTER TABLE events ADD COLUMN day TEXT")
    op.execute(f"ALTER TABLE events ADD COLUMN article_pk {'BIGINT' if postgres else 'INTEGER'}")
    op.execute("""
        UPDATE events SET
            day = coalesce(date, (SELECT published FROM articles a WHERE a.id = events.article_id)),
            article_pk = (SELECT pk FROM articles a WHERE a.id = events.article_id)""")
    if not postgres:
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
    if postgres:
        op.execute("""
        INSERT INTO event_parties (article_id, idx, role, country, sector)
        SELECT e.article_id, e.idx, 'actor', j ->> 'country', j ->> 'sector'
        FROM events e, jsonb_array_elements(e.actors::jsonb) j
        UNION ALL
        SELECT e.article_id, e.idx, 'recipient', j ->> 'country', j ->> 'sector'
        FROM events e, jsonb_array_elements(e.recipients::jsonb) j""")
    else:
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
    if postgres:
        for sql in POSTGRES_TRIGGERS:
            op.execute(sql)
        return
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
    if op.get_bind().dialect.name == "postgresql":
        for index in ("statements_content_words", "statements_speaker_words"):
            op.execute(f"DROP INDEX {index}")
        for trigger in ("events_parties_ad", "events_parties_ai", "events_day_ai"):
            op.execute(f"DROP TRIGGER {trigger} ON events")
        for function in ("newsmill_event_parties_gone", "newsmill_event_parties",
                         "newsmill_events_day"):
            op.execute(f"DROP FUNCTION {function}")
        op.execute("DROP TABLE event_parties")
        for index in ("events_place", "events_day_type", "events_type_order", "events_order"):
            op.execute(f"DROP INDEX {index}")
        op.execute("ALTER TABLE events DROP COLUMN article_pk")
        op.execute("ALTER TABLE events DROP COLUMN day")
        return
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
