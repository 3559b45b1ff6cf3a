"""The store, SQLite and PostgreSQL (each test that takes ``store_at`` runs on both): migrations,
idempotent writes, search, skipped inputs, errors."""

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from newsmill.errors import StoreError
from newsmill.records import Article, Document, Event, Mention, Skipped, Statement
from newsmill.store import Store

ART = Article("a1", "a1.txt", "text", "Protesters gathered in Almaty on Sunday.",
              title="Protest in Almaty", authors=("Jane Doe",), language="en",
              content_hash="h", page_hash="p")
DOC = Document(ART, mentions=(Mention(23, 29, "Almaty", "GPE"),),
               statements=(Statement("Protesters gathered", 0, 19, "indirect", speaker="X"),),
               events=(Event("PROTEST", "Protesters gathered in Almaty", 0, 29),))


def test_migrations_are_recorded_and_reopening_keeps_data(store_at: str) -> None:
    with Store(store_at) as store:
        store.save([DOC])
    with Store(store_at) as store:
        with store.engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            if not store.postgres:
                assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert version == "0009_list_indexes"
        assert store.get("a1") == DOC
    with Store(store_at, readonly=True) as store:
        assert store.get("a1") == DOC


def test_saving_twice_adds_nothing(store_at: str) -> None:
    store = Store(store_at)
    assert store.save([DOC]) == 1
    assert store.save([DOC]) == 0
    s = store.stats()
    assert (s.articles, s.mentions, s.statements, s.events) == (1, 1, 1, 1)


def test_full_text_search(store_at: str) -> None:
    store = Store(store_at)
    store.save([DOC])
    (hit,) = store.search("almaty")
    assert hit.id == "a1" and "[Almaty]" in hit.snippet
    assert store.search("gathering") != [], "porter stemming"
    assert store.search('unbalanced "quote') == [], "bad FTS syntax falls back to a phrase"


def test_skipped_recorded_once_and_forgotten_when_stored(store_at: str) -> None:
    store = Store(store_at)
    store.save([Skipped("a1", "a1.txt", "ingest", "first reason")])
    store.save([Skipped("a1", "a1.txt", "extract", "second reason")])
    assert store.skipped() == [Skipped("a1", "a1.txt", "extract", "second reason")]
    store.save([DOC])
    assert store.skipped() == []


def test_a_file_that_is_not_a_store_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database " * 100)
    with pytest.raises(StoreError, match=r"notes\.db: cannot be opened as a newsmill store"):
        Store(path)


def test_missing_store_is_named_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "absent.db", create=False)


def test_quotes_by_speaker_across_articles(store_at: str) -> None:
    def doc(aid: str, published: str, speakers: list[str | None]) -> Document:
        body = " ".join(f"Statement {n}." for n in range(len(speakers)))
        art = Article(aid, f"{aid}.txt", "text", body, published=published)
        said = tuple(Statement(f"Statement {n}", 13 * n, 13 * n + 11, "direct", speaker=s)
                     for n, s in enumerate(speakers))
        return Document(art, statements=said)

    store = Store(store_at)
    store.save([doc("old", "2019-06-10", ["Kassym-Jomart Tokayev", "Mihra Rittmann", None]),
                doc("new", "2019-06-12", ["Tokayevich Smith", "Kassym-Jomart Tokayev"])])
    hits = store.quotes("tokayev")
    assert [(h.article_id, h.statement.start) for h in hits] == [("new", 13), ("old", 0)]
    assert hits[0].published == "2019-06-12"
    assert [h.statement.speaker for h in store.quotes("Mihra Rittmann")] == ["Mihra Rittmann"]
    assert store.quotes("Rittmann Tokayev") == []
    assert len(store.quotes()) == 5
    assert len(store.quotes(limit=2)) == 2


def test_events_by_type_country_and_day_and_their_exports(store_at: str) -> None:
    import csv
    import io
    import json

    from newsmill.records import Actor, Place
    from newsmill.serve.export import write

    def doc(aid: str, published: str, events: tuple[Event, ...]) -> Document:
        return Document(Article(aid, f"{aid}.txt", "text", "x" * 80, published=published,
                                publisher="The Test Times"), events=events)

    police = Actor("police", "KAZ", "COP")
    protest = Event("PROTEST", "Protesters gathered", 0, 19, mode="demo", date="2019-06-09",
                    actors=(Actor("protesters", "KAZ", "CVL"),),
                    place=Place("Almaty", "KAZ", 43.25, 76.91), size=200)
    arrest = Event("COERCE", "Police detained dozens", 20, 42, mode="arrest", actors=(police,),
                   recipients=(Actor("activists", "RUS", "CVL"),), arrested=24)
    store = Store(store_at)
    store.save([doc("a", "2019-06-10", (protest, arrest)),
                doc("b", "2019-01-05", (replace(protest, date=None, place=None),))])
    assert [(h.article_id, h.event.type) for h in store.events()] == [
        ("b", "PROTEST"), ("a", "PROTEST"), ("a", "COERCE")]
    assert [h.event.date for h in store.events("protest", "KAZ", since="2019-06-01")] == [
        "2019-06-09"]
    assert [h.event.type for h in store.events(country="RUS")] == ["COERCE"]  # a recipient's
    assert store.events(until="2019-01-31")[0].article_id == "b"  # by its article's day
    assert store.get("a").events == (protest, arrest)  # type: ignore[union-attr]

    out = io.StringIO()
    assert write(store.documents(), "acled", out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["event_date"] == "2019-06-09" and rows[0]["location"] == "Almaty"
    assert rows[1]["event_date"] == "2019-06-10"  # no day of its own: the article's
    assert rows[1]["actor1"] == "police" and rows[1]["actor2"] == "activists"
    out = io.StringIO()
    assert write(store.documents(), "plover", out) == 3
    first = json.loads(out.getvalue().splitlines()[0])
    assert (first["event"], first["size"], first["cite_info"]["publication"]) == (
        ["PROTEST"], 200, "The Test Times")


def test_an_exact_copy_carries_the_story_s_analysis_but_adds_no_event_rows(store_at: str) -> None:
    import io

    from newsmill.serve.export import write

    store = Store(store_at)
    copy = Document(replace(ART, id="a2", source="a2.txt", duplicate_of="a1"))
    rescrape = Document(replace(ART, id="a3", source="a3.txt", duplicate_of="a1",
                                body=ART.body + " Updated at noon."))
    store.save([DOC, copy, rescrape])
    got = store.get("a2")
    assert got is not None and (got.events, got.statements) == (DOC.events, DOC.statements)
    assert got.article.id == "a2"
    assert store.get("a3").events == ()  # type: ignore[union-attr]  # other text: offsets differ
    out = io.StringIO()
    assert write(store.documents(), "plover", out) == 1  # one happening, one row
    assert store.stats().events == 1


def test_statements_of_common_words_walked_in_list_order_as_sorted_by_the_index(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite finds the statements of words that many hold by walking the list's order
    (``Browse._walk_statements``): the same statements, in the same pages, with the same
    cursors as the full-text index's matches sorted, among articles with and without a day."""
    from newsmill.store import StatementFilter
    from newsmill.store.browse import Browse

    words = ("strike", "talks", "border")
    docs = []
    for i in range(40):
        said = [f"we will {words[(i + n) % 3]} now" for n in range(1 + i % 4)]
        body = " ".join(f"{s}." for s in said)
        starts = [sum(len(s) + 2 for s in said[:n]) for n in range(len(said))]
        art = Article(f"a{i:02d}", f"a{i}.txt", "text", body, language="en",
                      published=None if i % 7 == 0 else f"2019-06-{1 + i % 5:02d}")
        docs.append(Document(art, statements=tuple(
            Statement(s, at, at + len(s), "direct", speaker=("Ana Diaz", "Li Wei")[n % 2])
            for n, (s, at) in enumerate(zip(said, starts, strict=True)))))
    store = Store(tmp_path / "s.db")
    store.save(docs)

    def pages(where: StatementFilter, limit: int, walk: bool) -> list[tuple[list[str], str | None]]:
        monkeypatch.setattr(Browse, "_frequent", staticmethod(lambda *_: walk))
        out: list[tuple[list[str], str | None]] = []
        cursor = None
        while True:
            page = store.find_statements(where, limit=limit, cursor=cursor)
            out.append(([s.id for s in page.items], page.next))
            if page.next is None:
                return out
            cursor = page.next

    undated = {f"a{i:02d}" for i in range(0, 40, 7)}
    for where in (StatementFilter(q="talks"), StatementFilter(speaker="Diaz"),
                  StatementFilter(speaker="wei", q="strike"),
                  StatementFilter(q="border", since="2019-06-02", until="2019-06-04")):
        for limit in (1, 3, 50):
            walked, sorted_ = pages(where, limit, True), pages(where, limit, False)
            assert walked == sorted_
            ids = [i for items, _ in walked for i in items]
            assert ids and len(ids) == len(set(ids))
            if where.since is None:
                assert ids[-1].rsplit("-", 1)[0] in undated  # the articles with no day last
    monkeypatch.undo()
    with store.engine.connect() as conn:  # which plan: by how many statements hold the words
        assert Browse._frequent(conn, 'content : "talks"*', 2)
        assert not Browse._frequent(conn, 'content : "talks"*', 51)


def test_events_of_common_parties_walked_in_list_order_as_sorted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite reads the events of a common party country or sector in list order, asking each
    event about its parties (``Browse._parties_common``): the same pages and cursors as the
    parties' events looked up and sorted, for dated and undated events, either order."""
    from newsmill.records import Actor, Place
    from newsmill.store import EventFilter
    from newsmill.store.browse import Browse

    docs = []
    for i in range(30):
        events = tuple(
            Event("PROTEST" if n % 2 else "ACCUSE", "words", 0, 5,
                  date=None if (i + n) % 5 == 0 else f"2019-06-{1 + (i * n) % 9:02d}",
                  actors=(Actor("group", ("KAZ", "FRA", "KAZ")[(i + n) % 3], "CVL"),),
                  recipients=(Actor("police", "KAZ", "COP"),) if n == 1 else (),
                  place=Place("Paris", "FRA") if i % 4 == 0 else None)
            for n in range(1 + i % 3))
        art = Article(f"a{i:02d}", f"a{i}.txt", "text", "words here", published=(
            None if i % 6 == 0 else f"2019-05-{1 + i % 7:02d}"))
        docs.append(Document(art, events=events))
    store = Store(tmp_path / "s.db")
    store.save(docs)

    def pages(where: EventFilter, newest: bool, walk: bool) -> list[tuple[list[str], str | None]]:
        monkeypatch.setattr(Browse, "_parties_common", staticmethod(lambda *_: walk))
        out: list[tuple[list[str], str | None]] = []
        cursor = None
        while True:
            page = store.find_events(where, limit=4, cursor=cursor, newest_first=newest)
            out.append(([e.id for e in page.items], page.next))
            if page.next is None:
                return out
            cursor = page.next

    for where in (EventFilter(country="FRA"), EventFilter(actor_country="KAZ"),
                  EventFilter(recipient_sector="COP", types=("PROTEST",))):
        for newest in (False, True):
            walked = pages(where, newest, True)
            assert walked == pages(where, newest, False)
            assert len(walked) > 1 and walked[-1][0]
    monkeypatch.undo()
    with store.engine.connect() as conn:
        assert Browse._parties_common(conn, EventFilter(actor_country="KAZ"), 2)
        assert not Browse._parties_common(conn, EventFilter(actor_country="FRA"), 51)
        assert not Browse._parties_common(conn, EventFilter(types=("PROTEST",)), 2)
