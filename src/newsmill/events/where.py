"""Where: the place the event's clause names, else its sentence's, else the article's country,
geocoded offline (``places.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsmill.events import actors as act
from newsmill.events.lexicon import (
    entry_set,
)
from newsmill.events.places import gazetteer
from newsmill.events.syntax import lemma_of, one_of
from newsmill.nlp import ents_of
from newsmill.records import Place

if TYPE_CHECKING:
    pass

PLACE_NOUNS = frozenset({"town", "city", "village", "province", "district", "region", "state",
                         "county", "capital", "port", "area", "suburb", "island"})
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
            city = act.misnamed_city(ent) if after_prep(ent) else None
            if city is not None:
                return city  # "students in Santiago", taken for an organisation
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

    clause = [e for e in ents_of(sent)
              if head.left_edge.i <= e.start and e.end <= head.right_edge.i + 1]
    # not where the sentence's source is ("diplomatic sources in neighbouring Pakistan said")
    place = located(clause) or located([e for e in ents_of(sent) if not act.in_source(e.root)])
    if place is None and ctx.country and fallback:
        return gaz.country(ctx.country)
    return place


