"""Who: the actors and recipients of a trigger from the parse (the subject or the "by" agent acts;
the object, a passive subject or an "against/on/with/at" phrase receives), named with a country
and a sector by ``actors.py``; who a pronoun stands for; who does a deed a noun names."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsmill.events import actors as act
from newsmill.events.lexicon import default_actor, entry_set
from newsmill.events.places import gazetteer
from newsmill.events.rules import SAME, rule
from newsmill.events.syntax import (
    OFFENCES,
    SUBJECTS,
    children,
    clause_head,
    finite,
    lemma_of,
    one_of,
    referential,
    resumed_subject,
    small_clause,
    subject,
    verbal,
)
from newsmill.events.triggers import Found
from newsmill.records import Actor, Event
from newsmill.statements.attribution import cues

if TYPE_CHECKING:
    from newsmill.events.draft import Draft

STANCES = frozenset({"anti", "pro", "counter"})  # "anti-government": for or against it
RECIPIENT_PREPS = frozenset({"against", "on", "at", "with", "upon", "to"})


def parties(tok: Any, ctx: act.ArticleContext) -> tuple[list[Actor], list[Actor]]:
    """(actors, recipients) of the trigger ``tok``. In a two-sided deed (``defaults.txt``:
    "clash", "fight") who does it "with" the subject is an actor too, as PLOVER codes reciprocal
    violence."""
    doers: list[Any] = []
    done_to: list[Any] = []
    two_sided = one_of(tok, entry_set("defaults.txt", "two-sided"))
    sides: list[Any] = []  # the other side of a two-sided deed
    if verbal(tok):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
            tok.tag_ == "VBN" and tok.dep_ == "acl"  # "protesters detained on Sunday"
            and not children(tok, SUBJECTS)  # not "news that the two had reached a deal"
            and resumed_subject(tok) is None)
        if small_clause(tok):  # "wants the minister arrested": the minister is
            passive = True
            done_to += children(tok, ("nsubj",))
        feeling = passive and one_of(tok, entry_set("status.txt", "feeling participles"))
        for c in tok.children:
            if c.dep_ == "agent":
                (done_to if feeling else doers).extend(children(c, ("pobj",)))
            elif c.dep_ == "nsubjpass" and feeling:
                doers.append(c)  # "the commission is frustrated with the companies"
            elif c.dep_ == "nsubjpass" or c.dep_ in ("dobj", "dative"):
                done_to.append(c)
            elif c.dep_ == "prep" and c.lower_ == "with" and two_sided:
                sides += children(c, ("pobj",))  # "a mob clashed with the police"
            elif c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS and not (
                    c.lower_ == "to" and one_of(tok, entry_set("status.txt", "sending verbs"))):
                done_to += children(c, ("pobj",))  # not "deported them to Mexico"
        if tok.dep_ == "acl" and passive:
            done_to.append(tok.head)
        elif passive and not done_to and tok.dep_ == "pcomp" and (
                undergone := subject(tok)) is not None:
            done_to.append(undergone)  # "150 Indians returned home after being deported"
        elif tok.dep_ == "acl" and tok.tag_ == "VBG":
            doers.append(tok.head)  # "gunmen storming the hotel"
        if not passive:
            subj = subject(tok)
            if subj is not None:
                doers.append(subj)
    elif tok.pos_ == "ADJ" and (felt := children(tok, SUBJECTS | {"nsubjpass"}) or [
            s for s in (subject(tok),) if tok.dep_ == "acomp" and s is not None]):
        doers += felt  # "he was very moved by the announcement": he is
        done_to += [p for c in children(tok, ("prep",)) if c.lower_ in RECIPIENT_PREPS | {"by"}
                    for p in children(c, ("pobj",))]
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
            elif c.dep_ == "poss" and one_of(tok, entry_set("status.txt", "undergone nouns")):
                done_to.append(c)  # "Assange's arrest", "his release": who underwent it
            elif c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and (
                    c.ent_type_ in act.NAME_LABELS  # not "a 30-day state of siege"
                    or (act.sector_of([c.text]) and not (  # "police firing"
                        c.pos_ == "ADJ" and c.lower_ in entry_set("sectors.txt",
                                                                  "not as adjectives"))))):
                doers.append(c)
            elif c.dep_ == "prep" and c.lower_ == "by":
                doers += children(c, ("pobj",))
            elif c.dep_ == "prep" and c.lower_ == "with" and two_sided:
                sides += children(c, ("pobj",))
            elif c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS | {"of"}:
                done_to += children(c, ("pobj",))
        received = tok.dep_ == "dobj" and one_of(tok.head, entry_set("status.txt",
                                                                      "receiving verbs"))
        if received:  # "we received an inquiry from the attorney general": the attorney
            doers += [p for c in (*tok.children, *tok.head.children)  # general inquires
                      if c.dep_ == "prep" and c.lower_ == "from" for p in children(c, ("pobj",))]
            done_to += [s for s in (subject(tok.head),) if s is not None]
        elif not doers and tok.dep_ in ("dobj",) and not one_of(
                tok.head, entry_set("status.txt", "suppressing verbs")):
            subj = subject(tok.head)
            if subj is not None:
                doers.append(subj)
    done_to = [p for t in done_to for p in _behind(t)]
    doers = [t for t in doers if not any(  # "Israeli police custody": one party
        t.i != o.i and t in act.phrase(o) for o in doers)]
    named = actors_named([_antecedent(t) for t in doers + sides], ctx)
    if not named:  # "clashes erupted between supporters and security forces": both sides
        named = actors_named([c for p in children(tok, ("prep",)) if p.lower_ == "between"
                        for c in children(p, ("pobj",))], ctx)
    return named, actors_named(done_to, ctx)


def _agents(verb: Any) -> list[Any]:
    """Who a passive verb's "by" phrase names ("was caught by police": police)."""
    return [p for a in children(verb, ("agent",)) for p in children(a, ("pobj",))]


def _behind(tok: Any) -> list[Any]:
    """Who a thing done to stands for (``_driver``), else the thing itself."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or act.sector_of([tok.text]):
        return [tok]
    return _driver(tok) or [tok]


@rule("driver-behind", "who", "Officers stopped a vehicle driven by Jonathan Blair on Route 9.",
      off=[])
def _driver(tok: Any) -> list[Any]:
    """The "by" agent of a participle on a thing done to ("stopped a vehicle driven by
    Jonathan Blair": Blair)."""
    return [p for a in children(tok, ("acl",)) if a.tag_ == "VBN" for p in _agents(a)]


@rule("pronoun-reporter", "who", "The rebels said they will release the hostages.",
      off=SAME)
def _antecedent(tok: Any) -> Any:
    """"Hungary has said it will support ...", "the rebels said they will release ...": the
    "it" or "they" of a reported clause is who reports it."""
    if tok.lower_ not in ("it", "they", "he", "she"):
        return tok
    t = tok.head
    while t.head.i != t.i and t.dep_ in ("xcomp", "conj", "advcl", "ccomp"):
        if t.dep_ == "ccomp" and lemma_of(t.head) in cues():
            subj = subject(t.head)
            if subj is not None and subj.pos_ != "PRON" and _may_be(tok, subj):
                return subj
            break
        t = t.head
    return tok


def _may_be(pronoun: Any, noun: Any) -> bool:
    """A "he" or "she" is a person, not a paper, a country or a group ("The Chronicle says he
    was arrested"); an "it" is not a person."""
    if pronoun.lower_ in ("he", "she"):  # (spaCy may take a person's name for a body's)
        return noun.ent_type_ not in ("GPE", "NORP", "LOC", "FAC") and noun.tag_ in (
            "NN", "NNP") and not any(c.lower_ == "the" for c in noun.children)
    return not (pronoun.lower_ == "it" and noun.ent_type_ == "PERSON")


def actors_named(tokens: list[Any], ctx: act.ArticleContext) -> list[Actor]:
    out: list[Actor] = []
    for tok in tokens:
        if lemma_of(tok) == "side" and (sides := ctx.two_sides()) and any(
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


def tail_speaker(tok: Any) -> Any | None:
    """Who a verb closing the sentence after a comma says it of, where the parser hung the verb
    on them as a participle (", a human rights group protested here Wednesday.")."""
    head = tok.head
    if tok.dep_ != "acl" or children(tok, ("dobj", "agent", "prep")) or head.left_edge.i == 0:
        return None
    if tok.doc[head.left_edge.i - 1].text != ",":
        return None
    rest = [t for t in tok.doc[tok.i + 1:tok.sent.end] if t.dep_ != "punct"]
    return head if all(t.head.i == tok.i or t.head in rest for t in rest) else None


def inner_doers(f: Found, every: list[Found], ctx: act.ArticleContext,
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
    if referential(f.token) and before is not None:  # "no one was injured in the firing":
        return list(before.actors), mode, before  # the last firing told; not "the violence"
    for g in inner:
        doers = parties(g.token, ctx)[0] or clause_parties(g.token, ctx)[0]
        if doers:
            return doers, mode, None
        before = earlier.get(g.trigger.type)
        if referential(g.token) and before is not None:
            return list(before.actors), mode, before
    if f.trigger.type == "ASSAULT":  # "died of torture while in Israeli police custody"
        held = [g for g in every if one_of(g.token, entry_set("status.txt", "state nouns"))
                and clause_head(g.token).i == clause_head(f.token).i]
        for g in held:
            if doers := parties(g.token, ctx)[0]:
                return doers, mode, None
    return [], mode, None


def clause_parties(tok: Any, ctx: act.ArticleContext) -> tuple[list[Actor], list[Actor]]:
    """(doers, sufferers) the clause that states a nominal trigger names in its subject: "the
    police had to burst tear-gas shells" (doers), "three persons sustained injuries in the
    firing" (sufferers: the subject of a ``suffered verbs`` verb underwent the deed; so does
    the subject of "is in custody")."""
    head = clause_head(tok)
    if verbal(tok) or head.i == tok.i:
        return [], []
    if one_of(head, entry_set("status.txt", "suppressing verbs")):
        return [], []  # "security forces used force to crush protests": not the protesters
    if tok.dep_ == "pobj" and tok.head.head.i == head.i and children(head, ("nsubjpass",)) and (
            not one_of(head, entry_set("status.txt", "part verbs"))):
        return [], parties(head, ctx)[1]  # "a US national has been put under investigation"
    named = parties(head, ctx)[0]
    if one_of(head, entry_set("status.txt", "part verbs")) and not named:
        named = actors_named(children(head, ("nsubjpass",)), ctx)  # "were engaged in cleansing"
    subj = subject(head)
    if subj is not None and subj.i == tok.i:  # "Protests broke out": the deed is its clause's
        named = [a for a in named if a != act.actor(tok, ctx)]  # subject, not its doer
    held = tok.dep_ == "pobj" and tok.head.lower_ == "in" and one_of(
        tok, entry_set("status.txt", "state nouns"))  # "he is in custody": he is held
    return ([], named) if held or one_of(head, entry_set("status.txt", "suffered verbs")) else (
        named, [])


def enacted(tok: Any) -> bool:
    """The deed is what a law or a bill would do ("the Act, under consideration by the US
    Senate, would impose sanctions"): its provision, no one's threat."""
    subj = subject(tok)
    return subj is not None and one_of(subj, entry_set("status.txt", "enactments"))


def actor_tokens(tok: Any, head: Any) -> list[Any]:
    out = []
    for t in (tok, head):
        subj = subject(t) if t.pos_ in ("VERB", "AUX") else None
        if subj is not None:
            out.append(subj)
        out += [c for c in t.children if c.dep_ in ("poss", "compound") or (
            c.dep_ == "prep" and c.lower_ == "by")]
    return [c for t in out for c in ([t] + [p for p in t.children if p.dep_ == "pobj"])]


# ---- the rules: who, once the parse has named the parties -------------------------------------

@rule("clause-parties", "who", "The activist was remanded to police custody on Monday.", off=SAME)
def from_the_clause(d: Draft) -> Draft:
    """Who a noun's clause names in its subject: "the police had to burst tear-gas shells"
    (doers), "three persons sustained injuries in the firing" (sufferers); not for a deed
    told before ("the arrests"), unless the subject took part in it."""
    tok = d.tok
    clause_doers, sufferers = ([], []) if referential(tok) and not one_of(
        clause_head(tok), entry_set("status.txt", "part verbs")) else clause_parties(
        tok, d.s.ctx)
    d.doers, d.done_to = d.doers or clause_doers, d.done_to or sufferers
    return d


@rule("inner-doers", "who", "Police opened fire on the mob in Surat on Sunday. Three people were "
      "injured in the firing.", off=SAME)
def doers_inside(d: Draft) -> Draft:
    """A deed that names no doer takes those of a deed of its type inside it ("killed when the
    police fired"), of the last such deed for one that points back ("killed in the firing"),
    or the custodian's for force in custody."""
    if not d.doers:
        d.doers, mode, _ = inner_doers(d.found, d.s.every, d.s.ctx, d.s.earlier)
        d.mode = mode
    return d


@rule("default-doer", "who", "Three protesters were detained in Almaty on Sunday.", off=SAME)
def default_doer(d: Draft) -> Draft:
    """Who does a deed nobody is named for (``defaults.txt``: an arrest, the police), where it
    happened, else in the article's country."""
    default = default_actor(d.trigger.type, lemma_of(d.tok), d.mode,
                            tuple(a.name for a in d.done_to))
    if not d.doers and default is not None:
        country = d.place.country if d.place else d.s.ctx.country
        d.doers = [Actor(default[0], country, default[1])]
    return d


@rule("nobody-in-it", "who", "Negotiations resumed in Geneva last week.")
def nobody_in_it(d: Draft) -> bool:
    """A deed with nobody in it, not even one it was done to, no default doer and no clause of
    its own ("security operations provide protection"); protests and violence apart, which
    are news whoever did them."""
    tok = d.tok
    return not d.doers and not d.done_to and not d.s.each_mention and (
        d.trigger.type not in OFFENCES) and not (
        finite(tok) or children(tok, ("auxpass",))
        or (tok.dep_ == "dobj" and subject(tok.head) is not None))
