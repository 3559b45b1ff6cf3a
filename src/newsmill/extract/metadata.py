"""Metadata of an HTML page: title, site name, authors, last-modified day, canonical URL.

The page's meta tags and JSON-LD objects are read once (``PageMeta.read``); then:

Title: the page's visible headline (an ``<h1>``) when it agrees with what the metadata calls
the title, else the metadata title without the site name ("Headline | Site"). Never the site
name itself.

Authors: the names of the author meta tags, else of the JSON-LD article, else of the first
byline element on the page, each checked as a person's name. Bylines carry outlets ("Chicago
Tribune staff"), companies ("Condé Nast"), job titles, user handles ("tpluto") and leftovers
("View all posts by ...", "... Link Copied"), which are cut off or dropped.

Canonical URL: ``<link rel="canonical">``, else ``og:url``, else the JSON-LD article's ``url``,
made absolute against the page's URL; an http(s) address only, and not a site's front page (a
page that names its home page as canonical says nothing of the story's own address).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from newsmill.extract.lexicon import is_person_name, split_names

WORD = re.compile(r"\w+")
TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:»·]\s+")
ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
MAX_TITLE_WORDS = 40
MAX_SITE_WORDS = 6
MIN_AGREEMENT = 0.3  # token F1 between an <h1> and a metadata title that makes them the same
SITE_PART_WORDS = 4  # a trailing " | part" this short is the site's name or section
ARTICLE_TYPES = ("Article", "BlogPosting", "WebPage")
META_XPATH = "//meta[@content]"
LD_XPATH = '//script[@type="application/ld+json"]/text()'
BYLINE_XPATH = (
    '//*[@rel="author" or @itemprop="author" or contains(@class, "byline")'
    ' or contains(@class, "author")][not(self::script or self::meta or self::link)]'
)
BY_TEXT_XPATH = (
    '//text()[normalize-space(.) = "By" or starts-with(normalize-space(.), "By ")]/..'
)
MAX_BYLINE_CHARS = 60
TITLE_META = ("og:title", "twitter:title", "title", "parsely-title", "sailthru.title")
SITE_META = ("og:site_name", "application-name")
AUTHOR_META = ("author", "article:author", "byl", "parsely-author", "sailthru.author")
CANONICAL_XPATH = '//link[@href][contains(concat(" ", normalize-space(@rel), " "), " canonical ")]'
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")
AUTHOR_LEAD = re.compile(r"^(?:by|written by|view all posts by|posted by|author:?)\s+", re.I)
AUTHOR_TAIL = re.compile(
    r"\s+(?:link copied|author\b.*|the associated press|associated press|is an?\b.*|"
    r"https?://.*)$", re.I,
)


def _tokens(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def _squash(text: str) -> str:
    return " ".join(text.split())


def token_f1(a: str, b: str) -> float:
    ca, cb = Counter(_tokens(a)), Counter(_tokens(b))
    common = sum((ca & cb).values())
    if not common:
        return 0.0
    p, r = common / sum(cb.values()), common / sum(ca.values())
    return 2 * p * r / (p + r)


def strip_site(title: str, site: str | None = None) -> str:
    """"Headline | Site" -> "Headline": drop trailing parts that are the site's name or are
    as short as a site or section name."""
    parts = TITLE_SEPARATOR.split(title)
    site_key = _tokens(site or "")
    while len(parts) > 1 and (len(parts[-1].split()) <= SITE_PART_WORDS
                              or _tokens(parts[-1]) == site_key):
        parts.pop()
    return " - ".join(parts) if len(parts) > 1 else parts[0]


def _ld_nodes(tree: Any) -> list[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD scripts, nested ones included."""
    nodes: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            nodes.append(node)
            for value in node.values():
                if isinstance(value, (list, dict)):
                    walk(value)

    for script in tree.xpath(LD_XPATH):
        try:
            walk(json.loads(script))
        except ValueError:
            continue
    return nodes


def _is_article(node: dict[str, Any]) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.endswith(ARTICLE_TYPES) for k in kinds)


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            out.append(item["name"])
        elif isinstance(item, str):
            out.append(item)
    return out


@dataclass(frozen=True)
class PageMeta:
    """The meta tags (by lower-cased name or property, in page order) and JSON-LD objects."""

    tags: dict[str, list[str]]
    ld: list[dict[str, Any]]

    @classmethod
    def read(cls, tree: Any) -> PageMeta:
        tags: dict[str, list[str]] = {}
        for meta in tree.xpath(META_XPATH):
            key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "")
            if key:
                tags.setdefault(key.lower(), []).append(meta.get("content"))
        return cls(tags, _ld_nodes(tree))

    def values(self, keys: tuple[str, ...]) -> list[str]:
        """The non-empty contents of the meta tags named ``keys``, key by key."""
        return [v for k in keys for v in self.tags.get(k, []) if v and v.strip()]

    def titles(self, tree: Any) -> list[str]:
        """What the metadata calls the page's title: meta tags, JSON-LD headlines, <title>."""
        found = self.values(TITLE_META)
        found += [n["headline"] for n in self.ld if isinstance(n.get("headline"), str)]
        found += tree.xpath("//head/title/text()")
        return [_squash(t) for t in found if t and t.strip()]

    def site_name(self) -> str | None:
        """The site's own name (og:site_name, application-name, the JSON-LD publisher)."""
        found = self.values(SITE_META)
        found += [name for n in self.ld if _is_article(n) for name in _names(n.get("publisher"))]
        for value in found:
            name = _squash(value).lstrip("@")
            if name and len(name.split()) <= MAX_SITE_WORDS:
                return name
        return None

    def modified(self) -> str | None:
        """The day the page says it was last changed, as YYYY-MM-DD."""
        found = self.values(MODIFIED_META)
        found += [n["dateModified"] for n in self.ld if isinstance(n.get("dateModified"), str)]
        for value in found:
            day = ISO_DAY.match(value.strip())
            if day:
                return day.group(0)
        return None

    def author_names(self) -> tuple[list[str], list[str]]:
        """The author meta tags' names and the JSON-LD articles' author names."""
        ld = [name for n in self.ld if _is_article(n) for name in _names(n.get("author"))]
        return self.values(AUTHOR_META), ld


def choose_title(tree: Any, meta: PageMeta, site: str | None) -> str | None:
    """The headline of the page (see the module's docstring)."""
    metas = meta.titles(tree)
    best, best_score = None, 0.0
    for h1 in tree.iter("h1"):
        text = _squash(h1.text_content())
        if not text or len(text.split()) > MAX_TITLE_WORDS:
            continue
        score = max((token_f1(m, text) for m in metas), default=0.0)
        if score > best_score:
            best, best_score = text, score
    if best is None or best_score < MIN_AGREEMENT:
        best = strip_site(metas[0], site) if metas else None
    if best and site and _tokens(best) == _tokens(site):
        return None
    return best


def _clean_author(name: str) -> str:
    name = AUTHOR_LEAD.sub("", _squash(name).strip(" -–—•|:"))
    return AUTHOR_TAIL.sub("", name).strip(" ,.-–—•|:")


def clean_authors(raw: str | None, publisher: str | None) -> tuple[str, ...]:
    """The person names in a byline string, in order, without repeats."""
    if not raw:
        return ()
    out: list[str] = []
    seen: set[str] = set()
    site = set(_tokens(publisher or ""))
    for part in split_names(raw):
        name = _clean_author(part)
        key = " ".join(_tokens(name.replace("-", " ")))
        if not name or key in seen or not is_person_name(name):
            continue
        if site and set(key.split()) <= site:
            continue
        seen.add(key)
        out.append(name)
    return tuple(out)


def find_authors(tree: Any, meta: PageMeta, publisher: str | None) -> tuple[str, ...]:
    """The article's authors (see the module's docstring)."""
    for names in meta.author_names():
        found = clean_authors("; ".join(html.unescape(name) for name in names), publisher)
        if found:
            return found
    for xpath in (BYLINE_XPATH, BY_TEXT_XPATH):
        for element in tree.xpath(xpath):
            text = _squash(element.text_content())
            if xpath == BY_TEXT_XPATH and len(text) >= MAX_BYLINE_CHARS:
                continue
            found = clean_authors(text, publisher)
            if found:
                return found
    return ()


def canonical_url(tree: Any, meta: PageMeta, base: str | None = None) -> str | None:
    """The story's own address as the page declares it (see the module's docstring)."""
    found = [str(link.get("href")) for link in tree.xpath(CANONICAL_XPATH)]
    found += meta.values(("og:url",))
    found += [n["url"] for n in meta.ld if _is_article(n) and isinstance(n.get("url"), str)]
    for value in found:
        url = urljoin(base or "", html.unescape(value.strip()))
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            continue
        if parts.path.strip("/") == "" and not parts.query:
            continue  # the site's front page
        return url
    return None
