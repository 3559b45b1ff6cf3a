"""The ingest progress bar: how many pages to expect, JSON Lines included, and the rate."""

from __future__ import annotations

import gzip
import io
import time
from pathlib import Path

from rich.console import Console

from newsmill.serve.progress import IngestProgress, RateColumn, count_pages


def test_pages_are_counted_in_json_lines_files_gzipped_or_not(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>x</p>")
    (tmp_path / "b.txt").write_text("x")
    lines = "\n".join(f'{{"id": "{i}", "text": "x"}}' for i in range(2500))
    (tmp_path / "dump.jsonl").write_text(lines + "\n\n   \n")  # blank lines are no pages
    with gzip.open(tmp_path / "more.jsonl.gz", "wt") as f:
        f.write(lines)  # no line break at the end
    assert count_pages([str(tmp_path)]) == 2 + 2500 + 2500


def test_inputs_that_cannot_be_counted_beforehand_give_no_total(tmp_path: Path) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(b"")
    assert count_pages([str(tmp_path)]) is None
    assert count_pages(["-"]) is None
    assert count_pages(["https://example.org/rss.xml"]) is None


def test_the_bar_shows_pages_per_second_and_the_time_left(tmp_path: Path) -> None:
    (tmp_path / "dump.jsonl").write_text('{"id": "1", "text": "x"}\n' * 40)
    console = Console(file=io.StringIO(), force_terminal=True, width=120)
    with IngestProgress(console, [str(tmp_path)], countable=True) as bar:
        assert bar.thread is not None
        bar.thread.join(5)
        for _ in range(4):
            time.sleep(0.05)
            bar.advance(5)
        task = bar.bar.tasks[0]
        assert task.total == 40
        assert "pages/s" in str(RateColumn().render(task))
        assert task.time_remaining is not None  # an ETA, from the total and the rate
