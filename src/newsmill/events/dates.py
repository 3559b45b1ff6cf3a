"""The day an event happened, from the date words of its clause and the publication date.

"on Sunday" is the latest Sunday on or before publication, "next Sunday" the first after it,
"yesterday" the day before, "tomorrow" the day after;
other expressions ("Oct. 11", "Nov 18, 2019", "last Monday") go to dateparser with the
publication date as the base; a month and day without a year is the one before publication
unless the coming one is at most two months ahead ("Dec. 15" in a report of 18 November is
the coming one, "Oct. 11" and "March 21" the ones before). Spans that name no single day
("last week", "this year", "in recent months") give ``None``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SAME_DAY = frozenset({"today", "tonight", "this morning", "this afternoon", "this evening"})
NOT_A_DAY = re.compile(
    r"\b(week|weeks|month|months|year|years|decade|decades|century|recent|past|"
    r"since|ago|earlier|later|season|weekend|era|times|days)\b", re.I)
AHEAD = frozenset({"next", "coming"})  # "next Monday": the one to come
SOON = 62  # days: a month and day with no year this close ahead is the coming one
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
AGO = re.compile(r"^(\w+) (day|week)s? ago$")  # "three days ago", "a week ago": a day; not months
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10}
SINCE_YEAR = re.compile(r"\bsince (?:\w+ )?(?:1[89]\d\d|20\d\d)s?\b")


def _weekday_before(text: str, published: date) -> date | None:
    """The weekday ``text`` names: the latest on or before publication, or with "next" or
    "coming" the first after it ("next Monday")."""
    words = text.lower().replace(".", " ").split()
    for n, name in enumerate(WEEKDAYS):
        if name in words or name[:3] in words:
            if words[0] in AHEAD:
                return published + timedelta(days=(n - published.weekday() - 1) % 7 + 1)
            back = (published.weekday() - n) % 7
            return published - timedelta(days=back)
    return None


@cache
def resolve(text: str, published: str | None) -> str | None:
    """The ISO day ``text`` names, or ``None``. Without a publication date only a full date
    ("9 June 2019") resolves."""
    t = " ".join(text.lower().split()).removeprefix("on ").strip(" ,.")
    base = date.fromisoformat(published[:10]) if published else None
    if base is not None:
        if t in SAME_DAY:
            return base.isoformat()
        if t.startswith("yesterday") or t == "last night":
            return (base - timedelta(days=1)).isoformat()
        if t.startswith("tomorrow"):
            return (base + timedelta(days=1)).isoformat()
        if (ago := AGO.match(t)) is not None:
            n = COUNTS.get(ago.group(1)) or (int(ago.group(1)) if ago.group(1).isdigit() else 0)
            if n:
                return (base - timedelta(days=n * (7 if ago.group(2) == "week" else 1))).isoformat()
        if "week" not in t:
            day = _weekday_before(t, base)
            if day is not None:
                return day.isoformat()
    if NOT_A_DAY.search(t) or not re.search(r"\d", t):
        return None
    if base is None and not YEAR.search(t):
        return None
    return _parse(t, published)


def _parse(text: str, published: str | None) -> str | None:
    from datetime import datetime

    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past",
                                   "REQUIRE_PARTS": ["day", "month"]}
    if published:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(published[:10])
    found = dateparser.parse(text, languages=["en"], settings=settings)
    if found is None:
        return None
    day: date = found.date()
    if published and not YEAR.search(text):  # "Dec. 15" in a report of Nov. 18: the coming one
        base = date.fromisoformat(published[:10])
        ahead = _a_year_on(day)
        if ahead is not None and (ahead - base).days <= SOON:
            day = ahead
    return day.isoformat()


def _a_year_on(day: date) -> date | None:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return None


def years_before(text: str, published: str | None) -> int:
    """How many years before publication ``text`` lies ("in 2016" in 2019: 3; "years ago": 2);
    0 when it names no earlier year. A year something has gone on "since" is not when it
    happened ("held since 2016 were released Tuesday")."""
    t = SINCE_YEAR.sub("", text.lower())
    if re.search(r"\b(years|decades) ago\b", t):
        return 2
    if re.search(r"\b(last|previous) year\b", t):
        return 1
    years = [int(y) for y in YEAR.findall(t)]
    if not years or not published:
        return 0
    return max(0, int(published[:4]) - max(years))


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
MONTH_NUMBERS = {w: n for n, name in enumerate(MONTHS, 1) for w in (name, name[:3])} | {
    "sept": 9}
MONTH = re.compile(r"\b(?:(last|next|this) )?([a-z]+)\b", re.I)


def days_before(text: str, reference: str | None) -> int:
    """How many days before ``reference`` (an ISO day) the month that the date words ``text``
    (one date) name begins ("April" in a report of 19 November 2019: April 2019, 232 days): a month
    without a year is the one before, or the coming one when at most ``SOON`` days ahead ("late
    February" on 1 January), as with days; "last" one is the one before. 0 when ``text`` names
    no month or one after the reference."""
    if not reference:
        return 0
    base = date.fromisoformat(reference[:10])
    years = [int(y) for y in YEAR.findall(text)]  # "May 2017", "June and December of 2015"
    found = 0
    for m in MONTH.finditer(text):
        month = MONTH_NUMBERS.get(m.group(2).lower())
        if month is None:
            continue
        if years:
            start = date(max(years), month, 1)
        else:
            start = date(base.year, month, 1)
            last = (m.group(1) or "").lower() == "last"
            if (last and start >= base.replace(day=1)) or (
                    not m.group(1) and (start - base).days > SOON):
                start = start.replace(year=start.year - 1)
        found = max(found, (base - start).days)
    return found
