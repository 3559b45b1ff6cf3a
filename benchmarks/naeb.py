"""NAEB: newsmill's extraction (body and metadata) on the NAEB dev pages, in one run.

The 254 pages of ../shared/data/naeb (gzipped HTML of 212 sites, bodies, titles, authors and
days cleaned by hand) go through the extract stage alone (no spaCy, no store); the result is
scored by ../shared/eval/score_extraction.py. ``--misses`` also lists the pages whose title
is wrong, with the gold title beside newsmill's.

usage: python benchmarks/naeb.py [--shared ../shared] [--focus balanced] [--misses]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsmill.extract import DEFAULT_FOCUS, FOCUSES
from newsmill.records import Skipped
from newsmill.run import extract_only
from newsmill.serve.export import eval_record

ROOT = Path(__file__).resolve().parents[1]


def _norm(text: str | None) -> list[str]:
    import re

    return re.findall(r"\w+", (text or "").lower())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--focus", choices=FOCUSES, default=DEFAULT_FOCUS)
    parser.add_argument("--misses", action="store_true", help="List the wrong titles.")
    args = parser.parse_args()
    naeb = args.shared / "data" / "naeb"
    if not naeb.exists():
        sys.exit(f"{naeb} is absent: clone the reference data beside the repo or pass --shared")
    gold = naeb / "gold.jsonl"
    scorer = args.shared / "eval" / "score_extraction.py"
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        found: dict[str, dict[str, object]] = {}
        start = time.perf_counter()
        n = 0
        with pred.open("w", encoding="utf-8") as f:
            for rec in extract_only([naeb / "html"], focus=args.focus):
                n += 1
                if isinstance(rec, Skipped):
                    print(f"skipped {rec.id}: {rec.reason}", file=sys.stderr)
                    continue
                row = eval_record(rec)
                found[rec.id] = row
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        seconds = time.perf_counter() - start
        result = subprocess.run([sys.executable, str(scorer), str(gold), str(pred)],
                                capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"NAEB dev, {n} pages, focus {args.focus}: {n / seconds:.1f} pages/s")
    for key in ("body_f1", "body_precision", "body_recall", "title_accuracy",
                "authors_accuracy", "published_accuracy", "language_accuracy", "missing"):
        if key in figures:
            print(f"  {key:<20} {figures[key]}")
    if args.misses:
        for line in gold.read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            got = found.get(g["id"], {}).get("title")
            if g.get("title") and _norm(g["title"]) != _norm(str(got or "")):
                print(f"{g['id']}\n  gold: {g['title']}\n  got:  {got}")


if __name__ == "__main__":
    main()
