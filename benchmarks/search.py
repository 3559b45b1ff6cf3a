"""Search benchmark: the time of queries of 100, 1,000 and 10,000 words over a store of N
distinct documents (``corpus.py``), newsmill's ``Store.search`` against the plain FTS5 query it
replaced (ranked and cut by every phrase of the query: its cost grows with the square of a
query's repeated words), in one run. Words are drawn as they come in text (so common words
repeat), joined by spaces (every word must match) or by OR (any may). The baseline is stopped
after --cap seconds. A query over newsmill's bound (1,000 words) is refused; "lifted" is its
time with the bound lifted, to show the cost grows linearly past it too.

usage: python benchmarks/search.py [--docs 2000] [--words 100 1000 10000] [--cap 60]
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import documents  # noqa: E402

from newsmill.errors import QueryError  # noqa: E402
from newsmill.records import Article, Document  # noqa: E402
from newsmill.store import Store, search  # noqa: E402

BASELINE = ("SELECT a.id, snippet(articles_fts, 1, '[', ']', ' ... ', 12) FROM articles_fts "
            "JOIN articles a ON a.pk = articles_fts.rowid WHERE articles_fts MATCH ? "
            "ORDER BY rank LIMIT 20")


def baseline(path: Path, query: str, cap: float) -> str:
    """The old query's time, or '> cap' when stopped."""
    con = sqlite3.connect(path)
    deadline = time.perf_counter() + cap
    con.set_progress_handler(lambda: int(time.perf_counter() > deadline), 10_000)
    start = time.perf_counter()
    try:
        try:
            con.execute(BASELINE, (query,)).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                return f"> {cap:.0f} s"
            con.execute(BASELINE, ('"' + query.replace('"', '""') + '"',)).fetchall()
    except sqlite3.OperationalError:
        return f"> {cap:.0f} s"
    finally:
        con.close()
    return f"{time.perf_counter() - start:.3f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--words", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--cap", type=float, default=60.0)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    if not (args.shared / "data").exists():
        sys.exit(f"{args.shared} is absent: clone the reference data beside the repo")
    docs = list(documents(args.docs, args.shared))
    words = [w for d in docs for w in re.findall(r"[A-Za-z]+", d["text"])]
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.db"
        with Store(path) as store:
            store.save(Document(Article(d["id"], d["id"], "text", d["text"],
                                        content_hash=d["id"], page_hash=d["id"]))
                       for d in docs)
        store = Store(path, readonly=True)
        print(f"{args.docs} documents; times of one query (newsmill | plain FTS5 baseline)")
        print(f"{'words':>6} {'joined':>6} {'newsmill':>10} {'hits':>7} {'lifted':>9} "
              f"{'baseline':>10}")
        for n in args.words:
            for joiner in (" ", " OR "):
                query = joiner.join(rng.choice(words) for _ in range(n))
                start = time.perf_counter()
                try:
                    hits = str(len(store.search(query)))
                except QueryError:
                    hits = "refused"
                ours = time.perf_counter() - start
                lifted = "-"
                if hits == "refused":
                    bound = search.MAX_QUERY_WORDS, search.MAX_QUERY_CHARS
                    search.MAX_QUERY_WORDS = search.MAX_QUERY_CHARS = 10**9
                    start = time.perf_counter()
                    store.search(query)
                    lifted = f"{time.perf_counter() - start:.3f} s"
                    search.MAX_QUERY_WORDS, search.MAX_QUERY_CHARS = bound
                base = baseline(path, query, args.cap)
                print(f"{n:>6} {joiner.strip() or 'AND':>6} {ours:>8.3f} s {hits:>7} "
                      f"{lifted:>9} {base:>10}", flush=True)


if __name__ == "__main__":
    main()
