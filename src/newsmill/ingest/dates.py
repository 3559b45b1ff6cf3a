"""An input's own publication date (a JSON Lines ``published``) as an ISO day.

Dumps and feeds write dates every way: ISO 8601 with or without a time and a zone
(``2024-03-05T10:00:00+01:00``), RFC 2822 as RSS does (``Tue, 05 Mar 2024 10:00:00 GMT``),
written out (``March 5, 2024``, ``5 March 2024``), numeric (``05/03/2024`` read month first,
as dateparser does for English, unless the first number is over 12; ``05.03.2024`` day first,
as it is written where dots are used), or a Unix time stamp (seconds or milliseconds).
The day is the one the date names in its own zone (a time stamp's in UTC). A value that names
no day is dropped with a warning; the article is kept.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from functools import lru_cache

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
DIGITS = re.compile(r"\d")
DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
STAMP = re.compile(r"\d{9,13}")  # seconds since 1973, or milliseconds
MAX_CHARS = 100  # longer is not a date


def _iso(value: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _rfc2822(value: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


@lru_cache(maxsize=4096)
def _written(value: str) -> dt.date | None:
    import dateparser

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False,
                "PREFER_DAY_OF_MONTH": "first"}
    try:
        found = (dateparser.parse(value, languages=["en"], settings=settings)
                 or dateparser.parse(value, settings=settings))
    except (ValueError, OverflowError, TypeError):
        return None
    return found.date() if found is not None else None


def _timestamp(value: float) -> dt.date | None:
    if value < 1e8:
        return None  # a stamp of 1970-72 is a placeholder, not a publication
    seconds = value / 1000 if abs(value) > 1e11 else value  # milliseconds, as JavaScript writes
    try:
        return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        return None


def iso_day(value: object) -> str | None:
    """The ISO day (``YYYY-MM-DD``) ``value`` names, or ``None`` when it names none."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        day = _timestamp(float(value))
        return day.isoformat() if day else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > MAX_CHARS or not DIGITS.search(text):
        return None
    if ISO_DAY.fullmatch(text):
        return text if _iso(text) else None
    if STAMP.fullmatch(text):
        day = _timestamp(float(text))
        return day.isoformat() if day else None
    if dotted := DOTTED.fullmatch(text):
        text = f"{dotted[3]}-{int(dotted[2]):02d}-{int(dotted[1]):02d}"
    day = _iso(text.replace("Z", "+00:00")) or _rfc2822(text) or _written(text)
    return day.isoformat() if day else None
