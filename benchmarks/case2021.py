"""CASE 2021 task 2: how often newsmill codes an event snippet with the PLOVER type its ACLED-style
label maps to.

Each of the 510 snippets in ``../shared/data/case2021-task2/snippets.tsv`` carries one label
(AIR_STRIKE, PEACE_PROTEST, DIPLO, ...). ``case2021_plover.tsv`` beside this script maps each
label to the PLOVER types that code the same happening, with the reason; labels outside
PLOVER's political events (disasters, crime, OTHER) map to "-".

The snippet's type is that of its first occurred event (else its first event). Printed:
top-1 accuracy over the mapped labels, the share where any coded event has a mapped type,
per-label figures, and for "-" labels the share of snippets with no event coded.

usage: python benchmarks/case2021.py [--shared ../shared] [--errors N]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsmill.events import code_events
from newsmill.nlp import NlpStage
from newsmill.records import Article, Event

HERE = Path(__file__).resolve().parent


def mapping() -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    for line in (HERE / "case2021_plover.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, types, _why = line.split("\t")
            table[label] = frozenset() if types == "-" else frozenset(types.split("|"))
    return table


def snippets(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["id"], r["EventSnippet"], r["SubType"]) for r in rows]


def main_type(events: tuple[Event, ...]) -> str | None:
    ordered = sorted(events, key=lambda e: (e.status != "occurred", e.start))
    return ordered[0].type if ordered else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--errors", type=int, default=0, help="print N misclassified snippets")
    args = parser.parse_args()
    path = args.shared / "data" / "case2021-task2" / "snippets.tsv"
    if not path.exists():
        sys.exit(f"{path} is absent: clone the reference data beside the repo or pass --shared")
    labels = mapping()
    rows = snippets(path)
    unknown = {label for _, _, label in rows} - labels.keys()
    if unknown:
        sys.exit(f"labels missing from case2021_plover.tsv: {sorted(unknown)}")
    nlp = NlpStage()
    articles = [Article(f"case-{i}", f"case-{i}", "text", text) for i, text, _ in rows]
    coded: list[tuple[str | None, set[str]]] = []
    for i in range(0, len(articles), 64):
        for doc in nlp(articles[i:i + 64]):
            events = code_events(doc).events
            coded.append((main_type(events), {e.type for e in events}))
    per: dict[str, Counter[str]] = defaultdict(Counter)
    errors = []
    for (sid, text, label), (top, anyset) in zip(rows, coded, strict=True):
        gold = labels[label]
        c = per[label]
        c["n"] += 1
        if not gold:
            c["none"] += top is None
            continue
        c["top"] += top in gold
        c["any"] += bool(anyset & gold)
        if top not in gold:
            errors.append((sid, label, top, text))
    table = Table(title="CASE 2021 task 2 snippets -> PLOVER type")
    for col in ("label", "PLOVER", "n", "top-1", "any", "no event"):
        table.add_column(col, justify="left" if col in ("label", "PLOVER") else "right")
    for label in sorted(per, key=lambda k: -per[k]["n"]):
        c, gold = per[label], labels[label]
        n = c["n"]
        table.add_row(label, "|".join(sorted(gold)) or "-", str(n),
                      f"{c['top'] / n:.2f}" if gold else "", f"{c['any'] / n:.2f}" if gold else "",
                      "" if gold else f"{c['none'] / n:.2f}")
    console = Console()
    console.print(table)
    mapped = [label for label in per if labels[label]]
    n = sum(per[k]["n"] for k in mapped)
    outside = [label for label in per if not labels[label]]
    n_out = sum(per[k]["n"] for k in outside)
    top1 = sum(per[k]["top"] for k in mapped) / n
    anywhere = sum(per[k]["any"] for k in mapped) / n
    console.print(f"mapped snippets: {n}; top-1 accuracy {top1:.3f}; any-event {anywhere:.3f}")
    quiet = sum(per[k]["none"] for k in outside) / n_out
    console.print(f"outside PLOVER: {n_out}; no event coded {quiet:.3f}")
    for sid, label, top, text in errors[:args.errors]:
        console.print(f"[{sid}] {label} -> {top}: {text[:200]}", markup=False)


if __name__ == "__main__":
    main()
