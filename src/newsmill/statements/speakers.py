"""Entities inside one article: the mentions of one person or organisation grouped, each group
named by its fullest form ("Tokayev" -> "Kassym-Jomart Tokayev", "OSCE" -> "the Organization
for Security and Co-operation in Europe"), and pronouns resolved to the latest person."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "we", "i"})
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")
DETERMINERS = frozenset({"the", "a", "an"})


def _words(text: str) -> list[str]:
    return [w.strip(".,’'s").lower() for w in text.replace("’s", "").split() if w.strip(".,")]


def _acronym(text: str) -> str:
    return "".join(w[0] for w in text.split() if w[:1].isupper())


@dataclass
class Entities:
    """The named entities of one parsed article, grouped."""

    canonical: dict[tuple[str, str], str] = field(default_factory=dict)  # (label, text) -> name
    persons: list[tuple[int, str]] = field(default_factory=list)  # (char offset, name)

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
        groups: list[tuple[str, list[str]]] = []  # (label, texts), fullest first after sorting
        ents = [e for e in doc.ents if e.label_ in NAME_LABELS]
        for ent in sorted(ents, key=lambda e: -len(e.text)):
            text = ent.text.strip()
            for label, texts in groups:
                if label == ent.label_ and _same(texts[0], text, label):
                    texts.append(text)
                    break
            else:
                groups.append((ent.label_, [text]))
        out = cls()
        for label, texts in groups:
            for text in texts:
                out.canonical[(label, text)] = texts[0]
        out.persons = [(e.start_char, out.canonical[(e.label_, e.text.strip())])
                       for e in ents if e.label_ == "PERSON"]
        return out

    def name(self, label: str, text: str) -> str:
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

    def person_before(self, offset: int) -> str | None:
        """The latest person named before ``offset``, preferring a full (two-word) name: a
        one-word PERSON is more often a tagging slip than a pronoun's antecedent."""
        found = [name for at, name in self.persons if at < offset]
        full = [name for name in found if len(name.split()) > 1]
        pick = full or found
        return pick[-1] if pick else None


def _same(full: str, short: str, label: str) -> bool:
    """``short`` names what ``full`` names: a surname or first name, a shorter form, an
    acronym."""
    fw, sw = _words(full), _words(short)
    if not sw:
        return False
    if " ".join(sw) in " ".join(fw):
        return label != "PERSON" or sw[-1] == fw[-1] or len(sw) == 1
    return label == "ORG" and short.isupper() and _acronym(full) == short


def strip_determiner(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)
