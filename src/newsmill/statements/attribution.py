"""Attributed statements from the spaCy parse: reporting clauses, direct quotes and
"according to" attributions.

1. A reporting verb (``cues.txt``) with a clausal complement: the complement is an indirect
   statement ("he said the government had got the message"), mixed when it holds a quotation.
   For the verbs in ``object_cues.txt`` the object and what follows is the statement ("accused
   the UK of meddling"). A reporting verb set off by commas inside the clause it reports
   ("The landers, he said, could deliver tools") makes each side that is a clause a
   statement. "X reported ..." is ``according_to`` (``SOURCED``).
2. A quotation outside those: direct. Its speaker is the subject of the nearest reporting verb
   in the sentences around it and in its paragraph ("...," she said / X said: "..."); a
   quotation opening a sentence of its own belongs to the speaker of the statement before it.
3. "according to X": the rest of the clause, attributed to X.

The speaker is the subject of the reporting verb (of the clause a participle hangs from),
named by the entity it holds (fullest form in the article), the person a pronoun or a role
noun stands for ("he", "the governor"), the organisation "it" or "the agency" stands for, or
the noun phrase itself with its restrictive clauses ("a doctor on the scene" -> "doctor on the
scene").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from newsmill.nlp import entity_of, ents_of, text_of
from newsmill.records import Statement
from newsmill.statements.quotes import PAIRS, Quote, find_quotes
from newsmill.statements.speakers import (
    DATELINE_OPENING,
    GROUP_PRONOUNS,
    HONORIFICS,
    PERSON_PRONOUNS,
    RECENT_CHARS,
    SUFFIXES,
    Entities,
    body_nouns,
    country_names,
    data_lines,
    dictionary_word,
    first_names,
    fronted,
    names_body,
    person_lemma,
    person_noun,
    place_name,
    strip_determiner,
    title_word,
    titles,
    word_list,
)

SUBJECTS = ("nsubj", "nsubjpass")
DATELINE_MARKS = frozenset({"—", "–", "-", "--", ":"})  # what ends a dateline
RELATIVES = frozenset({"who", "that", "which"})
ISSUED = frozenset({"statement", "release", "report", "communique", "communiqué"})  # what a
# body issues and then "says"
COMPANIES = frozenset({"company", "firm", "corporation"})  # "the company" is never a person
# the article called one ("M1 Limited, a company with ...", tagged a person)
COMPLEMENTS = ("ccomp",)
ADDRESSED = frozenset({"tell", "ask", "inform", "remind", "assure", "warn", "urge", "notify"})
OBJECT_PARTS = ("dobj", "prep", "xcomp", "oprd", "ccomp", "advcl")
QUOTING = frozenset({"quote", "cite"})  # "was quoted as saying": the quoted one speaks
MISQUOTED = frozenset({"falsely", "wrongly", "incorrectly", "erroneously", "mistakenly",
                       "never", "misleadingly"})  # "was falsely quoted as saying": never said
STUDIES = frozenset({"study", "survey", "poll", "analysis", "count", "tally"})  # what
# they are "of" is what was studied
SOURCED = frozenset({"report"})  # "X reported ...": a fact on X's word (the guidelines)
WRITERS = frozenset({"that", "this", "i", "you", "we", "one", "all"})  # "That said", "I would
# say", "we must admit", "one might argue", "all told": the writer's hedges, no one's report
CONTRASTS = frozenset({"but", "yet", "though", "although", "while", "whereas"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "such"})
QUESTIONS = frozenset({"ask", "wonder"})  # "Why, she asked, should ...": a question
MAX_SPEAKER_WORDS = 12
CLOSING_MARKS = frozenset(PAIRS.values()) | {"”"}  # a quotation's last character when
# it closed (not one that ran on to the next opening mark)
ALONE_SLACK_CHARS = 3  # a quote of its own opens its sentence (a dash or mark before)
MAX_GAP_CHARS = 400  # a quote of its own this close to the last statement shares its speaker


def cues() -> frozenset[str]:
    return word_list("cues.txt")


def _span_text(tokens: list[Any]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _trim(body: str, start: int, end: int, chars: str) -> tuple[int, int]:
    """``(start, end)`` narrowed past ``chars`` (and whitespace) at both ends."""
    while start < end and (body[start] in chars or body[start].isspace()):
        start += 1
    while end > start and (body[end - 1] in chars or body[end - 1].isspace()):
        end -= 1
    return start, end


def object_cues() -> frozenset[str]:
    return word_list("object_cues.txt")


def _subject(verb: Any) -> Any | None:
    """The subject of a reporting verb, or of the clause a participle hangs from ("...,
    saying the talks had failed")."""
    addressed = verb.lemma_.lower() in ADDRESSED  # "a court martial was told": the hearer
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and not _quoted_words(c)
                and not (addressed and c.dep_ == "nsubjpass")]
    if len(subjects) > 1:  # "DURBAN, October 10 (ANA) – The ANC said": the dateline is no
        # second subject
        subjects = [c for c in subjects if _dateline_end(c) is None] or subjects
        subjects = [c for c in subjects if not fronted(c, subjects)] or subjects
    subjects = [_past_dateline(c) for c in subjects]
    if subjects:  # of two (a misparse), a person's name ("CPUC President Marybel Batjer said"),
        # and never words in quotation marks ('"concern social problems", the president said';
        # '"A lot of history there," said Buescher, who ...': "lot" is not the speaker)
        return next((c for c in subjects if c.ent_type_ == "PERSON"),
                    next((c for c in subjects if not _within_quotation(c)), subjects[0]))
    if (quoting := _quoted_as(verb)) is not None:
        return next((c for c in quoting.children  # "X was quoted as saying", "the paper
                     if c.dep_ in ("nsubjpass", "dobj")), None)  # quoted X as saying"
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    if (verb.dep_ in ("conj", "xcomp") or participle) and verb.head.i != verb.i:
        head = verb.head
        again = participle or (verb.dep_ == "conj" and (verb.lemma_.lower() in cues() or (
            verb.lemma_.lower() in directive_cues()
            and not _agent(_own_subject(verb.head)))))  # "said the deaths were caused
        # by gunshots and called on ...": the sayer calls; not "said the ministry had ... and
        # had called on ...": the ministry does
        first = head
        while (again and first.dep_ == "conj" and first.head.i != first.i
               and all(c.like_num for c in first.children if c.dep_ in SUBJECTS)):
            first = first.head  # "X told them 64 were killed and 19 kidnapped, saying ...":
        if first.dep_ in COMPLEMENTS and first.head.lemma_.lower() in cues():  # hung on
            head = first  # a second reported clause with no subject but a number
        while (again and head.dep_ in COMPLEMENTS and head.head.i != head.i
               and head.head.lemma_.lower() in cues()):  # "X noted the sum was low, writing
            head = head.head  # ...", "X said it was low and said ...": a participle or a
        return _subject(head)  # second saying verb the parse hung on what X said is X's
    return None


def _dateline_end(subj: Any) -> Any | None:
    """The dash or colon that ends ``subj`` where it opens its sentence as a dateline, a
    place and date set off by it ("DURBAN, October 10 (ANA) –", "NAIROBI, Kenya —"); not a
    hyphen in brackets ("Rep. X (D-N.Y.) said")."""
    if subj.left_edge.i != subj.sent.start or not (subj.is_upper or subj.ent_type_ == "GPE"):
        return None  # a place: "NAIROBI", "Indianapolis"; not "Sen. Ben Sasse (R-Neb.)"
    depth = 0
    for tok in subj.doc[subj.i + 1:subj.right_edge.i + 2]:
        depth += (tok.text == "(") - (tok.text == ")")
        if depth == 0 and tok.text in DATELINE_MARKS:
            return tok
    return None


def _past_dateline(subj: Any) -> Any:
    """The subject a dateline the parser took for it stands beside ("JOHANNESBURG, December 1
    (ANA) - Banking group Barclays Africa said": the group)."""
    end = _dateline_end(subj)
    if end is None:
        return subj
    return next((c for c in subj.children if c.dep_ == "appos" and c.i > end.i), subj)


def _speaking_before(pronoun: Any, ents: Entities) -> str | None:
    """The person a "him" or "her" that a paper "quoted as saying" stands for: the last one
    who was the subject of a reporting verb in the sentences just before, outside quotations
    and of the pronoun's sex where it is known ("oil minister Ali al-Nuaimi, who said ... .
    '...,' the news agency quoted him as saying")."""
    other = {"him": "f", "her": "m"}[pronoun.lower_]
    for tok in reversed(pronoun.doc[:pronoun.sent.start]):
        if pronoun.idx - tok.idx > RECENT_CHARS:
            break
        if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in cues() or ents.in_quote(tok.idx):
            continue
        subject = tok.head.head if tok.lower_ in RELATIVES and tok.head.dep_ == "relcl" else tok
        ent = entity_of(subject)
        if ent is not None and ent.label_ == "PERSON":
            name = ents.name("PERSON", ent.text, ent.start_char)
            if ents.gender(name) != other:
                return name
    return None


def _quoted_as(verb: Any) -> Any | None:
    """The verb of "was quoted as saying", "quoted him as saying", "cited X as saying" that
    ``verb`` ("saying") completes."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.i != verb.head.i:
        head = verb.head.head
        if head.lemma_.lower() in QUOTING and not any(  # not "was falsely quoted as
                c.dep_ == "neg" or c.lower_ in MISQUOTED for c in head.children):  # saying"
            return head
    return None


RELATIONAL = frozenset({"of", "for", "to", "by", "with", "from", "against", "about"})
PARTITIVES = frozenset({"one", "some", "several", "many", "most", "each", "both", "two",
                        "three", "four", "another", "none", "all"})  # "One of the speakers"


def _of_another(head: Any, words: list[Any]) -> bool:
    """The words after ``head`` relate it to someone else by a preposition outside every
    name ("a lawyer for actor Tom Hanks", "the widow of journalist Daniel Pearl"; not "a
    professor at the University of Texas", nor the partitive "One of the speakers")."""
    return any(t.i > head.i and t.lower_ in RELATIONAL and not t.ent_type_
               and not (t.lower_ == "of" and t.head.i == head.i and head.lower_ in PARTITIVES)
               for t in words)


def _name_ending(head: Any, excluded: set[int]) -> list[Any] | None:
    """The person's name that ends a subject describing its speaker by a role, where the
    tagger did not take the name for a person's ("Dube's aunt Sibongile Mkhize", "the chief
    director of collective bargaining Thembinkosi Mkalipi", "Dolby's senior director of
    broadcast imaging, Roland Vlaicu") or the parse did not make it the subject's head ("One
    of the scheduled speakers, Derrick Burts", "NPA spokesperson in North West, Frank
    Lesenyego", "University of Texas at San Antonio astrophysics professor Angela Speck"):
    two or three capitalised proper nouns after a word in lower case (or after a comma, a
    name tagged a person's), of a subject headed by a person noun ("aunt", "director") or
    by the name itself after one or ending in a person noun and the name; the name a
    person's by its first name (census) or by no word of it being a dictionary word (not
    "insurer Cigna Corp"); not a person the subject relates its head to ("a lawyer for actor
    Tom Hanks")."""
    words = [t for t in sorted(head.subtree, key=lambda t: t.i) if t.i not in excluded]
    while words and words[-1].is_punct:
        words.pop()
    run: list[Any] = []
    while words and len(run) < 4 and words[-1].pos_ == "PROPN" and words[-1].is_alpha \
            and words[-1].text[:1].isupper() and not words[-1].is_upper:
        run.insert(0, words.pop())
    while len(run) > 2 and title_word(run[0].text):  # "Lt-Col Anna Petrova", split by
        words.append(run.pop(0))  # the tokenizer at its hyphen: the rank is no part of it
    while words and (words[-1].text == "-" or (words[-1].text[:1].isupper()
                                                and title_word(words[-1].text))):
        words.pop()  # "Police spokesperson Lt-Col Anna Petrova": the rank is the role's
    comma = bool(words) and words[-1].text == ","
    if comma:
        words.pop()
    if not (2 <= len(run) <= 3 and words and words[-1].is_alpha and (
            (words[-1].is_lower and words[-1].pos_ in ("NOUN", "ADJ"))  # not "lawyers for
            or (comma and run[0].ent_type_ == "PERSON"))):  # Ozy Media"
        return None
    if any(t.ent_type_ in ("GPE", "LOC", "FAC", "NORP") for t in run) or any(
            t.dep_ in ("cc", "conj") for t in [*words, *run]):  # not "authors like X and Y"
        return None
    if head in run and any(t.ent_type_ == "PERSON" for t in run):
        return None  # a tagged name heading its subject is read as such, titles and all
    if head not in run and ((person_noun(words[-1]) and _of_another(head, words)) or (any(
            a.dep_ == "pobj" and a.head.lower_ != "of" for a in [run[-1], *run[-1].ancestors]
            if head in a.ancestors) and any(t.ent_type_ in ("ORG", "GPE") for t in run))):
        return None  # another person: "a lawyer for actor Tom Hanks", "the widow of
        # journalist Daniel Pearl", "an analyst at brokerage Morgan Stanley"
    role = person_noun(head) or (head in run and any(person_noun(t) for t in words)) or (
        head not in run and person_noun(words[-1]))
    named = run[0].ent_type_ == "PERSON" or run[0].lower_ in first_names() or not any(
        dictionary_word(t.text) for t in run)
    return run if role and named else None


def _portfolio_holder(head: Any, excluded: set[int]) -> list[Any] | None:
    """The name that ends a subject naming an office by what it is of or for, which the parse
    did not make the subject's head: a capitalised title or role, "for", "of" or "at", what the
    office is of (a portfolio, a body, a place: the word before the name a capitalised word
    that is no title, or a noun for no person) and two or three words of a person's name, by
    its first name, by the tagger or by no word of the dictionary in it ("The Minister for
    Foreign Affairs Naledi Pandor", "the Commissioner for Peace and Security Smail Chergui",
    "Director of the African desk at the foreign ministry Jean Dufresne"). Not a person the
    office serves or speaks for ("Spokesman for President Cyril Ramaphosa", "the lawyer for
    Oscar Pistorius", "the father of slain activist John Roe"), nor a body ("an analyst at
    brokerage Morgan Stanley")."""
    lemma = head.lemma_.lower()
    if not (head.text[:1].isupper() and (lemma in titles() or person_lemma(lemma))):
        return None
    words = [t for t in sorted(head.subtree, key=lambda t: t.i) if t.i not in excluded]
    while words and words[-1].is_punct:
        words.pop()
    after = next((i for i, t in enumerate(words) if t.head.i == head.i and t.dep_ == "prep"
                  and t.lower_ in ("for", "of", "at")), None)
    if after is None or words[after].i < head.i:
        return None
    rest = words[after + 1:]
    if all(t.lower_ in ("and", "&") or (t.is_alpha and t.text[:1].isupper() and not t.is_upper)
           for t in rest):  # a portfolio in capitals: "for Peace and Security"
        for size in (3, 2):
            name, portfolio = rest[-size:], [t for t in rest[:-size]
                                             if t.lower_ not in ("and", "&")]
            if (len(rest) > size and portfolio and rest[-size - 1].lower_ not in ("and", "&")
                    and any(dictionary_word(t.text) for t in portfolio)
                    and not any(t.lower_ in titles() or t.lower_ in first_names()
                                for t in portfolio)
                    and (name[0].lower_ in first_names() or not any(
                        dictionary_word(t.text) for t in name))):
                return name
    spelled = _spelled_words(rest)  # words as written: "Jean-Baptiste" is one
    tries = [(size, strong) for strong in (True, False) for size in (3, 2)]
    for size, strong in tries:  # a name known by its first name or the tagger first
        if len(spelled) <= size:
            continue
        name = [t for word in spelled[-size:] for t in word]
        texts = ["".join(t.text for t in word) for word in spelled[-size:]]
        before = [word for word in spelled[:-size] if word[-1].lower_ not in ("and", "&")]
        if not before or not all(w[:1].isupper() and not w.isupper() and w.replace(
                "-", "").replace("'", "").isalpha() for w in texts) or any(
                t.ent_type_ in ("ORG", "GPE", "LOC", "FAC", "NORP") for t in name):
            continue
        known = (all(t.ent_type_ == "PERSON" for t in name if t.is_alpha)
                 or texts[0].lower() in first_names())
        if not (known if strong else not any(dictionary_word(w) for w in texts)):
            continue
        last = before[-1][-1]
        if last.text[:1].isupper() and last.is_alpha and not last.is_upper:
            fits = last.lower_ not in titles() and last.lower_ not in first_names()
        else:
            fits = (last.is_upper and last.is_alpha) or (
                last.pos_ == "NOUN" and last.is_lower and not person_noun(last))
        return name if fits else None
    return None


def _envoy_holder(head: Any, excluded: set[int]) -> list[Any] | None:
    """The name that ends a subject naming a person by whom they are sent or accredited to,
    or where they hold their role, which the parse hangs on "to" or "in" with the place
    before it ("The US ambassador to Kenya Meg Whitman", "U.S. special envoy to Ukraine Kurt
    Volker", "Russia's Permanent Representative to the United Nations Vitaly Churkin", "DA
    leader in North West Joe McGluwa"): a person noun or title, "to" (or "in" after a person
    noun), a place or body in capitals, and a name of two or three words whose first is a
    first name; not a person the speaker serves ("a spokesman to President Jacob Zuma")."""
    if not (head.lemma_.lower() in titles() or person_lemma(head.lemma_.lower())):
        return None
    to = next((c for c in head.children if c.dep_ == "prep" and c.i > head.i and (
        c.lower_ == "to" or (c.lower_ == "in" and person_noun(head)))), None)  # "DA leader
    # in North West Joe McGluwa"
    obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if obj is None or any(c.dep_ == "conj" for c in obj.children):
        return None  # not "a nurse in Durban Precious Mthembu and her colleague Sarah Naidoo"
    rest = [t for t in sorted(obj.subtree, key=lambda t: t.i) if t.i not in excluded]
    if rest and rest[0].lower_ == "the":
        rest = rest[1:]
    if not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in rest):
        return None  # "to Nairobi" with no name after; not a clause or a list
    for size in (3, 2):
        name, place = rest[-size:], rest[:-size]
        if place_name(" ".join(t.text for t in [*place, name[0]])):
            continue  # "in Buenos Aires Diego Fernandez": not "Aires Diego Fernandez"
        if (place and name[0].lower_ in first_names() and name[0].lower_ not in titles()
                and not any(t.lower_ in titles() for t in place)  # not "a spokesman to
                # President Jacob Zuma"
                and (" ".join(t.text for t in place) in country_names()
                     or not any(t.lower_ in first_names() for t in place))):
            return name
    return None


def _spelled_words(tokens: list[Any]) -> list[list[Any]]:
    """``tokens`` grouped into the words they were written as (no space between: "Jean",
    "-", "Baptiste")."""
    out: list[list[Any]] = []
    for t in tokens:
        if out and not out[-1][-1].whitespace_ and out[-1][-1].i + 1 == t.i:
            out[-1].append(t)
        else:
            out.append([t])
    return out


def _within_quotation(tok: Any) -> bool:
    """``tok`` stands inside a quotation its sentence opened before it and has not closed."""
    marks = [t for t in tok.doc[tok.sent.start:tok.i] if t.is_quote and t.text != "'"]
    return len(marks) % 2 == 1


def _names_person(tok: Any) -> bool:
    """``tok`` is a name the tagger took for a person's, or two or three capitalised words it
    took for an organisation's."""
    if tok.ent_type_ == "PERSON":
        return True
    ent = entity_of(tok)
    words = ent.text.split() if ent is not None and ent.label_ == "ORG" else []
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and not w.isupper() for w in words)


def _named_after(verb: Any) -> Any | None:
    """The person named after a saying verb that follows what was said, where the parse found
    no subject ("Job cuts will be announced this week, said the company's executive chair
    Marcelo Claure"): the first person's name in the words the verb heads after it."""
    for ent in ents_of(verb.doc):
        if (ent.label_ == "PERSON" and ent.start > verb.i
                and verb.left_edge.i <= ent.root.i <= verb.right_edge.i
                and not any(t.is_punct and t.text in ".;" for t in verb.doc[verb.i:ent.start])):
            return ent.root
    return None


def _quoted_words(tok: Any) -> bool:
    """``tok`` heads words in quotation marks (a closing mark the parse hung on it aside)."""
    words = list(tok.subtree)
    after = tok.doc[words[-1].i + 1] if words[-1].i + 1 < len(tok.doc) else None
    closed = sum(t.is_quote for t in words) >= 2 or (after is not None and after.is_quote)
    return words[0].is_quote and closed


def _speaker(head: Any, ents: Entities, body: str) -> tuple[str | None, str | None, str | None]:
    """(canonical speaker, mention as written, role) of a subject token."""
    own_clause: set[int] = set()  # the clause of the reporting verb itself is never the
    if head.lower_ in RELATIVES and head.head.dep_ == "relcl":  # speaker ("a career officer
        own_clause = {t.i for t in head.head.subtree}  # who described the call as ...")
        head = head.head.head  # "Tokayev, who said ..."
    if head.lower_ in ("him", "her") and head.dep_ == "dobj" and (
            head.head.lemma_.lower() in QUOTING):  # "..., the agency quoted him as saying":
        named = _speaking_before(head, ents)  # the person who spoke just before
        return named or ents.person_before(head.idx, head.lower_), head.text, None
    if head.lower_ == "them" and head.dep_ == "dobj" and head.head.lemma_.lower() in QUOTING:
        group = _group_before(head, ents)  # "the paper quoted them as saying"
        return (_speaker(group, ents, body)[0] if group is not None else None), head.text, None
    if head.lower_ in PERSON_PRONOUNS:
        return ents.person_before(head.idx, head.lower_), head.text, None
    if head.lower_ == "it":
        return ents.body_before(head.idx, subject=True), head.text, None
    if head.lower_ == "they" and (group := _group_before(head, ents)) is not None:
        speaker, _, role = _speaker(group, ents, body)
        return speaker, head.text, role
    if head.lower_ in GROUP_PRONOUNS:
        return None, head.text, None
    if head.lemma_.lower() in word_list("spokespeople.txt") and not any(
            c.dep_ in ("prep", "compound", "poss", "amod")
            or (c.dep_ == "appos" and _names_person(c)) for c in head.children):
        org = ents.body_before(head.idx, subject=True) or ents.body_before(head.idx)
        if org is not None:  # "Customs and Border Protection did not accept the offer. A
            return f"{org} {head.text}", _phrase(head, body, set()), None  # spokesperson said"
    source = _source_of_document(head, ents)
    if isinstance(source, str):  # "his testimony", "their statement"
        return source, _phrase(head, body, set()), None
    if source is not None:  # "data from MarketAxess", "a letter signed by seven physicians",
        speaker, _, role = _speaker(source, ents, body)  # "Wolff's report", "EUNAVFOR data"
        return speaker, _phrase(head, body, set()), role
    role = None
    role_span = (0, 0)
    excluded: set[int] = set(own_clause)
    clauses: set[int] = set()  # the words of "who ..." and "representing ..." clauses
    for child in head.children:
        if child.dep_ in ("appos", "relcl", "acl"):
            sub = sorted(child.subtree, key=lambda t: t.i)
            if child.dep_ != "appos" and any(t.is_quote for t in sub):
                excluded.update(t.i for t in sub)  # a clause quoting words says something
                continue  # itself: it never names the speaker
            (clauses if _restrictive(child) else excluded).update(t.i for t in sub)
            if child.dep_ == "appos" and role is None:
                role_span = _span_text(sub)
                role = body[role_span[0]:role_span[1]]
    owner = next((c for c in head.children if c.dep_ == "conj" and _possessor(c)), None)
    if owner is not None and role is not None and owner.idx < role_span[0]:  # "Mayer,
        excluded.update(t.i for t in owner.subtree)  # Disney's chairman, said", parsed as
        role = body[owner.left_edge.idx:role_span[1]]  # "Mayer, Disney" and an apposition
    mention = _phrase(head, body, excluded | clauses)
    named = next((c for c in head.children if c.dep_ == "appos" and _names_person(c)), None)
    if named is not None and head.lemma_.lower() not in body_nouns() and (
            head.pos_ == "NOUN" or (head.pos_ == "PROPN" and not head.ent_type_)
            or (head.lower_ in PARTITIVES and any(c.lower_ == "of" for c in head.children)
                and not any(c.dep_ == "conj" for c in named.children))):  # not "Two of the
        # survivors, Amina Yusuf and Bilal Yusuf, said"
        head = named  # "the transport secretary, Ivo Lind, said", "US Ambassador to the UN
        # Linda Thomas-Greenfield said", "One of the speakers, Derrick Burts, said"; not
        # "the agency, CBP, said"
    org = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "ORG"
                and c.left_edge.i == head.i + 1), None) if head.pos_ == "NOUN" else None
    if org is not None:  # "South African mobile giant MTN said": the name after its
        head = org  # description, with no comma between
    named_kind = _name_before_kind(head)
    if named_kind is not None:  # "the Financieel Dagblad newspaper said": the name, not
        return named_kind, mention, role  # the kind of body it is
    described = _described_person(head)
    if described is not None:  # "Former FBI agent and profiler James Fitzgerald told ..."
        head = described
    ending = (_name_ending(head, excluded | clauses) or _portfolio_holder(head, clauses)
              or _envoy_holder(head, clauses))
    if ending is not None:  # "Dube's aunt Sibongile Mkhize", "the chief director of
        text = head.doc[ending[0].i:ending[-1].i + 1].text  # collective bargaining
        # Thembinkosi Mkalipi"
        return ents.person_named(text) or text, mention, role
    coordinated = any(c.dep_ == "conj" and not _possessor(c) for c in head.children)  # "X
    # and Y said": both speak; not "Mayer, Disney's chairman, said", parsed as "Mayer, Disney"
    if coordinated and (names := _named_persons(head, ents)) is not None:
        return names, mention, role
    for ent in ents_of(head.doc):  # the entity the subject's head word belongs to
        if (ent.start <= head.i < ent.end and ent.label_ in ("PERSON", "ORG", "GPE", "NORP")
                and not coordinated):
            name = ents.name(ent.label_, ent.text, ent.start_char)
            if (ent.label_ == "ORG" and (name == ent.text.strip() or name not in ents.mentions)
                    and (owner_name := _division_of(ent, body)) is not None):  # not a
                return owner_name, mention, role  # person's surname tagged ORG: "the European
                # Commission's Le Bail"
            return name, mention, role
    person = ents.person_named(mention) or (  # "Sasse"; "Wee of the Times", untagged
        ents.person_named(head.text) if head.tag_ == "NNP" and not coordinated and all(
            names_body(c) for c in head.children if c.dep_ in ("prep", "poss")) else None)
    if person is not None:
        return person, mention, role
    if _definite(head) and head.tag_ in ("NN", "NNP"):  # "the governor", "the agency"
        lemma = head.lemma_.lower()
        named = ents.person_in_role(lemma, head.idx) if lemma not in COMPANIES else None
        if named is None and lemma in body_nouns() and not any(
                c.dep_ in ("compound", "amod", "nmod", "prep") for c in head.children):
            named = _body_called(lemma, head.idx, ents)  # a bare "the agency", not "the
            # election ..."
        if named is None:
            named = _body_described(head, ents)
        if named is not None:
            return named, mention, role
    named = _the_two(head, ents)
    if named is not None:  # "The two said", the pair named before
        return named, mention, role
    named = _person_of_age(head, ents)  # "'There were people on the ledge,' the 25-year-old
    if named is not None:  # told the Guardian"
        return named, mention, role
    if _indefinite(head) and head.tag_ == "NN":  # "A transit chief says ... Interim Police
        named = ents.person_in_role_after(head.lemma_.lower(), head.idx)  # Chief Ed Alvarez
        if named is not None:  # told reporters ...": the person introduced next
            return named, mention, role
    owner = _owner(head, ents)
    if owner is not None:  # "his office" -> "Eric Holcomb's office"
        words = [t for t in sorted(head.subtree, key=lambda t: t.i)
                 if t.i not in excluded | clauses and t.dep_ != "poss" and t.i <= head.i]
        w_start, w_end = _span_text(words)
        return f"{owner}'s {body[w_start:w_end]}", mention, role
    described = _phrase(head, body, excluded)  # a description names its speaker whole:
    whole = (described if described != mention and len(described.split()) <= MAX_SPEAKER_WORDS
             else mention)  # "analysts who did the sums"
    return _full_names(_untitled(strip_determiner(whole), head), head, ents), mention, role


def _untitled(text: str, head: Any) -> str:
    """A name the tagger missed without the titles before it ("Lt-Col Anna Petrova" ->
    "Anna Petrova"): where the subject is a proper noun and the rest two to four
    capitalised words."""
    words = text.split()
    while (head.tag_ == "NNP" and 3 <= len(words) <= 5 and words[0][:1].isupper()
           and title_word(words[0]) and all(w[:1].isupper() for w in words[1:])):
        words = words[1:]
    return " ".join(words)


def _note_described(subj: Any, speaker: str | None, ents: Entities) -> None:
    """A speaker known only by a description of one person ("A diplomat in the capital said
    ...", "the survivor told the court") is the subject the next "he" or "she" goes back to
    (not "Witnesses said ...", nor a definite description that may name again a person
    the article names: ``_epithet``)."""
    if (speaker is not None and subj.dep_ in ("nsubj", "nsubjpass") and person_noun(subj)
            and subj.tag_ == "NN" and not subj.ent_type_ and speaker not in ents.mentions
            and not (_definite(subj) and _epithet(subj, ents))):
        ents.note_described_subject(subj, speaker)
    elif (speaker is not None and subj.dep_ in ("nsubj", "nsubjpass")
          and speaker in ents.mentions and subj.ent_type_ != "PERSON"):
        ents.note_named_subject(subj, speaker)  # "the director of policy Jenitha Budal"


def _epithet(noun: Any, ents: Entities) -> bool:
    """A definite description that may name again a person the article names: a title of
    office a named person holds ("the premier", "the minister"), or a noun the article never
    used before for anyone unnamed, after a sentence whose main clause a named person was the
    subject of ("Harry Kane scored twice. The striker said ..."); not "the survivor told the
    court" after "according to the sole survivor of the massacre"."""
    lemma = noun.lemma_.lower()
    if lemma in titles() and any(lemma in roles for roles in ents.roles.values()):
        return True  # "the minister" of a minister the article names
    before = [t for t in noun.doc[:noun.sent.start] if t.lemma_.lower() == lemma
              and t.pos_ == "NOUN" and not any(
                  a.ent_type_ == "PERSON" for a in (t.head, *t.children))]
    if before:
        return False
    sentence = ents.sentence_start(noun.idx)
    previous = ents.sentence_start(sentence - 1) if sentence else 0
    return any(main and name not in ents.described and previous <= at < noun.idx
               for at, name, main in ents.subjects)


def _body_described(head: Any, ents: Entities) -> str | None:
    """The organisation a definite description stands for by what the article called it where
    it named it ("airport operator Auckland International Airport Ltd. said ... the operator
    of the nation's main gateway said"), or by a body noun after nouns of its name ("The
    airport company noted"): the one organisation the article names that fits, where only one
    does and it was named before, outside quotations. Not a name ("The European Union"), nor a
    description joined to another."""
    if head.ent_type_ or any(c.dep_ == "conj" for c in head.children):
        return None
    lemma = head.lemma_.lower()
    modifiers = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod")]
    if lemma in body_nouns() and modifiers and all(c.dep_ == "compound" for c in modifiers):
        words = {c.lower_ for c in modifiers}  # a noun's: not "the central bank", which
        # names another than the European Central Bank as often
        fits = {name for _, name, _ in ents.bodies
                if words <= {w.lower() for w in _words_of(name)}}
    elif lemma not in body_nouns() and not modifiers:
        fits = {name for name, roles in ents.body_roles.items() if lemma in roles}
    else:
        return None
    before = {name for at, name, _ in ents.bodies if at < head.idx and not ents.in_quote(at)}
    return next(iter(fits)) if len(fits) == 1 and fits <= before else None


def _words_of(name: str) -> list[str]:
    return re.findall(r"[\w'-]+", name)


def _body_called(noun: str, offset: int, ents: Entities) -> str | None:
    """The organisation a bare "the group" or "the company" at ``offset`` stands for: the
    one the sentences just before had as a subject, unless it is of another kind (its name
    ends in another body noun, or the article called it another one: "the agency" is not "the
    Tufts University"); else the last one the article called ``noun`` or whose name ends in
    it; else the last one named."""
    recent = ents.body_before(offset, subject=True)
    if recent is not None and not ents.other_kind(recent, noun):
        return recent
    return ents.body_in_role(noun, offset) or ents.body_before(offset)


def _division_of(ent: Any, body: str) -> str | None:
    """An organisation named with the body it belongs to, as written: "the California
    Governor's Office of Emergency Services", "The Washington Post's Fact Checker"."""
    poss = next((c for c in ent.root.children if c.dep_ == "poss" and c.i < ent.start
                 and c.tag_ in ("NNP", "NNPS")), None)
    if poss is None:
        return None
    start = next((t for t in poss.subtree if t.dep_ != "det"), poss).idx
    return strip_determiner(body[start:ent.end_char])


def _name_before_kind(head: Any) -> str | None:
    """The proper name written before a noun of the kind of body it is ("the Financieel
    Dagblad newspaper", "the Telegraph newspaper"); not a place ("the Tokyo court") nor a
    person ("the Murdoch newspaper": its owner)."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in body_nouns():
        return None
    names: list[Any] = []
    for tok in reversed(head.doc[head.left_edge.i:head.i]):
        if (tok.dep_ != "compound" or tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON"
                or not tok.text[:1].isupper()):  # not "the foreign affairs department"
            break
        names.insert(0, tok)
    if not names or names[0].i > head.left_edge.i + 1 or (
            names[0].i > head.left_edge.i and head.doc[head.left_edge.i].dep_ != "det"):
        return None  # the name must open the phrase: not "the state-owned Reuters agency"
    if all(t.ent_type_ in ("GPE", "NORP", "LOC", "FAC") for t in names):
        return None  # a place: "the Tokyo court"; not "the New York Times newspaper"
    return str(head.doc[names[0].i:names[-1].i + 1].text)


def _described_person(head: Any) -> Any | None:
    """The name ending a coordination of bare role nouns before it, which describes one
    person ("agent and profiler James Fitzgerald"), not several ("the mayor and Ivo Lind")."""
    conjuncts = [head, *head.conjuncts]
    last = max(conjuncts, key=lambda t: t.i)
    if len(conjuncts) < 2 or last.ent_type_ != "PERSON" or not any(
            c.dep_ == "compound" and c.is_lower for c in last.children):  # "profiler X"
        return None
    if all(t is last or ((t.tag_ == "NN" or (t.tag_ == "NNP" and title_word(t.text)))
                         and not any(c.dep_ in ("det", "poss") for c in t.children))
           for t in conjuncts):  # "Ethiopian Prime Minister and AU chairperson Hailemariam
        return last  # Desalegn"
    return None


def _possessor(tok: Any) -> bool:
    """``tok`` is written with a possessive "'s" ("Disney's")."""
    return any(c.dep_ == "case" for c in tok.children)


def _named_persons(head: Any, ents: Entities) -> str | None:
    """The persons a coordination names, each by their fullest name, when it names persons
    only ("Commissioner Ana Ruiz and Rector Tom Ode, chair of the board, said" -> "Ana Ruiz
    and Tom Ode")."""
    names = []
    for tok in sorted([head, *head.conjuncts], key=lambda t: t.i):
        ent = entity_of(tok)
        if ent is None or ent.label_ != "PERSON":
            return None
        names.append(strip_determiner(ents.name(ent.label_, ent.text, ent.start_char)))
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _the_two(head: Any, ents: Entities) -> str | None:
    """The pair "the two" stands for ("Toni Molefe and Sipho Masigo defected ... The two
    said", "The two officials"): the last two persons the narrative named joined by "and"
    before the sentence. Not two bodies: "Renault and Nissan" named before "Nissan has a
    partnership with Dongfeng. The two companies ..." is not the pair."""
    number = head if head.lower_ == "two" else next(
        (c for c in head.children if c.dep_ == "nummod" and c.lower_ == "two"), None)
    if number is None or not any(c.dep_ == "det" and c.lower_ == "the"
                                 for c in (*head.children, *number.children)):
        return None
    if head is not number and not person_noun(head):
        return None  # "the two countries", "the two sides", "the two companies"
    for tok in reversed(head.doc[:head.sent.start]):
        conj = [c for c in tok.children if c.dep_ == "conj"]
        if (len(conj) == 1 and not any(c.dep_ == "conj" for c in conj[0].children)
                and not ents.in_quote(tok.idx)):
            pair = _named_persons(tok, ents)
            if pair is not None:
                return pair
    return None


def _owner(head: Any, ents: Entities) -> str | None:
    """The person or organisation a possessive pronoun before ``head`` stands for ("his
    office", "its spokesman")."""
    poss = next((c for c in head.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
    if poss is None:
        return None
    if poss.lower_ in ("his", "her"):
        return ents.person_named_before(poss.idx) or ents.person_before(poss.idx, poss.lower_)
    if poss.lower_ == "its":
        return ents.body_before(poss.idx, subject=True)
    return None


def _full_names(text: str, head: Any, ents: Entities) -> str:
    """``text`` with the persons it names by surname written in full ("Holcomb and GOP
    legislative leaders" -> "Eric Holcomb and GOP legislative leaders"), a possessor left as
    written ("representatives of Epstein's family")."""
    for ent in ents_of(head.doc):
        if (ent.label_ in ("PERSON", "ORG", "GPE") and head.left_edge.i <= ent.start
                and ent.end <= head.right_edge.i + 1
                and not any(c.dep_ == "case" for c in ent.root.children)  # "Epstein's family"
                and not (ent.root.dep_ == "compound" and ent.root.head.i == head.i
                         and head.pos_ == "NOUN")):  # a name qualifying a body: "the Obama
            # administration", "the Ramaphosa government"
            full = strip_determiner(ents.name(ent.label_, ent.text, ent.start_char))
            if full != ent.text and full.endswith(ent.text) and f" {full}" not in f" {text}":
                text = text.replace(ent.text, full, 1)
    return text


def _source_of_document(head: Any, ents: Entities) -> Any | str | None:
    """The source of a document, figures or an inquiry named as the subject or in "according
    to": the object of "from", "by" or "of" after a noun in ``documents.txt`` ("data from X",
    "a report by X", "a letter signed by X", "the policy manual of X"), its possessor ("X's
    report"; "his testimony", "their statement" by what the pronoun stands for) or a name
    before it ("EUNAVFOR data"). An inquiry
    (``inquiries.txt``) is "by" or "from" its source, or its possessor's ("new research from
    Oxford University", "the FBI's investigation") or a body's name before it ("a Reuters
    investigation"): what it is "of" and a person's name before it are what was looked into
    ("an audit of the Pentagon", "the Epstein investigation"), as what a study, a survey or a
    poll is "of" (``STUDIES``: "a poll of likely voters", "a study of twins")."""
    kind = _document_kind(head)
    if kind is None:
        return None
    inquiry = kind == "inquiries.txt"
    studied = inquiry or head.lemma_.lower() in STUDIES  # "a poll of likely voters": the
    for child in head.children:  # voters were asked, they did not poll
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "signed by", "released by"
            child = next((c for c in child.children if c.dep_ == "agent"), child)
        if child.dep_ in ("prep", "agent") and child.lower_ in (
                ("from", "by") if studied else ("from", "by", "of")):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and (obj.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
                                    or obj.tag_ in ("NNP", "NNS", "NNPS")):  # not "of 2019"
                return obj
    for child in head.children:
        if child.dep_ == "poss" and child.tag_ == "PRP$":
            if child.lower_ == "their":
                group = _group_before(child, ents)
                return _speaker(group, ents, text_of(child.doc))[0] if group is not None else None
            return _owner(head, ents)
        if child.dep_ == "poss" and child.ent_type_ in ("ORG", "PERSON", "NORP"):
            return child  # "Wolff's report", not "Thursday's report"
        if (child.dep_ == "compound" and child.i < head.i
                and child.ent_type_ in (("ORG",) if inquiry else ("ORG", "PERSON"))):
            return child  # "a Reuters investigation"; not "the Epstein investigation"
    if _definite(head) and head.dep_ in SUBJECTS and not any(
            c.dep_ in ("compound", "amod", "nmod", "prep", "acl", "relcl") for c in head.children):
        return _body_reporting_before(head, ents)  # 'X said on its website. "...," the
    return None  # statement said': the body that has just spoken


def _document_kind(head: Any) -> str | None:
    """"documents.txt" or "inquiries.txt", the list ``head`` is a noun of ("data": "datum")."""
    return next((name for name in ("documents.txt", "inquiries.txt")
                 if {head.lemma_.lower(), head.lower_} & word_list(name)), None)


def _restrictive(clause: Any) -> bool:
    """A clause that tells which people are meant ("analysts who did the sums", "a group
    representing rural counties"), not one adding a fact about them after a comma."""
    edge = clause.left_edge.i
    return clause.dep_ != "appos" and not (edge > 0 and clause.doc[edge - 1].text == ",")


def _phrase(head: Any, body: str, excluded: set[int]) -> str:
    """The words of the noun phrase ``head`` heads, without ``excluded`` ones, a date said
    with it, quotation marks and punctuation at its ends and the "both" of a coordination
    ("both analysts and sources", not "both sides"); too long, without the clauses inside it
    ("earlier studies of two cohorts [also involved in this new research]"), else its word."""
    dated = {t.i for c in head.subtree if c.dep_ == "npadvmod" and c.ent_type_ == "DATE"
             and c.head.pos_ in ("VERB", "NOUN", "PROPN")  # "a study published early this
             for t in c.subtree}  # month", "a report this year": when is not who
    dated |= {t.i for c in head.children if c.dep_ == "prep" and c.i > head.i
              and (head.ent_type_ == "PERSON" or (
                  head.pos_ == "PROPN" and not head.ent_type_ and not dictionary_word(head.text)))
              and c.lower_ in ("upon", "on", "after", "before", "during", "in", "following")
              for t in c.subtree}  # "Senong upon arrival in Johannesburg said": a name's
    # place and time are no part of it
    dated |= {t.i for c in head.children if c.dep_ == "prep" and c.i > head.i
              and c.lower_ in ("on", "at", "during") and all(
        o.ent_type_ in ("DATE", "TIME") for o in c.children if o.dep_ == "pobj") and any(
        o.dep_ == "pobj" for o in c.children) for t in c.subtree}  # "Opposition parties on
    # Tuesday said"; not "a business survey for March"
    text = _words(head, body, excluded | dated, dated)
    if len(text.split()) > MAX_SPEAKER_WORDS:
        inner = {t.i for c in head.subtree if c.dep_ in ("acl", "relcl") and c.i != head.i
                 for t in c.subtree}
        text = _words(head, body, excluded | dated | inner, dated | inner)
    return text if len(text.split()) <= MAX_SPEAKER_WORDS else head.text


def _words(head: Any, body: str, excluded: set[int], cut: set[int]) -> str:
    """The text of ``head``'s phrase without ``excluded`` words, trimmed (``_phrase``); joined
    word by word where words of ``cut`` fell inside it."""
    keep = [t for t in sorted(head.subtree, key=lambda t: t.i) if t.i not in excluded]
    while len(keep) > 1 and (keep[-1].is_punct or keep[-1].is_quote):
        keep.pop()
    opened = [n for n, t in enumerate(keep) if t.text == "("]
    if opened and opened[-1] > 0 and not any(t.text == ")" for t in keep[opened[-1]:]):
        keep = keep[:opened[-1]]  # "the mission in the Democratic Republic of Congo (DRC)":
        # the name without the acronym its closing bracket would have been trimmed from
    coordinated = any(t.dep_ == "conj" for t in keep)
    while len(keep) > 1 and (keep[0].is_punct or keep[0].is_quote or keep[0].dep_ == "preconj"
                             or (keep[0].lower_ in ("both", "all") and coordinated)):
        keep.pop(0)
    start, end = _span_text(keep or [head])
    if any(start < head.doc[i].idx < end for i in cut):
        return "".join(t.text_with_ws for t in keep).strip()
    return body[start:end]


def _body_reporting_before(tok: Any, ents: Entities) -> str | None:
    """The organisation a statement, release or report ``tok`` is issued by: the last subject
    of a reporting verb in the sentences just before, when that is an organisation and no
    other person or body is named in between outside quotations ("the State Administration
    of Mine Safety said on its website. '...,' the statement said"; not "Vantage Mining said it
    would appeal. The ruling said ...")."""
    if tok.lemma_.lower() not in ISSUED:
        return None
    for t in reversed(tok.doc[:tok.i]):
        if tok.idx - t.idx > RECENT_CHARS:
            break
        if ents.in_quote(t.idx):
            continue
        if any(a.dep_ in COMPLEMENTS and a.head.lemma_.lower() in cues() for a in t.ancestors):
            continue  # a name inside what was reported ("said the outbreak was over after
            # talks with the Red Cross")
        ent = entity_of(t) if t.ent_type_ in ("PERSON", "ORG") else None
        root = ent.root if ent is not None else t
        reports = root.dep_ in SUBJECTS and root.head.lemma_.lower() in cues()
        if reports and ent is None and t.lemma_.lower() in ISSUED:
            continue  # the same statement saying more ('"...," the statement said')
        if reports or ent is not None:  # the last to report, or another party named in
            # between ("Minister X disagreed"): a body that reported, else no one
            return ents.name("ORG", ent.text, ent.start_char) if (
                reports and ent is not None and ent.label_ == "ORG") else None
    return None


def _group_before(pronoun: Any, ents: Entities) -> Any | None:
    """The subject "they" continues: the latest plural subject ("the deportees", "Holcomb and
    the party's leaders") in the sentences just before, outside quotations."""
    doc = pronoun.doc
    for tok in reversed(doc[:pronoun.i]):
        if pronoun.idx - tok.idx > RECENT_CHARS:
            break
        if (tok.dep_ in SUBJECTS and tok.pos_ in ("NOUN", "PROPN") and not ents.in_quote(tok.idx)
                and tok.head.dep_ not in COMPLEMENTS  # not what was reported ("prices fell")
                and (tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children))):
            return tok
    return None


def _definite(head: Any) -> bool:
    """The noun phrase refers back: "the", "this", "that" or a possessive before its noun."""
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss"
               for c in head.children)


def _person_of_age(head: Any, ents: Entities) -> str | None:
    """The person a bare "the 25-year-old" stands for: the one the sentences before are about,
    unless the article gives them another age ("Tom Heller, 52,") or brought in someone else
    unnamed since ("a woman who lives next door"). Other bare descriptions ("the judge", "the
    mother") are left as written: they as often bring in someone new."""
    if (head.lower_ != "old" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                        for c in head.children)):
        return None
    year = next((c for c in head.children if c.lemma_.lower() == "year"), None)
    age = next((c.text for c in year.children if c.like_num), None) if year is not None else None
    named = ents.person_before(head.idx)
    if age is None or named is None:
        return None
    doc = head.doc
    last = max((at for at, name in ents.persons if name == named and at < head.idx),
               default=-1)
    if any(_indefinite(t) and person_noun(t) for t in doc if last < t.idx < head.idx):
        return None
    for ent in ents_of(doc):
        if (ent.label_ == "PERSON" and ents.name(ent.label_, ent.text, ent.start_char) == named
                and ent.end + 2 < len(doc) and doc[ent.end].text == ","
                and doc[ent.end + 1].like_num and doc[ent.end + 1].text != age):
            return None
    return named


def _indefinite(head: Any) -> bool:
    """The noun phrase introduces someone: "a" or "an" before its noun."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)


def _after_dateline(verb: Any) -> Any | None:
    """The clause a reporting verb reports that opens the story after its dateline, where the
    parse hung the clause on the dateline ("CAIRO (AP) — A dam burst in eastern Libya,
    killing hundreds, officials said."): the dateline, whose words ``_complement`` leaves
    out."""
    dep = next((c for c in verb.children if c.dep_ == "dep" and c.i < verb.i
                and c.left_edge.i == verb.sent.start), None)
    if dep is None or DATELINE_OPENING.match(text_of(verb.doc), dep.left_edge.idx) is None:
        return None
    return dep if any(t.pos_ in ("VERB", "AUX") for t in dep.subtree) else None


def _that_clause(verb: Any) -> Any | None:
    """A "that" clause with its own subject that the parse hung below the verb's phrase rather
    than on the verb ("told The Hill in a statement that her client ...", "tells the paper that
    he fought ..."), even as a relative clause."""
    addressed = verb.lemma_.lower() in ADDRESSED
    for tok in verb.subtree:
        if (tok.i <= verb.i or tok.dep_ not in ("acl", "ccomp", "relcl")
                or tok.head.lemma_.lower() in cues()):  # the clause of a saying verb below
            continue
        that = next((c for c in tok.children if c.lower_ == "that" and c.i < tok.i), None)
        if that is None or that.i != tok.left_edge.i:
            continue
        own_subject = any(c.dep_ in SUBJECTS and c.i != that.i for c in tok.children)
        if own_subject and (that.dep_ in ("mark", "advmod") or (addressed and that.dep_ == "dobj")):
            return tok  # "told reporters at a news conference that officials began ...", "claimed
            # at the time that they were treated well"
    return None


def _reduced_clause(verb: Any) -> Any | None:
    """The object of a saying verb that the parse took for a noun with a clause after it, where
    the writer left out "that" ("said more than 15,000 people registered"): the object, when a
    verb in the past or present tense hangs from it."""
    if verb.lemma_.lower() in object_cues() or verb.lemma_.lower() in ADDRESSED:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    for clause in obj.children:
        if (clause.dep_ in ("acl", "relcl") and clause.tag_ in ("VBD", "VBZ", "VBP", "VBN")
                and clause.left_edge.i == obj.i + 1  # the verb right after the noun, with no
                and not any(c.dep_ in SUBJECTS for c in clause.children)):  # "which" or subject
            return obj
    return None


def _complement(verb: Any, body: str) -> tuple[int, int] | None:
    """The statement a reporting verb introduces: its clausal complement ("said the talks had
    failed") or, for the verbs in ``object_cues.txt``, its object and what follows it
    ("accused the UK of meddling"); cut at the end of the verb's paragraph."""
    toks: list[Any] = []
    lemma = verb.lemma_.lower()
    clause = next((c for c in verb.children if c.dep_ in COMPLEMENTS), None)
    if clause is None:
        clause = _that_clause(verb)
    if clause is None:
        clause = _after_dateline(verb)
    if clause is not None:
        joined = {t.i for c in clause.children if c.dep_ == "conj" and c.i > clause.i
                  and _directive(c) is not None and not _agent(_own_subject(clause))
                  for t in c.subtree}  # "said the deaths were
        toks = sorted((t for t in clause.subtree if t.i not in joined),  # caused by gunshots
                      key=lambda t: t.i)  # and called on the government to ...": its own
        while toks and toks[-1].dep_ == "cc":  # statement
            toks.pop()
        obj = next((c for c in verb.rights if c.dep_ == "dobj" and c.i < clause.i), None)
        if obj is not None and lemma not in ADDRESSED:  # "added [the exact cause] remained
            toks = sorted([*obj.subtree, *toks], key=lambda t: t.i)  # unclear": a misparse
    elif (reduced := _reduced_clause(verb)) is not None:  # "said more than 15,000 people
        toks = sorted(reduced.subtree, key=lambda t: t.i)  # registered"
    elif (asked := _directive(verb)) is not None:  # "called on residents to stay indoors"
        toks = asked
    elif lemma in object_cues() and any(c.dep_ == "dobj" for c in verb.children) and not (
            lemma == "call" and any(c.dep_ == "dobj" and c.lemma_.lower() in word_list(
                "convened_objects.txt") for c in verb.children)):  # "called a strike"
        toks = sorted((t for c in verb.rights if c.dep_ in OBJECT_PARTS
                       and c.lemma_.lower() not in cues()  # ", saying ...": its own statement
                       for t in c.subtree), key=lambda t: t.i)
    while toks and (toks[0].dep_ == "mark" or toks[0].is_punct
                    or (toks[0].lower_ == "that" and toks[0].dep_ in ("dobj", "advmod"))):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks.pop()
    if len(toks) < 3:
        return None
    start, end = _span_text(toks)
    opening = DATELINE_OPENING.match(body, start, end)
    if opening is not None and len(body[opening.end():end].split()) >= 3:
        start = opening.end()  # "MOSCOW, June 6 (Sputnik) - The army reached ..., X said"
    if "\n" in body[start:end]:  # a parse running over paragraphs: keep the verb's own
        if verb.idx < start:
            end = body.index("\n", start)
        else:
            start = body.rindex("\n", start, end) + 1
        start, end = _trim(body, start, end, " ,.")
        if len(body[start:end].split()) < 3:
            return None
    return start, end


@cache
def directive_cues() -> dict[str, frozenset[str]]:
    """Verb lemma -> the prepositions before its addressee ("" for an object)
    (``directive_cues.txt``)."""
    out: dict[str, set[str]] = {}
    for line in data_lines("directive_cues.txt"):
        verb, _, prep = line.partition(" ")
        out.setdefault(verb, set()).add(prep)
    return {verb: frozenset(preps) for verb, preps in out.items()}


def _own_subject(verb: Any) -> Any | None:
    """The subject of the clause ``verb`` heads, if it has one of its own."""
    return next((c for c in verb.children if c.dep_ in SUBJECTS), None)


def _agent(tok: Any | None) -> bool:
    """``tok`` can make a request: a person, a body or a group of people ("the ministry",
    "Mthembu"), not "the deaths"."""
    return tok is not None and (tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                                or tok.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS
                                or person_noun(tok) or tok.lemma_.lower() in body_nouns())


def _directive(verb: Any) -> list[Any] | None:
    """The words of a request reported by whom it is made to and what they are to do ("asked
    the party not to provoke the ANC", "called on those with cars to give lifts"): the
    addressee and the "to ..." clause after it."""
    preps = directive_cues().get(verb.lemma_.lower())
    if not preps:
        return None
    addressee = next((c for c in verb.rights if c.dep_ == "dobj" and "" in preps), None) or next(
        (p for c in verb.rights if c.dep_ == "prep" and c.lower_ in preps
         for p in c.children if p.dep_ == "pobj"), None)
    task = next((c for c in verb.rights if c.dep_ == "xcomp" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if addressee is None or task is None or task.i < addressee.i:
        return None
    return sorted([*addressee.subtree, *task.subtree], key=lambda t: t.i)


def _interrupted(verb: Any, body: str) -> list[tuple[int, int]]:
    """The reported clause a saying verb with no complement of its own breaks into, set off by
    commas ("The larger landers, he said, could deliver tools ...", "Their teams isolated the
    problem, Mayer said, and patched the software"): each side that is a clause (its verb or
    one joined to it, two words or more) is a statement, as a quotation broken by its
    attribution is two. Not the writer's hedges ("That said", "I would say", "one must admit",
    "all told", "it should be noted"), nor a question ("Why, she asked, ..."), nor a clause of
    another report ("But Carter, Wolff wrote, went on to argue that ..."); a side ends before
    a clause of its own joined by "but" ("Sales, the company said, rose 12 percent, but
    analysts had expected more") and before another reporting verb ("... and told fans
    ...")."""
    head = verb.head
    if verb.dep_ != "parataxis" or verb.lemma_.lower() in QUESTIONS or any(
            c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return []
    if head.pos_ not in ("VERB", "AUX") or any(  # "But Carter, Wolff wrote, argued that
            _reports_clause(t) for t in _xcomp_chain(head)):  # ...": Carter's statement; not
        # "plans to announce layoffs", no clause announced
        return []
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is not None and (subject.lower_ in WRITERS or (subject.lower_ == "it" and any(
            c.dep_ in ("aux", "auxpass") for c in verb.children))):
        return []
    own = {t.i for t in verb.subtree}
    for c in head.children:  # another speaker's clause or the writer's answer
        if c.dep_ == "conj" and c.i > verb.i and (_reports_clause(c) or (
                any(s.dep_ in SUBJECTS for s in c.children)
                and any(b.dep_ == "cc" and b.lower_ in CONTRASTS for b in head.children
                        if verb.i < b.i < c.i))):
            own |= {t.i for t in c.subtree} | {b.i for b in head.children
                                               if b.dep_ in ("cc", "punct") and b.i > verb.i
                                               and b.i < c.i}
    words = [t for t in head.subtree if t.i not in own and not t.is_space]
    spans = []
    for side in ([t for t in words if t.i < verb.left_edge.i],
                 [t for t in words if t.i > verb.right_edge.i]):
        while side and ((side[0].is_punct and not _opening_mark(side[0]))
                        or side[0].dep_ in ("cc", "mark")):
            side = side[1:]  # ", and patched the software": not the "and"
        while side and side[-1].is_punct and not side[-1].is_quote:
            side.pop()
        if (len(side) >= 2 and any(t.i == head.i or (
                t.pos_ == "VERB" and t.tag_ != "VBG" and t.dep_ in ("conj", "advcl")
                and t.head.i == head.i) for t in side)  # a clause, not "The new rules",
                and "\n" not in body[side[0].idx:side[-1].idx]):  # "Regarding the story" or
            # "The data that we use" (a clause inside a noun phrase)
            spans.append(_span_text(side))
    return spans


def _inside_complement(verb: Any, start: int, end: int, body: str) -> bool:
    """``start``-``end`` lies inside what another reporting verb of the sentence says."""
    for tok in verb.sent:
        if tok.i != verb.i and tok.lemma_.lower() in cues() and (
                outer := _complement(tok, body)) is not None and (
                outer[0] <= start and end <= outer[1]):
            return True
    return False


def _reports_clause(verb: Any) -> bool:
    """``verb`` is a reporting verb with a clause of what it reports ("told investors it
    ...", "argue that ..."), not "added new lighting" nor "plans to announce layoffs"."""
    return verb.lemma_.lower() in cues() and any(c.dep_ == "ccomp" for c in verb.children)


def _xcomp_chain(verb: Any) -> list[Any]:
    """``verb`` and the verbs it governs in the infinitive ("went on to argue", "was quick to
    insist")."""
    out = [verb]
    while (nxt := next((c for c in out[-1].children if c.dep_ == "xcomp" or (
            c.dep_ in ("advcl", "acomp") and any(a.dep_ == "aux" and a.lower_ == "to"
                                                 for a in c.children))), None)) is not None:
        out.append(nxt)
    return out


@cache
def cue_particles() -> dict[str, str]:
    """Reporting verb -> the particle it reports only with (``cue_particles.txt``)."""
    return dict(line.split() for line in data_lines("cue_particles.txt"))


@cache
def phrasal_non_cues() -> frozenset[tuple[str, str]]:
    """(verb, particle) pairs that report nothing (``phrasal_non_cues.txt``)."""
    return frozenset((verb, particle) for verb, particle in (
        line.split() for line in data_lines("phrasal_non_cues.txt")))


@cache
def finding_cues() -> dict[str, frozenset[str]]:
    """Verb lemma -> the kinds of subject it reports a finding with (``finding_cues.txt``)."""
    return {verb: frozenset(kinds.split()) for verb, _, kinds in (
        line.partition(":") for line in data_lines("finding_cues.txt"))}


SUBJECT_KINDS = {"documents": "documents.txt", "evidence": "evidence.txt",
                 "inquiries": "inquiries.txt", "finders": "finders.txt"}
UNSURE = frozenset({"will", "would", "could", "can", "may", "might", "should", "must", "shall"})
ASKED = frozenset({"whether", "if", "how", "why", "what", "when", "where", "who"})


def _finding(verb: Any) -> bool:
    """``verb`` reports what an inquiry found ("the probe found that two of them made false
    reports", "studies have shown that ..."): a verb of ``finding_cues.txt`` with a finite
    clause, whose subject (the noun a "which" stands for) is of a kind the verb reports with
    there; not "I found that ...", "police found a knife", "our analysis found", nor a
    finding denied, to come or asked about ("did not find that", "will show whether", "if the
    audit finds that", "could show that")."""
    kinds = finding_cues().get(verb.lemma_.lower())
    if kinds is None:
        return False
    clause = next((c for c in verb.children if c.dep_ in COMPLEMENTS), None)
    if clause is None or any(
            c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in UNSURE)
            or (c.dep_ == "mark" and c.lower_ in ("if", "unless")) for c in verb.children):
        return False
    that = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    if clause.tag_ not in ("VBD", "VBZ", "VBP") and not any(  # "found the door locked",
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP")  # "found
            for c in clause.children) and not (that and clause.tag_ == "VBN"):  # him fit to
        return False  # stand trial"; "found that patients recovered", "recovered" taken for
        # a participle, is one
    if verb.sent.text.rstrip().endswith("?") or any(  # "Did the inquiry find that ...?"
            a.dep_ in COMPLEMENTS and a.head.lemma_.lower() in cues()
            for a in (verb, *verb.ancestors)):
        return False  # "critics said the report showed that ...": their reading of it
    if (clause.left_edge.lower_ in ASKED - {"if"}  # not "If prices hold, the deal could
            or any(c.dep_ == "mark" and c.lower_ in ASKED for c in clause.children)):  # ..."
        return False  # "will show whether the water is safe", "shows how little ..."
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in RELATIVES and verb.dep_ == "relcl":
        subj = verb.head  # "a business survey which found that ..."
    if subj is None or any((c.dep_ == "poss" and c.lower_ in ("our", "my"))
                           or (c.dep_ == "det" and c.lower_ in ("no", "neither"))
                           for c in subj.children):
        return False  # "our analysis found": the writer's own; "no study has found that"
    words = {subj.lemma_.lower(), subj.lower_}
    return any(words & word_list(SUBJECT_KINDS[k]) for k in kinds if k in SUBJECT_KINDS) or (
        "organisations" in kinds and subj.ent_type_ == "ORG")


def _without_particle(verb: Any) -> bool:
    """``verb`` reports only with a particle it lacks (``cue_particles.txt``: "points to the
    conclusion" is no report; "pointed out" is), or has one with which it reports nothing
    (``phrasal_non_cues.txt``: "called off the festival")."""
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    needed = cue_particles().get(lemma)
    return (needed is not None and needed not in particles) or any(
        (lemma, p) in phrasal_non_cues() for p in particles)


def _cue_text(verb: Any) -> str:
    """The reporting word as written, with its particle ("pointed out")."""
    particle = next((c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), None)
    return f"{verb.text} {particle.text}" if particle is not None else str(verb.text)


def _opening_mark(tok: Any) -> bool:
    """A quotation mark that opens (it hugs the word after it)."""
    return bool(tok.is_quote and not tok.whitespace_)


def _closed(body: str, quotes: list[Quote], start: int, end: int) -> int:
    """``end``, moved past the closing mark of a quotation the statement opens but whose end
    the parse left out ('would "work on it".'): a statement never cuts a quotation in two."""
    for q in quotes:
        if start <= q.start < end < q.end and "\n" not in body[end:q.end]:
            return q.end
    return end


def _nearest_cue(doc: Any, body: str, q: Quote, quotes: list[Quote],
                 spoken_before: bool = False) -> Any | None:
    """The reporting verb a quotation belongs to: the nearest one with a subject, outside every
    quotation, in a sentence the quotation touches and in its paragraph. ``spoken_before``:
    a statement ends just before the quotation, whose speaker a quoted sentence closed after
    its full stop goes to rather than to the next sentence's verb reporting words of its own
    (unless that sentence points back at it: "With those words, ...", "That was the view
    of ...")."""
    best: tuple[int, Any] | None = None
    closed = (spoken_before and body[q.end - 1] in CLOSING_MARKS and _stands_alone(doc, q)
              and body[q.start + 1:q.end - 1].rstrip().endswith("."))
    for sent in doc.sents:
        if sent.start_char > q.end + ALONE_SLACK_CHARS or sent.end_char < q.start:
            continue  # the sentence after counts when it starts at the closing mark: a quote
            # ending in "!" or "?" is split from its "she asked"
        for tok in sent:
            if (tok.lemma_.lower() not in cues() or tok.pos_ not in ("VERB", "AUX")
                    or _without_particle(tok)
                    or any(o.start <= tok.idx < o.end for o in quotes)
                    or _subject(tok) is None):
                continue
            if sent.start_char >= q.end and tok.dep_ == "relcl":
                continue  # a verb of a relative clause in the sentence after ("..., a
                # program that some participants said made false promises") is not this
                # quotation's: it reports for the noun its clause describes
            if (sent.start_char >= q.end and closed and _complement(tok, body) is not None
                    and not _points_back(sent)):
                continue  # a quoted sentence closed after its full stop, and the sentence
                # after reports words of its own ('"... wherever he asked them to." Just
                # before he testified, his aunt told the court that ...') or another
                # quotation: not this one's (one that runs on to the next opening mark, a
                # paragraph break lost, is continued by the next: '"... sectors. "The poor
                # implementation ... remains a concern," the minister said')
            lo, hi = (tok.idx, q.start) if tok.idx < q.start else (q.end, tok.idx)
            if "\n" in body[lo:hi] or (_quoted_as(tok) is not None and any(
                    lo <= o.start and o.end <= hi and len(body[o.start:o.end].split()) >= 3
                    for o in quotes)):  # (not a quoted word: 'called the tariffs "bullying"')
                continue  # '"...." "...," X was quoted as saying': the last quotation is X's
            if best is None or hi - lo < best[0]:
                best = (hi - lo, tok)
    return best[1] if best else None


def _points_back(sent: Any) -> bool:
    """``sent`` opens by pointing back at what was just quoted ("With those words, ...",
    "Those were the words of ...", "That was the view of ...", "This, she said, ...")."""
    return any(t.lower_ in DEMONSTRATIVES and t.dep_ in ("det", "nsubj", "nsubjpass", "pobj")
               for t in sent[:4])


def _introducing_cue(doc: Any, body: str, q: Quote, quotes: list[Quote]) -> Any | None:
    """The reporting verb of a paragraph ending in a colon that introduces the quotation
    opening the next paragraph ("The victims' stepfather told the station:\n\n“...”"): the
    last one with a subject in that paragraph's last sentence."""
    para_start = body.rfind("\n", 0, q.start) + 1
    if body[para_start:q.start].strip():
        return None
    before = body[:para_start].rstrip()
    if not before.endswith(":"):
        return None
    last = next((sent for sent in doc.sents
                 if sent.start_char < len(before) <= sent.end_char + 1), None)
    if last is None:
        return None
    found = [tok for tok in last if tok.lemma_.lower() in cues() and tok.pos_ in ("VERB", "AUX")
             and not _without_particle(tok)
             and not any(o.start <= tok.idx < o.end for o in quotes) and _subject(tok) is not None]
    return found[-1] if found else None


def _short_reply(doc: Any, body: str, q: Quote) -> bool:
    """A quotation of a word or two that opens its sentence and ends in a comma, "!" or "?"
    inside its marks, as said words do before their attribution ('"That's correct," Volker
    said', '"Amazing," Davis said'); not a word quoted inside the writer's sentence ('called
    the tariffs "bullying"')."""
    inner = body[q.start + 1:q.end - 1].rstrip()
    return bool(inner.split()) and inner[-1:] in (",", "!", "?") and _stands_alone(doc, q)


def _replied(verb: Any | None, body: str, q: Quote, quotes: list[Quote]) -> bool:
    """``verb`` reports the short quotation ``q`` as a reply of its own: the main verb of the
    quotation's sentence, its subject right after the quotation ('"Amazing," Davis said'),
    and no quotation after it in the sentence (not the opening word of a split one,
    '"Frankly," the coach said, "we were poor"'; nor '"Brexit," the term coined in 2012, has
    become ..., the linguist said')."""
    if verb is None or verb.idx < q.end or verb.sent.start_char > q.start or verb.dep_ != "ROOT":
        return False
    subj = _subject(verb)
    return (subj is not None and not body[q.end:subj.left_edge.idx].strip(" ,")
            and not any(verb.idx < o.start < verb.sent.end_char for o in quotes))


def _stands_alone(doc: Any, q: Quote) -> bool:
    """The quotation opens its sentence: not a phrase quoted inside a sentence of the
    writer's ("the group called it a 'profound indictment'")."""
    first: int | None = next((s.start_char for s in doc.sents
                              if s.start_char < q.end and s.end_char > q.start), None)
    return first is not None and q.start - first <= ALONE_SLACK_CHARS


def _subhead(body: str, q: Quote) -> bool:
    """The quotation is a paragraph of its own with no full stop at its end: a subhead quoting
    the story ("“… prevent the evacuation of civilians”"), not a speaker's next words."""
    para_start = body.rfind("\n", 0, q.start) + 1
    para_end = body.find("\n", q.end)
    para_end = len(body) if para_end == -1 else para_end
    inner = body[q.start + 1:q.end - 1].rstrip()
    return (not body[para_start:q.start].strip() and not body[q.end:para_end].strip()
            and not inner.endswith((".", "!", "?", "…", ",")))


def _title_of_work(text: str) -> bool:
    """Quoted words in title case, no sentence in them: the title of a book, a film, a
    report or a campaign ("A Wonderful Country", "The Law and High Politics of ..."), which
    says nothing itself."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]  # not "of", "the"
    return (2 <= len(words) <= 12 and not any(c in text for c in ".!?")
            and all(w[:1].isupper() for w in words)
            and not all(w.isupper() for w in words))  # "WITCH HUNT": shouted, not a title


def _before(found: list[Statement], offset: int) -> Statement | None:
    """The statement ending last before ``offset``, if it ends close enough to share its
    speaker with a quotation there."""
    earlier = [s for s in found if s.end <= offset]
    if not earlier:
        return None
    prev = max(earlier, key=lambda s: (s.end, -s.start))  # of two ending together, the one
    # that holds the other ("X said police explained there was ...": X's, not the police's)
    return prev if offset - prev.end <= MAX_GAP_CHARS else None


def find(doc: Any, body: str) -> list[Statement]:
    ents = Entities.of(doc)
    quotes = find_quotes(body)
    out: list[Statement] = []
    covered: list[tuple[int, int]] = []

    # 1. reporting verbs with a clausal complement, or set off inside the clause they report
    for tok in doc:
        lemma = tok.lemma_.lower()
        finding = _finding(tok)
        if tok.pos_ not in ("VERB", "AUX") or (
                lemma not in cues() and lemma not in object_cues()
                and lemma not in directive_cues() and not finding) or _without_particle(tok):
            continue
        span = _complement(tok, body)
        spans = [span] if span is not None else (
            _interrupted(tok, body) if lemma in cues() else [])
        subj = _subject(tok)
        if subj is None and spans and spans[0][1] <= tok.idx and lemma in cues():
            subj = _named_after(tok)
        if subj is None or (subj.lower_ in WRITERS and subj.i + 1 == tok.i
                            and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ","):
            continue  # "That said, the work will take weeks": the writer's turn of phrase;
            # "... when I said, 'This is unacceptable'": words quoted, no clause reported
        speaker, mention, role = _speaker(subj, ents, body) if spans else (None, None, None)
        _note_described(subj, speaker, ents)
        for start, end in spans:
            if any(q.start <= start and end <= q.end for q in quotes):
                continue  # the complement is inside a quotation: the direct pass takes it
            if span is None and _inside_complement(tok, start, end, body):
                continue  # "The city, she warned, could run out ..., she said": one report
            end = _closed(body, quotes, start, end)
            kind = ("mixed" if any(start <= q.start and q.end <= end for q in quotes)
                    else "according_to" if lemma in SOURCED or finding  # "X reported",
                    else "indirect")  # "the study found"
            out.append(Statement(body[start:end], start, end, kind, speaker, mention, role,  # type: ignore[arg-type]
                                 _cue_text(tok)))
            covered.append((start, end))

    # 2. direct quotations
    for q in quotes:
        if any(s <= q.start and q.end <= e for s, e in covered):
            continue  # quoted words inside a reported statement: part of a mixed one
        start, end = q.inner(body)
        short = len(body[start:end].split()) < 3
        if (short and not _short_reply(doc, body, q)) or _title_of_work(body[start:end]):
            continue
        prev = _before(out, q.start)
        verb = (_nearest_cue(doc, body, q, quotes, prev is not None)
                or _introducing_cue(doc, body, q, quotes))
        if short and not _replied(verb, body, q, quotes):
            continue  # a word or two quoted is a statement only as '"Amazing," Davis said'
        if verb is not None and (subj := _subject(verb)) is not None:
            speaker, mention, role = _speaker(subj, ents, body)
            _note_described(subj, speaker, ents)
            cue = _cue_text(verb)
        elif _stands_alone(doc, q) and not _subhead(body, q) and prev is not None:
            speaker, mention, role, cue = prev.speaker, prev.speaker_mention, prev.role, None
        else:
            continue
        out.append(Statement(body[start:end], start, end, "direct", speaker, mention, role, cue))

    # 3. according to X
    for tok in doc:
        if tok.lower_ != "according":
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if pobj is None:
            continue
        phrase = sorted([tok, *tok.subtree], key=lambda t: t.i)
        p_start, p_end = _span_text(phrase)
        sent = tok.sent
        left = _trim(body, sent.start_char, p_start, " ,")
        right = _trim(body, p_end, sent.end_char, " ,.")
        start, end = left if left[1] - left[0] >= right[1] - right[0] else right
        content = body[start:end]
        if len(content.split()) < 3:
            continue
        speaker, mention, role = _speaker(pobj, ents, body)
        out.append(Statement(content, start, end, "according_to", speaker,
                             mention, role, "according to"))
    out = [replace(s, speaker=None, speaker_mention=None)
           if s.speaker is not None and not s.speaker.strip() else s
           for s in out]  # "According to the , ...": a page that lost its link's words names
    out.sort(key=lambda s: s.start)  # no one
    return _they_continue(_surnames_expanded(_described_earlier(out)), ents)


def _they_continue(found: list[Statement], ents: Entities) -> list[Statement]:
    """A "they" the sentences before name no group for is the source of the statement just
    before it, when that source is no single person ("..., according to U.S. officials. Xi
    also noted the influence of the U.S., they said")."""
    persons = {name for _, name in ents.persons}
    out: list[Statement] = []
    for st in found:
        if st.speaker is None and (st.speaker_mention or "").lower() == "they":
            prev = _before([s for s in out if s.end <= st.start], st.start)
            if prev is not None and prev.speaker and prev.speaker not in persons:
                st = replace(st, speaker=prev.speaker)
        out.append(st)
    return out


NAME_WORD = re.compile(r"[A-Z][\w'’.-]*$")


def _full_name_in(text: str) -> str | None:
    """The person's full name that ends ``text`` (a speaker or the words naming one): the
    last two to four capitalised words, each before the surname a first name of the census
    lists or no dictionary word, and no title ("Mr S'bu Ndebele" -> "S'bu Ndebele", "the DA's
    Thabani Mthethwa" -> "Thabani Mthethwa", "Duma Speaker Sergei Naryshkin" -> "Sergei
    Naryshkin", "John Cobb Jr."; not "The Mercury", "Magistrate Rhodes")."""
    words = text.split()
    run: list[str] = []
    while words and NAME_WORD.match(words[-1]) and not words[-1].endswith(("'s", "’s")):
        run.insert(0, words.pop())
    generation = run[-1:] if run and run[-1].lower().rstrip(".") in SUFFIXES else []
    run = run[:len(run) - len(generation)]
    name: list[str] = []
    for word in reversed(run[:-1]):
        lower = word.lower()
        if title_word(word) or lower.endswith("-based") or lower in STOP_WORDS or not (
                lower in first_names() or not dictionary_word(word.strip("."))):
            break
        name.insert(0, word)
    if not name or len(name) > 3 or any(w.isupper() and len(w) > 1 for w in [*name, run[-1]]):
        return None
    return " ".join([*name, run[-1], *generation])


def _offices(text: str) -> set[str]:
    """The titles of office in ``text`` ("Magistrate", "Lt-Col"; not "Mr" or "Ms")."""
    return {w.lower().rstrip(".") for w in text.split() if title_word(w)} - HONORIFICS


def _surnames_expanded(found: list[Statement]) -> list[Statement]:
    """A speaker written as one capitalised word is the one person of the article's
    statements whose full name ends in it, as a speaker or in the words naming one ("said
    Marios Mavrides, a lawmaker ... Mavrides said", where the tagger took the full name for
    a body and the surname for a product; "Mr S'bu Ndebele has urged ... Ndebele said")."""
    fulls: dict[str, set[str]] = {}  # full name -> the titles written with it
    for st in found:
        for text in (st.speaker, st.speaker_mention):
            name = _full_name_in(text or "")
            if name is not None:
                fulls.setdefault(name, set()).update(_offices(text or ""))
    out = []
    for st in found:
        word = st.speaker or ""
        offices = _offices(st.speaker_mention or "")
        if NAME_WORD.match(word) and " " not in word and not word.isupper():
            whose = {name for name, titled in fulls.items()
                     if [w for w in name.split() if w.lower().rstrip(".") not in SUFFIXES][-1]
                     == word and not (offices and titled and not offices & titled)}  # not
            # "Lt-Col Ronel Otto ... Magistrate Otto said"
            if len(whose) == 1:
                st = replace(st, speaker=whose.pop())
        out.append(st)
    return out


def _headed_by(description: str, noun: str) -> bool:
    """``noun`` heads the description: it comes first or last ("teachers unions"), or after a
    possessor only ("Nisan Ahmado's source inside the camp"), not inside a modifier ("a letter
    signed by doctors")."""
    words = description.lower().split()
    if noun not in words:
        return False
    at = words.index(noun)
    return at in (0, len(words) - 1) or words[at - 1].endswith(("'s", "’s"))


def _described_earlier(found: list[Statement]) -> list[Statement]:
    """A speaker written as a bare "the source" takes the fuller description an earlier
    statement gave it ("a source inside the Rukban camp")."""
    out: list[Statement] = []
    for st in found:
        mention = (st.speaker_mention or "").split()
        if (st.speaker and len(mention) == 2 and mention[0].lower() in ("the", "this")
                and st.speaker.lower() == mention[1].lower()):
            noun = mention[1].lower()
            fuller = [s.speaker for s in out if s.speaker and s.speaker != st.speaker
                      and _headed_by(s.speaker, noun)]
            if fuller:
                st = replace(st, speaker=fuller[-1])
        out.append(st)
    return out
