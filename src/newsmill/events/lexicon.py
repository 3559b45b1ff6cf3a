"""The events stage's word lists, kept as data files beside this module.

Each file holds lines ``KEY: entry, entry, ...`` (``#`` starts a comment):

- ``triggers.txt``: event words by PLOVER type and mode;
- ``instruments.txt``: weapon and tactic words by ASSAULT mode;
- ``sectors.txt``: actor words by PLOVER sector;
- ``bodies.txt``: international bodies and NGOs with their code and sector;
- ``demonyms.txt`` and ``places.txt``: nationality words and extra place names by country;
- ``landmarks.txt``: seats of power that stand for their city ("the Kremlin");
- ``status.txt``: the words that make an event planned, hypothetical or denied;
- ``quantities.txt``: vague numbers and the words that count casualties and arrests;
- ``defaults.txt``: who did a deed the text names nobody for;
- ``objects.txt``: territory and weapons, what "l:" and "w:" triggers are done to;
- ``accidents.txt``: the deaths and blows, disasters, vehicles, machines and mishaps of
  accidents.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                "ASSAULT")


@cache
def sections(name: str) -> dict[str, tuple[str, ...]]:
    """``{key: entries}`` of a data file; a key given on several lines gathers them all."""
    text = resources.files("newsmill.events").joinpath(name).read_text(encoding="utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, _, rest = line.partition(":")
        if not rest and not key:
            continue
        entries = tuple(e.strip() for e in rest.split(",") if e.strip())
        out[key.strip()] = out.get(key.strip(), ()) + entries
    return out


@dataclass(frozen=True)
class Trigger:
    """One event word or pair of words: ``words`` are lemmas, ``pos`` "v", "n", "s", "p", "o",
    "l", "w" or "" (``triggers.txt`` says what each keeps to)."""

    words: tuple[str, ...]
    type: str
    mode: str | None
    pos: str


@cache
def triggers() -> dict[str, list[Trigger]]:
    """Triggers by the lemma of their first word, two-word triggers first."""
    out: dict[str, list[Trigger]] = {}
    for key, entries in sections("triggers.txt").items():
        etype, _, mode = key.partition(" ")
        for entry in entries:
            pos, _, words = entry.rpartition(":")
            trig = Trigger(tuple(words.lower().split()), etype, None if mode == "-" else mode,
                           pos)
            for word in {trig.words[0], trig.words[-1]}:  # a trigger is found by either end
                out.setdefault(word, []).append(trig)
    for trigs in out.values():
        trigs.sort(key=lambda t: -len(t.words))
    return out


@cache
def cased_table(name: str) -> dict[str, str]:
    """``{entry as written: key}`` for a file of keys and entries (the first key wins): for
    names, where "US" and "us" differ."""
    out: dict[str, str] = {}
    for key, entries in sections(name).items():
        for entry in entries:
            out.setdefault(entry, key)
    return out


@cache
def word_table(name: str) -> dict[str, str]:
    """``cased_table`` with lower-case entries."""
    out: dict[str, str] = {}
    for entry, key in cased_table(name).items():
        out.setdefault(entry.lower(), key)
    return out


@cache
def quantities() -> dict[str, int]:
    return {k.lower(): int(v[0]) for k, v in sections("quantities.txt").items()
            if v and v[0].isdigit()}


@cache
def entry_set(name: str, key: str) -> frozenset[str]:
    return frozenset(e.lower() for e in sections(name).get(key, ()))


@cache
def weapon_words() -> frozenset[str]:
    """Every weapon and tactic word of ``instruments.txt``, whatever its mode."""
    return frozenset(w for words in sections("instruments.txt").values() for w in words)


@cache
def _defaults() -> dict[str, tuple[str, str]]:
    table = sections("defaults.txt")
    return {key.lower(): (v[0], v[1]) for key, v in table.items() if " " in key and len(v) == 2}


def default_actor(etype: str, word: str, mode: str | None,
                  done_to: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """(name, sector) of who did a deed of type ``etype`` the text names nobody for: by the
    trigger ``word``, else by the mode ("-" in ``defaults.txt`` for any mode), else, done to a
    crowd (``done_to``: the names of whom it was done to), by the deed on crowds."""
    table = _defaults()
    keys = (f"{etype} {word}".lower(), f"{etype} {mode}".lower(), f"{etype} -".lower())
    found = next((table[k] for k in keys if k in table), None)
    crowds = entry_set("defaults.txt", "crowds")
    if found is None and any(w.lower().removesuffix("s") in crowds
                             for name in done_to for w in name.split()):
        return table.get(f"{etype} on crowds".lower())
    return found
