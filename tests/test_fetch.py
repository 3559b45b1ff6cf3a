"""Fetching: against a real HTTP server on 127.0.0.1 (the ``web`` fixture)."""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsmill import errors
from newsmill.ingest.fetch import AddressPolicy, Fetcher, FetchOptions, user_agent
from tests.webserver import Reply, WebServer, drip, endless, gzip_bomb, html

LOCAL = ("127.0.0.1/32",)  # the test server's address, and no other


def fetcher(**kw: object) -> Fetcher:
    options = {"allowed_networks": LOCAL, "delay": 0.0, "backoff": 0.01, "timeout": 2.0,
               "deadline": 3.0, **kw}
    return Fetcher(FetchOptions(**options))  # type: ignore[arg-type]


def is_page(media: str) -> bool:
    return media in ("text/html", "text/plain")


def test_a_page_is_fetched_with_a_clear_user_agent(web: WebServer) -> None:
    web.routes["/a"] = html("<p>hello</p>")
    with fetcher(contact="desk@example.org") as f:
        answer = f.get(web.url("/a"), accept=is_page)
    assert answer.content == b"<p>hello</p>"
    assert (answer.content_type, answer.charset, answer.status) == ("text/html", "utf-8", 200)
    agent = dict(web.log)["/a"]["user-agent"]
    assert agent == user_agent("desk@example.org") and "desk@example.org" in agent
    assert agent.startswith("newsmill/")


def test_redirects_are_followed_and_recorded(web: WebServer) -> None:
    web.routes["/old"] = Reply(301, headers={"Location": "/mid"})
    web.routes["/mid"] = Reply(302, headers={"Location": web.url("/new")})
    web.routes["/new"] = html("<p>moved</p>")
    with fetcher() as f:
        answer = f.get(web.url("/old"))
    assert answer.final_url == web.url("/new")
    assert answer.redirects == (web.url("/mid"), web.url("/new"))
    assert answer.content == b"<p>moved</p>"


def test_a_redirect_loop_is_refused(web: WebServer) -> None:
    web.routes["/a"] = Reply(302, headers={"Location": "/b"})
    web.routes["/b"] = Reply(302, headers={"Location": "/a"})
    with fetcher() as f, pytest.raises(errors.InputError, match="loop"):
        f.get(web.url("/a"))
    web.routes["/n0"] = Reply(302, headers={"Location": "/n1"})
    for n in range(1, 20):
        web.routes[f"/n{n}"] = Reply(302, headers={"Location": f"/n{n + 1}"})
    with fetcher(max_redirects=5) as f, pytest.raises(errors.InputError, match="more than 5"):
        f.get(web.url("/n0"))
    assert web.hits("/n7") == 0


@pytest.mark.parametrize("status", [404, 410, 403])
def test_an_error_status_is_named(web: WebServer, status: int) -> None:
    web.routes["/x"] = Reply(status)
    with fetcher() as f, pytest.raises(errors.InputError, match=f"answered {status}"):
        f.get(web.url("/x"))
    assert web.hits("/x") == 1  # not retried


def test_429_and_5xx_are_retried_with_backoff_then_succeed(web: WebServer) -> None:
    answers = iter([Reply(429, headers={"Retry-After": "0"}), Reply(503), html("<p>ok</p>")])
    web.routes["/busy"] = lambda _: next(answers)
    with fetcher(backoff=0.05) as f:
        started = time.monotonic()
        answer = f.get(web.url("/busy"))
    assert answer.content == b"<p>ok</p>"
    assert web.hits("/busy") == 3
    assert time.monotonic() - started >= 0.05 + 0.1  # backoff doubled between the tries


def test_a_server_that_stays_down_is_given_up_on(web: WebServer) -> None:
    web.routes["/down"] = Reply(500)
    with fetcher(retries=2) as f, pytest.raises(errors.InputError, match="after 3 tries"):
        f.get(web.url("/down"))
    assert web.hits("/down") == 3


def test_a_retry_after_too_long_is_not_waited_for(web: WebServer) -> None:
    web.routes["/later"] = Reply(429, headers={"Retry-After": "3600"})
    with fetcher(max_wait=5) as f, pytest.raises(errors.InputError, match="wait 3600 s"):
        f.get(web.url("/later"))
    assert web.hits("/later") == 1


def test_conditional_requests_get_not_modified(web: WebServer) -> None:
    web.routes["/feed"] = Reply(200, b"<rss/>", {"Content-Type": "application/rss+xml"},
                                etag='"v1"')
    with fetcher() as f:
        first = f.get(web.url("/feed"))
        again = f.get(web.url("/feed"), etag=first.etag)
    assert first.etag == '"v1"' and first.status == 200
    assert again.not_modified and again.content == b""
    assert dict(web.log[-1:])["/feed"]["if-none-match"] == '"v1"'


def test_answers_that_are_not_pages_are_named_by_type_and_not_read(web: WebServer) -> None:
    web.routes["/doc.pdf"] = Reply(200, b"%PDF-1.4" + b"x" * 1000,
                                   {"Content-Type": "application/pdf"})
    web.routes["/img"] = Reply(200, b"\x89PNG", {"Content-Type": "image/png"})
    with fetcher() as f:
        with pytest.raises(errors.InputError, match="application/pdf, not an HTML"):
            f.get(web.url("/doc.pdf"), accept=is_page)
        with pytest.raises(errors.InputError, match="image/png"):
            f.get(web.url("/img"), accept=is_page)


def test_an_answer_over_the_cap_is_cut_off(web: WebServer) -> None:
    web.routes["/huge"] = Reply(200, b"<p>" + b"a" * 300_000, {"Content-Type": "text/html"})
    web.routes["/endless"] = Reply(200, endless, {"Content-Type": "text/html"})
    web.routes["/bomb"] = Reply(200, gzip_bomb(50), {"Content-Type": "text/html",
                                                     "Content-Encoding": "gzip"})
    with fetcher(max_bytes=100_000) as f:
        for path in ("/huge", "/endless", "/bomb"):
            started = time.monotonic()
            with pytest.raises(errors.InputError, match="over the 0 MB limit"):
                f.get(web.url(path))
            assert time.monotonic() - started < 3


def test_a_slow_drip_ends_at_the_deadline(web: WebServer) -> None:
    web.routes["/drip"] = Reply(200, drip(100, 0.1), {"Content-Type": "text/html"})
    with fetcher(deadline=0.5) as f:
        started = time.monotonic()
        with pytest.raises(errors.InputError, match="did not arrive within"):
            f.get(web.url("/drip"))
    assert time.monotonic() - started < 2.5


def test_a_silent_server_times_out(web: WebServer) -> None:
    web.routes["/silent"] = Reply(200, drip(3, 1.5), {"Content-Type": "text/html"})
    with fetcher(timeout=0.3, retries=0) as f, pytest.raises(errors.InputError,
                                                             match="did not arrive"):
        f.get(web.url("/silent"))


def test_robots_txt_is_obeyed_and_fetched_once(web: WebServer) -> None:
    web.routes["/robots.txt"] = Reply(200, b"User-agent: newsmill\nDisallow: /private/\n",
                                      {"Content-Type": "text/plain"})
    web.routes["/private/a"] = html("<p>secret</p>")
    web.routes["/public/a"] = html("<p>open</p>")
    web.routes["/public/b"] = html("<p>open</p>")
    with fetcher() as f:
        assert f.get(web.url("/public/a")).content == b"<p>open</p>"
        f.get(web.url("/public/b"))
        with pytest.raises(errors.FetchRefused, match=r"robots\.txt does not allow"):
            f.get(web.url("/private/a"))
    assert web.hits("/private/a") == 0
    assert web.hits("/robots.txt") == 1


def test_a_redirect_into_a_disallowed_path_is_refused(web: WebServer) -> None:
    web.routes["/robots.txt"] = Reply(200, b"User-agent: *\nDisallow: /no/\n")
    web.routes["/go"] = Reply(302, headers={"Location": "/no/page"})
    with fetcher() as f, pytest.raises(errors.FetchRefused, match=r"robots\.txt"):
        f.get(web.url("/go"))
    assert web.hits("/no/page") == 0


def test_robots_txt_server_error_allows_nothing_and_missing_allows_all(web: WebServer) -> None:
    web.routes["/page"] = html("<p>x</p>")
    with fetcher() as f:
        assert f.get(web.url("/page")).status == 200  # robots.txt is a 404
    web.routes["/robots.txt"] = Reply(503)
    with fetcher(retries=0) as f, pytest.raises(errors.FetchRefused):
        f.get(web.url("/page"))


def test_crawl_delay_and_the_politeness_delay_space_requests_to_a_host(web: WebServer) -> None:
    web.routes["/robots.txt"] = Reply(200, b"User-agent: *\nCrawl-delay: 0.3\n")
    for n in range(3):
        web.routes[f"/p{n}"] = html("<p>x</p>")
    with fetcher(concurrency=3) as f:
        started = time.monotonic()
        list(f.map(lambda n: f.get(web.url(f"/p{n}")), range(3)))
        elapsed = time.monotonic() - started
    assert elapsed >= 0.6  # three requests after robots.txt, 0.3 s apart


def test_requests_in_flight_are_bounded(web: WebServer) -> None:
    live, most = 0, 0
    lock = threading.Lock()

    def slow(_: BaseHTTPRequestHandler) -> Reply:
        nonlocal live, most
        with lock:
            live += 1
            most = max(most, live)
        time.sleep(0.1)
        with lock:
            live -= 1
        return html("<p>x</p>")

    for n in range(12):
        web.routes[f"/s{n}"] = slow
    with fetcher(concurrency=3) as f:
        results = list(f.map(lambda n: f.get(web.url(f"/s{n}")).url, range(12)))
    assert results == [web.url(f"/s{n}") for n in range(12)]  # in order
    assert 2 <= most <= 3


# ---- addresses ---------------------------------------------------------------------------

def test_private_and_loopback_addresses_are_refused_by_default(web: WebServer) -> None:
    web.routes["/a"] = html("<p>x</p>")
    with Fetcher(FetchOptions(delay=0, retries=0)) as f:
        for url in (web.url("/a"), web.url("/a", "localhost")):
            with pytest.raises(errors.FetchRefused, match="loopback, private") as refused:
                f.get(url)
            assert refused.value.reason.startswith(f"{url}: ")  # the page, not its robots.txt
            assert "robots.txt" not in refused.value.reason
    assert web.hits("/a") == 0
    with Fetcher(FetchOptions(delay=0, allow_private=True)) as f:
        assert f.get(web.url("/a")).status == 200


def test_a_redirect_to_a_refused_address_is_refused(web: WebServer) -> None:
    # 127.0.0.2 is loopback too, outside the one address these tests allow: no request is made
    web.routes["/jump"] = Reply(302, headers={"Location": f"http://127.0.0.2:{web.port}/a"})
    web.routes["/a"] = html("<p>x</p>")
    with fetcher() as f, pytest.raises(errors.FetchRefused, match=r"127\.0\.0\.2"):
        f.get(web.url("/jump"))
    assert web.hits("/a") == 0


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/",
                                 "javascript:alert(1)", "http:///nohost"])
def test_schemes_other_than_http_are_refused(url: str) -> None:
    with fetcher() as f, pytest.raises(errors.FetchRefused, match="only http"):
        f.get(url)


def test_a_redirect_to_another_scheme_is_refused(web: WebServer) -> None:
    web.routes["/f"] = Reply(302, headers={"Location": "file:///etc/passwd"})
    with fetcher() as f, pytest.raises(errors.FetchRefused, match="only http"):
        f.get(web.url("/f"))


@pytest.mark.parametrize(("address", "refused"), [
    ("127.0.0.1", True), ("10.1.2.3", True), ("172.16.0.1", True), ("192.168.1.1", True),
    ("169.254.169.254", True), ("224.0.0.1", True), ("0.0.0.0", True), ("100.64.0.1", True),
    ("::1", True), ("fe80::1", True), ("fc00::1", True), ("::ffff:127.0.0.1", True),
    ("ff02::1", True), ("93.184.216.34", False), ("2606:2800:220:1::1", False)])
def test_the_address_policy(address: str, refused: bool) -> None:
    assert AddressPolicy().refuses(address) is refused
    assert AddressPolicy(allow_private=True).refuses(address) is False


def test_an_unknown_host_is_named() -> None:
    with fetcher(retries=0) as f, pytest.raises(errors.InputError, match="cannot be resolved"):
        f.get("http://no-such-host.invalid/story")


# ---- TLS ---------------------------------------------------------------------------------

@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[str, ssl.SSLContext]]:
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "8")
            self.end_headers()
            self.wfile.write(b"<p>tls</p>"[:8])

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    cert.configure_cert(context)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    client = ssl.create_default_context()
    ca.configure_trust(client)
    try:
        yield f"https://127.0.0.1:{httpd.server_address[1]}/", client
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_certificate_that_is_not_trusted_is_refused(tls_server: tuple[str, ssl.SSLContext]
                                                      ) -> None:
    url, trusted = tls_server
    with fetcher(robots=False, retries=0) as f, pytest.raises(errors.InputError,
                                                              match="TLS certificate"):
        f.get(url)
    with fetcher(robots=False, verify=trusted) as f:
        assert f.get(url).content == b"<p>tls</"
