"""The published day of an HTML page: the date the page shows its reader.

A page's metadata often names several days: htmldate's original and latest dates (from meta
tags, JSON-LD, the URL and the text), the JSON-LD ``datePublished`` and ``dateModified`` of
each object, ``article:published_time``. They disagree when an evergreen guide was first
published years ago and updated since ("Updated Dec 19, 2023" is all its reader sees), when a
page holds JSON-LD for other stories too, or when a time stamp in UTC falls on another day
than the one the page prints. Of those days, in the order above, the first that the page's
visible text shows (in any usual way of writing a date) is its published day, and after them
the day before a UTC stamp of the small hours (still that day in the Americas); when none is
shown, htmldate's original date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from htmldate import find_date

from newsmill.extract.metadata import ISO_DAY, PageMeta

PUBLISHED_META = ("article:published_time", "datepublished", "pubdate", "publish-date",
                  "parsely-pub-date", "sailthru.date", "dc.date")
VISIBLE_TEXT_XPATH = (
    "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"
)
DAY_FORMATS = (  # strftime forms a page prints a day in
    "%B %-d, %Y", "%B %d, %Y", "%b %-d, %Y", "%b %d, %Y", "%b. %-d, %Y", "%-d %B %Y", "%d %B %Y",
    "%-d %b %Y", "%Y-%m-%d", "%Y/%m/%d", "%m/%d/%Y", "%-m/%-d/%Y", "%d/%m/%Y", "%d.%m.%Y",
    "%m.%d.%Y",
)
SPACE = re.compile(r"\s+")
MIN_YEAR = 1990  # no news page is older (htmldate's own lower bound is 1995)
UTC_NIGHT = re.compile(r"(\d{4}-\d\d-\d\d)T0[0-7]:\d\d(?::[\d.]+)?(?:Z|[+-]00:?00)$")


def _htmldate(tree: Any, url: str | None, original: bool) -> str | None:
    try:
        return find_date(tree, extensive_search=False, original_date=original, url=url)
    except Exception:  # htmldate is best effort; the body does not depend on it
        return None


def candidate_days(tree: Any, meta: PageMeta, url: str | None) -> list[str]:
    """The days the page's metadata names, most likely the published day first."""
    found = [_htmldate(tree, url, True), _htmldate(tree, url, False)]
    stamps = [n.get(key) for key in ("datePublished", "dateModified") for n in meta.ld]
    stamps += meta.values(PUBLISHED_META)
    found += [m.group(0) for s in stamps if isinstance(s, str) and (m := ISO_DAY.match(s.strip()))]
    found += [day for s in stamps if isinstance(s, str) and (day := _day_before_if_utc_night(s))]
    return list(dict.fromkeys(day for day in found if day and _plausible(day)))


def _plausible(day: str) -> bool:
    """A real calendar day of the web's time (not "0001-01-01" or "2023-02-30")."""
    try:
        return dt.date.fromisoformat(day).year >= MIN_YEAR
    except ValueError:
        return False


def _day_before_if_utc_night(stamp: str) -> str | None:
    """The day before a UTC time stamp of the small hours: the day it still was in the
    Americas, where the page may print it ("2023-12-20T01:00Z" on a page of Dec 19)."""
    m = UTC_NIGHT.match(stamp.strip())
    if not m or not _plausible(m.group(1)):
        return None
    return (dt.date.fromisoformat(m.group(1)) - dt.timedelta(days=1)).isoformat()


def _shown(day: str, text: str) -> bool:
    """``day`` (a plausible one, see ``candidate_days``) is written in ``text``."""
    date = dt.date.fromisoformat(day)
    return any(date.strftime(form).casefold() in text for form in DAY_FORMATS)


def published_day(tree: Any, meta: PageMeta, url: str | None = None) -> str | None:
    """The page's published day as YYYY-MM-DD (see the module docstring), or ``None``."""
    days = candidate_days(tree, meta, url)
    if len(days) > 1:
        text = SPACE.sub(" ", " ".join(tree.xpath(VISIBLE_TEXT_XPATH))).casefold()
        for day in days:
            if _shown(day, text):
                return day
    return days[0] if days else None
