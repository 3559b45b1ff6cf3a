"""What a query may ask of the store, and how full-text hits are ranked at a cost that grows
with the query's length only linearly.

FTS5 ranks (``bm25``) and cuts snippets from the list of every place a query's phrases occur
in a row, and building that list costs the number of phrases times the number of places: a
query that repeats its words ("the ... the ... the") costs the square of its length. So a hit
is found by the query as written, but ranked and cut by at most ``RANK_TERMS`` of its distinct
words: the match costs the query's length, the ranking does not grow with it at all.
"""

from __future__ import annotations

import re

from newsmill import errors

MAX_QUERY_WORDS = 1_000  # more is a pasted document, not a search
MAX_QUERY_CHARS = 20_000
RANK_TERMS = 32  # distinct words of the query that rank hits and mark snippets
MAX_LIMIT = 2**62  # SQLite's integers stop at 2**63 - 1; a larger limit means "all"
OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
WORD = re.compile(r"\w+\*?")
ISO_PREFIX = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def check_query(query: str, max_chars: int = MAX_QUERY_CHARS) -> None:
    """Raise ``QueryError`` for a query too long to search (its operators not counted):
    over ``MAX_QUERY_WORDS`` words or ``max_chars`` characters."""
    words = sum(1 for w in WORD.findall(query) if w not in OPERATORS)
    if words > MAX_QUERY_WORDS or len(query) > max_chars:
        raise errors.QueryError("q", errors.search_too_long(
            words, len(query), MAX_QUERY_WORDS, max_chars))


def ranking_query(query: str) -> str | None:
    """An FTS5 query OR-ing the first ``RANK_TERMS`` distinct words of ``query`` (its
    operators left out, prefixes kept), or ``None`` when it has no words."""
    terms: list[str] = []
    for word in WORD.findall(query):
        if word in OPERATORS:
            continue
        prefix = word.endswith("*")
        term = '"' + word.rstrip("*").lower() + '"' + ("*" if prefix else "")
        if term not in terms:
            terms.append(term)
        if len(terms) == RANK_TERMS:
            break
    return " OR ".join(terms) or None


def phrase(query: str) -> str:
    """``query`` as one FTS5 phrase: how a query that is not FTS5 syntax is searched."""
    return '"' + query.replace('"', '""') + '"'


def bounded(limit: int | None) -> int | None:
    """A row limit SQLite can take (``None`` stays no limit)."""
    if limit is None:
        return None
    if limit < 0:
        raise errors.QueryError("limit", errors.bad_row_limit(limit))
    return min(limit, MAX_LIMIT)


def like_escape(value: str) -> str:
    """``value`` matched literally by ``LIKE ... ESCAPE '\\'``."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def check_day(name: str, value: str) -> str:
    """A ``since``/``until`` bound: a year, a month or a day, ISO style."""
    if not ISO_PREFIX.fullmatch(value):
        raise errors.QueryError(name, errors.bad_option_day(name, value))
    return value


def check_country(value: str) -> str:
    """An ISO 3166 alpha-3 code, upper-cased."""
    if not re.fullmatch(r"[A-Za-z]{3}", value):
        raise errors.QueryError("country", errors.bad_country(value))
    return value.upper()
