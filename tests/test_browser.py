"""The web UI in a real browser: Debian's Chromium driven by Playwright, over the demo store (the
examples, ingested) with a hostile page added. Each view is kept as a screenshot in
test-artifacts/screenshots (or $NEWSMILL_ARTIFACTS).

Skips, saying why, when Chromium, Playwright or the built UI is missing; `.ci/run` installs them
and sets NEWSMILL_REQUIRE_BROWSER=1, which turns those skips into failures.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import EXAMPLES, ROOT
from serving import HOSTILE, hand_made_documents, serving

from newsmill.serve.api import STATIC
from newsmill.store import Store

pytestmark = pytest.mark.slow
ARTIFACTS = Path(os.environ.get("NEWSMILL_ARTIFACTS", ROOT / "test-artifacts")) / "screenshots"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage"]


def _missing(reason: str) -> None:
    if os.environ.get("NEWSMILL_REQUIRE_BROWSER"):
        pytest.fail(f"{reason} (NEWSMILL_REQUIRE_BROWSER is set, so this fails)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def chromium() -> str:
    path = os.environ.get("NEWSMILL_CHROMIUM") or shutil.which("chromium")
    if not path:
        _missing("Debian's chromium is not installed: `apt-get install chromium` as root "
                 "(.ci/run does it)")
    if not (STATIC / "index.html").is_file():
        _missing(f"the web UI is not built ({STATIC / 'index.html'} is missing): run "
                 "`bash scripts/setup` with npm on the PATH")
    return str(path)


@pytest.fixture(scope="module")
def base(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from newsmill.run import run

    folder = tmp_path_factory.mktemp("browser")
    page = folder / "hostile.jsonl"
    text = ("Hostile <script>alert(1)</script> news\n\n"
            "Police detained forty protesters in Paris on Monday, officials said. \"We will go "
            "on <img src=x onerror=alert(5)>,\" said Jean Dupont, a spokesman for the group.\n\n"
            + HOSTILE + "\n\nMore protests against the police are planned in Paris on Friday.")
    page.write_text(json.dumps({"id": "hostile-page", "url": "javascript:alert(1)",
                                "published": "2019-10-09", "text": text}) + "\n")
    db = folder / "demo.db"
    with Store(db) as store:
        summary = run([str(EXAMPLES), str(page)], store)
        assert summary.stored == 5, summary.skipped
        store.save([d for d in hand_made_documents() if d.article.id == "hostile-1"])
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright's Python package is not installed: `pip install -e '.[dev]'`")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield b
        b.close()


class Watch:
    """What a page did that it must not: dialogs opened, errors and policy violations."""

    def __init__(self, page: Any) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("response", lambda r: r.status >= 400 and self.errors.append(
            f"HTTP {r.status} for {r.url}"))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def page(browser: Any, base: str) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15000)
    watch = Watch(pg)
    yield pg, watch
    context.close()
    assert not watch.dialogs, watch.dialogs
    assert not watch.errors, watch.errors


def shot(pg: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def api(base: str, path: str, **params: Any) -> Any:
    r = httpx.get(base + path, params=params)
    r.raise_for_status()
    return r.json()


def all_items(base: str, path: str, **params: Any) -> list[dict[str, Any]]:
    return api(base, path, limit=1000, **params)["items"]  # type: ignore[no-any-return]


def test_the_events_view_shows_map_timeline_and_list(page: tuple[Any, Watch],
                                                     base: str) -> None:
    from playwright.sync_api import expect

    pg, _ = page
    pg.goto("/")
    events = all_items(base, "/api/events")
    expect(pg.locator(".events .item")).to_have_count(len(events))
    pg.wait_for_function("document.querySelectorAll('path.country').length > 150")
    places = api(base, "/api/events/counts", by=["place", "type"])["counts"]
    expect(pg.locator("path.place")).to_have_count(
        len([p for p in places if p["lat"] is not None]))
    days = {e["day"] for e in events if e["day"]}
    expect(pg.locator("svg.timeline g.day")).to_have_count(len(days))
    first = events[-1]  # the list is newest first
    assert pg.locator(".events .item").first.get_attribute("data-id") == (
        api(base, "/api/events", order="newest", limit=1)["items"][0]["id"])
    assert first["id"]
    shot(pg, "events")


def test_filtering_by_type_filters_the_list_and_the_url_carries_it(page: tuple[Any, Watch],
                                                                   base: str) -> None:
    from playwright.sync_api import expect

    pg, _ = page
    pg.goto("/")
    pg.locator(".events .item").first.wait_for()
    pg.select_option("select[name=type]", "COERCE")
    pg.wait_for_url("**/?type=COERCE")
    coerce = all_items(base, "/api/events", type="COERCE")
    assert len(coerce) >= 2
    expect(pg.locator(".events .item")).to_have_count(len(coerce))
    types = pg.locator(".events .item .badge").evaluate_all(
        "els => els.map(e => e.getAttribute('data-type'))")
    assert set(types) == {"COERCE"}
    places = [p for p in api(base, "/api/events/counts", by=["place", "type"], type="COERCE")
              ["counts"] if p["lat"] is not None]
    expect(pg.locator("path.place")).to_have_count(len(places))
    shot(pg, "events-coerce")
    shared = pg.url
    pg.goto(shared)  # the URL is the view: opened afresh, it shows the same
    expect(pg.locator(".events .item")).to_have_count(len(coerce))
    assert pg.locator("select[name=type]").input_value() == "COERCE"


def test_clicking_an_event_opens_its_evidence_highlighted(page: tuple[Any, Watch],
                                                          base: str) -> None:
    pg, _ = page
    pg.goto("/?type=PROTEST")
    item = pg.locator(".events .item").first
    event = api(base, f"/api/events/{item.get_attribute('data-id')}")
    item.locator(".item-head").click()
    mark = item.locator(".evidence mark")
    mark.wait_for()
    body = api(base, f"/api/articles/{event['article_id']}")["body"]
    assert mark.inner_text() == body[event["start"]:event["end"]] == event["evidence"]
    assert event["article_id"] in (item.locator(".evidence a").get_attribute("href") or "")
    shot(pg, "event-evidence")
    item.locator(".item-head").click()
    assert item.locator(".evidence").count() == 0, "a second click closes it"


def test_the_timeline_chooses_days_for_the_map_and_the_list(page: tuple[Any, Watch],
                                                            base: str) -> None:
    from playwright.sync_api import expect

    pg, _ = page
    pg.goto("/")
    day = pg.locator("svg.timeline g.day").last
    chosen = day.get_attribute("data-day")
    day.locator("rect").first.click()
    pg.wait_for_url(f"**/?since={chosen}&until={chosen}")
    that_day = all_items(base, "/api/events", since=chosen, until=chosen)
    expect(pg.locator(".events .item")).to_have_count(len(that_day))
    assert set(pg.locator(".events .item .day").all_inner_texts()) == {chosen}
    shot(pg, "timeline-day")


def test_the_article_view_highlights_what_was_clicked(page: tuple[Any, Watch],
                                                      base: str) -> None:
    pg, _ = page
    doc = api(base, "/api/articles/london-climate-arrests")
    pg.goto("/article?id=london-climate-arrests")
    pg.locator(".article-view .body").wait_for()
    assert pg.locator(".body .hl-statement").count() > 0
    assert pg.locator(".body .hl-event").count() > 0
    assert pg.locator(".body .hl-entity").count() > 0
    statement = doc["statements"][1]
    pg.locator(f".side [data-key=s{statement['idx']}] .item-head").click()
    pg.wait_for_url(f"**statement={statement['idx']}")
    assert "".join(pg.locator(".body .chosen").all_inner_texts()) == statement["content"]
    event = doc["events"][0]
    pg.locator(f".side [data-key=e{event['idx']}] .item-head").click()
    assert "".join(pg.locator(".body .chosen").all_inner_texts()) == event["evidence"]
    assert pg.locator(".body").inner_text().replace("\n", "") == doc["body"].replace("\n", "")
    shot(pg, "article")


def test_a_speaker_page_lists_everything_they_said(page: tuple[Any, Watch], base: str) -> None:
    from playwright.sync_api import expect

    pg, _ = page
    pg.goto("/speakers")
    top = api(base, "/api/speakers", limit=1)["items"][0]
    link = pg.locator(".speakers .item a").first
    assert link.inner_text() == top["name"]
    shot(pg, "speakers")
    link.click()
    pg.wait_for_url("**/speaker?name=*")
    said = all_items(base, "/api/statements", speaker=top["name"])
    expect(pg.locator(".statements .item")).to_have_count(len(said))
    assert set(pg.locator(".statements .item .who").all_inner_texts()) == {top["name"]}
    pg.locator(".statements .item .item-head").first.click()
    pg.locator(".statements .item .evidence mark").wait_for()
    assert pg.locator(".statements .item .evidence mark").inner_text() == said[0]["content"]
    shot(pg, "speaker")


def test_hostile_article_text_runs_nothing(page: tuple[Any, Watch], base: str) -> None:
    pg, watch = page
    for url in ("/", "/article?id=hostile-1&event=0", "/article?id=hostile-page",
                "/articles?q=police", "/speakers",
                "/speaker?name=Jean%20Dupont%20%3Cscript%3Ealert(2)%3C%2Fscript%3E"):
        pg.goto(url)
        pg.wait_for_selector("body[data-ready]")
        pg.wait_for_timeout(300)
        if url == "/":
            hostile = pg.locator(".events .item[data-id='hostile-1-0']")
            hostile.locator(".item-head").click()
            hostile.locator(".evidence mark").wait_for()
        assert pg.evaluate("window.__pwned") is None, url
        assert pg.locator("main img, main script, main svg [onload]").count() == 0, url
        assert pg.locator("a[href^='javascript']").count() == 0, url
        name = url.strip("/").replace("?", "-").replace("=", "-").replace("&", "-")[:40] or "home"
        shot(pg, f"hostile-{name}")
    pg.goto("/article?id=hostile-1")
    pg.locator(".article-view h1").wait_for()
    text = pg.locator("main").inner_text()
    assert '<script>window.__pwned = "script"</script>' in text, "shown as text"
    assert "<img src=x onerror=" in text
    assert pg.locator("h1").inner_text() == '<img src=x onerror="alert(1)">'
    assert not watch.dialogs


def test_the_api_description_renders_offline(page: tuple[Any, Watch]) -> None:
    pg, _ = page
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.goto("/docs")
    pg.locator(".opblock").first.wait_for()
    assert pg.locator(".opblock").count() >= 10
    base = pg.url.split("/docs")[0]
    assert all(r.startswith(base) or r.startswith("data:") for r in requests), requests
    shot(pg, "docs")
