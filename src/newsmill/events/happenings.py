"""One per happening: in a sentence, one event per type and doers, not what a verbal act is about
nor a protest's details; in an article, the same happening told twice is one event, and a count
the story goes on to tell one by one is not an event again."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from newsmill.events.lexicon import default_actor
from newsmill.events.news import kept
from newsmill.events.rules import SAME, rule
from newsmill.events.status import status_of
from newsmill.events.syntax import VERBAL, depth, governs
from newsmill.events.triggers import Found
from newsmill.records import Actor, Event

BACKGROUND_LINKS = frozenset({"after", "following", "since", "because", "amid", "despite",
                              "before"})
UNDONE = frozenset({"REQUEST", "THREATEN", "AGREE"})  # what these are about is not done yet


def one_per_happening(found: list[Found],
                      doers_of: Callable[[Any], Sequence[Actor]] = lambda tok: (),
                      each_mention: bool = False) -> list[Found]:
    """The triggers that tell the sentence's happenings: not what a verbal act is about
    ("accused police of detaining him": the accusation), except when each mention counts
    (then every deed told is kept, but not one asked for: "demanded the arrest of ...")."""
    keep = [f for f in found if not _about(f, found, each_mention)]
    keep = [f for f in keep if not _nested(f, keep)]
    keep = _by_force(_over_backdrop(keep, each_mention), found)
    if each_mention:  # every deed told labels the sentence
        return keep
    return _one_per_type(keep, doers_of)


@rule("about-not-done", "one", "Rights groups accused the police of beating protesters in the "
      "square.")
def _about(f: Found, found: list[Found], each_mention: bool) -> bool:
    """What a verbal act is about ("accused police of detaining him": the accusation) or what
    a conviction is for ("convicted of murder"); where each mention counts, a deed asked for,
    threatened or promised is not done either, but what a participle tells of its people is
    ("urged the release of the arrested men")."""
    governors = UNDONE if each_mention else VERBAL | {"SANCTION"}
    if each_mention and (_participle(f.token) or kept(f.token)):
        return False
    return any(g is not f and g.token.i != f.token.i and g.trigger.type in governors
               and governs(g.token, f.token) for g in found)


@rule("deed-over-nested", "one", "Police arrested 12 students during protests in the city.")
def _nested(f: Found, keep: list[Found]) -> bool:
    """A noun of another type inside a material deed's phrase is its setting ("arrested
    during protests"), not a deed besides it."""
    return any(g is not f and g.trigger.type not in VERBAL and g.trigger.type != f.trigger.type
               and f.token.pos_ == "NOUN" and governs(g.token, f.token) for g in keep)


@rule("one-per-type", "one", "Police arrested five men and detained two women in Lagos on Sunday.",
      off=SAME)
def _one_per_type(keep: list[Found], doers_of: Callable[[Any], Sequence[Actor]]) -> list[Found]:
    """One event per type and doers: "six were injured in police firing, while 12 were killed
    by the rioters" tells two; "97 died in police firing, while the others were killed" tells
    one, the trigger that names its doers ("who fired is news"), nearest the root (a denied
    one apart: "not one of the 800 arrested has been booked" tells arrests made)."""
    doers = {f.token.i: {w.lower() for a in doers_of(f.token) for w in a.name.split()}
             for f in keep}
    shared = Counter(f.trigger.type for f in keep)  # a status matters where a type repeats
    told = {f.token.i: shared[f.trigger.type] > 1
            and status_of(f.trigger, f.token, f.token.sent) == "denied" for f in keep}
    chosen: list[Found] = []
    for f in sorted(keep, key=lambda f: (not doers[f.token.i], depth(f.token))):
        if not any(g.trigger.type == f.trigger.type and told[g.token.i] == told[f.token.i] and (
                not doers[f.token.i] or doers[f.token.i] & doers[g.token.i]) for g in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.token.i)


def _participle(tok: Any) -> bool:
    """A past participle that describes people by a deed done to them ("the arrested men")."""
    return bool(tok.tag_ == "VBN" and tok.dep_ in ("amod", "acl"))


def _happening(e: Event) -> tuple[object, ...]:
    """Type, mode and parties of an event, each doer by its head word and country ("Federal
    prosecutors" and "prosecutors" of one country are one party)."""
    return (e.type, e.mode, frozenset((a.name.lower().split()[-1], a.country)
                                      for a in e.actors if a.name.split()),
            frozenset(a.name.lower() for a in e.recipients))


def merge(events: list[Event]) -> list[Event]:
    """The same happening told twice is one event: same type, mode, parties and place; told
    again with nobody named for it where the other names its doer, shares its sufferers or
    names none (``_faceless``), it is the earlier one of its type, which takes the parties it
    lacked."""
    out: list[Event] = []
    keys: list[tuple[object, ...]] = []
    for e in events:
        key = _happening(e)
        for n, (prev, prev_key) in enumerate(zip(out, keys, strict=True)):
            same_place = (prev.place is None or e.place is None
                          or prev.place.country == e.place.country)
            same_day = prev.date is None or e.date is None or prev.date == e.date
            shared = bool({a.name for a in e.recipients} & {a.name for a in prev.recipients})
            same_party = not e.recipients or shared  # "I have been deported" after "deported"
            told = prev_key == key or (prev_key[:3] == key[:3] and not e.recipients)
            faceless = _faceless(prev, e, same_party, shared)
            if (told or faceless) and same_place and same_day:
                named = prev if not _unnamed(prev) or not e.actors else e
                out[n] = replace(prev, actors=named.actors,
                                 recipients=prev.recipients or e.recipients,
                                 date=prev.date or e.date, size=prev.size or e.size,
                                 arrested=prev.arrested or e.arrested,
                                 injured=prev.injured or e.injured, dead=prev.dead or e.dead)
                keys[n] = _happening(out[n])
                break
        else:
            out.append(e)
            keys.append(key)
    return out


@rule("backdrop", "one", "One day after a jet shot down a drone, the two ministers met in "
      "Geneva.", off=SAME)
def _over_backdrop(keep: list[Found], each_mention: bool) -> list[Found]:
    """What a sentence gives as cause or backdrop ("one day after a jet shot down ...") is not
    its news when it tells another event; a sentence's labels count its backdrop too."""
    main = [f for f in keep if not _backdrop(f.token)]
    return main if main and not each_mention else keep


@rule("capture-by-force", "one", "Rebels captured the town of Kidal after heavy fighting on "
      "Sunday.", off=SAME)
def _by_force(keep: list[Found], found: list[Found]) -> list[Found]:
    """Territory taken after or amid fighting the sentence tells ("captured the town after
    heavy fighting") is taken by force: PLOVER's ASSAULT, not a seizure."""
    if not any(f.trigger.type == "ASSAULT" and _backdrop(f.token) for f in found):
        return keep
    return [replace(f, trigger=replace(f.trigger, type="ASSAULT", mode=None))
            if f.trigger.type == "COERCE" and f.trigger.pos == "l" else f for f in keep]


def _backdrop(tok: Any) -> bool:
    t = tok
    while t.head.i != t.i:
        if t.lower_ in BACKGROUND_LINKS and t.dep_ in ("prep", "mark"):
            return True
        if any(c.dep_ == "mark" and c.lower_ in BACKGROUND_LINKS for c in t.children):
            return True
        t = t.head
    return False


@rule("faceless-deed", "one", "Two men were kidnapped in Lagos on Monday. Gunmen kidnapped two "
      "men in Lagos on Monday.")
def _faceless(prev: Event, e: Event, same_party: bool, shared: bool) -> bool:
    """A deed nobody is named for (its doer the default of ``defaults.txt``) told again
    with its doer, or after a telling that named one, is that one."""
    return prev.type == e.type and prev.mode == e.mode and (
        (_unnamed(e) and (same_party or not prev.recipients)) or (_unnamed(prev) and shared))


def _unnamed(e: Event) -> bool:
    """The event's doer is the one ``defaults.txt`` gives a deed nobody is named for."""
    default = default_actor(e.type, "", e.mode, tuple(a.name for a in e.recipients))
    return default is not None and [(a.name, a.sector) for a in e.actors] == [default]
