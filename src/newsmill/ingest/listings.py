"""Feeds and sitemaps: the lists of article links that outlets publish.

RSS and Atom are read by feedparser, JSON Feed (1.0, 1.1) by its few fields; sitemaps
(``<urlset>``, ``<sitemapindex>``, Google News sitemaps with ``<news:news>``) by lxml with
entities and network access off. Each item becomes a ``Link``: the article's URL with the
title, publication day and authors the listing gives, kept as hints for the page.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urljoin

import feedparser
from lxml import etree  # type: ignore[import-untyped]

from newsmill import errors

ListingKind = Literal["feed", "sitemap", "sitemap index"]
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/feed+json", "application/json", "application/x-gzip",
    "application/gzip", "text/rss+xml"})
ISO_DAY = re.compile(r"^\s*(\d{4}-\d\d-\d\d)")
XML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*"
    rb"<([\w:.-]+)", re.S)
LISTING_ROOTS = {"rss": "feed", "feed": "feed", "rdf:RDF": "feed", "RDF": "feed",
                 "urlset": "sitemap", "sitemapindex": "sitemap index"}
MAX_UNPACKED = 100 * errors.MB  # the sitemap protocol's own limit is 50 MB


@dataclass(frozen=True)
class Link:
    """An article a listing points to, with what the listing says of it."""

    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Listing:
    kind: ListingKind
    links: tuple[Link, ...] = ()
    sitemaps: tuple[str, ...] = ()  # the sitemaps a sitemap index names


def unpack(data: bytes, source: str, limit: int = MAX_UNPACKED) -> bytes:
    """Gzipped bytes unpacked (at most ``limit``), other bytes as they are."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise errors.InputError(source, errors.truncated_gzip(source, str(exc))) from exc
    if len(out) > limit:
        raise errors.InputError(source, errors.too_large(source, len(out), limit))
    return out


def sniff(data: bytes) -> ListingKind | None:
    """What listing the bytes hold, if any (gzipped bytes are unpacked first)."""
    head = data[:4096]
    if head.startswith(b"\x1f\x8b"):
        try:
            head = gzip.decompress(data)[:4096]
        except (OSError, EOFError, zlib.error):
            return None
    if head.lstrip().startswith(b"{"):
        return "feed" if b"jsonfeed.org" in head else None
    match = XML_START.match(head)
    if not match:
        return None
    kind = LISTING_ROOTS.get(match.group(1).decode("ascii", "replace"))
    return kind  # type: ignore[return-value]


def parse_listing(data: bytes, source: str, base: str | None = None) -> Listing:
    """The links of a feed or sitemap; raises ``InputError`` naming ``source``."""
    data = unpack(data, source)
    kind = sniff(data)
    if kind is None:
        raise errors.InputError(source, errors.not_a_feed(source, "no <rss>, <feed>, <urlset>, "
                                                          "<sitemapindex> or JSON Feed found"))
    if kind == "feed":
        return _json_feed(data, source, base) if data.lstrip().startswith(b"{") \
            else _feed(data, source, base)
    return _sitemap(data, source, base)


def _day(value: Any) -> str | None:
    if isinstance(value, str):
        match = ISO_DAY.match(value)
        return match.group(1) if match else None
    if value is not None and hasattr(value, "tm_year"):  # feedparser's time.struct_time, UTC
        year, month, day = value[:3]
        return datetime(year, month, day, tzinfo=UTC).strftime("%Y-%m-%d")
    return None


def _absolute(url: str, base: str | None) -> str:
    return urljoin(base, url.strip()) if base else url.strip()


def _feed(data: bytes, source: str, base: str | None) -> Listing:
    parsed = feedparser.parse(data, response_headers={"content-location": base or ""})
    if not parsed.get("version") and not parsed.entries:
        detail = str(parsed.get("bozo_exception") or "no items")
        raise errors.InputError(source, errors.not_a_feed(source, detail))
    links = []
    for entry in parsed.entries:
        url = entry.get("link") or next((lk.get("href") for lk in entry.get("links", [])
                                         if lk.get("href")), None)
        if not url:
            continue
        authors = tuple(a["name"] for a in entry.get("authors", [])
                        if isinstance(a, dict) and a.get("name"))
        if not authors and entry.get("author"):
            authors = (str(entry["author"]),)
        links.append(Link(_absolute(url, base), entry.get("title") or None,
                          _day(entry.get("published_parsed") or entry.get("updated_parsed")),
                          authors))
    return Listing("feed", tuple(links))


def _json_feed(data: bytes, source: str, base: str | None) -> Listing:
    try:
        feed = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise errors.InputError(source, errors.not_a_feed(source, f"bad JSON: {exc}")) from exc
    if not isinstance(feed, dict) or not isinstance(feed.get("items"), list):
        raise errors.InputError(source, errors.not_a_feed(source, 'no "items" list'))
    links = []
    for item in feed["items"]:
        if not isinstance(item, dict):
            continue
        url = item.get("url") or item.get("external_url")
        if not isinstance(url, str) or not url.strip():
            continue
        people = item.get("authors") or ([item["author"]] if item.get("author") else [])
        authors = tuple(p["name"] for p in people
                        if isinstance(p, dict) and isinstance(p.get("name"), str))
        title = item.get("title")
        links.append(Link(_absolute(url, base), title if isinstance(title, str) else None,
                          _day(item.get("date_published")), authors))
    return Listing("feed", tuple(links))


def _local(element: Any) -> str:
    return str(etree.QName(element).localname)


def _child_text(element: Any, name: str) -> str | None:
    for child in element.iter():
        if isinstance(child.tag, str) and _local(child) == name and child.text:
            return str(child.text).strip()
    return None


def _sitemap(data: bytes, source: str, base: str | None) -> Listing:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True,
                             huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise errors.InputError(source, errors.not_a_feed(source, str(exc))) from exc
    if root is None:
        raise errors.InputError(source, errors.not_a_feed(source, "empty XML"))
    if _local(root) == "sitemapindex":
        maps = [_absolute(loc, base) for sm in root if isinstance(sm.tag, str)
                and _local(sm) == "sitemap" and (loc := _child_text(sm, "loc"))]
        return Listing("sitemap index", sitemaps=tuple(dict.fromkeys(maps)))
    links = []
    for entry in root:
        if not isinstance(entry.tag, str) or _local(entry) != "url":
            continue
        loc = _child_text(entry, "loc")
        if not loc:
            continue
        # a news sitemap's publication date is the story's; <lastmod> is only a change
        links.append(Link(_absolute(loc, base), _child_text(entry, "title"),
                          _day(_child_text(entry, "publication_date"))))
    return Listing("sitemap", tuple(links))
