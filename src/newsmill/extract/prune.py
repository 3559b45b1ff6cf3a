"""Paragraph pruning of an extracted body, and the one knob from precise to complete.

An extractor's output keeps some of the page around the story: the headline again, share and
newsletter prompts, "Related: ..." links, a trailing list of other headlines, credits, tables
of figures. ``prune`` drops them paragraph by paragraph, using the phrase lists of
``lexicon.py``; how much it drops is set by the focus:

- ``precise``: drop everything that may be chrome, tables and trailing link lists included;
- ``balanced`` (the default): drop chrome and credits, keep tables and lists;
- ``complete``: drop only repeats of the headline and of paragraphs already kept.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

from newsmill.extract.lexicon import is_chrome, is_credit, strip_trailer

Focus = Literal["precise", "balanced", "complete"]
FOCUSES: tuple[str, ...] = get_args(Focus)
DEFAULT_FOCUS: Focus = "balanced"
LIST_ITEM = re.compile(r"^[-•*]\s+")
TABLE_ROW = re.compile(r"^\|.*\|$")
WORD = re.compile(r"\w+")
MIN_LINK_LIST = 2  # a trailing run of this many headline-like list items is a link list
SAME_AS_TITLE = 0.8  # share of a paragraph's words in the title that makes it the headline


def _key(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def repeats_title(paragraph: str, title: str | None) -> bool:
    """The paragraph is the headline (or most of it) again."""
    if not title:
        return False
    para, head = set(_key(paragraph).split()), set(_key(title).split())
    if not para or len(para) > 2 * len(head) + 2:
        return False
    return len(para & head) / len(para) >= SAME_AS_TITLE


def _is_link_item(paragraph: str) -> bool:
    """A list item that reads as a headline, not as a sentence of the story."""
    return bool(LIST_ITEM.match(paragraph)) and not paragraph.rstrip().endswith((".", ";", ":"))


def _drop_link_tail(paragraphs: list[str]) -> list[str]:
    end = len(paragraphs)
    while end and _is_link_item(paragraphs[end - 1]):
        end -= 1
    return paragraphs[:end] if len(paragraphs) - end >= MIN_LINK_LIST else paragraphs


def prune(paragraphs: list[str], title: str | None = None,
          focus: Focus = DEFAULT_FOCUS) -> list[str]:
    """The paragraphs of the story, in order, without what the focus counts as chrome."""
    kept: list[str] = []
    seen: set[str] = set()
    for i, para in enumerate(strip_trailer(p) for p in paragraphs):
        key = _key(para)
        if not key or key in seen or (i < 2 and not kept and repeats_title(para, title)):
            continue
        seen.add(key)
        bare = LIST_ITEM.sub("", para)
        if focus != "complete" and (is_chrome(bare) or is_credit(bare)):
            continue
        if focus == "precise" and TABLE_ROW.match(para):
            continue
        kept.append(para)
    return _drop_link_tail(kept) if focus == "precise" else kept
