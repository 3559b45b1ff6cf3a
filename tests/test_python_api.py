"""The Python API a new user reaches for: ``newsmill.analyse`` in memory, ``run`` on texts and
records, ``newsmill.__version__``, and pages in other languages kept but not analysed."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from conftest import ROOT
from serving import make_store

import newsmill
from newsmill import errors
from newsmill.records import Actor, Article, Document, Event, Page, Statement
from newsmill.run import default_pipeline, run
from newsmill.store import EventFilter, StatementFilter, Store

RUSSIAN = ("Владимир Путин встретился в Кремле с Сергеем Лавровым и Сергеем Шойгу. По словам "
           "пресс-секретаря Дмитрия Пескова, на встрече обсуждались вопросы безопасности и "
           "отношения с соседними странами. Министр иностранных дел Лавров заявил журналистам, "
           "что Москва готова к переговорам с Киевом и Вашингтоном.")
STORY = ("<html><head><title>Police detain protesters in Nairobi</title></head><body><article>"
         "<h1>Police detain protesters in Nairobi</h1>"
         "<p>Police arrested 12 protesters in Nairobi on Sunday, the interior ministry said.</p>"
         "<p>\u201cWe will not allow violence on our streets,\u201d said Fred Matiangi, the "
         "interior minister, in a statement on Monday.</p>"
         "<p>The protesters had marched to parliament to demand lower food prices and an end "
         "to police brutality in the capital's poorer districts.</p></article></body></html>")


def test_the_version_is_the_package_s() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert newsmill.__version__ == metadata.version("newsmill") == declared


@pytest.mark.slow
def test_analyse_returns_the_article_entities_statements_and_events_in_memory() -> None:
    doc = newsmill.analyse(STORY, url="https://example.org/kenya/protest", published="2019-06-10")
    assert doc.article.title == "Police detain protesters in Nairobi"
    assert doc.article.url == "https://example.org/kenya/protest"
    assert doc.article.language == "en" and doc.parse is None
    assert any(m.text == "Nairobi" for m in doc.mentions)
    assert any(s.speaker == "Fred Matiangi" for s in doc.statements)
    arrests = [e for e in doc.events if e.type == "COERCE"]
    assert arrests and arrests[0].date == "2019-06-09"  # "on Sunday", against the day given
    for s in doc.statements:
        assert doc.article.body[s.start:s.end] == s.content
    again = newsmill.analyse(STORY.encode("utf-8"), url="https://example.org/kenya/protest",
                             published="2019-06-10")
    assert again == doc  # bytes are decoded as files are


def test_analyse_keeps_a_page_in_another_language_without_analysing_it() -> None:
    doc = newsmill.analyse(RUSSIAN)
    assert doc.article.language == "ru"
    assert doc.article.body.startswith("Владимир Путин")
    assert (doc.mentions, doc.statements, doc.events) == ((), (), ())


def test_analyse_says_why_it_cannot_analyse_a_page() -> None:
    with pytest.raises(errors.InputError, match="empty"):
        newsmill.analyse("   ")
    with pytest.raises(errors.ExtractionError, match="no article text"):
        newsmill.analyse("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(errors.UsageError, match="YYYY-MM-DD"):
        newsmill.analyse(STORY, published="last Tuesday")


def test_run_takes_texts_records_and_pages_beside_file_names(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    text = "Farmers drove hundreds of tractors into The Hague on Tuesday to protest new rules."
    inputs: list[object] = [
        text,
        {"id": "r1", "html": STORY, "url": "https://example.org/r1", "published": "2019-06-10"},
        {"text": RUSSIAN},  # no id: one is made
        Page("p1", "mine", "text", text + " Police watched."),
        {"id": "bad"},  # neither html nor text
    ]
    summary = run(inputs, store, pipeline=default_pipeline(nlp=False))  # type: ignore[arg-type]
    assert summary.stored == 4
    assert [s.source for s in summary.skipped] == ["<input 5>"]
    assert 'no string "html" or "text"' in summary.skipped[0].reason
    r1 = store.get("r1")
    assert r1 is not None and r1.article.published == "2019-06-10"
    assert run(inputs[:4], store, pipeline=default_pipeline(nlp=False)).stored == 0  # type: ignore[arg-type]


def test_a_page_in_another_language_is_stored_and_counted_as_not_analysed(
        tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    summary = run([RUSSIAN], store)  # the whole pipeline: spaCy is never asked
    assert (summary.stored, summary.not_analysed) == (1, 1)
    (doc,) = list(store.documents())
    assert doc.article.language == "ru" and doc.mentions == ()
    stats = store.stats()
    assert (stats.not_analysed, stats.mentions, stats.languages) == (1, 0, {"ru": 1})


def test_language_is_a_filter_of_articles_events_and_statements(tmp_path: Path) -> None:
    def doc(aid: str, language: str) -> Document:
        body = f"Police arrested twelve people in the capital, officials said ({aid})."
        return Document(Article(aid, f"{aid}.txt", "text", body, language=language,
                                published="2019-06-10", content_hash=aid, page_hash=aid),
                        statements=(Statement(body[:45], 0, 45, "indirect", speaker="officials"),),
                        events=(Event("COERCE", body[:45], 0, 45, mode="arrest",
                                      actors=(Actor("police", "KEN", "COP"),)),))

    store = Store(make_store(tmp_path / "s.db", [doc("en-1", "en"), doc("fr-1", "fr")]))
    events = store.find_events(EventFilter(language="fr")).items
    assert [e.article_id for e in events] == ["fr-1"] and events[0].language == "fr"
    said = store.find_statements(StatementFilter(language="EN")).items
    assert [s.article_id for s in said] == ["en-1"]
    assert [c.n for c in store.count_events(EventFilter(language="fr"), by="type")] == [1]
