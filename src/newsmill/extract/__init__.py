"""Extract: ``Page`` -> ``Article`` (clean body, title, authors, publisher, dates, language).

Text that carries mojibake is repaired (``encoding.py``: "courtâ€™s" -> "court’s"): a
plain-text scrape before its lines are cleaned, an HTML page's story once it is found. HTML
goes through trafilatura and htmldate (``html.py``); plain-text scrapes through the
chrome-line cleaner (``text.py``). A page with no article text becomes ``Skipped``.
"""

from __future__ import annotations

import functools
import hashlib

from newsmill import errors
from newsmill.extract.encoding import repair
from newsmill.extract.html import extract_html
from newsmill.extract.language import detect_language
from newsmill.extract.prune import DEFAULT_FOCUS, FOCUSES, Focus
from newsmill.extract.text import clean_text
from newsmill.ingest.dates import iso_day
from newsmill.pipeline import FunctionStage, stage
from newsmill.records import Article, Page, Skipped

__all__ = ["DEFAULT_FOCUS", "FOCUSES", "Focus", "content_hash", "extract", "extract_stage",
           "repair"]

STAGE = "extract"
MIN_BODY_WORDS = 10  # less than a sentence of text is a menu or a stub, not an article


def content_hash(body: str) -> str:
    """sha256 of the lower-cased, whitespace-normalised body: equal for equal text."""
    return hashlib.sha256(" ".join(body.lower().split()).encode("utf-8")).hexdigest()


def origin(page: Page, canonical: str | None) -> dict[str, str | None]:
    """Where the article came from; its ``url`` (its identity) is the canonical URL the page
    declares, else the final URL after redirects, else the URL it was fetched from."""
    final = page.final_url or page.url
    return {"url": canonical or final, "fetched_url": page.url, "final_url": final,
            "canonical_url": canonical, "fetched": page.fetched}


def extract(page: Page, focus: Focus = DEFAULT_FOCUS) -> Article | Skipped:
    """The article in one page, or ``Skipped`` naming the page when it holds none. ``focus``
    runs from ``precise`` (less chrome, may lose story) to ``complete`` (all of the story, may
    keep chrome)."""
    if page.kind == "html":
        found = extract_html(page.content, page.final_url or page.url, focus)
        if found is None or len(found.body.split()) < MIN_BODY_WORDS:
            return Skipped(page.id, page.source, STAGE, errors.no_text(page.source, "HTML"))
        body = repair(found.body)  # what was found, not the whole page: repair takes time
        return Article(
            id=page.id, source=page.source, kind=page.kind, body=body,
            title=repair(found.title) if found.title else page.title_hint,
            authors=tuple(repair(a) for a in found.authors) or page.authors_hint,
            publisher=repair(found.publisher) if found.publisher else found.publisher,
            published=iso_day(page.published) or found.published, updated=found.updated,
            language=detect_language(body, found.declared_language),
            content_hash=content_hash(body), page_hash=page.digest,
            **origin(page, found.canonical_url),
        )
    clean = clean_text(repair(page.content), focus)  # chrome lines are known once repaired
    if len(clean.body.split()) < MIN_BODY_WORDS:
        return Skipped(page.id, page.source, STAGE, errors.no_text(page.source, "plain-text"))
    return Article(
        id=page.id, source=page.source, kind=page.kind, body=clean.body,
        title=clean.title or page.title_hint, authors=clean.authors or page.authors_hint,
        publisher=clean.publisher, published=iso_day(page.published) or clean.published,
        language=detect_language(clean.body),
        content_hash=content_hash(clean.body), page_hash=page.digest, **origin(page, None),
    )


def extract_stage(focus: Focus = DEFAULT_FOCUS) -> FunctionStage:
    """The extract stage at the given focus."""
    return stage(STAGE, needs=["page"], provides=["article"], output=Article)(
        functools.partial(extract, focus=focus))
