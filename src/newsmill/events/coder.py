"""PLOVER events from the spaCy parse, clause by clause.

1. Triggers: a word of ``triggers.txt`` (lemma, part of speech, a second word joined by a
   dependency) gives the type and mode.
2. One event per happening: a trigger inside the complement of another ("accused them of
   attacking", "called for an end to the violence") is what the first is about, not an event of
   its own; triggers of one type in one sentence are one event; the same type, actors and
   recipients told again in the article are one event. Not events at all: words that describe
   a party ("the leader, who resigned in 2017", "detained migrants", "a detention centre"),
   nouns a clause talks about rather than tells ("avoid criticism"), and the condition of an
   "if"/"unless" clause.
3. Parties: the subject (or the "by" agent) acts, the object, a passive subject or an
   "against/on/with/at" phrase receives (``actors.py``).
4. Place: a place named in the event's own clause ("in Senkata"), else the sentence's, else the
   article's country; geocoded offline (``places.py``).
5. Date: the date words of the clause against the publication date (``dates.py``); a clause
   dated a year or more before publication is background and not coded.
6. Status: negation or a denial -> denied; a condition, a modal or a question -> hypothetical;
   a future or an intention ("vowed to") -> planned (``status.txt``); a threat is of something
   planned.
7. Numbers: crowd size, arrested, injured and dead from the sentence's counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from newsmill.events import actors as act
from newsmill.events.counts import count_of, counts_of, numbers
from newsmill.events.dates import WEEKDAYS, days_before, years_before
from newsmill.events.happenings import itemised, merge, one_per_happening
from newsmill.events.history import (
    at_the_time,
    had_been_doing,
    in_a_dated_war,
    latest_day,
    latest_year,
    own_months,
    own_words,
    past_frame,
    years_after,
)
from newsmill.events.implied import practices, requests
from newsmill.events.lexicon import (
    default_actor,
    entry_set,
)
from newsmill.events.news import (
    armed,
    charged,
    condition,
    descriptive,
    endangers,
    generic,
    habitual,
    heading,
    hoped,
    kept,
    opinion,
    principle,
    purpose,
    said_of_one_told,
    setting,
    sitting,
    there_is,
    thing_subject,
    threat_warning,
    topic,
)
from newsmill.events.parties import (
    actor_tokens,
    actors_named,
    as_state,
    clause_parties,
    enacted,
    enactors,
    inner_doers,
    parties,
    public,
    tail_speaker,
)
from newsmill.events.places import gazetteer
from newsmill.events.status import as_plover, expulsion, repression, status_of
from newsmill.events.syntax import (
    BACKGROUND_DAYS,
    FUTURE_CONFLICT,
    FUTURE_COOPERATION,
    OFFENCES,
    REACTIONS,
    STATE_SECTORS,
    VERBAL,
    children,
    clause_head,
    complement,
    evidence,
    finite,
    going_on,
    governs,
    lemma_of,
    one_of,
    present,
    referential,
    simple_past,
    subject,
    verbal,
)
from newsmill.events.triggers import find_triggers, instrument
from newsmill.events.when import (
    anchor,
    date_words,
    dated_status,
    day_of,
    first_day,
    scheduled_present,
)
from newsmill.events.where import place_of
from newsmill.records import Actor, Event, Place, Statement

LOCATIVES = frozenset({"outside", "inside", "near", "opposite", "at", "in"})
OBJECTORS = frozenset({"GOV", "IGO", "NGO", "JUD", "LEG"})  # who protest in words, not march
SEATED = frozenset({"JUD", "LEG"})  # and sit there, wherever the report is datelined
SHORT_CLAUSE = 12  # words: a labelled event's evidence is its clause, its sentence if shorter


def code_sentence(sent: Any, body: str, ctx: act.ArticleContext, published: str | None,
                  earlier: dict[str, Event] | None = None,
                  each_mention: bool = False,
                  homes: dict[tuple[int, str], Place] | None = None,
                  history: bool = False) -> list[Event]:
    """The events of one sentence; ``earlier`` holds the article's last event of each type, and
    of each type and mode ("ASSAULT firearms"), that names its doers, for "the firing" in "one
    person was killed in the firing"; ``homes`` gets, by evidence offset and type, the country
    of a state body that does a deed (not a reaction to another's, "the UK has urged an end to
    the violence") where neither the text nor a dateline names a place ("Sweden has dropped
    its investigation": Sweden's courts act in Sweden), which ``code`` gives the event after
    merging; ``history`` says an earlier sentence of the paragraph dates it to the past
    ("In a letter in May, he said ... He urged"). With ``each_mention`` what a relative clause tells
    of a party, a deed told before ("the arrests") or talked about ("informed about the
    arrests"), a habit ("police routinely torture people") and a backdrop count too, and each
    event's evidence is its clause, or its whole sentence where the clause is shorter than
    ``SHORT_CLAUSE`` words (a clause as short as "killed in police firing" is told by many
    sentences, and a long sentence the parser made of two labelled ones tells its clause in
    one of them)."""
    asked = requests(sent, body, ctx)
    every = find_triggers(sent)
    triggered = [f for f in every if not (
        ((referential(f.token) or said_of_one_told(f, every)) and not each_mention)
        or purpose(f.token)
        or (habitual(f.token) and not each_mention) or condition(f.token)
        or (topic(f.token) and not each_mention) or setting(f)
        or (charged(f.token) and not each_mention) or principle(f.token) or hoped(f.token)
        or descriptive(f, every, not each_mention)
        or (any(governs(clause, f.token) for clause, _ in asked)
            and not (each_mention and kept(f.token))))]
    known: dict[int, tuple[list[Actor], list[Actor]]] = {}

    def parties_of(tok: Any) -> tuple[list[Actor], list[Actor]]:
        if tok.i not in known:
            known[tok.i] = parties(tok, ctx)
        return known[tok.i]

    found = one_per_happening(triggered, lambda tok: parties_of(tok)[0], each_mention)
    events: list[Event] = [e for _, e in asked]
    if not each_mention:
        events += practices(sent, every, body, ctx, parties_of)
    if not found:
        return events
    told_counts = numbers(sent)
    clause_of = {f.token.i: f.token if verbal(f.token) else clause_head(f.token) for f in found}
    named_heads = [(f.token, clause_of[f.token.i]) for f in found
                   if parties_of(f.token)[0]]  # events whose doers the text names
    for f in found:
        tok, trig = f.token, f.trigger
        head = clause_of[tok.i]
        counts = counts_of(told_counts, tok, head, named_heads)
        dates = date_words(head, sent)
        vowed = (trig.type in FUTURE_CONFLICT and complement(head) and lemma_of(
            head.head) in entry_set("status.txt", "planned verbs")) or (  # "have sworn to fight"
            complement(head) and lemma_of(head.head) in entry_set(  # "is unwilling to talk"
                "status.txt", "denied verbs"))
        start, end = evidence(head.head if vowed else going_on(head), body,
                               told=head.i == tok.i)
        if each_mention and len(body[start:end].split()) < SHORT_CLAUSE:
            start, end = sent.start_char, sent.end_char
        own = own_words(head, tok)
        if not each_mention and (years_before(own, published) >= 1 or years_after(head) or (
                at_the_time(head)) or (history and not dates and simple_past(head)) or (
                had_been_doing(head)) or (
                not published and (years_before(own, latest_year(body)) >= 2
                                   or in_a_dated_war(head)))):
            continue  # background history, not news
        if scheduled_present(going_on(head)):  # "holds a hearing Wednesday": the coming one
            dates = [w if w.lower() not in WEEKDAYS else f"next {w}" for w in dates]
        day = first_day(dates, published)
        if day is None and not dates and present(head):
            day = published  # "the United States stands ready to support": as of the report
        doers, done_to = parties_of(tok)
        if not doers and trig.type in VERBAL | {"CONCEDE"} and thing_subject(tok):
            continue  # "tensions are threatening growth", "no evidence supports it"
        if (lemma_of(tok) == "threaten" and endangers(tok)) or (
                lemma_of(tok) == "threat" and there_is(tok)):
            continue  # "settlements threaten the viability of a two-state solution"
        if lemma_of(tok) == "warn" and not threat_warning(tok, ctx):
            continue  # "doctors warned that children would face risks": no threat
        if one_of(tok, entry_set("status.txt", "mobilizing verbs")) and not armed(tok, ctx):
            continue  # "mobilized pressure groups", "called on Arabs to mobilize against him"
        if trig.type == "CONSULT" and sitting(tok):
            continue  # "Israel's Cabinet met Sunday": a body in session consults no one
        if lemma_of(tok) == "agree" and opinion(tok):
            continue  # "many businesses agree that China has taken advantage"
        if generic(tok):
            continue  # "people demand the solution to their problems": what such people do
        # a deed told before ("the arrests", each_mention only) is not its clause's doing
        # (unless the clause's subject took part in it: "police helped in the killings")
        clause_doers, sufferers = ([], []) if referential(tok) and not one_of(
            clause_head(tok), entry_set("status.txt", "part verbs")) else clause_parties(tok, ctx)
        doers, done_to = doers or clause_doers, done_to or sufferers
        if trig.type == "PROTEST" and one_of(tok, entry_set("status.txt", "objecting verbs")):
            speaker = tail_speaker(tok)
            if speaker is not None:  # "..., a human rights group protested here Wednesday"
                doers = actors_named([speaker], ctx)
                done_to = [a for a in done_to if a not in doers]
            objected = speaker is not None or children(tok, ("ccomp",)) or any(
                p.lower_ in ("against", "over") for p in children(tok, ("prep",))) or any(
                not any(c.lower_ in LOCATIVES for c in o.children)  # not "protested
                for o in children(tok, ("dobj",)))  # outside parliament", parsed as an object
            if speaker is not None:  # what they protested is the sentence before the verb
                start, end = sent.start_char, tok.idx + len(tok.text)
            if objected and doers and all(a.sector in OBJECTORS for a in doers):
                trig = replace(trig, type="ACCUSE", mode="disapprove")  # "China protested the
                # visit" objected; "lawmakers protested outside parliament" demonstrated
        if trig.type in FUTURE_CONFLICT and enacted(tok):  # "the Act, under consideration
            doers = enactors(tok, ctx)  # by the US Senate, would impose sanctions": the Senate
        if trig.type not in ("PROTEST", "ASSAULT"):  # "the Chinese have been reluctant to
            doers = [as_state(a) for a in doers]  # commit to a meeting": China's government
        mode, before = trig.mode, None
        if not doers:  # "killed in police firing": the deed inside it names the doer
            doers, mode, before = inner_doers(f, every, ctx, earlier or {})
        mode = mode or instrument(trig, sent)
        place = place_of(head, sent, ctx, fallback=False)
        home = next((a.country for a in doers[:1] if a.sector in STATE_SECTORS
                     and trig.type not in REACTIONS), None)
        home_place = gazetteer().country(home) if place is None and home is not None and (
            not ctx.dateline or doers[0].sector in SEATED) else None
        if place is None and ctx.country:
            place = gazetteer().country(ctx.country)
        named = bool(doers)
        default = default_actor(trig.type, lemma_of(tok), mode, tuple(a.name for a in done_to))
        if not doers and default is not None:  # where it happened, else the article's country
            doers = [Actor(default[0], place.country if place else ctx.country, default[1])]
        if doers and not each_mention and all(a.sector == "BUS" for a in (*doers, *done_to)) and (
                not any(public(t) for t in head.subtree)):
            continue  # "SoftBank agreed to inject $6.5 billion": news solely about companies,
            # which PLOVER leaves out; not "agreed to pay the Japanese government"
        if not doers and not done_to and not each_mention and trig.type not in OFFENCES and not (
                finite(tok) or children(tok, ("auxpass",))
                or (tok.dep_ == "dobj" and subject(tok.head) is not None)):
            continue  # "security operations provide protection": a deed with nobody in it,
            # not even one it was done to ("after being deported"), who does such deeds ("no
            # arrests have been made": the police) or whoever did it ("the two sides held
            # talks"); not protests or violence ("synchronised attacks were launched"), which
            # are news whoever did them
        event = Event(type=trig.type, mode=mode, evidence=body[start:end], start=start, end=end,
                      actors=tuple(doers), recipients=tuple(a for a in done_to if a not in doers),
                      place=place, date=day,
                      status=dated_status(  # type: ignore[arg-type]
                          status_of(trig, tok, sent), day, published))
        if event.status in ("planned", "hypothetical") and not named and (
                trig.type in FUTURE_COOPERATION | FUTURE_CONFLICT.keys()
                or event.status == "hypothetical"):
            continue  # "suspects could be extradited": nobody promises or threatens it; "an
            # appeal could be made": a possibility nobody is named for
        if event.status in ("planned", "hypothetical") and trig.type in ("ACCUSE", "REJECT"):
            continue  # "many will deplore that decision": a forecast, no accusation yet
        if not each_mention and event.status == "occurred" and any(
                days_before(d, published or latest_day(body)) >= BACKGROUND_DAYS
                for d in own_months(head, own)):
            continue  # "Carlineo was arrested in April" in a report of November: history
        event = expulsion(repression(as_plover(event, tok, trig), trig))
        if home_place is not None and homes is not None:  # set after merging: places not
            homes[(event.start, event.type)] = home_place  # named merge as one
        if before is not None and event.type == before.type:  # told again: merged with it
            event = replace(event, mode=before.mode, recipients=before.recipients,
                            place=before.place, date=event.date or before.date)
        if trig.type == "PROTEST":
            size = next((n for n in (count_of(t) for t in actor_tokens(tok, head)) if n), None)
            event = replace(event, size=size)
        if trig.type in ("ASSAULT", "PROTEST", "COERCE"):
            event = replace(event, dead=counts.get("dead"), injured=counts.get("injured"))
        if trig.type == "COERCE":
            event = replace(event, arrested=counts.get("arrested"))
        events.append(event)
    return events


def code(doc: Any, body: str, published: str | None,
         statements: Sequence[Statement] = (), each_mention: bool = False) -> list[Event]:
    """The events of a parsed article; ``statements`` (from the statements stage) name the
    speaker behind a "we" in what they say. With ``each_mention`` a happening told in several
    sentences is kept once per sentence and trigger, for labelling sentences rather than
    counting events (see ``code_sentence``)."""
    ctx = act.ArticleContext.of(doc, statements)
    events: list[Event] = []
    earlier: dict[str, Event] = {}
    homes: dict[tuple[int, str], Place] = {}
    days: list[tuple[int, str]] = []
    last_paragraph, history = -2, False
    frame = (published or latest_day(body), latest_year(body))  # what dates are told against
    for sent in doc.sents:
        if heading(sent, body):
            continue
        paragraph = body.rfind("\n", 0, sent.start_char)
        if paragraph != last_paragraph:
            last_paragraph, history = paragraph, False
        told = code_sentence(sent, body, ctx, published, earlier, each_mention, homes, history)
        history = past_frame(sent, published, frame, history)
        earlier.update((key, e) for e in told if e.actors for key in (e.type, f"{e.type} {e.mode}"))
        events += told
        day = None if told else day_of(sent, published)
        if day is not None:
            days.append((sent.start_char, day))
    if not each_mention:
        events, summed = itemised(merge(events))
        days += [(e.start, e.date) for e in summed if e.date]  # its day is the items' day
    # a reaction no place is named for ("the French foreign ministry said it regrets ...") is
    # about the story's first happening whose place is named (not a state body's home),
    # where that lies outside the country the article names most ("visited a settlement in
    # the West Bank")
    centre = gazetteer().country(ctx.country) if ctx.country else None
    lead = next((e.place for e in events if e.place and e.place != centre), None)
    events = [replace(e, place=homes.get((e.start, e.type), e.place)) for e in events]
    if lead is not None and lead.country != ctx.country:
        events = [replace(e, place=lead) if e.type in REACTIONS and e.place == centre else e
                  for e in events]
    return anchor(events, days)
