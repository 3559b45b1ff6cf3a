"""When: the date words of an event's clause resolved against the publication date (``dates.py``),
the coming day of a scheduled present, the story's last dated event for an undated one."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Any

from newsmill.events.dates import resolve
from newsmill.events.rules import SAME, rule
from newsmill.nlp import ents_of
from newsmill.records import Event

VAGUE_TIME = re.compile(r"(?:the|that|this) (?:day|night|evening|morning|time)")


def date_words(head: Any, sent: Any) -> list[str]:
    """The date words of ``head``'s clause, else of its sentence; a clause's words that name
    no time of their own ("closed schools for the day") give way to the sentence's."""
    inside = [e.text for e in ents_of(sent) if e.label_ in ("DATE", "TIME")
              and head.left_edge.i <= e.start and e.end <= head.right_edge.i + 1]
    if any(not VAGUE_TIME.fullmatch(w.lower()) for w in inside):
        return inside
    return inside + [e.text for e in ents_of(sent) if e.label_ == "DATE" and e.text not in inside]


@rule("anchor-undated", "when", "Police arrested six people Monday. Officers also arrested "
      "two men near the station.", off=SAME)
def anchor(events: list[Event], days: Sequence[tuple[int, str]] = (),
           vague: Collection[int] = ()) -> list[Event]:
    """An event the text gives no day for happened when the story's last dated event did (a
    report's narrative time: "Police arrested six people Monday. ... Officers also arrested
    ..."); what comes before any dated event stays undated. ``days`` are (offset, day) of
    sentences that give a day but tell no event of their own; ``vague`` the offsets of events
    whose clause names a time that is no day ("last week"), left undated."""
    out: list[Event] = []
    last: str | None = None
    marks = sorted(days)
    for e in events:
        while marks and marks[0][0] <= e.start:
            last = marks.pop(0)[1]
        if e.date is not None:
            last = e.date
        elif last is not None and e.status == "occurred" and e.start not in vague:
            e = replace(e, date=last)
        out.append(e)
    return out


def day_of(sent: Any, published: str | None) -> str | None:
    """The day a sentence that tells no event gives ("On Monday, the paper warned ...")."""
    return first_day([e.text for e in ents_of(sent) if e.label_ == "DATE"], published)


def first_day(words: list[str], published: str | None) -> str | None:
    return next((d for d in (resolve(w, published) for w in words) if d), None)


