"""The store: one SQLite file (WAL journal, FTS5 search) or a PostgreSQL database (tsvector
search, ``postgres.py``), migrations applied on open, the same methods and answers on both.

Documents are written one batch per transaction, so a run killed at any moment leaves whole
documents only; ids are unique, so writing the same document twice adds nothing.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError

from newsmill import errors
from newsmill.ingest.urls import url_id
from newsmill.records import Article, Document, Event, Skipped, Statement
from newsmill.store import claims, postgres, rows, schema, search, tsquery
from newsmill.store.browse import Browse

if TYPE_CHECKING:
    from newsmill.extract.duplicates import Signature

DEFAULT_DB = "newsmill.db"
SNIPPET = ("StartSel=[, StopSel=], MaxWords=12, MinWords=4, MaxFragments=1, "
           'FragmentDelimiter=" ... "')  # ts_headline's options: FTS5's snippet, near enough
CHILD_TABLES = ("mentions", "statements", "events")


def _columns(table: str, sample: dict[str, Any]) -> str:
    names = ", ".join(f'"{k}"' for k in sample)
    params = ", ".join(f":{k}" for k in sample)
    return f'INSERT INTO {table} ({names}) VALUES ({params})'


@dataclass
class Written:
    """What became of a batch written to the store."""

    added: int = 0
    elsewhere: list[str] = field(default_factory=list)  # ids stored meanwhile by another run
    rejected: list[Skipped] = field(default_factory=list)  # id clashes, refused documents


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str | None
    published: str | None
    snippet: str


@dataclass(frozen=True)
class QuoteHit:
    """A stored statement with the article it comes from."""

    article_id: str
    title: str | None
    published: str | None
    statement: Statement


def _name_words(name: str) -> list[str]:
    return re.findall(r"\w+", name.lower())


@dataclass(frozen=True)
class EventHit:
    """A stored event with the article it comes from."""

    article_id: str
    title: str | None
    published: str | None
    url: str | None
    event: Event


@dataclass(frozen=True)
class Stats:
    articles: int
    mentions: int
    statements: int
    events: int
    skipped: int
    skipped_by_stage: dict[str, int]
    languages: dict[str, int]
    not_analysed: int = 0  # articles in a language the analysis is not made for


class Store(Browse):
    """A newsmill store in one SQLite file, or in a PostgreSQL database.

    ``Store(path)`` creates the store if need be and brings its schema up to date;
    ``Store(path, readonly=True)`` opens an existing store read-only (the file is never
    written, and may be on read-only media). Either refuses a file that is not a newsmill
    store, naming it. A ``postgresql://user:pass@host/dbname`` URL names a database that
    exists (``postgres.py``); ``path`` is then the URL with its password masked.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, create: bool = True,
                 readonly: bool = False) -> None:
        location = str(path)
        self.postgres = postgres.is_url(location)
        self.path = postgres.shown(location)
        self.readonly = readonly
        if not self.postgres and (readonly or not create) and not Path(self.path).exists():
            raise errors.StoreError(errors.no_such_store(self.path))
        try:
            if self.postgres:
                self.engine: Engine = postgres.engine(location, readonly=readonly)
                postgres.open_store(self.engine, self.path, writing=not readonly,
                                    create=create)
                return
            self.engine = (schema.reader_engine(self.path) if readonly
                           else schema.writer_engine(self.path))
            schema.open_store(self.engine, self.path, writing=not readonly)
        except (DatabaseError, OperationalError, sqlite3.Error) as exc:
            if hasattr(self, "engine"):
                self.engine.dispose()
            detail = str(getattr(exc, "orig", None) or exc)
            if self.postgres:
                raise errors.StoreError(errors.cannot_connect(self.path, detail)) from exc
            raise errors.StoreError(errors.not_a_store(self.path, detail)) from exc
        except errors.StoreError:
            self.engine.dispose()
            raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- writing ------------------------------------------------------------------------

    def page_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """``{id: page_hash}`` for those of ``ids`` already stored."""
        ids = list(ids)
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                marks = ", ".join(f":i{n}" for n in range(len(chunk)))
                result = conn.execute(
                    text(f"SELECT id, page_hash FROM articles WHERE id IN ({marks})"),
                    {f"i{n}": v for n, v in enumerate(chunk)})
                out.update({r.id: r.page_hash for r in result})
        return out

    def _urls(self, sql: str, urls: Sequence[str]) -> set[str]:
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(urls), 300):
                chunk = list(urls[i:i + 300])
                marks = ", ".join(f":u{n}" for n in range(len(chunk)))
                params = {f"u{n}": v for n, v in enumerate(chunk)}
                found.update(r[0] for r in conn.execute(text(sql.format(marks=marks)), params))
        return found

    def stored_urls(self, urls: Sequence[str]) -> set[str]:
        """Those of ``urls`` whose story is stored: an article's URL, the URL it was fetched
        from or redirected to, or a URL found to hold a copy of a stored story."""
        return self._urls(
            "SELECT url FROM articles WHERE url IN ({marks}) "
            "UNION SELECT fetched_url FROM articles WHERE fetched_url IN ({marks}) "
            "UNION SELECT final_url FROM articles WHERE final_url IN ({marks}) "
            "UNION SELECT url FROM fetches WHERE url IN ({marks}) AND outcome = 'copy'", urls)

    def known_urls(self, urls: Sequence[str], tries: int = 3) -> set[str]:
        """Those of ``urls`` not to fetch again: stored, skipped (a failure that may pass
        is tried up to ``tries`` times), or a feed or sitemap."""
        return self.stored_urls(urls) | self._urls(
            "SELECT source FROM skipped WHERE source IN ({marks}) AND source NOT IN "
            f"(SELECT url FROM fetches WHERE outcome = 'retry' AND attempts < {int(tries)}) "
            "UNION SELECT url FROM fetches WHERE url IN ({marks}) AND outcome = 'listing'",
            urls)

    def fetch_state(self, url: str) -> tuple[str | None, str | None] | None:
        """The ETag and Last-Modified of the last read of a feed or sitemap."""
        with self.engine.connect() as conn:
            row = conn.execute(text("SELECT etag, last_modified FROM fetches WHERE url = :u "
                                    "AND outcome = 'listing'"), {"u": url}).first()
        return (row.etag, row.last_modified) if row else None

    def record_fetch(self, url: str, kind: str, outcome: str, status: int | None = None,
                     etag: str | None = None, last_modified: str | None = None) -> None:
        """Remember a fetch: a feed's validators ('listing'), a failure to try again later
        ('retry', counted), a URL that held a copy of a stored story ('copy')."""
        try:
            with self.engine.begin() as conn:
                conn.execute(text(
                    "INSERT INTO fetches (url, kind, status, etag, last_modified, fetched, "
                    "outcome) VALUES (:u, :k, :s, :e, :m, :f, :o) ON CONFLICT (url) DO UPDATE "
                    "SET kind = excluded.kind, status = excluded.status, etag = excluded.etag, "
                    "last_modified = excluded.last_modified, fetched = excluded.fetched, "
                    "outcome = excluded.outcome, attempts = fetches.attempts + 1"),
                    {"u": url, "k": kind, "s": status, "e": etag, "m": last_modified,
                     "f": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "o": outcome})
        except (OperationalError, sqlite3.OperationalError) as exc:
            raise errors.StoreError(errors.store_write_failed(
                self.path, str(getattr(exc, "orig", None) or exc))) from exc

    def ids_by_url(self, urls: Sequence[str]) -> dict[str, str]:
        """``{url: article id}`` for those of ``urls`` that are a stored article's URL."""
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(urls), 500):
                chunk = list(urls[i:i + 500])
                marks = ", ".join(f":u{n}" for n in range(len(chunk)))
                result = conn.execute(text(f"SELECT url, id FROM articles WHERE url IN ({marks})"),
                                      {f"u{n}": v for n, v in enumerate(chunk)})
                out.update({r.url: r.id for r in result})
        return out

    def near_copies(self, bands: list[tuple[int, str]]) -> dict[str, bytes]:
        """``{article id: signature}`` of the stored originals sharing one of ``bands``."""
        if not bands:
            return {}
        pairs = " OR ".join(f"(b.band = :b{n} AND b.key = :k{n})" for n in range(len(bands)))
        params: dict[str, Any] = {}
        for n, (band, key) in enumerate(bands):
            params[f"b{n}"], params[f"k{n}"] = band, key
        with self.engine.connect() as conn:
            result = conn.execute(text(
                "SELECT DISTINCT b.article_id, s.signature FROM bands b "
                f"JOIN signatures s ON s.article_id = b.article_id WHERE {pairs}"), params)
            return {r.article_id: bytes(r.signature) for r in result}

    def save(self, records: Iterable[Document | Skipped],
             signatures: Mapping[str, Signature] | None = None) -> int:
        """Store documents and skipped inputs in one transaction; returns documents added
        (``write`` tells what became of each)."""
        return self.write(records, signatures).added

    def write(self, records: Iterable[Document | Skipped],
              signatures: Mapping[str, Signature] | None = None,
              owner: str | None = None, release: Iterable[str] | None = None) -> Written:
        """Store documents and skipped inputs in one transaction.

        A document whose id is already stored is left as it is: with the same page (or
        another capture of the URL it is named by) it was stored meanwhile by another process
        (``Written.elsewhere``), with another it is a clash of ids (a ``Skipped`` in
        ``Written.rejected``). A document the database refuses is rejected alone, the rest of
        the batch is stored. A skipped input is recorded once
        per source (the newest reason wins) and forgotten when that source is stored.
        ``signatures`` (by article id) index the originals added, so later copies find them.
        The claims of ``owner`` are released (only those of ``release`` if given: a run
        with several batches under way keeps the others). A failure of the database itself
        (disk full, I/O error) raises ``StoreError`` and stores nothing of the batch.
        """
        written = Written()
        signatures = signatures or {}
        try:
            with self.engine.begin() as conn:
                if self.postgres:  # one writer at a time, as on SQLite
                    postgres.lock(conn, postgres.WRITE_LOCK)
                for rec in records:
                    if isinstance(rec, Skipped):
                        self._skip(conn, rec)
                        continue
                    self._write_one(conn, rec, signatures.get(rec.article.id), written)
                if owner is not None and release is None:
                    conn.execute(text("DELETE FROM claims WHERE owner = :o"), {"o": owner})
                elif owner is not None and release:
                    conn.execute(text("DELETE FROM claims WHERE owner = :o AND id = :i"),
                                 [{"o": owner, "i": i} for i in release])
        except (OperationalError, sqlite3.OperationalError) as exc:
            raise errors.StoreError(errors.store_write_failed(
                self.path, str(getattr(exc, "orig", None) or exc))) from exc
        return written

    @staticmethod
    def _skip(conn: Connection, rec: Skipped) -> None:
        conn.execute(text(
            "INSERT INTO skipped (source, id, stage, reason) "
            "VALUES (:source, :id, :stage, :reason) ON CONFLICT (source) DO UPDATE "
            "SET id = excluded.id, stage = excluded.stage, reason = excluded.reason"),
            {"source": rec.source, "id": rec.id, "stage": rec.stage, "reason": rec.reason})

    def _write_one(self, conn: Connection, doc: Document, sig: Signature | None,
                   written: Written) -> None:
        a = doc.article
        try:
            with conn.begin_nested():  # a savepoint: a refused document takes only itself
                new = self._insert(conn, doc)
                if new and sig is not None and a.duplicate_of is None:
                    self._index(conn, a.id, sig)
        except (OperationalError, sqlite3.OperationalError) as exc:
            if not postgres.refused(exc):  # the database failing, not this document
                raise
            detail = f"{type(exc).__name__}: {getattr(exc, 'orig', None) or exc}"
            written.rejected.append(Skipped(a.id, a.source, "store",
                                            errors.store_rejected(a.source, detail)))
            self._skip(conn, written.rejected[-1])
            return
        except (SQLAlchemyError, UnicodeError, OverflowError, ValueError) as exc:
            detail = f"{type(exc).__name__}: {getattr(exc, 'orig', None) or exc}"
            written.rejected.append(Skipped(a.id, a.source, "store",
                                            errors.store_rejected(a.source, detail)))
            self._skip(conn, written.rejected[-1])
            return
        if new:
            written.added += 1
            return
        stored = conn.execute(text("SELECT page_hash, source FROM articles WHERE id = :i"),
                              {"i": a.id}).first()
        recapture = a.fetched_url is not None and a.id == url_id(a.fetched_url)
        if stored is not None and (stored.page_hash == a.page_hash or recapture):
            written.elsewhere.append(a.id)  # a URL's page: another capture of it
        else:
            other = stored.source if stored is not None else "a stored page"
            written.rejected.append(Skipped(a.id, a.source, "ingest",
                                            errors.duplicate_id(a.source, a.id, other)))
            self._skip(conn, written.rejected[-1])

    @staticmethod
    def _index(conn: Connection, article_id: str, sig: Signature) -> None:
        conn.execute(text("INSERT INTO signatures (article_id, signature) VALUES (:i, :s)"),
                     {"i": article_id, "s": sig.to_bytes()})
        conn.execute(text("INSERT INTO bands (band, key, article_id) VALUES (:b, :k, :i)"),
                     [{"b": b, "k": k, "i": article_id} for b, k in sig.bands()])

    def _insert(self, conn: Connection, doc: Document) -> int:
        row = rows.article_row(doc.article)
        result = conn.execute(text(_columns("articles", row) + " ON CONFLICT (id) DO NOTHING"),
                              row)
        if not result.rowcount:
            return 0
        for table, table_rows in rows.document_rows(doc).items():
            if table_rows:
                conn.execute(text(_columns(table, table_rows[0])), table_rows)
        conn.execute(text("DELETE FROM skipped WHERE source = :s"), {"s": doc.article.source})
        return 1

    def claim(self, ids: Iterable[str], owner: str) -> set[str]:
        """Claim ``ids`` for the run ``owner``; returns those it got: not claimed by another
        run that may still be working on them (``claims.py``)."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return set()
        now = time.time()
        got: set[str] = set()
        try:
            with self.engine.begin() as conn:
                if self.postgres:  # one claimer at a time: two cannot both win an id
                    postgres.lock(conn, postgres.CLAIM_LOCK)
                for i in range(0, len(ids), 500):
                    chunk = ids[i:i + 500]
                    marks = ", ".join(f":i{n}" for n in range(len(chunk)))
                    held = {r.id: r for r in conn.execute(text(
                        f"SELECT id, owner, at FROM claims WHERE id IN ({marks})"),
                        {f"i{n}": v for n, v in enumerate(chunk)})}
                    mine = [c for c in chunk if c not in held or held[c].owner == owner
                            or not claims.alive(held[c].owner, held[c].at, now)]
                    if mine:
                        conn.execute(text("INSERT INTO claims (id, owner, at) VALUES (:i, :o, :t) "
                                          "ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, "
                                          "at = excluded.at"),
                                     [{"i": c, "o": owner, "t": now} for c in mine])
                    got.update(mine)
        except (OperationalError, sqlite3.OperationalError) as exc:
            raise errors.StoreError(errors.store_write_failed(
                self.path, str(getattr(exc, "orig", None) or exc))) from exc
        return got

    def release(self, owner: str) -> None:
        """Drop the claims of the run ``owner`` (at its end, whatever became of them)."""
        try:
            with self.engine.begin() as conn:
                conn.execute(text("DELETE FROM claims WHERE owner = :o"), {"o": owner})
        except (OperationalError, sqlite3.OperationalError) as exc:
            raise errors.StoreError(errors.store_write_failed(
                self.path, str(getattr(exc, "orig", None) or exc))) from exc

    def record_run(self, inputs: list[str], started: float, seconds: float, stored: int,
                   unchanged: int, skipped: int, elsewhere: int = 0) -> None:
        try:
            with self.engine.begin() as conn:
                conn.execute(text(
                    "INSERT INTO runs (started, seconds, inputs, stored, unchanged, skipped, "
                    "elsewhere) VALUES (:started, :seconds, :inputs, :stored, :unchanged, "
                    ":skipped, :elsewhere)"),
                    {"started": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(started)),
                     "seconds": round(seconds, 3), "inputs": json.dumps(inputs),
                     "stored": stored, "unchanged": unchanged, "skipped": skipped,
                     "elsewhere": elsewhere})
        except (OperationalError, sqlite3.OperationalError) as exc:
            raise errors.StoreError(errors.store_write_failed(
                self.path, str(getattr(exc, "orig", None) or exc))) from exc

    # ---- reading ------------------------------------------------------------------------

    def get(self, article_id: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(text("SELECT * FROM articles WHERE id = :id"),
                               {"id": article_id}).mappings().first()
            if row is None:
                return None
            return self._document(conn, row)

    def _document(self, conn: Connection, row: Any) -> Document:
        """The stored document of ``row``; a copy of a story with the very same body (a
        re-scrape, a syndicated copy) carries the analysis of its first copy, which it was
        not given again."""
        aid = row["id"]
        if row["duplicate_of"] is not None:
            first = conn.execute(text("SELECT id, body FROM articles WHERE id = :o"),
                                 {"o": row["duplicate_of"]}).first()
            if first is not None and first.body == row["body"]:
                aid = first.id
        children = {
            table: conn.execute(text(f"SELECT * FROM {table} WHERE article_id = :a ORDER BY idx"),
                                {"a": aid}).mappings().all()
            for table in CHILD_TABLES
        }
        return Document(
            rows.article_from_row(row),
            mentions=tuple(rows.mention_from_row(r) for r in children["mentions"]),
            statements=tuple(rows.statement_from_row(r) for r in children["statements"]),
            events=tuple(rows.event_from_row(r) for r in children["events"]),
        )

    def documents(self) -> Iterator[Document]:
        """Every stored document, in the order stored."""
        with self.engine.connect() as conn:
            for row in conn.execute(text("SELECT * FROM articles ORDER BY pk")).mappings():
                yield self._document(conn, row)

    def articles(self) -> Iterator[Article]:
        """Every stored article, without its analysis, by publication day (those with none
        first), then in the order stored; read as it is iterated, so memory does not grow
        with the store."""
        with self.engine.connect() as conn:
            streamed = conn.execution_options(stream_results=True, yield_per=500)
            for row in streamed.execute(text(
                    "SELECT * FROM articles ORDER BY published NULLS FIRST, pk")).mappings():
                yield rows.article_from_row(row)

    def skipped(self) -> list[Skipped]:
        with self.engine.connect() as conn:
            result = conn.execute(text("SELECT * FROM skipped ORDER BY source")).mappings()
            return [Skipped(r["id"], r["source"], r["stage"], r["reason"]) for r in result]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles matching an FTS5 query, best first; plain words if the query is not FTS5
        (on PostgreSQL the same query, as tsquery: ``_search_postgres``).

        A query of more than ``MAX_QUERY_WORDS`` words raises ``QueryError``. Hits are ranked
        (bm25) and their snippets marked by the query's first distinct words (``search.py``),
        so ranking costs no more for a longer query."""
        search.check_query(query)
        rank = search.ranking_query(query)
        n = search.bounded(limit)
        if rank is None or n == 0:
            return []
        if self.postgres:
            return self._search_postgres(query, n)
        with self.engine.connect() as conn:
            try:
                return self._search(conn, query, rank, n)
            except OperationalError:  # not FTS5 syntax: search the words as a phrase
                conn.rollback()
                return self._search(conn, search.phrase(query), rank, n)

    def _search_postgres(self, query: str, limit: int | None) -> list[SearchHit]:
        """The articles matching ``query`` (``tsquery.py``; not FTS5 syntax: as a phrase), by
        ``ts_rank``, then the order stored; snippets by ``ts_headline``."""
        try:
            q = tsquery.translate(query)
        except tsquery.BadQuery:
            q = tsquery.translate(search.phrase(query))
        params: dict[str, Any] = {**q.params, "opts": SNIPPET}
        sql = (f"SELECT id, title, published, substr(body, 1, 80) AS head, "
               f"ts_headline('{tsquery.CONFIG}', body, {q.sql}, :opts) AS snippet "
               f"FROM articles WHERE search @@ {q.sql} "
               f"ORDER BY ts_rank(search, {q.sql}) DESC, pk")
        if limit is not None:
            sql += " LIMIT :n"
            params["n"] = limit
        with self.engine.connect() as conn:
            return [SearchHit(r.id, r.title, r.published, r.snippet or r.head + " ...")
                    for r in conn.execute(text(sql), params)]

    @staticmethod
    def _search(conn: Connection, query: str, rank: str, limit: int | None) -> list[SearchHit]:
        """The rows matching ``query``, in the order of their rank by ``rank`` (rows holding
        none of its words last); each step costs the rows it passes once (no FTS5 lookup
        per row: a rowid constraint on the full-text table would run the query per row)."""
        matching = {r[0] for r in conn.execute(text(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q"), {"q": query})}
        picked: list[int] = []
        if matching:
            for (rowid,) in conn.execute(text(
                    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :r ORDER BY rank"),
                    {"r": rank}):
                if rowid in matching:
                    picked.append(rowid)
                    if limit is not None and len(picked) >= limit:
                        break
        if limit is None or len(picked) < limit:  # rows holding none of the ranking words
            chosen = set(picked)
            rest = sorted(matching - chosen)
            picked += rest if limit is None else rest[:limit - len(picked)]
        snippets: dict[int, str] = {}
        for rowid in picked:
            snippet = conn.execute(text(
                "SELECT snippet(articles_fts, 1, '[', ']', ' ... ', 12) FROM articles_fts "
                "WHERE articles_fts MATCH :r AND rowid = :i"), {"r": rank, "i": rowid}).scalar()
            snippets[rowid] = snippet if snippet is not None else ""
        rows_by_pk: dict[int, Any] = {}
        for i in range(0, len(picked), 500):
            chunk = picked[i:i + 500]
            marks = ", ".join(f":p{n}" for n in range(len(chunk)))
            for r in conn.execute(text(
                    f"SELECT pk, id, title, published, substr(body, 1, 80) AS head "
                    f"FROM articles WHERE pk IN ({marks})"),
                    {f"p{n}": v for n, v in enumerate(chunk)}):
                rows_by_pk[r.pk] = r
        found = [(pk, rows_by_pk[pk]) for pk in picked if pk in rows_by_pk]
        return [SearchHit(r.id, r.title, r.published, snippets[pk] or r.head + " ...")
                for pk, r in found]

    def quotes(self, speaker: str | None = None, kind: str | None = None,
               limit: int | None = 100) -> list[QuoteHit]:
        """Statements, newest article first; ``speaker`` keeps those whose speaker's name holds
        every word of it ("Tokayev" finds "Kassym-Jomart Tokayev"), case aside."""
        words = _name_words(speaker or "")
        if speaker is not None and not words:
            return []
        limit = search.bounded(limit)
        where = ["1 = 1"]
        params: dict[str, Any] = {}
        for n, w in enumerate(words):  # a cheap SQL prefilter; whole words checked below
            where.append(f"lower(s.speaker) LIKE :w{n} ESCAPE '\\'")
            params[f"w{n}"] = f"%{search.like_escape(w)}%"
        if kind:
            where.append("s.kind = :kind")
            params["kind"] = kind
        sql = text(
            "SELECT s.*, a.title, a.published FROM statements s JOIN articles a "
            f"ON a.id = s.article_id WHERE {' AND '.join(where)} "
            "ORDER BY a.published DESC NULLS LAST, a.pk, s.idx")
        hits: list[QuoteHit] = []
        with self.engine.connect() as conn:
            for row in conn.execute(sql, params).mappings():
                if words and not set(words) <= set(_name_words(row["speaker"])):
                    continue
                hits.append(QuoteHit(row["article_id"], row["title"], row["published"],
                                     rows.statement_from_row(row)))
                if limit is not None and len(hits) >= limit:
                    break
        return hits

    def events(self, type: str | None = None, country: str | None = None,
               since: str | None = None, until: str | None = None,
               limit: int | None = None) -> list[EventHit]:
        """Events by PLOVER type, country (of the place or of an actor or recipient: an ISO3
        code, matched exactly) and day (the event's date, else its article's publication
        date; ``since`` and ``until`` are a day, a month or a year, YYYY[-MM[-DD]]), oldest
        first."""
        where = ["1 = 1"]
        params: dict[str, Any] = {}
        if type:
            where.append("e.type = :type")
            params["type"] = type.upper()
        if country:
            params["c"] = search.check_country(country)
            where.append("(e.place_country = :c OR EXISTS (SELECT 1 FROM event_parties p "
                         "WHERE p.article_id = e.article_id AND p.idx = e.idx "
                         "AND p.country = :c))")
        day = "coalesce(e.date, a.published)"
        if since:
            where.append(f"{day} >= :since")
            params["since"] = search.check_day("since", since)
        if until:  # the whole of a month or year given
            where.append(f"substr({day}, 1, length(CAST(:until AS TEXT))) <= :until")
            params["until"] = search.check_day("until", until)
        limit = search.bounded(limit)
        sql = text(
            "SELECT e.*, a.title, a.published, a.url FROM events e JOIN articles a "
            f"ON a.id = e.article_id WHERE {' AND '.join(where)} "
            f"ORDER BY {day} NULLS LAST, a.pk, e.idx" + (" LIMIT :n" if limit else ""))
        if limit:
            params["n"] = limit
        with self.engine.connect() as conn:
            return [EventHit(r["article_id"], r["title"], r["published"], r["url"],
                             rows.event_from_row(r))
                    for r in conn.execute(sql, params).mappings()]

    def top_entities(self, limit: int = 20) -> list[tuple[str, str, int]]:
        """The most mentioned entities: ``(text, label, mentions)``."""
        with self.engine.connect() as conn:
            result = conn.execute(text(
                "SELECT text, label, count(*) AS n FROM mentions GROUP BY text, label "
                "ORDER BY n DESC, text LIMIT :n"), {"n": limit})
            return [(r.text, r.label, int(r.n)) for r in result]

    def stats(self) -> Stats:
        with self.engine.connect() as conn:
            def count(table: str) -> int:
                return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())

            by_stage: dict[str, int] = dict(conn.execute(text(
                "SELECT stage, count(*) FROM skipped GROUP BY stage ORDER BY stage")).all())
            languages: dict[str, int] = dict(conn.execute(text(
                "SELECT coalesce(language, '?'), count(*) FROM articles GROUP BY 1 "
                "ORDER BY 2 DESC")).all())
            from newsmill.extract.language import analysed

            others = sum(n for lang, n in languages.items()
                         if lang != "?" and not analysed(lang))
            return Stats(count("articles"), count("mentions"), count("statements"),
                         count("events"), count("skipped"), by_stage, languages, others)
