"""Actors and recipients: the noun phrase a parse token heads, named by the entity it holds
(fullest form in the article), with an ISO3 country and a PLOVER sector.

Country: an international body's code (``bodies.txt``; also for a person whose title names
one, "U.N. Secretary-General X"), else a place or nationality word in the phrase ("Hong Kong
police", "Kazakhstan's ruling party", "French foreign ministry"), else the place or nationality
words the article gives the person elsewhere ("X, the Chinese ambassador"), else a public
figure's country (``figures.txt``), else the article's own country. Sector: the body's sector, a
country acting as such (GOV), the phrase's words (``sectors.txt``: police -> COP; "rebel leaders"
-> REB; a former official -> ELI), the titles and roles the article gives the person ("President
X", "X, the foreign minister"), or a public figure's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsmill.events import phoenix
from newsmill.events.lexicon import cased_table, entry_set, sections
from newsmill.events.places import gazetteer
from newsmill.events.rules import SAME, rule
from newsmill.nlp import entity_of, ents_of, text_of
from newsmill.records import Actor, Place, Statement
from newsmill.statements.attribution import cues
from newsmill.statements.speakers import (
    PERSON_PRONOUNS,
    Entities,
    strip_determiner,
    word_list,
)

MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "case", "det", "nummod", "quantmod",
                       "predet", "advmod", "punct"})
DROP = frozenset({"det", "nummod", "quantmod", "predet", "advmod", "punct"})
GROUP_HEADS = frozenset({"supporter", "member", "group", "government", "leader", "head",
                         "ministry", "office", "people", "resident", "family", "inhabitant",
                         "citizen", "native"})
VAGUE = frozenset({"more", "than", "some", "several", "about", "least", "many", "other"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
COUNTRY_LABELS = frozenset({"GPE", "NORP", "LOC"})  # "Ivory Coast rebels": LOC to spaCy
SPEAKER_PRONOUNS = frozenset({"we", "i"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LEAD_CHARS = 300  # the lead names where the story happens: its places count more
LEAD_WEIGHT = 3
LOCATED_WEIGHT = 2  # a place things happen "in" or "at" tells where the story is
NATIONALITY_WEIGHT = 0.5  # "American professors", "Israeli settlements": whose, less where
DATELINE_WEIGHT = 10  # "NEW DELHI:", "WASHINGTON (AP) —": where the story is reported from
LOCATING_PREPS = frozenset({"in", "at", "near", "inside"})
# a dateline: a place in capitals, a region or country after a comma, an agency, a dash or colon
DATELINE = re.compile(r"\s*([A-Z][A-Z.'’ ]{2,}?)(?:,\s+([A-Z][\w.' ]*?))?\s*(?:\([^)]{1,30}\))?"
                      r"\s*[—–:-]")
SEAT_POPULATION = 100_000  # a body named after a city: only a city this big ("Columbus")


def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def hyphen_parties(tok: Any) -> list[Any]:
    """The words of a hyphenated modifier ``tok`` is one of when they join parties ("a
    police-VHP clash", "India-Pakistan talks", "police-protester clashes"): nouns or words
    that name a party, one of them at least, not all of one name ("Coca-Cola"); else nothing
    ("well-known", "Vietnamese-led", "tear-gas")."""
    doc, group = tok.doc, [tok]
    t = tok
    while t.i >= 2 and doc[t.i - 1].tag_ == "HYPH" and not doc[t.i - 2].whitespace_ and (
            not doc[t.i - 1].whitespace_):
        t = doc[t.i - 2]
        group.insert(0, t)
    t = tok
    while t.i + 2 < len(doc) and doc[t.i + 1].tag_ == "HYPH" and not t.whitespace_ and (
            not doc[t.i + 1].whitespace_):
        t = doc[t.i + 2]
        group.append(t)
    if len(group) < 2 or any(w.ent_iob_ == "I" for w in group[1:]):
        return []
    gaz = gazetteer()
    named = [w for w in group if w.ent_type_ in NAME_LABELS or sector_of([w.text])
             or gaz.country_of_name(w.text)]
    return group if named and all(w.pos_ in ("NOUN", "PROPN") or w in named
                                  for w in group) else []


def phrase(tok: Any) -> list[Any]:
    """The words of the noun phrase ``tok`` heads: its left modifiers, itself, an "of ..."
    after a group word ("supporters of Evo Morales") and a "from ..." naming a place ("a
    missionary from Calgary"); of a hyphenated pair of parties ("police-VHP"), its own word; of
    a modifier, the nationality just before it ("Israeli police custody": Israeli police)."""
    if hyphen_parties(tok):
        return [tok]
    words = [t for t in tok.subtree if t.i <= tok.i and
             all(a.dep_ in MODIFIERS for a in _path(t, tok))]
    if tok.dep_ == "compound" and tok.i > 0 and (
            (before := tok.doc[tok.i - 1]).head.i == tok.head.i
            and before.dep_ in ("amod", "compound") and before.ent_type_ in ("NORP", "GPE")):
        words = [before, *words]  # "Israeli police custody": the Israeli police's
    for child in tok.rights:
        if child.dep_ != "prep":
            continue
        group = child.lower_ == "of" and _lemma(tok) in GROUP_HEADS
        origin = child.lower_ == "from" and any(
            g.dep_ == "pobj" and g.ent_type_ in PLACE_LABELS for g in child.children)
        if group or origin:
            words += list(child.subtree)
    return sorted(words, key=lambda t: t.i)


def _path(tok: Any, top: Any) -> list[Any]:
    out = []
    while tok.i != top.i and tok.head.i != tok.i:
        out.append(tok)
        tok = tok.head
    return out


@dataclass
class ArticleContext:
    """What the whole article says about its entities: their fullest names, the roles and
    nationalities given to each person, and its countries, where the story happens first: the
    place of its dateline, then places weighed by mention (three times in the lead, twice
    after "in" or "at", half for a nationality word)."""

    entities: Entities
    roles: dict[str, list[str]] = field(default_factory=dict)  # canonical name -> role words
    countries: tuple[str, ...] = ()  # the article's countries, most mentioned first
    speakers: tuple[tuple[int, int, str], ...] = ()  # (start, end, speaker) of each statement
    dateline: str | None = None  # the country of the story's dateline
    weights: dict[str, float] = field(default_factory=dict)  # country -> its mentions' weight
    kinds: dict[str, str] = field(default_factory=dict)  # weak head -> the sector first given
    # it ("25 police personnel ... prompting the personnel to open fire": COP)
    quotes: tuple[tuple[int, int], ...] = ()  # (start, end) of each direct quotation

    def quoted(self, start: int, end: int) -> bool:
        """The words from ``start`` to ``end`` lie inside a direct quotation."""
        return any(a <= start and end <= b for a, b in self.quotes)

    def speaker_at(self, offset: int) -> str | None:
        """Who says the words at ``offset``, if they are inside an attributed statement: the
        "we" of a quote is its speaker."""
        for start, end, speaker in self.speakers:
            if start <= offset < end:
                return speaker
        return None

    @classmethod
    def of(cls, doc: Any, statements: Sequence[Statement] = ()) -> ArticleContext:
        gaz = gazetteer()
        entities = Entities.of(doc)
        roles: dict[str, list[str]] = defaultdict(list)
        counts: defaultdict[str, float] = defaultdict(float)
        if (dateline := _dateline(text_of(doc))) is not None:
            counts[dateline] += DATELINE_WEIGHT
        for ent in ents_of(doc):
            if ent.label_ in ("GPE", "NORP", "LOC"):  # LOC: "the West Bank", "Crimea"
                code = gaz.country_of_name(ent.text)
                place = gaz.locate(ent.text) if code is None and ent.label_ != "NORP" else None
                code = code or (place.country if place else None)
                if code:
                    counts[code] += _weight(ent)
            if ent.label_ == "ORG" and (code := _seat(ent.text, gaz)):
                counts[code] += 1  # "Columbus Police Department": a body of Columbus
            if ent.label_ != "PERSON":
                continue
            name = entities.name("PERSON", ent.text, ent.start_char)
            root = ent.root
            words = [t for t in root.subtree if t.i < ent.start and t.dep_ in MODIFIERS]
            for child in root.children:
                if child.dep_ == "appos":
                    words += phrase(child)
            if root.dep_ == "appos":
                words += phrase(root.head)
            if (kind := _kind_of(root)) is not None:  # "police chiefs such as Julio Ribeiro"
                words += phrase(kind)
            roles[name] += [t.text for t in words if t.ent_type_ != "PERSON"]
        for s in statements:  # "said Mihra Rittmann, the Central Asia researcher for Human
            if s.speaker and s.role and s.role not in " ".join(roles[s.speaker]):  # Rights Watch"
                roles[s.speaker] += s.role.split()
        speakers = tuple((s.start, s.end, s.speaker) for s in statements if s.speaker)
        kinds: dict[str, str] = {}
        weak = entry_set("sectors.txt", "weak heads")
        for tok in doc:
            if tok.lower_ in weak and tok.pos_ == "NOUN" and tok.lower_ not in kinds and (
                    sector := sector_of([t.text for t in phrase(tok)])):
                kinds[tok.lower_] = sector
        quotes = tuple((s.start, s.end) for s in statements if s.kind == "direct")
        return cls(entities, dict(roles), tuple(sorted(counts, key=lambda c: -counts[c])),
                   speakers, dateline, dict(counts), kinds, quotes)

    @property
    def country(self) -> str | None:
        return self.countries[0] if self.countries else None

    def two_sides(self) -> tuple[str, str] | None:
        """The two countries "the two sides" or "both sides" are: the article's first two,
        when the second is named at least half as much as the first."""
        if len(self.countries) < 2:
            return None
        first, second = self.countries[:2]
        return (first, second) if self.weights[second] * 2 >= self.weights[first] else None


def _kind_of(tok: Any) -> Any | None:
    """The noun ``tok`` is an example of: "commissioners" in "commissioners such as Ribeiro"."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    if prep.head.lower_ == "such":  # "commissioners such as Ribeiro"
        kind = prep.head.head
    elif any(c.lower_ == "such" for c in prep.children):  # "such" parsed under "as"
        kind = prep.head
    else:
        return None
    return kind if kind.pos_ in ("NOUN", "PROPN") and kind.i != tok.i else None


def in_source(tok: Any) -> bool:
    """``tok`` is a word of who reports ("diplomatic sources in Pakistan said"): where the
    source is does not tell where the sentence's deed is (though it may tell where the story
    is: "the Red Cross operating in Iraq said")."""
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in cues()
               for t in (tok, *tok.ancestors))


def _weight(ent: Any) -> float:
    """How much a mention of a country or its place tells where the story happens: more in
    the lead and after "in" or "at", less as a nationality word."""
    weight = float(LEAD_WEIGHT if ent.start_char < LEAD_CHARS else 1)
    if ent.label_ == "NORP":
        return weight * NATIONALITY_WEIGHT
    prep = ent.root.head
    if ent.root.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in LOCATING_PREPS:
        return weight * LOCATED_WEIGHT
    return weight


def _dateline(text: str) -> str | None:
    """The country of the place a story's dateline names ("KABUL, Afghanistan —", "NEW DELHI:",
    "WASHINGTON (AP) —"), if it opens with one."""
    match = DATELINE.match(text)
    if match is None:
        return None
    gaz = gazetteer()
    for name in (match.group(2), match.group(1)):
        place = gaz.locate(name, min_population=SEAT_POPULATION) if name else None
        if place is not None and place.country:
            return str(place.country)
    return None


@rule("misnamed-city", "where", "Hundreds of secondary school students in Santiago jumped over "
      "metro turnstiles on Friday in a growing protest.", off=None)
def misnamed_city(ent: Any) -> Place | None:
    """A city the model took for an organisation or a person ("students in Santiago", ORG):
    the place, where the whole name is a city of ``SEAT_POPULATION`` people or more and the
    name holds no word of a sector ("Santiago", not "Santiago Police")."""
    if ent.label_ not in ("ORG", "PERSON") or sector_of(ent.text.split()) is not None:
        return None
    return gazetteer().locate(ent.text, min_population=SEAT_POPULATION)


def _seat(name: str, gaz: Any) -> str | None:
    """The country of the place a body is named after ("Columbus Police Department", "Hong
    Kong Polytechnic University"): leading words that name a place, and a rest with a sector."""
    if _body(name) is not None:
        return None
    words = name.removeprefix("the ").split()
    for n in range(min(3, len(words) - 1), 0, -1):
        if sector_of(words[n:]) is None:
            continue
        place = gaz.locate(" ".join(words[:n]), min_population=SEAT_POPULATION)
        if place is not None:
            return str(place.country)
    return None


def _entity(tok: Any, labels: frozenset[str] = NAME_LABELS) -> Any | None:
    return entity_of(tok) if tok.ent_type_ in labels else None


def _split_possessive(text: str) -> str:
    return text.replace("’s", " 's").replace("'s", " 's")


@cache
def _bodies() -> dict[str, str]:
    """``bodies.txt`` by name, a name's "'s" split off as the mention's is ("People's
    Liberation Army"), and by the first four words or more of a long name the model may cut
    short ("the Organization for Security and Co-operation in Europe's mission" read as
    "Organization for Security and Co-operation" and "Europe")."""
    out = {_split_possessive(name): key for name, key in cased_table("bodies.txt").items()}
    for name, key in list(out.items()):
        words = name.split()
        for size in range(4, len(words)):
            if words[size - 1][:1].isupper():
                out.setdefault(" ".join(words[:size]), key)
    return out


def _body(name: str) -> tuple[str, str] | None:
    """(code, sector) of the international body, NGO or national body known by name ("the
    Kremlin") that ``name`` is or belongs to ("The European Community foreign ministers"): the
    longest body name in it, word for word."""
    table = _bodies()
    words = _split_possessive(strip_determiner(name)).split()
    for size in range(min(len(words), 9), 0, -1):
        for i in range(len(words) - size + 1):
            key = table.get(" ".join(words[i:i + size]))
            if key is not None:
                code, _, sector = key.partition(" ")
                return code, sector
    return None


@cache
def _sector_words() -> dict[str, str]:
    out: dict[str, str] = {}
    for key, words in sections("sectors.txt").items():
        if key.isupper():  # not "weak heads" or "former", whose words may name a sector too
            for w in words:
                out.setdefault(w.lower(), key)
    return out


def sector_of(words: list[str]) -> str | None:
    """The sector the words name: two-word phrases first, the last (head) word first; a weak
    head ("leaders") after a word with a sector of its own ("rebel leaders"); a government
    role held no more ("former prime minister") is an elite, ELI."""
    joined = " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    lower = [w.lower().strip(".,'’") for w in joined.split()]  # "Secretary - General": one
    lower = [w for w in lower if w]  # not a comma alone, which would read as "man"
    found = _sector(lower)
    if found in ("GOV", "MIL", "LEG") and entry_set("sectors.txt", "former") & set(lower):
        return "ELI"
    return found


def _sector(lower: list[str]) -> str | None:
    table = _sector_words()
    for a, b in zip(reversed(lower[:-1]), reversed(lower[1:]), strict=True):
        for form in (b, b.removesuffix("s"), b.removesuffix("ies") + "y"):
            if f"{a} {form}" in table:  # "opposition parties"
                return table[f"{a} {form}"]
    weak = entry_set("sectors.txt", "weak heads")
    if lower and lower[-1] in weak:
        found = _sector([w for w in lower[:-1] if w not in weak])
        if found is not None:
            return found
    for w in reversed(lower):
        for form in (w, w.removesuffix("s"), w.removesuffix("es"), w.removesuffix("men") + "man",
                     w.removesuffix("ies") + "y"):
            if form in table:
                return table[form]
    return None


@rule("phoenix-agents", "who", "Nigerian traders protested outside the market in Lagos.",
      off=None)
def _agent(lower: list[str]) -> str | None:
    """The sector of a generic agent of the Phoenix dictionary that the words end with
    ("the gendarmes", "the smugglers"), where ``sectors.txt`` names none."""
    return phoenix.agent_sector(lower)


def _country_in(tokens: list[Any]) -> str | None:
    gaz = gazetteer()
    for t in tokens:
        ent = _entity(t, COUNTRY_LABELS)
        text = ent.text if ent is not None else t.text
        code = gaz.country_of_name(text)
        if code is None and ent is not None and ent.label_ in ("GPE", "LOC"):
            place = gaz.locate(text)
            code = place.country if place else None
        if code:
            return code
    return None


def speaker_actor(speaker: str, ctx: ArticleContext) -> Actor:
    """The actor a statement's speaker (a person's or a body's fullest name) stands for."""
    is_person = speaker in ctx.entities.roles
    *body, last = speaker.split()
    if body and not is_person and last.lower() in word_list("spokespeople.txt"):
        return _described(" ".join(body), "ORG", [], ctx)  # "WeWork spokesperson": WeWork's
    return _described(speaker, "PERSON" if is_person else "ORG", [], ctx)


def actor(tok: Any, ctx: ArticleContext) -> Actor | None:
    """The actor ``tok`` stands for, or ``None`` for a word that names no one."""
    if tok.lower_ in PERSON_PRONOUNS:
        name = ctx.entities.person_before(tok.idx, tok.lower_)
        if name is None:
            return None
        return _described(name, "PERSON", [], ctx)
    if tok.lower_ in SPEAKER_PRONOUNS and (speaker := ctx.speaker_at(tok.idx)) is not None:
        return speaker_actor(speaker, ctx)
    group = counted(tok)
    if group is not None:  # "tens of thousands of students": the students
        return actor(group, ctx)
    if tok.pos_ == "PRON" or tok.like_num:
        return None
    if _lemma(tok) in word_list("spokespeople.txt"):  # "a spokesperson for the ministry",
        bodies = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                  for p in c.children if p.dep_ == "pobj"]  # "a police spokesman", "the
        bodies += [c for c in tok.lefts if c.dep_ in ("compound", "poss")]  # ministry's"
        spoken = next((a for b in bodies if (a := actor(b, ctx)) is not None), None)
        if spoken is not None:
            return spoken
    ent = _entity(tok)
    words = phrase(tok)
    if ent is None and tok.pos_ == "PROPN" and len(words) == 1 and (
            person := ctx.entities.person_named(tok.text)) is not None:
        return _described(person, "PERSON", [], ctx)  # "Webb grabbed", the model left untyped
    if (ent is not None and ent.root == tok) or (ent is not None and tok.dep_ == "compound"):
        label = ent.label_
        if label == "PERSON" and gazetteer().is_country(ent.text):
            label = "GPE"  # "Benin opened its borders", taken for a person
        elif label == "PERSON" and all(gazetteer().country_of_name(w) for w in ent.text.split()):
            label = "NORP"  # "Bosnian Serbs", which spaCy may take for a person's name
        elif label == "PERSON" and len(ent) > 1 and gazetteer().country_of_name(ent.text):
            label = "GPE"  # "Sri Lanka has established ties", taken for a person
        name = ctx.entities.name(ent.label_, ent.text, ent.start_char)
        if label == "PERSON":
            name = ctx.entities.person_named(ent.text) or name
        extra = [t for t in words if t.i < ent.start or t.i >= ent.end]
        if label == "NORP":
            home = _minority_home(tok, extra, name, ctx)
            if home is not None:
                return Actor(name, home, sector_of([t.text for t in extra]) or "CVL")
        return _described(name, label, extra, ctx)
    keep = {t.i for t in words if (t.dep_ not in DROP and t.lower_ not in VAGUE) or t.i == tok.i}
    for t in words:  # a hyphenated word is kept whole ("Vietnamese-led") or dropped ("well-known")
        if t.tag_ == "HYPH" and not t.whitespace_ and 0 < t.i < len(t.doc) - 1:
            joined = {t.i - 1, t.i, t.i + 1}
            whole = t.i + 1 in keep and t.nbor(-1).dep_ != "advmod"
            keep = keep | joined if whole else keep - joined
    keep |= {t.i for t in words if t.text == "," and {t.i - 1, t.i + 1} <= keep}
    kept = sorted((tok.doc[i] for i in keep), key=lambda t: t.i)
    while len(kept) > 1 and kept[-1].dep_ == "cc":  # "officials from Mexico, Canada and
        kept.pop()  # elsewhere" keeps neither the commas' places nor a last "and"
    name = strip_determiner("".join(t.text + (t.whitespace_ or (
        " " if t.i + 1 not in keep else "")) for t in kept).strip())
    sector = sector_of([t.text for t in kept])
    if sector is None and [t.i for t in kept] == [tok.i]:  # "the personnel", named before
        sector = ctx.kinds.get(tok.lower_)
    body = _body(name)
    if body is not None:
        return Actor(name, None if body[0] == "-" else body[0], body[1])
    if sector is None and _lemma(tok) not in _sector_words() and not any(
            t.ent_type_ in NAME_LABELS for t in kept):
        return None
    sector = sector or _agent([t.lower_ for t in kept])  # a party named: the Phoenix sector
    persons = {ctx.entities.person_named(t.text) or t.text for t in kept
               if t.ent_type_ == "PERSON" and t.i != tok.i}
    known = next((f for f in map(figure, sorted(persons)) if f is not None), None)
    country = _country_in(kept) or (known[0] if known else ctx.country)  # "Bush administration"
    if _ethnic(kept):  # "ethnic Albanian guerrillas" in Macedonia
        country = _home_besides(country, ctx) or country
    return Actor(name, country, sector)


def counted(tok: Any) -> Any | None:
    """The group a number or a partitive counts: "students" in "tens of thousands of
    students", "guerrillas" in "one third of the guerrillas"."""
    if not (tok.like_num or tok.lower_ in entry_set("quantities.txt", "partitives")):
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return counted(pobj) or pobj
    return None


def _minority_home(tok: Any, extra: list[Any], name: str, ctx: ArticleContext) -> str | None:
    """The country where a people named as a minority lives, which is their actor country
    ("ethnic Albanians in south Serbia", "the Albanians of southern Serbia": Serbia; "ethnic
    Turks" in an article about Sweden: Sweden), or ``None`` for a people named as a nation."""
    gaz = gazetteer()
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("in", "of"):
            places = [t for t in child.subtree if t.ent_type_ in ("GPE", "LOC")]
            code = _country_in(places)
            if code is not None:
                return code
    if not _ethnic(extra):
        return None
    return _home_besides(gaz.country_of_name(name) or _country_of_words(name.split()), ctx)


def _ethnic(words: list[Any]) -> bool:
    return any(t.lower_ == "ethnic" for t in words)


def _home_besides(nation: str | None, ctx: ArticleContext) -> str | None:
    """The article's main country other than a minority's nation: where it lives."""
    return next((c for c in ctx.countries if c != nation), None)


def _described(name: str, label: str, extra: list[Any], ctx: ArticleContext) -> Actor:
    body = _body(name)
    if body is not None:
        return Actor(name, None if body[0] == "-" else body[0], body[1])
    gaz = gazetteer()
    if label in ("GPE", "NORP"):
        code: str | None = gaz.country_of_name(name)
        if code is None and label == "GPE":
            place = gaz.locate(name, ctx.countries)
            code = place.country if place else None
        code = code or _country_of_words(name.split()) or _country_of_words(
            [t.text for t in extra]) or ctx.country  # "Iraqi Kurds" in Germany: Iraqi
        # a country acting is its government; a people ("Iraqi Kurds") are civilians
        sector = sector_of([t.text for t in extra]) or ("GOV" if label == "GPE" else "CVL")
        return Actor(name, code, sector)
    role_words = [t.text for t in extra] + ctx.roles.get(name, [])
    body = _body(" ".join(role_words)) if label == "PERSON" else None
    if body is not None:  # "U.N. Secretary-General Kofi Annan": an official of the U.N.
        return Actor(name, None if body[0] == "-" else body[0],
                     sector_of(role_words) or body[1])
    known = figure(name) if label in ("PERSON", "ORG") else None  # "Trump" is often an ORG
    # this mention's words, then a listed figure, then what the article says of the person
    country = _country_in(extra) or (known[0] if known else None) or _country_of_words(
        role_words) or (_country_of_words(name.split()) if label == "ORG" else None) or ctx.country
    role_sector = sector_of([t.text for t in extra]) or sector_of(ctx.roles.get(name, [])) or (
        sector_of(name.split()) if label == "ORG" else None) or (known[1] if known else None)
    return Actor(name, country, _office(role_sector, known) or _private(label))


@rule("known-office", "who", "Chief Executive Carrie Lam met the protest leaders in Hong Kong "
      "on Monday.", off=SAME)
def _office(sector: str | None, known: tuple[str, str] | None) -> str | None:
    """A head of state or government of ``figures.txt`` whom a title reads as a business's
    ("Chief Executive Carrie Lam") holds the office the list gives: GOV, not BUS. Any other
    role the article gives stays ("party leader Mahmoud Abbas")."""
    if known is not None and known[1] == "GOV" and sector == "BUS":
        return "GOV"
    return sector


@rule("private-person", "who", "John Smith attacked a neighbour in Malibu on Monday.",
      off=None)
def _private(label: str) -> str | None:
    """A person the article gives no role, office or body for is a private person: a
    civilian, CVL (PLOVER's sector for people acting for no organisation)."""
    return "CVL" if label == "PERSON" else None


@cache
def _figures() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str] | None]]:
    """Full name -> (country, sector) of ``figures.txt``, and surname -> the same where every
    figure of that surname has one country and sector (else ``None``)."""
    full: dict[str, tuple[str, str]] = {}
    by_surname: dict[str, tuple[str, str] | None] = {}
    table = sections("figures.txt")
    common = {w.lower() for w in table.get("common surnames", ())}
    for key, names in table.items():
        code, _, sector = key.partition(" ")
        if not sector.isupper():  # "common surnames"
            continue
        for name in names:
            full[name.lower()] = (code, sector)
            last = name.split()[-1].lower()
            if last not in common:
                seen = by_surname.get(last, (code, sector))
                by_surname[last] = (code, sector) if seen == (code, sector) else None
    return full, by_surname


def figure(name: str) -> tuple[str, str] | None:
    """(country, sector) of a public figure of ``figures.txt`` by full name, or by a surname
    written alone ("Yeltsin")."""
    full, by_surname = _figures()
    if name.lower() in full:
        return full[name.lower()]
    return by_surname.get(name.lower()) if " " not in name.strip() else None


def _country_of_words(words: list[str]) -> str | None:
    gaz = gazetteer()
    for w in words:
        code = gaz.country_of_name(w.removesuffix("'s").removesuffix("’s"))  # "Russia's"
        if code:
            return code
    return None
