"""When the story is: what a clause's own dates say of it (a year or more before the report, a
month long gone, "at the time", "years after", a dated war), and whether a paragraph is set in
the past; background history is not news."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from newsmill.events.dates import days_before, resolve, years_before
from newsmill.events.rules import rule
from newsmill.events.syntax import BACKGROUND_DAYS, SUBJECTS, children, lemma_of, verbal
from newsmill.nlp import ents_of
from newsmill.statements.attribution import cues

if TYPE_CHECKING:
    from newsmill.events.draft import Draft

TIME_PREPS = frozenset({"in", "during", "since", "after", "before", "until", "by", "on", "at",
                        "following", "throughout", "amid"})
DAY_NUMBER = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")
FULL_DATE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|"
                       r"October|November|December) \d{1,2}, (?:19|20)\d\d\b")


def own_words(head: Any, trigger: Any) -> str:
    """The words of the clause ``head`` heads without the clauses inside it that describe one
    of its parties: "offered to hand over two men suspected of bombing a plane in 1988" is
    news even though the bombing is history. A clause describing the event itself stays ("a
    probe, which was dropped in 2015"). Nor does a joined clause with a subject of its own."""
    nested = {t.i for d in head.subtree if d.i != head.i and d.head.i != trigger.i and (
                  d.dep_ == "relcl" or (d.dep_ == "acl" and d.tag_ == "VBN"))
              for t in d.subtree}  # "who ...", "suspected of ..."; not "gunmen wearing ..."
    nested |= {d.i for d in head.subtree if _dated_thing(d, trigger)}
    nested |= {t.i for c in children(head, ("conj",))  # a clause of its own: "will visit
               if children(c, SUBJECTS) for t in c.subtree}  # Albania, the first ... since 1961"
    return " ".join(t.text for t in head.subtree if t.i not in nested)


def own_months(head: Any, own: str) -> list[str]:
    """The dates among the clause's own words (``own_words``) that name a month and no day
    ("in April", "last February"), not "since" one (what has gone on since goes on)."""
    def described(t: Any) -> bool:  # "Montenegro province, the scene of violence last March"
        while t.i != head.i and t.head.i != t.i:
            if t.dep_ in ("appos", "relcl", "acl"):
                return True
            t = t.head
        return False
    return [e.text for e in ents_of(head.doc) if e.label_ == "DATE" and (
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


def latest_day(body: str) -> str | None:
    """The latest full date the text gives ("November 19, 2019"), the story's time in a report
    that gives no publication date."""
    days = [d for d in (resolve(m.group(0), None) for m in FULL_DATE.finditer(body)) if d]
    return max(days) if days else None


# ---- the rules: background history is not news ------------------------------------------------

@rule("year-before", "history", "Police arrested the opposition leader in 2016.")
def a_year_before(d: Draft) -> bool:
    """The clause's own dates are a year or more before the report ("in 2016")."""
    return not d.s.each_mention and years_before(d.own, d.s.published) >= 1


@rule("month-background", "history", "Carlineo was arrested in April.",
      published="2019-11-19")
def months_ago(d: Draft) -> bool:
    """A deed its clause dates to a month long gone ("arrested in April" in November)."""
    return not d.s.each_mention and d.status == "occurred" and any(
        days_before(w, d.s.published or latest_day(d.s.body)) >= BACKGROUND_DAYS
        for w in own_months(d.head, d.own))


def had_been_doing(head: Any) -> bool:
    """The narrative tells the clause as what had been going on before its story, of its own
    and not as what someone said ("Washington and the Taliban had been holding direct talks")."""
    verb = head if verbal(head) else head.head
    aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return verb.tag_ == "VBG" and "had" in aux and "been" in aux and not any(
        lemma_of(t) in cues() for t in verb.ancestors)


@rule("had-been-doing", "history", "Washington and the Taliban had been holding direct talks.")
def had_been_going_on(d: Draft) -> bool:
    """What the narrative says had been going on before its story."""
    return not d.s.each_mention and had_been_doing(d.head)


