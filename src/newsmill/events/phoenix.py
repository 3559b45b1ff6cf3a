"""The Phoenix / PETRARCH2 dictionaries (MIT, ``phoenix/LICENSE``), compiled into ``phoenix/`` by
``scripts/build_phoenix.py``: generic agents by sector ("riot police" COP), named actors with
their dated roles (a head of government in office on the story's day is that country's GOV),
CAMEO verb patterns as PLOVER types, and the phrases of stories and sentences that are no
political event (sports, entertainment, weather). Each table is loaded once, as a lookup."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from newsmill.events.lexicon import Trigger

Role = tuple[str, str, str, str]  # country, sector, from, to (days; "" when open)


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
def _actors() -> dict[str, list[Role]]:
    out: dict[str, list[Role]] = {}
    for line in _lines("actors.tsv"):
        name, country, sector, start, end = line.split("\t")
        out.setdefault(name, []).append((country, sector, start, end))
    return out


def actor_role(name: str, day: str | None) -> tuple[str, str] | None:
    """(country, sector) of a named actor on ``day`` (its role then; one that has ended makes
    a former official an elite, ELI), else of its latest role; ``None`` for a name the
    dictionaries do not hold."""
    roles = _actors().get(" ".join(name.lower().replace("’s", "").replace("'s", "").split()))
    if not roles:
        return None
    dated = [r for r in roles if r[2] or r[3]]
    if day and dated:
        now = [r for r in dated if (not r[2] or r[2] <= day) and (not r[3] or day < r[3])]
        if now:
            best = max(now, key=lambda r: r[2])
            return best[0] or None, best[1]  # type: ignore[return-value]
        last = max(dated, key=lambda r: r[3] or "9999")
        return (last[0], "ELI") if last[0] and last[1] in ("GOV", "MIL", "LEG") else None
    best = max(roles, key=lambda r: (r[2], r[3] == ""))
    return (best[0], best[1]) if best[0] else None


@cache
def _verbs() -> dict[str, list[Trigger]]:
    out: dict[str, list[Trigger]] = {}
    for line in _lines("verbs.tsv"):
        verb, pattern, etype, mode = line.split("\t")
        words = tuple(verb.split() + pattern.split())
        trig = Trigger(words, etype, mode or None, "v", "cameo")
        out.setdefault(words[0], []).append(trig)
    for trigs in out.values():
        trigs.sort(key=lambda t: -len(t.words))
    return out


def verb_triggers(lemma: str) -> list[Trigger]:
    """The CAMEO patterns of a verb, most words first (``Trigger.source`` "cameo")."""
    return _verbs().get(lemma, [])


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
