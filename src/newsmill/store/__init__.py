"""Store: SQLite (one file, WAL, FTS5) or PostgreSQL (tsvector, GIN), schema kept by ordered alembic
migrations."""

from newsmill.store.browse import (
    ArticleItem,
    EventCount,
    EventItem,
    Page,
    SpeakerItem,
    StatementItem,
    every,
)
from newsmill.store.filters import ArticleFilter, EventFilter, StatementFilter
from newsmill.store.sqlite import DEFAULT_DB, EventHit, QuoteHit, SearchHit, Stats, Store

__all__ = ["DEFAULT_DB", "ArticleFilter", "ArticleItem", "EventCount", "EventFilter",
           "EventHit", "EventItem", "Page", "QuoteHit", "SearchHit", "SpeakerItem",
           "StatementFilter", "StatementItem", "Stats", "Store", "every"]
