"""Where a page came from: the canonical URL it declares is the article's identity."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsmill.extract import extract
from newsmill.records import Article, Page

STORY = " ".join(["Police detained dozens of protesters in the capital on Sunday."] * 8)


def page(head: str, url: str | None = None, **kw: object) -> Page:
    html = f"<html><head>{head}</head><body><article><p>{STORY}</p></article></body></html>"
    return Page("p1", "p1.html", "html", html, url, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("head", "base", "expected"), [
    ('<link rel="canonical" href="https://ex.org/2024/story">', None, "https://ex.org/2024/story"),
    ('<link rel="alternate canonical" href="/2024/story">', "https://ex.org/a?x=1",
     "https://ex.org/2024/story"),
    ('<meta property="og:url" content="https://ex.org/og-story">', None, "https://ex.org/og-story"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "url": "https://ex.org/ld"}'
     "</script>", None, "https://ex.org/ld"),
    ('<link rel="canonical" href="https://ex.org/">', None, None),  # a front page is no story
    ('<link rel="canonical" href="javascript:alert(1)">', None, None),
    ('<link rel="canonical" href="/relative">', None, None),  # nothing to resolve it against
])
def test_canonical_url_is_read_from_the_page(head: str, base: str | None,
                                             expected: str | None) -> None:
    article = extract(page(head, base))
    assert isinstance(article, Article)
    assert article.canonical_url == expected
    assert article.url == (expected or base)


def test_an_article_keeps_the_url_it_was_fetched_from_and_where_redirects_ended() -> None:
    article = extract(page('<link rel="canonical" href="https://ex.org/story">',
                           "http://ex.org/s?id=1", final_url="https://ex.org/s/1",
                           fetched="2024-03-05T10:00:00Z"))
    assert isinstance(article, Article)
    assert (article.fetched_url, article.final_url) == ("http://ex.org/s?id=1",
                                                        "https://ex.org/s/1")
    assert article.url == article.canonical_url == "https://ex.org/story"
    assert article.fetched == "2024-03-05T10:00:00Z"


def test_feed_hints_fill_what_the_page_does_not_say() -> None:
    article = extract(page("", "https://ex.org/s", title_hint="Feed title",
                           authors_hint=("Jane Roe",)))
    assert isinstance(article, Article)
    assert article.title == "Feed title"
    assert article.authors == ("Jane Roe",)
    titled = extract(Page("p2", "p2.html", "html", "<html><head><title>Own headline here"
                          f"</title></head><body><h1>Own headline here</h1><p>{STORY}</p>"
                          "</body></html>", title_hint="Feed title"))
    assert isinstance(titled, Article) and titled.title == "Own headline here"


def test_most_benchmark_pages_declare_a_canonical_url() -> None:
    from tests.conftest import shared_path

    folder = shared_path("data", "article-extraction-benchmark", "html")
    import gzip

    found = 0
    files = sorted(Path(folder).glob("*.html*"))[:20]
    for f in files:
        data = f.read_bytes()
        html = gzip.decompress(data) if f.suffix == ".gz" else data
        article = extract(Page(f.name, str(f), "html", html.decode("utf-8", "replace")))
        found += isinstance(article, Article) and article.url is not None
    assert found >= 15, f"{found} of {len(files)} benchmark pages got a URL"
