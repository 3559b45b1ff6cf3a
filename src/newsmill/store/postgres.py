"""A PostgreSQL database as a newsmill store: its URL, its engines, and opening it.

``--db postgresql://user:pass@host/dbname`` (``postgres://`` too) names a database that exists;
newsmill talks to it with psycopg 3 (``postgresql+psycopg://``). The URL is shown with its
password masked, in every message.

A newsmill store is a schema holding the ``alembic_version`` and ``articles`` tables at a
version newsmill knows; a database whose schema holds other tables belongs to another
application and is never touched. Creating or upgrading the schema runs every migration in one
transaction holding ``pg_advisory_xact_lock(MIGRATE_LOCK)``, so a second process creating the
same store waits for the first and then finds it made. Read-only stores open every transaction
read-only (``default_transaction_read_only``): no statement can write.

Writes take ``WRITE_LOCK`` and claims ``CLAIM_LOCK`` for their transaction (advisory locks,
released at its end), so writers and claimers queue as they do on SQLite's single write lock:
two runs on two machines can neither both win a claim nor deadlock inserting the same ids.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from newsmill import errors
from newsmill.store import schema

SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
MIGRATE_LOCK = 0x4E4D4C31  # "NML1", as SQLite stores' application id
WRITE_LOCK = 0x4E4D4C32
CLAIM_LOCK = 0x4E4D4C33


def is_url(location: str) -> bool:
    """Whether ``--db`` names a PostgreSQL database rather than a SQLite file."""
    return location.lower().startswith(SCHEMES)


def url(location: str) -> URL:
    """The SQLAlchemy URL of ``location``, with psycopg 3 as its driver."""
    found = make_url("postgresql" + location[location.index("://"):])
    return found.set(drivername="postgresql+psycopg")


def shown(location: str) -> str:
    """``location`` as messages show it: a URL's password masked."""
    if not is_url(location):
        return location
    try:
        return url(location).render_as_string(hide_password=True).replace(
            "postgresql+psycopg://", "postgresql://", 1)
    except (ValueError, ArgumentError):  # a URL SQLAlchemy cannot parse: show its scheme only
        return location.split("://", 1)[0] + "://..."


def engine(location: str, *, readonly: bool) -> Engine:
    """An engine for the database at ``location``; read-only, its every transaction is."""
    options = "-c default_transaction_read_only=on" if readonly else ""
    return create_engine(url(location), pool_pre_ping=True,
                         connect_args={"options": options, "application_name": "newsmill"})


def lock(conn: Connection, key: int) -> None:
    """Hold the advisory lock ``key`` until ``conn``'s transaction ends."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})


def refused(exc: Exception) -> bool:
    """Whether PostgreSQL refused one statement's values for a limit of its own (SQLSTATE class
    54: a value too large for an index or a tsvector), which psycopg reports as an operational
    error: the document is refused, the database is well."""
    return str(getattr(getattr(exc, "orig", None), "sqlstate", "") or "").startswith("54")


def identify(conn: Connection) -> schema.Identity:
    """What the current schema of the database behind ``conn`` holds, read without writing."""
    tables = tuple(sorted(r[0] for r in conn.execute(text(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema()"))))
    version = None
    if "alembic_version" in tables:
        version = conn.execute(text("SELECT max(version_num) FROM alembic_version")).scalar()
    if not tables:
        return schema.Identity("empty", None, tables)
    if "articles" in tables and version is not None:  # a newer newsmill's is refused later
        return schema.Identity("newsmill", version, tables, marked=True)
    return schema.Identity("other", version, tables)


def open_store(engine: Engine, name: str, *, writing: bool, create: bool) -> None:
    """Check that the database is a newsmill store (or, for writing, empty) before anything is
    written to it; for writing, create or upgrade its schema in one locked transaction."""
    with engine.connect() as conn:
        found = identify(conn)
        conn.rollback()
    _check(name, found, writing=writing, create=create)
    if not writing or found.current:
        return
    with engine.begin() as conn:
        lock(conn, MIGRATE_LOCK)  # a second creator waits here, then finds the store made
        found = identify(conn)
        _check(name, found, writing=True, create=create)
        if not found.current:
            schema.migrate(conn)


def _check(name: str, found: schema.Identity, *, writing: bool, create: bool) -> None:
    if found.kind == "other":
        raise errors.StoreError(errors.foreign_database(name, list(found.tables)))
    if found.kind == "empty" and writing and not create:
        raise errors.StoreError(errors.no_such_store(name))
    schema.check(name, found, writing=writing)
