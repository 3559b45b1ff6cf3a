"""The HTTP API, over a store made by hand, through a real server on 127.0.0.1 (httpx)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from pydantic import TypeAdapter
from serving import make_store, serving

from newsmill.errors import QueryError
from newsmill.serve import schema
from newsmill.serve.cli import main
from newsmill.store import ArticleFilter, EventFilter, Store


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The hand-made store, in a SQLite file and in a PostgreSQL database (every test that
    takes it runs on both: the same questions, the same answers)."""
    if request.param == "sqlite":
        yield make_store(tmp_path_factory.mktemp("api") / "hand.db")
        return
    server = request.getfixturevalue("postgres")
    name = server.create_database()
    try:
        yield make_store(server.url(name))  # type: ignore[arg-type]
    finally:
        server.drop_database(name)


@pytest.fixture(scope="module")
def api(db: Path) -> Iterator[httpx.Client]:
    with serving(db) as base, httpx.Client(base_url=base, timeout=20) as client:
        yield client


def ok(api: httpx.Client, path: str, **params: Any) -> Any:
    r = api.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def walk(api: httpx.Client, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a list, page by page."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = ok(api, path, **params, **({"cursor": cursor} if cursor else {}))
        items += page["items"]
        cursor = page["next"]
        if cursor is None:
            return items


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [i["id"] for i in items]


# ---- events ------------------------------------------------------------------------------------

def test_events_in_day_order_with_undated_last_and_every_page_once(api: httpx.Client) -> None:
    every = ok(api, "/api/events", limit=100)
    assert every["next"] is None
    assert ids(every["items"]) == ["kaz-1-0", "kaz-1-1", "hostile-1-0", "nld-1-0", "nld-1-1",
                                   "undated-1-0"]
    # an event with no date of its own is dated by its article (nld-1-0 by 2019-10-01)
    assert [i["day"] for i in every["items"]] == [
        "2019-06-09", "2019-06-09", "2019-06-11", "2019-10-01", "2019-10-08", None]
    assert ids(walk(api, "/api/events", limit=1)) == ids(every["items"])
    assert ids(walk(api, "/api/events", limit=4)) == ids(every["items"])
    newest = ids(walk(api, "/api/events", limit=2, order="newest"))
    assert newest == ["nld-1-1", "nld-1-0", "hostile-1-0", "kaz-1-1", "kaz-1-0", "undated-1-0"]


@pytest.mark.parametrize(("params", "expected"), [
    ({"type": "PROTEST"}, ["kaz-1-0", "nld-1-0"]),
    ({"type": ["PROTEST", "consult"]}, ["kaz-1-0", "nld-1-0", "nld-1-1", "undated-1-0"]),
    ({"type": "PROTEST,COERCE", "country": "kaz"}, ["kaz-1-0", "kaz-1-1"]),
    ({"mode": "arrest"}, ["kaz-1-1", "hostile-1-0"]),
    ({"status": "planned"}, ["nld-1-1"]),
    ({"actor_country": "NLD"}, ["nld-1-0", "nld-1-1"]),
    ({"recipient_country": "KAZ"}, ["kaz-1-1"]),
    ({"actor_sector": "COP"}, ["kaz-1-1", "hostile-1-0"]),
    ({"recipient_sector": "CVL"}, ["kaz-1-1"]),
    ({"place_country": "FRA"}, ["hostile-1-0"]),
    ({"country": "FRA"}, ["hostile-1-0"]),
    ({"since": "2019-06-10", "until": "2019-10-01"}, ["hostile-1-0", "nld-1-0"]),
    ({"bbox": "-10,35,30,60"}, ["hostile-1-0", "nld-1-0"]),  # Europe: Paris, The Hague
    ({"bbox": "70,40,80,45"}, ["kaz-1-0", "kaz-1-1"]),  # around Almaty
    ({"bbox": "170,-10,-170,10"}, []),  # across the antimeridian: nothing there
    ({"article": "nld-1"}, ["nld-1-0", "nld-1-1"]),
    ({"language": "EN", "type": "PROTEST"}, ["kaz-1-0", "nld-1-0"]),  # the article's language
    ({"language": "ru"}, []),
])
def test_event_filters(api: httpx.Client, params: dict[str, Any], expected: list[str]) -> None:
    assert ids(walk(api, "/api/events", **params)) == expected


def test_counts_by_day_type_and_place_add_up_to_the_list(api: httpx.Client) -> None:
    by_day = ok(api, "/api/events/counts", by=["day", "type"])
    assert by_day["by"] == ["day", "type"]
    assert {"day": "2019-06-09", "type": "COERCE", "n": 1} in by_day["counts"]
    assert sum(c["n"] for c in by_day["counts"]) == 6
    protests = ok(api, "/api/events/counts", by="place", type="PROTEST")["counts"]
    assert {(c["place_name"], c["place_country"], c["n"]) for c in protests} == {
        ("Almaty", "KAZ", 1), ("The Hague", "NLD", 1)}
    assert all(isinstance(c["lat"], float) for c in protests)
    by_country = ok(api, "/api/events/counts", by="place_country", since="2019-06-01",
                    until="2019-06-30")["counts"]
    assert {c["place_country"]: c["n"] for c in by_country} == {"FRA": 1, "KAZ": 2}


def test_count_keys_are_read_as_the_store_reads_them(api: httpx.Client) -> None:
    assert ok(api, "/api/events/counts", by="Type") == ok(api, "/api/events/counts", by="type")


def test_one_event_and_its_evidence_at_its_offsets(api: httpx.Client) -> None:
    event = ok(api, "/api/events/kaz-1-1")
    body = ok(api, "/api/articles/kaz-1")["body"]
    assert body[event["start"]:event["end"]] == event["evidence"]
    assert event["recipients"] == [{"name": "protesters", "country": "KAZ", "sector": "CVL"}]
    missing = api.get("/api/events/kaz-1-9")
    assert missing.status_code == 404 and "no event with id 'kaz-1-9'" in missing.text


# ---- articles and statements -------------------------------------------------------------------

def test_articles_newest_first_search_and_filters(api: httpx.Client) -> None:
    assert ids(walk(api, "/api/articles", limit=2)) == [
        "nld-1", "quiet-1", "hostile-1", "kaz-1", "undated-1"]
    found = ok(api, "/api/articles", q="almaty")["items"]
    assert ids(found) == ["kaz-1"]
    snippet, marks = found[0]["snippet"], found[0]["marks"]
    assert marks and all(snippet[s:e].lower() == "almaty" for s, e in marks)
    assert (found[0]["events"], found[0]["statements"]) == (2, 1)
    assert ids(walk(api, "/api/articles", publisher="euronews")) == ["quiet-1", "kaz-1"]
    assert ids(walk(api, "/api/articles", has_events=False)) == ["quiet-1"]
    assert ids(walk(api, "/api/articles", since="2019-06-11", until="2019-07-01")) == [
        "quiet-1", "hostile-1"]
    assert ids(walk(api, "/api/articles", q="in", limit=1)) == ids(
        ok(api, "/api/articles", q="in", limit=100)["items"])


def test_one_article_with_everything_at_its_offsets(api: httpx.Client) -> None:
    doc = ok(api, "/api/articles/kaz-1")
    TypeAdapter(schema.ArticleFull).validate_python(doc)
    body = doc["body"]
    assert [body[m["start"]:m["end"]] for m in doc["mentions"]] == ["Almaty", "Almaty"]
    assert all(body[s["start"]:s["end"]] == s["content"] for s in doc["statements"])
    assert all(body[e["start"]:e["end"]] == e["evidence"] for e in doc["events"])
    assert [e["id"] for e in doc["events"]] == ["kaz-1-0", "kaz-1-1"]


def test_statements_by_speaker_part_words_and_article(api: httpx.Client) -> None:
    def speakers(**params: Any) -> list[str]:
        return [s["speaker"] for s in walk(api, "/api/statements", **params)]

    assert speakers(speaker="tokayev") == ["Kassym-Jomart Tokayev"]
    assert speakers(speaker="Kassym-Jomart Tokayev") == ["Kassym-Jomart Tokayev"]
    assert speakers(speaker="Tokay") == []  # whole words of the name
    assert speakers(q="talks week") == ["Carola Schouten"]
    assert speakers(article="hostile-1") == ["Jean Dupont <script>alert(2)</script>"]
    assert len(speakers(limit=1)) == 3
    names = [s["name"] for s in walk(api, "/api/speakers", limit=1)]
    assert sorted(names) == sorted(["Kassym-Jomart Tokayev", "Carola Schouten",
                                    "Jean Dupont <script>alert(2)</script>"])
    assert [s["name"] for s in ok(api, "/api/speakers", q="carola")["items"]] == [
        "Carola Schouten"]


# ---- exports -----------------------------------------------------------------------------------

def test_exports_stream_the_filtered_list(api: httpx.Client) -> None:
    listed = walk(api, "/api/events", type="PROTEST,COERCE")
    lines = api.get("/api/export/events", params={"type": "PROTEST,COERCE"}).text.splitlines()
    assert [json.loads(line) for line in lines] == listed
    r = api.get("/api/export/events", params={"type": "PROTEST,COERCE", "format": "csv"})
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == ids(listed)
    assert rows[0]["place_name"] == "Almaty" and rows[1]["recipients"] == "protesters (KAZ/CVL)"
    arts = list(csv.DictReader(io.StringIO(
        api.get("/api/export/articles", params={"format": "csv"}).text)))
    quiet = next(a for a in arts if a["id"] == "quiet-1")
    assert quiet["title"].startswith("'=HYPERLINK"), "a formula is written as text"
    said = api.get("/api/export/statements", params={"speaker": "schouten"}).text.splitlines()
    assert [json.loads(s)["speaker"] for s in said] == ["Carola Schouten"]


# ---- errors: one shape, a clear message --------------------------------------------------------

@pytest.mark.parametrize(("path", "params", "parameter", "words"), [
    ("/api/events", {"since": "2019-13-45"}, "since", "YYYY-MM-DD"),
    ("/api/events", {"until": "June 9"}, "until", "YYYY-MM-DD"),
    ("/api/events", {"type": "RIOT"}, "type", "PROTEST"),
    ("/api/events", {"status": "maybe"}, "status", "occurred"),
    ("/api/events", {"country": "Kazakhstan"}, "country", "KAZ for Kazakhstan"),
    ("/api/events", {"language": "English"}, "language", "ISO 639-1"),
    ("/api/events", {"bbox": "1,2,3"}, "bbox", "west,south,east,north"),
    ("/api/events", {"bbox": "0,60,10,50"}, "bbox", "south"),
    ("/api/events", {"since": "2019-07-01", "until": "2019-06-01"}, "since", "swap"),
    ("/api/events", {"limit": "0"}, "limit", "greater than or equal to 1"),
    ("/api/events", {"limit": "many"}, "limit", "integer"),
    ("/api/events", {"cursor": "not-a-cursor"}, "cursor", "next"),
    ("/api/events/counts", {"by": "weather"}, "by", "place_country"),
    ("/api/articles", {"q": '"unbalanced'}, "q", "valid full-text query"),
    ("/api/articles", {"q": "x" * 1001}, "q", "over the limit"),
    ("/api/articles", {"has_events": "perhaps"}, "has_events", "boolean"),
    ("/api/statements", {"kind": "shouted"}, "kind", "direct"),
    ("/api/export/events", {"format": "xlsx"}, "format", "csv"),
    ("/api/export/events", {"type": "RIOT"}, "type", "PROTEST"),
])
def test_bad_parameters_get_one_error_shape(api: httpx.Client, path: str,
                                            params: dict[str, str], parameter: str,
                                            words: str) -> None:
    r = api.get(path, params=params)
    assert r.status_code == 400, r.text
    body = r.json()
    TypeAdapter(schema.ErrorBody).validate_python(body)
    assert set(body) == {"error"}
    assert body["error"]["parameter"] == parameter
    assert words in body["error"]["message"]


def test_a_cursor_of_another_list_is_refused(api: httpx.Client) -> None:
    cursor = ok(api, "/api/articles", limit=1)["next"]
    r = api.get("/api/events", params={"cursor": cursor})
    assert r.status_code == 400 and r.json()["error"]["parameter"] == "cursor"
    newest = ok(api, "/api/events", limit=1, order="newest")["next"]
    assert api.get("/api/events", params={"cursor": newest}).status_code == 400


def test_unknown_pages_and_writes_get_the_error_shape(api: httpx.Client) -> None:
    r = api.get("/api/nothing-here")
    assert r.status_code == 404 and r.json()["error"]["status"] == 404
    for method in ("POST", "PUT", "DELETE"):
        r = api.request(method, "/api/events")
        assert r.status_code == 405 and "only reads" in r.json()["error"]["message"]
    r = api.get("/api/articles/no-such-article")
    assert r.status_code == 404 and "no article with id 'no-such-article'" in r.text


def test_the_python_api_refuses_the_same_values(db: Path) -> None:
    with pytest.raises(QueryError, match="2019-13-45") as caught:
        EventFilter(since="2019-13-45")
    assert caught.value.parameter == "since"
    with pytest.raises(QueryError, match="RIOT"):
        EventFilter(types=("RIOT",))
    with Store(db, create=False) as store, pytest.raises(QueryError, match="full-text"):
        store.find_articles(ArticleFilter(q='"unbalanced'))


# ---- the same question, the same answer: CLI, Python, HTTP -------------------------------------

def _cli_json(db: Path, *args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, [*args, "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


@pytest.mark.parametrize("query", [
    {},
    {"type": "PROTEST"},
    {"type": "COERCE", "country": "KAZ"},
    {"country": "NLD", "since": "2019-10-02"},
    {"until": "2019-06-30"},
])
def test_events_cli_python_and_http_agree(api: httpx.Client, db: Path,
                                          query: dict[str, str]) -> None:
    cli_args = [a for k, v in query.items() for a in (f"--{k}", v)]
    cli = [(e["article_id"], e["start"], e["type"]) for e in _cli_json(db, "events", *cli_args)]
    with Store(db, create=False) as store:
        python = [(h.article_id, h.event.start, h.event.type)
                  for h in store.events(query.get("type"), query.get("country"),
                                        query.get("since"), query.get("until"))]
    http = [(e["article_id"], e["start"], e["type"]) for e in walk(api, "/api/events", **query)]
    assert cli == python == http
    assert http, "each query finds something"


@pytest.mark.parametrize("speaker", ["Tokayev", "carola schouten", "Dupont"])
def test_quotes_cli_python_and_http_agree(api: httpx.Client, db: Path, speaker: str) -> None:
    cli = [(s["article_id"], s["start"]) for s in _cli_json(db, "quotes", "--speaker", speaker)]
    with Store(db, create=False) as store:
        python = [(h.article_id, h.statement.start) for h in store.quotes(speaker)]
    http = [(s["article_id"], s["start"]) for s in walk(api, "/api/statements", speaker=speaker)]
    assert cli == python == http and http


@pytest.mark.parametrize("q", ["almaty", "police OR farmers", '"next week"'])
def test_search_python_and_http_agree(api: httpx.Client, db: Path, q: str) -> None:
    with Store(db, create=False) as store:
        python = [h.id for h in store.search(q)]
    assert ids(walk(api, "/api/articles", q=q)) == python and python


# ---- the description, the headers, read-only ---------------------------------------------------

def test_openapi_describes_every_list_and_its_answers_fit(api: httpx.Client) -> None:
    spec = ok(api, "/openapi.json")
    for path in ("/api/articles", "/api/events", "/api/events/counts", "/api/statements",
                 "/api/speakers", "/api/export/events", "/api/meta"):
        assert path in spec["paths"]
        assert "422" not in spec["paths"][path]["get"]["responses"]
    TypeAdapter(schema.EventPage).validate_python(ok(api, "/api/events"))
    TypeAdapter(schema.ArticlePage).validate_python(ok(api, "/api/articles", q="almaty"))
    TypeAdapter(schema.StatementPage).validate_python(ok(api, "/api/statements"))
    TypeAdapter(schema.SpeakerPage).validate_python(ok(api, "/api/speakers"))
    TypeAdapter(schema.Counts).validate_python(ok(api, "/api/events/counts", by="place"))
    meta = TypeAdapter(schema.Meta).validate_python(ok(api, "/api/meta"))
    assert (meta.first_day, meta.last_day, meta.events) == ("2019-06-09", "2019-10-08", 6)
    assert {"iso3": "KAZ", "numeric": "398", "name": "Kazakhstan"} in ok(
        api, "/api/meta")["countries"]


def test_every_answer_forbids_inline_scripts(api: httpx.Client) -> None:
    for path in ("/", "/api/events", "/docs", "/api/nothing"):
        csp = api.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "default-src 'self'" in csp


def test_the_server_cannot_write(db: Path) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError, OperationalError

    from newsmill.serve.api import open_read_only

    store = open_read_only(db)
    refused = (DBAPIError, "read-only transaction") if store.postgres else (
        OperationalError, "readonly")
    try:
        with pytest.raises(refused[0], match=refused[1]), store.engine.begin() as conn:
            conn.execute(text("DELETE FROM articles"))
        assert store.stats().articles == 5
    finally:
        store.close()


def test_the_server_refuses_an_older_store_and_leaves_it_as_it_is(tmp_path: Path) -> None:
    from newsmill.errors import StoreError
    from newsmill.serve.api import open_read_only
    from newsmill.store import schema

    path = tmp_path / "old.db"
    engine = schema.writer_engine(str(path))
    with engine.begin() as conn:
        schema.migrate(conn, "0006")  # before the events' days: serving would need them
    engine.dispose()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newsmill upgrade"):
        open_read_only(path)
    assert path.read_bytes() == before


def test_without_a_built_ui_the_pages_say_how_to_build_it(db: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import newsmill.serve.api as api_module

    monkeypatch.setattr(api_module, "STATIC", tmp_path / "no-ui")
    with serving(db) as base:
        r = httpx.get(base + "/")
        assert r.status_code == 503 and "scripts/setup" in r.text
        assert httpx.get(base + "/api/events").status_code == 200


def test_the_api_writes_events_as_the_exports_do() -> None:
    from serving import hand_made_documents

    from newsmill.serve import export
    from newsmill.serve.api import _event_fields

    events = [e for d in hand_made_documents() for e in d.events]
    assert len(events) == 6
    for e in events:
        assert _event_fields(e) == export.event(e)


def test_counts_kept_between_questions_follow_what_the_store_gains(tmp_path: Path) -> None:
    from newsmill.records import Article, Document, Event

    store = Store(make_store(tmp_path / "s.db"))
    before = store.count_events(by="type")
    assert store.count_events(by="type") == before  # asked again: the kept answer
    assert {c.type: c.n for c in before}["PROTEST"] == 2
    store.save([Document(Article("new-1", "new-1.txt", "text", "A march.", published="2020-01-01",
                                 content_hash="n", page_hash="n"),
                         events=(Event("PROTEST", "A march", 0, 7),))])
    after = {c.type: c.n for c in store.count_events(by="type")}
    assert after["PROTEST"] == 3, "a new event is counted at once"
    store.close()


def test_a_read_that_would_hold_the_server_too_long_is_stopped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page read on the event loop stops at the time limit with a 400 that says how to
    narrow the list (here a limit of a nanosecond, looked at every step); exports stream in
    threads and have none, and a limit of 0 is none."""
    import asyncio

    from newsmill.serve import api as http
    from newsmill.store import schema as store_schema

    def get(app: Any, path: str) -> httpx.Response:
        async def ask() -> httpx.Response:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                         base_url="http://127.0.0.1") as client:
                return await client.get(path)
        return asyncio.run(ask())

    monkeypatch.setattr(store_schema, "PROGRESS_STEPS", 1)
    monkeypatch.setattr(http, "READ_SECONDS", 1e-9)
    app = http.create_app(make_store(tmp_path / "s.db"))
    for path in ("/api/articles?q=protest", "/api/events", "/api/statements?speaker=Tokayev"):
        answer = get(app, path)
        assert answer.status_code == 400, path
        assert "took longer than 1e-09 s" in answer.json()["error"]["message"]
    assert get(app, "/api/export/events").status_code == 200
    unlimited = http.create_app(make_store(tmp_path / "u.db"), read_seconds=0)
    assert get(unlimited, "/api/articles?q=protest").status_code == 200, "0: no limit"
    monkeypatch.setattr(http, "READ_SECONDS", 1.0)
    assert get(http.create_app(make_store(tmp_path / "t.db")), "/api/events").status_code == 200
