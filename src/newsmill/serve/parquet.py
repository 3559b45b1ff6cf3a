"""The Parquet export: the stored articles, statements and events as three typed tables, for
pyarrow, pandas, polars, DuckDB or Spark.

    DIR/articles.parquet  DIR/statements.parquet  DIR/events.parquet      (one file a table)
    DIR/events/year=2019/month=10/part-0.parquet ...                      (partition="date")

Columns are typed, never JSON in a string: days are ``date32`` (with the text as stored beside
them in ``*_text``, so a day that is not a whole valid one, "2019-06" or garbage, is a null
date and its text kept), when a page was fetched a UTC ``timestamp``, offsets and counts
integers, coordinates floats, ``date_resolved`` a bool, an article's authors a
``list<string>``, an event's actors and recipients ``list<struct<name, country, sector>>`` and
its place a ``struct<name, country, lat, lon>``. Statements and events carry ``article_id``
(and their number in the article, ``idx``; ``id`` is ``{article_id}-{idx}`` as everywhere).

Partitioned by date, each table is a directory in Hive's layout, ``year=YYYY/month=M``, by the
article's publication day (articles, statements) or the event's day (its own, else its
article's): ``pyarrow.dataset.dataset(DIR / "events", partitioning="hive")`` or DuckDB's
``read_parquet('DIR/events/**/*.parquet', hive_partitioning = true)`` read it as one table with
``year`` and ``month`` columns; rows with no day are under ``year=__HIVE_DEFAULT_PARTITION__``
(null). A table with no rows is an empty directory. ``dataset(DIR, table)`` opens a table of
either layout (with the partition keys' types given, which pyarrow cannot infer when no row of
a table has a day).

The filters are the event exports' for events (all statuses unless ``where.status`` says
otherwise: the status is a column) and the article exports' for articles and their statements:
published within ``since``/``until``, in ``language``, and, with any other field of ``where``
set (types, status, country, ...), holding such an event.

Rows are read from the store page by page, by day, and written in record batches of
``batch_rows``, so memory does not grow with the store (but for the ids of the articles a filter
keeps); partitioned, at most ``OPEN_PARTITIONS`` files are open (each holding a row group). The
directory appears whole or not at all: it is written beside the target and renamed onto it; an
existing export directory (holding only what this export writes) is replaced whole.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from newsmill import errors
from newsmill.records import Actor, Article
from newsmill.serve.export import mode_of, why
from newsmill.store import (
    ArticleFilter,
    EventFilter,
    EventItem,
    StatementFilter,
    StatementItem,
    Store,
    every,
)

FORMAT = "parquet"
TABLES = ("articles", "statements", "events")
PARTITIONS = ("date",)  # year=YYYY/month=M
BATCH_ROWS = 4096
PAGE = 1000  # rows read from the store at a time (its largest page)
# partitions written at once: each holds a row group in memory until its file is closed; the
# rows come by day (articles and statements by publication day, events by their day), so a
# partition is done when the next begins and closing the least recent one costs nothing
OPEN_PARTITIONS = 32
OURS = frozenset({*TABLES, *(f"{t}.parquet" for t in TABLES)})

ACTOR = pa.struct([("name", pa.string()), ("country", pa.string()), ("sector", pa.string())])
PLACE = pa.struct([("name", pa.string()), ("country", pa.string()), ("lat", pa.float64()),
                   ("lon", pa.float64())])
ARTICLES = pa.schema([
    ("id", pa.string()), ("source", pa.string()), ("kind", pa.string()), ("url", pa.string()),
    ("title", pa.string()), ("authors", pa.list_(pa.string())), ("publisher", pa.string()),
    ("published", pa.date32()), ("published_text", pa.string()),
    ("updated", pa.date32()), ("updated_text", pa.string()), ("language", pa.string()),
    ("body", pa.string()), ("content_hash", pa.string()), ("page_hash", pa.string()),
    ("duplicate_of", pa.string()), ("fetched_url", pa.string()), ("final_url", pa.string()),
    ("canonical_url", pa.string()), ("fetched", pa.timestamp("us", tz="UTC")),
])
STATEMENTS = pa.schema([
    ("id", pa.string()), ("article_id", pa.string()), ("idx", pa.int32()),
    ("published", pa.date32()),  # the article's
    ("speaker", pa.string()), ("speaker_mention", pa.string()), ("role", pa.string()),
    ("cue", pa.string()), ("kind", pa.string()), ("content", pa.string()),
    ("start", pa.int32()), ("end", pa.int32()),
])
EVENTS = pa.schema([
    ("id", pa.string()), ("article_id", pa.string()), ("idx", pa.int32()),
    ("day", pa.date32()),  # the event's date, else its article's publication day
    ("date", pa.date32()), ("date_text", pa.string()), ("date_resolved", pa.bool_()),
    ("type", pa.string()), ("mode", pa.string()), ("status", pa.string()),
    ("actors", pa.list_(ACTOR)), ("recipients", pa.list_(ACTOR)), ("place", PLACE),
    ("size", pa.int64()), ("arrested", pa.int64()), ("injured", pa.int64()),
    ("dead", pa.int64()), ("evidence", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
    ("language", pa.string()),  # the article's
])
SCHEMAS = {"articles": ARTICLES, "statements": STATEMENTS, "events": EVENTS}
PARTITION_KEYS = pa.schema([("year", pa.int32()), ("month", pa.int32())])

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Exported:
    """How many rows each table got."""

    articles: int
    statements: int
    events: int


def day(value: str | None) -> date | None:
    """``value`` as a date if it is a whole valid day (YYYY-MM-DD), else ``None``."""
    if value is None or not _DAY.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def moment(value: str | None) -> datetime | None:
    """``value`` (ISO 8601) as a UTC time, ``None`` if it is not one; a time without a zone is
    taken as UTC, as newsmill records fetch times."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def article_row(a: Article) -> dict[str, Any]:
    return {"id": a.id, "source": a.source, "kind": a.kind, "url": a.url, "title": a.title,
            "authors": list(a.authors), "publisher": a.publisher,
            "published": day(a.published), "published_text": a.published,
            "updated": day(a.updated), "updated_text": a.updated, "language": a.language,
            "body": a.body, "content_hash": a.content_hash, "page_hash": a.page_hash,
            "duplicate_of": a.duplicate_of, "fetched_url": a.fetched_url,
            "final_url": a.final_url, "canonical_url": a.canonical_url,
            "fetched": moment(a.fetched)}


def statement_row(item: StatementItem) -> dict[str, Any]:
    s = item.statement
    return {"id": item.id, "article_id": item.article_id, "idx": item.idx,
            "published": day(item.published), "speaker": s.speaker,
            "speaker_mention": s.speaker_mention, "role": s.role, "cue": s.cue, "kind": s.kind,
            "content": s.content, "start": s.start, "end": s.end}


def _party(a: Actor) -> dict[str, Any]:
    return {"name": a.name, "country": a.country, "sector": a.sector}


def event_row(item: EventItem) -> dict[str, Any]:
    e = item.event
    place = e.place
    return {"id": item.id, "article_id": item.article_id, "idx": item.idx,
            "day": day(item.day), "date": day(e.date), "date_text": e.date,
            "date_resolved": e.date is not None, "type": e.type, "mode": e.mode,
            "status": e.status, "actors": [_party(a) for a in e.actors],
            "recipients": [_party(a) for a in e.recipients],
            "place": None if place is None else {"name": place.name, "country": place.country,
                                                 "lat": place.lat, "lon": place.lon},
            "size": e.size, "arrested": e.arrested, "injured": e.injured, "dead": e.dead,
            "evidence": e.evidence, "start": e.start, "end": e.end, "language": item.language}


# the day a row is partitioned by: the article's publication day, the event's day
PARTITION_DAY = {"articles": "published", "statements": "published", "events": "day"}


def check_target(target: str | Path) -> Path:
    """The directory to write, checked: not standard output, not a file, and if it exists
    holding nothing but what this export writes (so replacing it loses nothing else). Raises
    ``UsageError`` saying what to write instead."""
    text = str(target)
    if text in ("", "-"):
        raise errors.UsageError(errors.parquet_needs_directory())
    path = Path(os.path.abspath(target))  # "out/", "." and "a/../out" have a name to rename
    if path.is_symlink():
        path = path.resolve()
    if path.exists():
        if not path.is_dir():
            raise errors.UsageError(errors.parquet_not_a_directory(text))
        foreign = sorted(p.name for p in path.iterdir() if p.name not in OURS)
        if foreign:
            raise errors.UsageError(errors.parquet_foreign_directory(text, foreign))
    return path


def write_parquet(store: Store, target: str | Path, *, where: EventFilter | None = None,
                  partition: str | None = None, batch_rows: int = BATCH_ROWS) -> Exported:
    """Write the store's articles, statements and events to the directory ``target`` as
    Parquet (see the module's description), keeping what ``where`` selects, partitioned by
    ``partition`` ("date") or one file a table. Returns the rows written per table.

    Raises ``UsageError`` for a target that is not (or cannot become) an export directory or
    an unknown partitioning, ``OutputError`` when the files cannot be written (nothing is then
    left behind, and an earlier export there is kept)."""
    if partition not in (None, *PARTITIONS):
        raise errors.UsageError(errors.unknown_partition(str(partition), PARTITIONS))
    if batch_rows < 1:
        raise ValueError(f"batch_rows must be at least 1, not {batch_rows}")
    path = check_target(target)
    try:
        part = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".part",
                                     dir=path.parent))
    except OSError as exc:
        raise errors.OutputError(errors.cannot_write(str(target), why(exc))) from exc
    try:
        counts = _write_tables(store, part, where, partition is not None, batch_rows)
        os.chmod(part, mode_of(path, 0o777))
        _swap(part, path)
    except OSError as exc:
        shutil.rmtree(part, ignore_errors=True)
        raise errors.OutputError(errors.cannot_write(str(target), why(exc))) from exc
    except BaseException:
        shutil.rmtree(part, ignore_errors=True)
        raise
    return counts


def _selection(where: EventFilter | None) -> tuple[ArticleFilter, EventFilter,
                                                     EventFilter | None]:
    """The articles' filter, the events', and the events an article must hold (if any)."""
    f = where or EventFilter()
    articles = ArticleFilter(since=f.since, until=f.until, language=f.language)
    holding = replace(f, since=None, until=None, language=None)
    return articles, f, (None if holding == EventFilter() else holding)


def _kept_articles(store: Store, where: EventFilter | None) -> set[str] | None:
    """The ids of the articles kept, ``None`` for all of them."""
    articles, _, holding = _selection(where)
    if articles == ArticleFilter() and holding is None:
        return None
    ids = {a.id for a in every(lambda c: store.find_articles(articles, cursor=c, limit=PAGE))}
    if holding is not None:
        ids &= {e.article_id for e in
                every(lambda c: store.find_events(holding, cursor=c, limit=PAGE))}
    return ids


def _write_tables(store: Store, root: Path, where: EventFilter | None, partitioned: bool,
                  batch_rows: int) -> Exported:
    ids = _kept_articles(store, where)
    articles, events, _ = _selection(where)
    stated = StatementFilter(since=articles.since, until=articles.until,
                             language=articles.language)
    sources: dict[str, Iterable[dict[str, Any]]] = {
        "articles": (article_row(a) for a in store.articles() if ids is None or a.id in ids),
        "statements": (statement_row(s) for s in
                       every(lambda c: store.find_statements(stated, cursor=c, limit=PAGE))
                       if ids is None or s.article_id in ids),
        "events": (event_row(e) for e in
                   every(lambda c: store.find_events(events, cursor=c, limit=PAGE))),
    }
    counts = {}
    for table, rows in sources.items():
        counter = _Counter(rows)
        _write_table(table, counter, root, partitioned, batch_rows)
        counts[table] = counter.n
    return Exported(**counts)


class _Counter:
    """The rows of an iterable, counted as they pass."""

    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        self.rows = rows
        self.n = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            self.n += 1
            yield row


def _batches(rows: Iterable[dict[str, Any]], schema: pa.Schema, size: int,
             extra: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
             ) -> Iterator[pa.RecordBatch]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(extra(row) if extra else row)
        if len(chunk) >= size:
            yield pa.RecordBatch.from_pylist(chunk, schema=schema)
            chunk = []
    if chunk:
        yield pa.RecordBatch.from_pylist(chunk, schema=schema)


def _write_table(table: str, rows: Iterable[dict[str, Any]], root: Path, partitioned: bool,
                 batch_rows: int) -> None:
    schema = SCHEMAS[table]
    if not partitioned:
        with pq.ParquetWriter(root / f"{table}.parquet", schema) as writer:
            for batch in _batches(rows, schema, batch_rows):
                writer.write_batch(batch)
        return
    key = PARTITION_DAY[table]

    def with_keys(row: dict[str, Any]) -> dict[str, Any]:
        when = row[key]
        return {**row, "year": when.year if when else None,
                "month": when.month if when else None}

    full = pa.schema([*schema, *PARTITION_KEYS])
    folder = root / table
    folder.mkdir()
    ds.write_dataset(
        _batches(rows, full, batch_rows, with_keys), folder, schema=full, format="parquet",
        partitioning=ds.partitioning(PARTITION_KEYS, flavor="hive"),
        basename_template="part-{i}.parquet", existing_data_behavior="overwrite_or_ignore",
        max_rows_per_group=max(batch_rows, 1024), max_open_files=OPEN_PARTITIONS,
        use_threads=False)


def dataset(directory: str | Path, table: str) -> ds.Dataset:
    """One table of an export in ``directory`` as a ``pyarrow.dataset.Dataset``, one file or
    partitioned (its ``year`` and ``month`` typed even where every row lacks a day, which
    ``partitioning="hive"`` cannot infer)."""
    if table not in TABLES:
        raise ValueError(f"no table {table!r} in a parquet export; use one of {TABLES}")
    folder = Path(directory) / table
    if folder.is_dir():
        return ds.dataset(folder, format="parquet",
                          partitioning=ds.partitioning(PARTITION_KEYS, flavor="hive"))
    return ds.dataset(Path(directory) / f"{table}.parquet", format="parquet")


def _swap(part: Path, path: Path) -> None:
    """Put the directory ``part`` in the place of ``path``; an old ``path`` is removed once
    the new one is in place (and put back if that fails)."""
    if not path.exists():
        os.rename(part, path)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent))
    os.rename(path, old)
    try:
        os.rename(part, path)
    except BaseException:
        os.rename(old, path)
        raise
    shutil.rmtree(old, ignore_errors=True)
