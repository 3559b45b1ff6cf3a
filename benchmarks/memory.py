"""Memory benchmark: the peak resident memory of `newsmill ingest` (spaCy, statements and
events included) over N distinct documents (``corpus.py``), each size in its own run: the run's
process and, with several workers, the sum over it and its worker processes (sampled every
0.1 s). Memory is to stay flat as the number of documents grows (a run streams: a bounded
number of batches at a time); the target: 10,000 documents within 15% of 1,000.

usage: python benchmarks/memory.py [--sizes 1000 10000] [--workers N] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import write  # noqa: E402


def _tree_rss(pid: int) -> int:
    """Resident kB of ``pid`` and every process under it (Linux /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[-1].split()
        except OSError:
            continue
        child = int(stat.parent.name)
        parents[child] = int(fields[1])
        rss[child] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += [c for c, parent in parents.items() if parent == p]
    return total


def peak(n: int, shared: Path, folder: Path, workers: int) -> tuple[float, float, float, str]:
    """Peak RSS in MB of the run's process and of it with its workers, seconds, and the run's
    summary line, for ``n`` documents."""
    feed = write(folder / f"docs-{n}.jsonl", n, shared)
    db = folder / f"docs-{n}.db"
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "newsmill.serve.cli", "ingest", str(feed),
                             "--db", str(db), "--workers", str(workers)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    tree = [0]

    def sample() -> None:
        while proc.poll() is None:
            tree[0] = max(tree[0], _tree_rss(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    sampler.join()
    seconds = time.perf_counter() - start
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        sys.exit(f"ingest of {n} documents failed: {out}")
    return usage.ru_maxrss / 1024, tree[0] / 1024, seconds, " ".join(out.split())[:120]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    if not (args.shared / "data").exists():
        sys.exit(f"{args.shared} is absent: clone the reference data beside the repo")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{args.workers} workers")
        print(f"{'documents':>10} {'run MB':>8} {'all MB':>8} {'seconds':>9} {'docs/s':>8}  "
              "summary")
        peaks = []
        for n in args.sizes:
            mb, all_mb, seconds, summary = peak(n, args.shared, Path(tmp), args.workers)
            peaks.append(max(mb, all_mb))
            print(f"{n:>10} {mb:>8.0f} {all_mb:>8.0f} {seconds:>9.1f} {n / seconds:>8.1f}  "
                  f"{summary}", flush=True)
        print(f"largest / smallest peak: {peaks[-1] / peaks[0]:.2f}x (target at most 1.15x)")


if __name__ == "__main__":
    main()
