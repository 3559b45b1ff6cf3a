"""Plain-text scrapes: separate the story from the chrome lines around it.

A scrape is the text of a page with its chrome (navigation, share prompts, photo credits,
related headlines) mixed in, one block per line. The cleaner works line by line:

1. drop lines that are known chrome (``chrome.txt``) or credits (``credits.txt``);
2. find the headline: a headline-like line near the top, preferring one the page repeats;
3. find the byline ("By ...") and dateline ("Published ..."): person names become authors, an
   outlet becomes the publisher;
4. weigh each remaining line (prose, with enough words and sentence punctuation, for; anything
   else against) and keep the prose of the heaviest contiguous run: the story, bridging short
   gaps of chrome, but not reaching across menus or related-link lists. A line that starts a
   related-links tail (``endings.txt``) ends the story.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from newsmill.extract.lexicon import (
    is_chrome,
    is_credit,
    is_ending,
    is_person_name,
    split_names,
)

TERMINAL = tuple('.!?"\'”’)…:;»')
BYLINE = re.compile(r"^(?:by|written by|words by)\s+(.+?)\s*$", re.I)
DATELINE = re.compile(r"^(?:published|posted|first published)(?: on)?:?\s+(.*\d.*)$", re.I)
MIN_PROSE_WORDS = 8
GAP_PENALTY = 4.0
MIN_SHORT_PROSE_WORDS = 4
HEAD_LINES = 25


def is_prose(line: str) -> bool:
    words = line.split()
    if line.endswith(TERMINAL):
        return len(words) >= MIN_SHORT_PROSE_WORDS
    return False


def is_headline(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 30 and not line.endswith((".", ":", ";")) and not is_chrome(line)


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


def _weight(line: str) -> float:
    """How much a line speaks for being story text: prose counts its words, anything else
    counts against, so the best run of lines is the story with only short gaps in it."""
    if is_prose(line):
        return float(len(line.split()))
    return -(GAP_PENALTY + len(line.split()) / 2)


def best_run(weights: list[float]) -> tuple[int, int]:
    """``[start, end)`` of the contiguous run with the largest total weight (Kadane)."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def clean_text(text: str) -> CleanText:
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    counts = Counter(lines)

    title_at, title = _find_title(lines, counts)
    authors: list[str] = []
    publisher = None
    published = None
    candidates: list[str] = []  # lines that may be story, in order
    for i, line in enumerate(lines):
        if i <= title_at or line == title or is_chrome(line) or is_credit(line):
            continue
        byline = BYLINE.match(line) if i < title_at + HEAD_LINES else None
        if byline:
            names = split_names(byline.group(1))
            people = [n for n in names if is_person_name(n)]
            authors.extend(people)
            others = [n for n in names if n not in people]
            publisher = publisher or (others[0] if others else None)
            continue
        if published is None and i < title_at + HEAD_LINES and (date := parse_dateline(line)):
            published = date
            continue
        candidates.append(line)

    weights = [_weight(ln) if counts[ln] == 1 else -GAP_PENALTY for ln in candidates]
    lo, hi = best_run(weights)
    body: list[str] = []
    for line, w in zip(candidates[lo:hi], weights[lo:hi], strict=True):
        if body and is_ending(line):
            break
        if w > 0:
            body.append(line)
    return CleanText("\n\n".join(body), title, tuple(authors), publisher, published)


TITLE_SEPARATORS = re.compile(r"\s+[-|–—:»]\s+")


def _find_title(lines: list[str], counts: Counter[str]) -> tuple[int, str | None]:
    """Index and text of the headline. In order of trust: a line that repeats the start of the
    page's first line (a scrape begins with the <title>, "Headline - Site"); a headline-like
    line the top of the page repeats; the first headline-like line before the first prose."""
    head = lines[:HEAD_LINES * 4]
    if head:
        first = head[0]
        for i, line in enumerate(head[1:], 1):
            if is_headline(line) and first.startswith(line) and first != line \
                    and TITLE_SEPARATORS.match(first[len(line):] + " "):
                return i, line
    top = lines[:HEAD_LINES]
    for i, line in enumerate(top):
        if counts[line] > 1 and is_headline(line) and line in top[i + 1:i + 4]:
            return i, line
    for i, line in enumerate(top):
        if is_prose(line) and len(line.split()) >= MIN_PROSE_WORDS:
            break
        if is_headline(line) and not is_credit(line):
            return i, line
    return -1, None
