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
)
from newsmill.events.rules import rule
from newsmill.events.syntax import OFFENCES, PERSONAL, SUBJECTS, children, gerund, lemma_of

NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "LAW", "EVENT"})


@dataclass
class Found:
    trigger: Trigger
    token: Any


def _matches(trig: Trigger, tok: Any) -> bool:
    """``tok`` is the head word of ``trig``: its first word with the others among its
    dependents ("call for", "state of emergency"), or its last word with the others before it
    ("hunger strike", "tear gas")."""
    if trig.pos in ("v", "p", "o") and tok.pos_ not in ("VERB", "AUX"):
        return False
    if trig.pos == "o":  # "meet demands", "their demands are met": the verb's own object
        objects = {lemma_of(c) for c in children(tok, ("dobj", "nsubjpass"))}
        return lemma_of(tok) == trig.words[0] and all(w in objects for w in trig.words[1:])
    if trig.pos == "p" and not _done_to_a_person(tok):
        return False
    if trig.pos == "n" and tok.pos_ not in ("NOUN", "PROPN") and not gerund(tok):
        return False
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
    if _held_for_a_deed(tok):
        return True
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


@rule("held-for-deed", "what", "Workers of the party have been booked for murder.")
def _held_for_a_deed(tok: Any) -> bool:
    """``tok`` is a passive verb done to a party for a violent deed: "workers of the BJP have
    been booked for murder", "the men held for rioting" (not "held a vigil for the killing",
    "a funeral was held for those killed": done to no party)."""
    if tok.tag_ != "VBN" or children(tok, ("dobj",)):
        return False
    held = children(tok, ("nsubjpass",)) or ([tok.head] if tok.dep_ == "acl" else [])
    if not any(h.ent_type_ in ("PERSON", "NORP", "ORG") or act.sector_of([h.text])
               for h in held):
        return False
    deeds = [p for c in children(tok, ("prep",)) if c.lower_ == "for"
             for p in children(c, ("pobj",))]
    return any(t.type in OFFENCES and len(t.words) == 1
               for p in deeds for w in {lemma_of(p), p.lower_.removesuffix("ing")}  # "rioting"
               for t in triggers().get(w, []))


def find_triggers(sent: Any) -> list[Found]:
    """The event words of a sentence, outside names ("Amnesty International") and dates ("on
    March 21") and the not-an-event pairs of ``triggers.txt`` ("declined to comment")."""
    table = triggers()
    out: list[Found] = []
    said: list[Found] = []
    taken: set[int] = set()
    for tok in sent:
        if _in_name(tok) or tok.ent_type_ in ("DATE", "TIME"):  # "on March 21"
            continue
        found = table.get(lemma_of(tok), [])
        if gerund(tok) and tok.lower_ != lemma_of(tok):
            found = found + table.get(tok.lower_, [])
        for trig in found:
            if trig.pos == "s":
                speech = _blaming_speech(tok)
                if speech is not None:
                    said.append(Found(trig, speech))
                    break
                continue
            if _matches(trig, tok):
                if len(trig.words) > 1:  # the pair's other words are not triggers of their own
                    taken.update(c.i for c in (*tok.children, *tok.lefts)
                                 if lemma_of(c) in trig.words or c.lower_ in trig.words)
                if trig.type != "NONE":
                    out.append(Found(trig, tok))
                else:
                    taken.add(tok.i)
                break
    out = [f for f in out if f.token.i not in taken or len(f.trigger.words) > 1]
    told = {f.token.i: f.trigger.type for f in out}
    for f in said:  # a judgement said in a clause that tells a deed is part of that deed, as is
        if f.token.i not in told and not any(a.i in told for a in f.token.ancestors) and not any(
                told.get(t.i) == f.trigger.type for t in f.token.subtree):  # one by an accuser
            told[f.token.i] = f.trigger.type
            out.append(f)
    return out


@rule("blaming-speech", "what", "The ministry reiterated its position that the settlements "
      "are illegal.", off=None)
def _blaming_speech(word: Any) -> Any:
    """The verb of "blaming speech" (status.txt) that says the judgement ``word`` of a thing:
    "reiterated the position that settlements are illegal", "said it viewed the move as a
    measure contradicting the peace deal" (the outermost such verb, whose subject is the
    source). None when the judgement is not predicated ("illegal immigrants") or is denied
    ("said it was not illegal")."""
    if word.pos_ == "ADJ" and word.dep_ in ("amod", "compound") and word.head.pos_ in (
            "NOUN", "PROPN"):
        return None
    if any(c.dep_ == "neg" for t in (word, word.head) for c in t.children):
        return None
    verbs = entry_set("status.txt", "blaming speech")
    speech = None
    for up in word.ancestors:
        if up.pos_ == "VERB" and lemma_of(up) in verbs and children(up, SUBJECTS):
            speech = up
    return speech


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
