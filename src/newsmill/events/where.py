"""Where: the place the event's clause names, else its sentence's, else the article's country,
geocoded offline (``places.py``)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from newsmill.events import actors as act
from newsmill.events.lexicon import (
    entry_set,
)
from newsmill.events.places import gazetteer
from newsmill.events.rules import SAME, rule
from newsmill.events.syntax import REACTIONS, STATE_SECTORS, lemma_of, one_of
from newsmill.records import Event, Place

if TYPE_CHECKING:
    from newsmill.events.draft import Draft

PLACE_NOUNS = frozenset({"town", "city", "village", "province", "district", "region", "state",
                         "county", "capital", "port", "area", "suburb", "island"})
SEATED = frozenset({"JUD", "LEG"})  # and sit there, wherever the report is datelined
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "across", "around", "inside",
                         "throughout", "into", "from", "on"})


def place_of(head: Any, sent: Any, ctx: act.ArticleContext,
             fallback: bool = True) -> Place | None:
    """The place the event's clause names, else its sentence; else (with ``fallback``) the
    article's country."""
    gaz = gazetteer()

    def after_prep(ent: Any) -> bool:
        # "in Syria's al-Tanf", "in the capital Kabul"
        root = ent.root.head if ent.root.dep_ in ("poss", "appos") else ent.root
        prep = root.head
        for _ in range(2):  # "outside the city of Basra", "outside of the city of Basra"
            if prep.lower_ == "of" and prep.head.dep_ == "pobj":
                prep = prep.head.head
            elif prep.lower_ == "of" and prep.head.lower_ in PLACE_PREPS:
                prep = prep.head
        if prep.lower_ == "from" and (prep.head.pos_ in ("NOUN", "PROPN") or one_of(
                prep.head, entry_set("status.txt", "receiving verbs"))):
            return False  # "a missionary from Calgary", "received aid from Japan": a party
        return bool(prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS)

    def located(ents: list[Any]) -> Place | None:
        # "in Senkata" before "Hong Kong police"; not "Bolivia's public defender", "anti-Syria"
        ents = sorted(ents, key=lambda e: not after_prep(e))
        for ent in ents:
            # a town the model took for a people ("near the town of Samarra", NORP) is a
            # place where a place preposition names it
            town = (ent.label_ == "NORP" and after_prep(ent) and (
                gaz.country_of_name(ent.text) is None)) or (  # "the province of Herat" (ORG)
                ent.root.head.lower_ == "of" and lemma_of(ent.root.head.head) in PLACE_NOUNS)
            if ent.label_ not in act.PLACE_LABELS and not town:
                continue
            hyphened = ent.start > 0 and ent.doc[ent.start - 1].tag_ == "HYPH"  # "anti-Syria"
            modifier = ent.label_ == "GPE" and ent.root.dep_ == "compound" and not hyphened
            if not after_prep(ent) and not modifier:
                continue
            place = gaz.locate(ent.text, ctx.countries)
            if place is not None:
                return place
            if ent.label_ in ("FAC", "LOC") and ctx.country and not gaz.is_continent(ent.text):
                return Place(ent.text, ctx.country)
        return None

    clause = [e for e in sent.ents
              if head.left_edge.i <= e.start and e.end <= head.right_edge.i + 1]
    # not where the sentence's source is ("diplomatic sources in neighbouring Pakistan said")
    place = located(clause) or located([e for e in sent.ents if not act.in_source(e.root)])
    if place is None and ctx.country and fallback:
        return gaz.country(ctx.country)
    return place


@rule("home-place", "where", "Sweden has dropped its investigation into the rape "
      "allegation.\n\nThe Kenyan government welcomed the move.", off=SAME)
def at_home(d: Draft) -> Draft:
    """A state body's deed no place is named for happens in its own country ("Sweden has
    dropped its investigation": Sweden's courts act in Sweden), where no dateline says
    otherwise (courts and legislatures sit at home whatever the dateline); not a reaction to
    another's deed ("the UK has urged an end to the violence")."""
    home = next((a.country for a in d.doers[:1] if a.sector in STATE_SECTORS
                 and d.trigger.type not in REACTIONS), None)
    if d.place is None and home is not None and (
            not d.s.ctx.dateline or d.doers[0].sector in SEATED):
        d.home = gazetteer().country(home)
    return d


@rule("reaction-place", "where", "Israeli settlers built homes in the West Bank on Monday.\n\n"
      "The French foreign ministry said it regrets the decision of Israel.", off=SAME)
def reactions_there(events: list[Event], ctx: act.ArticleContext,
                    told: list[Event]) -> list[Event]:
    """A reaction no place is named for ("the French foreign ministry said it regrets ...")
    is about the story's first happening whose place is named, where that lies outside the
    country the article names most ("visited a settlement in the West Bank"); ``told`` are
    the events with the places the text gives them, before state bodies are put at home."""
    centre = gazetteer().country(ctx.country) if ctx.country else None
    lead = next((e.place for e in told if e.place and e.place != centre), None)
    if lead is None or lead.country == ctx.country:
        return events
    return [replace(e, place=lead) if e.type in REACTIONS and e.place == centre else e
            for e in events]
