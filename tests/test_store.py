"""The SQLite store: migrations, idempotent writes, search, skipped inputs, errors."""

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


def test_migrations_are_recorded_and_reopening_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.save([DOC])
    with Store(path) as store:
        with store.engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            mode = conn.execute(text("PRAGMA journal_mode")).scalar_one()
        assert version == "0004"
        assert mode == "wal"
        assert store.get("a1") == DOC


def test_saving_twice_adds_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    assert store.save([DOC]) == 1
    assert store.save([DOC]) == 0
    s = store.stats()
    assert (s.articles, s.mentions, s.statements, s.events) == (1, 1, 1, 1)


def test_full_text_search(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    store.save([DOC])
    (hit,) = store.search("almaty")
    assert hit.id == "a1" and "[Almaty]" in hit.snippet
    assert store.search("gathering") != [], "porter stemming"
    assert store.search('unbalanced "quote') == [], "bad FTS syntax falls back to a phrase"


def test_skipped_recorded_once_and_forgotten_when_stored(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
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


def test_quotes_by_speaker_across_articles(tmp_path: Path) -> None:
    def doc(aid: str, published: str, speakers: list[str | None]) -> Document:
        body = " ".join(f"Statement {n}." for n in range(len(speakers)))
        art = Article(aid, f"{aid}.txt", "text", body, published=published)
        said = tuple(Statement(f"Statement {n}", 13 * n, 13 * n + 11, "direct", speaker=s)
                     for n, s in enumerate(speakers))
        return Document(art, statements=said)

    store = Store(tmp_path / "s.db")
    store.save([doc("old", "2019-06-10", ["Kassym-Jomart Tokayev", "Mihra Rittmann", None]),
                doc("new", "2019-06-12", ["Tokayevich Smith", "Kassym-Jomart Tokayev"])])
    hits = store.quotes("tokayev")
    assert [(h.article_id, h.statement.start) for h in hits] == [("new", 13), ("old", 0)]
    assert hits[0].published == "2019-06-12"
    assert [h.statement.speaker for h in store.quotes("Mihra Rittmann")] == ["Mihra Rittmann"]
    assert store.quotes("Rittmann Tokayev") == []
    assert len(store.quotes()) == 5
    assert len(store.quotes(limit=2)) == 2
