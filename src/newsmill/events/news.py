"""Is it news here? The tests that tell a trigger the story reports as a happening from one it only
talks about: a purpose, a condition, a topic, a setting, a charge, a description of a party, a
thing that does it, a warning that is no threat, an opinion, a campaign rally, a story of a
kind that reports no political event, a deed told inside a direct quotation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsmill.events import actors as act
from newsmill.events import phoenix
from newsmill.events.lexicon import entry_set, weapon_words
from newsmill.events.rules import rule
from newsmill.events.syntax import (
    DASHES,
    SUBJECTS,
    VERBAL,
    children,
    clause_head,
    complement,
    lemma_of,
    one_of,
    plans,
    subject,
    verbal,
    was_able,
    will_do,
)
from newsmill.events.triggers import Found, find_triggers

if TYPE_CHECKING:
    from newsmill.events.draft import Draft, Sentence

INDEFINITE = frozenset({"anything", "everything", "whatever", "something", "nothing"})
CONFESSING = frozenset({"admit", "confess"})  # what one says one did is the crime charged


def purpose(tok: Any) -> bool:
    """An infinitive that is a purpose or a wish ("to end the violence", "sought to talk"),
    not something that happened; intentions ("vowed to strike") stay, as planned."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return False
    if lemma_of(tok.head) in entry_set("status.txt", "attempt verbs") or was_able(tok.head):
        return False
    if lemma_of(tok.head) in entry_set("status.txt", "caused verbs") and (
            lemma_of(tok.head) != "have" or tok.head.tag_ == "VBD"):
        return False  # "forcing the police to open fire", "had to fire"; not "has to go"
    if lemma_of(tok.head) in entry_set("status.txt", "continued verbs") and tok.dep_ == "xcomp":
        return False  # "the two sides continue to negotiate"; not "continued ... to demand"
    if lemma_of(tok.head) in entry_set("status.txt", "denied verbs") and complement(tok):
        return False  # "is unwilling to negotiate": a refusal
    return not plans(tok.head) or not complement(tok)


def kept(tok: Any) -> bool:
    """A state a party is kept in ("we need to keep him in our custody"): the holding goes
    on, whatever is asked of it."""
    return bool(tok.dep_ == "pobj" and tok.head.lower_ == "in" and one_of(
        tok, entry_set("status.txt", "state nouns")) and one_of(
        tok.head.head, entry_set("status.txt", "ongoing verbs")))


def _a_deed(tok: Any, every: list[Found]) -> bool:
    """``tok`` tells a deed of the sentence or the weapon of one: a trigger ("the bombing"),
    a noun that heads a deed ("the attack", "the raid") or a weapon ("an explosive device")."""
    return (any(g.token.i == tok.i for g in every) or _a_weapon(tok)
            or lemma_of(tok) in entry_set("status.txt", "deed heads"))


def _counted(tok: Any) -> bool:
    """The verb ``tok`` tells how many it befell: a number on its object ("killed at least 46
    people", "wounded eight")."""
    return any(o.like_num or any(n.dep_ == "nummod" and n.like_num for n in o.children)
               for o in children(tok, ("dobj", "nsubjpass")))


def thing_subject(tok: Any) -> bool:
    """The verb ``tok`` has a subject that names no party: a thing, not who acts (an "it"
    that stands for no party is one: "a trade war offers advantages: it allows him ...")."""
    subj = subject(tok) if verbal(tok) else None
    if subj is None or subj.lower_ == "it":
        return subj is not None
    if subj.pos_ != "NOUN":
        return False
    own = [t for t in subj.subtree if t.i <= subj.i]  # not a clause on it ("a bill that ...")
    return not any(t.ent_type_ or t.pos_ == "PROPN" for t in own) and (  # not "Ibo elders"
        act.sector_of([t.text for t in own]) is None) and (
        lemma_of(subj) not in entry_set("sectors.txt", "groups"))  # not "the committee"


def descriptive(f: Found, every: list[Found], news: bool = True) -> bool:
    """A word that describes a party rather than telling what happened: a noun naming a kind
    of thing ("a detention centre", "a rescue mission") or a right ("the right to protest"),
    and for the news (``news``) a participle used as an adjective ("detained migrants") or a
    relative clause ("the leader, who resigned after 30 years"), which tell of something that
    happened but not as news. A relative clause on a party of another deed of the sentence goes
    on with its story ("was besieged by police, who fired round after round of teargas"). A
    verb's relative clause on a thing describes the thing ("activities that threatened the
    country's security", "a ship that was seized in December"), unless the thing is the
    deed or its weapon ("an IED that killed five civilians", "the attack, which killed 46") or
    the clause counts its victims ("bombing a mosque which killed at least 46 people")."""
    tok = f.token
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "of") and one_of(
            tok.head.head, entry_set("status.txt", "right nouns")):
        return True  # "their right to peaceful protest", "freedom of assembly": a right
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and len(f.trigger.words) == 1:
        deeds = entry_set("quantities.txt", "dead words") | entry_set(
            "quantities.txt", "injured words") | entry_set("status.txt", "deed heads")
        return lemma_of(tok.head) not in deeds  # "stab wounds", "artillery fire" tell the deed
    if not news:
        return False
    if tok.dep_ == "amod":
        return True
    if tok.tag_ in ("VBN", "JJ") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(
            c.dep_ == "det" for c in tok.children):
        return True  # "evacuated the wounded": people, named by what befell them
    head = tok if verbal(tok) else clause_head(tok)
    while head.dep_ == "conj" and verbal(head.head) and not children(head, SUBJECTS):
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
        return head.i == tok.i and not _a_deed(party, every) and not _counted(tok)  # "a
        # tanker that was seized", "the reason residents are refusing to leave"; not "an IED
        # that killed five civilians", "a mosque which killed at least 46 people"
    deed = party.head.head if party.head.dep_ in ("agent", "prep") else party.head
    restrictive = head.left_edge.i > 0 and head.doc[head.left_edge.i - 1].text not in (
        DASHES | {",", "("})  # "the man who kidnapped the child ... was sentenced"
    told = [g for g in every if g is not f and g.token.i == deed.i]
    return not told or (restrictive and all(  # "herdsmen who attacked their communities"
        g.trigger.type != f.trigger.type for g in told))  # tell the attack they made


def topic(tok: Any) -> bool:
    """A noun or "-ing" trigger that is what a clause talks about rather than a happening it
    tells: the object of a verb that does not tell it ("avoid criticism", "faced a probe",
    "recommend holding people"), the noun after a topic preposition ("talked about
    investigations"), the subject of "be" ("the allegations are false"), a state after a noun
    ("children in federal custody"), the object of an infinitive that says what a party has
    the power or the plan to do ("the power to end the unrest")."""
    if tok.tag_ == "VBG" and tok.dep_ in ("dobj", "xcomp") and tok.head.pos_ == "VERB":
        return not one_of(tok.head, entry_set("status.txt", "light verbs")
                           | entry_set("status.txt", "told verbs")
                           | entry_set("status.txt", "ongoing verbs"))
    if verbal(tok) or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
        return topic(tok.head)  # "we have tried petitions and marches": both talked about
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and one_of(
            tok, entry_set("status.txt", "state nouns")) and (
            tok.head.head.pos_ in ("NOUN", "PROPN") or (  # "the deaths of children in CBP
                tok.head.head.dep_ == "acl" and tok.head.head.tag_ == "VBN")):  # custody",
        return True  # "migrant families held in CBP custody"; not "he is in custody"
    if tok.dep_ == "dobj":
        return not one_of(tok.head, entry_set("status.txt", "light verbs")
                           | entry_set("status.txt", "told verbs")) or (
            tok.head.dep_ in ("acl", "relcl") and purpose(tok.head))  # "has the power to end the
        # unrest": what it could do; "used force to crush protests" crushed them
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "for") and one_of(
            tok.head.head, entry_set("status.txt", "outlook nouns")):
        return True  # "hope for the success of peace negotiations": talks still to come
    if tok.dep_ == "pobj":
        return tok.head.lower_ in entry_set("status.txt", "topic prepositions")
    return tok.dep_ in ("nsubj", "nsubjpass") and lemma_of(tok.head) == "be"


def setting(f: Found) -> bool:
    """A talk, a deal or a statement named as where or when another clause's deed happened
    ("recounted in a cabinet meeting", "announced the deal during a meeting", "left a meeting
    in Hanoi"): the setting of that deed, not news of its own; and any deed named as what
    another happens amid or because of ("cancelled because of protests")."""
    tok = f.token
    if verbal(tok) or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in entry_set("status.txt", "context prepositions") or (
            prep.lower_ == "of" and prep.head.lower_ == "because"):
        return True
    return f.trigger.type in VERBAL and (prep.head.pos_ == "VERB" or prep.lower_ == "during") and (
        prep.lower_ in entry_set("status.txt", "setting prepositions"))  # "rioting during a summit"


def condition(tok: Any) -> bool:
    """``tok`` lies in the condition of another event ("would meet him if he gave them a
    veto", "unless Baghdad accepted its conditions", "until their demands are met", "before
    they demobilize"): what is asked for, not what happened."""
    t = tok
    while t.head.i != t.i:
        marks = {c.lower_ for c in children(t, ("mark",))} if t.dep_ == "advcl" else set()
        if marks & {"if", "unless"}:
            return True
        if marks & {"until", "before"} and any(
                w.tag_ in ("VBP", "VBZ", "MD") for w in (t, *children(t, ("aux", "auxpass")))):
            return True  # "will stay until their demands are met", "want guarantees before
            # they demobilize", "before the administration would agree"; not "until police came"
        t = t.head
    return False


# ---- the rules: a trigger that is no news here (before its parties are known) ----------------


@rule("purpose", "news", "Police fired tear gas to disperse the crowd in the square.")
def for_a_purpose(f: Found, s: Sentence) -> bool:
    """A purpose or a wish ("sent troops to end the fighting"), not a deed done."""
    return purpose(f.token)


@rule("condition", "news", "The rebels said they would lay down their arms if the army "
      "withdrew from the valley.")
def a_condition(f: Found, s: Sentence) -> bool:
    """What another event waits for ("if the army withdrew"), not what happened."""
    return condition(f.token)


@rule("topic", "news", "The minister tried to avoid criticism over the fuel prices.")
def a_topic(f: Found, s: Sentence) -> bool:
    """What a clause talks about ("avoid criticism", "talked about investigations")."""
    return not s.each_mention and topic(f.token)


@rule("setting", "news", "The president announced the deal during a cabinet meeting in "
      "Hanoi on Tuesday.")
def a_setting(f: Found, s: Sentence) -> bool:
    """A talk named as where another clause's deed happened ("announced it during a meeting")."""
    return setting(f)


@rule("description", "news", "Detained migrants were moved to a new centre on Sunday.")
def a_description(f: Found, s: Sentence) -> bool:
    """A word that describes a party ("detained migrants", "a detention centre", "the leader,
    who resigned in 2017"), not a happening told."""
    return descriptive(f, s.every, not s.each_mention)


def accidental(tok: Any) -> bool:
    """What the death or blow ``tok`` tells (a word of "harms" in ``accidents.txt``) was done
    by an accident or a disaster: its subject ("a tsunami killed 43 people", "a boiler
    exploded"; a vehicle that hit something, "a car hit the dog"), its agent ("struck by a
    car"), what it happened in, after or from ("killed in a car crash", "died after being hit
    by a train"), or a mishap it happened when ("injured when two cars collided"); the subject
    of the clause it follows or joins ("earthquakes struck, killing two people", "killed 222
    and injured 800"). Not a weapon's fire ("killed in rocket fire"), a vehicle that hit a
    weapon ("a bus struck a roadside bomb, killing ten"), a party's vehicle ("hit by a police
    van") nor a fire a party set ("a fire started by rioters")."""
    if lemma_of(tok) not in entry_set("accidents.txt", "harms"):
        return False
    disasters = entry_set("accidents.txt", "disasters")
    vehicles = entry_set("accidents.txt", "vehicles")
    machines = entry_set("accidents.txt", "machines")
    verb = tok.head if tok.dep_ in ("advcl", "conj") else tok
    if any(_a_weapon(o) for v in {tok, verb} for o in children(v, ("dobj", "pobj", "prep"))
           for o in (o, *children(o, ("pobj",)))):
        return False  # "army vehicles hit improvised explosive devices", "struck a bomb"
    subjects = children(tok, SUBJECTS)
    if tok.dep_ == "relcl" and any(c.tag_ == "WDT" for c in subjects):  # "the car that hit"
        subjects = [tok.head]
    if tok.dep_ in ("advcl", "conj") and not subjects:
        subjects = children(tok.head, SUBJECTS)
    collides = entry_set("accidents.txt", "collision verbs")
    causes = [c for c in subjects if lemma_of(c) in disasters | machines
              or (lemma_of(c) in vehicles and {lemma_of(tok), lemma_of(verb)} & collides)]
    for link in children(tok, ("agent", "prep")):
        if link.dep_ == "agent" or link.lower_ in ("in", "by", "after", "following", "from",
                                                   "during"):
            for c in children(link, ("pobj", "pcomp")):
                causes += [c] if lemma_of(c) in disasters or link.dep_ == "agent" else []
                if c.dep_ == "pcomp":  # "after being struck by a car"
                    causes += [g for a in children(c, ("agent",)) for g in children(a, ("pobj",))]
    for clause in children(tok, ("advcl",)):  # "injured when two cars collided"
        if lemma_of(clause) in entry_set("accidents.txt", "mishaps") and any(
                m.lower_ in ("when", "after", "as") for m in children(clause, ("mark", "advmod"))
        ) and not any(_a_weapon(c) for c in children(clause, SUBJECTS)):  # not "a grenade"
            return True
    return any(lemma_of(c) in disasters | vehicles | machines and not _a_weapon(c, itself=False)
               and not _a_partys(c) for c in causes)  # "killed in a fire", not "rocket fire"


def _a_weapon(tok: Any, itself: bool = True) -> bool:
    """``tok`` (unless not ``itself``) or a word that qualifies it is a weapon of
    ``instruments.txt`` or ``objects.txt`` ("a grenade", "improvised explosive devices",
    "rocket fire"), but for those that also crash or burn by accident ("a helicopter crash")."""
    weapons = (weapon_words() | entry_set("objects.txt", "weapons")) - entry_set(
        "accidents.txt", "not weapons")
    words = [tok] if itself else []
    return any(lemma_of(w) in weapons for w in (*words, *children(tok, ("compound", "amod"))))


def _a_partys(tok: Any) -> bool:
    """A vehicle or a fire a party is behind: "a police van", "an army truck", "a fire
    started by rioters"."""
    if any(act.sector_of([m.text]) not in (None, "CVL") and lemma_of(m) not in (
            weapon_words()) for m in children(tok, ("compound",))):  # not "a helicopter crash"
        return True
    return any(children(c, ("agent",)) for c in children(tok, ("acl", "relcl")))


@rule("accident", "news", "Four siblings were killed in a car crash on the highway.")
def an_accident(f: Found, s: Sentence) -> bool:
    """A death or a blow an accident or a disaster caused ("killed in a car crash", "a tsunami
    killed 43 people", "struck by a train") is no assault, nor a quake that "struck" a strike;
    a protest or an attack after one stays ("protested after the crash")."""
    return f.trigger.type in ("ASSAULT", "PROTEST") and accidental(f.token)


# ---- the rules: an event that is not told, once its parties are known --------------------------

@rule("thing-subject", "news", "Rising tensions are threatening growth, the bank said.")
def thing_does_it(d: Draft) -> bool:
    """A verbal act whose subject is a thing, not a party ("tensions are threatening growth",
    "no evidence supports it")."""
    return not d.doers and d.trigger.type in VERBAL | {"CONCEDE"} and thing_subject(d.tok)


@rule("discarded-story", "news", "Manchester United beat Arsenal on Sunday. Fans clashed with "
      "police outside the stadium.")
def discarded_story(body: str) -> bool:
    """A story of the Phoenix discard list's kinds (a sports league, a film award) reports no
    political event."""
    return phoenix.discarded(body, "story") is not None


# ---- restored: rules the new articles (benchmarks/gold/articles40.jsonl) show to help ---------

def charged(tok: Any) -> bool:
    """A deed told as what a charge, an allegation or a theory says ("pleaded guilty to charges
    he threatened to kill", "the allegation that he took bribes", "theories suggesting he had
    been murdered"), or as what someone is charged with, convicted of or pleads guilty to
    ("pleading guilty to threatening to assault"), or admits having done ("admitting that
    after fighting off the child's mother, he drove ..."): the charge is the news, if any."""
    head = tok if verbal(tok) else clause_head(tok)
    if head.dep_ == "ccomp" and head.head.dep_ == "acl":  # "theories suggesting he had been
        head = head.head  # murdered": what the theories say
    if head.dep_ in ("relcl", "acl") and one_of(head.head, entry_set("status.txt",
                                                                      "charge nouns")):
        return True
    if any(t.dep_ == "ccomp" and one_of(t.head, CONFESSING) for t in (head, *head.ancestors)):
        return True  # "admitting that after fighting off the child's mother, he drove": what
        # a suspect confesses to is the crime charged
    t = tok  # "pleading guilty to threatening to assault and murder": up to the preposition
    while t.dep_ in ("conj", "xcomp", "pobj", "pcomp", "prep") and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ in ("to", "of", "with", "for") and (one_of(
                t.head, entry_set("status.txt", "charging words")) or any(
                c.lower_ == "guilty" for c in t.head.children)):  # "pleaded guilty on
            return True  # Monday to threatening"
        t = t.head
    return False


def threat_warning(tok: Any, ctx: act.ArticleContext) -> bool:
    """A warning is a threat when it tells what a party that can act will do ("warned that
    police will no longer tolerate rallies", "warned that we will not sit on our hands",
    "Police warned that they would arrest anyone who marched", "Britain warned Iran that it
    is prepared to expel its diplomats": the warner itself), not
    when it foretells what happens to people or things."""
    warners = [act.actor(w, ctx) for w in children(tok, SUBJECTS)]
    warner = next((w for w in warners if w is not None and w.sector not in (None, "CVL")), None)
    hostile: set[int] | None = None  # the sentence's hostile deeds, found once when needed
    for clause in children(tok, ("ccomp",)):
        planned = [h for h in (clause, *children(clause, ("acomp",)))
                   if plans(h) and children(h, ("xcomp",))]  # "is prepared to expel"
        if not (will_do(clause) or planned):
            continue
        for subj in children(clause, SUBJECTS):
            if subj.lower_ in ("we", "i"):
                return True
            deed = children(planned[0], ("xcomp",))[0] if planned else clause
            if lemma_of(deed) == "hesitate" and children(deed, ("xcomp",)):
                deed = children(deed, ("xcomp",))[0]  # "would not hesitate to use force"
            negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in deed.children)
            if subj.lower_ in ("it", "they") and warner is not None and not negated:
                if hostile is None:
                    hostile = {f.token.i for f in find_triggers(tok.sent)
                               if f.trigger.type in HOSTILE}
                if deed.i in hostile:  # "Police warned that they would arrest anyone": the
                    return True  # warner; not "it will take years", "that it was ready to
                    # negotiate", "that it would not attack"
            party = act.actor(subj, ctx)
            if party is not None and party.sector not in (None, "CVL") and not planned:
                return True  # "warned that police will no longer tolerate rallies"
    return False


HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "REJECT", "ACCUSE",
                     "THREATEN", "PROTEST"})  # deeds a warning of its own doing threatens


def opinion(tok: Any) -> bool:
    """"Agree" as sharing a view, not as an agreement: agreeing that something is so (not
    that something should or will be done), or with a thing ("agree with the decision")."""
    if children(tok, ("xcomp",)):
        return False  # "agreed to lift embargoes, with strings attached"
    said = children(tok, ("ccomp",))
    if said and not any(will_do(c) for c in said):
        return True
    with_what = [c for p in children(tok, ("prep",)) if p.lower_ == "with"
                 for c in children(p, ("pobj",))]
    return any(c.pos_ == "NOUN" and not c.ent_type_ and act.sector_of([c.text]) is None
               for c in with_what)  # a thing, even one of a party's ("the judge's decision")


@rule("charge", "news", "The suspect admitted that he had stabbed the guard.")
def a_charge(f: Found, s: Sentence) -> bool:
    """A deed told as what a charge says or a suspect admits: the charge is the news."""
    return not s.each_mention and charged(f.token)


@rule("warning-no-threat", "news", "Doctors warned that children would face serious risks "
      "from the smoke.")
def warning_no_threat(d: Draft) -> bool:
    """A warning of what befalls people or things, not of what a party will do."""
    return lemma_of(d.tok) == "warn" and not threat_warning(d.tok, d.s.ctx)


@rule("agree-as-opinion", "news", "Many lawmakers agree that China has taken advantage of "
      "the trade rules.")
def agreeing_view(d: Draft) -> bool:
    """"Agree" as sharing a view ("agree that China has taken advantage"), no agreement."""
    return lemma_of(d.tok) == "agree" and opinion(d.tok)


# ---- what the story reports: fewer, surer events ------------------------------------------------

@rule("quoted", "news", "“We will arrest anyone who marches,” the mayor said on Monday.")
def in_a_quote(d: Draft) -> bool:
    """A deed told inside a direct quotation is what a source says, not what the story
    reports (the statements stage has what the source said)."""
    return not d.s.each_mention and d.s.ctx.quoted(d.start, d.end)




ARMED = frozenset({"MIL", "REB", "COP", "UAF", "GOV"})  # a state acts through its forces


@rule("unarmed-capture", "news", "Labour gained control of Birmingham on Friday.")
def unarmed_capture(d: Draft) -> bool:
    """Territory taken or a base set up by a party that bears no arms ("Labour gained control
    of Birmingham", "the firm set up a base") is no seizure and no mobilization: CAMEO's 192
    and 154 are deeds of armed forces or of states ("Israel seized control of the
    territories")."""
    if not (d.trigger.pos == "l" or (d.trigger.type == "MOBILIZE" and d.trigger.pos == "o")):
        return False
    return bool(d.doers) and not any(a.sector in ARMED for a in d.doers)


@rule("campaign-rally", "news", "The senator held a rally in Des Moines on Saturday, a week "
      "before the caucuses.")
def campaign_rally(d: Draft) -> bool:
    """A rally that office holders or politicians hold ("the senator held a rally") is a
    campaign's, not a protest."""
    return d.trigger.type == "PROTEST" and lemma_of(d.tok) == "rally" and bool(d.doers) and all(
        a.sector in ("GOV", "LEG", "PTY", "ELI") for a in d.doers)
