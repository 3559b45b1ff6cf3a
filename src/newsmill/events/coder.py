"""PLOVER events from the spaCy parse, clause by clause; each decision is a rule of
``rules.py``, applied here in the order of the coder's questions.

1. What happened (``triggers.py``): a word of ``triggers.txt`` (lemma, part of speech, a second
   word joined by a dependency) gives the type and mode; a reported "must" clause is a demand
   (``implied.py``).
2. Is it news here (``news.py``: ``NOT_NEWS`` on triggers, ``NOT_TOLD`` once the parties are
   known) and now (``history.py``: ``HISTORY``)?
3. One per happening (``happenings.py``): what a verbal act is about is not a deed of its own,
   one event per type and doers in a sentence, the same happening told again in the article is
   one event.
4. Who (``parties.py``, ``actors.py``: ``WHO``), where (``where.py``), when (``when.py``,
   ``dates.py``), which status and PLOVER type (``status.py``: ``NOT_DONE``), how many
   (``counts.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from newsmill.events import actors as act
from newsmill.events.counts import count_of, counts_of, numbers
from newsmill.events.draft import Draft, Sentence
from newsmill.events.happenings import merge, one_per_happening
from newsmill.events.history import (
    a_year_before,
    had_been_going_on,
    months_ago,
    own_words,
)
from newsmill.events.implied import requests
from newsmill.events.lexicon import entry_set
from newsmill.events.news import (
    a_charge,
    a_condition,
    a_description,
    a_setting,
    a_topic,
    agreeing_view,
    an_accident,
    campaign_rally,
    discarded_story,
    for_a_purpose,
    in_a_quote,
    thing_does_it,
    unarmed_capture,
    warning_no_threat,
)
from newsmill.events.parties import (
    actor_tokens,
    default_doer,
    doers_inside,
    from_the_clause,
    nobody_in_it,
    parties,
)
from newsmill.events.places import gazetteer
from newsmill.events.status import (
    as_plover,
    denied,
    expulsion,
    forecast_reaction,
    objection,
    repression,
    status_of,
    unpromised,
)
from newsmill.events.syntax import (
    FUTURE_CONFLICT,
    clause_head,
    complement,
    evidence,
    going_on,
    lemma_of,
    plans,
    verbal,
)
from newsmill.events.triggers import Found, find_triggers, instrument
from newsmill.events.when import anchor, date_words, day_of, first_day
from newsmill.events.where import place_of
from newsmill.records import Actor, Event, Statement

SPAN = re.compile(r"\b(?:last|past|previous|earlier|recent)\b.*\b(?:weeks?|months?|years?)\b|"
                  r"\b(?:weeks?|months?|years?) ago\b|\brecently\b", re.I)  # "last week"
SHORT_CLAUSE = 12  # words: a labelled event's evidence is its clause, its sentence if shorter


NOT_NEWS: tuple[Callable[[Found, Sentence], bool], ...] = (
    for_a_purpose, a_condition, a_topic, a_setting, a_charge, a_description, an_accident)
HISTORY: tuple[Callable[[Draft], bool], ...] = (a_year_before, had_been_going_on)
NOT_TOLD: tuple[Callable[[Draft], bool], ...] = (
    thing_does_it, warning_no_threat, agreeing_view, campaign_rally, unarmed_capture)
WHO: tuple[Callable[[Draft], Draft], ...] = (from_the_clause, objection, doers_inside)
NOBODY: tuple[Callable[[Draft], bool], ...] = (nobody_in_it,)
NOT_DONE: tuple[Callable[[Draft], bool], ...] = (
    unpromised, forecast_reaction, months_ago, in_a_quote)


def code_sentence(sent: Any, body: str, ctx: act.ArticleContext, published: str | None,
                  earlier: dict[str, Event] | None = None,
                  each_mention: bool = False, vague: set[int] | None = None) -> list[Event]:
    """The events of one sentence; ``earlier`` holds the article's last event of each type, and
    of each type and mode ("ASSAULT firearms"), that names its doers, for "the firing" in "one
    person was killed in the firing". With ``each_mention`` a deed told before ("the arrests")
    or talked about ("informed about the arrests") counts too, and each event's evidence is its
    clause, or its whole sentence where the clause is shorter than ``SHORT_CLAUSE`` words (a
    clause as short as "killed in police firing" is told by many sentences, and a long
    sentence the parser made of two labelled ones tells its clause in one of them). ``vague``
    gets the evidence offset of each event whose clause names a time that is no day ("last
    week"), which the story's narrative day must not date."""
    s = Sentence(sent, body, ctx, published, each_mention,
                 find_triggers(sent), requests(sent, body, ctx), earlier or {})
    triggered = [f for f in s.every if not any(test(f, s) for test in NOT_NEWS)]
    known: dict[int, tuple[list[Actor], list[Actor]]] = {}

    def parties_of(tok: Any) -> tuple[list[Actor], list[Actor]]:
        if tok.i not in known:
            known[tok.i] = parties(tok, ctx)
        return known[tok.i]

    found = one_per_happening(triggered, lambda tok: parties_of(tok)[0], each_mention)
    events: list[Event] = [e for _, e in s.asked]
    if not found:
        return events
    told_counts = numbers(sent)
    clause_of = {f.token.i: f.token if verbal(f.token) else clause_head(f.token) for f in found}
    named_heads = [(f.token, clause_of[f.token.i]) for f in found
                   if parties_of(f.token)[0]]  # events whose doers the text names
    for f in found:
        d = _draft(f, s, clause_of[f.token.i])
        if any(test(d) for test in HISTORY):
            continue  # background history, not news
        d.day = first_day(d.dates, published)
        d.doers, d.done_to = parties_of(d.tok)
        if any(test(d) for test in NOT_TOLD):
            continue
        for rewrite in WHO:
            d = rewrite(d)
        d.mode = d.mode or d.trigger.mode or instrument(d.trigger, sent)
        d.place = place_of(d.head, sent, ctx, fallback=False)
        if d.place is None and ctx.country:
            d.place = gazetteer().country(ctx.country)
        d.named = bool(d.doers)
        d = default_doer(d)
        if any(test(d) for test in NOBODY):
            continue
        d.status = status_of(d.trigger, d.tok, sent)
        if any(test(d) for test in NOT_DONE):
            continue
        event = _event(d, counts_of(told_counts, d.tok, d.head, named_heads))
        if denied(event, each_mention):
            continue
        if vague is not None and event.date is None and any(SPAN.search(w) for w in d.dates):
            vague.add(event.start)  # "last week": a time that is no day
        events.append(event)
    return events


def _draft(f: Found, s: Sentence, head: Any) -> Draft:
    """The trigger ``f`` with its clause ``head``, date words and evidence span."""
    tok, trig = f.token, f.trigger
    vowed = (trig.type in FUTURE_CONFLICT and complement(head) and plans(
        head.head)) or (  # "have sworn to fight"
        complement(head) and lemma_of(head.head) in entry_set(  # "is unwilling to talk"
            "status.txt", "denied verbs"))
    start, end = evidence(head.head if vowed else going_on(head), s.body, told=head.i == tok.i)
    if s.each_mention and len(s.body[start:end].split()) < SHORT_CLAUSE:
        start, end = s.sent.start_char, s.sent.end_char
    return Draft(f, s, trig, head, own_words(head, tok), date_words(head, s.sent), start, end)


def _event(d: Draft, counts: dict[str, int]) -> Event:
    """The event ``d`` has become, in PLOVER's terms, with its numbers."""
    trig, tok, body = d.trigger, d.tok, d.s.body
    event = Event(type=trig.type, mode=d.mode, evidence=body[d.start:d.end], start=d.start,
                  end=d.end, actors=tuple(d.doers),
                  recipients=tuple(a for a in d.done_to if a not in d.doers),
                  place=d.place, date=d.day, status=d.status)  # type: ignore[arg-type]
    event = expulsion(repression(as_plover(event, tok, trig), trig))
    if trig.type == "PROTEST":
        size = next((n for n in (count_of(t) for t in actor_tokens(tok, d.head)) if n), None)
        event = replace(event, size=size)
    if trig.type in ("ASSAULT", "PROTEST", "COERCE"):
        event = replace(event, dead=counts.get("dead"), injured=counts.get("injured"))
    if trig.type == "COERCE":
        event = replace(event, arrested=counts.get("arrested"))
    return event


def code(doc: Any, body: str, published: str | None,
         statements: Sequence[Statement] = (), each_mention: bool = False) -> list[Event]:
    """The events of a parsed article; ``statements`` (from the statements stage) name the
    speaker behind a "we" in what they say. With ``each_mention`` a happening told in several
    sentences is kept once per sentence and trigger, for labelling sentences rather than
    counting events (see ``code_sentence``)."""
    if discarded_story(body):
        return []
    ctx = act.ArticleContext.of(doc, statements)
    events: list[Event] = []
    earlier: dict[str, Event] = {}
    days: list[tuple[int, str]] = []
    vague: set[int] = set()
    for sent in doc.sents:
        told = code_sentence(sent, body, ctx, published, earlier, each_mention, vague)
        earlier.update((key, e) for e in told if e.actors for key in (e.type, f"{e.type} {e.mode}"))
        events += told
        day = None if told else day_of(sent, published)
        if day is not None:
            days.append((sent.start_char, day))
    if not each_mention:
        events = merge(events)
    return anchor(events, days, vague)
