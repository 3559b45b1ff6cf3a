"""The progress bar of ``newsmill ingest``: pages done, pages per second and the time left.

How many pages to expect is counted beside the run, on a thread, so the run starts at once:
a file of one page counts one, a JSON Lines file (gzipped or not) one per non-blank line.
Folders are walked. Standard input, URLs, feeds, sitemaps and WARC archives cannot be counted
beforehand: the bar then shows the pages done and their rate, with no time left.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from newsmill.ingest.files import iter_files
from newsmill.ingest.urls import is_url

UNCOUNTABLE = (".warc", ".xml", ".rss", ".atom", ".json")
CHUNK = 1 << 20


class RateColumn(ProgressColumn):
    """Pages per second, since the start."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        if not speed:
            return Text("? pages/s", style="progress.data.speed")
        return Text(f"{speed:.1f} pages/s", style="progress.data.speed")


def _lines(path: Path) -> int:
    """Non-blank lines of a JSON Lines file, read a chunk at a time."""
    opener: Callable[..., Any] = gzip.open if path.suffix.lower() == ".gz" else open
    n = 0
    tail = b""
    with opener(path, "rb") as f:
        while chunk := f.read(CHUNK):
            chunk = tail + chunk
            lines = chunk.split(b"\n")
            tail = lines.pop()
            n += sum(1 for ln in lines if ln.strip())
    return n + (1 if tail.strip() else 0)


def count_pages(paths: Sequence[str], stop: threading.Event | None = None) -> int | None:
    """How many pages ``paths`` hold, or ``None`` when some cannot be counted beforehand."""
    if "-" in paths or any(is_url(p) for p in paths):
        return None
    total = 0
    for f in iter_files(paths):
        if stop is not None and stop.is_set():
            return None
        names = [s.lower() for s in f.suffixes]
        if names[-1:] == [".gz"]:
            names = names[:-1]
        if any(s in UNCOUNTABLE for s in names):
            return None
        if names[-1:] == [".jsonl"]:
            try:
                total += _lines(f)
            except (OSError, EOFError, gzip.BadGzipFile):
                total += 1  # unreadable: it is reported as one skipped input
        else:
            total += 1  # a page, or a file that is none: one skipped input
    return total


class IngestProgress:
    """The bar (on standard error, only when it is a terminal), counting pages on a thread."""

    def __init__(self, console: Console, paths: Sequence[str], countable: bool) -> None:
        self.bar = Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                            MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(),
                            TextColumn("ETA"), TimeRemainingColumn(), console=console,
                            disable=not console.is_terminal)
        self.task = self.bar.add_task("ingesting", total=None)
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None
        if countable and not self.bar.disable:
            self.thread = threading.Thread(target=self._count, args=(list(paths),),
                                           daemon=True)

    def _count(self, paths: list[str]) -> None:
        total = count_pages(paths, self.stop)
        if total is not None and not self.stop.is_set():
            self.bar.update(self.task, total=total)

    def advance(self, n: int) -> None:
        self.bar.advance(self.task, n)

    def __enter__(self) -> IngestProgress:
        self.bar.__enter__()
        if self.thread is not None:
            self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.bar.__exit__(None, None, None)
