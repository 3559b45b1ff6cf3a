"""The shapes of the HTTP API's answers, for its OpenAPI description (``/openapi.json``, ``/docs``).

The API writes its JSON straight from the store's records (``api.py``); a test checks that what
it writes fits these models, so the description cannot drift from the answers.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    status: int = Field(description="The HTTP status, repeated.")
    message: str = Field(description="What is wrong and how to fix it.")
    parameter: str | None = Field(None, description="The query parameter at fault, if one is.")


class ErrorBody(BaseModel):
    """Every error the API answers has this one shape."""

    error: ErrorDetail


class Party(BaseModel):
    name: str
    country: str | None = Field(None, description="ISO 3166 alpha-3 code.")
    sector: str | None = Field(None, description="PLOVER sector code: GOV, COP, CVL, ...")


class PlaceOut(BaseModel):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class EventOut(BaseModel):
    id: str = Field(description="The article's id, a dash, the event's number in the article.")
    article_id: str
    idx: int
    day: str | None = Field(description="The event's date, else its article's publication day.")
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    type: str = Field(description="PLOVER event type.")
    mode: str | None
    status: str = Field(description="occurred, planned, denied or hypothetical.")
    date: str | None
    actors: list[Party]
    recipients: list[Party]
    place: PlaceOut | None
    evidence: str = Field(description="The words of the article that tell the event.")
    start: int = Field(description="Character offset of the evidence in the article's body.")
    end: int
    size: int | None
    arrested: int | None
    injured: int | None
    dead: int | None


class StatementOut(BaseModel):
    id: str
    article_id: str
    idx: int
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    speaker: str | None
    speaker_mention: str | None
    role: str | None
    cue: str | None
    kind: str
    content: str
    start: int = Field(description="Character offset of the content in the article's body.")
    end: int


class ArticleOut(BaseModel):
    id: str
    title: str | None
    publisher: str | None
    published: str | None
    language: str | None
    url: str | None
    duplicate_of: str | None
    events: int
    statements: int
    snippet: str | None = Field(description="With a search: the passage that matches best.")
    marks: list[list[int]] = Field(description="[start, end] of each match in the snippet.")


class SpeakerOut(BaseModel):
    name: str
    statements: int
    articles: int
    first: str | None
    last: str | None


class EventPage(BaseModel):
    items: list[EventOut]
    next: str | None = Field(description="Pass as cursor= for the next page; null at the end.")


class StatementPage(BaseModel):
    items: list[StatementOut]
    next: str | None


class ArticlePage(BaseModel):
    items: list[ArticleOut]
    next: str | None


class SpeakerPage(BaseModel):
    items: list[SpeakerOut]
    next: str | None


class CountOut(BaseModel):
    n: int
    day: str | None = None
    type: str | None = None
    mode: str | None = None
    status: str | None = None
    place_country: str | None = None
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None


class Counts(BaseModel):
    by: list[str]
    counts: list[CountOut]


class Mention(BaseModel):
    start: int
    end: int
    text: str
    label: str


class ArticleFull(BaseModel):
    """One article with everything found in it; offsets are into ``body``."""

    id: str
    title: str | None
    authors: list[str]
    publisher: str | None
    published: str | None
    language: str | None
    url: str | None
    source: str
    duplicate_of: str | None
    body: str
    mentions: list[Mention]
    statements: list[StatementOut]
    events: list[EventOut]


class Country(BaseModel):
    iso3: str
    numeric: str = Field(description="ISO 3166 numeric code, as world-atlas names shapes.")
    name: str


class Meta(BaseModel):
    types: list[str]
    statuses: list[str]
    kinds: list[str]
    articles: int
    events: int
    statements: int
    first_day: str | None
    last_day: str | None
    countries: list[Country]
