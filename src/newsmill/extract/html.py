"""HTML pages: body and metadata with trafilatura, dates with htmldate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import trafilatura
from htmldate import find_date

LANG_ATTR = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2})", re.I)
AUTHOR_SPLIT = re.compile(r"\s*;\s*")


@dataclass(frozen=True)
class HtmlArticle:
    body: str
    title: str | None
    authors: tuple[str, ...]
    publisher: str | None
    published: str | None
    updated: str | None
    declared_language: str | None


def paragraphs(text: str, title: str | None = None) -> str:
    """trafilatura's one-block-per-line text as paragraphs separated by a blank line, without
    a first line that repeats the title (the page's headline)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if lines and title and lines[0].casefold() == title.strip().casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def _authors(raw: str | None, publisher: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    out = []
    for name in AUTHOR_SPLIT.split(raw):
        name = name.strip()
        if not name or any(ch.isdigit() for ch in name):
            continue
        if publisher and name.lower() == publisher.lower():
            continue
        if name not in out:
            out.append(name)
    return tuple(out)


def extract_html(html: str, url: str | None = None) -> HtmlArticle | None:
    """Article body and metadata of an HTML page; ``None`` when the page holds no text."""
    doc: Any = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        return None
    publisher = doc.sitename or None
    updated = None
    try:
        updated = find_date(html, extensive_search=False, original_date=False, url=url)
    except Exception:  # htmldate is best effort; the body does not depend on it
        updated = None
    published = doc.date or None
    lang = LANG_ATTR.search(html[:5000])
    return HtmlArticle(
        body=paragraphs(doc.text, doc.title),
        title=(doc.title or None),
        authors=_authors(doc.author, publisher),
        publisher=publisher,
        published=published,
        updated=updated if updated and updated != published else None,
        declared_language=lang.group(1).lower() if lang else None,
    )
