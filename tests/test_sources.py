"""URLs, feeds, sitemaps and follow mode end to end, against a real server on 127.0.0.1."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from newsmill.ingest import FetchOptions
from newsmill.ingest.listings import parse_listing
from newsmill.ingest.sources import Sources
from newsmill.ingest.urls import url_id
from newsmill.records import Page, Skipped
from newsmill.run import default_pipeline, run
from newsmill.run.follow import follow, parse_interval
from newsmill.store import Store
from tests.webserver import Reply, WebServer, html

FAST = FetchOptions(allowed_networks=("127.0.0.1/32",), delay=0.0, backoff=0.01, timeout=2.0,
                    deadline=5.0)
WORDS = ("Police detained dozens of protesters in the capital on Sunday, witnesses said, "
         "as crowds marched against the new law for the third weekend in a row.")


def story(n: int, canonical: str | None = None, title: str | None = None) -> str:
    head = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    head += f"<title>{title}</title>" if title else ""
    h1 = f"<h1>{title}</h1>" if title else ""
    import random

    words = WORDS.split()
    random.Random(n).shuffle(words)  # each story its own text, not a copy of another
    body = " ".join(f"{' '.join(words)} Story {n}, paragraph {p}." for p in range(4))
    return f"<html><head>{head}</head><body>{h1}<article><p>{body}</p></article></body></html>"


def rss(web: WebServer, paths: list[str]) -> Reply:
    items = "".join(
        f"<item><title>Feed title {p}</title><link>{web.url(p)}</link>"
        f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><author>Jane Roe</author></item>"
        for p in paths)
    body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}'
            "</channel></rss>")
    return Reply(200, body.encode(), {"Content-Type": "application/rss+xml"},
                 etag=f'"{len(paths)}"')


def ingest(inputs: list[str], store: Store, **kw: object) -> object:
    return run(inputs, store, pipeline=default_pipeline(nlp=False), fetch=FAST,
               **kw)  # type: ignore[arg-type]


# ---- listings ----------------------------------------------------------------------------

def test_rss_atom_and_json_feeds_give_links_with_hints() -> None:
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
            b'<entry><title>Atom story</title><link href="/a/1"/><published>2024-03-05T10:00:00Z'
            b"</published><author><name>Ann Lee</name></author></entry></feed>")
    (link,) = parse_listing(atom, "a.atom", "https://ex.org/feed").links
    assert (link.url, link.title, link.published, link.authors) == (
        "https://ex.org/a/1", "Atom story", "2024-03-05", ("Ann Lee",))
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
        {"id": "1", "url": "https://ex.org/j/1", "title": "JSON story",
         "date_published": "2024-03-04T08:00:00+01:00", "authors": [{"name": "Bo Ek"}]},
        {"id": "2", "content_text": "no url"}]}
    (link,) = parse_listing(json.dumps(feed).encode(), "f.json").links
    assert (link.url, link.title, link.published, link.authors) == (
        "https://ex.org/j/1", "JSON story", "2024-03-04", ("Bo Ek",))


def test_sitemaps_news_sitemaps_and_indexes() -> None:
    news = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
            b"<loc>https://ex.org/n/1</loc><lastmod>2024-03-09</lastmod><news:news>"
            b"<news:publication_date>2024-03-05T10:00:00Z</news:publication_date>"
            b"<news:title>News title</news:title></news:news></url>"
            b"<url><loc>https://ex.org/n/2</loc><lastmod>2024-03-09</lastmod></url></urlset>")
    listing = parse_listing(gzip.compress(news), "news.xml.gz")
    assert listing.kind == "sitemap"
    assert [(lk.url, lk.title, lk.published) for lk in listing.links] == [
        ("https://ex.org/n/1", "News title", "2024-03-05"), ("https://ex.org/n/2", None, None)]
    index = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
             b"<loc>https://ex.org/s1.xml</loc></sitemap><sitemap><loc>/s2.xml.gz</loc>"
             b"</sitemap></sitemapindex>")
    listing = parse_listing(index, "index.xml", "https://ex.org/sitemap.xml")
    assert listing.sitemaps == ("https://ex.org/s1.xml", "https://ex.org/s2.xml.gz")


@pytest.mark.parametrize("data", [b"<html><body>no feed</body></html>", b"{\"a\": 1}", b"",
                                  b"\x1f\x8b\x08broken", b"<rss><channel><item>"])
def test_what_is_no_listing_is_named(data: bytes) -> None:
    from newsmill import errors

    try:
        listing = parse_listing(data, "x.xml")
    except errors.InputError as exc:
        assert "x.xml" in exc.reason
    else:
        assert listing.links == ()  # a broken feed with no links: nothing to fetch


def test_an_entity_bomb_in_a_sitemap_is_not_expanded() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
            b']><urlset><url><loc>https://ex.org/&c;</loc></url></urlset>')
    links = parse_listing(bomb, "bomb.xml").links
    assert all(len(lk.url) < 100 for lk in links)


# ---- ingesting from the web --------------------------------------------------------------

def test_a_url_is_fetched_stored_with_its_origin_and_never_fetched_again(
        web: WebServer, tmp_path: Path) -> None:
    web.routes["/old"] = Reply(301, headers={"Location": "/2024/story"})
    web.routes["/2024/story"] = html(story(1, canonical="https://news.example/2024/story"))
    store = Store(tmp_path / "s.db")
    first = ingest([web.url("/old")], store)
    assert first.stored == 1 and first.exit_code == 0  # type: ignore[attr-defined]
    doc = store.get(url_id(web.url("/old")))
    assert doc is not None
    a = doc.article
    assert (a.fetched_url, a.final_url) == (web.url("/old"), web.url("/2024/story"))
    assert a.url == a.canonical_url == "https://news.example/2024/story"
    assert a.fetched and a.fetched.endswith("Z")
    hits = len(web.log)
    again = ingest([web.url("/old"), web.url("/2024/story")], store)
    assert again.stored == 0 and again.known == 2  # type: ignore[attr-defined]
    assert len(web.log) == hits  # nothing fetched


def test_the_same_story_under_two_urls_is_stored_once(web: WebServer, tmp_path: Path) -> None:
    page = html(story(2, canonical="https://news.example/one-story"))
    web.routes["/a"] = page
    web.routes["/b?utm_source=feed"] = page
    store = Store(tmp_path / "s.db")
    summary = ingest([web.url("/a"), web.url("/b?utm_source=feed")], store)
    assert summary.stored == 1 and summary.same_story == 1  # type: ignore[attr-defined]
    assert store.stats().articles == 1
    hits = len(web.log)
    again = ingest([web.url("/b?utm_source=feed")], store)  # known as a copy: not fetched
    assert again.known == 1 and len(web.log) == hits  # type: ignore[attr-defined]


def test_a_feed_s_links_are_fetched_and_bad_ones_skipped(web: WebServer, tmp_path: Path) -> None:
    web.routes["/feed.xml"] = rss(web, ["/s1", "/gone", "/paper.pdf", "/s2"])
    web.routes["/s1"] = html(story(1))  # no title of its own: the feed's is kept
    web.routes["/s2"] = html(story(2, title="Its own headline, a long one"))
    web.routes["/paper.pdf"] = Reply(200, b"%PDF", {"Content-Type": "application/pdf"})
    store = Store(tmp_path / "s.db")
    summary = ingest([web.url("/feed.xml")], store)
    assert summary.stored == 2 and summary.listings == 1  # type: ignore[attr-defined]
    reasons = sorted(s.reason for s in summary.skipped)  # type: ignore[attr-defined]
    assert "404" in reasons[0] and "application/pdf" in reasons[1]
    assert summary.exit_code == 3  # type: ignore[attr-defined]
    s1 = store.get(url_id(web.url("/s1")))
    assert s1 is not None
    assert s1.article.title == "Feed title /s1"
    assert s1.article.authors == ("Jane Roe",)
    assert s1.article.published == "2024-03-05"
    s2 = store.get(url_id(web.url("/s2")))
    assert s2 is not None and s2.article.title == "Its own headline, a long one"
    # the feed again: unchanged (304), nothing fetched but the feed
    hits = len(web.log)
    again = ingest([web.url("/feed.xml")], store)
    assert again.not_modified == 1 and again.stored == 0  # type: ignore[attr-defined]
    assert [p for p, _ in web.log[hits:] if p != "/robots.txt"] == ["/feed.xml"]
    assert again.exit_code == 0  # type: ignore[attr-defined]


def test_a_sitemap_index_by_url_and_a_feed_by_file(web: WebServer, tmp_path: Path) -> None:
    web.routes["/sitemap.xml"] = Reply(200, (
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f'<sitemap><loc>{web.url("/news.xml.gz")}</loc></sitemap></sitemapindex>').encode(),
        {"Content-Type": "application/xml"})
    web.routes["/news.xml.gz"] = Reply(200, gzip.compress((
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f'<url><loc>{web.url("/n1")}</loc></url></urlset>').encode()),
        {"Content-Type": "application/x-gzip"})
    web.routes["/n1"] = html(story(3))
    web.routes["/f1"] = html(story(4))
    feed = tmp_path / "outlet.rss"
    feed.write_bytes(rss(web, ["/f1"]).body)  # type: ignore[arg-type]
    store = Store(tmp_path / "s.db")
    summary = ingest([web.url("/sitemap.xml"), str(feed)], store)
    assert summary.stored == 2 and summary.listings == 3  # type: ignore[attr-defined]
    assert store.get(url_id(web.url("/n1"))) is not None


def test_a_url_list_file(web: WebServer, tmp_path: Path) -> None:
    web.routes["/u1"] = html(story(5))
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# my list\n\n{web.url('/u1')}\nnot a url\nftp://ex.org/x\n")
    store = Store(tmp_path / "s.db")
    summary = ingest([], store, url_lists=[str(listing)])
    assert summary.stored == 1  # type: ignore[attr-defined]
    reasons = " ".join(s.reason for s in summary.skipped)  # type: ignore[attr-defined]
    assert "'not a url' is not a URL" in reasons and "only http" in reasons


def test_private_addresses_are_refused_unless_allowed(web: WebServer, tmp_path: Path) -> None:
    web.routes["/p"] = html(story(6))
    store = Store(tmp_path / "s.db")
    summary = run([web.url("/p")], store, pipeline=default_pipeline(nlp=False),
                  fetch=FetchOptions(delay=0))
    (skipped,) = summary.skipped
    assert "--allow-private" in skipped.reason and summary.exit_code == 4
    assert web.hits("/p") == 0
    allowed = run([web.url("/p")], store, pipeline=default_pipeline(nlp=False),
                  fetch=FetchOptions(delay=0, allow_private=True))
    assert allowed.stored == 1 and store.skipped() == []  # the skip is forgotten once stored


def test_a_missing_path_that_is_not_a_url_is_named(tmp_path: Path) -> None:
    (got,) = list(Sources().read([str(tmp_path / "nope.html")]))
    assert isinstance(got, Skipped) and "not a URL" in got.reason


def test_paths_that_cannot_be_looked_at_are_skipped_and_the_run_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_text(story(1))
    odd = os.fsdecode(bytes(tmp_path) + b"/caf\xe9.html")  # no such file, its name not UTF-8
    long = str(tmp_path / ("x" * 300 + ".html"))  # a name too long for the file system
    with Store(tmp_path / "s.db") as store:
        summary = run([odd, long, good], store, pipeline=default_pipeline(nlp=False))
        skipped = {s.source: s.reason for s in store.skipped()}
    assert summary.stored == 1 and len(summary.skipped) == 2 and summary.exit_code == 3
    shown = str(tmp_path / "caf\\xe9.html")
    assert "no such file or folder" in skipped[shown] and shown in skipped[shown]
    assert "cannot be read" in skipped[long]


def test_a_run_stopped_half_way_reads_the_feed_in_full_next_time(
        web: WebServer, tmp_path: Path) -> None:
    paths = [f"/k{n}" for n in range(10)]
    web.routes["/feed.xml"] = rss(web, paths)
    for n, p in enumerate(paths):
        web.routes[p] = html(story(10 + n))
    store = Store(tmp_path / "s.db")
    stop = threading.Event()
    sources = Sources(memory=store, fetch=replace(FAST, concurrency=1), stop=stop)
    first = run([web.url("/feed.xml")], store, pipeline=default_pipeline(nlp=False),
                batch_size=2, sources=sources, progress=lambda n: stop.set())
    sources.close()
    assert 2 <= first.stored < 10 and first.duplicates == 0
    second = ingest([web.url("/feed.xml")], store)
    assert second.not_modified == 0  # type: ignore[attr-defined]
    assert first.stored + second.stored == 10  # type: ignore[attr-defined]
    assert second.known == first.stored  # type: ignore[attr-defined]
    assert all(web.hits(p) == 1 for p in paths)


# ---- follow mode -------------------------------------------------------------------------

def test_parse_interval() -> None:
    assert [parse_interval(t) for t in ("15m", "30s", "2h", "1d", "90")] == [
        900, 30, 7200, 86400, 90]
    with pytest.raises(ValueError, match="15m"):
        parse_interval("soon")


def test_follow_fetches_only_what_is_new_each_round(web: WebServer, tmp_path: Path) -> None:
    web.routes["/feed.xml"] = rss(web, ["/f1", "/f2"])
    for n in range(1, 4):
        web.routes[f"/f{n}"] = html(story(20 + n))
    store = Store(tmp_path / "s.db")

    def between(r: object) -> None:
        if getattr(r, "number", 0) == 2:  # a new story appears after round 2
            web.routes["/feed.xml"] = rss(web, ["/f3", "/f1", "/f2"])

    rounds = follow([web.url("/feed.xml")], store, every=0.0, rounds=4,
                    pipeline=default_pipeline(nlp=False), fetch=FAST, on_round=between)
    got = [(r.summary.stored, r.summary.known, r.summary.not_modified) for r in rounds]
    assert got == [(2, 0, 0), (0, 0, 1), (1, 2, 0), (0, 0, 1)]
    assert [web.hits(f"/f{n}") for n in range(1, 4)] == [1, 1, 1]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_the_follow_command_stops_on_a_signal_and_loses_nothing(
        web: WebServer, tmp_path: Path, cli_env: dict[str, str], sig: int) -> None:
    web.routes["/feed.xml"] = rss(web, ["/g1", "/g2"])
    web.routes["/g1"] = html(story(31))
    web.routes["/g2"] = html(story(32))
    env = {**cli_env, "NEWSMILL_DB": str(tmp_path / "f.db"), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsmill.serve.cli", "follow", web.url("/feed.xml"),
         "--every", "1h", "--no-nlp", "--allow-private", "--delay", "0"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    try:
        line = proc.stdout.readline()  # the first round's line
        assert line.startswith("round 1") and "2 new stored" in line, line
        os.kill(proc.pid, sig)
        out, errs = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, errs
    assert "followed 1 listings for 1 rounds: 2 stored" in out
    with Store(env["NEWSMILL_DB"], create=False) as store:
        assert store.stats().articles == 2


def test_ingest_exit_codes(tmp_path: Path, cli_env: dict[str, str]) -> None:
    from tests.conftest import EXAMPLES

    empty = tmp_path / "empty.html"
    empty.write_text("")

    def code(*args: str) -> int:
        return subprocess.run([sys.executable, "-m", "newsmill.serve.cli", "ingest", "--no-nlp",
                               *args], env=cli_env, capture_output=True).returncode

    assert code(str(EXAMPLES / "santiago-fare-protest.txt")) == 0
    assert code(str(EXAMPLES / "dutch-farmers-protest.html"), str(empty)) == 3
    assert code(str(empty), str(tmp_path / "missing.html")) == 4
    assert code(str(EXAMPLES / "santiago-fare-protest.txt")) == 0  # already stored: read


def test_pages_from_urls_pickle() -> None:
    import pickle

    page = Page("p", "https://ex.org/p", "html", "<p>x</p>", "https://ex.org/p",
                final_url="https://ex.org/q", fetched="2024-03-05T10:00:00Z",
                title_hint="T", authors_hint=("A B",))
    assert pickle.loads(pickle.dumps(page)) == page
