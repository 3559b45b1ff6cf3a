"""The local runner: stream inputs through the pipeline into a store, one batch at a time.

Resumable by construction: a batch is stored in one transaction, and pages whose id is already
stored with the same content are passed over before any work is done on them, so a run killed
at any moment and started again ends with the same store as one clean run.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent import futures
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import Any

from newsmill import errors
from newsmill.events import events_stage
from newsmill.extract import DEFAULT_FOCUS, Focus, extract_stage
from newsmill.extract.duplicates import NearDuplicates, Signature
from newsmill.extract.language import analysed
from newsmill.ingest import DEFAULT_MAX_BYTES, FetchOptions, Sources
from newsmill.ingest.memory import Input, read_memory, split_inputs
from newsmill.ingest.urls import url_id
from newsmill.nlp import NlpStage
from newsmill.pipeline import Pipeline, Stage
from newsmill.records import Article, Document, Page, Skipped
from newsmill.run.engines import Engine, engine_for
from newsmill.statements import statements_stage
from newsmill.store import Store
from newsmill.store.claims import new_owner

DEFAULT_BATCH = 32
Progress = Callable[[int], None]


def default_pipeline(*, nlp: bool = True, model: str | None = None,
                     focus: Focus = DEFAULT_FOCUS) -> Pipeline:
    """extract -> nlp -> statements -> events (or extract alone with ``nlp=False``)."""
    stages: list[Stage] = [extract_stage(focus)]
    if nlp:
        stages += [NlpStage(model), statements_stage, events_stage]
    return Pipeline(stages)


def batches(items: Iterable[Page | Skipped], size: int) -> Iterator[list[Page | Skipped]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    batch: list[Page | Skipped] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass
class RunSummary:
    """What became of every input of a run: ``processed`` counts each exactly once."""

    stored: int = 0
    unchanged: int = 0  # already in the store with the same content when the run met them
    elsewhere: int = 0  # stored during the run by another process ingesting them too
    duplicates: int = 0  # stored, linked to the first copy of their story, not analysed
    not_analysed: int = 0  # stored with text and language, not analysed: not in English
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # inputs stored with something dropped
    seconds: float = 0.0
    known: int = 0  # URLs the store already held: not fetched again
    same_story: int = 0  # pages whose canonical URL is a stored story's: not stored again
    listings: int = 0  # feeds and sitemaps read
    not_modified: int = 0  # feeds and sitemaps unchanged since their last read
    passed_over: Counter[str] = field(default_factory=Counter)  # WARC records that are no page

    @property
    def processed(self) -> int:
        return self.stored + self.unchanged + self.elsewhere + len(self.skipped)

    @property
    def exit_code(self) -> int:
        """0: everything was read; 3: some inputs were skipped; 4: none could be read."""
        if not self.skipped:
            return 0
        return 3 if self.stored or self.unchanged or self.elsewhere or self.known else 4


WAIT = (0.05, 1.0)  # first and longest pause while another run finishes pages it claimed


@dataclass
class _Job:
    """One batch on its way through the engine: extracted, then analysed, then stored."""

    size: int  # inputs of the batch, for the progress shown
    pages: list[Page]
    done: list[Document | Skipped]
    extracting: Future[list[Any]] | None = None
    articles: list[Article] = field(default_factory=list)  # originals in English, analysed
    analysing: Future[list[Any]] | None = None
    copies: list[Document] = field(default_factory=list)
    others: list[Document] = field(default_factory=list)
    signatures: dict[str, Signature] = field(default_factory=dict)
    claimed: set[str] = field(default_factory=set)
    redo: list[tuple[Future[list[Any]], list[Article]]] = field(default_factory=list)


class _Run:
    """One ingest run: each batch is extracted, its near-duplicates are linked to their first
    copy, the originals analysed by the rest of the pipeline, and all stored together.

    The engine does the extracting and analysing (in this process, or in worker processes,
    several batches at once); this run alone decides what is a copy, claims and writes, one
    batch at a time and in the order read, so a run with many workers stores what a run with
    one would.

    Pages another run (another process on the same store) has claimed are left to it and
    looked at again at the end (``store/claims.py``): each is then stored by that run, or
    taken up by this one."""

    def __init__(self, store: Store, engine: Engine, summary: RunSummary,
                 progress: Progress | None) -> None:
        self.store, self.engine, self.summary, self.progress = store, engine, summary, progress
        self.copies = NearDuplicates(store.near_copies)
        self.seen: dict[str, tuple[str, str]] = {}  # id -> (page hash, source) in this run
        self.owner = new_owner()
        self.deferred: list[Page] = []  # claimed by another run when met
        self.urls: dict[str, str] = {}  # article URL -> id, stored in this run
        self.jobs: deque[_Job] = deque()
        self.window = 2 * engine.workers  # batches in the engine at once

    def _claim_stories(self, job: _Job, articles: list[Article]) -> list[Article]:
        """``articles`` less those whose story (their URL, the canonical one where the page
        declares it) another live run has claimed: their pages are looked at again later,
        when that run has stored the story or let it go. A story is claimed under the id a
        page fetched from its URL gets, so it is one claim however it was reached."""
        keys = {a.id: url_id(a.url) for a in articles if a.url and url_id(a.url) != a.id}
        got = self.store.claim(set(keys.values()), self.owner) if keys else set()
        job.claimed |= got
        held = {pid for pid, key in keys.items() if key not in got}
        self.deferred += [p for p in job.pages if p.id in held]
        return [a for a in articles if a.id not in held]

    def _new_stories(self, articles: list[Article]) -> list[Article]:
        """``articles`` less those whose URL (their canonical URL) is a story stored before:
        the same story fetched under another URL is stored once."""
        owners = self.store.ids_by_url([a.url for a in articles if a.url])
        new = []
        for a in articles:
            owner = (owners.get(a.url) or self.urls.get(a.url)) if a.url else None
            if owner is not None and owner != a.id:
                self.summary.unchanged += 1
                self.summary.same_story += 1
                if a.fetched_url:
                    self.store.record_fetch(a.fetched_url, "page", "copy")
                continue
            if a.url:
                self.urls[a.url] = a.id
            new.append(a)
        return new

    def flush(self, batch: Sequence[Page | Skipped]) -> None:
        stored = self.store.page_hashes(p.id for p in batch if isinstance(p, Page))
        todo: list[Page] = []
        done: list[Document | Skipped] = []
        for item in batch:
            if isinstance(item, Skipped):
                done.append(item)
                continue
            self.summary.warnings += item.warnings
            digest = item.digest
            previous = self.seen.get(item.id)
            if item.id in stored or previous:
                same = stored.get(item.id, previous[0] if previous else None) == digest
                if same or _named_by_url(item):  # a URL's page again: another capture of it
                    self.summary.unchanged += 1
                else:
                    other = previous[1] if previous else "a stored page"
                    done.append(Skipped(item.id, item.source, "ingest",
                                        errors.duplicate_id(item.source, item.id, other)))
                continue
            self.seen[item.id] = (digest, item.source)
            todo.append(item)
        self._submit(todo, done, len(batch))

    def _submit(self, todo: list[Page], done: list[Document | Skipped], size: int) -> None:
        """Claim ``todo`` and hand what this run got to the engine; then move on every batch
        the engine has done with, waiting while it holds ``window`` of them."""
        mine = self.store.claim((p.id for p in todo), self.owner)
        self.deferred += [p for p in todo if p.id not in mine]
        job = _Job(size, [p for p in todo if p.id in mine], done, claimed=set(mine))
        job.extracting = (self.engine.submit("extract", job.pages) if job.pages
                          else _done([]))
        self.jobs.append(job)
        self._advance()
        while len(self.jobs) > self.window:
            self._advance(wait=True)

    def _advance(self, wait: bool = False) -> None:
        """Take the batches the engine is done with a step further, oldest first: the oldest
        extracted one to analysis (copies are marked in the order read), the oldest analysed
        ones to the store. With ``wait``, first wait for the oldest batch's step."""
        if wait and self.jobs:
            oldest = self.jobs[0]
            pending = oldest.analysing or oldest.extracting
            if pending is not None:
                futures.wait([pending])
        moved = True
        while moved:
            moved = False
            for job in self.jobs:
                if job.analysing is None:
                    if job.extracting is not None and job.extracting.done():
                        self._analyse(job)
                        moved = True
                    break
            while (self.jobs and self.jobs[0].analysing is not None
                   and self.jobs[0].analysing.done()):
                self._store(self.jobs.popleft())
                moved = True

    def _analyse(self, job: _Job) -> None:
        """Mark the copies among a batch's articles and send its originals in English to
        analysis."""
        assert job.extracting is not None
        extracted = self.engine.result("extract", job.pages, job.extracting)
        job.done += [r for r in extracted if isinstance(r, Skipped)]
        articles = self._claim_stories(job, [r for r in extracted if isinstance(r, Article)])
        marked = self.copies.mark(self._new_stories(articles))
        job.signatures = {a.id: sig for a, sig in marked}
        originals = [a for a, _ in marked if not a.duplicate_of]
        job.copies = [Document(a) for a, _ in marked if a.duplicate_of]
        job.articles = [a for a in originals if analysed(a.language)]
        job.others = [Document(a) for a in originals if not analysed(a.language)]
        if self.engine.analyses and job.articles:
            job.analysing = self.engine.submit("analyse", job.articles)
        else:
            job.analysing = _done([Document(a) for a in job.articles])

    def _store(self, job: _Job) -> None:
        """Write a batch whole, in one transaction."""
        assert job.analysing is not None
        done = job.done + self.engine.result("analyse", job.articles, job.analysing)
        for future, articles in job.redo:
            done += self.engine.result("analyse", articles, future)
        done += job.others + job.copies
        written = self.store.write(done, job.signatures, owner=self.owner,
                                   release=job.claimed)
        self.copies.stored(job.signatures)
        originals = ({a.id for a in job.articles} | {d.id for d in job.others}
                     | {a.id for _, articles in job.redo for a in articles})
        lost = originals & ({r.id for r in done if isinstance(r, Skipped)}
                            | {r.id for r in written.rejected})
        if lost:
            self._unlink(lost)
        self.summary.stored += written.added
        self.summary.elsewhere += len(written.elsewhere)
        self.summary.duplicates += sum(1 for c in job.copies if c.id not in written.elsewhere)
        if self.engine.analyses:
            self.summary.not_analysed += sum(1 for d in job.others
                                             if d.id not in written.elsewhere)
        self.summary.skipped += [r for r in done if isinstance(r, Skipped)] + written.rejected
        if self.progress and job.size:
            self.progress(job.size)

    def _unlink(self, lost: set[str]) -> None:
        """Copies in batches still in the engine whose original was not stored after all
        (skipped, or refused by the store) are originals: analysed and stored as such, as a
        run with one worker (which marks a batch only once the one before is stored) does."""
        for job in self.jobs:
            if job.analysing is None:  # not marked yet: it will be, against the store
                continue
            freed = [replace(c.article, duplicate_of=None) for c in job.copies
                     if c.article.duplicate_of in lost]
            if not freed:
                continue
            job.copies = [c for c in job.copies if c.article.duplicate_of not in lost]
            job.others += [Document(a) for a in freed if not analysed(a.language)]
            english = [a for a in freed if analysed(a.language)]
            if english:
                job.redo.append((self.engine.submit("analyse", english) if self.engine.analyses
                                 else _done([Document(a) for a in english]), english))

    def drain(self) -> None:
        """Store every batch still in the engine."""
        while self.jobs:
            self._advance(wait=True)

    def finish(self, stop: threading.Event | None = None) -> None:
        """Store what is in the engine, then account for the pages other runs had claimed:
        stored by them, or done here (a run told to stop leaves those still claimed to the
        next run)."""
        self.drain()
        pause = WAIT[0]
        while self.deferred:
            pages, self.deferred = self.deferred, []
            stored = self.store.page_hashes(p.id for p in pages)
            for p in pages:
                if p.id in stored and (stored[p.id] == p.digest or _named_by_url(p)):
                    self.summary.elsewhere += 1  # a URL's page: another capture of it
                elif p.id in stored:
                    self.summary.skipped.append(Skipped(
                        p.id, p.source, "ingest",
                        errors.duplicate_id(p.source, p.id, "a page another run stored")))
            self._submit([p for p in pages if p.id not in stored], [], 0)
            self.drain()
            if self.deferred:  # still in another run's hands: give it time
                if stop is not None and stop.is_set():
                    break
                time.sleep(pause)
                pause = min(pause * 2, WAIT[1])

    def close(self) -> None:
        with contextlib.suppress(errors.StoreError):  # else they go stale when it ends
            self.store.release(self.owner)


def _done(records: list[Any]) -> Future[list[Any]]:
    future: Future[list[Any]] = Future()
    future.set_result(records)
    return future


def _named_by_url(page: Page) -> bool:
    return page.url is not None and page.id == url_id(page.url)


def run(paths: Iterable[Input], store: Store, *, pipeline: Pipeline | None = None,
        batch_size: int = DEFAULT_BATCH, max_bytes: int = DEFAULT_MAX_BYTES,
        progress: Progress | None = None, url_lists: Iterable[str] = (),
        fetch: FetchOptions | None = None, sources: Sources | None = None,
        workers: int = 1, engine: Engine | None = None) -> RunSummary:
    """Ingest files, folders, ``-``, URLs, feeds, sitemaps and WARC archives (and the URLs of
    ``url_lists``) into ``store``, and texts, records (``{"id", "text" or "html", "url",
    "published"}``) and ``Page`` records given in memory (``ingest/memory.py``); returns what
    was stored and skipped. ``fetch`` says how to fetch (default:
    ``FetchOptions(max_bytes=max_bytes)``). ``workers`` processes run the stages (one: in
    this process), or ``engine`` (``engines.py``, ``ray_engine.py``); this process alone
    writes the store."""
    inputs, in_memory = split_inputs(paths)
    lists = [str(p) for p in url_lists]
    started = time.time()
    summary = RunSummary()
    work = engine or engine_for(pipeline or default_pipeline(), workers)
    job = _Run(store, work, summary, progress)
    own = sources is None
    reader = sources or Sources(max_bytes=max_bytes, memory=store,
                                fetch=fetch or FetchOptions(max_bytes=max_bytes))
    before = reader.tally.known, reader.tally.listings, reader.tally.not_modified
    passed = Counter(reader.tally.passed_over)
    finished = False
    try:
        pages = chain(reader.read(inputs, lists), read_memory(in_memory))
        for batch in batches(pages, batch_size):
            job.flush(batch)
        job.finish(reader.stop)  # pages other runs had claimed, before the feeds are marked read
        reader.finish()
        finished = True
    finally:
        job.close()
        if engine is None:
            work.close(wait=finished)  # interrupted: the batches in the engine are dropped
        if own:
            reader.close()
    tally = reader.tally
    summary.known = tally.known - before[0]
    summary.listings = tally.listings - before[1]
    summary.not_modified = tally.not_modified - before[2]
    summary.passed_over = tally.passed_over - passed
    summary.seconds = time.time() - started
    given = inputs + lists + ([f"{len(in_memory)} inputs given in memory"] if in_memory else [])
    store.record_run(given, started, summary.seconds, summary.stored,
                     summary.unchanged + summary.known, len(summary.skipped), summary.elsewhere)
    return summary


def extract_only(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
                 batch_size: int = DEFAULT_BATCH, focus: Focus = DEFAULT_FOCUS,
                 url_lists: Iterable[str] = (), fetch: FetchOptions | None = None
                 ) -> Iterable[Article | Skipped]:
    """Pages through the extract stage alone, touching no store."""
    pipeline = default_pipeline(nlp=False, focus=focus)
    reader = Sources(max_bytes=max_bytes, fetch=fetch or FetchOptions(max_bytes=max_bytes))
    try:
        for batch in batches(reader.read([str(p) for p in paths], url_lists), batch_size):
            yield from pipeline.run(batch)
    finally:
        reader.close()
