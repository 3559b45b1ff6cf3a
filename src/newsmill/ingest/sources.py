"""Every kind of input, one stream of pages: files and folders, standard input, URLs, URL
lists, RSS/Atom/JSON feeds and sitemaps (by URL or file), WARC archives.

A feed's or sitemap's links are fetched (on the fetcher's threads, a bounded number at a time)
unless the store already knows them: a URL stored, skipped for good, or found to be a copy of
a stored story is never fetched again. The conditional-request validators of a feed (ETag,
Last-Modified) are kept only once its links went through the run (``finish``), so a run
killed half-way reads the feed again in full, and passes over what it stored.
"""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from newsmill import errors
from newsmill.ingest.fetch import Answer, Fetcher, FetchOptions, GaveUp
from newsmill.ingest.files import (
    DEFAULT_MAX_BYTES,
    STAGE,
    iter_files,
    os_reason,
    page_from_bytes,
    page_id,
    read_file,
    read_stdin,
    shown,
)
from newsmill.ingest.listings import FEED_TYPES, Link, Listing, parse_listing, sniff
from newsmill.ingest.urls import is_url, read_url_list, url_id
from newsmill.ingest.warc import PAGE_TYPES, is_warc, read_warc
from newsmill.records import Page, Skipped

LISTING_SUFFIXES = (".xml", ".xml.gz", ".rss", ".atom", ".json")
MAX_SITEMAPS = 1000  # sitemaps read from one index, nested ones included
MAX_DEPTH = 3  # sitemap indexes within indexes
CHUNK = 500


FetchState = tuple[str | None, str | None]  # ETag, Last-Modified


class Memory(Protocol):
    """What the store knows of URLs (``newsmill.store.Store`` is one)."""

    def stored_urls(self, urls: Sequence[str]) -> set[str]: ...
    def known_urls(self, urls: Sequence[str]) -> set[str]: ...
    def fetch_state(self, url: str) -> FetchState | None: ...
    def record_fetch(self, url: str, kind: str, outcome: str, status: int | None = None,
                     etag: str | None = None, last_modified: str | None = None) -> None: ...


class NoMemory:
    """A memory that knows nothing (for runs without a store)."""

    def stored_urls(self, urls: Sequence[str]) -> set[str]:
        return set()

    def known_urls(self, urls: Sequence[str]) -> set[str]:
        return set()

    def fetch_state(self, url: str) -> FetchState | None:
        return None

    def record_fetch(self, url: str, kind: str, outcome: str, status: int | None = None,
                     etag: str | None = None, last_modified: str | None = None) -> None:
        return None


@dataclass
class Tally:
    """What reading the inputs passed over, beside the pages and skipped inputs it yields."""

    known: int = 0  # URLs the store already holds: not fetched again
    listings: int = 0  # feeds and sitemaps read
    not_modified: int = 0  # feeds and sitemaps with nothing new since the last read (304)
    links: int = 0  # article links the listings gave
    passed_over: Counter[str] = field(default_factory=Counter)  # WARC records, by kind


def _is_page_type(media: str) -> bool:
    return media in PAGE_TYPES or media == ""


def _is_readable(media: str) -> bool:
    return _is_page_type(media) or media in FEED_TYPES


class Sources:
    """Reads inputs of every kind into pages; one per run (it holds the HTTP client)."""

    def __init__(self, *, max_bytes: int = DEFAULT_MAX_BYTES,
                 fetch: FetchOptions | None = None, memory: Memory | None = None,
                 stop: threading.Event | None = None) -> None:
        self.max_bytes = max_bytes
        self.stop = stop or threading.Event()  # set: read no further (follow mode's Ctrl-C)
        self.fetch_options = fetch or FetchOptions(max_bytes=max_bytes)
        self.memory: Memory = memory or NoMemory()
        self.tally = Tally()
        self._fetcher: Fetcher | None = None
        self.seen: set[str] = set()  # URLs fetched (or passed over) in this run
        self.pending: list[tuple[str, str, Answer]] = []  # listings to remember at the end

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.fetch_options)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    def new_round(self) -> None:
        """Forget what this reader passed over, to read the listings afresh."""
        self.seen.clear()
        self.pending.clear()

    def finish(self) -> None:
        """Remember the validators of the listings read: call once their pages are stored.
        A read stopped half-way remembers none, so the next one reads them in full."""
        if self.stop.is_set():
            self.pending.clear()
        for url, kind, answer in self.pending:
            self.memory.record_fetch(url, kind, "listing", answer.status, answer.etag,
                                     answer.last_modified)
        self.pending.clear()

    # ---- inputs -------------------------------------------------------------------------

    def read(self, inputs: Iterable[str], url_lists: Iterable[str] = ()
             ) -> Iterator[Page | Skipped]:
        """The pages of every input, in order; URL lists' URLs come after the inputs."""
        for item in inputs:
            if self.stop.is_set():
                return
            yield from self.read_one(str(item))
        for listing in url_lists:
            for url, reason in read_url_list(listing):
                if self.stop.is_set():
                    return
                if reason:
                    yield Skipped(page_id(listing), url, STAGE, reason)
                else:
                    yield from self.read_url(url)

    def read_one(self, item: str) -> Iterator[Page | Skipped]:
        if item == "-":
            yield from read_stdin(max_bytes=self.max_bytes)
        elif is_url(item):
            yield from self.read_url(item)
        else:
            yield from self.read_local(Path(item))

    def read_local(self, path: Path) -> Iterator[Page | Skipped]:
        """A file or a folder; one that cannot be looked at or listed is skipped, named as
        it can be printed (odd bytes of its name as ``\\xNN``)."""
        source = shown(path)
        try:
            exists = path.exists()
        except OSError as exc:  # a name too long, a loop of links
            yield Skipped(page_id(path), source, STAGE, errors.unreadable(source, os_reason(exc)))
            return
        if not exists:
            yield Skipped(page_id(path), source, STAGE, errors.no_such_input(source))
            return
        try:
            for file in iter_files([path]):
                yield from self.read_path(file)
        except OSError as exc:  # a folder that cannot be listed
            yield Skipped(page_id(path), source, STAGE, errors.unreadable(source, os_reason(exc)))

    def read_path(self, path: Path) -> Iterator[Page | Skipped]:
        name = path.name.lower()
        if is_warc(name):
            yield from read_warc(path, self.max_bytes, self.tally.passed_over)
        elif name.endswith(LISTING_SUFFIXES):
            try:
                data = path.read_bytes()
            except OSError as exc:
                yield Skipped(page_id(path), shown(path), STAGE,
                              errors.unreadable(shown(path), os_reason(exc)))
                return
            yield from self._listing(shown(path), data, None, None, depth=0)
        else:
            yield from read_file(path, self.max_bytes)

    def read_url(self, url: str) -> Iterator[Page | Skipped]:
        """A URL the user gave: a page, or a feed or sitemap whose links are read."""
        if url in self.seen:
            return
        self.seen.add(url)
        if self.memory.stored_urls([url]):
            self.tally.known += 1
            return
        yield from self._fetch_listing_or_page(url, depth=0)

    # ---- fetching -----------------------------------------------------------------------

    def _fetch_listing_or_page(self, url: str, depth: int) -> Iterator[Page | Skipped]:
        """A URL that may be a feed or sitemap: asked for with the validators of its last
        read (kept only once its links were stored), so an unchanged one costs a 304."""
        state = self.memory.fetch_state(url)
        try:
            etag, modified = state or (None, None)
            answer = self.fetcher.get(url, accept=_is_readable, etag=etag,
                                      last_modified=modified)
        except errors.InputError as exc:
            yield Skipped(url_id(url), url, STAGE, exc.reason)
            return
        if answer.not_modified:
            self.tally.not_modified += 1
            return
        if answer.content_type in FEED_TYPES or sniff(answer.content[:4096]) is not None:
            yield from self._listing(url, answer.content, answer.final_url, answer, depth)
            return
        yield self._page(Link(url), answer)

    def _listing(self, source: str, data: bytes, base: str | None, answer: Answer | None,
                 depth: int) -> Iterator[Page | Skipped]:
        try:
            listing = parse_listing(data, source, base)
        except errors.InputError as exc:
            yield Skipped(url_id(source) if is_url(source) else page_id(source), source, STAGE,
                          exc.reason)
            return
        self.tally.listings += 1
        if answer is not None:
            self.pending.append((source, listing.kind, answer))
        if listing.kind == "sitemap index":
            yield from self._sitemaps(source, listing, depth)
            return
        self.tally.links += len(listing.links)
        yield from self._links(listing.links)

    def _sitemaps(self, source: str, index: Listing, depth: int) -> Iterator[Page | Skipped]:
        maps = index.sitemaps
        if depth >= MAX_DEPTH or len(maps) > MAX_SITEMAPS:
            yield Skipped(url_id(source) if is_url(source) else page_id(source),
                          f"{source}#sitemaps", STAGE,
                          errors.too_many_sitemaps(source, MAX_SITEMAPS))
            maps = () if depth >= MAX_DEPTH else maps[:MAX_SITEMAPS]
        for child in maps:
            if child in self.seen:
                continue
            self.seen.add(child)
            yield from self._fetch_listing_or_page(child, depth + 1)

    def _links(self, links: Sequence[Link]) -> Iterator[Page | Skipped]:
        for start in range(0, len(links), CHUNK):
            if self.stop.is_set():
                return
            chunk = [lk for lk in links[start:start + CHUNK] if lk.url not in self.seen]
            fresh = list({lk.url: lk for lk in chunk}.values())
            known = self.memory.known_urls([lk.url for lk in fresh])
            self.tally.known += len(known)
            todo = [lk for lk in fresh if lk.url not in known]
            self.seen.update(lk.url for lk in fresh)
            results = self.fetcher.map(self._fetch_link, todo, self.stop)  # stop: fewer
            for link, result in zip(todo, results, strict=False):
                if isinstance(result, tuple):  # a failure worth trying again later
                    self.memory.record_fetch(link.url, "page", "retry")
                    result = result[0]
                yield result

    def _fetch_link(self, link: Link) -> Page | Skipped | tuple[Skipped]:
        try:
            answer = self.fetcher.get(link.url, accept=_is_page_type)
        except GaveUp as exc:
            return (Skipped(url_id(link.url), link.url, STAGE, exc.reason),)
        except errors.InputError as exc:
            return Skipped(url_id(link.url), link.url, STAGE, exc.reason)
        return self._page(link, answer)

    def _page(self, link: Link, answer: Answer) -> Page | Skipped:
        pid = url_id(link.url)
        kind = PAGE_TYPES.get(answer.content_type)
        data = answer.content
        if answer.charset:
            with contextlib.suppress(LookupError, UnicodeDecodeError):
                data = data.decode(answer.charset).encode("utf-8")
        try:
            page = page_from_bytes(data, pid, link.url, kind, url=link.url)
        except errors.InputError as exc:
            return Skipped(pid, link.url, STAGE, exc.reason)
        return Page(pid, link.url, page.kind, page.content, link.url, link.published,
                    final_url=answer.final_url, fetched=answer.fetched, title_hint=link.title,
                    authors_hint=link.authors)
