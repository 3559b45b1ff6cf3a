"""Opening a SQLite file as a newsmill store: what it is, and its schema made whole at once (a
PostgreSQL database: ``postgres.py``).

A newsmill store carries newsmill's ``PRAGMA application_id`` (stores made before it was set
are known by their ``alembic_version`` and ``articles`` tables). A file with tables of its own
and neither mark belongs to another application and is never touched.

Creating or upgrading a store runs every migration and records its version in one
``BEGIN IMMEDIATE`` transaction (SQLite's DDL is transactional once Python's sqlite3 module is
kept from committing on its own), so a process killed at any step leaves the file as it was
before, and a second process creating the same store waits for the first and then finds it
made.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text

from newsmill import errors

APPLICATION_ID = 0x4E4D4C31  # "NML1" in the header of every newsmill store
BUSY_MS = 30_000  # how long a writer waits for another's transaction before giving up
# connections a reader keeps open: as many as `newsmill serve` has threads for requests
# (anyio's 40), so that none is opened, and its cache lost, for one request under load
READERS = 40
READER_MMAP = 1 << 30  # bytes of the file a reader maps into memory
PROGRESS_STEPS = 10_000  # SQLite instructions between two looks at a reader's time limit
_DEADLINE: ContextVar[float | None] = ContextVar("newsmill_read_deadline", default=None)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Reads of a read-only SQLite store in this context stop after ``seconds`` (0: never)
    with ``sqlite3.OperationalError("interrupted")`` (SQLAlchemy's ``OperationalError``
    around it): one search that matches too much cannot hold the server for long."""
    token = _DEADLINE.set(time.monotonic() + seconds if seconds > 0 else None)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def _over_time() -> int:
    deadline = _DEADLINE.get()
    return int(deadline is not None and time.monotonic() > deadline)

Kind = Literal["empty", "newsmill", "other"]


@dataclass(frozen=True)
class Identity:
    kind: Kind
    version: str | None  # the schema revision recorded in the file
    tables: tuple[str, ...]
    marked: bool = False  # carries newsmill's application id

    @property
    def current(self) -> bool:
        """A newsmill store at this newsmill's schema, marked as such: nothing to write."""
        return self.kind == "newsmill" and self.marked and self.version == head()


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("newsmill.store") / "migrations"))
    return cfg


@cache
def revisions() -> tuple[str, ...]:
    """Every schema revision, oldest first."""
    script = ScriptDirectory.from_config(_config())
    return tuple(reversed([r.revision for r in script.walk_revisions()]))


def head() -> str:
    return revisions()[-1]


def identify(conn: Connection) -> Identity:
    """What the file behind ``conn`` is, read without writing anything."""
    tables = tuple(sorted(r[0] for r in conn.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))))
    app_id = int(conn.execute(text("PRAGMA application_id")).scalar_one())
    version = None
    if "alembic_version" in tables:
        version = conn.execute(text("SELECT max(version_num) FROM alembic_version")).scalar()
    if app_id == APPLICATION_ID:
        return Identity("newsmill", version, tables, marked=True)
    if app_id == 0 and not tables:
        return Identity("empty", None, tables)
    if app_id == 0 and "articles" in tables and version in revisions():
        return Identity("newsmill", version, tables)  # made before the application id was set
    return Identity("other", version, tables)


def check(path: str, found: Identity, *, writing: bool) -> None:
    """Raise ``StoreError`` unless a store of ``found`` can be used (read, or written)."""
    if found.kind == "other":
        raise errors.StoreError(errors.foreign_file(path, list(found.tables)))
    if found.kind == "empty":
        if not writing:
            raise errors.StoreError(errors.empty_store(path))
        return
    if found.version not in revisions():
        raise errors.StoreError(errors.store_too_new(path, str(found.version), head()))
    if not writing and found.version != head():
        raise errors.StoreError(errors.store_too_old(path, str(found.version), head()))


def migrate(conn: Connection, target: str = "head") -> None:
    """Apply the migrations not yet recorded in ``alembic_version`` up to ``target``, inside
    the transaction ``conn`` is in, and mark a SQLite file as a newsmill store (a PostgreSQL
    store is known by its tables: ``postgres.py``)."""
    cfg = _config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, target)
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))


# ---- engines ---------------------------------------------------------------------------------

def _writer_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # sqlite3 must not BEGIN or COMMIT behind our back
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_MS}")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _begin(conn: Connection) -> None:
    """Every transaction is a real SQLite one; a writer's takes the write lock at once, so two
    writers queue instead of one failing on a stale snapshot."""
    write = conn.get_execution_options().get("newsmill_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _use_wal(dbapi_conn: Any) -> None:
    """Switch the file to WAL (outside any transaction, as SQLite requires; the mode is kept
    in the file). The switch takes no busy timeout, so while another process holds the file
    it is tried again, until that process has switched it or ``BUSY_MS`` have passed."""
    deadline = time.monotonic() + BUSY_MS / 1000
    while True:
        try:
            mode = dbapi_conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
            continue
        if mode != "wal":  # a read-only file, a device: it cannot be a store
            raise sqlite3.OperationalError(f"cannot switch the journal to WAL (it stays {mode})")
        return


def open_store(engine: Engine, path: str, *, writing: bool) -> None:
    """Check that ``path`` is a newsmill store (or, for writing, a new file) before anything
    is written to it; for writing, switch it to WAL and create or upgrade its schema in one
    transaction."""
    with engine.execution_options(newsmill_write=False).connect() as conn:
        found = identify(conn)
        check(path, found, writing=writing)
        conn.rollback()
        if writing:
            _use_wal(conn.connection.dbapi_connection)
    if not writing or found.current:
        return
    with engine.begin() as conn:  # BEGIN IMMEDIATE: a second creator waits here
        found = identify(conn)
        check(path, found, writing=True)
        if not found.current:
            migrate(conn)  # up to this newsmill's schema, marked as a newsmill store


def writer_engine(path: str) -> Engine:
    """An engine that may create and write the store at ``path``; its ``.begin()`` blocks
    write transactions (``execution_options(newsmill_write=True)``)."""
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _writer_pragmas)
    event.listen(engine, "begin", _begin)
    return engine.execution_options(newsmill_write=True)


def _read_only_connect(path: str, immutable: bool) -> sqlite3.Connection:
    uri = Path(path).absolute().as_uri() + ("?immutable=1" if immutable else "?mode=ro")
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout={BUSY_MS}")
    conn.execute("PRAGMA query_only=ON")
    # pages read from the OS's cache in place, not copied into each connection's own cache
    conn.execute(f"PRAGMA mmap_size={READER_MMAP}")
    conn.set_progress_handler(_over_time, PROGRESS_STEPS)  # a read's time limit, if it has one
    return conn


def reader_engine(path: str) -> Engine:
    """An engine that opens ``path`` read-only (``mode=ro``): it cannot change the file. A
    store in a folder the reader may not write, left with no write-ahead log, is opened as
    immutable (SQLite needs to write a ``-shm`` file beside a store it shares)."""
    wal = Path(path + "-wal")
    immutable = False
    try:
        probe = _read_only_connect(path, False)
        probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        probe.close()
    except sqlite3.OperationalError:
        if wal.exists() and wal.stat().st_size:
            raise
        immutable = True
    # the file's URL (the creator makes the connections) gives a file's pool, not one a thread
    engine = create_engine(f"sqlite:///{path}",
                           creator=lambda: _read_only_connect(path, immutable),
                           pool_size=READERS)
    event.listen(engine, "begin", _begin)
    return engine
