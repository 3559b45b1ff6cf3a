"""How many: crowd sizes and the arrested, injured and dead counts of a sentence, each tied to
the event it tells of (``quantities.txt``)."""

from __future__ import annotations

from typing import Any

from newsmill.events.lexicon import (
    entry_set,
    quantities,
)
from newsmill.events.syntax import governs, lemma_of


def _number(tok: Any) -> int | None:
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return quantities().get(text)


def count_of(tok: Any) -> int | None:
    """The number a noun phrase gives ("800 students", "hundreds of protesters", "30")."""
    if tok.like_num and tok.pos_ == "NUM":
        return _number(tok)
    for c in tok.children:
        if c.dep_ == "nummod":
            words = " ".join(t.lower_ for t in c.subtree)
            return quantities().get(words) or _number(c)
    if lemma_of(tok) in ("hundred", "thousand", "dozen", "million") or tok.lower_ in quantities():
        words = " ".join(t.lower_ for t in tok.subtree if t.i <= tok.i)
        return quantities().get(words) or quantities().get(tok.lower_)
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in quantities():
        return count_of(tok.head.head)
    return None


def numbers(sent: Any) -> dict[str, list[tuple[Any, int]]]:
    """arrested / injured / dead counts the sentence gives, each with the word that counts."""
    words = {key: entry_set("quantities.txt", f"{key} words")
             for key in ("dead", "injured", "arrested")}
    out: dict[str, list[tuple[Any, int]]] = {}
    for tok in sent:
        lemma = lemma_of(tok)
        for key, lemmas in words.items():
            if lemma not in lemmas:
                continue
            # who underwent it: the object or a passive subject; the subject only of a verb
            # with neither ("12 people died"), not the doer ("Police arrested 12 protesters")
            cands = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")] or [
                c for c in tok.children if c.dep_ == "nsubj"]
            if tok.dep_ == "amod" or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
                cands.append(tok.head)  # "six people killed in police firing"
            for c in cands:
                n = count_of(c) or (1 if c.tag_ in ("NN", "NNP") else None)  # "a man was killed"
                if n:
                    out.setdefault(key, []).append((tok, n))
                    break
    return out


def _counted(word: Any, tok: Any, head: Any) -> bool:
    """The counting ``word`` tells of the event of trigger ``tok`` (clause ``head``): it is
    the trigger or its clause, lies in that clause, or the trigger lies in its ("six people
    were injured in police firing")."""
    return word.i in (tok.i, head.i) or governs(head, word) or governs(word, tok)


def counts_of(counts: dict[str, list[tuple[Any, int]]], tok: Any, head: Any,
               named: list[tuple[Any, Any]]) -> dict[str, int]:
    """The counts of one event of the sentence: those told of it, else those told of none of
    the sentence's events ``named`` with their doers ("while six people were injured in
    police firing, 12 people were killed by the rioters": the firing injured six and killed
    none; "opening fire on rioters, and as a result 47 persons have been killed": 47)."""
    out: dict[str, int] = {}
    for key, told in counts.items():
        own = [n for w, n in told if _counted(w, tok, head)]
        loose = [n for w, n in told if not any(_counted(w, t, h) for t, h in named)]
        if own or loose:
            out[key] = (own or loose)[0]
    return out
