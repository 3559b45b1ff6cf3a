"""HTML pages: body and metadata with trafilatura and htmldate, then newsmill's own passes.

1. trafilatura finds the story's main text, first without its fallback extractors (faster, and
   as good on most pages), with them when that text is mostly menus; ``dates.py`` finds the
   published date (of htmldate's and the metadata's days, the first the page shows). When the
   page marks one element as its story (``itemprop="articleBody"``, a class in
   ``containers.txt``) and trafilatura took much more than that element holds (a table layout,
   a sidebar of other stories), the main text is taken from the element alone;
2. headings before the story's first paragraph (the headline, a standfirst set as a
   subheading, a kicker) are left out;
3. split stories are joined: when the page's story is cut into several containers of the same
   kind (ad slots between "chunks"), the later containers trafilatura left out are added;
4. ``prune.py`` drops the chrome left in the text (headline again, prompts, link lists);
5. ``metadata.py`` reads the title, site name, authors and canonical URL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import trafilatura
from lxml.html import tostring  # type: ignore[import-untyped]
from trafilatura.utils import load_html

from newsmill.extract.dates import published_day
from newsmill.extract.lexicon import marks_container
from newsmill.extract.metadata import PageMeta, canonical_url, choose_title, find_authors
from newsmill.extract.prune import DEFAULT_FOCUS, Focus, prune
from newsmill.extract.text import is_prose, n_words

LANG_ATTR = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2})", re.I)
MIN_CHUNK_WORDS = 8  # a paragraph of a sibling container this long is story text
MIN_CONTAINER_WORDS = 50  # a marked story element with fewer words is a teaser or a stub
CONTAINER_TAGS = ("div", "article", "section", "main", "td")  # elements that may hold a story
MIN_PROSE_SHARE = 0.3  # a main text with less of its words in prose is menus: try harder
NARROWER_SHARE = 0.8  # trafilatura's text is this much longer than the story element: too much


@dataclass(frozen=True)
class HtmlArticle:
    body: str
    title: str | None
    authors: tuple[str, ...]
    publisher: str | None
    published: str | None
    updated: str | None
    declared_language: str | None
    canonical_url: str | None = None


def _key(text: str) -> str:
    return " ".join(text.split())


def _paragraph_texts(element: Any) -> list[str]:
    out = []
    for p in element.iter("p"):
        text = " ".join(p.text_content().split())
        if len(text.split()) >= MIN_CHUNK_WORDS:
            out.append(text)
    return out


def _signature(element: Any) -> tuple[str, str | None, str | None]:
    parent = element.getparent()
    return element.tag, element.get("class"), parent.get("class") if parent is not None else None


def join_chunks(tree: Any, lines: list[str]) -> list[str]:
    """``lines`` with the paragraphs of the story's later chunks added: containers after the
    one holding most of ``lines`` with the same tag and class, in a parent of the same class."""
    keys = {_key(ln) for ln in lines}
    counts: dict[Any, int] = {}
    for p in tree.iter("p"):
        parent = p.getparent()
        if parent is not None and _key(p.text_content()) in keys:
            counts[parent] = counts.get(parent, 0) + 1
    if not counts:
        return lines
    main = max(counts, key=lambda el: counts[el])
    signature = _signature(main)
    if counts[main] < 2 or not signature[1]:
        return lines
    after: list[str] = []
    seen_main = False
    for el in tree.iter(main.tag):
        if el is main:
            seen_main = True
        elif seen_main and _signature(el) == signature:
            after.extend(t for t in _paragraph_texts(el) if _key(t) not in keys)
    return lines + after


def _without_leading_heads(body: Any, lines: list[str]) -> list[str]:
    """``lines`` without the headings that come before the story's first paragraph: the
    headline, a standfirst set as a subheading, a kicker or a list of other headlines. Headings
    after the first paragraph are the story's own subheads and stay."""
    if body is None:
        return lines
    leading = set()
    for element in body:
        if element.tag != "head":
            break
        leading.add(_key("".join(element.itertext())))
    start = 0
    while start < len(lines) and _key(lines[start]) in leading:
        start += 1
    return lines[start:] if start < len(lines) else lines


def _main_text(tree: Any, url: str | None, focus: Focus) -> Any:
    """trafilatura's main text of a page (or of a part of one), ``None`` when it finds none.
    trafilatura runs without its fallback extractors first (faster, and as good on most
    pages); when that text is mostly menus and lists, not prose, the fallbacks are run too."""
    doc = _trafilatura(tree, url, focus, fast=True)
    if doc is None or _prose_share(doc.text) < MIN_PROSE_SHARE:
        doc = _trafilatura(tree, url, focus, fast=False) or doc
    return doc


def _trafilatura(tree: Any, url: str | None, focus: Focus, fast: bool) -> Any:
    doc: Any = trafilatura.bare_extraction(
        tree, url=url, with_metadata=False, include_comments=False, include_tables=True,
        favor_precision=focus == "precise", favor_recall=focus == "complete", fast=fast,
    )
    return doc if doc is not None and (doc.text or "").strip() else None


def _prose_share(text: str) -> float:
    """The share of a text's words that stand in prose lines (sentences, not menu entries)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    total = sum(n_words(ln) for ln in lines)
    return sum(n_words(ln) for ln in lines if is_prose(ln)) / total if total else 0.0


def _words(element: Any) -> int:
    return len(element.text_content().split())


def _story_container(tree: Any) -> Any:
    """The one element the page marks as holding its story (``itemprop="articleBody"`` or a
    class or id name in ``containers.txt``), when there is exactly one and it holds a story's
    worth of words; else ``None``."""
    marked = {el for el in tree.iter(*CONTAINER_TAGS)
              if el.get("itemprop") == "articleBody"
              or marks_container(f"{el.get('class', '')} {el.get('id', '')}")}
    outer = [el for el in marked if not any(a in marked for a in el.iterancestors())]
    if len(outer) != 1 or _words(outer[0]) < MIN_CONTAINER_WORDS:
        return None
    return outer[0]


def extract_html(html: str, url: str | None = None,
                 focus: Focus = DEFAULT_FOCUS) -> HtmlArticle | None:
    """Article body and metadata of an HTML page; ``None`` when the page holds no text."""
    tree = load_html(html)
    if tree is None:
        return None
    doc = _main_text(tree, url, focus)
    if doc is None:
        return None
    narrower = _story_container(tree)
    if narrower is not None and _words(narrower) < NARROWER_SHARE * len(doc.text.split()):
        # trafilatura took more than the page's own story element: take the element's text
        doc = _main_text(load_html(f"<html><body><article>{tostring(narrower, encoding='unicode')}"
                                   "</article></body></html>"), url, focus) or doc
    meta = PageMeta.read(tree)
    publisher = meta.site_name()
    published = published_day(tree, meta, url)
    updated = meta.modified()
    title = choose_title(tree, meta, publisher)
    lines = [ln.strip() for ln in doc.text.splitlines() if ln.strip()]
    lines = _without_leading_heads(doc.body, lines)
    lines = join_chunks(tree, lines)
    lang = LANG_ATTR.search(html[:5000])
    return HtmlArticle(
        body="\n\n".join(prune(lines, title, focus)),
        title=title,
        authors=find_authors(tree, meta, publisher),
        publisher=publisher,
        published=published,
        updated=updated if updated and updated != published else None,
        declared_language=lang.group(1).lower() if lang else None,
        canonical_url=canonical_url(tree, meta, url),
    )
