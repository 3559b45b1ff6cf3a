"""Memory benchmark: the peak resident memory of `newsmill ingest` (spaCy, statements and
events included) over N distinct documents (``corpus.py``), each size in its own process.
Memory is to stay flat as the number of documents grows (a run streams: one batch at a time).

usage: python benchmarks/memory.py [--sizes 1000 10000] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import write  # noqa: E402


def peak(n: int, shared: Path, folder: Path) -> tuple[float, float, str]:
    """Peak RSS in MB, seconds, and the run's summary line, for ``n`` documents."""
    feed = write(folder / f"docs-{n}.jsonl", n, shared)
    db = folder / f"docs-{n}.db"
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "newsmill.serve.cli", "ingest", str(feed),
                             "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    out = proc.stdout.read() if proc.stdout else ""
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"ingest of {n} documents failed: {out}")
    return usage.ru_maxrss / 1024, seconds, " ".join(out.split())[:120]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    if not (args.shared / "data").exists():
        sys.exit(f"{args.shared} is absent: clone the reference data beside the repo")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'documents':>10} {'peak MB':>9} {'seconds':>9} {'docs/s':>8}  summary")
        for n in args.sizes:
            mb, seconds, summary = peak(n, args.shared, Path(tmp))
            print(f"{n:>10} {mb:>9.0f} {seconds:>9.1f} {n / seconds:>8.1f}  {summary}",
                  flush=True)


if __name__ == "__main__":
    main()
