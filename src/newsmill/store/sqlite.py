"""The SQLite store: one file, WAL journal, FTS5 search, migrations applied on open.

Documents are written one batch per transaction, so a run killed at any moment leaves whole
documents only; ids are unique, so writing the same document twice adds nothing.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError

from newsmill import errors
from newsmill.records import Document, Event, Skipped, Statement
from newsmill.store import rows
from newsmill.store.browse import Browse

if TYPE_CHECKING:
    from newsmill.extract.duplicates import Signature

DEFAULT_DB = "newsmill.db"
CHILD_TABLES = ("mentions", "statements", "events")


def _columns(table: str, sample: dict[str, Any]) -> str:
    names = ", ".join(f'"{k}"' for k in sample)
    params = ", ".join(f":{k}" for k in sample)
    return f'INSERT INTO {table} ({names}) VALUES ({params})'


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


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def migrate(conn: Connection) -> None:
    """Apply every migration not yet recorded in ``alembic_version``, in order."""
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("newsmill.store") / "migrations"))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


class Store(Browse):
    """A newsmill store in one SQLite file."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, create: bool = True) -> None:
        self.path = str(path)
        if not create and not Path(self.path).exists():
            raise errors.StoreError(errors.no_such_store(self.path))
        self.engine: Engine = create_engine(f"sqlite:///{self.path}")
        event.listen(self.engine, "connect", _set_pragmas)
        try:
            with self.engine.begin() as conn:
                migrate(conn)
        except (DatabaseError, OperationalError) as exc:
            self.engine.dispose()
            raise errors.StoreError(errors.not_a_store(self.path, str(exc.orig))) from exc

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
        with self.engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO fetches (url, kind, status, etag, last_modified, fetched, outcome) "
                "VALUES (:u, :k, :s, :e, :m, :f, :o) ON CONFLICT (url) DO UPDATE SET "
                "kind = excluded.kind, status = excluded.status, etag = excluded.etag, "
                "last_modified = excluded.last_modified, fetched = excluded.fetched, "
                "outcome = excluded.outcome, attempts = fetches.attempts + 1"),
                {"u": url, "k": kind, "s": status, "e": etag, "m": last_modified,
                 "f": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "o": outcome})

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
        """Store documents and skipped inputs in one transaction; returns documents added.

        A document whose id is already stored is left as it is. A skipped input is recorded
        once per source (the newest reason wins) and forgotten when that source is stored.
        ``signatures`` (by article id) index the originals added, so later copies find them.
        """
        added = 0
        signatures = signatures or {}
        with self.engine.begin() as conn:
            for rec in records:
                if isinstance(rec, Skipped):
                    conn.execute(text(
                        "INSERT INTO skipped (source, id, stage, reason) "
                        "VALUES (:source, :id, :stage, :reason) ON CONFLICT (source) DO UPDATE "
                        "SET id = excluded.id, stage = excluded.stage, reason = excluded.reason"),
                        {"source": rec.source, "id": rec.id, "stage": rec.stage,
                         "reason": rec.reason})
                    continue
                new = self._insert(conn, rec)
                added += new
                sig = signatures.get(rec.article.id)
                if new and sig is not None and rec.article.duplicate_of is None:
                    self._index(conn, rec.article.id, sig)
        return added

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

    def record_run(self, inputs: list[str], started: float, seconds: float, stored: int,
                   unchanged: int, skipped: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO runs (started, seconds, inputs, stored, unchanged, skipped) "
                "VALUES (:started, :seconds, :inputs, :stored, :unchanged, :skipped)"),
                {"started": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(started)),
                 "seconds": round(seconds, 3), "inputs": json.dumps(inputs), "stored": stored,
                 "unchanged": unchanged, "skipped": skipped})

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

    def skipped(self) -> list[Skipped]:
        with self.engine.connect() as conn:
            result = conn.execute(text("SELECT * FROM skipped ORDER BY source")).mappings()
            return [Skipped(r["id"], r["source"], r["stage"], r["reason"]) for r in result]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles matching an FTS5 query, best first; plain words if the query is not FTS5."""
        sql = text(
            "SELECT a.id, a.title, a.published, "
            "snippet(articles_fts, 1, '[', ']', ' ... ', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
            "WHERE articles_fts MATCH :q ORDER BY rank LIMIT :n")
        with self.engine.connect() as conn:
            try:
                result = conn.execute(sql, {"q": query, "n": limit}).all()
            except OperationalError:  # not FTS5 syntax: search the words as a phrase
                quoted = '"' + query.replace('"', '""') + '"'
                result = conn.execute(sql, {"q": quoted, "n": limit}).all()
        return [SearchHit(r.id, r.title, r.published, r.snippet) for r in result]

    def quotes(self, speaker: str | None = None, kind: str | None = None,
               limit: int | None = 100) -> list[QuoteHit]:
        """Statements, newest article first; ``speaker`` keeps those whose speaker's name holds
        every word of it ("Tokayev" finds "Kassym-Jomart Tokayev"), case aside."""
        words = _name_words(speaker or "")
        if speaker is not None and not words:
            return []
        where = ["1 = 1"]
        params: dict[str, Any] = {}
        for n, w in enumerate(words):  # a cheap SQL prefilter; whole words checked below
            where.append(f"lower(s.speaker) LIKE :w{n}")
            params[f"w{n}"] = f"%{w}%"
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
        """Events by PLOVER type, country (of the place or of an actor or recipient, ISO3) and
        day (the event's date, else its article's publication date), oldest first."""
        where = ["1 = 1"]
        params: dict[str, Any] = {}
        if type:
            where.append("e.type = :type")
            params["type"] = type.upper()
        if country:
            where.append("(e.place_country = :c OR e.actors LIKE :cj OR e.recipients LIKE :cj)")
            params["c"], params["cj"] = country.upper(), f'%"country": "{country.upper()}"%'
        day = "coalesce(e.date, a.published)"
        if since:
            where.append(f"{day} >= :since")
            params["since"] = since
        if until:
            where.append(f"{day} <= :until")
            params["until"] = until
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
