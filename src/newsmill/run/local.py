"""The local runner: stream inputs through the pipeline into a store, one batch at a time.

Resumable by construction: a batch is stored in one transaction, and pages whose id is already
stored with the same content are passed over before any work is done on them, so a run killed
at any moment and started again ends with the same store as one clean run.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from newsmill import errors
from newsmill.events import events_stage
from newsmill.extract import DEFAULT_FOCUS, Focus, extract_stage
from newsmill.extract.duplicates import NearDuplicates
from newsmill.extract.language import analysed
from newsmill.ingest import DEFAULT_MAX_BYTES, FetchOptions, Sources
from newsmill.ingest.memory import Input, read_memory, split_inputs
from newsmill.ingest.urls import url_id
from newsmill.nlp import NlpStage
from newsmill.pipeline import Pipeline, Stage
from newsmill.records import Article, Document, Page, Skipped
from newsmill.statements import statements_stage
from newsmill.store import Store

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


def as_document(record: Article | Document | Skipped) -> Document | Skipped:
    if isinstance(record, Article):
        return Document(record)
    if isinstance(record, Document):
        return record.without_parse()
    return record


@dataclass
class RunSummary:
    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0  # stored, linked to the first copy of their story, not analysed
    not_analysed: int = 0  # stored with text and language, not analysed: not in English
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    known: int = 0  # URLs the store already held: not fetched again
    same_story: int = 0  # pages whose canonical URL is a stored story's: not stored again
    listings: int = 0  # feeds and sitemaps read
    not_modified: int = 0  # feeds and sitemaps unchanged since their last read
    passed_over: Counter[str] = field(default_factory=Counter)  # WARC records that are no page

    @property
    def processed(self) -> int:
        return self.stored + self.unchanged + len(self.skipped)

    @property
    def exit_code(self) -> int:
        """0: everything was read; 3: some inputs were skipped; 4: none could be read."""
        if not self.skipped:
            return 0
        return 3 if self.stored or self.unchanged or self.known else 4


class _Run:
    """One ingest run: each batch is extracted, its near-duplicates are linked to their first
    copy, the originals analysed by the rest of the pipeline, and all stored together."""

    def __init__(self, store: Store, pipeline: Pipeline, summary: RunSummary,
                 progress: Progress | None) -> None:
        self.store, self.summary, self.progress = store, summary, progress
        self.extract, self.analyse = pipeline.split("article")
        self.copies = NearDuplicates(store.near_copies)
        self.seen: dict[str, tuple[str, str]] = {}  # id -> (page hash, source) in this run
        self.urls: dict[str, str] = {}  # article URL -> id, stored in this run

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
        extracted = self.extract.run(todo) if todo else []
        done += [r for r in extracted if isinstance(r, Skipped)]
        marked = self.copies.mark(self._new_stories([r for r in extracted
                                                     if isinstance(r, Article)]))
        copies = [Document(a) for a, _ in marked if a.duplicate_of]
        originals = [a for a, _ in marked if not a.duplicate_of]
        english = [a for a in originals if analysed(a.language)]
        others = [Document(a) for a in originals if not analysed(a.language)]
        done += [as_document(r) for r in
                 (self.analyse.run(english) if self.analyse and english else english)]
        done += others + copies
        if self.analyse:
            self.summary.not_analysed += len(others)
        self.summary.stored += self.store.save(done, {a.id: sig for a, sig in marked})
        self.summary.duplicates += len(copies)
        self.summary.skipped += [r for r in done if isinstance(r, Skipped)]
        if self.progress:
            self.progress(len(batch))


def _named_by_url(page: Page) -> bool:
    return page.url is not None and page.id == url_id(page.url)


def run(paths: Iterable[Input], store: Store, *, pipeline: Pipeline | None = None,
        batch_size: int = DEFAULT_BATCH, max_bytes: int = DEFAULT_MAX_BYTES,
        progress: Progress | None = None, url_lists: Iterable[str] = (),
        fetch: FetchOptions | None = None, sources: Sources | None = None) -> RunSummary:
    """Ingest files, folders, ``-``, URLs, feeds, sitemaps and WARC archives (and the URLs of
    ``url_lists``) into ``store``, and texts, records (``{"id", "text" or "html", "url",
    "published"}``) and ``Page`` records given in memory (``ingest/memory.py``); returns what
    was stored and skipped. ``fetch`` says how to fetch (default:
    ``FetchOptions(max_bytes=max_bytes)``)."""
    inputs, in_memory = split_inputs(paths)
    lists = [str(p) for p in url_lists]
    started = time.time()
    summary = RunSummary()
    job = _Run(store, pipeline or default_pipeline(), summary, progress)
    own = sources is None
    reader = sources or Sources(max_bytes=max_bytes, memory=store,
                                fetch=fetch or FetchOptions(max_bytes=max_bytes))
    before = reader.tally.known, reader.tally.listings, reader.tally.not_modified
    passed = Counter(reader.tally.passed_over)
    try:
        pages = chain(reader.read(inputs, lists), read_memory(in_memory))
        for batch in batches(pages, batch_size):
            job.flush(batch)
        reader.finish()
    finally:
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
                     summary.unchanged + summary.known, len(summary.skipped))
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
