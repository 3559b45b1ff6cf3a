"""The extractor's phrase lists, kept as data files beside this module, and the line tests
built on them. Both cleaners use them: the plain-text one on lines, the HTML one on paragraphs.

- ``chrome.txt``: whole lines of site chrome (share prompts, menus, "Related: ..." links).
- ``credits.txt``: the start of photo and copyright credit lines.
- ``endings.txt``: lines after which a page holds no more story (related links, comments).
- ``links.txt``: headers of a block of links inside a story ("Related news"): the story may
  go on after them.
- ``footers.txt``: phrases that make a long line a footer or teaser ("All rights reserved").
- ``trailers.txt``: widget text glued to the end of a line ("Click To Tweet"), cut off.
- ``containers.txt``: class and id names of the element that holds a page's story.
- ``outlets.txt``: words that mark a byline name as an outlet or desk, not a person.
- ``roles.txt``: job titles that are not names ("Chief Technology Officer").
- ``companies.txt``: media companies that bylines name in place of an author.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

PERSON = re.compile(
    r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|dos|van|von|der|bin|al|el|la|le|du)){1,3}$"
)
NAME_SPLIT = re.compile(r"\s*(?:,|;|\||\band\b|&)\s*")


def data_lines(name: str) -> list[str]:
    """The entries of a data file beside this module: stripped lines, comments left out."""
    text = resources.files("newsmill.extract").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in data_lines(name))


@cache
def one_pattern(name: str) -> re.Pattern[str]:
    """A data file's expressions as one alternation: one scan of a line instead of many."""
    return re.compile("|".join(f"(?:{ln})" for ln in data_lines(name)), re.I)


def _full(name: str, line: str) -> bool:
    return one_pattern(name).fullmatch(line) is not None


def is_chrome(line: str) -> bool:
    return _full("chrome.txt", line)


def is_credit(line: str) -> bool:
    return one_pattern("credits.txt").match(line) is not None


def is_ending(line: str) -> bool:
    """An ending line (``endings.txt``) or the header of a link block (``links.txt``)."""
    return _full("endings.txt", line) or is_link_header(line)


def strip_trailer(line: str) -> str:
    """The line without widget text glued to its end (``trailers.txt``); a line that is only
    such text is left as it is, for the chrome tests to judge."""
    match = _trailer().search(line)
    return line[:match.start()].rstrip() if match and match.start() else line


@cache
def _trailer() -> re.Pattern[str]:
    return re.compile(f"(?:{one_pattern('trailers.txt').pattern})$", re.I)


def marks_container(names: str) -> bool:
    """One of the space-separated class and id names marks the element that holds a page's
    story (``containers.txt``)."""
    return any(name in words("containers.txt") for name in names.lower().split())


def is_footer(line: str) -> bool:
    return one_pattern("footers.txt").search(line) is not None


def is_link_header(line: str) -> bool:
    return _full("links.txt", line)


def split_names(text: str) -> list[str]:
    return [n.strip(" .") for n in NAME_SPLIT.split(text) if n.strip(" .")]


def is_person_name(name: str) -> bool:
    """Two to four capitalised words, no digits, no outlet word ("Wire", "News", "Staff"), no
    job title ("Officer") and not a media company ("Condé Nast")."""
    if not PERSON.match(name) or any(ch.isdigit() for ch in name):
        return False
    lowered = [w.lower().strip(".") for w in name.split()]
    if any(w in words("outlets.txt") or w in words("roles.txt") for w in lowered):
        return False
    return " ".join(lowered) not in words("companies.txt")
