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

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from newsmill.events import actors as act
from newsmill.events.dates import WEEKDAYS, days_before, resolve, years_before
from newsmill.events.lexicon import (
    Trigger,
    default_actor,
    entry_set,
    quantities,
    sections,
    triggers,
)
from newsmill.events.places import gazetteer
from newsmill.records import Actor, Event, Place, Statement
from newsmill.statements.attribution import cues

NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "LAW", "EVENT"})
DEFINITE = frozenset({"the", "this", "these", "that", "those"})
BACKGROUND_LINKS = frozenset({"after", "following", "since", "because", "amid", "despite",
                              "before"})
STATE_SECTORS = frozenset({"GOV", "JUD", "LEG", "COP"})  # bodies that act at home
DASHES = frozenset({"-", "–", "—", "--"})
EMERGENCIES = frozenset({"martial-law", "curfew"})  # declared rule whose measures it is
LOCATIVES = frozenset({"outside", "inside", "near", "opposite", "at", "in"})
OBJECTORS = frozenset({"GOV", "IGO", "NGO", "JUD", "LEG"})  # who protest in words, not march
EXPELLED = frozenset({"IGO", "NGO", "GOV", "BUS"})  # bodies a state expels, not people
ARMED = frozenset({"MIL", "COP", "REB", "INS"})  # forces one mobilizes
SEATED = frozenset({"JUD", "LEG"})  # and sit there, wherever the report is datelined
PRACTICES = frozenset({"COERCE", "ASSAULT"})  # a habit of these a source tells accuses
YEAR_WORD = re.compile(r"(?:1[89]|20)\d\d")
REACTIONS = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN"})  # about others
DATELINE_MARKS = DASHES | {":"}
VAGUE_TIME = re.compile(r"(?:the|that|this) (?:day|night|evening|morning|time)")
WHERE_PREPS = frozenset({"in", "at", "during", "amid", "after", "since"})  # the deed's setting
TIME_PREPS = frozenset({"in", "during", "since", "after", "before", "until", "by", "on", "at",
                        "following", "throughout", "amid"})
HABITUAL = frozenset({"long", "often", "routinely", "repeatedly", "previously", "once"})
VERBAL = frozenset({"AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "CONCEDE",
                    "CONSULT"})
DAY_NUMBER = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")
BACKGROUND_DAYS = 90  # a deed its clause dates to a month this long before the story is history
FULL_DATE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|"
                       r"October|November|December) \d{1,2}, (?:19|20)\d\d\b")
ITEMS = 3  # later events that tell one by one what a count sums up
HEADING_WORDS = 20  # a line of its own this short with no closing stop is a subhead
SENTENCE_END = re.compile(r"[.!?:;][\"”’')\]]*$")
SHORT_CLAUSE = 12  # words: a labelled event's evidence is its clause, its sentence if shorter
UNDONE = frozenset({"REQUEST", "THREATEN", "AGREE"})  # what these are about is not done yet
INDEPENDENT = frozenset({"relcl", "advcl", "conj", "parataxis", "cc"})
SUBJECTS = frozenset({"nsubj", "csubj"})
STANCES = frozenset({"anti", "pro", "counter"})  # "anti-government": for or against it
GENERIC_QUANTIFIERS = frozenset({"many", "some", "most", "few", "several", "other"})
INDEFINITE = frozenset({"anything", "everything", "whatever", "something", "nothing"})
PERSONAL = frozenset({"him", "her", "them", "he", "she", "they", "us", "we", "me", "i"})
RECIPIENT_PREPS = frozenset({"against", "on", "at", "with", "upon", "to"})
PLACE_NOUNS = frozenset({"town", "city", "village", "province", "district", "region", "state",
                         "county", "capital", "port", "area", "suburb", "island"})
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "across", "around", "inside",
                         "throughout", "into", "from", "on"})
COOPERATIVE = frozenset({"AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
FUTURE_COOPERATION = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT"})
FUTURE_CONFLICT = {"COERCE": "restrict", "PROTEST": "restrict", "SANCTION": "relations",
                   "ASSAULT": "violence", "MOBILIZE": "violence"}
CONFESSING = frozenset({"admit", "confess"})  # what one says one did is the crime charged
OFFENCES = frozenset({"ASSAULT", "PROTEST"})  # deeds one is held for ("booked for murder")
THREAT_MODES = {"arrest": "arrest", "deport": "expel", "expel": "expel"}


@dataclass
class Found:
    trigger: Trigger
    token: Any


def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _one_of(tok: Any, words: frozenset[str]) -> bool:
    """``tok``'s lemma is one of ``words``, also where the lemmatizer dropped a silent "e"
    ("staged" -> "stag")."""
    return _lemma(tok) in words or _lemma(tok) + "e" in words


def _matches(trig: Trigger, tok: Any) -> bool:
    """``tok`` is the head word of ``trig``: its first word with the others among its
    dependents ("call for", "state of emergency"), or its last word with the others before it
    ("hunger strike", "tear gas")."""
    if trig.pos in ("v", "p", "o") and tok.pos_ not in ("VERB", "AUX"):
        return False
    if trig.pos == "o":  # "meet demands", "their demands are met": the verb's own object
        objects = {_lemma(c) for c in _children(tok, ("dobj", "nsubjpass"))}
        return _lemma(tok) == trig.words[0] and all(w in objects for w in trig.words[1:])
    if trig.pos == "p" and not _done_to_a_person(tok):
        return False
    if trig.pos == "n" and tok.pos_ not in ("NOUN", "PROPN") and not _gerund(tok):
        return False
    if tok.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ"):
        return False
    first, rest = trig.words[0], trig.words[1:]
    if not rest:
        return _lemma(tok) == first or (_gerund(tok) and tok.lower_ == first)
    if _lemma(tok) == first:
        # not the word's own "that" ("said that 50 men were apprehended")
        kids = [c for c in tok.children if c.dep_ != "mark"]
        near = {w for c in kids for w in (_lemma(c), c.lower_)}
        near |= {w for c in kids for g in c.children for w in (_lemma(g), g.lower_)}
        if tok.dep_ == "xcomp" and not _children(tok, SUBJECTS | {"nsubjpass"}):
            # "six rounds had to be fired": the subject of the verb it completes
            near |= {w for c in _children(tok.head, SUBJECTS) for w in (_lemma(c), c.lower_)}
        return all(w in near for w in rest)
    if _lemma(tok) == trig.words[-1]:
        before = {w for c in tok.lefts for w in (_lemma(c), c.lower_)}
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
                      for a in _children(c, ("appos",)))
               or (c.tag_ == "NNS" and act.sector_of([c.text]))  # not "held its congress"
               or act.sector_of([c.text]) == "CVL"  # "grabbed the little girl"
               for c in done_to)


def _held_for_a_deed(tok: Any) -> bool:
    """``tok`` is a passive verb done to a party for a violent deed: "workers of the BJP have
    been booked for murder", "the men held for rioting" (not "held a vigil for the killing",
    "a funeral was held for those killed": done to no party)."""
    if tok.tag_ != "VBN" or _children(tok, ("dobj",)):
        return False
    held = _children(tok, ("nsubjpass",)) or ([tok.head] if tok.dep_ == "acl" else [])
    if not any(h.ent_type_ in ("PERSON", "NORP", "ORG") or act.sector_of([h.text])
               for h in held):
        return False
    deeds = [p for c in _children(tok, ("prep",)) if c.lower_ == "for"
             for p in _children(c, ("pobj",))]
    return any(t.type in OFFENCES and len(t.words) == 1
               for p in deeds for w in {_lemma(p), p.lower_.removesuffix("ing")}  # "rioting"
               for t in triggers().get(w, []))


def _gerund(tok: Any) -> bool:
    """An "-ing" word the parse took for a verb where it names a deed, with no subject or
    object of its own ("killed in police firing", "resorted to firing")."""
    return bool(tok.tag_ == "VBG" and not any(c.dep_ in ("dobj", "nsubj") for c in tok.children)
                and (tok.dep_ in ("pobj", "pcomp", "nsubj", "nsubjpass", "dobj")
                     or (tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"))))


def _verbal(tok: Any) -> bool:
    """``tok`` heads a clause: a verb, not a gerund naming a deed."""
    return tok.pos_ in ("VERB", "AUX") and not _gerund(tok)


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
        found = table.get(_lemma(tok), [])
        if _gerund(tok) and tok.lower_ != _lemma(tok):
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
                                 if _lemma(c) in trig.words or c.lower_ in trig.words)
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
        if up.pos_ == "VERB" and _lemma(up) in verbs and _children(up, SUBJECTS):
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


def _present(head: Any) -> bool:
    """The clause is in the present tense ("stands ready", "is holding"), so it holds on the
    day of the report."""
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    while verb.dep_ in ("xcomp", "acomp") and verb.head.i != verb.i:
        verb = verb.head
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lower_ not in ("has", "have")
        for c in verb.children)


def _own_words(head: Any, trigger: Any) -> str:
    """The words of the clause ``head`` heads without the clauses inside it that describe one
    of its parties: "offered to hand over two men suspected of bombing a plane in 1988" is
    news even though the bombing is history. A clause describing the event itself stays ("a
    probe, which was dropped in 2015"). Nor does a joined clause with a subject of its own."""
    nested = {t.i for d in head.subtree if d.i != head.i and d.head.i != trigger.i and (
                  d.dep_ == "relcl" or (d.dep_ == "acl" and d.tag_ == "VBN"))
              for t in d.subtree}  # "who ...", "suspected of ..."; not "gunmen wearing ..."
    nested |= {d.i for d in head.subtree if _dated_thing(d, trigger)}
    nested |= {t.i for c in _children(head, ("conj",))  # a clause of its own: "will visit
               if _children(c, SUBJECTS) for t in c.subtree}  # Albania, the first ... since 1961"
    return " ".join(t.text for t in head.subtree if t.i not in nested)


def _own_months(head: Any, own: str) -> list[str]:
    """The dates among the clause's own words (``_own_words``) that name a month and no day
    ("in April", "last February"), not "since" one (what has gone on since goes on)."""
    def described(t: Any) -> bool:  # "Montenegro province, the scene of violence last March"
        while t.i != head.i and t.head.i != t.i:
            if t.dep_ in ("appos", "relcl", "acl"):
                return True
            t = t.head
        return False
    return [e.text for e in head.doc.ents if e.label_ == "DATE" and (
        head.left_edge.i <= e.start and e.end <= head.right_edge.i + 1) and e.text in own and (
        not DAY_NUMBER.search(e.text)) and not described(e.root) and not any(
        t.lower_ == "since" for t in head.doc[max(0, e.start - 2):e.start])]


def _dated_thing(tok: Any, trigger: Any) -> bool:
    """A year that dates a thing the clause is about, not when the clause happened: "dropped
    its investigation into a 2010 rape allegation", "ordered him to appear for questioning in an
    investigation of arms sales in the 1990s" (but "in the 1967 war" dates the deed)."""
    if tok.dep_ == "pobj" and tok.ent_type_ == "DATE" and tok.head.lower_ in TIME_PREPS:
        thing = tok.head.head
        return thing.pos_ == "NOUN" and thing.i != trigger.i and thing.dep_ in (
            "pobj", "dobj", "nsubjpass")
    if tok.dep_ not in ("nummod", "compound", "amod") or tok.head.pos_ != "NOUN" or (
            tok.ent_type_ != "DATE"):
        return False
    thing = tok.head
    return thing.dep_ in ("dobj", "nsubjpass") or (
        thing.dep_ == "pobj" and thing.head.lower_ not in TIME_PREPS)


def _referential(tok: Any) -> bool:
    """A nominal trigger that points back at an event told before ("the protests", "his
    arrest", "these arrests"), not a new one."""
    if tok.pos_ not in ("NOUN", "PROPN") and not _gerund(tok):
        return False
    if tok.dep_ == "dobj" and _one_of(tok.head, entry_set("status.txt", "light verbs")):
        return False  # "completed their withdrawal", "began the strike": told as it happens
    return any((c.dep_ == "det" and c.lower_ in DEFINITE) or
               (c.dep_ == "poss" and c.pos_ == "PRON") for c in tok.children)


def _said_of_one_told(f: Found, every: list[Found]) -> bool:
    """A noun of the type of a deed told before that the clause says it was ("The rally
    represented Indiana's biggest teacher protest", "the strike was the longest walkout"): the
    same happening, described."""
    tok = f.token
    if tok.pos_ != "NOUN" or tok.dep_ not in ("attr", "ccomp", "dobj", "oprd"):
        return False
    return any(g.trigger.type == f.trigger.type and g.token.dep_ in SUBJECTS
               and g.token.head.i == tok.head.i and _referential(g.token) for g in every)


def _purpose(tok: Any) -> bool:
    """An infinitive that is a purpose or a wish ("to end the violence", "sought to talk"),
    not something that happened; intentions ("vowed to strike") stay, as planned."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return False
    if _lemma(tok.head) in entry_set("status.txt", "attempt verbs"):
        return False
    if _lemma(tok.head) in entry_set("status.txt", "caused verbs") and (
            _lemma(tok.head) != "have" or tok.head.tag_ == "VBD"):
        return False  # "forcing the police to open fire", "had to fire"; not "has to go"
    if _lemma(tok.head) in entry_set("status.txt", "continued verbs") and tok.dep_ == "xcomp":
        return False  # "the two sides continue to negotiate"; not "continued ... to demand"
    if _lemma(tok.head) in entry_set("status.txt", "denied verbs") and _complement(tok):
        return False  # "is unwilling to negotiate": a refusal
    return _lemma(tok.head) not in entry_set("status.txt", "planned verbs") or not (
        _complement(tok))


def _principle(tok: Any) -> bool:
    """A stance on a kind of thing, a bare noun an adjective qualifies, rather than on a thing
    ("we support informed, safe and voluntary movements of displaced persons", "does not
    support forced relocations"; not "supports sanctions against Iran"): a principle, not
    news."""
    if not _verbal(tok) or not _one_of(tok, entry_set("status.txt", "principle verbs")):
        return False
    objects = _children(tok, ("dobj",))
    return bool(objects) and all(
        o.pos_ == "NOUN" and o.ent_type_ == "" and any(
            c.dep_ == "amod" for c in o.children) and not any(
            c.dep_ in ("det", "poss", "nummod", "compound") or c.ent_type_ != ""
            for c in o.children if c.i < o.i)
        for o in objects)  # "safe movements", not "sanctions against Iran"


def _hoped(tok: Any) -> bool:
    """A deed that is what someone hopes or wishes for ("It is our hope that we'll be able to
    reach a reasonable agreement", "he hoped the swap would pave the way for talks") or fears
    ("alarmed that the administration is denying flu vaccines"): a wish or a fear, not an
    event the story tells."""
    t = tok if _verbal(tok) else _clause(tok)
    for _ in range(4):
        if t.dep_ in ("ccomp", "acl") and _one_of(t.head, entry_set("status.txt", "wishing words")):
            return True
        if t.dep_ not in ("xcomp", "acomp", "ccomp", "conj") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _complement(tok: Any) -> bool:
    """``tok`` completes the verb above it ("vowed to strike"; "have sworn to fight", which the
    parser may take for an adverbial of purpose)."""
    return tok.dep_ == "xcomp" or _small_clause(tok) or (
        tok.dep_ == "advcl" and tok.head.pos_ == "VERB" and not _children(tok.head, ("dobj",))
        and any(c.tag_ == "TO" for c in tok.children))


def _small_clause(tok: Any) -> bool:
    """``tok`` is a participle the verb above it takes with its own subject, done to that
    subject: "wants the minister arrested", "saw him detained"."""
    return bool(tok.tag_ == "VBN" and tok.dep_ in ("ccomp", "xcomp", "oprd")
                and _children(tok, ("nsubj",)) and not _children(tok, ("aux", "auxpass")))


def _governs(top: Any, tok: Any) -> bool:
    """``tok`` lies in what ``top`` is about: its complement, not a clause of its own; for a
    noun object, also the that-clause the parser hung on its verb ("reiterated its demand
    today that Israel ease restrictions")."""
    t = tok
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in INDEPENDENT and (t.dep_ != "conj" or t.pos_ in ("VERB", "AUX")):
            return False  # a clause of its own; not "demanded a ban and the arrest of ..."
        if t.head.i == top.head.i and top.dep_ == "dobj" and top.pos_ == "NOUN" and (
                t.dep_ == "ccomp" and any(c.lower_ == "that" for c in _children(t, ("mark",)))):
            return True
        t = t.head
    return bool(t.i == top.i)


def one_per_happening(found: list[Found],
                      doers_of: Callable[[Any], Sequence[Actor]] = lambda tok: (),
                      each_mention: bool = False) -> list[Found]:
    """The triggers that tell the sentence's happenings: not what a verbal act is about
    ("accused police of detaining him": the accusation), except when each mention counts
    (then every deed told is kept, but not one asked for: "demanded the arrest of ...")."""
    # a deed asked for, threatened or promised is not done, even where each mention counts;
    # what a participle tells of its people is ("urged the release of the arrested men")
    governors = UNDONE if each_mention else VERBAL | {"SANCTION"}  # "convicted of murder"
    keep = [f for f in found
            if (each_mention and (_participle(f.token) or _kept(f.token))) or not any(
                g is not f and g.token.i != f.token.i and g.trigger.type in governors
                and _governs(g.token, f.token) for g in found)]
    # what a relative clause tells of a deed that is talked about is talked about too
    # ("complained over two air raids in which it said 20 people were killed")
    keep = [f for f in keep if not any(
        h not in keep and h.trigger.type == f.trigger.type and _relative_of(f.token, h.token)
        for h in found)]
    # material triggers over other triggers of their own subtree ("arrested during protests")
    keep = [f for f in keep if not any(
        g is not f and g.trigger.type not in VERBAL and g.trigger.type != f.trigger.type
        and f.token.pos_ == "NOUN" and _governs(g.token, f.token) for g in keep)]
    # how a riot went is the riot ("rioted, setting fire to their mattresses"), what a protest
    # asks is the protest's ("demonstrated, calling for independence")
    keep = [f for f in keep if not _protest_detail(f, keep)]
    # what a sentence gives as cause or backdrop ("one day after a jet shot down ...") is not
    # its news when it tells another event
    main = [f for f in keep if not _backdrop(f.token)]
    if main and not each_mention:  # a sentence's labels count its backdrop too
        keep = main
    # one event per type and doers: "six were injured in police firing, while 12 were killed
    # by the rioters" tells two; "97 died in police firing, while the others were killed"
    # tells one, the trigger that names its doers ("who fired is news"), nearest the root
    # (a denied one apart: "not one of the 800 arrested has been booked" tells arrests made)
    if each_mention:  # every deed told labels the sentence
        return keep
    doers = {f.token.i: {w.lower() for a in doers_of(f.token) for w in a.name.split()}
             for f in keep}
    shared = Counter(f.trigger.type for f in keep)  # a status matters where a type repeats
    told = {f.token.i: shared[f.trigger.type] > 1
            and status_of(f.trigger, f.token, f.token.sent) == "denied" for f in keep}
    chosen: list[Found] = []
    for f in sorted(keep, key=lambda f: (not doers[f.token.i], _depth(f.token))):
        if not any(g.trigger.type == f.trigger.type and told[g.token.i] == told[f.token.i] and (
                not doers[f.token.i] or doers[f.token.i] & doers[g.token.i]) for g in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.token.i)


def _protest_detail(f: Found, found: list[Found]) -> bool:
    """Force or a demand told by a participle clause of a protest, with no subject of its own:
    how the riot went or what the protest asked, not a deed besides it ("prisoners rioted,
    setting fire to their mattresses"; "Kurds demonstrated in Kirkuk calling for
    independence"); so the measures told by a participle clause of a declared emergency."""
    tok = f.token
    while (tok.dep_ == "conj" or (tok.dep_ == "ccomp" and f.trigger.type == "REQUEST")) and (
            tok.head.tag_ == "VBG"):  # "setting fire and smashing furniture", "saying they
        tok = tok.head  # demanded his resignation"; not "saying police had beaten them"
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or _children(tok, SUBJECTS):
        return False
    protest = next((g for g in found if g.token.i == tok.head.i
                    and g.trigger.type == "PROTEST"), None)
    declared = [g for g in found if g.trigger.mode in EMERGENCIES and (
        g.token.i == tok.head.i or (g.token.head.i == tok.head.i and g.token.dep_ == "dobj"))]
    if declared:  # "declared a state of siege, suspending parts of the constitution and
        return f.trigger.type in ("COERCE", "SANCTION")  # arresting opponents": its measures
    return protest is not None and (f.trigger.type == "REQUEST" or (
        f.trigger.type == "ASSAULT" and protest.trigger.mode == "riot"))


def _relative_of(tok: Any, noun: Any) -> bool:
    """``tok`` lies in a relative clause on ``noun`` ("raids in which 20 were killed")."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "relcl" and t.head.i == noun.i:
            return True
        t = t.head
    return False


def _kept(tok: Any) -> bool:
    """A state a party is kept in ("we need to keep him in our custody"): the holding goes
    on, whatever is asked of it."""
    return bool(tok.dep_ == "pobj" and tok.head.lower_ == "in" and _one_of(
        tok, entry_set("status.txt", "state nouns")) and _one_of(
        tok.head.head, entry_set("status.txt", "ongoing verbs")))


def _participle(tok: Any) -> bool:
    """A past participle that describes people by a deed done to them ("the arrested men")."""
    return bool(tok.tag_ == "VBN" and tok.dep_ in ("amod", "acl"))


def _backdrop(tok: Any) -> bool:
    t = tok
    while t.head.i != t.i:
        if t.lower_ in BACKGROUND_LINKS and t.dep_ in ("prep", "mark"):
            return True
        if any(c.dep_ == "mark" and c.lower_ in BACKGROUND_LINKS for c in t.children):
            return True
        t = t.head
    return False


def _depth(tok: Any) -> int:
    n = 0
    while tok.head.i != tok.i:
        tok, n = tok.head, n + 1
    return n


def _clause(tok: Any) -> Any:
    """The verb whose clause states a nominal trigger ("Protests broke out": broke)."""
    t = tok
    for _ in range(4):
        if _verbal(t) or t.head.i == t.i or (
                t.pos_ == "ADJ" and _children(t, SUBJECTS | {"nsubjpass"})):
            return t  # "said he was very moved by it": the adjective's own clause
        t = t.head
    return t


def _evidence(head: Any, body: str, told: bool = False) -> tuple[int, int]:
    """The span of ``head``'s clause, without the clauses joined to it; with ``told`` (the
    head is itself the event: "warned that police will not tolerate rallies") what it says is
    kept, else a reporting verb's clause is left out."""
    drop: set[int] = set()
    for child in head.children:
        if (child.dep_ in ("conj", "cc") and child.pos_ in ("VERB", "CCONJ")) or \
                child.dep_ in ("parataxis",) or (child.dep_ == "punct" and child.i > head.i):
            drop.update(t.i for t in child.subtree)
        if child.dep_ == "ccomp" and _lemma(head) in cues() and not told:
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


def _children(tok: Any, deps: frozenset[str] | tuple[str, ...]) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def _subject(tok: Any) -> Any | None:
    t, via_xcomp = tok, False
    for _ in range(3):
        # "PG&E was set to begin shutting off power": a passive verb's subject does what it
        # is set, forced or expected to do
        subj = _children(t, SUBJECTS | ({"nsubjpass"} if via_xcomp else set()))
        subj = [c for c in subj if not _dateline_word(c)] or subj
        if subj:
            s = subj[0]
            if s.lower_ in ("who", "that", "which") and t.dep_ == "relcl":
                return t.head
            return _past_dateline(s)
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.pos_ in ("VERB", "AUX"):
            blamed = _children(t.head.head, ("dobj",)) if t.head.lower_ == "for" else []
            if blamed:  # "criticised the police for opening fire": the police fired
                return blamed[0]
            t = t.head.head  # "deliberated before convicting him": who deliberated convicted
            continue
        if t.dep_ in ("xcomp", "conj", "advcl", "acl", "acomp") and t.head.i != t.i:
            if (resumed := _resumed_subject(t)) is not None:
                return resumed
            if t.dep_ == "acl" and t.pos_ == "VERB":
                return None
            told = _children(t.head, ("dobj",)) if t.dep_ == "xcomp" or (
                t.dep_ == "advcl" and _lemma(t.head) in entry_set("status.txt", "caused verbs")
                and any(c.tag_ == "TO" for c in t.children)) else []  # parsed as a purpose
            if told:  # "forcing the police to open fire": the police fire
                return told[0]
            t, via_xcomp = t.head, t.dep_ == "xcomp"
            continue
        break
    return None


def _stance(tok: Any) -> bool:
    """A participle that tells where its subject stands, not what was done to it ("Israel is
    opposed to French mediation", "Vietnam is committed to opening up"): its subject acts."""
    return _one_of(tok, entry_set("status.txt", "stance participles")) and not _children(
        tok, ("agent",))


def _resumed_subject(tok: Any) -> Any | None:
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


def _passive_head(tok: Any) -> Any | None:
    """The passive verb whose subject a participle conjunct without words of its own for who
    acts or undergoes shares ("was caught by police and deported from Arizona")."""
    t = tok
    while t.dep_ == "conj" and t.tag_ in ("VBN", "VBD") and not _children(
            t, SUBJECTS | {"nsubjpass", "dobj", "auxpass", "aux"}):
        t = t.head
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
            return t
    return None


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
        appos = _children(subj, ("appos",))
        if after is not None and after.text in DATELINE_MARKS and appos:
            return appos[0]
    return subj


def parties(tok: Any, ctx: act.ArticleContext) -> tuple[list[Actor], list[Actor]]:
    """(actors, recipients) of the trigger ``tok``. In a two-sided deed (``defaults.txt``:
    "clash", "fight") who does it "with" the subject is an actor too, as PLOVER codes reciprocal
    violence."""
    doers: list[Any] = []
    done_to: list[Any] = []
    two_sided = _one_of(tok, entry_set("defaults.txt", "two-sided"))
    sides: list[Any] = []  # the other side of a two-sided deed
    if _verbal(tok):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
            tok.tag_ == "VBN" and tok.dep_ == "acl"  # "protesters detained on Sunday"
            and not _children(tok, SUBJECTS)  # not "news that the two had reached a deal"
            and _resumed_subject(tok) is None)
        if _small_clause(tok):  # "wants the minister arrested": the minister is
            passive = True
            done_to += _children(tok, ("nsubj",))
        voice = _passive_head(tok)
        if voice is not None:  # "was caught by police and deported": the police deported him
            passive = True
            doers += _agents(voice)
            done_to += _children(voice, ("nsubjpass",)) or [
                s for s in (_subject(voice),) if s is not None]
        stance = _stance(tok)
        feeling = passive and _one_of(tok, entry_set("status.txt", "feeling participles"))
        for c in tok.children:
            if c.dep_ == "agent":
                (done_to if feeling else doers).extend(_children(c, ("pobj",)))
            elif c.dep_ == "nsubjpass" and (stance or feeling):
                doers.append(c)  # "Israel is opposed to French mediation", "the commission
                # is frustrated with the companies"
            elif c.dep_ == "nsubjpass" or c.dep_ in ("dobj", "dative"):
                done_to.append(c)
            elif c.dep_ == "prep" and c.lower_ == "with" and two_sided:
                sides += _children(c, ("pobj",))  # "a mob clashed with the police"
            elif c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS and not (
                    c.lower_ == "to" and _one_of(tok, entry_set("status.txt", "sending verbs"))):
                done_to += _children(c, ("pobj",))  # not "deported them to Mexico"
        if tok.dep_ == "acl" and passive:
            done_to.append(tok.head)
        elif passive and not done_to and tok.dep_ == "pcomp" and (
                undergone := _subject(tok)) is not None:
            done_to.append(undergone)  # "150 Indians returned home after being deported"
        elif tok.dep_ == "acl" and tok.tag_ == "VBG":
            doers.append(tok.head)  # "gunmen storming the hotel"
        if not passive:
            subj = _subject(tok)
            if subj is not None:
                doers.append(subj)
    elif tok.pos_ == "ADJ" and (felt := _children(tok, SUBJECTS | {"nsubjpass"}) or [
            s for s in (_subject(tok),) if tok.dep_ == "acomp" and s is not None]):
        doers += felt  # "he was very moved by the announcement": he is
        done_to += [p for c in _children(tok, ("prep",)) if c.lower_ in RECIPIENT_PREPS | {"by"}
                    for p in _children(c, ("pobj",))]
    else:
        if tok.dep_ == "acl":  # "police firing on a mob"
            doers.append(tok.head)
        for c in tok.children:
            if c.ent_iob_ == "I" and tok.doc[c.i - 1].head.i == tok.i:
                continue  # the rest of a name already taken ("intra-Afghan" negotiations)
            if c.i >= 2 and tok.doc[c.i - 1].text == "-" and tok.doc[c.i - 2].lower_ in STANCES:
                continue  # "anti-government protests": what they are against, not who
            if c.dep_ in ("compound", "amod") and (pair := act.hyphen_parties(c)):
                doers += pair  # "a police-VHP clash": each side
            elif c.dep_ == "poss" and _one_of(tok, entry_set("status.txt", "undergone nouns")):
                done_to.append(c)  # "Assange's arrest", "his release": who underwent it
            elif c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and (
                    c.ent_type_ in act.NAME_LABELS  # not "a 30-day state of siege"
                    or (act.sector_of([c.text]) and not (  # "police firing"
                        c.pos_ == "ADJ" and c.lower_ in entry_set("sectors.txt",
                                                                  "not as adjectives"))))):
                doers.append(c)
            elif c.dep_ == "prep" and c.lower_ == "by":
                doers += _children(c, ("pobj",))
            elif c.dep_ == "prep" and c.lower_ == "with" and two_sided:
                sides += _children(c, ("pobj",))
            elif c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS | {"of"}:
                done_to += _children(c, ("pobj",))
        received = tok.dep_ == "dobj" and _one_of(tok.head, entry_set("status.txt",
                                                                      "receiving verbs"))
        if received:  # "we received an inquiry from the attorney general": the attorney
            doers += [p for c in (*tok.children, *tok.head.children)  # general inquires
                      if c.dep_ == "prep" and c.lower_ == "from" for p in _children(c, ("pobj",))]
            done_to += [s for s in (_subject(tok.head),) if s is not None]
        elif not doers and tok.dep_ in ("dobj",) and not _one_of(
                tok.head, entry_set("status.txt", "suppressing verbs")):
            subj = _subject(tok.head)
            if subj is not None:
                doers.append(subj)
    done_to = [p for t in done_to for p in _behind(t)]
    if _verbal(tok) and (slip := _since_slip(tok)) is not None:  # "hostages who had been held
        done_to = [slip]  # since 2016 were released", parsed as if 2016 were released
    if not doers and _one_of(tok, entry_set("status.txt", "freeing verbs")):
        doers += [p for t in done_to for p in _holders(t)]  # "hostages held by the Taliban
        # were released": the Taliban released them
    doers = [t for t in doers if not any(  # "Israeli police custody": one party
        t.i != o.i and t in act.phrase(o) for o in doers)]
    doers += [c for t in doers for c in _companions(t)]
    named = _named([_antecedent(t) for t in doers + sides], ctx)
    if not named:  # "clashes erupted between supporters and security forces": both sides
        named = _named([c for p in _children(tok, ("prep",)) if p.lower_ == "between"
                        for c in _children(p, ("pobj",))], ctx)
    return named, _named(done_to, ctx)


def _since_slip(verb: Any) -> Any | None:
    """The noun a passive verb is told of where the parser took "since 2016" for its subject
    and hung it on a relative clause ("Two hostages who had been held by the Taliban since 2016
    were released Tuesday": the hostages), else None."""
    if verb.dep_ != "advcl" or verb.head.dep_ != "relcl" or not any(
            c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return None
    dated = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return verb.head.head if dated and all(c.ent_type_ == "DATE" for c in dated) else None


def _holders(tok: Any) -> list[Any]:
    """Who a relative clause or a participle says holds the party ``tok`` ("hostages who had
    been held by the Taliban", "prisoners held by rebels")."""
    return [p for c in _children(tok, ("relcl", "acl"))
            if _one_of(c, entry_set("status.txt", "holding verbs")) for p in _agents(c)]


def _agents(verb: Any) -> list[Any]:
    """Who a passive verb's "by" phrase names ("was caught by police": police)."""
    return [p for a in _children(verb, ("agent",)) for p in _children(a, ("pobj",))]


def _behind(tok: Any) -> list[Any]:
    """Who a thing done to stands for: the "by" agent of a participle on it ("stopped a
    vehicle driven by Jonathan Blair": Blair), else the thing itself."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or act.sector_of([tok.text]):
        return [tok]
    return [p for a in _children(tok, ("acl",)) if a.tag_ == "VBN" for p in _agents(a)] or [tok]


def _companions(tok: Any) -> list[Any]:
    """Who acts "along with" or "together with" ``tok``: "the task force along with companies
    of the railway protection force and state police booked ...": each of them acts too."""
    withs = [p for p in _children(tok, ("prep",))
             if p.lower_ == "with" and any(c.lower_ == "together" for c in p.children)]
    withs += [w for p in _children(tok, ("prep",)) if p.lower_ == "along"
              for w in _children(p, ("prep",)) if w.lower_ == "with"]
    # each party named in the phrase; of "companies of the police", the police
    return [t for w in withs for c in _children(w, ("pobj",)) for t in c.subtree
            if t.dep_ in ("pobj", "conj") and t.pos_ in ("NOUN", "PROPN")
            and not any(p.lower_ == "of" for p in _children(t, ("prep",)))]


def _antecedent(tok: Any) -> Any:
    """"Hungary has said it will support ...", "the rebels said they will release ...": the
    "it" or "they" of a reported clause is who reports it."""
    if tok.lower_ not in ("it", "they", "he", "she"):
        return tok
    t = tok.head
    while t.head.i != t.i and t.dep_ in ("xcomp", "conj", "advcl", "ccomp"):
        if t.dep_ == "ccomp" and _lemma(t.head) in cues():
            subj = _subject(t.head)
            if subj is not None and subj.pos_ != "PRON" and _may_be(tok, subj):
                return subj
            break
        t = t.head
    if tok.lower_ == "they" and tok.dep_ in SUBJECTS and tok.head.dep_ == "ROOT" and (
            tok.sent.start > 0):  # the subject of a main clause: of the sentence before
        return _last_group(tok.doc[tok.sent.start - 1].sent) or tok
    return tok


def _may_be(pronoun: Any, noun: Any) -> bool:
    """A "he" or "she" is a person, not a paper, a country or a group ("The Chronicle says he
    was arrested"); an "it" is not a person."""
    if pronoun.lower_ in ("he", "she"):  # (spaCy may take a person's name for a body's)
        return noun.ent_type_ not in ("GPE", "NORP", "LOC", "FAC") and noun.tag_ in (
            "NN", "NNP") and not any(c.lower_ == "the" for c in noun.children)
    return not (pronoun.lower_ == "it" and noun.ent_type_ == "PERSON")


def _last_group(sent: Any) -> Any | None:
    """The subject of ``sent``'s main clause when it is a group a sector word names ("police
    had a lot of difficulty reaching the spot. They opened fire ..."): who a "they" of the
    next sentence is."""
    subj = _subject(sent.root)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or act.sector_of([subj.text]) is None:
        return None
    return subj


def _named(tokens: list[Any], ctx: act.ArticleContext) -> list[Actor]:
    out: list[Actor] = []
    for tok in tokens:
        if _lemma(tok) == "side" and (sides := ctx.two_sides()) and any(
                c.lower_ in ("two", "both") for c in tok.children):  # "the two sides"
            out += [Actor(gazetteer().country(c).name, c, "GOV") for c in sides]
            continue
        # not the rest of a name with "and" in it ("Customs and Border Protection")
        group = [tok] + [c for c in tok.conjuncts if c.i > tok.i and c.ent_iob_ != "I"]
        for t in group:
            a = act.actor(t, ctx)
            if a is not None and a not in out:
                out.append(a)
    return out


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
        if prep.lower_ == "from" and (prep.head.pos_ in ("NOUN", "PROPN") or _one_of(
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
                ent.root.head.lower_ == "of" and _lemma(ent.root.head.head) in PLACE_NOUNS)
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


def _date_words(head: Any, sent: Any) -> list[str]:
    """The date words of ``head``'s clause, else of its sentence; a clause's words that name
    no time of their own ("closed schools for the day") give way to the sentence's."""
    inside = [e.text for e in sent.ents if e.label_ in ("DATE", "TIME")
              and head.left_edge.i <= e.start and e.end <= head.right_edge.i + 1]
    if any(not VAGUE_TIME.fullmatch(w.lower()) for w in inside):
        return inside
    return inside + [e.text for e in sent.ents if e.label_ == "DATE" and e.text not in inside]


def status_of(trig: Trigger, tok: Any, sent: Any) -> str:
    planned_verbs = entry_set("status.txt", "planned verbs")
    t, chain = tok, [tok]
    while t.head.i != t.i and t.dep_ in ("xcomp", "ccomp", "pobj", "prep", "dobj", "acl",
                                          "advcl", "nsubj", "nsubjpass", "compound"):
        t = t.head
        chain.append(t)
    clause = _going_on(_clause(tok))  # "will begin to negotiate": the plan is the beginning's
    aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    joined = clause
    while joined.dep_ == "conj" and _verbal(joined.head) and not _children(
            joined, SUBJECTS | {"nsubjpass"}):  # "must be arrested and booked": both must
        joined = joined.head
        aux |= {c.lower_ for c in joined.children if c.dep_ in ("aux", "auxpass")}
    if _habitual(joined):  # "the police would routinely pick up the boys": a past practice
        aux.discard("would")
    negated = any(c.dep_ == "neg" for c in (*tok.children, *clause.children)) or any(
        _lemma(c) in entry_set("status.txt", "denied verbs") for c in chain[1:]) or any(
        _none(t) for t in (tok, *_children(tok, SUBJECTS | {"nsubjpass", "dobj"}))) or (
        _alternative(tok))
    if negated and aux & {"might", "may", "could"}:
        return "hypothetical"  # "might not otherwise have agreed to": no refusal
    if negated and trig.type != "REJECT":
        return "denied"
    marks = {c.lower_ for x in chain for c in x.children if c.dep_ == "mark"}
    if _will_do(clause):  # "would meet him if he"
        marks |= {m.lower_ for c in _children(clause, ("advcl",))
                  for m in c.children if m.dep_ == "mark"}
    if marks & entry_set("status.txt", "hypothetical marks") or sent.text.rstrip().endswith("?"):
        return "hypothetical"
    maybe = aux & entry_set("status.txt", "hypothetical auxiliaries")
    if maybe - entry_set("status.txt", "reported future auxiliaries") or (maybe and (
            not _reported(clause) or "have" in aux)):  # "said he may have been murdered",
        return "hypothetical"  # "sources say they could be held"; not "said it would send"
    if aux & entry_set("status.txt", "requested auxiliaries") or _inverted_if(clause):
        return "hypothetical"  # "the culprits must be arrested", "had he been detained"
    if _subjunctive(clause):
        return "planned"  # "he suggested that those guilty be booked"
    if trig.type == "THREATEN":
        return "planned"
    if aux & entry_set("status.txt", "planned auxiliaries") or (
            aux & {"would"} and _reported(clause)):
        return "planned"
    if any(_lemma(c) in planned_verbs and c.i != tok.i and not _was_able(c)
           for c in chain[1:3]) and (
            _complement(tok) or (tok.dep_ in ("pobj", "dobj") and _lemma(chain[1]) != "be"
                                    and _lemma(chain[1]) not in WHERE_PREPS
                                    and not _made_known(tok))):
        return "planned"  # "called for a strike", not "called for pay in a protest"
    if trig.type == "AGREE" and _agreed_to_do(tok):
        return "planned"
    if _scheduled_present(clause):
        return "planned"
    return "occurred"


def _scheduled_present(verb: Any) -> bool:
    """A simple present with a day or a week to come of its own ("The commission holds a
    public hearing Wednesday", "negotiators return to Geneva this week"): the news's way to
    say what is on the calendar."""
    return verb.tag_ in ("VBZ", "VBP") and not _children(verb, ("aux", "auxpass", "neg")) and any(
        c.dep_ == "npadvmod" and (c.lower_ in WEEKDAYS or (c.lower_ == "week" and any(
            d.lower_ in ("this", "next") for d in c.children))) for c in verb.children)


def _dated_status(status: str, day: str | None, published: str | None) -> str:
    """A deed told as done but dated after the report is still to come ("announced a strike
    for next Monday")."""
    if status == "occurred" and day and published and day > published[:10]:
        return "planned"
    return status


def _made_known(tok: Any) -> bool:
    """A deed named as what was announced ("Italy announced a suspension of air links"): it
    is made known as done, not planned ("announced it would suspend" stays planned)."""
    verb = tok.head
    return tok.dep_ == "dobj" and _one_of(verb, entry_set("status.txt", "announcing verbs")) and (
        not any(c.lower_ in entry_set("status.txt", "planned auxiliaries")
                for c in _children(verb, ("aux",))))


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
    subj = [c for c in _children(clause, SUBJECTS | {"nsubjpass"})
            if c.lower_ not in ("that", "which", "who")]
    return bool(subj) and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "were", "should") and c.i < subj[0].i
        for c in clause.children)


def _subjunctive(clause: Any) -> bool:
    """A that-clause in the subjunctive, what someone wants done: "suggested that those guilty
    be booked", "demanded that he resign"."""
    if clause.dep_ != "ccomp" or not _children(clause, SUBJECTS | {"nsubjpass"}):
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
    for t in (tok, *_children(tok, ("dobj",))):
        for c in t.children:
            if c.dep_ in ("xcomp", "ccomp") or (
                    c.dep_ == "acl" and any(a.tag_ == "TO" for a in c.children)) or (
                    c.dep_ == "prep" and c.lower_ == "to" and _children(c, ("pcomp",))):
                return True
    return False


def _was_able(tok: Any) -> bool:
    """"were able to apprehend a suspect": done, not planned."""
    return bool(_lemma(tok) == "able" and _lemma(tok.head) == "be" and tok.head.tag_ == "VBD")


def _reported(clause: Any) -> bool:
    return clause.dep_ == "ccomp" and _lemma(clause.head) in cues()


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
    if _lemma(tok) in ("hundred", "thousand", "dozen", "million") or tok.lower_ in quantities():
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
        lemma = _lemma(tok)
        for key, lemmas in words.items():
            if lemma not in lemmas:
                continue
            cands = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")]
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
    return word.i in (tok.i, head.i) or _governs(head, word) or _governs(word, tok)


def _counts_of(counts: dict[str, list[tuple[Any, int]]], tok: Any, head: Any,
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
        ((_referential(f.token) or _said_of_one_told(f, every)) and not each_mention)
        or _purpose(f.token)
        or (_habitual(f.token) and not each_mention) or _condition(f.token)
        or (_topic(f.token) and not each_mention) or _setting(f)
        or (_charged(f.token) and not each_mention) or _principle(f.token) or _hoped(f.token)
        or _descriptive(f, every, not each_mention)
        or (any(_governs(clause, f.token) for clause, _ in asked)
            and not (each_mention and _kept(f.token))))]
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
    clause_of = {f.token.i: f.token if _verbal(f.token) else _clause(f.token) for f in found}
    named_heads = [(f.token, clause_of[f.token.i]) for f in found
                   if parties_of(f.token)[0]]  # events whose doers the text names
    for f in found:
        tok, trig = f.token, f.trigger
        head = clause_of[tok.i]
        counts = _counts_of(told_counts, tok, head, named_heads)
        dates = _date_words(head, sent)
        vowed = (trig.type in FUTURE_CONFLICT and _complement(head) and _lemma(
            head.head) in entry_set("status.txt", "planned verbs")) or (  # "have sworn to fight"
            _complement(head) and _lemma(head.head) in entry_set(  # "is unwilling to talk"
                "status.txt", "denied verbs"))
        start, end = _evidence(head.head if vowed else _going_on(head), body,
                               told=head.i == tok.i)
        if each_mention and len(body[start:end].split()) < SHORT_CLAUSE:
            start, end = sent.start_char, sent.end_char
        own = _own_words(head, tok)
        if not each_mention and (years_before(own, published) >= 1 or _years_after(head) or (
                _at_the_time(head)) or (history and not dates and _simple_past(head)) or (
                _had_been_doing(head)) or (
                not published and (years_before(own, _latest_year(body)) >= 2
                                   or _in_a_dated_war(head)))):
            continue  # background history, not news
        if _scheduled_present(_going_on(head)):  # "holds a hearing Wednesday": the coming one
            dates = [w if w.lower() not in WEEKDAYS else f"next {w}" for w in dates]
        day = _first_day(dates, published)
        if day is None and not dates and _present(head):
            day = published  # "the United States stands ready to support": as of the report
        doers, done_to = parties_of(tok)
        if not doers and trig.type in VERBAL | {"CONCEDE"} and _thing_subject(tok):
            continue  # "tensions are threatening growth", "no evidence supports it"
        if (_lemma(tok) == "threaten" and _endangers(tok)) or (
                _lemma(tok) == "threat" and _there_is(tok)):
            continue  # "settlements threaten the viability of a two-state solution"
        if _lemma(tok) == "warn" and not _threat_warning(tok, ctx):
            continue  # "doctors warned that children would face risks": no threat
        if _one_of(tok, entry_set("status.txt", "mobilizing verbs")) and not _armed(tok, ctx):
            continue  # "mobilized pressure groups", "called on Arabs to mobilize against him"
        if trig.type == "CONSULT" and _sitting(tok):
            continue  # "Israel's Cabinet met Sunday": a body in session consults no one
        if _lemma(tok) == "agree" and _opinion(tok):
            continue  # "many businesses agree that China has taken advantage"
        if _generic(tok):
            continue  # "people demand the solution to their problems": what such people do
        # a deed told before ("the arrests", each_mention only) is not its clause's doing
        # (unless the clause's subject took part in it: "police helped in the killings")
        clause_doers, sufferers = ([], []) if _referential(tok) and not _one_of(
            _clause(tok), entry_set("status.txt", "part verbs")) else _clause_parties(tok, ctx)
        doers, done_to = doers or clause_doers, done_to or sufferers
        if trig.type == "PROTEST" and _one_of(tok, entry_set("status.txt", "objecting verbs")):
            speaker = _tail_speaker(tok)
            if speaker is not None:  # "..., a human rights group protested here Wednesday"
                doers = _named([speaker], ctx)
                done_to = [a for a in done_to if a not in doers]
            objected = speaker is not None or _children(tok, ("ccomp",)) or any(
                p.lower_ in ("against", "over") for p in _children(tok, ("prep",))) or any(
                not any(c.lower_ in LOCATIVES for c in o.children)  # not "protested
                for o in _children(tok, ("dobj",)))  # outside parliament", parsed as an object
            if speaker is not None:  # what they protested is the sentence before the verb
                start, end = sent.start_char, tok.idx + len(tok.text)
            if objected and doers and all(a.sector in OBJECTORS for a in doers):
                trig = replace(trig, type="ACCUSE", mode="disapprove")  # "China protested the
                # visit" objected; "lawmakers protested outside parliament" demonstrated
        if trig.type in FUTURE_CONFLICT and _enacted(tok):  # "the Act, under consideration
            doers = _enactors(tok, ctx)  # by the US Senate, would impose sanctions": the Senate
        if trig.type not in ("PROTEST", "ASSAULT"):  # "the Chinese have been reluctant to
            doers = [_as_state(a) for a in doers]  # commit to a meeting": China's government
        mode, before = trig.mode, None
        if not doers:  # "killed in police firing": the deed inside it names the doer
            doers, mode, before = _inner_doers(f, every, ctx, earlier or {})
        mode = mode or _instrument(trig, sent)
        place = place_of(head, sent, ctx, fallback=False)
        home = next((a.country for a in doers[:1] if a.sector in STATE_SECTORS
                     and trig.type not in REACTIONS), None)
        home_place = gazetteer().country(home) if place is None and home is not None and (
            not ctx.dateline or doers[0].sector in SEATED) else None
        if place is None and ctx.country:
            place = gazetteer().country(ctx.country)
        named = bool(doers)
        default = default_actor(trig.type, _lemma(tok), mode, tuple(a.name for a in done_to))
        if not doers and default is not None:  # where it happened, else the article's country
            doers = [Actor(default[0], place.country if place else ctx.country, default[1])]
        if doers and not each_mention and all(a.sector == "BUS" for a in (*doers, *done_to)) and (
                not any(_public(t) for t in head.subtree)):
            continue  # "SoftBank agreed to inject $6.5 billion": news solely about companies,
            # which PLOVER leaves out; not "agreed to pay the Japanese government"
        if not doers and not done_to and not each_mention and trig.type not in OFFENCES and not (
                _finite(tok) or _children(tok, ("auxpass",))
                or (tok.dep_ == "dobj" and _subject(tok.head) is not None)):
            continue  # "security operations provide protection": a deed with nobody in it,
            # not even one it was done to ("after being deported"), who does such deeds ("no
            # arrests have been made": the police) or whoever did it ("the two sides held
            # talks"); not protests or violence ("synchronised attacks were launched"), which
            # are news whoever did them
        event = Event(type=trig.type, mode=mode, evidence=body[start:end], start=start, end=end,
                      actors=tuple(doers), recipients=tuple(a for a in done_to if a not in doers),
                      place=place, date=day,
                      status=_dated_status(  # type: ignore[arg-type]
                          status_of(trig, tok, sent), day, published))
        if event.status in ("planned", "hypothetical") and not named and (
                trig.type in FUTURE_COOPERATION | FUTURE_CONFLICT.keys()
                or event.status == "hypothetical"):
            continue  # "suspects could be extradited": nobody promises or threatens it; "an
            # appeal could be made": a possibility nobody is named for
        if event.status in ("planned", "hypothetical") and trig.type in ("ACCUSE", "REJECT"):
            continue  # "many will deplore that decision": a forecast, no accusation yet
        if not each_mention and event.status == "occurred" and any(
                days_before(d, published or _latest_day(body)) >= BACKGROUND_DAYS
                for d in _own_months(head, own)):
            continue  # "Carlineo was arrested in April" in a report of November: history
        event = _expulsion(_repression(_as_plover(event, tok, trig), trig))
        if home_place is not None and homes is not None:  # set after merging: places not
            homes[(event.start, event.type)] = home_place  # named merge as one
        if before is not None and event.type == before.type:  # told again: merged with it
            event = replace(event, mode=before.mode, recipients=before.recipients,
                            place=before.place, date=event.date or before.date)
        if trig.type == "PROTEST":
            size = next((n for n in (count_of(t) for t in _actor_tokens(tok, head)) if n), None)
            event = replace(event, size=size)
        if trig.type in ("ASSAULT", "PROTEST", "COERCE"):
            event = replace(event, dead=counts.get("dead"), injured=counts.get("injured"))
        if trig.type == "COERCE":
            event = replace(event, arrested=counts.get("arrested"))
        events.append(event)
    return events


def _public(tok: Any) -> bool:
    """``tok`` names a state, a people or a party other than a business ("the Japanese
    government", "regulators")."""
    return tok.ent_type_ in ("GPE", "NORP") or (
        tok.pos_ in ("NOUN", "PROPN") and act.sector_of([tok.text]) not in (None, "BUS"))


def _finite(tok: Any) -> bool:
    """``tok`` is a verb with a tense of its own ("agreed", "has demanded", "will meet"), not
    a noun, a gerund, a participle or an infinitive."""
    return _verbal(tok) and (tok.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD")
        for c in tok.children))


def _going_on(head: Any) -> Any:
    """The clause that tells a deed in an infinitive going on, begun, taken up again, tried or
    made to happen ("the two sides continue to negotiate", "chose not to accept"): its
    evidence, with who does it, and its status."""
    if head.dep_ == "xcomp" and head.tag_ == "VB" and _lemma(head.head) in (
            entry_set("status.txt", "continued verbs") | entry_set("status.txt", "caused verbs")
            | entry_set("status.txt", "attempt verbs")):
        return head.head
    return head


def _as_state(party: Actor) -> Actor:
    """A people named by its nationality alone ("the Chinese", "the British") doing what
    states do is its state; an ethnic group ("the Kurds"), a minority ("the Albanians of
    southern Serbia") or a described people ("Iraqi Kurds", "Chinese students") stays who it
    is."""
    gaz = gazetteer()
    nation = gaz.country_of_name(party.name)
    if party.sector != "CVL" or len(party.name.split()) != 1 or gaz.is_country(party.name) or (
            nation is None or nation != party.country):  # "the Albanians of southern Serbia":
        return party  # a minority where they live
    return replace(party, sector="GOV")


def _sitting(tok: Any) -> bool:
    """A verb of meeting whose one subject is a body meeting on its own: no object, no one
    met "with" ("the cabinet met on Sunday"; not "the council met with the rebels")."""
    subj = _children(tok, SUBJECTS)
    if not _verbal(tok) or len(subj) != 1 or subj[0].conjuncts or _children(tok, ("dobj",)):
        return False
    if any(p.lower_ in ("with", "between") for p in _children(tok, ("prep",))):
        return False
    return _lemma(subj[0]) in entry_set("status.txt", "deliberating bodies")


def _endangers(tok: Any) -> bool:
    """"threaten" said of a thing put at risk ("threaten the viability of a solution"): no party
    threatened, nothing threatened to be done ("threatened to strike", "threatened further
    action", "threatened sanctions") or with ("threatened them with sanctions")."""
    if not _verbal(tok) or _children(tok, ("xcomp", "ccomp", "dative")) or any(
            p.lower_ in ("with", "against") for p in _children(tok, ("prep",))):
        return False
    objects = _children(tok, ("dobj",))
    return bool(objects) and not any(
        o.ent_type_ or o.pos_ in ("PROPN", "PRON") or o.lower_ in PERSONAL
        or act.sector_of([t.text for t in o.subtree]) or _lemma(o) in triggers()
        or _one_of(o, entry_set("status.txt", "threatened deeds")) for o in objects)


def _there_is(tok: Any) -> bool:
    """``tok`` is what "there is" says exists ("there is no threat to the public"): a danger
    or its absence, not a deed anyone did."""
    return tok.dep_ == "attr" and _lemma(tok.head) == "be" and bool(_children(tok.head, ("expl",)))


def _at_the_time(head: Any) -> bool:
    """The clause, or one it hangs from, is set "at the time" of something told before ("Both
    men claimed at the time that they were being treated well and asked their governments to
    help"): history. Not "at the time of the attack" or "at the same time"."""
    def then(t: Any) -> bool:
        return t.lower_ == "time" and t.head.lower_ == "at" and [
            d.lower_ for d in t.children if d.dep_ in ("det", "amod", "prep")] == ["the"]
    return any(then(t) or any(then(o) for p in _children(t, ("prep",)) for o in p.children)
               for t in (head, *head.ancestors))


def _years_after(head: Any) -> bool:
    """The clause tells what happened years before the deed it dates: "(arrested in April,)
    seven years after he sought refuge at the embassy"."""
    return any(c.dep_ == "mark" and c.lower_ == "after" for c in head.children) and any(
        c.dep_ == "npadvmod" and _lemma(c) in ("year", "decade") for c in head.children)


def _thing_subject(tok: Any) -> bool:
    """The verb ``tok`` has a subject that names no party: a thing, not who acts (an "it"
    that stands for no party is one: "a trade war offers advantages: it allows him ...")."""
    subj = _subject(tok) if _verbal(tok) else None
    if subj is None or subj.lower_ == "it":
        return subj is not None
    if subj.pos_ != "NOUN":
        return False
    own = [t for t in subj.subtree if t.i <= subj.i]  # not a clause on it ("a bill that ...")
    return not any(t.ent_type_ or t.pos_ == "PROPN" for t in own) and (  # not "Ibo elders"
        act.sector_of([t.text for t in own]) is None) and (
        _lemma(subj) not in entry_set("sectors.txt", "groups"))  # not "the committee"


def _tail_speaker(tok: Any) -> Any | None:
    """Who a verb closing the sentence after a comma says it of, where the parser hung the verb
    on them as a participle (", a human rights group protested here Wednesday.")."""
    head = tok.head
    if tok.dep_ != "acl" or _children(tok, ("dobj", "agent", "prep")) or head.left_edge.i == 0:
        return None
    if tok.doc[head.left_edge.i - 1].text != ",":
        return None
    rest = [t for t in tok.doc[tok.i + 1:tok.sent.end] if t.dep_ != "punct"]
    return head if all(t.head.i == tok.i or t.head in rest for t in rest) else None


def _armed(tok: Any, ctx: act.ArticleContext) -> bool:
    """A verb of mobilizing puts armed force on the move: its object is a force ("mobilized
    army reservists"), or it has none and its subject is a state or a force ("the army
    mobilized")."""
    objects = _children(tok, ("dobj",))
    told = objects or [s for s in (_subject(tok),) if s is not None]
    party = act.actor(told[0], ctx) if told else None
    if party is None or objects:
        return party is not None and party.sector in ARMED
    return party.sector in ARMED | STATE_SECTORS or gazetteer().is_country(party.name)


def _threat_warning(tok: Any, ctx: act.ArticleContext) -> bool:
    """A warning is a threat when it tells what a party that can act will do ("warned that
    police will no longer tolerate rallies", "warned that we will not sit on our hands"), not
    when it foretells what happens to people or things."""
    for clause in _children(tok, ("ccomp",)):
        if not _will_do(clause):
            continue
        for subj in _children(clause, SUBJECTS):
            if subj.lower_ in ("we", "i"):
                return True
            party = act.actor(subj, ctx)
            if party is not None and party.sector not in (None, "CVL"):
                return True
    return False


def _will_do(clause: Any) -> bool:
    aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & (entry_set("status.txt", "planned auxiliaries")
                       | entry_set("status.txt", "hypothetical auxiliaries")))


def _generic(tok: Any) -> bool:
    """A deed told in the simple present, in a clause inside another, of a kind of people
    rather than of a party ("people demand the solution to their socio-economic problems",
    "as authorities restrict citizens' right to protest"): what such people do, not an event.
    A sentence of its own in the present is a headline's or a caption's ("Demonstrators clash
    with security forces", "Two suicide bombers blow themselves up")."""
    head = tok if _verbal(tok) else _clause(tok)
    if head.tag_ != "VBP" or _children(head, ("aux", "auxpass")):
        return False
    subj = _subject(head)
    if head.dep_ == "ROOT" or subj is None or subj.tag_ != "NNS" or subj.ent_type_ or (
            _children(subj, ("nummod",))):
        return False  # "Demonstrators clash with security forces": a headline's present
    return all(c.lower_ in GENERIC_QUANTIFIERS for c in subj.children
               if c.dep_ in ("det", "poss", "amod"))


def _opinion(tok: Any) -> bool:
    """"Agree" as sharing a view, not as an agreement: agreeing that something is so (not
    that something should or will be done), or with a thing ("agree with the decision")."""
    if _children(tok, ("xcomp",)):
        return False  # "agreed to lift embargoes, with strings attached"
    said = _children(tok, ("ccomp",))
    if said and not any(_will_do(c) for c in said):
        return True
    with_what = [c for p in _children(tok, ("prep",)) if p.lower_ == "with"
                 for c in _children(p, ("pobj",))]
    return any(c.pos_ == "NOUN" and not c.ent_type_ and act.sector_of([c.text]) is None
               for c in with_what)  # a thing, even one of a party's ("the judge's decision")


def _inner_doers(f: Found, every: list[Found], ctx: act.ArticleContext,
                 earlier: dict[str, Event]
                 ) -> tuple[list[Actor], str | None, Event | None]:
    """The doers and mode of a trigger of the same type inside ``f``'s phrase ("one person was
    killed when the police fired 15 rounds"), for a trigger that names no doer; a trigger that
    points back ("killed in the firing") has the doers of the last such event told; force
    used on someone in custody is the custodian's ("died of torture in police custody")."""
    inner = [g for g in every
             if g.trigger.type == f.trigger.type and f.token.is_ancestor(g.token)]
    mode = f.trigger.mode or next((g.trigger.mode for g in inner if g.trigger.mode), None)
    before = earlier.get(f"{f.trigger.type} {f.trigger.mode}")
    if _referential(f.token) and before is not None:  # "no one was injured in the firing":
        return list(before.actors), mode, before  # the last firing told; not "the violence"
    for g in inner:
        doers = parties(g.token, ctx)[0] or _clause_parties(g.token, ctx)[0]
        if doers:
            return doers, mode, None
        before = earlier.get(g.trigger.type)
        if _referential(g.token) and before is not None:
            return list(before.actors), mode, before
    if f.trigger.type == "ASSAULT":  # "died of torture while in Israeli police custody"
        held = [g for g in every if _one_of(g.token, entry_set("status.txt", "state nouns"))
                and _clause(g.token).i == _clause(f.token).i]
        for g in held:
            if doers := parties(g.token, ctx)[0]:
                return doers, mode, None
    return [], mode, None


def _clause_parties(tok: Any, ctx: act.ArticleContext) -> tuple[list[Actor], list[Actor]]:
    """(doers, sufferers) the clause that states a nominal trigger names in its subject: "the
    police had to burst tear-gas shells" (doers), "three persons sustained injuries in the
    firing" (sufferers: the subject of a ``suffered verbs`` verb underwent the deed; so does
    the subject of "is in custody")."""
    head = _clause(tok)
    if _verbal(tok) or head.i == tok.i:
        return [], []
    if _one_of(head, entry_set("status.txt", "suppressing verbs")):
        return [], []  # "security forces used force to crush protests": not the protesters
    if tok.dep_ == "pobj" and tok.head.head.i == head.i and _children(head, ("nsubjpass",)) and (
            not _one_of(head, entry_set("status.txt", "part verbs"))):
        return [], parties(head, ctx)[1]  # "a US national has been put under investigation"
    named = parties(head, ctx)[0]
    if _one_of(head, entry_set("status.txt", "part verbs")) and not named:
        named = _named(_children(head, ("nsubjpass",)), ctx)  # "were engaged in cleansing"
    subj = _subject(head)
    if subj is not None and subj.i == tok.i:  # "Protests broke out": the deed is its clause's
        named = [a for a in named if a != act.actor(tok, ctx)]  # subject, not its doer
    held = tok.dep_ == "pobj" and tok.head.lower_ == "in" and _one_of(
        tok, entry_set("status.txt", "state nouns"))  # "he is in custody": he is held
    return ([], named) if held or _one_of(head, entry_set("status.txt", "suffered verbs")) else (
        named, [])


def _expulsion(event: Event) -> Event:
    """Deporting people is COERCE; forcing out a body (a UN agency, an NGO, a company, an
    embassy's diplomats) is PLOVER's SANCTION "expel" ("Jakarta forced the UN refugee agency
    out of the country")."""
    if event.type == "COERCE" and event.mode == "deport" and event.recipients and all(
            r.sector in EXPELLED for r in event.recipients):
        return replace(event, type="SANCTION", mode="expel")
    return event


def _repression(event: Event, trig: Trigger) -> Event:
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


def _as_plover(event: Event, tok: Any, trig: Trigger) -> Event:
    """PLOVER's rules for what is promised or refused: future cooperation is AGREE, a future
    coercive act or anything promised "unless" a demand is met is a THREATEN of that kind, a
    cooperative act negated is a REJECT."""
    if event.status in ("planned", "hypothetical") and _ultimatum(tok):
        mode = THREAT_MODES.get(event.mode or "", FUTURE_CONFLICT.get(event.type, "relations"))
        return replace(event, type="THREATEN", mode=mode, status="planned")
    if event.status in ("planned", "hypothetical") and event.type in FUTURE_COOPERATION and not (
            _scheduled_present(_going_on(_clause(tok)))):  # "holds a hearing Wednesday": due
        return replace(event, type="AGREE", mode=None)  # "would meet him if he ...": an offer
    if event.status in ("planned", "hypothetical") and event.type in FUTURE_CONFLICT and not (
            _scheduled(tok) or _enacted(tok)):  # "was set to begin shutting off power": due
        mode = THREAT_MODES.get(event.mode or "", FUTURE_CONFLICT[event.type])
        return replace(event, type="THREATEN", mode=mode, status="planned")
    if event.status == "denied" and event.type in COOPERATIVE:
        return replace(event, type="REJECT", mode=None, status="occurred")
    return event


def _enacted(tok: Any) -> bool:
    """The deed is what a law or a bill would do ("the Act, under consideration by the US
    Senate, would impose sanctions"): its provision, no one's threat."""
    subj = _subject(tok)
    return subj is not None and _one_of(subj, entry_set("status.txt", "enactments"))


def _enactors(tok: Any, ctx: act.ArticleContext) -> list[Actor]:
    """Who makes the law that would do the deed: the party "by" whom its subject is
    considered, passed or proposed."""
    subj = _subject(tok)
    around = [t for c in [subj, *_children(tok, ("prep",))] if c is not None for t in c.subtree]
    agents = [t for t in around if t.dep_ == "pobj" and t.head.lower_ == "by"]
    return [a for a in (act.actor(t, ctx) for t in agents[:1]) if a is not None]


def _scheduled(tok: Any) -> bool:
    """The deed is on a calendar: its clause depends on "set", "scheduled" or "due" to."""
    t = tok
    while t.dep_ == "xcomp" and t.head.i != t.i:
        t = t.head
        if _one_of(t, entry_set("status.txt", "scheduled verbs")):
            return True
    return False


def practices(sent: Any, every: list[Found], body: str, ctx: act.ArticleContext,
              parties_of: Callable[[Any], tuple[list[Actor], list[Actor]]]) -> list[Event]:
    """A practice of repression or violence a source describes is its accusation of those who
    do it: "'Authorities in Kazakhstan have long restricted the right to peaceful protest,'
    said a researcher for Human Rights Watch" -> ACCUSE by Human Rights Watch of the
    authorities (the practice itself is no one event)."""
    out: list[Event] = []
    for f in every:
        if f.trigger.type not in PRACTICES or not _habitual(f.token):
            continue
        speaker = ctx.speaker_at(f.token.idx)
        if speaker is None:
            continue
        head = f.token if _verbal(f.token) else _clause(f.token)
        start, end = _evidence(head, body)
        out.append(Event(type="ACCUSE", mode="allege", evidence=body[start:end], start=start,
                         end=end, actors=(act.speaker_actor(speaker, ctx),),
                         recipients=tuple(parties_of(f.token)[0]),
                         place=place_of(head, sent, ctx)))
        break  # one accusation per sentence
    return out


def requests(sent: Any, body: str, ctx: act.ArticleContext) -> list[tuple[Any, Event]]:
    """A reported "must"/"should" clause is a demand: "Russia said Sudan must return the
    helicopter" -> REQUEST by Russia of Sudan."""
    out: list[tuple[Any, Event]] = []
    musts = entry_set("status.txt", "requested auxiliaries")
    for tok in sent:
        if tok.dep_ != "ccomp" or _lemma(tok.head) not in cues():
            continue
        if not any(c.dep_ == "aux" and c.lower_ in musts for c in tok.children):
            continue
        if _thing_subject(tok):
            continue  # "the weather should ease": a forecast, not a demand
        if any(c.lower_ in ("we", "i") for c in _children(tok, SUBJECTS)):
            continue  # "we must teach the defendant love": what the speaker owes, no demand
        subj = _subject(tok.head)
        doers = _named([subj], ctx) if subj is not None else []
        target = _children(tok, ("nsubj",))
        start, end = _evidence(tok, body)
        out.append((tok, Event(type="REQUEST", evidence=body[start:end], start=start, end=end,
                               actors=tuple(doers), recipients=tuple(_named(target, ctx)),
                               place=place_of(tok, sent, ctx))))
    return out


def _descriptive(f: Found, every: list[Found], news: bool = True) -> bool:
    """A word that describes a party rather than telling what happened: a noun naming a kind
    of thing ("a detention centre", "a rescue mission") or a right ("the right to protest"),
    and for the news (``news``) a participle used as an adjective ("detained migrants") or a
    relative clause ("the leader, who resigned after 30 years"), which tell of something that
    happened but not as news. A relative clause on a party of another deed of the sentence goes
    on with its story ("was besieged by police, who fired round after round of teargas"). A
    relative clause on a thing is kept ("an IED that killed five civilians")."""
    tok = f.token
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "of") and _one_of(
            tok.head.head, entry_set("status.txt", "right nouns")):
        return True  # "their right to peaceful protest", "freedom of assembly": a right
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and len(f.trigger.words) == 1:
        deeds = entry_set("quantities.txt", "dead words") | entry_set(
            "quantities.txt", "injured words") | entry_set("status.txt", "deed heads")
        return _lemma(tok.head) not in deeds  # "stab wounds", "artillery fire" tell the deed
    if not news:
        return False
    if tok.dep_ == "amod":
        return True
    if tok.tag_ in ("VBN", "JJ") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(
            c.dep_ == "det" for c in tok.children):
        return True  # "evacuated the wounded": people, named by what befell them
    head = tok if _verbal(tok) else _clause(tok)
    while head.dep_ == "conj" and _verbal(head.head) and not _children(head, SUBJECTS):
        head = head.head  # "a girl who was ripped from her mother's arms and kidnapped"
    if head.dep_ != "relcl":
        return False
    party = head.head
    if party.lower_ in INDEFINITE:
        return True  # "will do anything you ask him to": no deed in particular
    if any(c.lower_ in ("where", "when") and c.dep_ == "advmod" for c in head.children):
        # "the facility where Epstein was held" tells of the place; ", where police fired"
        # goes on with the story
        return bool(head.left_edge.i > 0 and head.doc[head.left_edge.i - 1].text != ",")
    who = any(c.lower_ in ("who", "whom") for c in head.children)  # a person, however parsed
    if not (who or party.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or act.sector_of([party.text])):
        return False  # "an IED that killed five civilians", "evidence they used gas"
    deed = party.head.head if party.head.dep_ in ("agent", "prep") else party.head
    restrictive = head.left_edge.i > 0 and head.doc[head.left_edge.i - 1].text not in (
        DASHES | {",", "("})  # "the man who kidnapped the child ... was sentenced"
    told = [g for g in every if g is not f and g.token.i == deed.i]
    return not told or (restrictive and all(  # "herdsmen who attacked their communities"
        g.trigger.type != f.trigger.type for g in told))  # tell the attack they made


def _topic(tok: Any) -> bool:
    """A noun or "-ing" trigger that is what a clause talks about rather than a happening it
    tells: the object of a verb that does not tell it ("avoid criticism", "faced a probe",
    "recommend holding people"), the noun after a topic preposition ("talked about
    investigations"), the subject of "be" ("the allegations are false"), a state after a noun
    ("children in federal custody"), the object of an infinitive that says what a party has
    the power or the plan to do ("the power to end the unrest")."""
    if tok.tag_ == "VBG" and tok.dep_ in ("dobj", "xcomp") and tok.head.pos_ == "VERB":
        return not _one_of(tok.head, entry_set("status.txt", "light verbs")
                           | entry_set("status.txt", "told verbs")
                           | entry_set("status.txt", "ongoing verbs"))
    if _verbal(tok) or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
        return _topic(tok.head)  # "we have tried petitions and marches": both talked about
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and _one_of(
            tok, entry_set("status.txt", "state nouns")) and (
            tok.head.head.pos_ in ("NOUN", "PROPN") or (  # "the deaths of children in CBP
                tok.head.head.dep_ == "acl" and tok.head.head.tag_ == "VBN")):  # custody",
        return True  # "migrant families held in CBP custody"; not "he is in custody"
    if tok.dep_ == "dobj":
        return not _one_of(tok.head, entry_set("status.txt", "light verbs")
                           | entry_set("status.txt", "told verbs")) or (
            tok.head.dep_ in ("acl", "relcl") and _purpose(tok.head))  # "has the power to end the
        # unrest": what it could do; "used force to crush protests" crushed them
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "for") and _one_of(
            tok.head.head, entry_set("status.txt", "outlook nouns")):
        return True  # "hope for the success of peace negotiations": talks still to come
    if tok.dep_ == "pobj":
        return tok.head.lower_ in entry_set("status.txt", "topic prepositions")
    return tok.dep_ in ("nsubj", "nsubjpass") and _lemma(tok.head) == "be"


def _charged(tok: Any) -> bool:
    """A deed told as what a charge, an allegation or a theory says ("pleaded guilty to charges
    he threatened to kill", "the allegation that he took bribes", "theories suggesting he had
    been murdered"), or as what someone is charged with, convicted of or pleads guilty to
    ("pleading guilty to threatening to assault"), or admits having done ("admitting that
    after fighting off the child's mother, he drove ..."): the charge is the news, if any."""
    head = tok if _verbal(tok) else _clause(tok)
    if head.dep_ == "ccomp" and head.head.dep_ == "acl":  # "theories suggesting he had been
        head = head.head  # murdered": what the theories say
    if head.dep_ in ("relcl", "acl") and _one_of(head.head, entry_set("status.txt",
                                                                      "charge nouns")):
        return True
    if any(t.dep_ == "ccomp" and _one_of(t.head, CONFESSING) for t in (head, *head.ancestors)):
        return True  # "admitting that after fighting off the child's mother, he drove": what
        # a suspect confesses to is the crime charged
    t = tok  # "pleading guilty to threatening to assault and murder": up to the preposition
    while t.dep_ in ("conj", "xcomp", "pobj", "pcomp", "prep") and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ in ("to", "of", "with", "for") and (_one_of(
                t.head, entry_set("status.txt", "charging words")) or any(
                c.lower_ == "guilty" for c in t.head.children)):  # "pleaded guilty on
            return True  # Monday to threatening"
        t = t.head
    return False


def _setting(f: Found) -> bool:
    """A talk, a deal or a statement named as where or when another clause's deed happened
    ("recounted in a cabinet meeting", "announced the deal during a meeting", "left a meeting
    in Hanoi"): the setting of that deed, not news of its own; and any deed named as what
    another happens amid or because of ("cancelled because of protests")."""
    tok = f.token
    if _verbal(tok) or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in entry_set("status.txt", "context prepositions") or (
            prep.lower_ == "of" and prep.head.lower_ == "because"):
        return True
    return f.trigger.type in VERBAL and (prep.head.pos_ == "VERB" or prep.lower_ == "during") and (
        prep.lower_ in entry_set("status.txt", "setting prepositions"))  # "rioting during a summit"


def _condition(tok: Any) -> bool:
    """``tok`` lies in the condition of another event ("would meet him if he gave them a
    veto", "unless Baghdad accepted its conditions", "until their demands are met", "before
    they demobilize"): what is asked for, not what happened."""
    t = tok
    while t.head.i != t.i:
        marks = {c.lower_ for c in _children(t, ("mark",))} if t.dep_ == "advcl" else set()
        if marks & {"if", "unless"}:
            return True
        if marks & {"until", "before"} and any(
                w.tag_ in ("VBP", "VBZ", "MD") for w in (t, *_children(t, ("aux", "auxpass")))):
            return True  # "will stay until their demands are met", "want guarantees before
            # they demobilize", "before the administration would agree"; not "until police came"
        t = t.head
    return False


def _ultimatum(tok: Any) -> bool:
    """"will withdraw its troops unless ...": a demand backed by a threat."""
    clause = tok if _verbal(tok) else _clause(tok)
    return any(m.dep_ == "mark" and m.lower_ == "unless"
               for c in _children(clause, ("advcl",)) for m in c.children)


def _habitual(tok: Any) -> bool:
    """"have long restricted", "routinely beat", "a pattern of killings": a practice
    described, not one event."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _one_of(
            tok.head.head, entry_set("status.txt", "practice nouns")):
        return True  # "a harrowing pattern of unlawful killings"
    head = tok if _verbal(tok) else _clause(tok)
    return any(c.dep_ == "advmod" and c.lower_ in HABITUAL and not (
        c.lower_ == "repeatedly" and _on_one_occasion(head)) for c in head.children)


def _on_one_occasion(head: Any) -> bool:
    """A deed done again and again on the occasion a past clause tells ("Sasse told Sawyer,
    repeatedly calling for an explanation"), not over a stretch of time ("has repeatedly
    accused")."""
    if head.tag_ == "VBG" and head.dep_ == "advcl":
        return bool(head.head.tag_ == "VBD")
    return bool(head.tag_ == "VBD") and not _children(head, ("aux",))


def _in_a_dated_war(head: Any) -> bool:
    """The clause is set in a named event that carries its year ("seized the territories in
    the 1967 Six-Day War"): history, in a report that gives no date of its own to tell."""
    return any(t.ent_type_ == "EVENT" and YEAR_WORD.fullmatch(t.text) and t.head.ent_type_ == (
        "EVENT") and t.head.dep_ == "pobj" and t.head.head.lower_ in TIME_PREPS
        for t in head.subtree)


def _latest_day(body: str) -> str | None:
    """The latest full date the text gives ("November 19, 2019"), the story's time in a report
    that gives no publication date."""
    days = [d for d in (resolve(m.group(0), None) for m in FULL_DATE.finditer(body)) if d]
    return max(days) if days else None


def _latest_year(body: str) -> str | None:
    years = [int(y) for y in re.findall(r"\b(?:19[5-9]\d|20\d\d)\b", body)]
    return f"{max(years)}-12-31" if years else None


def _actor_tokens(tok: Any, head: Any) -> list[Any]:
    out = []
    for t in (tok, head):
        subj = _subject(t) if t.pos_ in ("VERB", "AUX") else None
        if subj is not None:
            out.append(subj)
        out += [c for c in t.children if c.dep_ in ("poss", "compound") or (
            c.dep_ == "prep" and c.lower_ == "by")]
    return [c for t in out for c in ([t] + [p for p in t.children if p.dep_ == "pobj"])]


def _instrument(trig: Trigger, sent: Any) -> str | None:
    if trig.type != "ASSAULT":
        return None
    table = sections("instruments.txt")
    text = " " + " ".join(t.lower_ for t in sent if t.lower_ != "-") + " "
    for mode, words in table.items():  # whole words: "fire" is not "fired"
        if any(f" {w} " in text or f" {w}s " in text for w in words):
            return mode
    return None


def _happening(e: Event) -> tuple[object, ...]:
    """Type, mode and parties of an event, each doer by its head word and country ("Federal
    prosecutors" and "prosecutors" of one country are one party)."""
    return (e.type, e.mode, frozenset((a.name.lower().split()[-1], a.country)
                                      for a in e.actors if a.name.split()),
            frozenset(a.name.lower() for a in e.recipients))


def _unnamed(e: Event) -> bool:
    """The event's doer is the one ``defaults.txt`` gives a deed nobody is named for."""
    default = default_actor(e.type, "", e.mode, tuple(a.name for a in e.recipients))
    return default is not None and [(a.name, a.sector) for a in e.actors] == [default]


def merge(events: list[Event]) -> list[Event]:
    """The same happening told twice is one event: same type, mode, parties and place; told
    again without its parties, or with nobody named for it where the other names its doer,
    shares its sufferers or names none ("a deadly stabbing on a commuter train ... a man has
    been stabbed to death on a commuter train"), it is the earlier one of its type, which takes
    the parties it lacked."""
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
            anyone = not prev.recipients and e.type not in REACTIONS  # "150 Indians returned
            # after being deported ... 'I have been deported'": the deed, now with its sufferer
            again = not e.actors and (same_party or anyone) and prev.type == e.type and (
                e.mode is None or e.mode == prev.mode)  # "the deaths were caused by ..."
            told = prev_key == key or (prev_key[:3] == key[:3] and not e.recipients)
            faceless = prev.type == e.type and prev.mode == e.mode and (
                (_unnamed(e) and (same_party or not prev.recipients))
                or (_unnamed(prev) and shared))
            if (told or again or faceless) and same_place and same_day:
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


def _itemised(events: list[Event]) -> tuple[list[Event], list[Event]]:
    """The events without a count the story goes on to tell one by one: "Police arrested six
    people Monday" before "Officers arrested Elizabeth A. Burton ... Officers also arrested
    Christopher L. Tays ..." sums up the arrests told after it, each a happening of its own.
    It takes ``ITEMS`` later events of its type and mode, of its day or none, each done to
    people named, no more than it counts. Returns the events kept and those left out."""
    def named(e: Event) -> bool:
        return bool(e.recipients) and all(a.name[:1].isupper() and len(a.name.split()) > 1
                                          for a in e.recipients)

    out: list[Event] = []
    summed: list[Event] = []
    for n, e in enumerate(events):
        items = [o for o in events[n + 1:] if (o.type, o.mode) == (e.type, e.mode)
                 and o.date in (None, e.date) and named(o)]
        summing = bool(e.arrested and e.recipients and not named(e)) and (
            ITEMS <= len(items) <= (e.arrested or 0))
        (summed if summing else out).append(e)
    return out, summed


def anchor(events: list[Event], days: Sequence[tuple[int, str]] = ()) -> list[Event]:
    """An event the text gives no day for happened when the story's last dated event did (a
    report's narrative time: "Police arrested six people Monday. ... Officers also arrested
    ..."); what comes before any dated event stays undated. ``days`` are (offset, day) of
    sentences that give a day but tell no event of their own."""
    out: list[Event] = []
    last: str | None = None
    marks = sorted(days)
    for e in events:
        while marks and marks[0][0] <= e.start:
            last = marks.pop(0)[1]
        if e.date is not None:
            last = e.date
        elif last is not None and e.status == "occurred":
            e = replace(e, date=last)
        out.append(e)
    return out


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
    frame = (published or _latest_day(body), _latest_year(body))  # what dates are told against
    for sent in doc.sents:
        if _heading(sent, body):
            continue
        paragraph = body.rfind("\n", 0, sent.start_char)
        if paragraph != last_paragraph:
            last_paragraph, history = paragraph, False
        told = code_sentence(sent, body, ctx, published, earlier, each_mention, homes, history)
        history = _past_frame(sent, published, frame, history)
        earlier.update((key, e) for e in told if e.actors for key in (e.type, f"{e.type} {e.mode}"))
        events += told
        day = None if told else _day_of(sent, published)
        if day is not None:
            days.append((sent.start_char, day))
    if not each_mention:
        events, summed = _itemised(merge(events))
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


def _past_frame(sent: Any, published: str | None, frame: tuple[str | None, str | None],
                before: bool) -> bool:
    """Whether the story is in the past after ``sent``: it names a year or more before the
    report (two without a publication date, against the latest year the story names), or a
    month with no day ``BACKGROUND_DAYS`` before ("as of 2016", "in a letter in May"); a
    sentence that names no such time keeps the frame ``before`` it, one that names another
    time ends it. ``frame`` is the story's day (published, else its latest full date) and its
    latest year."""
    words = [e.text for e in sent.ents if e.label_ == "DATE" and not (  # not "since 2016":
        e.start > 0 and e.doc[e.start - 1].lower_ == "since")]  # what has gone on since goes on
    if not words:
        return before
    day, year = frame
    return any((years_before(w, published) >= 1 if published else years_before(w, year) >= 2)
               or (not DAY_NUMBER.search(w) and days_before(w, day) >= BACKGROUND_DAYS)
               for w in words)


def _had_been_doing(head: Any) -> bool:
    """The narrative tells the clause as what had been going on before its story, of its own
    and not as what someone said ("Washington and the Taliban had been holding direct talks")."""
    verb = head if _verbal(head) else head.head
    aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return verb.tag_ == "VBG" and "had" in aux and "been" in aux and not any(
        _lemma(t) in cues() for t in verb.ancestors)


def _simple_past(head: Any) -> bool:
    """The clause is told in the simple past ("Jordan closed its borders"), not as what goes
    on or has been done by now."""
    verb = head if _verbal(head) else head.head
    return verb.tag_ == "VBD" and not _children(verb, ("aux", "auxpass"))


def _heading(sent: Any, body: str) -> bool:
    """A short line of its own with no closing stop ("Overcrowded conditions worsen risk",
    "Indictments unsealed as head of prison agency testified before Congress"): a subhead or a
    related story's headline, not the report's narrative; a text of one line is its own story
    (a snippet, a post)."""
    line_start = body.rfind("\n", 0, sent.start_char) + 1
    line_end = body.find("\n", sent.start_char + len(sent.text.rstrip()))
    line = body[line_start:len(body) if line_end < 0 else line_end].strip()
    return line == sent.text.strip() and line != body.strip() and len(
        line.split()) <= HEADING_WORDS and not SENTENCE_END.search(line)


def _day_of(sent: Any, published: str | None) -> str | None:
    """The day a sentence that tells no event gives ("On Monday, the paper warned ...")."""
    return _first_day([e.text for e in sent.ents if e.label_ == "DATE"], published)


def _first_day(words: list[str], published: str | None) -> str | None:
    return next((d for d in (resolve(w, published) for w in words) if d), None)
