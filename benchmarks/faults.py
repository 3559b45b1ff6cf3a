"""Fault benchmark: what newsmill survives, counted.

- kill points during creation: a new store's creation is SIGKILLed as SQLite starts each of
  its statements in turn (the pragmas, BEGIN, every migration, COMMIT), then opened again;
- concurrent creations: two processes create the same new store at the same moment;
- mid-run kills: an ingest of N pages (``corpus.py`` documents, as JSON Lines) SIGKILLed at a
  random moment, then run again: the store must equal one clean run's;
- bad inputs: every kind in ``tests/bad_inputs.py`` (the kinds of the existing tests among
  them) through one run: stored safely, or skipped with a reason naming the input.

usage: python benchmarks/faults.py [--races 30] [--kills 13] [--pages 374] [--no-nlp]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests")]

from corpus import write  # noqa: E402
from test_bad_inputs import check  # noqa: E402
from test_run import _dump  # noqa: E402
from test_store_safety import DOC, _create_killed_at, _in_child, _steps_of_creation  # noqa: E402

from newsmill.store import Store  # noqa: E402


def _opens(path: Path) -> bool:
    try:
        with Store(path) as store:
            store.save([DOC])
            return store.get(DOC.id) == DOC
    except Exception:
        return False


def creation_kills(tmp: Path) -> tuple[int, int]:
    steps = _steps_of_creation(tmp)
    survived = 0
    for step in range(1, steps + 1):
        path = tmp / f"killed-{step}.db"
        _in_child(_create_killed_at(path, step))
        survived += _opens(path)
    return survived, steps


def races(tmp: Path, tries: int) -> tuple[int, int]:
    survived = 0
    for n in range(tries):
        path = tmp / f"race-{n}.db"
        start = time.time() + 0.2
        pids = []
        for _ in range(2):
            pid = os.fork()
            if pid == 0:  # the child
                code = 1
                try:
                    time.sleep(max(0.0, start - time.time()))
                    with Store(path) as store:
                        store.save([DOC])
                    code = 0
                finally:
                    os._exit(code)
            pids.append(pid)
        codes = [os.waitstatus_to_exitcode(os.waitpid(p, 0)[1]) for p in pids]
        survived += codes == [0, 0] and _opens(path)
    return survived, tries


def _ingest(feed: Path, db: Path, nlp: bool) -> list[str]:
    return [sys.executable, "-m", "newsmill.serve.cli", "ingest", str(feed), "--db", str(db),
            "--batch-size", "8", *([] if nlp else ["--no-nlp"])]


def mid_run_kills(tmp: Path, pages: int, kills: int, nlp: bool, shared: Path
                  ) -> tuple[int, int, list[str]]:
    feed = write(tmp / "pages.jsonl", pages, shared, seed=7)
    clean = tmp / "clean.db"
    start = time.perf_counter()
    subprocess.run(_ingest(feed, clean, nlp), check=True, capture_output=True)
    seconds = time.perf_counter() - start
    want = _dump(clean)
    rng = random.Random(13)
    survived, notes = 0, []
    for k in range(kills):
        db = tmp / f"killed-{k}.db"
        proc = subprocess.Popen(_ingest(feed, db, nlp), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        at = rng.uniform(0.05, 0.95) * seconds
        time.sleep(at)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        stored = _count(db)
        again = subprocess.run(_ingest(feed, db, nlp), capture_output=True, text=True)
        same = again.returncode == 0 and _dump(db) == want
        survived += same
        notes.append(f"kill {k + 1}: at {at:.1f} s, {stored} of {pages} stored, "
                     f"{'resumed to the same store' if same else 'DIFFERENT: ' + again.stderr}")
    return survived, kills, notes


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(db)
        n = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        con.close()
        return n
    except sqlite3.Error:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--races", type=int, default=30)
    parser.add_argument("--kills", type=int, default=13)
    parser.add_argument("--pages", type=int, default=374)
    parser.add_argument("--nlp", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in ("creation", "races", "bad"):
            (folder / name).mkdir()
        ok, n = creation_kills(folder / "creation")
        print(f"kill points during creation   {ok}/{n}", flush=True)
        ok, n = races(folder / "races", args.races)
        print(f"concurrent creations          {ok}/{n}", flush=True)
        kinds, failures = check(folder / "bad" / "in", Store(folder / "bad" / "s.db"))
        failed = {f.split(":")[0] for f in failures}
        print(f"bad-input kinds handled       {kinds - len(failed)}/{kinds}", flush=True)
        for f in failures:
            print(f"  {f}")
        if (args.shared / "data").exists():
            (folder / "kills").mkdir()
            ok, n, notes = mid_run_kills(folder / "kills", args.pages, args.kills, args.nlp,
                                         args.shared)
            print(f"mid-run kills ({args.pages} pages{'' if args.nlp else ', no NLP'})"
                  f"  {ok}/{n}")
            for note in notes:
                print(f"  {note}")


if __name__ == "__main__":
    main()
