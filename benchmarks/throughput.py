"""Throughput benchmark: pages a second through the whole of `newsmill ingest` (files in, store
written: extraction, spaCy, statements, events, near-duplicates, SQLite with its full-text
index) with one worker and with every core, and the naive pass on the same pages in the same
run (trafilatura's extraction, then the full spaCy pipeline, texts and entities written to
SQLite). Each is a fresh process timed from start to end, the model's loading included.

Targets (issue 28): every core at least 0.8 x the core count as fast as one worker, and
newsmill on one worker at least as fast as the naive pass.

usage: python benchmarks/throughput.py [--pages DIR ...] [--rounds 1] [--workers N] [--ray]
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
SHARED = ROOT.parent / "shared" / "data"
PAGES = [SHARED / "article-extraction-benchmark" / "html", SHARED / "naeb" / "html"]

NAIVE = r"""
import gzip, sqlite3, sys
from pathlib import Path
import spacy, trafilatura
from newsmill.nlp import MODEL_NAMES
for name in MODEL_NAMES:
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
files = sorted(f for folder in sys.argv[2:] for f in Path(folder).glob("*.html*"))
texts = []
for f in files:
    raw = gzip.decompress(f.read_bytes()) if f.suffix == ".gz" else f.read_bytes()
    text = trafilatura.extract(raw.decode("utf-8", errors="replace"))
    texts.append((f.name, text or ""))
con = sqlite3.connect(sys.argv[1])
con.execute("CREATE TABLE docs (id TEXT PRIMARY KEY, body TEXT)")
con.execute("CREATE TABLE ents (doc TEXT, start INT, end INT, text TEXT, label TEXT)")
for (doc_id, text), doc in zip(texts, nlp.pipe(t for _, t in texts)):
    con.execute("INSERT INTO docs VALUES (?, ?)", (doc_id, text))
    con.executemany("INSERT INTO ents VALUES (?, ?, ?, ?, ?)",
                    [(doc_id, e.start_char, e.end_char, e.text, e.label_) for e in doc.ents])
con.commit()
print(len(texts))
"""


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 3):
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds


def newsmill(pages: list[Path], db: Path, workers: int, *flags: str) -> float:
    return timed([sys.executable, "-m", "newsmill.serve.cli", "ingest", *map(str, pages),
                  "--db", str(db), "--workers", str(workers), *flags])


def naive(pages: list[Path], db: Path) -> float:
    return timed([sys.executable, "-c", NAIVE, str(db), *map(str, pages)])


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    from newsmill.run.engines import cores

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, nargs="+", default=PAGES,
                        help="folders of .html (or .html.gz) pages (default: the 120 pages of "
                             "the article-extraction benchmark and the 254 of NAEB)")
    parser.add_argument("--rounds", type=int, default=1, help="runs of each, the best kept")
    parser.add_argument("--ray", action="store_true", help="also --engine ray, on a local "
                        "cluster of as many CPUs as workers (pip install 'newsmill[ray]')")
    parser.add_argument("--workers", type=int, default=cores(), help="'every core' (default: "
                        "the cores this process may use)")
    args = parser.parse_args()
    missing = [str(p) for p in args.pages if not p.is_dir()]
    if missing:
        sys.exit(f"{', '.join(missing)} absent: clone the reference data beside the repo or "
                 "pass --pages")
    n = sum(len(list(p.glob("*.html*"))) for p in args.pages)
    print(f"{n} pages from {', '.join(map(str, args.pages))}; {args.workers} workers for "
          f"'every core'; load before: {load()}")
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.rounds):
            folder = Path(tmp) / str(r)
            folder.mkdir()
            runs = {
                "newsmill, 1 worker": (newsmill, (args.pages, folder / "a.db", 1)),
                f"newsmill, {args.workers} workers": (
                    newsmill, (args.pages, folder / "b.db", args.workers)),
                "naive pass (trafilatura + spaCy + SQLite)": (
                    naive, (args.pages, folder / "c.db")),
            }
            if args.ray:
                runs[f"newsmill, Ray local cluster, {args.workers} actors"] = (
                    newsmill, (args.pages, folder / "d.db", args.workers, "--engine", "ray"))
            for name, (go, go_args) in runs.items():
                seconds = go(*go_args)  # type: ignore[operator]
                best[name] = min(best.get(name, seconds), seconds)
                print(f"  round {r + 1}: {name:<44} {seconds:7.1f} s {n / seconds:6.2f} pages/s",
                      flush=True)
    one, every, base = (n / s for s in list(best.values())[:3])
    print(f"\n{'':<46}{'pages/s':>9}")
    for name, s in best.items():
        print(f"{name:<46}{n / s:>9.2f}")
    speedup = every / one
    target = 0.8 * args.workers
    print(f"\nspeed-up, {args.workers} workers over 1: {speedup:.2f}x "
          f"(target {target:.1f}x: {'met' if speedup >= target else 'missed'})")
    print(f"newsmill 1 worker / naive pass: {one / base:.2f}x "
          f"(target 1.0x: {'met' if one >= base else 'missed'})")
    print(f"newsmill {args.workers} workers / naive pass: {every / base:.2f}x")
    print(f"load after: {load()}")


if __name__ == "__main__":
    main()
