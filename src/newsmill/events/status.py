"""Which status: occurred, planned, denied or hypothetical from negation, modals, conditions, verbs
of intention (``status.txt``); PLOVER's rules for what is promised or refused (a future
coercion is a THREATEN, a future cooperation an AGREE, a refused cooperation a REJECT); deporting
a body is a SANCTION; force on crowds is policing."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from newsmill.events.lexicon import (
    Trigger,
    entry_set,
)
from newsmill.events.news import habitual
from newsmill.events.parties import enacted
from newsmill.events.syntax import (
    FUTURE_CONFLICT,
    FUTURE_COOPERATION,
    SUBJECTS,
    children,
    clause_head,
    complement,
    going_on,
    lemma_of,
    one_of,
    reported,
    verbal,
    will_do,
)
from newsmill.events.when import scheduled_present
from newsmill.records import Event

EXPELLED = frozenset({"IGO", "NGO", "GOV", "BUS"})  # bodies a state expels, not people
WHERE_PREPS = frozenset({"in", "at", "during", "amid", "after", "since"})  # the deed's setting
COOPERATIVE = frozenset({"AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
THREAT_MODES = {"arrest": "arrest", "deport": "expel", "expel": "expel"}


def status_of(trig: Trigger, tok: Any, sent: Any) -> str:
    planned_verbs = entry_set("status.txt", "planned verbs")
    t, chain = tok, [tok]
    while t.head.i != t.i and t.dep_ in ("xcomp", "ccomp", "pobj", "prep", "dobj", "acl",
                                          "advcl", "nsubj", "nsubjpass", "compound"):
        t = t.head
        chain.append(t)
    clause = going_on(clause_head(tok))  # "will begin to negotiate": the plan is the beginning's
    aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    joined = clause
    while joined.dep_ == "conj" and verbal(joined.head) and not children(
            joined, SUBJECTS | {"nsubjpass"}):  # "must be arrested and booked": both must
        joined = joined.head
        aux |= {c.lower_ for c in joined.children if c.dep_ in ("aux", "auxpass")}
    if habitual(joined):  # "the police would routinely pick up the boys": a past practice
        aux.discard("would")
    negated = any(c.dep_ == "neg" for c in (*tok.children, *clause.children)) or any(
        lemma_of(c) in entry_set("status.txt", "denied verbs") for c in chain[1:]) or any(
        _none(t) for t in (tok, *children(tok, SUBJECTS | {"nsubjpass", "dobj"}))) or (
        _alternative(tok))
    if negated and aux & {"might", "may", "could"}:
        return "hypothetical"  # "might not otherwise have agreed to": no refusal
    if negated and trig.type != "REJECT":
        return "denied"
    marks = {c.lower_ for x in chain for c in x.children if c.dep_ == "mark"}
    if will_do(clause):  # "would meet him if he"
        marks |= {m.lower_ for c in children(clause, ("advcl",))
                  for m in c.children if m.dep_ == "mark"}
    if marks & entry_set("status.txt", "hypothetical marks") or sent.text.rstrip().endswith("?"):
        return "hypothetical"
    maybe = aux & entry_set("status.txt", "hypothetical auxiliaries")
    if maybe - entry_set("status.txt", "reported future auxiliaries") or (maybe and (
            not reported(clause) or "have" in aux)):  # "said he may have been murdered",
        return "hypothetical"  # "sources say they could be held"; not "said it would send"
    if aux & entry_set("status.txt", "requested auxiliaries") or _inverted_if(clause):
        return "hypothetical"  # "the culprits must be arrested", "had he been detained"
    if _subjunctive(clause):
        return "planned"  # "he suggested that those guilty be booked"
    if trig.type == "THREATEN":
        return "planned"
    if aux & entry_set("status.txt", "planned auxiliaries") or (
            aux & {"would"} and reported(clause)):
        return "planned"
    if any(lemma_of(c) in planned_verbs and c.i != tok.i and not _was_able(c)
           for c in chain[1:3]) and (
            complement(tok) or (tok.dep_ in ("pobj", "dobj") and lemma_of(chain[1]) != "be"
                                    and lemma_of(chain[1]) not in WHERE_PREPS
                                    and not _made_known(tok))):
        return "planned"  # "called for a strike", not "called for pay in a protest"
    if trig.type == "AGREE" and _agreed_to_do(tok):
        return "planned"
    if scheduled_present(clause):
        return "planned"
    return "occurred"


def _made_known(tok: Any) -> bool:
    """A deed named as what was announced ("Italy announced a suspension of air links"): it
    is made known as done, not planned ("announced it would suspend" stays planned)."""
    verb = tok.head
    return tok.dep_ == "dobj" and one_of(verb, entry_set("status.txt", "announcing verbs")) and (
        not any(c.lower_ in entry_set("status.txt", "planned auxiliaries")
                for c in children(verb, ("aux",))))


def _alternative(tok: Any) -> bool:
    """The deed is what was done instead of something else: "instead of cracking down on the
    mobs", "rather than arresting them" (``status.txt`` "alternatives")."""
    prep = tok.head
    if tok.dep_ not in ("pcomp", "pobj") or prep.i == 0:
        return False
    words = f"{tok.doc[prep.i - 1].lower_} {prep.lower_}"
    return words in entry_set("status.txt", "alternatives")


def _inverted_if(clause: Any) -> bool:
    """A condition told by inversion: "had Singhal been detained in Lucknow, ..."."""
    subj = [c for c in children(clause, SUBJECTS | {"nsubjpass"})
            if c.lower_ not in ("that", "which", "who")]
    return bool(subj) and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "were", "should") and c.i < subj[0].i
        for c in clause.children)


def _subjunctive(clause: Any) -> bool:
    """A that-clause in the subjunctive, what someone wants done: "suggested that those guilty
    be booked", "demanded that he resign"."""
    if clause.dep_ != "ccomp" or not children(clause, SUBJECTS | {"nsubjpass"}):
        return False
    aux = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if aux:
        return len(aux) == 1 and aux[0].lower_ == "be" and aux[0].tag_ == "VB"
    # not a bare infinitive after a verb of seeing ("pleased to see authorities investigate")
    return clause.tag_ == "VB" and any(c.dep_ == "mark" and c.lower_ == "that"
                                       for c in clause.children)


def _none(tok: Any) -> bool:
    """``tok`` says none: "no arrests", "nobody", "not a single activist"."""
    return tok.lower_ in entry_set("status.txt", "none words") or any(
        (c.dep_ == "det" and c.lower_ == "no") or c.dep_ == "neg"
        or (c.dep_ == "amod" and any(g.dep_ == "neg" for g in c.children))
        for c in tok.children)


def _agreed_to_do(tok: Any) -> bool:
    """An agreement to do something, which is yet to be done: "agreed to withdraw", "reached
    a consensus to exchange information", "is committed to opening up the economy"."""
    for t in (tok, *children(tok, ("dobj",))):
        for c in t.children:
            if c.dep_ in ("xcomp", "ccomp") or (
                    c.dep_ == "acl" and any(a.tag_ == "TO" for a in c.children)) or (
                    c.dep_ == "prep" and c.lower_ == "to" and children(c, ("pcomp",))):
                return True
    return False


def _was_able(tok: Any) -> bool:
    """"were able to apprehend a suspect": done, not planned."""
    return bool(lemma_of(tok) == "able" and lemma_of(tok.head) == "be" and tok.head.tag_ == "VBD")


def expulsion(event: Event) -> Event:
    """Deporting people is COERCE; forcing out a body (a UN agency, an NGO, a company, an
    embassy's diplomats) is PLOVER's SANCTION "expel" ("Jakarta forced the UN refugee agency
    out of the country")."""
    if event.type == "COERCE" and event.mode == "deport" and event.recipients and all(
            r.sector in EXPELLED for r in event.recipients):
        return replace(event, type="SANCTION", mode="expel")
    return event


def repression(event: Event, trig: Trigger) -> Event:
    """Security forces that use force on civilians or crowds, or arrest them, are policing
    (COP), as PLOVER's repression context has them; fighting rebels they stay MIL. Police and
    soldiers do not riot: stones they throw are an assault, a road or access a state blocks is
    restricted (COERCE); taking to the streets or marching
    (``status.txt`` deployment words), they are deployed (a police union's rally stays a
    protest)."""
    forces = bool(event.actors) and all(a.sector in ("COP", "MIL") for a in event.actors)
    if event.type == "PROTEST" and event.mode == "riot" and forces:
        return replace(event, type="ASSAULT", mode="primitive")
    if event.type == "PROTEST" and event.mode == "obstruct" and event.actors and all(
            a.sector in ("COP", "MIL", "GOV") for a in event.actors):  # "the regime is
        return replace(event, type="COERCE", mode="restrict")  # blocking access to food"
    if event.type == "PROTEST" and forces and trig.words[0] in entry_set(
            "status.txt", "deployment words"):  # "troops took to the streets"
        return replace(event, type="MOBILIZE", mode="troops" if any(
            a.sector == "MIL" for a in event.actors) else "police")
    on_crowds = event.mode == "crowd-control" or any(r.sector == "CVL" for r in event.recipients)
    if event.type not in ("ASSAULT", "COERCE") or (event.type == "ASSAULT" and not on_crowds):
        return event
    policing = entry_set("sectors.txt", "policing forces")
    actors = tuple(replace(a, sector="COP") if a.sector == "MIL" and " ".join(
        a.name.lower().split()[-2:]) in policing else a for a in event.actors)
    return replace(event, actors=actors)


def as_plover(event: Event, tok: Any, trig: Trigger) -> Event:
    """PLOVER's rules for what is promised or refused: future cooperation is AGREE, a future
    coercive act or anything promised "unless" a demand is met is a THREATEN of that kind, a
    cooperative act negated is a REJECT."""
    if event.status in ("planned", "hypothetical") and _ultimatum(tok):
        mode = THREAT_MODES.get(event.mode or "", FUTURE_CONFLICT.get(event.type, "relations"))
        return replace(event, type="THREATEN", mode=mode, status="planned")
    if event.status in ("planned", "hypothetical") and event.type in FUTURE_COOPERATION and not (
            scheduled_present(going_on(clause_head(tok)))):  # "holds a hearing Wednesday": due
        return replace(event, type="AGREE", mode=None)  # "would meet him if he ...": an offer
    if event.status in ("planned", "hypothetical") and event.type in FUTURE_CONFLICT and not (
            _scheduled(tok) or enacted(tok)):  # "was set to begin shutting off power": due
        mode = THREAT_MODES.get(event.mode or "", FUTURE_CONFLICT[event.type])
        return replace(event, type="THREATEN", mode=mode, status="planned")
    if event.status == "denied" and event.type in COOPERATIVE:
        return replace(event, type="REJECT", mode=None, status="occurred")
    return event


def _scheduled(tok: Any) -> bool:
    """The deed is on a calendar: its clause depends on "set", "scheduled" or "due" to."""
    t = tok
    while t.dep_ == "xcomp" and t.head.i != t.i:
        t = t.head
        if one_of(t, entry_set("status.txt", "scheduled verbs")):
            return True
    return False


def _ultimatum(tok: Any) -> bool:
    """"will withdraw its troops unless ...": a demand backed by a threat."""
    clause = tok if verbal(tok) else clause_head(tok)
    return any(m.dep_ == "mark" and m.lower_ == "unless"
               for c in children(clause, ("advcl",)) for m in c.children)
