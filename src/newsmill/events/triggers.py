"""What happened: the event words of a sentence (``triggers.txt``: a lemma, or two joined by a
dependency, with a part of speech) and the PLOVER type and mode each gives; the instrument of an
assault (``instruments.txt``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsmill.events import actors as act
from newsmill.events.lexicon import (
    Trigger,
    entry_set,
    sections,
    triggers,
    weapon_words,
)
from newsmill.events.rules import SAME, rule
from newsmill.events.syntax import PERSONAL, SUBJECTS, children, gerund, lemma_of

NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "LAW", "EVENT"})


@dataclass
class Found:
    trigger: Trigger
    token: Any


def _matches(trig: Trigger, tok: Any) -> bool:
    """``tok`` is the head word of ``trig``: its first word with the others among its
    dependents ("call for", "state of emergency"), or its last word with the others before it
    ("hunger strike", "tear gas")."""
    if trig.pos in ("v", "p", "o", "l", "w") and tok.pos_ not in ("VERB", "AUX"):
        return False
    if trig.pos == "o":  # "meet demands", "their demands are met": the verb's own object
        objects = {lemma_of(c) for c in children(tok, ("dobj", "nsubjpass"))}
        return lemma_of(tok) == trig.words[0] and all(w in objects for w in trig.words[1:])
    if trig.pos == "p" and not _done_to_a_person(tok):
        return False
    if trig.pos in ("l", "w") and not _done_to_a(tok, "territory" if trig.pos == "l"
                                                 else "weapons"):
        return False
    if trig.pos == "n" and tok.pos_ not in ("NOUN", "PROPN") and not gerund(tok):
        return False
    if trig.pos == "s" and tok.tag_ not in ("NNS", "NNPS"):
        return False  # "sanctions", not "legal sanction" (an approval) nor "an appropriate
        # sanction" (a court's penalty)
    if tok.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ"):
        return False
    first, rest = trig.words[0], trig.words[1:]
    if not rest:
        return lemma_of(tok) == first or (gerund(tok) and tok.lower_ == first)
    if lemma_of(tok) == first:
        # not the word's own "that" ("said that 50 men were apprehended")
        kids = [c for c in tok.children if c.dep_ != "mark"]
        near = {w for c in kids for w in (lemma_of(c), c.lower_)}
        near |= {w for c in kids for g in c.children for w in (lemma_of(g), g.lower_)}
        if tok.dep_ == "xcomp" and not children(tok, SUBJECTS | {"nsubjpass"}):
            # "six rounds had to be fired": the subject of the verb it completes
            near |= {w for c in children(tok.head, SUBJECTS) for w in (lemma_of(c), c.lower_)}
        return all(w in near for w in rest)
    if lemma_of(tok) == trig.words[-1]:
        before = {w for c in tok.lefts for w in (lemma_of(c), c.lower_)}
        return all(w in before for w in trig.words[:-1])
    return False


def _done_to_a_person(tok: Any) -> bool:
    """The verb ``tok`` is done to people ("50 persons were held", "picked him up"), not to a
    thing ("held talks") nor said of them ("held him responsible")."""
    if any(c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") for c in tok.children):
        return False
    done_to = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
    done_to += [c for d in done_to for c in d.conjuncts]  # "the rabble-rousers and criminals"
    done_to += [g for g in map(act.counted, done_to) if g is not None]  # "thousands of refugees"
    return any(c.ent_type_ in ("PERSON", "NORP") or c.lower_ in PERSONAL
               or (c.dep_ == "nsubjpass" and c.pos_ == "NUM")  # "four were held"
               or (c.dep_ == "nsubjpass" and c.pos_ == "PROPN" and not c.ent_type_)  # a name
               # the model left untyped ("Ansari is held"; not "to hold Ijtama", a gathering)
               or any(act.sector_of([t.text for t in a.subtree])  # "Tyagi, a police chief,"
                      for a in children(c, ("appos",)))
               or (c.tag_ == "NNS" and act.sector_of([c.text]))  # not "held its congress"
               or act.sector_of([c.text]) == "CVL"  # "grabbed the little girl"
               for c in done_to)


def _done_to_a(tok: Any, kind: str) -> bool:
    """The verb ``tok`` is done to a thing of ``kind`` in ``objects.txt``: territory ("took
    the town", "Aleppo was recaptured", "took control of two districts") or weapons ("found a
    cache of ammunition", "two bombs were defused", "found improvised explosive devices"),
    named as its object or the subject of its passive, a word that qualifies a device or a
    container ("a weapons cache"), or what a part or a container is "of"."""
    words = entry_set("objects.txt", kind)
    done_to = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
    done_to += [c for d in done_to for c in d.conjuncts]
    for _ in range(2):  # "a cache of weapons", "control of the length of the highway"
        done_to += [o for d in done_to if lemma_of(d) in entry_set("objects.txt", "parts")
                    for p in children(d, ("prep",)) if p.lower_ == "of"
                    for o in children(p, ("pobj",)) if o not in done_to]
    done_to += [m for d in done_to if lemma_of(d) in entry_set("objects.txt", "qualified")
                for m in children(d, ("compound", "amod"))]  # not "an arms depot"
    return any(lemma_of(c) in words or (kind == "territory" and c.ent_type_ in (
        "GPE", "LOC", "FAC")) for c in done_to)


def find_triggers(sent: Any) -> list[Found]:
    """The event words of a sentence, outside names ("Amnesty International") and dates ("on
    March 21") and the not-an-event pairs of ``triggers.txt`` ("declined to comment")."""
    table = triggers()
    out: list[Found] = []
    taken: set[int] = set()
    for tok in sent:
        if _in_name(tok) or tok.ent_type_ in ("DATE", "TIME"):  # "on March 21"
            continue
        found = table.get(lemma_of(tok), [])
        if gerund(tok) and tok.lower_ != lemma_of(tok):
            found = found + table.get(tok.lower_, [])
        for trig in found:
            if _matches(trig, tok):
                if len(trig.words) > 1:  # the pair's other words are not triggers of their own
                    taken.update(c.i for c in (*tok.children, *tok.lefts)
                                 if lemma_of(c) in trig.words or c.lower_ in trig.words)
                if trig.type != "NONE":
                    out.append(Found(trig, tok))
                else:
                    taken.add(tok.i)
                break
    return military_strikes([f for f in out if f.token.i not in taken or len(f.trigger.words) > 1])


@rule("military-strike", "what", "A rocket struck the school on Monday, and the dog was struck "
      "by a car.", off=SAME)
def military_strikes(found: list[Found]) -> list[Found]:
    """"Strike" as a blow, not a walkout: a strike a weapon or an armed party makes ("a rocket
    struck the school", "Israel struck the port", "drone strikes", "Israeli strikes") is an
    ASSAULT, and one suffered ("the dog was struck") no event; a walkout stays a strike,
    with its employer as object ("workers struck General Motors", "lawyers struck work") or
    its country, city or trade before it ("a French strike", "a mine strike")."""
    out = []
    for f in found:
        tok = f.token
        if f.trigger.type != "PROTEST" or f.trigger.mode != "strike" or lemma_of(tok) != "strike":
            out.append(f)
        elif tok.pos_ in ("VERB", "AUX") and children(tok, ("nsubjpass",)):
            continue  # "the dog was struck"
        elif _armed_blow(tok):
            out.append(Found(Trigger(f.trigger.words, "ASSAULT", None, f.trigger.pos), tok))
        else:
            out.append(f)
    return out


def _armed_blow(tok: Any) -> bool:
    """The strike ``tok`` is a blow of arms: a verb with an object whose subject is a weapon,
    an armed party or a state ("a rocket struck the school", "Israel struck the port"); or the
    plural noun of a weapon or of a nation alone ("drone strikes", "Israeli strikes")."""
    if tok.pos_ in ("VERB", "AUX"):
        if not children(tok, ("dobj",)):
            return False
        return any(lemma_of(c) in weapon_words() or c.ent_type_ in ("GPE", "NORP") or (
            act.sector_of([c.text]) in ("MIL", "REB")) for c in children(tok, SUBJECTS))
    weapons = weapon_words() - {"mine", "shell", "fire", "stone", "rock", "stick"}  # not "a
    mods = children(tok, ("amod", "compound"))  # mine strike", "the Shell strike"
    if any(lemma_of(m) in weapons or lemma_of(m) == "military" for m in mods):
        return True
    return tok.tag_ == "NNS" and len(mods) == 1 and mods[0].ent_type_ == "NORP"


def _in_name(tok: Any) -> bool:
    """``tok`` is a word of a name ("Amnesty International"); not a common noun the model
    took alone for a name ("Protests" at the start of a sentence tagged NORP)."""
    if tok.ent_type_ not in NAMES:
        return False
    following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    alone = tok.ent_iob_ == "B" and (following is None or following.ent_iob_ != "I")
    return not (alone and tok.pos_ == "NOUN")


@rule("weapon-mode", "what", "Gunmen attacked the convoy with rifles near the border.",
      off=None)
def instrument(trig: Trigger, sent: Any) -> str | None:
    """The mode of an assault from the weapon its sentence names (``instruments.txt``:
    "with rifles" -> firearms)."""
    if trig.type != "ASSAULT":
        return None
    table = sections("instruments.txt")
    text = " " + " ".join(t.lower_ for t in sent if t.lower_ != "-") + " "
    for mode, words in table.items():  # whole words: "fire" is not "fired"
        if any(f" {w} " in text or f" {w}s " in text for w in words):
            return mode
    return None
