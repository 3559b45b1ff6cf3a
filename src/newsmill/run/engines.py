"""Where the stages run: in the run's own process, or in a pool of worker processes.

The run (``local.py``) hands an engine whole batches, pages to extract and then articles to
analyse, and gets futures back; it stays the only writer to the store. ``Inline`` runs a batch
at once in the run's process. ``Processes`` spreads batches over worker processes, each holding
its own copy of the pipeline (the spaCy model loaded once per process); a worker that dies (a
page that crashes the parser, memory exhausted) takes only its batch down: the pool is started
again and the batch's inputs tried one at a time, and an input that kills a worker again is
skipped, naming it. ``ray_engine.py`` does the same on a Ray cluster.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Literal, Protocol

from newsmill import errors
from newsmill.nlp import forget
from newsmill.pipeline import Pipeline
from newsmill.records import Article, Document, Page, Skipped

Step = Literal["extract", "analyse"]
ORPHAN_CHECK = 1.0  # seconds between a worker's looks at whether its run is still there


def as_document(record: Article | Document | Skipped) -> Document | Skipped:
    """A record ready to store: an article with no analysis as a bare document, a document
    without its spaCy parse (it is not stored, and is heavy to send between processes)."""
    if isinstance(record, Article):
        return Document(record)
    if isinstance(record, Document):
        if record.parse is not None:
            forget(record.parse)  # else what the stages kept on it holds it in memory
        return record.without_parse()
    return record


class Stages:
    """A pipeline cut where articles come out: ``extract`` (pages -> articles) and
    ``analyse`` (articles -> documents ready to store)."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.extractor, self.analyser = pipeline.split("article")

    @property
    def analyses(self) -> bool:
        return self.analyser is not None

    def extract(self, pages: Sequence[Page]) -> list[Article | Skipped]:
        return self.extractor.run(pages) if pages else []

    def analyse(self, articles: Sequence[Article]) -> list[Document | Skipped]:
        done = self.analyser.run(articles) if self.analyser and articles else list(articles)
        return [as_document(r) for r in done]

    def step(self, step: Step, items: Sequence[Any]) -> list[Any]:
        return self.extract(items) if step == "extract" else self.analyse(items)


class Engine(Protocol):
    workers: int

    @property
    def analyses(self) -> bool: ...

    def submit(self, step: Step, items: Sequence[Any]) -> Future[list[Any]]: ...

    def result(self, step: Step, items: Sequence[Any], future: Future[list[Any]]
               ) -> list[Any]: ...

    def close(self, wait: bool = True) -> None: ...


class Inline:
    """The stages in the run's own process: each batch done when handed over."""

    workers = 1

    def __init__(self, pipeline: Pipeline) -> None:
        self.stages = Stages(pipeline)

    @property
    def analyses(self) -> bool:
        return self.stages.analyses

    def submit(self, step: Step, items: Sequence[Any]) -> Future[list[Any]]:
        future: Future[list[Any]] = Future()
        future.set_result(self.stages.step(step, items))
        return future

    def result(self, step: Step, items: Sequence[Any], future: Future[list[Any]]
               ) -> list[Any]:
        return future.result()

    def close(self, wait: bool = True) -> None:
        pass


# ---- worker processes ----------------------------------------------------------------------

_STAGES: Stages | None = None  # the pipeline of this worker process


def _start_worker(pipeline: bytes, run: int) -> None:
    global _STAGES
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the run's to handle
    threading.Thread(target=_orphaned, args=(run,), daemon=True).start()
    _STAGES = Stages(pickle.loads(pipeline))


def _orphaned(run: int) -> None:
    """End this worker when its run (process ``run``) is gone, killed before or after this
    worker started: it cannot say so, and the worker would wait for work forever."""
    while os.getppid() == run:
        time.sleep(ORPHAN_CHECK)
    os._exit(1)


def _ready() -> bool:
    return _STAGES is not None


def _in_worker(step: Step, items: Sequence[Any]) -> list[Any]:
    assert _STAGES is not None, "worker started without its pipeline"
    return _STAGES.step(step, items)


def _source(item: Any) -> tuple[str, str]:
    return str(getattr(item, "id", "?")), str(getattr(item, "source", "?"))


class Processes:
    """The stages in ``workers`` processes (spawned, so nothing of the run's state is shared
    behind its back); batches go to whichever worker is free."""

    def __init__(self, pipeline: Pipeline, workers: int) -> None:
        self.workers = workers
        self.analyses = Stages(pipeline).analyses
        try:
            self._pipeline = pickle.dumps(pipeline)
        except (pickle.PicklingError, AttributeError, TypeError) as exc:
            raise errors.PipelineError(errors.pipeline_not_portable(str(exc))) from exc
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        """A pool whose workers are known to start: a pipeline that pickles here but cannot
        be rebuilt in a worker (a stage defined in ``__main__``) is an error of the run, not
        of every page."""
        pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker,
                                   initargs=(self._pipeline, os.getpid()))
        try:
            pool.submit(_ready).result()
        except BrokenProcessPool as exc:
            pool.shutdown(wait=False, cancel_futures=True)
            raise errors.PipelineError(errors.pipeline_not_portable(
                "a worker process could not rebuild it")) from exc
        return pool

    def submit(self, step: Step, items: Sequence[Any]) -> Future[list[Any]]:
        try:
            return self._pool.submit(_in_worker, step, list(items))
        except BrokenProcessPool:
            self._restart()
            return self._pool.submit(_in_worker, step, list(items))

    def result(self, step: Step, items: Sequence[Any], future: Future[list[Any]]
               ) -> list[Any]:
        """The batch's records; if its worker died, each input tried again alone."""
        try:
            return future.result()
        except BrokenProcessPool as exc:
            return self._one_by_one(step, items, str(exc))

    def _one_by_one(self, step: Step, items: Sequence[Any], detail: str) -> list[Any]:
        out: list[Any] = []
        for item in items:
            self._restart()
            try:
                out += self._pool.submit(_in_worker, step, [item]).result()
            except BrokenProcessPool:
                page_id, source = _source(item)
                out.append(Skipped(page_id, source, step,
                                   errors.worker_died(source, step, detail)))
        return out

    def _restart(self) -> None:
        if not self._broken():
            return
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()

    def _broken(self) -> bool:
        return bool(getattr(self._pool, "_broken", False))

    def close(self, wait: bool = True) -> None:
        """Stop the workers: after the batches they hold (``wait``), or at once (a run
        interrupted: what they hold is not stored, and is done again by the next run)."""
        self._pool.shutdown(wait=wait, cancel_futures=True)
        if not wait:
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.terminate()


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


def engine_for(pipeline: Pipeline, workers: int) -> Engine:
    """``Inline`` for one worker, else a pool of ``workers`` processes."""
    return Inline(pipeline) if workers <= 1 else Processes(pipeline, workers)


EngineFactory = Callable[[Pipeline], Engine]
