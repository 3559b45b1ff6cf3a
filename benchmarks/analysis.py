"""Analysis benchmark: the time the statements and events stages each add to the spaCy pass, as
ratios measured in one run, on the bodies of ../shared/gold/seed.jsonl and dev.jsonl (repeated
to make the run long enough to time). The targets: statements at most 20%, events at most 25%.

usage: python benchmarks/analysis.py [--shared ../shared] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newsmill.events import code_events
from newsmill.extract.text import city_names
from newsmill.nlp import NlpStage
from newsmill.records import Article, Document
from newsmill.statements import find_statements

ROOT = Path(__file__).resolve().parents[1]
STAGES: dict[str, tuple[Callable[[Document], Document], Callable[[Document], int]]] = {
    "statements": (find_statements, lambda d: len(d.statements)),
    "events": (code_events, lambda d: len(d.events)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    gold = args.shared / "gold"
    if not gold.exists():
        sys.exit(f"{gold} is absent: clone the reference data beside the repo or pass --shared")
    articles = [Article(f"{r['id']}-{n}", r["id"], "text", r["body"], published=r.get("published"))
                for name in ("seed.jsonl", "dev.jsonl")
                for line in (gold / name).read_text(encoding="utf-8").splitlines()
                for r in [json.loads(line)] for n in range(args.repeat)]
    nlp = NlpStage()
    warm = nlp(articles[:1])  # load the model, the cue lists and the gazetteer before timing
    for stage, _ in STAGES.values():
        stage(warm[0])
    city_names()  # the towns' names too, which only some sentences need (one load a process)
    start = time.perf_counter()
    docs = nlp(articles)
    spacy_s = time.perf_counter() - start
    print(f"{len(articles)} articles")
    print(f"spaCy pass        {spacy_s:7.2f} s")
    for name, (stage, count) in STAGES.items():
        start = time.perf_counter()
        found = sum(count(stage(d)) for d in docs)
        seconds = time.perf_counter() - start
        print(f"{name:<17} {seconds:7.2f} s  = {seconds / spacy_s:6.1%} of the spaCy pass "
              f"({found} found)")


if __name__ == "__main__":
    main()
