"""Helpers for the API and browser tests: a store made by hand, and the app served by uvicorn
on 127.0.0.1 in a thread of the test process (started and stopped by the tests)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from newsmill.records import Actor, Article, Document, Event, Mention, Place, Statement
from newsmill.serve.api import create_app
from newsmill.store import Store

HOSTILE = ('<script>window.__pwned = "script"</script> Police detained <img src=x '
           'onerror="window.__pwned = \'img\'"> forty protesters in Paris. '
           '"Read <a href="javascript:window.__pwned=\'link\'">this</a>," said Jean Dupont.')


def _article(aid: str, body: str, published: str | None, **kw: object) -> Article:
    return Article(aid, f"{aid}.txt", "text", body, published=published, language="en",
                   content_hash=aid, page_hash=aid, **kw)  # type: ignore[arg-type]


def _at(body: str, words: str, nth: int = 0) -> tuple[str, int, int]:
    """``words`` and where they stand in ``body`` (the nth time)."""
    start = -1
    for _ in range(nth + 1):
        start = body.index(words, start + 1)
    return words, start, start + len(words)


def hand_made_documents() -> list[Document]:
    """Five articles whose every value a test can predict."""
    kaz = "Protesters gathered in Almaty on Sunday. Police detained dozens of them in Almaty."
    kaz_doc = Document(
        _article("kaz-1", kaz, "2019-06-10", title="Protests in Almaty", publisher="Euronews",
                 url="https://example.org/kaz-1"),
        mentions=(Mention(*_at(kaz, "Almaty")[1:], "Almaty", "GPE"),
                  Mention(*_at(kaz, "Almaty", 1)[1:], "Almaty", "GPE")),
        statements=(Statement(*_at(kaz, "Police detained dozens of them"), "indirect",
                              speaker="Kassym-Jomart Tokayev", cue="said"),),
        events=(Event("PROTEST", *_at(kaz, "Protesters gathered in Almaty"), mode="demo",
                      date="2019-06-09", actors=(Actor("protesters", "KAZ", "CVL"),),
                      place=Place("Almaty", "KAZ", 43.25, 76.91)),
                Event("COERCE", *_at(kaz, "Police detained dozens of them in Almaty"),
                      mode="arrest", date="2019-06-09", actors=(Actor("police", "KAZ", "COP"),),
                      recipients=(Actor("protesters", "KAZ", "CVL"),),
                      place=Place("Almaty", "KAZ", 43.25, 76.91))))
    nl = "Farmers drove tractors to The Hague. The minister promised talks next week."
    nl_doc = Document(
        _article("nld-1", nl, "2019-10-01", title="Tractors in The Hague",
                 publisher="The Lowlands Ledger"),
        statements=(Statement(*_at(nl, "talks next week"), "indirect", speaker="Carola Schouten",
                              role="minister", cue="promised"),),
        events=(Event("PROTEST", *_at(nl, "Farmers drove tractors to The Hague"), mode="demo",
                      actors=(Actor("farmers", "NLD", "AGR"),),
                      place=Place("The Hague", "NLD", 52.08, 4.30)),
                Event("CONSULT", *_at(nl, "The minister promised talks next week"),
                      status="planned", date="2019-10-08",
                      actors=(Actor("minister", "NLD", "GOV"),))))
    undated = Document(_article("undated-1", "Officials met in secret.", None),
                       events=(Event("CONSULT", "Officials met in secret", 0, 23),))  # no day
    quiet = Document(_article("quiet-1", "Nothing happened in the village today.",
                              "2019-07-01", publisher="Euronews",
                              title='=HYPERLINK("http://example.org","spreadsheet formula")'))
    hostile = Document(
        _article("hostile-1", HOSTILE, "2019-06-11", title='<img src=x onerror="alert(1)">',
                 url="javascript:alert(document.domain)", publisher="<b>Evil</b>"),
        statements=(Statement(*_at(HOSTILE, 'Read <a href="javascript:window.__pwned=\'link\'">'
                                               "this</a>"), "direct",
                              speaker="Jean Dupont <script>alert(2)</script>", cue="said"),),
        events=(Event("COERCE", *_at(HOSTILE, HOSTILE[HOSTILE.index("Police"):
                                                     HOSTILE.index(" in Paris")]), mode="arrest",
                      actors=(Actor("<svg onload=alert(3)>", "FRA", "COP"),),
                      place=Place("Paris", "FRA", 48.85, 2.35)),))
    return [kaz_doc, nl_doc, undated, quiet, hostile]


def make_store(path: Path, docs: list[Document] | None = None) -> Path:
    with Store(path) as store:
        store.save(docs if docs is not None else hand_made_documents())
    return path


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The app over ``db`` on 127.0.0.1 (a free port); yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = create_app(db)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
        app.state.store.close()
