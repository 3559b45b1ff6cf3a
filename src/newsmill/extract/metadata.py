"""Title and authors of an HTML page, beyond what trafilatura reads from its metadata.

Title: the page's visible headline (an ``<h1>``) when it agrees with what the metadata calls
the title, else the metadata title without the site name ("Headline | Site"). Never the site
name itself.

Authors: trafilatura's names, each checked as a person's name: bylines carry outlets ("Chicago
Tribune staff"), companies ("Condé Nast"), job titles, user handles ("tpluto") and leftovers
("View all posts by ...", "... Link Copied"), which are cut off or dropped.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from newsmill.extract.lexicon import is_person_name, split_names

WORD = re.compile(r"\w+")
TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:»·]\s+")
MAX_TITLE_WORDS = 40
MIN_AGREEMENT = 0.3  # token F1 between an <h1> and a metadata title that makes them the same
SITE_PART_WORDS = 4  # a trailing " | part" this short is the site's name or section
ARTICLE_TYPES = ("Article", "BlogPosting", "WebPage")
BYLINE_XPATH = (
    '//*[@rel="author" or @itemprop="author" or contains(@class, "byline")'
    ' or contains(@class, "author")][not(self::script or self::meta or self::link)]'
    ' | //*[self::p or self::div or self::span or self::h4 or self::h5 or self::h6]'
    '[starts-with(normalize-space(.), "By ")][string-length(normalize-space(.)) < 60]'
)
AUTHOR_LEAD = re.compile(r"^(?:by|written by|view all posts by|posted by|author:?)\s+", re.I)
AUTHOR_TAIL = re.compile(
    r"\s+(?:link copied|author\b.*|the associated press|associated press|is an?\b.*|"
    r"https?://.*)$", re.I,
)


def _tokens(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def token_f1(a: str, b: str) -> float:
    ca, cb = Counter(_tokens(a)), Counter(_tokens(b))
    common = sum((ca & cb).values())
    if not common:
        return 0.0
    p, r = common / sum(cb.values()), common / sum(ca.values())
    return 2 * p * r / (p + r)


def _text(element: Any) -> str:
    return " ".join(element.text_content().split())


def strip_site(title: str, site: str | None = None) -> str:
    """"Headline | Site" -> "Headline": drop trailing parts that are the site's name or are
    as short as a site or section name."""
    parts = TITLE_SEPARATOR.split(title)
    site_key = _tokens(site or "")
    while len(parts) > 1 and (len(parts[-1].split()) <= SITE_PART_WORDS
                              or _tokens(parts[-1]) == site_key):
        parts.pop()
    return " - ".join(parts) if len(parts) > 1 else parts[0]


def _meta_titles(tree: Any) -> list[str]:
    found = tree.xpath(
        '//meta[@property="og:title" or @name="twitter:title"]/@content | //head/title/text()'
    )
    return [" ".join(t.split()) for t in found if t and t.strip()]


def choose_title(tree: Any, meta_title: str | None, site: str | None) -> str | None:
    """The headline of the page (see the module's docstring)."""
    metas = ([meta_title] if meta_title else []) + _meta_titles(tree)
    best, best_score = None, 0.0
    for h1 in tree.iter("h1"):
        text = _text(h1)
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
    name = AUTHOR_LEAD.sub("", " ".join(name.split()).strip(" -–—•|:"))
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


def _ld_authors(tree: Any) -> list[str]:
    """Author names of the page's JSON-LD article objects."""
    names: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.endswith(ARTICLE_TYPES) for k in kinds):
                authors = node.get("author")
                for author in authors if isinstance(authors, list) else [authors]:
                    if isinstance(author, dict) and isinstance(author.get("name"), str):
                        names.append(author["name"])
                    elif isinstance(author, str):
                        names.append(author)
            for value in node.values():
                if isinstance(value, (list, dict)):
                    walk(value)

    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            walk(json.loads(script))
        except ValueError:
            continue
    return names


def find_authors(tree: Any, raw: str | None, publisher: str | None) -> tuple[str, ...]:
    """The article's authors: trafilatura's (``raw``) if any is a person, else the JSON-LD
    article's, else the first byline element on the page that names a person."""
    found = clean_authors(raw, publisher)
    if found:
        return found
    found = clean_authors("; ".join(_ld_authors(tree)), publisher)
    if found:
        return found
    for element in tree.xpath(BYLINE_XPATH):
        found = clean_authors(" ".join(element.text_content().split()), publisher)
        if found:
            return found
    return ()
