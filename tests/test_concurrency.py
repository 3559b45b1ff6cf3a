"""Two ingests of overlapping inputs at once: every input accounted for in each run's summary
and in the ``runs`` table, and each page analysed by one run only."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from test_run import _make_pages

from newsmill.extract import extract_stage
from newsmill.pipeline import Pipeline, stage
from newsmill.records import Article
from newsmill.run import RunSummary, run
from newsmill.store import Store


def test_two_runs_of_overlapping_inputs_share_the_work_and_account_for_every_input(
        tmp_path: Path) -> None:
    files = sorted(_make_pages(tmp_path / "pages", 60).iterdir())
    first, second = files[:40], files  # the same pages in the same order, at once
    analysed: list[str] = []
    lock = threading.Lock()

    @stage("slow", needs=["article"], provides=["analysed"], output=Article)
    def slow(article: Article) -> Article:
        time.sleep(0.01)
        with lock:
            analysed.append(article.id)
        return article

    summaries: dict[str, RunSummary] = {}

    def ingest(name: str, paths: list[Path]) -> None:
        with Store(tmp_path / "s.db") as store:
            summaries[name] = run(paths, store, pipeline=Pipeline([extract_stage(), slow]),
                                  batch_size=4)

    Store(tmp_path / "s.db").close()
    threads = [threading.Thread(target=ingest, args=args)
               for args in (("first", first), ("second", second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    for name, paths in (("first", first), ("second", second)):
        s = summaries[name]
        assert s.skipped == []
        assert s.processed == len(paths), (name, s)
    assert summaries["first"].stored + summaries["second"].stored == 60
    assert summaries["first"].elsewhere + summaries["second"].elsewhere > 0, "they overlapped"
    assert sorted(analysed) == sorted(p.name.removesuffix(".html") for p in files), \
        "each page analysed once"
    con = sqlite3.connect(tmp_path / "s.db")
    runs = con.execute("SELECT stored + unchanged + elsewhere + skipped FROM runs").fetchall()
    assert sorted(r[0] for r in runs) == [40, 60]
    assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    con.close()


SUMMARY = re.compile(r"(\d+) inputs in .*?: (\d+) stored .*?, (\d+) already in the store, "
                     r"(?:(\d+) stored by another run at the same time, )?(\d+) skipped")


def test_two_ingest_processes_of_one_folder_each_report_every_input(tmp_path: Path) -> None:
    folder = _make_pages(tmp_path / "pages", 120)
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "newsmill.serve.cli", "ingest", str(folder), "--db", str(db),
           "--no-nlp", "--batch-size", "4"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    stored = 0
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        found = SUMMARY.search(" ".join(out.split()))
        assert found, out
        total, added, unchanged, elsewhere, skipped = (int(g or 0) for g in found.groups())
        assert total == 120 == added + unchanged + elsewhere + skipped, out
        stored += added
    assert stored == 120
    con = sqlite3.connect(db)
    assert [r[0] for r in con.execute(
        "SELECT stored + unchanged + elsewhere + skipped FROM runs")] == [120, 120]
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 120
    con.close()


def test_two_runs_reaching_one_story_by_two_urls_at_once_store_it_once(tmp_path: Path) -> None:
    """The story is claimed under its canonical URL, not only the page under its own id: the
    run that meets it second waits for the first and then counts it as the same story."""
    import json

    story = " ".join(["Police detained dozens of protesters in the capital on Sunday."] * 8)
    html = ('<html><head><link rel="canonical" href="https://ex.org/2024/story"></head>'
            f"<body><article><p>{story}</p></article></body></html>")
    inputs = {}
    for name in ("a", "b"):
        inputs[name] = tmp_path / f"{name}.jsonl"
        inputs[name].write_text(json.dumps(
            {"id": name, "url": f"https://ex.org/{name}?ref=feed", "html": html}) + "\n")

    @stage("slow", needs=["article"], provides=["analysed"], output=Article)
    def slow(article: Article) -> Article:
        time.sleep(1.0)  # long enough for the other run to reach the same story meanwhile
        return article

    summaries: dict[str, RunSummary] = {}

    def ingest(name: str) -> None:
        with Store(tmp_path / "s.db") as store:
            summaries[name] = run([inputs[name]], store,
                                  pipeline=Pipeline([extract_stage(), slow]))

    Store(tmp_path / "s.db").close()
    threads = [threading.Thread(target=ingest, args=(name,)) for name in inputs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    con = sqlite3.connect(tmp_path / "s.db")
    stored = con.execute("SELECT url, fetched_url FROM articles").fetchall()
    assert len(stored) == 1 and stored[0][0] == "https://ex.org/2024/story", stored
    assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    con.close()
    assert sum(s.stored for s in summaries.values()) == 1
    assert sum(s.same_story for s in summaries.values()) == 1
    for s in summaries.values():
        assert s.processed == 1 and s.skipped == [] and s.exit_code == 0, s
