"""Reading the spaCy parse: the lemma of a word, the children of a dependency, the clause a
word belongs to, the subject of a verb, what a clause governs, the span of a clause as evidence.
Every module of the events stage reads the parse through these; none of them decides anything
about events."""

from __future__ import annotations

from typing import Any

from newsmill.events.lexicon import (
    entry_set,
)
from newsmill.statements.attribution import DATELINE_MARKS, cues

DEFINITE = frozenset({"the", "this", "these", "that", "those"})
DASHES = frozenset({"-", "–", "—", "--"})
VERBAL = frozenset({"AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "CONCEDE",
                    "CONSULT"})
BACKGROUND_DAYS = 90  # a deed its clause dates to a month this long before the story is history
INDEPENDENT = frozenset({"relcl", "advcl", "conj", "parataxis", "cc"})
SUBJECTS = frozenset({"nsubj", "csubj"})
PERSONAL = frozenset({"him", "her", "them", "he", "she", "they", "us", "we", "me", "i"})
FUTURE_COOPERATION = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT"})
FUTURE_CONFLICT = {"COERCE": "restrict", "PROTEST": "restrict", "SANCTION": "relations",
                   "ASSAULT": "violence", "MOBILIZE": "violence"}
OFFENCES = frozenset({"ASSAULT", "PROTEST"})  # deeds one is held for ("booked for murder")


def lemma_of(tok: Any) -> str:
    return str(tok.lemma_).lower()


def plans(tok: Any) -> bool:
    """``tok`` is a word of plans or readiness ("vowed to", "is ready to", "are able to"),
    under which a deed has not happened yet (not "was able to": ``was_able``)."""
    return lemma_of(tok) in entry_set("status.txt", "planned verbs") and not was_able(tok)


def was_able(tok: Any) -> bool:
    """"was able to" or "were able to": the deed after it was done ("police were able to
    arrest 31 people": they did), unlike "is able to" or "will be able to"."""
    past = [c for c in tok.children if c.dep_ in ("cop", "aux")]
    if tok.dep_ == "acomp":
        past.append(tok.head)  # "were able": the parse hangs "able" on "were"
    return lemma_of(tok) == "able" and any(
        lemma_of(t) == "be" and t.tag_ == "VBD" for t in past) and not any(
        c.dep_ == "neg" for t in (tok, *past) for c in t.children)  # not "was not able to"


def one_of(tok: Any, words: frozenset[str]) -> bool:
    """``tok``'s lemma is one of ``words``, also where the lemmatizer dropped a silent "e"
    ("staged" -> "stag")."""
    return lemma_of(tok) in words or lemma_of(tok) + "e" in words


def gerund(tok: Any) -> bool:
    """An "-ing" word the parse took for a verb where it names a deed, with no subject or
    object of its own ("killed in police firing", "resorted to firing")."""
    return bool(tok.tag_ == "VBG" and not any(c.dep_ in ("dobj", "nsubj") for c in tok.children)
                and (tok.dep_ in ("pobj", "pcomp", "nsubj", "nsubjpass", "dobj")
                     or (tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"))))


def verbal(tok: Any) -> bool:
    """``tok`` heads a clause: a verb, not a gerund naming a deed."""
    return tok.pos_ in ("VERB", "AUX") and not gerund(tok)


def present(head: Any) -> bool:
    """The clause is in the present tense ("stands ready", "is holding"), so it holds on the
    day of the report."""
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    while verb.dep_ in ("xcomp", "acomp") and verb.head.i != verb.i:
        verb = verb.head
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lower_ not in ("has", "have")
        for c in verb.children)


def referential(tok: Any) -> bool:
    """A nominal trigger that points back at an event told before ("the protests", "his
    arrest", "these arrests"), not a new one."""
    if tok.pos_ not in ("NOUN", "PROPN") and not gerund(tok):
        return False
    if tok.dep_ == "dobj" and one_of(tok.head, entry_set("status.txt", "light verbs")):
        return False  # "completed their withdrawal", "began the strike": told as it happens
    return any((c.dep_ == "det" and c.lower_ in DEFINITE) or
               (c.dep_ == "poss" and c.pos_ == "PRON") for c in tok.children)


def complement(tok: Any) -> bool:
    """``tok`` completes the verb above it ("vowed to strike"; "have sworn to fight", which the
    parser may take for an adverbial of purpose)."""
    return tok.dep_ == "xcomp" or small_clause(tok) or (
        tok.dep_ == "advcl" and tok.head.pos_ == "VERB" and not children(tok.head, ("dobj",))
        and any(c.tag_ == "TO" for c in tok.children))


def small_clause(tok: Any) -> bool:
    """``tok`` is a participle the verb above it takes with its own subject, done to that
    subject: "wants the minister arrested", "saw him detained"."""
    return bool(tok.tag_ == "VBN" and tok.dep_ in ("ccomp", "xcomp", "oprd")
                and children(tok, ("nsubj",)) and not children(tok, ("aux", "auxpass")))


def governs(top: Any, tok: Any) -> bool:
    """``tok`` lies in what ``top`` is about: its complement, not a clause of its own; for a
    noun object, also the that-clause the parser hung on its verb ("reiterated its demand
    today that Israel ease restrictions")."""
    t = tok
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in INDEPENDENT and (t.dep_ != "conj" or t.pos_ in ("VERB", "AUX")):
            return False  # a clause of its own; not "demanded a ban and the arrest of ..."
        if t.head.i == top.head.i and top.dep_ == "dobj" and top.pos_ == "NOUN" and (
                t.dep_ == "ccomp" and any(c.lower_ == "that" for c in children(t, ("mark",)))):
            return True
        t = t.head
    return bool(t.i == top.i)


def depth(tok: Any) -> int:
    n = 0
    while tok.head.i != tok.i:
        tok, n = tok.head, n + 1
    return n


def clause_head(tok: Any) -> Any:
    """The verb whose clause states a nominal trigger ("Protests broke out": broke)."""
    t = tok
    for _ in range(4):
        if verbal(t) or t.head.i == t.i or (
                t.pos_ == "ADJ" and children(t, SUBJECTS | {"nsubjpass"})):
            return t  # "said he was very moved by it": the adjective's own clause
        t = t.head
    return t


def evidence(head: Any, body: str, told: bool = False) -> tuple[int, int]:
    """The span of ``head``'s clause, without the clauses joined to it; with ``told`` (the
    head is itself the event: "warned that police will not tolerate rallies") what it says is
    kept, else a reporting verb's clause is left out."""
    drop: set[int] = set()
    for child in head.children:
        if (child.dep_ in ("conj", "cc") and child.pos_ in ("VERB", "CCONJ")) or \
                child.dep_ in ("parataxis",) or (child.dep_ == "punct" and child.i > head.i):
            drop.update(t.i for t in child.subtree)
        if child.dep_ == "ccomp" and lemma_of(head) in cues() and not told:
            drop.update(t.i for t in child.subtree)
    toks = [t for t in head.subtree if t.i not in drop]
    if head.dep_ == "ccomp":  # a reported clause without its "police said"
        toks = [t for t in toks if t.i >= head.left_edge.i]
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    while end > start and body[end - 1] in " ,.;:'\"”’":
        end -= 1
    while start < end and body[start] in " ,;:'\"“‘—-":
        start += 1
    return start, end


def children(tok: Any, deps: frozenset[str] | tuple[str, ...]) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def subject(tok: Any) -> Any | None:
    t, via_xcomp = tok, False
    for _ in range(3):
        # "PG&E was set to begin shutting off power": a passive verb's subject does what it
        # is set, forced or expected to do
        subj = children(t, SUBJECTS | ({"nsubjpass"} if via_xcomp else set()))
        subj = [c for c in subj if not _dateline_word(c)] or subj
        if subj:
            s = subj[0]
            if s.lower_ in ("who", "that", "which") and t.dep_ == "relcl":
                return t.head
            return _past_dateline(s)
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.pos_ in ("VERB", "AUX"):
            blamed = children(t.head.head, ("dobj",)) if t.head.lower_ == "for" else []
            if blamed:  # "criticised the police for opening fire": the police fired
                return blamed[0]
            t = t.head.head  # "deliberated before convicting him": who deliberated convicted
            continue
        if t.dep_ in ("xcomp", "conj", "advcl", "acl", "acomp") and t.head.i != t.i:
            if (resumed := resumed_subject(t)) is not None:
                return resumed
            if t.dep_ == "acl" and t.pos_ == "VERB":
                return None
            told = children(t.head, ("dobj",)) if t.dep_ == "xcomp" or (
                t.dep_ == "advcl" and lemma_of(t.head) in entry_set("status.txt", "caused verbs")
                and any(c.tag_ == "TO" for c in t.children)) else []  # parsed as a purpose
            if told:  # "forcing the police to open fire": the police fire
                return told[0]
            t, via_xcomp = t.head, t.dep_ == "xcomp"
            continue
        break
    return None


def resumed_subject(tok: Any) -> Any | None:
    """Where ``tok`` is the main verb of a sentence the parser read as a noun phrase, its
    subject resumed after a parenthesis between dashes ("The Palestinian Authority — which
    considers the US biased — called for a meeting": "called" hung on "Authority", or inside
    its relative clause, as a participle): the sentence's root noun."""
    root = tok.sent.root
    if not (tok.dep_ == "acl" and tok.pos_ == "VERB" and root.pos_ in ("NOUN", "PROPN")
            and tok.i > root.i + 1 and tok.doc[tok.i - 1].text in DASHES
            and any(c.text in DASHES and c.i < tok.i - 1 for c in root.children)):
        return None
    inside = [c for c in root.children if c.dep_ == "relcl" and c.i < tok.i]
    return root if tok.head == root or any(tok.head in c.subtree for c in inside) else None


def _dateline_word(subj: Any) -> bool:
    """A place opening the sentence as its dateline, which the parser took for one of two
    subjects ("SAN FRANCISCO (AP) — Pacific Gas & Electric Co. was set to ...")."""
    if subj.left_edge.i != subj.sent.start or subj.ent_type_ != "GPE":
        return False
    after = [t for t in subj.subtree if t.i > subj.i] + list(
        subj.doc[subj.right_edge.i + 1: subj.right_edge.i + 2])
    return any(t.text in DATELINE_MARKS for t in after)


def _past_dateline(subj: Any) -> Any:
    """A dateline the parser took for the subject ("Indianapolis – Several thousand teachers
    surrounded ...": the teachers) gives way to what it stands beside."""
    if subj.left_edge.i == subj.sent.start and subj.ent_type_ == "GPE":
        after = subj.doc[subj.i + 1] if subj.i + 1 < len(subj.doc) else None
        appos = children(subj, ("appos",))
        if after is not None and after.text in DATELINE_MARKS and appos:
            return appos[0]
    return subj


def reported(clause: Any) -> bool:
    return clause.dep_ == "ccomp" and lemma_of(clause.head) in cues()


def finite(tok: Any) -> bool:
    """``tok`` is a verb with a tense of its own ("agreed", "has demanded", "will meet"), not
    a noun, a gerund, a participle or an infinitive."""
    return verbal(tok) and (tok.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD")
        for c in tok.children))


def going_on(head: Any) -> Any:
    """The clause that tells a deed in an infinitive going on, begun, taken up again, tried or
    made to happen ("the two sides continue to negotiate", "chose not to accept"): its
    evidence, with who does it, and its status."""
    if head.dep_ == "xcomp" and head.tag_ == "VB" and lemma_of(head.head) in (
            entry_set("status.txt", "continued verbs") | entry_set("status.txt", "caused verbs")
            | entry_set("status.txt", "attempt verbs")):
        return head.head
    return head


def will_do(clause: Any) -> bool:
    aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & (entry_set("status.txt", "planned auxiliaries")
                       | entry_set("status.txt", "hypothetical auxiliaries")))


