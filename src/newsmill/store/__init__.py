"""Store: SQLite (one file, WAL, FTS5), schema kept by ordered alembic migrations."""

from newsmill.store.sqlite import DEFAULT_DB, EventHit, QuoteHit, SearchHit, Stats, Store

__all__ = ["DEFAULT_DB", "EventHit", "QuoteHit", "SearchHit", "Stats", "Store"]
