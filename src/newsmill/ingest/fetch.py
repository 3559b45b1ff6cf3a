"""Fetching web pages, feeds and sitemaps with httpx, safely and politely.

Every request goes through one ``Fetcher``:

- only http(s); every address a host name resolves to is checked when the connection is made
  (so again at every redirect, and with no second DNS answer to slip through): loopback,
  private, link-local, multicast and reserved addresses are refused unless allowed;
- redirects are followed one by one (at most ``max_redirects``, a loop is refused) and
  recorded; robots.txt (protego) is obeyed for every address fetched, with its Crawl-delay;
- a politeness delay between two requests to one host, and a bounded number in flight;
- retries with exponential backoff on 429 and 5xx answers and on network errors, honouring
  Retry-After; conditional requests (ETag, Last-Modified) for what was fetched before;
- a size cap on the decompressed answer (an endless body, a compression bomb), a deadline on
  the whole answer (a slow drip), a clear User-Agent with a contact.

What cannot be fetched raises ``InputError`` (``FetchRefused`` for what newsmill will not
fetch), whose reason names the URL and the fix; callers make it a ``Skipped`` record.
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import certifi
import httpcore
import httpx
from protego import Protego

from newsmill import errors
from newsmill.ingest.files import DEFAULT_MAX_BYTES

T = TypeVar("T")
R = TypeVar("R")
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay is honoured up to this many seconds
ROBOTS_MAX_BYTES = 512 * 1024
AGENT = "newsmill"


def user_agent(contact: str | None) -> str:
    """``newsmill/0.1.0 (news crawler; +contact)``: who is asking and how to reach them."""
    reach = f"+{contact}" if contact else "no contact given: set one with --contact"
    return f"{AGENT}/{version('newsmill')} (news crawler; {reach})"


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class FetchOptions:
    """How to fetch. ``allow_private`` lets every address through; ``allowed_networks`` (CIDR)
    lets only those private networks through."""

    timeout: float = 10.0  # seconds to connect, and between two pieces of an answer
    deadline: float = 60.0  # seconds for a whole answer
    max_bytes: int = DEFAULT_MAX_BYTES  # of one answer, decompressed
    max_redirects: int = 10
    retries: int = 3  # further tries after a 429, a 5xx or a network error
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    max_wait: float = 60.0  # the longest Retry-After honoured
    delay: float = 1.0  # seconds between two requests to one host
    concurrency: int = 4  # requests in flight at once
    contact: str | None = None
    allow_private: bool = False
    allowed_networks: tuple[str, ...] = ()
    robots: bool = True
    verify: ssl.SSLContext | None = None  # TLS trust (default: the certifi bundle)


@dataclass(frozen=True)
class Answer:
    """What one fetch got."""

    url: str  # asked for
    final_url: str  # after redirects
    status: int  # 200, or 304 when a conditional request found nothing new
    content_type: str  # the media type, lower case, without parameters
    charset: str | None
    content: bytes
    etag: str | None
    last_modified: str | None
    fetched: str  # ISO UTC
    redirects: tuple[str, ...] = ()  # the addresses passed through, in order

    @property
    def not_modified(self) -> bool:
        return self.status == 304


# ---- addresses -----------------------------------------------------------------------------

@dataclass(frozen=True)
class AddressPolicy:
    allow_private: bool = False
    allowed: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()

    def refuses(self, address: str) -> bool:
        ip = ipaddress.ip_address(address.split("%")[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if self.allow_private or any(ip in net for net in self.allowed):
            return False
        return not ip.is_global or ip.is_multicast


class AddressRefused(errors.FetchRefused):
    def __init__(self, host: str, address: str) -> None:
        self.host, self.address = host, address
        super().__init__(host, errors.private_address(host, host, address))


class Unresolvable(errors.InputError):
    def __init__(self, host: str, detail: str) -> None:
        self.host, self.detail = host, detail
        super().__init__(host, errors.unresolvable(host, host, detail))


class StatusError(errors.InputError):
    """The server answered with an error status."""

    def __init__(self, url: str, status: int, phrase: str) -> None:
        self.status = status
        super().__init__(url, errors.http_status(url, status, phrase))


class GaveUp(errors.InputError):
    """The server stayed busy or unreachable through every retry."""


class _SafeBackend(httpcore.SyncBackend):
    """Connects only to addresses the policy allows: the host name is resolved here, every
    address checked, and the connection made to a checked address."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise Unresolvable(host, str(exc)) from exc
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        for address in addresses:
            if self.policy.refuses(address):
                raise AddressRefused(host, address)
        last: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address,
                                           socket_options)
            except httpcore.ConnectError as exc:
                last = exc
        raise last or httpcore.ConnectError(f"no address for {host}")


class _SafeTransport(httpx.HTTPTransport):
    def __init__(self, policy: AddressPolicy, context: ssl.SSLContext, connections: int) -> None:
        super().__init__(verify=context, trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=context, max_connections=connections,
            max_keepalive_connections=connections, keepalive_expiry=5.0,
            network_backend=_SafeBackend(policy))


# ---- politeness ----------------------------------------------------------------------------

class HostGate:
    """Spaces the requests to one host ``delay`` seconds apart (or a longer Crawl-delay)."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.lock = threading.Lock()
        self.next: dict[str, float] = {}
        self.delays: dict[str, float] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        with self.lock:
            self.delays[host] = max(self.delay, min(seconds, MAX_CRAWL_DELAY))

    def wait(self, host: str) -> None:
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next.get(host, now))
            self.next[host] = start + self.delays.get(host, self.delay)
        if start > now:
            time.sleep(start - now)


class Robots:
    """robots.txt of each site, fetched once (RFC 9309: a 4xx answer allows everything; a
    server error or no answer allows nothing)."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self.lock = threading.Lock()
        self.sites: dict[str, Protego | None] = {}  # None: allow all

    def allowed(self, url: str) -> tuple[bool, str]:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        robots_url = site + "/robots.txt"
        with self.lock:  # one fetch per site, even with several threads asking
            if site not in self.sites:
                self.sites[site] = self._load(robots_url, parts.hostname or "")
            rules = self.sites[site]
        if rules is None:
            return True, robots_url
        return bool(rules.can_fetch(url, AGENT)), robots_url

    def _load(self, robots_url: str, host: str) -> Protego | None:
        try:
            answer = self.fetcher.get(robots_url, robots=False, max_bytes=ROBOTS_MAX_BYTES,
                                      retries=1)
        except StatusError as exc:
            if 400 <= exc.status < 500:
                return None  # no rules
            return Protego.parse("User-agent: *\nDisallow: /\n")
        except GaveUp:
            return Protego.parse("User-agent: *\nDisallow: /\n")
        rules = Protego.parse(answer.content.decode("utf-8", "replace"))
        delay = rules.crawl_delay(AGENT)
        if delay:
            self.fetcher.gate.set_delay(host, float(delay))
        return rules


# ---- the fetcher ---------------------------------------------------------------------------

@dataclass
class _Hop:
    url: str
    chain: list[str] = field(default_factory=list)


class Fetcher:
    """One HTTP client for a run: safe addresses, robots.txt, politeness, retries, limits.

    ``transport`` replaces the network (tests may pass ``httpx.MockTransport``); the address
    checks live in the default transport."""

    def __init__(self, options: FetchOptions | None = None, *,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.options = o = options or FetchOptions()
        policy = AddressPolicy(o.allow_private,
                               tuple(ipaddress.ip_network(n) for n in o.allowed_networks))
        context = o.verify or ssl.create_default_context(cafile=certifi.where())
        self.client = httpx.Client(
            transport=transport or _SafeTransport(policy, context, max(o.concurrency, 1) * 2),
            timeout=httpx.Timeout(o.timeout), follow_redirects=False, trust_env=False,
            headers={"User-Agent": user_agent(o.contact), "Accept-Encoding": "gzip, deflate"})
        self.gate = HostGate(o.delay)
        self.robots = Robots(self)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, accept: Callable[[str], bool] | None = None,
            etag: str | None = None, last_modified: str | None = None,
            robots: bool | None = None, max_bytes: int | None = None,
            retries: int | None = None) -> Answer:
        """Fetch ``url`` following redirects; ``accept(media_type)`` says which answers to
        read (others raise ``InputError`` naming their type, unread). Raises ``InputError``."""
        o = self.options
        hop = _Hop(url, [url])
        check_robots = o.robots if robots is None else robots
        while True:
            parts = urlsplit(hop.url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise errors.FetchRefused(url, errors.bad_scheme(hop.url))
            if check_robots:
                try:
                    ok, robots_url = self.robots.allowed(hop.url)
                except errors.InputError as exc:  # robots.txt's host refused: name the page
                    raise type(exc)(url, exc.reason.replace(exc.source, hop.url, 1)) from exc
                if not ok:
                    raise errors.FetchRefused(url, errors.robots_disallowed(hop.url, robots_url))
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            response = self._send(url, hop.url, headers, o.retries if retries is None else retries)
            try:
                if response.status_code in REDIRECT_STATUS and "location" in response.headers:
                    target = urljoin(hop.url, response.headers["location"])
                    if target in hop.chain:
                        raise errors.InputError(url, errors.redirect_loop(url, [*hop.chain,
                                                                                target]))
                    if len(hop.chain) > o.max_redirects:
                        raise errors.InputError(url, errors.too_many_redirects(url,
                                                                               o.max_redirects))
                    hop = _Hop(target, [*hop.chain, target])
                    continue
                return self._answer(url, hop, response, accept, max_bytes or o.max_bytes)
            finally:
                response.close()

    def _send(self, url: str, target: str, headers: dict[str, str], retries: int
              ) -> httpx.Response:
        """One request to ``target``, tried again on 429, 5xx and network errors."""
        host = urlsplit(target).hostname or ""
        what = ""
        for attempt in range(retries + 1):
            self.gate.wait(host)
            wait = self.options.backoff * 2 ** attempt
            try:
                response = self.client.send(self.client.build_request("GET", target,
                                                                      headers=headers),
                                            stream=True)
            except AddressRefused as exc:
                raise errors.FetchRefused(url, errors.private_address(target, exc.host,
                                                                      exc.address)) from exc
            except Unresolvable as exc:
                raise errors.InputError(url, errors.unresolvable(target, exc.host, exc.detail)
                                        ) from exc
            except httpx.ConnectError as exc:
                if isinstance(exc.__context__, ssl.SSLError) or "SSL" in str(exc) \
                        or "CERTIFICATE" in str(exc).upper():
                    raise errors.InputError(url, errors.tls_error(url, str(exc))) from exc
                what = f"could not connect ({exc})"
            except httpx.TimeoutException as exc:
                what = f"timed out ({type(exc).__name__})"
            except httpx.TransportError as exc:
                what = f"failed ({type(exc).__name__}: {exc})"
            else:
                if response.status_code not in RETRY_STATUS:
                    return response
                what = f"answered {response.status_code} {response.reason_phrase}"
                after = _retry_after(response.headers.get("retry-after"))
                response.close()
                if after is not None:
                    if after > self.options.max_wait:
                        raise errors.InputError(
                            url, errors.retry_after_too_long(url, after, self.options.max_wait))
                    wait = max(wait, after)
            if attempt < retries:
                time.sleep(wait)
        subject = "the server" if what.startswith("answered") else "the request"
        raise GaveUp(url, errors.gave_up(url, f"{subject} {what}", retries + 1))

    def _answer(self, url: str, hop: _Hop, response: httpx.Response,
                accept: Callable[[str], bool] | None, limit: int) -> Answer:
        status = response.status_code
        etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
        media, _, params = response.headers.get("content-type", "").partition(";")
        media = media.strip().lower()
        charset = None
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                charset = value.strip().strip("\"'")
        if status == 304:
            return Answer(url, hop.url, 304, media, charset, b"", etag, modified, now_iso(),
                          tuple(hop.chain[1:]))
        if status >= 300:
            raise StatusError(url, status, response.reason_phrase)
        if accept is not None and not accept(media):
            raise errors.InputError(url, errors.not_a_page(url, media))
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit \
                and "content-encoding" not in response.headers:
            raise errors.InputError(url, errors.response_too_large(url, int(declared), limit))
        deadline = time.monotonic() + self.options.deadline
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise errors.InputError(url, errors.response_too_large(url, size, limit))
                if time.monotonic() > deadline:
                    raise errors.InputError(url, errors.too_slow(url, self.options.deadline))
                chunks.append(chunk)
        except httpx.TimeoutException as exc:
            raise errors.InputError(url, errors.too_slow(url, self.options.timeout)) from exc
        except httpx.DecodingError as exc:
            raise errors.InputError(url, errors.network_error(url, f"bad compression: {exc}")
                                    ) from exc
        except httpx.TransportError as exc:
            raise errors.InputError(url, errors.network_error(url, str(exc))) from exc
        return Answer(url, hop.url, status, media, charset, b"".join(chunks), etag, modified,
                      now_iso(), tuple(hop.chain[1:]))

    def map(self, func: Callable[[T], R], items: Iterable[T],
            stop: threading.Event | None = None) -> Iterator[R]:
        """``func`` over ``items`` on ``concurrency`` threads, results in order, at most a few
        items ahead (memory stays flat however many items); once ``stop`` is set no new item
        is started, and those started are finished."""
        workers = max(self.options.concurrency, 1)
        with ThreadPoolExecutor(workers, thread_name_prefix="newsmill-fetch") as pool:
            window: list[Future[R]] = []
            for item in items:
                if stop is not None and stop.is_set():
                    break
                window.append(pool.submit(func, item))
                if len(window) >= 2 * workers:
                    yield window.pop(0).result()
            for future in window:
                yield future.result()


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
