"""Which status: occurred, planned, denied or hypothetical from negation, modals, conditions, verbs
of intention (``status.txt``); PLOVER's rules for what is promised or refused (a future
coercion is a THREATEN, a future cooperation an AGREE, a refused cooperation a REJECT); deporting
a body is a SANCTION; force on crowds is policing."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from newsmill.events.lexicon import (
    Trigger,
    entry_set,
)
from newsmill.events.parties import actors_named, enacted, tail_speaker
from newsmill.events.rules import SAME, rule
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
    plans,
    reported,
    verbal,
    will_do,
)
from newsmill.records import Event

if TYPE_CHECKING:
    from newsmill.events.draft import Draft

EXPELLED = frozenset({"IGO", "NGO", "GOV", "BUS"})  # bodies a state expels, not people
WHERE_PREPS = frozenset({"in", "at", "during", "amid", "after", "since"})  # the deed's setting
COOPERATIVE = frozenset({"AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
LOCATIVES = frozenset({"outside", "inside", "near", "opposite", "at", "in"})
OBJECTORS = frozenset({"GOV", "IGO", "NGO", "JUD", "LEG"})  # who protest in words, not march
THREAT_MODES = {"arrest": "arrest", "deport": "expel", "expel": "expel"}


def status_of(trig: Trigger, tok: Any, sent: Any) -> str:
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
    negated = any(c.dep_ == "neg" for c in (*tok.children, *clause.children)) or any(
        lemma_of(c) in entry_set("status.txt", "denied verbs") for c in chain[1:]) or any(
        _none(t) for t in (tok, *children(tok, SUBJECTS | {"nsubjpass", "dobj"})))
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
    if aux & entry_set("status.txt", "requested auxiliaries"):
        return "hypothetical"  # "the culprits must be arrested"
    if _foretold(tok):
        return "hypothetical"  # "more protests are expected"
    if _subjunctive(clause):
        return "planned"  # "he suggested that those guilty be booked"
    if trig.type == "THREATEN":
        return "planned"
    if aux & entry_set("status.txt", "planned auxiliaries") or (
            aux & {"would"} and reported(clause)):
        return "planned"
    if any(plans(c) and c.i != tok.i for c in chain[1:3]) and (
            complement(tok) or (tok.dep_ in ("pobj", "dobj") and lemma_of(chain[1]) != "be"
                                    and lemma_of(chain[1]) not in WHERE_PREPS
                                    and not _made_known(tok))):
        return "planned"  # "called for a strike", not "called for pay in a protest"
    return "occurred"


@rule("announced-done", "status", "Italy announced a suspension of air links with China.")
def _made_known(tok: Any) -> bool:
    """A deed named as what was announced ("Italy announced a suspension of air links"): it
    is made known as done, not planned ("announced it would suspend" stays planned)."""
    verb = tok.head
    return tok.dep_ == "dobj" and one_of(verb, entry_set("status.txt", "announcing verbs")) and (
        not any(c.lower_ in entry_set("status.txt", "planned auxiliaries")
                for c in children(verb, ("aux",))))


def _none(tok: Any) -> bool:
    """``tok`` says none: "no arrests", "nobody", "not a single activist"."""
    return tok.lower_ in entry_set("status.txt", "none words") or any(
        (c.dep_ == "det" and c.lower_ == "no") or c.dep_ == "neg"
        or (c.dep_ == "amod" and any(g.dep_ == "neg" for g in c.children))
        for c in tok.children)


@rule("expel-a-body", "status", "Jakarta deported the UN refugee agency's staff.", off=SAME)
def expulsion(event: Event) -> Event:
    """Deporting people is COERCE; forcing out a body (a UN agency, an NGO, a company, an
    embassy's diplomats) is PLOVER's SANCTION "expel" ("Jakarta forced the UN refugee agency
    out of the country")."""
    if event.type == "COERCE" and event.mode == "deport" and event.recipients and all(
            r.sector in EXPELLED for r in event.recipients):
        return replace(event, type="SANCTION", mode="expel")
    return event


@rule("force-on-crowds-policing", "status", "Security forces fired tear gas at protesters in the "
      "capital.",
      off=SAME)
def repression(event: Event, trig: Trigger) -> Event:
    """Security forces that use force on civilians or crowds, or arrest them, are policing
    (COP), as PLOVER's repression context has them; fighting rebels they stay MIL."""
    on_crowds = event.mode == "crowd-control" or any(r.sector == "CVL" for r in event.recipients)
    if event.type not in ("ASSAULT", "COERCE") or (event.type == "ASSAULT" and not on_crowds):
        return event
    policing = entry_set("sectors.txt", "policing forces")
    actors = tuple(replace(a, sector="COP") if a.sector == "MIL" and " ".join(
        a.name.lower().split()[-2:]) in policing else a for a in event.actors)
    return replace(event, actors=actors)


def as_plover(event: Event, tok: Any, trig: Trigger) -> Event:
    """PLOVER's rules for what is promised or refused (the first that applies)."""
    for rewrite in (_ultimatum_threat, _future_cooperation, _future_conflict,
                    _refused_cooperation):
        coded = rewrite(event, tok)
        if coded is not event:
            return coded
    return event


@rule("ultimatum-threat", "status", "The rebels said they would free the hostages unless the "
      "army withdrew.", off=SAME)
def _ultimatum_threat(event: Event, tok: Any) -> Event:
    """Anything promised "unless" a demand is met is a THREATEN of its kind."""
    if event.status in ("planned", "hypothetical") and _ultimatum(tok):
        mode = THREAT_MODES.get(event.mode or "", FUTURE_CONFLICT.get(event.type, "relations"))
        return replace(event, type="THREATEN", mode=mode, status="planned")
    return event


@rule("future-cooperation-agree", "status", "The two presidents will meet in Geneva next month.",
      off=SAME)
def _future_cooperation(event: Event, tok: Any) -> Event:
    """Future cooperation is an AGREE ("would meet him"), not a meeting held."""
    if event.status in ("planned", "hypothetical") and event.type in FUTURE_COOPERATION:
        return replace(event, type="AGREE", mode=None)
    return event


@rule("future-conflict-threat", "status", "The government said it would impose sanctions "
      "on the company.", off=SAME)
def _future_conflict(event: Event, tok: Any) -> Event:
    """A future coercive act is a THREATEN of that kind; not one due on a calendar ("was set
    to begin shutting off power") or what a law would do."""
    if event.status in ("planned", "hypothetical") and event.type in FUTURE_CONFLICT and not (
            _scheduled(tok) or enacted(tok)):
        mode = THREAT_MODES.get(event.mode or "", FUTURE_CONFLICT[event.type])
        return replace(event, type="THREATEN", mode=mode, status="planned")
    return event


@rule("refused-cooperation-reject", "status", "The government did not meet the rebel "
      "envoys on Sunday.", off=SAME)
def _refused_cooperation(event: Event, tok: Any) -> Event:
    """A cooperative act negated is a REJECT."""
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


# ---- the rules on an event in the making ------------------------------------------------------

@rule("objection-is-accusation", "status", "China protested the visit of the Taiwanese "
      "president.", off=SAME)
def objection(d: Draft) -> Draft:
    """Bodies that protest in words (a state, an IGO, an NGO, a court, a legislature) object:
    ACCUSE "disapprove" ("China protested the visit"); lawmakers who protest outside parliament
    demonstrate. A verb closing the sentence after a comma names its source (", a human
    rights group protested here Wednesday") and its evidence is the sentence before it."""
    tok = d.tok
    if d.trigger.type != "PROTEST" or not one_of(tok, entry_set("status.txt",
                                                                  "objecting verbs")):
        return d
    speaker = tail_speaker(tok)
    if speaker is not None:
        d.doers = actors_named([speaker], d.s.ctx)
        d.done_to = [a for a in d.done_to if a not in d.doers]
        d.start, d.end = d.s.sent.start_char, tok.idx + len(tok.text)
    objected = speaker is not None or children(tok, ("ccomp",)) or any(
        p.lower_ in ("against", "over") for p in children(tok, ("prep",))) or any(
        not any(c.lower_ in LOCATIVES for c in o.children)  # not "protested outside
        for o in children(tok, ("dobj",)))  # parliament", parsed as an object
    if objected and d.doers and all(a.sector in OBJECTORS for a in d.doers):
        d.trigger = replace(d.trigger, type="ACCUSE", mode="disapprove")
    return d


@rule("unpromised-future", "status", "The suspects could be extradited to Spain.")
def unpromised(d: Draft) -> bool:
    """A future deed nobody is named to promise or threaten ("suspects could be extradited"),
    or a possibility nobody is named for ("an appeal could be made")."""
    return d.status in ("planned", "hypothetical") and not d.named and (
        d.trigger.type in FUTURE_COOPERATION | FUTURE_CONFLICT.keys()
        or d.status == "hypothetical")


@rule("forecast-reaction", "status", "Many will deplore that decision, the envoy said.")
def forecast_reaction(d: Draft) -> bool:
    """An accusation or a rejection still to come is a forecast, not a reaction."""
    return d.status in ("planned", "hypothetical") and d.trigger.type in ("ACCUSE", "REJECT")


@rule("subjunctive-wish", "status", "He proposed that the prisoners be released.")
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


@rule("denied-not-news", "status", "The police did not arrest anyone at the rally on Sunday.")
def denied(event: Event, each_mention: bool) -> bool:
    """A deed the story says did not happen ("did not arrest anyone"), once PLOVER has made a
    refused cooperation a REJECT, is no event of the story's."""
    return not each_mention and event.status == "denied"


def _foretold(tok: Any) -> bool:
    """A deed named as what is expected, forecast or feared ("more protests are expected",
    "analysts predict clashes") is foretold, not told: hypothetical."""
    return tok.dep_ in ("nsubjpass", "dobj") and one_of(
        tok.head, entry_set("status.txt", "forecast verbs"))
