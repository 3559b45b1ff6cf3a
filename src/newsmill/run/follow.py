"""Follow mode: read feeds and sitemaps again and again, fetching only what is new.

Each round reads every listing with the validators of its last read (an unchanged feed costs
one short 304 answer), fetches the links the store does not know (a URL stored or skipped for
good is never fetched again) and stores their stories, one transaction a batch. ``stop``
(set by Ctrl-C or SIGTERM in the CLI) ends the round after the batch in hand is stored, so
stopping loses nothing: what was not stored is fetched again by the next run.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsmill.ingest import FetchOptions, Sources
from newsmill.pipeline import Pipeline
from newsmill.run.local import DEFAULT_BATCH, RunSummary, default_pipeline, run
from newsmill.store import Store

INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """``"15m"`` -> 900.0 (``s``, ``m``, ``h``, ``d``; a bare number is seconds)."""
    match = INTERVAL.match(text)
    if not match:
        raise ValueError(f"{text!r} is not an interval; write it like 30s, 15m, 2h or 1d")
    return float(match.group(1)) * UNITS[match.group(2).lower()]


@dataclass(frozen=True)
class Round:
    number: int
    started: float
    summary: RunSummary


def follow(listings: Iterable[str], store: Store, *, every: float,
           rounds: int | None = None, pipeline: Pipeline | None = None,
           fetch: FetchOptions | None = None, batch_size: int = DEFAULT_BATCH,
           stop: threading.Event | None = None,
           on_round: Callable[[Round], None] | None = None) -> list[Round]:
    """Read ``listings`` (feed and sitemap URLs or files) every ``every`` seconds until
    ``stop`` is set (or ``rounds`` rounds are done); returns the rounds."""
    targets = [str(x) for x in listings]
    stop = stop or threading.Event()
    pipeline = pipeline or default_pipeline()
    sources = Sources(memory=store, fetch=fetch, stop=stop)
    done: list[Round] = []
    try:
        while not stop.is_set():
            started = time.time()
            sources.new_round()
            summary = run(targets, store, pipeline=pipeline, batch_size=batch_size,
                          sources=sources)
            done.append(Round(len(done) + 1, started, summary))
            if on_round:
                on_round(done[-1])
            if rounds is not None and len(done) >= rounds:
                break
            stop.wait(max(0.0, started + every - time.time()))
    finally:
        sources.close()
    return done
