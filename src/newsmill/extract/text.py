"""Plain-text scrapes: separate the story from the chrome lines around it.

A scrape is the text of a page with its chrome (navigation, share prompts, photo credits,
related headlines) mixed in, one block per line. The cleaner works line by line:

1. drop lines that are known chrome (``chrome.txt``) or credits (``credits.txt``);
2. find the headline: a headline-like line near the top, preferring one the page repeats;
3. find the byline ("By ..."): person names become authors, an outlet becomes the publisher;
4. keep prose lines (enough words, sentence punctuation) after the headline, and stop at a
   line that starts the related-links tail (``endings.txt``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

TERMINAL = tuple('.!?"\'”’)…:;»')
BYLINE = re.compile(r"^(?:by|written by|words by)\s+(.+?)\s*$", re.I)
NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
PERSON = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|bin|al|el|la|le)){1,3}$")
DATELINE = re.compile(r"^(?:published|posted|first published)(?: on)?:?\s+(.*\d.*)$", re.I)
MIN_PROSE_WORDS = 8
MIN_SHORT_PROSE_WORDS = 4
HEAD_LINES = 25


@cache
def _patterns(name: str) -> tuple[re.Pattern[str], ...]:
    text = resources.files("newsmill.extract").joinpath(name).read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.splitlines()]
    return tuple(re.compile(ln, re.I) for ln in lines if ln and not ln.startswith("#"))


def _full(name: str, line: str) -> bool:
    return any(p.fullmatch(line) for p in _patterns(name))


def is_chrome(line: str) -> bool:
    return _full("chrome.txt", line)


def is_credit(line: str) -> bool:
    return any(p.match(line) for p in _patterns("credits.txt"))


def is_ending(line: str) -> bool:
    return _full("endings.txt", line)


def is_prose(line: str) -> bool:
    words = line.split()
    if line.endswith(TERMINAL):
        return len(words) >= MIN_SHORT_PROSE_WORDS
    return False


def is_headline(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 30 and not line.endswith((".", ":", ";")) and not is_chrome(line)


def split_names(text: str) -> list[str]:
    return [n.strip(" .") for n in NAME_SPLIT.split(text) if n.strip(" .")]


@cache
def _words(name: str) -> frozenset[str]:
    text = resources.files("newsmill.extract").joinpath(name).read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines()
                     if w.strip() and not w.startswith("#"))


def is_person_name(name: str) -> bool:
    """Two to four capitalised words, no digits, and no outlet word ("Wire", "News", "Staff")."""
    if not PERSON.match(name) or any(ch.isdigit() for ch in name):
        return False
    return not any(w.lower().strip(".") in _words("outlets.txt") for w in name.split())


def parse_dateline(line: str) -> str | None:
    """The ISO date of a "Published 18 October 2019" line, if it names a whole date."""
    match = DATELINE.match(line)
    if not match:
        return None
    import dateparser

    found = dateparser.parse(match.group(1), languages=["en"],
                             settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return found.date().isoformat() if found else None


@dataclass(frozen=True)
class CleanText:
    body: str
    title: str | None
    authors: tuple[str, ...]
    publisher: str | None
    published: str | None


def clean_text(text: str) -> CleanText:
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    counts = Counter(lines)

    title_at, title = _find_title(lines, counts)
    authors: list[str] = []
    publisher = None
    published = None
    body: list[str] = []
    started = False
    for i, line in enumerate(lines):
        if i <= title_at or line == title:
            continue
        if is_chrome(line) or is_credit(line):
            continue
        if not started and published is None and (date := parse_dateline(line)):
            published = date
            continue
        byline = BYLINE.match(line) if i < title_at + HEAD_LINES and not started else None
        if byline:
            names = split_names(byline.group(1))
            people = [n for n in names if is_person_name(n)]
            authors.extend(people)
            others = [n for n in names if n not in people]
            publisher = publisher or (others[0] if others else None)
            continue
        if started and is_ending(line):
            break
        if is_prose(line) and counts[line] == 1:
            body.append(line)
            started = True
    return CleanText("\n\n".join(body), title, tuple(authors), publisher, published)


def _find_title(lines: list[str], counts: Counter[str]) -> tuple[int, str | None]:
    """Index and text of the headline: the first repeated headline-like line near the top,
    else the first headline-like line before the first prose line."""
    head = lines[:HEAD_LINES]
    for i, line in enumerate(head):
        if counts[line] > 1 and is_headline(line):
            return i, line
    for i, line in enumerate(head):
        if is_prose(line) and len(line.split()) >= MIN_PROSE_WORDS:
            break
        if is_headline(line) and not is_credit(line):
            return i, line
    return -1, None
