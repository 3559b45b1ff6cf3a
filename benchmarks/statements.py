"""Statements benchmark: the time the statements stage adds to the spaCy pass, as a ratio
measured in one run, on the bodies of ../shared/gold/seed.jsonl and dev.jsonl (repeated to make
the run long enough to time).

usage: python benchmarks/statements.py [--shared ../shared] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from newsmill.nlp import NlpStage
from newsmill.records import Article
from newsmill.statements import find_statements

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    gold = args.shared / "gold"
    if not gold.exists():
        sys.exit(f"{gold} is absent: clone the reference data beside the repo or pass --shared")
    articles = [Article(f"{r['id']}-{n}", r["id"], "text", r["body"])
                for name in ("seed.jsonl", "dev.jsonl")
                for line in (gold / name).read_text(encoding="utf-8").splitlines()
                for r in [json.loads(line)] for n in range(args.repeat)]
    nlp = NlpStage()
    nlp(articles[:1])  # load the model before timing
    start = time.perf_counter()
    docs = nlp(articles)
    spacy_s = time.perf_counter() - start
    start = time.perf_counter()
    found = sum(len(find_statements(d).statements) for d in docs)
    statements_s = time.perf_counter() - start
    print(f"{len(articles)} articles, {found} statements")
    print(f"spaCy pass       {spacy_s:7.2f} s")
    ratio = statements_s / spacy_s
    print(f"statements stage {statements_s:7.2f} s  = {ratio:.1%} of the spaCy pass")


if __name__ == "__main__":
    main()
