"""The typed records that cross stage boundaries.

Every record is a frozen dataclass made only of strings, numbers, tuples and other records, so it
pickles (the Ray runner ships them) and compares by value (tests and idempotent storage rely on it).

    ingest      -> Page
    extract     Page -> Article
    nlp         Article -> Document (with entity mentions)
    statements  Document -> Document (with statements)
    events      Document -> Document (with events)

A stage that rejects its input returns a ``Skipped`` record instead, naming itself and the reason.
Offsets (``start``, ``end``) are character offsets into ``Article.body``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Literal

PageKind = Literal["html", "text"]


@dataclass(frozen=True)
class Page:
    """One input document as read from disk, a JSON Lines record or standard input."""

    id: str
    source: str  # where it came from: a path, "path:line" for JSON Lines, or "<stdin>"
    kind: PageKind
    content: str  # decoded text: HTML markup or a plain-text scrape
    url: str | None = None  # the URL it was fetched from (or that the input names)
    published: str | None = None  # ISO day given by the input itself (JSON Lines "published")
    final_url: str | None = None  # where the fetch ended, after redirects
    fetched: str | None = None  # when it was fetched (HTTP or the WARC record's date), ISO UTC
    title_hint: str | None = None  # a feed's or sitemap's title for it, used when the page has none
    authors_hint: tuple[str, ...] = ()  # a feed's authors for it, used when the page names none
    warnings: tuple[str, ...] = ()  # what was wrong but did not stop it (a date dropped)

    @cached_property
    def digest(self) -> str:
        """sha256 of the content: the same input read again has the same digest."""
        return hashlib.sha256(self.content.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Article:
    """The clean article: body text and metadata."""

    id: str
    source: str
    kind: PageKind
    body: str  # paragraphs separated by one blank line
    title: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    updated: str | None = None
    language: str | None = None
    url: str | None = None  # its identity: canonical URL, else final URL, else the given one
    content_hash: str = ""  # sha256 of the whitespace-normalised body
    page_hash: str = ""  # sha256 of the page as read: the same input again is recognised
    duplicate_of: str | None = None  # id of the first stored copy of the same story
    fetched_url: str | None = None  # the URL it was fetched from (or that the input names)
    final_url: str | None = None  # where that fetch ended, after redirects
    canonical_url: str | None = None  # what the page declares: link rel=canonical, og:url, JSON-LD
    fetched: str | None = None  # when it was fetched, ISO UTC


@dataclass(frozen=True)
class Mention:
    """A named-entity mention in the article body."""

    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, ...


@dataclass(frozen=True)
class Statement:
    """Who said what (filled by the statements stage)."""

    content: str
    start: int
    end: int
    kind: Literal["direct", "indirect", "mixed", "according_to"]
    speaker: str | None = None
    speaker_mention: str | None = None
    role: str | None = None
    cue: str | None = None


@dataclass(frozen=True)
class Actor:
    name: str
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Event:
    """Who did what to whom, where and when (filled by the events stage)."""

    type: str
    evidence: str
    start: int
    end: int
    mode: str | None = None
    actors: tuple[Actor, ...] = ()
    recipients: tuple[Actor, ...] = ()
    place: Place | None = None
    date: str | None = None
    status: Literal["occurred", "planned", "denied", "hypothetical"] = "occurred"
    size: int | None = None  # participants ("hundreds" = 200, "thousands" = 2000)
    arrested: int | None = None
    injured: int | None = None
    dead: int | None = None


@dataclass(frozen=True)
class Document:
    """An article with everything the analysis stages found in it.

    ``parse`` holds the spaCy ``Doc`` between the NLP stage and the stages that read the parse;
    it is not compared, not shown and not stored.
    """

    article: Article
    mentions: tuple[Mention, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    parse: Any = field(default=None, compare=False, repr=False)

    @property
    def id(self) -> str:
        return self.article.id

    def without_parse(self) -> Document:
        return replace(self, parse=None)


@dataclass(frozen=True)
class Skipped:
    """An input that a stage rejected: stored and counted, never silently dropped."""

    id: str
    source: str
    stage: str
    reason: str  # a sentence naming the input, what is wrong and the fix


Record = Page | Article | Document | Skipped
