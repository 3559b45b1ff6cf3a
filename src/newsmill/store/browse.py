"""Filtered, paged reads of the store: what the HTTP API and the web UI ask, as store methods.

Every list comes in pages, in a stable order: a page holds its items and, when more follow, an
opaque cursor for the next page (keyset pagination: a page's cursor names the last item's sort
key, so items stored meanwhile neither repeat nor hide items of later pages). Filters are the
records of ``filters.py``, checked when made.

    find_articles    full text (FTS5's syntax) and metadata filters   newest, or best match first
    find_events      PLOVER type, mode, status, countries, sectors, days, a box   oldest day first
    count_events     the same filters, counted by day, type, status, place ...
    find_statements  by speaker (all or part of the name), words said, article   newest first
    find_speakers    who is quoted, most statements first
"""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from newsmill import errors
from newsmill.errors import QueryError
from newsmill.records import Event, Statement
from newsmill.store import rows, tsquery
from newsmill.store.filters import (
    ArticleFilter,
    EventFilter,
    StatementFilter,
    count_keys,
    decode_cursor,
    encode_cursor,
    words,
)
from newsmill.store.filters import (
    limit as check_limit,
)

T = TypeVar("T")
COUNTS_KEPT = 256
_COUNTS_LOCK = threading.Lock()
DAY = "e.day"  # the event's date, else its article's publication day (migration 0006_days)
_OPEN, _CLOSE = "\x02", "\x03"  # snippet marks, never in stored text (extraction drops them)
# a statement's row in statements_fts: its article's pk times 2^20 plus its number (migration
# 0009_list_indexes)
STATEMENT_ROW = "a.pk * 1048576 + t.idx"
# a statement walked in list order costs about this share of a match read and sorted; the walk
# is taken when it reads fewer (``Browse._frequent``)
WALK_COST = 0.3
EVENT_WALK_COST = 0.3  # the same for an event read in day order, its parties asked
# the filters on an event's parties: (filter, role, field of event_parties)
PARTY_FILTERS = (("actor_country", "actor", "country"),
                 ("recipient_country", "recipient", "country"),
                 ("actor_sector", "actor", "sector"), ("recipient_sector", "recipient", "sector"))
HEADLINE = (f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords=16, MinWords=6, MaxFragments=1, "
            'FragmentDelimiter=" ... "')  # ts_headline's options: FTS5's snippet, near enough


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list; ``next`` is the cursor of the page after it, None at the end."""

    items: tuple[T, ...]
    next: str | None


@dataclass(frozen=True)
class ArticleItem:
    id: str
    title: str | None
    publisher: str | None
    published: str | None
    language: str | None
    url: str | None
    duplicate_of: str | None
    events: int
    statements: int
    snippet: str | None = None  # with a search: the best passage, its matches in ``marks``
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class EventItem:
    """An event with its article; ``day`` is the event's date, else the article's."""

    article_id: str
    idx: int
    day: str | None
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    event: Event
    language: str | None = None  # the article's

    @property
    def id(self) -> str:
        return f"{self.article_id}-{self.idx}"


@dataclass(frozen=True)
class StatementItem:
    article_id: str
    idx: int
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    statement: Statement

    @property
    def id(self) -> str:
        return f"{self.article_id}-{self.idx}"


@dataclass(frozen=True)
class SpeakerItem:
    name: str
    statements: int
    articles: int
    first: str | None  # first and last publication day of the articles quoting them
    last: str | None


@dataclass(frozen=True)
class EventCount:
    """Events counted by some of: day, type, mode, status, place country, place."""

    n: int
    day: str | None = None
    type: str | None = None
    mode: str | None = None
    status: str | None = None
    place_country: str | None = None
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None


def _after(keys: Sequence[tuple[str, bool]], values: tuple[Any, ...],
           params: dict[str, Any]) -> str:
    """SQL true for rows after ``values`` in the order of ``keys`` ((expression, descending))."""
    ors = []
    for i, (expr, desc) in enumerate(keys):
        ands = [f"{k} = :k{j}" for j, (k, _) in enumerate(keys[:i])]
        ands.append(f"{expr} {'<' if desc else '>'} :k{i}")
        ors.append("(" + " AND ".join(ands) + ")")
    params.update({f"k{i}": v for i, v in enumerate(values)})
    return "(" + " OR ".join(ors) + ")"


def _order(keys: Sequence[tuple[str, bool]], postgres: bool = False) -> str:
    """ORDER BY ``keys``; NULL first ascending, last descending, as SQLite has it (PostgreSQL is
    told: its NULL is the largest value)."""
    nulls = {False: " NULLS FIRST", True: " NULLS LAST"} if postgres else {False: "", True: ""}
    return ", ".join(f"{k} {'DESC' if desc else 'ASC'}{nulls[desc]}" for k, desc in keys)


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _name_words(name: str) -> list[str]:
    return re.findall(r"\w+", name.lower())


FTS_SYNTAX = re.compile(r'["()*^:+]|\b(?:AND|OR|NOT|NEAR)\b')


def plain_words(query: str) -> str | None:
    """A query of plain words that FTS5 cannot parse ("covid-19", "U.S.", "don't") as an FTS5
    query of those words, each quoted; ``None`` when the query uses FTS5's syntax (quotes,
    parentheses, AND, OR, NOT, NEAR, ``*``, ``^``, ``:``), so its mistake is the user's to fix."""
    if FTS_SYNTAX.search(query):
        return None
    words = query.split()
    return " ".join('"' + w.replace('"', '""') + '"' for w in words) if words else None


def _snippet(raw: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet's text without its marks, and where the marks were."""
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    n = 0
    start = 0
    for part in re.split(f"([{_OPEN}{_CLOSE}])", raw):
        if part == _OPEN:
            start = n
        elif part == _CLOSE:
            marks.append((start, n))
        else:
            out.append(part)
            n += len(part)
    return "".join(out), tuple(marks)


def _party(field: str, param: str, role: str | None = None, walk: bool = False) -> str:
    """SQL true for events with a party (of ``role``, or any) whose ``field`` is ``:param``:
    the events of those parties looked up (``IN``), or with ``walk`` each event's parties asked
    (``EXISTS``), so that the events are read in the order of an index and the reading stops at
    the page's end. The same events either way."""
    which = f" AND p.role = '{role}'" if role else ""
    if walk:
        return (f"EXISTS (SELECT 1 FROM event_parties p WHERE p.article_id = e.article_id "
                f"AND p.idx = e.idx AND p.{field} = :{param}{which})")
    return (f"(e.article_id, e.idx) IN (SELECT p.article_id, p.idx FROM event_parties p "
            f"WHERE p.{field} = :{param}{which})")


def _same(column: str, param: str, postgres: bool) -> str:
    """SQL true where ``column`` equals ``:param``, case aside."""
    if postgres:
        return f"lower({column}) = lower(:{param})"
    return f"{column} = :{param} COLLATE NOCASE"


def _in_language(column: str, postgres: bool) -> str:
    return f"{column} IN (SELECT id FROM articles WHERE {_same('language', 'lang', postgres)})"


def _match(q: str, postgres: bool) -> tuple[str, dict[str, Any]]:
    """A PostgreSQL store's tsquery of the full-text query ``q`` (FTS5's syntax,
    ``tsquery.py``) and its parameters; plain words with punctuation ("covid-19") are searched
    as words, and a query in FTS5's syntax written wrongly raises ``QueryError``."""
    try:
        found = tsquery.translate(q)
    except tsquery.BadQuery as exc:
        words = plain_words(q)
        if words is None:
            raise QueryError("q", errors.bad_search(q, str(exc))) from exc
        found = tsquery.translate(words)
    return found.sql, found.params


def _walk_bound(conn: Any, table: str, cost: float, n: int) -> int:
    """How many matches make walking ``table`` in list order, at ``cost`` a row against a
    match read and sorted, cheaper for a page of ``n``: the walk reads about n * rows /
    matches rows, so it wins once matches^2 > cost * n * rows."""
    rows_ = conn.execute(text(f"SELECT max(rowid) FROM {table}")).scalar() or 0
    return math.isqrt(int(cost * n * rows_)) + 1


def _count_upto(conn: Any, table: str, cond: str, params: dict[str, Any], bound: int) -> int:
    """The rows of ``table`` where ``cond`` holds, counted up to ``bound`` only."""
    return int(conn.execute(text(
        f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {cond} LIMIT :bound) AS m"),
        {**params, "bound": bound}).scalar())


def _between(column: str, f: Any, where: list[str], params: dict[str, Any]) -> None:
    """The filter's ``since`` and ``until`` (days, inclusive) on ``column``."""
    if f.since:
        where.append(f"{column} >= :since")
        params["since"] = f.since
    if f.until:
        where.append(f"{column} <= :until")
        params["until"] = f.until


def _event_where(f: EventFilter, params: dict[str, Any], postgres: bool = False,
                 walk: bool = False) -> list[str]:
    where: list[str] = []

    def among(column: str, values: Any, name: str) -> None:
        if values:
            marks = []
            for n, v in enumerate(values):
                params[f"{name}{n}"] = v
                marks.append(f":{name}{n}")
            where.append(f"{column} IN ({', '.join(marks)})")

    among("e.type", f.types, "t")
    among("e.mode", f.modes, "m")
    among("e.status", f.status, "st")
    if f.country:
        params["c"] = f.country
        where.append(f"(e.place_country = :c OR {_party('country', 'c', walk=walk)})")
    for name, role, field in PARTY_FILTERS:
        value = getattr(f, name)
        if value:
            params[name] = value
            where.append(_party(field, name, role, walk))
    if f.place_country:
        params["pc"] = f.place_country
        where.append("e.place_country = :pc")
    _between(DAY, f, where, params)
    if f.bbox:
        west, south, east, north = f.bbox
        params.update(west=west, south=south, east=east, north=north)
        lon = ("e.lon BETWEEN :west AND :east" if west <= east
               else "(e.lon >= :west OR e.lon <= :east)")
        where.append(f"(e.lat BETWEEN :south AND :north AND {lon})")
    if f.article:
        params["art"] = f.article
        where.append("e.article_id = :art")
    if f.language:
        params["lang"] = f.language
        where.append(_in_language("e.article_id", postgres))
    return where


_COUNT_COLUMNS = {
    "day": [(DAY, "day")],
    "type": [("e.type", "type")],
    "mode": [("e.mode", "mode")],
    "status": [("e.status", "status")],
    "place_country": [("e.place_country", "place_country")],
    "place": [("e.place_country", "place_country"), ("e.place_name", "place_name"),
              ("e.lat", "lat"), ("e.lon", "lon")],
}


class Browse:
    """The paged, filtered reads; mixed into ``Store``, which provides ``engine``."""

    engine: Engine
    postgres: bool  # a PostgreSQL store: its own full-text search and case folding

    # ---- articles -------------------------------------------------------------------------

    def find_articles(self, where: ArticleFilter | None = None, *, limit: int = 50,
                      cursor: str | None = None) -> Page[ArticleItem]:
        """Articles matching ``where``: the best match first with a full-text query, else the
        newest first (by publication day, then the order stored)."""
        f = where or ArticleFilter()
        n = check_limit(limit)
        params: dict[str, Any] = {"n": n + 1}
        conds = ["1 = 1"]
        keys: list[tuple[str, bool]]
        kinds: tuple[Any, ...]
        if f.q and self.postgres:
            match, found = _match(f.q, postgres=True)
            params.update(found)
            params["opts"] = HEADLINE
            # in double precision: the cursor's number is then the very key compared again
            keys = [(f"CAST(-ts_rank(a.search, {match}) AS DOUBLE PRECISION)", False),
                    ("a.pk", False)]
            kinds = (float, int)
            source = "articles a"
            conds.append(f"a.search @@ {match}")
            snippet = f"ts_headline('{tsquery.CONFIG}', a.body, {match}, :opts)"
        elif f.q:  # ranked in the full-text index alone; the page's rows read after
            keys = [("bm25(articles_fts)", False), ("articles_fts.rowid", False)]
            kinds = (float, int)
            source = "articles_fts"
            conds.append("articles_fts MATCH :q")
            params["q"] = f.q
            snippet = "NULL"
        else:
            # published DESC puts articles with no day last, and follows the index on it
            keys = [("a.published", True), ("a.pk", True)]
            kinds = ((str, type(None)), int)
            source = "articles a"
            snippet = "NULL"
        _between("a.published", f, conds, params)
        if f.publisher:
            conds.append(_same("a.publisher", "pub", self.postgres))
            params["pub"] = f.publisher
        if f.language:
            conds.append(_same("a.language", "lang", self.postgres))
            params["lang"] = f.language
        if f.has_events is not None:
            has = ("EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id) OR "
                   "(a.duplicate_of IS NOT NULL AND EXISTS (SELECT 1 FROM articles o JOIN "
                   "events e ON e.article_id = o.id WHERE o.id = a.duplicate_of "
                   "AND o.body = a.body))")
            conds.append(f"({has})" if f.has_events else f"NOT ({has})")
        after = decode_cursor("articles", cursor, kinds)
        if after is not None and not f.q:
            params["kp"], params["kpk"] = after
            conds.append("(a.published IS NULL AND a.pk < :kpk)" if after[0] is None else
                         "(a.published < :kp OR (a.published = :kp AND a.pk < :kpk) "
                         "OR a.published IS NULL)")
        elif after is not None:
            conds.append(_after(keys, after, params))
        if f.q and not self.postgres:
            if f.since or f.until or f.publisher or f.language or f.has_events is not None:
                source += " JOIN articles a ON a.pk = articles_fts.rowid"  # their filters
            return self._search_articles(f.q, source, conds, keys, params, n)
        sql = text(
            f"SELECT a.pk, a.id, a.title, a.publisher, a.published, a.language, a.url, "
            f"a.duplicate_of, {', '.join(f'{k} AS k{i}' for i, (k, _) in enumerate(keys))}, "
            f"{snippet} AS snippet, "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events, "
            "(SELECT count(*) FROM statements s WHERE s.article_id = a.id) AS n_statements "
            f"FROM {source} WHERE {' AND '.join(conds)} "
            f"ORDER BY {_order(keys, self.postgres)} LIMIT :n")
        with self.engine.connect() as conn:
            result = conn.execute(sql, params).mappings().all()
        return self._article_page(result, result, n, len(keys))

    @staticmethod
    def _article_page(ranked: Sequence[Any], found: Sequence[Any], n: int,
                      keys: int) -> Page[ArticleItem]:
        """The page of the first ``n`` of ``ranked`` (rows of pk and the sort keys k0, k1 ...),
        each from its row in ``found``, with the cursor of the next when there are more."""
        by_pk = {r["pk"]: r for r in found}
        items = []
        for rank in ranked[:n]:
            r = by_pk.get(rank["pk"])
            if r is None:
                continue
            snip, marks = _snippet(r["snippet"]) if r["snippet"] is not None else (None, ())
            items.append(ArticleItem(r["id"], r["title"], r["publisher"], r["published"],
                                     r["language"], r["url"], r["duplicate_of"],
                                     int(r["n_events"]), int(r["n_statements"]), snip, marks))
        nxt = None
        if len(ranked) > n:
            last = ranked[n - 1]
            nxt = encode_cursor("articles", tuple(last[f"k{i}"] for i in range(keys)))
        return Page(tuple(items), nxt)

    def _search_articles(self, q: str, source: str, conds: list[str],
                         keys: list[tuple[str, bool]], params: dict[str, Any],
                         n: int) -> Page[ArticleItem]:
        """A SQLite store's full-text search: the best matches ranked by FTS5 alone (``source``
        joins the articles only for filters on them), then the page's articles with their
        snippets, which FTS5 makes for the rows that pass ``+rowid IN`` only (given to the
        index as a constraint instead, that would run the query once for each row)."""
        named = ", ".join(f"{k} AS k{i}" for i, (k, _) in enumerate(keys))
        rank = text(f"SELECT articles_fts.rowid AS pk, {named} FROM {source} "
                    f"WHERE {' AND '.join(conds)} ORDER BY {_order(keys)} LIMIT :n")
        with self.engine.connect() as conn:
            try:
                ranked = conn.execute(rank, params).mappings().all()
            except OperationalError as exc:
                if "interrupted" in str(exc.orig):  # stopped by the reader's time limit
                    raise
                words = plain_words(q)
                if words is None:  # FTS5 syntax, written wrongly: say what is wrong
                    raise QueryError("q", errors.bad_search(q, str(exc.orig))) from exc
                conn.rollback()  # plain words with punctuation ("covid-19", "U.S."): as words
                params["q"] = words
                ranked = conn.execute(rank, params).mappings().all()
            if not ranked:
                return Page((), None)
            page = ", ".join(str(int(r["pk"])) for r in ranked[:n])
            found = conn.execute(text(
                "SELECT a.pk, a.id, a.title, a.publisher, a.published, a.language, a.url, "
                f"a.duplicate_of, snippet(articles_fts, 1, '{_OPEN}', '{_CLOSE}', ' ... ', 16) "
                "AS snippet, "
                "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events, "
                "(SELECT count(*) FROM statements s WHERE s.article_id = a.id) AS n_statements "
                "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
                f"WHERE articles_fts MATCH :q AND +articles_fts.rowid IN ({page})"),
                {"q": params["q"]}).mappings().all()
        return self._article_page(ranked, found, n, len(keys))

    # ---- events ---------------------------------------------------------------------------

    def find_events(self, where: EventFilter | None = None, *, limit: int = 50,
                    cursor: str | None = None, newest_first: bool = False) -> Page[EventItem]:
        """Events matching ``where``, by day (the event's, else its article's; oldest first, or
        newest first), then the order stored; events with no day at all come last.

        Dated and undated events are read apart, each in the order of an index (day, article,
        number), so a page costs the same at the start of a long list as at its end."""
        f = where or EventFilter()
        n = check_limit(limit)
        kind = "events-desc" if newest_first else "events"
        after = decode_cursor(kind, cursor, (int, str, int, int))
        rows_: list[Any] = []
        with self.engine.connect() as conn:
            walk = not self.postgres and self._parties_common(conn, f, n + 1)
            if after is None or after[0] == 0:
                rows_ += self._event_rows(conn, f, n + 1, newest_first, self.postgres, dated=True,
                                          after=after[1:] if after else None, walk=walk)
            if len(rows_) <= n:
                undated_after = after[1:] if after and after[0] == 1 else None
                rows_ += self._event_rows(conn, f, n + 1 - len(rows_), newest_first,
                                          self.postgres, dated=False, after=undated_after,
                                          walk=walk)
        items = tuple(self._event_item(r) for r in rows_[:n])
        nxt = None
        if len(rows_) > n:
            last = rows_[n - 1]
            nxt = encode_cursor(kind, (int(last["day"] is None), last["day"] or "",
                                       last["article_pk"], last["idx"]))
        return Page(items, nxt)

    @staticmethod
    def _parties_common(conn: Any, f: EventFilter, n: int) -> bool:
        """Whether the events of the parties' countries or sectors that ``f`` asks for are
        many enough that reading events in list order and asking each about its parties
        finds ``n`` at less cost than sorting every one (as ``_frequent``). Each criterion's
        rows are counted in its index, up to that bound; the rarest decides."""
        asked = [("country = :v", f.country)] if f.country else []
        asked += [(f"{field} = :v AND role = '{role}'", getattr(f, name))
                  for name, role, field in PARTY_FILTERS if getattr(f, name)]
        if not asked:
            return False
        bound = _walk_bound(conn, "events", EVENT_WALK_COST, n)
        found = [_count_upto(conn, "event_parties", cond, {"v": value}, bound)
                 for cond, value in asked]
        if f.country:  # or placed there
            found[0] = max(found[0], _count_upto(conn, "events", "place_country = :v",
                                                 {"v": f.country}, bound))
        return min(found) >= bound

    @staticmethod
    def _event_rows(conn: Any, f: EventFilter, n: int, desc: bool, postgres: bool, dated: bool,
                    after: tuple[Any, ...] | None, walk: bool = False) -> list[Any]:
        params: dict[str, Any] = {"n": n}
        conds = [f"e.day IS {'NOT ' if dated else ''}NULL",
                 *_event_where(f, params, postgres, walk)]
        keys = [("e.day", desc)] if dated else []
        keys += [("e.article_pk", desc), ("e.idx", desc)]
        if after is not None:
            conds.append(_after(keys, after if dated else after[1:], params))
        sql = text(
            "SELECT e.*, a.title, a.publisher, a.published, a.url, a.language "
            "FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE {' AND '.join(conds)} ORDER BY {_order(keys, postgres)} LIMIT :n")
        return list(conn.execute(sql, params).mappings().all())

    @staticmethod
    def _event_item(r: Any) -> EventItem:
        return EventItem(r["article_id"], r["idx"], r["day"], r["title"], r["publisher"],
                         r["published"], r["url"], rows.event_from_row(r), r["language"])

    def event(self, event_id: str) -> EventItem | None:
        """One event by its id: its article's id, a dash and its number in the article."""
        article_id, _, idx = event_id.rpartition("-")
        if not article_id or not idx.isdigit():
            return None
        with self.engine.connect() as conn:
            r = conn.execute(text(
                "SELECT e.*, a.title, a.publisher, a.published, a.url, a.language "
                "FROM events e JOIN articles a ON a.id = e.article_id "
                "WHERE e.article_id = :a AND e.idx = :i"),
                {"a": article_id, "i": int(idx)}).mappings().first()
        return None if r is None else self._event_item(r)

    def count_events(self, where: EventFilter | None = None,
                     by: Sequence[str] | str = ("day", "type")) -> list[EventCount]:
        """How many events match ``where``, for each value of the ``by`` keys (some of
        ``filters.COUNT_KEYS``), ordered by those keys. The last ``COUNTS_KEPT`` answers are
        kept until the store gains an article or an event (a timeline is asked for again at
        every change of the other filters)."""
        f = where or EventFilter()
        keys = count_keys(by)
        events = "count(*)" if self.postgres else "max(rowid)"
        with self.engine.connect() as conn:  # what the store holds now: rows are only added
            version = tuple(conn.execute(text(
                f"SELECT (SELECT max(pk) FROM articles), (SELECT {events} FROM events)")).one())
        cache: OrderedDict[Any, tuple[EventCount, ...]] = self.__dict__.setdefault(
            "_counted", OrderedDict())
        key = (f, keys, version)
        with _COUNTS_LOCK:
            if key in cache:
                cache.move_to_end(key)
                return list(cache[key])
        counts = self._count(f, keys)
        with _COUNTS_LOCK:
            cache[key] = tuple(counts)
            while len(cache) > COUNTS_KEPT:
                cache.popitem(last=False)
        return counts

    def _count(self, f: EventFilter, keys: tuple[str, ...]) -> list[EventCount]:
        params: dict[str, Any] = {}
        conds = ["1 = 1", *_event_where(f, params, self.postgres)]
        columns = [c for key in keys for c in _COUNT_COLUMNS[key]]
        select = ", ".join(f"{expr} AS {name}" for expr, name in columns)
        group = ", ".join(name for _, name in columns)
        sql = text(
            f"SELECT {select}, count(*) AS n FROM events e "
            f"WHERE {' AND '.join(conds)} GROUP BY {group} "
            f"ORDER BY {_order([(name, False) for _, name in columns], self.postgres)}")
        names = [name for _, name in columns]
        if self.postgres:
            with self.engine.connect() as conn:
                return [EventCount(**dict(zip(names, r[:-1], strict=True)), n=r[-1])
                        for r in conn.execute(sql, params)]
        with self.engine.connect() as conn:  # the driver's own rows: thousands of them, fast
            raw = conn.connection.driver_connection
            assert raw is not None
            return [EventCount(**dict(zip(names, r[:-1], strict=True)), n=r[-1])
                    for r in raw.execute(str(sql), params)]

    def event_days(self) -> tuple[str | None, str | None]:
        """The first and the last day of the stored events."""
        with self.engine.connect() as conn:
            first, last = conn.execute(text("SELECT min(day), max(day) FROM events")).one()
        return first, last

    # ---- statements -----------------------------------------------------------------------

    def find_statements(self, where: StatementFilter | None = None, *, limit: int = 50,
                        cursor: str | None = None) -> Page[StatementItem]:
        """Statements matching ``where``, newest article first (as ``Store.quotes``), then in
        the order of the article. A speaker's words are whole words of the name; words of
        ``q`` match the beginnings of words said ("protest" finds "protesters").

        With words to match, the full-text index answers alone (it holds each statement's
        article, kind and day), and only the page's statements are read; on SQLite, words
        that many statements hold are found by walking the statements in list order, each
        looked up among the index's matches, which stops at the page's end instead of sorting
        every match."""
        f = where or StatementFilter()
        n = check_limit(limit)
        params: dict[str, Any] = {"n": n + 1}
        names = _name_words(f.speaker or "")
        if f.speaker is not None and not names:
            return Page((), None)
        match = [f'speaker : "{w}"' for w in names]
        match += [f'content : "{w}"*' for w in _name_words(f.q or "")]
        if match and self.postgres:  # the GIN indexes of migration 0006_days
            source = "statements t JOIN articles a ON a.id = t.article_id"
            day, apk = "a.published", "a.pk"
            conds = []
            if names:
                conds.append("to_tsvector('simple', coalesce(t.speaker, '')) "
                             "@@ plainto_tsquery('simple', :speaker)")
                params["speaker"] = " ".join(names)
            if f.q and _name_words(f.q):
                conds.append("to_tsvector('simple', t.content) @@ to_tsquery('simple', :said)")
                params["said"] = " & ".join(f"'{w}':*" for w in _name_words(f.q))
        elif match:
            source, day, apk = "statements_fts t", "t.published", "t.article_pk"
            conds = ["statements_fts MATCH :match"]
            params["match"] = " AND ".join(match)
            if not (f.kind or f.article or f.language):
                with self.engine.connect() as conn:
                    if self._frequent(conn, params["match"], n + 1):
                        after = decode_cursor("statements", cursor, (int, str, int, int))
                        walked = self._walk_statements(conn, params["match"], f, n + 1, after)
                        return self._statement_page(conn, walked, n, 4)
        else:
            source = "statements t JOIN articles a ON a.id = t.article_id"
            day, apk = "a.published", "a.pk"
            conds = ["1 = 1"]
        if f.kind:
            marks = []
            for i, k in enumerate(f.kind):
                params[f"kind{i}"] = k
                marks.append(f":kind{i}")
            conds.append(f"t.kind IN ({', '.join(marks)})")
        if f.article:
            conds.append("t.article_id = :art")
            params["art"] = f.article
        if f.language:
            conds.append(_in_language("t.article_id", self.postgres))
            params["lang"] = f.language
        _between(day, f, conds, params)
        keys = [(f"(CASE WHEN {day} IS NULL THEN 1 ELSE 0 END)", False),
                (f"coalesce({day}, '')", True), (apk, False), ("t.idx", False)]
        after = decode_cursor("statements", cursor, (int, str, int, int))
        if after is not None:
            conds.append(_after(keys, after, params))
        named = ", ".join(f"{k} AS k{i}" for i, (k, _) in enumerate(keys))
        sql = text(
            f"SELECT t.article_id, t.idx, {named} FROM {source} WHERE {' AND '.join(conds)} "
            f"ORDER BY {_order(keys, self.postgres)} LIMIT :n")
        with self.engine.connect() as conn:
            found = conn.execute(sql, params).mappings().all()
            return self._statement_page(conn, found, n, len(keys))

    def _statement_page(self, conn: Any, found: Sequence[Any], n: int,
                        keys: int) -> Page[StatementItem]:
        """The page of the first ``n`` of ``found`` (rows of article_id, idx and the sort keys
        k0, k1 ...), with the cursor of the next when there are more."""
        page = [(r["article_id"], int(r["idx"])) for r in found[:n]]
        got = self._statements(conn, page)
        items = tuple(got[key] for key in page if key in got)
        nxt = None
        if len(found) > n:
            last = found[n - 1]
            nxt = encode_cursor("statements", tuple(last[f"k{i}"] for i in range(keys)))
        return Page(items, nxt)

    @staticmethod
    def _frequent(conn: Any, match: str, n: int) -> bool:
        """Whether walking the statements in list order finds ``n`` that hold ``match`` at less
        cost than reading and sorting every match (``_walk_bound``; it assumes the matches
        spread over the days)."""
        bound = _walk_bound(conn, "statements", WALK_COST, n)
        return _count_upto(conn, "statements_fts", "statements_fts MATCH :m", {"m": match},
                           bound) >= bound

    @staticmethod
    def _walk_statements(conn: Any, match: str, f: StatementFilter, n: int,
                         after: tuple[Any, ...] | None) -> list[Any]:
        """The first ``n`` statements holding ``match`` after the cursor ``after``, read along
        the articles newest first (index ``articles_newest``), each statement's row looked up
        in the list of the full-text index's matches (SQLite builds that list once, for the
        query: what the walk saves is the sort of every match, not the search); the articles
        with a day, then those without. A common word whose matches all sit in old articles
        walks most of the store."""
        keys = [("(CASE WHEN a.published IS NULL THEN 1 ELSE 0 END)", False),
                ("coalesce(a.published, '')", True), ("a.pk", False), ("t.idx", False)]
        named = ", ".join(f"{k} AS k{i}" for i, (k, _) in enumerate(keys))
        found: list[Any] = []
        for dated in (True, False):
            if (after is not None and after[0] == 1 and dated) or len(found) >= n or (
                    not dated and (f.since or f.until)):
                continue
            params: dict[str, Any] = {"match": match, "n": n - len(found)}
            conds = [f"a.published IS {'NOT ' if dated else ''}NULL",
                     f"{STATEMENT_ROW} IN (SELECT rowid FROM statements_fts "
                     "WHERE statements_fts MATCH :match)"]
            _between("a.published", f, conds, params)
            if after is not None and after[0] == (0 if dated else 1):
                if dated:  # where the walk starts; the keys' comparison below decides
                    conds.append("a.published <= :kday")
                    params["kday"] = after[1]
                conds.append(_after(keys, after, params))
            order = "a.published DESC, a.pk, t.idx" if dated else "a.pk, t.idx"
            found += conn.execute(text(
                f"SELECT t.article_id, t.idx, {named} FROM articles a CROSS JOIN statements t "
                f"ON t.article_id = a.id WHERE {' AND '.join(conds)} ORDER BY {order} "
                "LIMIT :n"), params).mappings().all()
        return found

    @staticmethod
    def _statements(conn: Any, keys: list[tuple[str, int]]) -> dict[tuple[str, int],
                                                                     StatementItem]:
        """The statements of ``keys`` ((article id, number)) with their articles."""
        if not keys:
            return {}
        params: dict[str, Any] = {}
        values = []
        # in the driver's own marks: SQLAlchemy's parsing of a hundred parameters would cost
        # more than the query
        mark = "%({})s" if conn.dialect.name == "postgresql" else ":{}"
        for i, (aid, idx) in enumerate(keys):
            params[f"a{i}"], params[f"i{i}"] = aid, idx
            values.append(f"({mark.format(f'a{i}')}, {mark.format(f'i{i}')})")
        # the page's keys drive the join (SQLite reads ``IN (VALUES ...)`` of a row value by
        # scanning every statement; CROSS JOIN keeps the keys as its outer loop)
        sql = (f"WITH page (article_id, idx) AS (VALUES {', '.join(values)}) "
               "SELECT s.*, a.title, a.publisher, a.published, a.url FROM page p "
               "CROSS JOIN statements s JOIN articles a ON a.id = s.article_id "
               "WHERE s.article_id = p.article_id AND s.idx = p.idx")
        return {(r["article_id"], r["idx"]): StatementItem(
                    r["article_id"], r["idx"], r["title"], r["publisher"], r["published"],
                    r["url"], rows.statement_from_row(r))
                for r in conn.exec_driver_sql(sql, params).mappings()}

    def find_speakers(self, q: str | None = None, *, limit: int = 50,
                      cursor: str | None = None) -> Page[SpeakerItem]:
        """Who is quoted (names holding every word of ``q``), most statements first."""
        n = check_limit(limit)
        q = words("q", q)
        names = _name_words(q or "")
        params: dict[str, Any] = {}
        conds = ["1 = 1"]
        for i, w in enumerate(names):
            conds.append(f"lower(speaker) LIKE :w{i} ESCAPE '\\'")
            params[f"w{i}"] = _like(w)
        keys = [("n", True), ("speaker", False)]
        after = decode_cursor("speakers", cursor, (int, str))
        if after is not None:
            conds.append(_after(keys, after, params))
        sql = text(
            "SELECT * FROM (SELECT s.speaker, count(*) AS n, count(DISTINCT s.article_id) AS "
            "arts, min(a.published) AS first, max(a.published) AS last FROM statements s "
            "JOIN articles a ON a.id = s.article_id WHERE s.speaker IS NOT NULL "
            f"GROUP BY s.speaker) AS sp WHERE {' AND '.join(conds)} "
            f"ORDER BY {_order(keys, self.postgres)}")
        wanted = set(names)
        items: list[SpeakerItem] = []
        more = False
        with self.engine.connect() as conn:
            for r in conn.execute(sql, params).mappings():
                if wanted and not wanted <= set(_name_words(r["speaker"])):
                    continue
                if len(items) == n:
                    more = True
                    break
                items.append(SpeakerItem(r["speaker"], int(r["n"]), int(r["arts"]),
                                         r["first"], r["last"]))
        nxt = None
        if more:
            nxt = encode_cursor("speakers", (items[-1].statements, items[-1].name))
        return Page(tuple(items), nxt)


def every(fetch: Callable[[str | None], Page[T]]) -> Iterator[T]:
    """Every item of a paged list, page after page: ``every(lambda c: store.find_events(f,
    cursor=c, limit=500))``."""
    cursor: str | None = None
    while True:
        page = fetch(cursor)
        yield from page.items
        if page.next is None:
            return
        cursor = page.next
