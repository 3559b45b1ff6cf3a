"""The Phoenix / PETRARCH2 dictionaries (MIT, ``phoenix/LICENSE``), compiled into ``phoenix/`` by
``scripts/build_phoenix.py``: generic agents by sector ("riot police" COP) and the phrases of
stories that are no political event (sports leagues, film awards). Each table is loaded once,
as a lookup. (The dictionaries' named actors with dated roles, CAMEO verb patterns and
sentence discards were measured too and cost more than they gave: see the CHANGELOG.)"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("newsmill.events").joinpath("phoenix", name).read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@cache
def _agents() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _lines("agents.txt"):
        key, _, entries = line.partition(":")
        for entry in entries.split(","):
            out.setdefault(entry.strip(), key.strip())
    return out


def agent_sector(lower: list[str]) -> str | None:
    """The sector of the longest Phoenix agent that the words end with ("anti riot police":
    COP), the last word also in its singular form."""
    table = _agents()
    for n in range(min(4, len(lower)), 0, -1):
        head = lower[-n:]
        last = head[-1]
        for form in (last, last.removesuffix("s"), last.removesuffix("es"),
                     last.removesuffix("ies") + "y", last.removesuffix("men") + "man"):
            found = table.get(" ".join([*head[:-1], form]))
            if found is not None:
                return found
    return None


@cache
def _discards() -> dict[str, re.Pattern[str]]:
    out = {}
    for line in _lines("discards.txt"):
        key, _, entries = line.partition(":")
        phrases = sorted({e.strip() for e in entries.split(",") if e.strip()}, key=len,
                         reverse=True)
        out[key.strip()] = re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b")
    return out


def discarded(text: str, level: str) -> str | None:
    """The Phoenix discard phrase ``text`` holds at ``level`` ("story" or "sentence"): a
    story about a sports league, a sentence about a tropical storm."""
    found = _discards()[level].search(text.lower())
    return found.group(0) if found else None
