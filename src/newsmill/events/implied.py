"""Events no trigger word names: a reported "must" clause is a demand ("Russia said Sudan must
return the helicopter"); a practice of repression a source describes is its accusation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsmill.events import actors as act
from newsmill.events.lexicon import (
    entry_set,
)
from newsmill.events.news import thing_subject
from newsmill.events.parties import actors_named
from newsmill.events.rules import rule
from newsmill.events.syntax import (
    SUBJECTS,
    children,
    evidence,
    lemma_of,
    subject,
)
from newsmill.events.where import place_of
from newsmill.records import Event
from newsmill.statements.attribution import cues

if TYPE_CHECKING:
    pass

if TYPE_CHECKING:
    pass


@rule("must-is-demand", "what", "Russia said Sudan must return the helicopter.", off=[])
def requests(sent: Any, body: str, ctx: act.ArticleContext) -> list[tuple[Any, Event]]:
    """A reported "must"/"should" clause is a demand: "Russia said Sudan must return the
    helicopter" -> REQUEST by Russia of Sudan."""
    out: list[tuple[Any, Event]] = []
    musts = entry_set("status.txt", "requested auxiliaries")
    for tok in sent:
        if tok.dep_ != "ccomp" or lemma_of(tok.head) not in cues():
            continue
        if not any(c.dep_ == "aux" and c.lower_ in musts for c in tok.children):
            continue
        if thing_subject(tok):
            continue  # "the weather should ease": a forecast, not a demand
        if any(c.lower_ in ("we", "i") for c in children(tok, SUBJECTS)):
            continue  # "we must teach the defendant love": what the speaker owes, no demand
        subj = subject(tok.head)
        doers = actors_named([subj], ctx) if subj is not None else []
        target = children(tok, ("nsubj",))
        start, end = evidence(tok, body)
        out.append((tok, Event(type="REQUEST", evidence=body[start:end], start=start, end=end,
                               actors=tuple(doers), recipients=tuple(actors_named(target, ctx)),
                               place=place_of(tok, sent, ctx))))
    return out


