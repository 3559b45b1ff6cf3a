"""What the coder knows while it codes: the sentence (``Sentence``) and an event in the making
(``Draft``), which the rules of ``rules.py`` read and rewrite."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsmill.events.actors import ArticleContext
from newsmill.events.lexicon import Trigger
from newsmill.events.triggers import Found
from newsmill.records import Actor, Event, Place


@dataclass
class Sentence:
    """One sentence being coded, with what its coding depends on."""

    sent: Any  # the spaCy span
    body: str
    ctx: ArticleContext
    published: str | None
    each_mention: bool = False  # label every telling (sentence sets), not one per happening
    every: list[Found] = field(default_factory=list)  # all its triggers
    asked: list[tuple[Any, Event]] = field(default_factory=list)  # its "must" demands
    earlier: dict[str, Event] = field(default_factory=dict)  # the last event of each type


@dataclass
class Draft:
    """A trigger on its way to an event: each field as far as the rules have got."""

    found: Found
    s: Sentence
    trigger: Trigger
    head: Any  # the clause that tells it
    own: str  # the clause's own words (``history.own_words``)
    dates: list[str]  # its date words
    start: int  # its evidence span
    end: int
    doers: list[Actor] = field(default_factory=list)
    done_to: list[Actor] = field(default_factory=list)
    mode: str | None = None
    place: Place | None = None
    day: str | None = None
    status: str = "occurred"
    named: bool = False  # the text names its doers

    @property
    def tok(self) -> Any:
        return self.found.token
