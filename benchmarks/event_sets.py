"""The event sets newsmill's coder is measured on, parsed once and scored by one call each.

Each set is read from ``../shared`` (or the repository's own annotated articles), run through
the stages before the events stage exactly as the product runs it (extract for articles,
then the spaCy model and the statements stage), and kept with its parse, so the events stage
alone can be run again and again: with every rule, or with some switched off (the ablation
benchmark). Parses are cached on disk (``--cache``, keyed by the texts and the source of the
stages that made them), so a second run starts at once.

Sets and their one figure (``FIGURE``):

- ``seed+dev``: the 21 hand-annotated articles of ``gold/seed.jsonl`` and ``gold/dev.jsonl``,
  bodies with their publication dates; F1 of ``score_events.py``.
- ``new40``: the 40 articles annotated for newsmill (``benchmarks/gold/articles40.jsonl``),
  the same way; F1 of ``score_events.py``.
- ``glocon24ev``: 24 wire stories of the GLOCON sample annotated for newsmill
  (``benchmarks/gold/events_glocon24.jsonl``, bodies read from ``../shared``), the same way.
- ``glocon24evb``: 24 more (``benchmarks/gold/events_glocon24b.jsonl``), the same way.
- ``gsr``: PLOVER's 322 gold sentences (``gold/plover-gsr.jsonl``); F1.
- ``police``: IndiaPoliceEvents, every sentence labelled for police arrest / force / kill
  (``score_police.py``); F1 of its overall precision and recall.
- ``case2021``: CASE 2021 task 2 event snippets with ACLED-style labels; top-1 accuracy of the
  PLOVER type their label maps to (``case2021_plover.tsv``).
- ``glocon``: the GLOCON sample's 1,050 news documents, each labelled for whether it reports a
  protest event; F1 of "the document has a protest coded as occurred" (PROTEST).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_SHARED = Path(os.environ.get("NEWSMILL_SHARED", ROOT.parent / "shared"))
DEFAULT_CACHE = Path(os.environ.get("NEWSMILL_BENCH_CACHE",
                                    Path(tempfile.gettempdir()) / "newsmill-bench-cache"))
NEW40 = HERE / "gold" / "articles40.jsonl"
STAT20 = HERE / "gold" / "statements20.jsonl"  # statements only: a set for statements_sets.py
STAT16 = HERE / "gold" / "statements16.jsonl"  # statements only, as STAT20
STAT24 = HERE / "gold" / "statements24.jsonl"  # statements only, as STAT20
GLOCON24 = HERE / "gold" / "statements_glocon24.jsonl"  # statements only; bodies in ../shared
GLOCON24B = HERE / "gold" / "statements_glocon24b.jsonl"  # 24 more, as GLOCON24
GLOCON24C = HERE / "gold" / "statements_glocon24c.jsonl"  # 24 more again, as GLOCON24
GLOCON24D = HERE / "gold" / "statements_glocon24d.jsonl"  # and 24 more, as GLOCON24
GLOCON24E = HERE / "gold" / "statements_glocon24e.jsonl"  # and 24 more, as GLOCON24
GLOCON24F = HERE / "gold" / "statements_glocon24f.jsonl"  # and 24 more, as GLOCON24
GLOCON24G = HERE / "gold" / "statements_glocon24g.jsonl"  # and 24 more, as GLOCON24
EVENTS_GLOCON24 = HERE / "gold" / "events_glocon24.jsonl"  # 24 more, events and statements
EVENTS_GLOCON24B = HERE / "gold" / "events_glocon24b.jsonl"  # 24 more, the same way
# the sets annotated for newsmill
OWN_SETS = {"new40": NEW40, "stat20": STAT20, "stat16": STAT16, "stat24": STAT24,
            "glocon24": GLOCON24, "glocon24b": GLOCON24B, "glocon24c": GLOCON24C,
            "glocon24d": GLOCON24D, "glocon24e": GLOCON24E, "glocon24f": GLOCON24F,
            "glocon24g": GLOCON24G, "glocon24ev": EVENTS_GLOCON24,
            "glocon24evb": EVENTS_GLOCON24B}
BODIES = {"glocon-sample": Path("data", "glocon-sample", "document", "Sabinet_R.json")}
# where a gold record's ``body_from`` says its body is kept (by id), under ../shared
SETS = ("seed+dev", "new40", "glocon24ev", "glocon24evb", "gsr", "police", "case2021", "glocon")
FIGURE = {"seed+dev": "F1", "new40": "F1", "glocon24ev": "F1", "glocon24evb": "F1", "gsr": "F1",
          "police": "F1",
          "case2021": "top-1", "glocon": "doc F1"}
GLOCON_TYPES = frozenset({"PROTEST"})


@dataclass
class EventSet:
    """One set: its parsed documents and how to score what the coder makes of them."""

    name: str
    docs: list[Any]  # newsmill Documents with their parse and statements
    each_mention: bool
    score: Callable[[list[Any], Path], dict[str, float]]  # coded docs, work folder -> figures


def _fingerprint(texts: Iterable[str]) -> str:
    """The texts and the source of the stages before events: a cache key."""
    h = hashlib.sha256()
    for folder in ("extract", "nlp", "statements"):
        for path in sorted((ROOT / "src" / "newsmill" / folder).rglob("*")):
            if path.suffix in (".py", ".txt"):
                h.update(path.read_bytes())
    for text in texts:
        h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]


def _analyse(articles: Sequence[Any], name: str, cache: Path | None) -> list[Any]:
    """``articles`` through the spaCy model and the statements stage (cached on disk)."""
    from spacy.tokens import DocBin

    from newsmill.nlp import NlpStage, load_model
    from newsmill.statements import find_statements

    key = _fingerprint(a.body for a in articles)
    spacy_file = cache / f"{name}-{key}.spacy" if cache else None
    records_file = cache / f"{name}-{key}.pkl" if cache else None
    if spacy_file and records_file and spacy_file.exists() and records_file.exists():
        nlp = load_model()
        parses = list(DocBin().from_disk(spacy_file).get_docs(nlp.vocab))
        records = pickle.loads(records_file.read_bytes())
        return [replace(r, parse=p) for r, p in zip(records, parses, strict=True)]
    stage = NlpStage()
    docs = []
    for i in range(0, len(articles), 64):
        docs += [find_statements(d) for d in stage(articles[i:i + 64])]
    if spacy_file and records_file:
        cache.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
        bin_ = DocBin(attrs=["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA",
                             "MORPH", "POS", "SENT_START", "SPACY", "NORM"])
        for d in docs:
            bin_.add(d.parse)
        bin_.to_disk(spacy_file)
        records_file.write_bytes(pickle.dumps([d.without_parse() for d in docs]))
    return docs


def _score(shared: Path, scorer: str, gold: Path, pred: Path) -> dict[str, float]:
    script = shared / "eval" / scorer
    out = subprocess.run([sys.executable, str(script), str(gold), str(pred)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _write(docs: Iterable[Any], path: Path) -> None:
    from newsmill.serve.export import eval_record

    with path.open("w", encoding="utf-8") as out:
        for d in docs:
            out.write(json.dumps(eval_record(d.without_parse())) + "\n")


def gold_records(path: Path, shared: Path = DEFAULT_SHARED) -> list[dict[str, Any]]:
    """The records of a gold file, each with its body: a record whose body is kept in
    ``../shared`` (``body_from``, a key of ``BODIES``) gets it from there by its id."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    texts: dict[str, dict[str, str]] = {}
    for r in records:
        source = r.get("body_from")
        if "body" not in r and source in BODIES:
            if source not in texts:
                lines = (shared / BODIES[source]).read_text(encoding="utf-8").splitlines()
                texts[source] = {str(d["id"]): d["text"] for d in map(json.loads, lines)}
            r["body"] = texts[source][r["id"]]
    return records


def _bodies_needed(path: Path, shared: Path) -> list[Path]:
    """The files of ``../shared`` a gold file's records take their bodies from."""
    sources = {json.loads(line).get("body_from") for line in
               path.read_text(encoding="utf-8").splitlines()}
    return [shared / BODIES[s] for s in sorted(sources & BODIES.keys())]


def _gold_articles(gold: list[Path], name: str, shared: Path = DEFAULT_SHARED) -> list[Any]:
    """The gold records' bodies, with their titles and publication dates, through the extract
    stage as the product reads a JSON Lines text record."""
    from newsmill.extract import extract_stage
    from newsmill.ingest import read_inputs
    from newsmill.records import Article

    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / f"{name}.jsonl"
        with inputs.open("w", encoding="utf-8") as f:
            for path in gold:
                for r in gold_records(path, shared):
                    f.write(json.dumps({"id": r["id"], "text": r["body"], "title": r.get("title"),
                                        "published": r.get("published")}) + "\n")
        pages = list(read_inputs([str(inputs)]))
        return [a for a in extract_stage()(pages) if isinstance(a, Article)]


def _gold_set(name: str, gold: list[Path], shared: Path, cache: Path | None) -> EventSet:
    docs = _analyse(_gold_articles(gold, name, shared), name, cache)

    def score(coded: list[Any], work: Path) -> dict[str, float]:
        both = work / f"{name}-gold.jsonl"
        both.write_text("".join(p.read_text(encoding="utf-8") for p in gold), encoding="utf-8")
        pred = work / f"{name}-pred.jsonl"
        _write(coded, pred)
        figures = _score(shared, "score_events.py", both, pred)
        figures["figure"] = figures["f1"]
        accuracies = [v for k, v in figures.items() if k.endswith("_accuracy")]
        figures["attributes"] = sum(accuracies) / len(accuracies) if accuracies else 0.0
        return figures

    return EventSet(name, docs, False, score)


def _police(shared: Path, cache: Path | None) -> EventSet:
    from newsmill.extract import repair
    from newsmill.records import Article

    data = shared / "data" / "indiapoliceevents"
    records = [json.loads(line) for line in
               (data / "docs.jsonl").read_text("utf-8").splitlines()]
    articles = [Article(str(r["doc_id"]), str(r["doc_id"]), "text", repair(r["doc_text"]))
                for r in records]
    docs = _analyse(articles, "police", cache)

    def score(coded: list[Any], work: Path) -> dict[str, float]:
        pred = work / "police-pred.jsonl"
        _write((replace(d, events=tuple(e for e in d.events if e.status == "occurred"))
                for d in coded), pred)
        figures = _score(shared, "score_police.py", data / "sents.jsonl", pred)
        p, r = figures["all_precision"], figures["all_recall"]
        figures["figure"] = 2 * p * r / (p + r) if p + r else 0.0
        return figures

    return EventSet("police", docs, True, score)


def _case2021(shared: Path, cache: Path | None) -> EventSet:
    from newsmill.records import Article

    sys.path.insert(0, str(HERE))
    import case2021

    rows = case2021.snippets(shared / "data" / "case2021-task2" / "snippets.tsv")
    labels = case2021.mapping()
    articles = [Article(f"case-{i}", f"case-{i}", "text", text) for i, text, _ in rows]
    docs = _analyse(articles, "case2021", cache)

    def score(coded: list[Any], work: Path) -> dict[str, float]:
        top = anywhere = n = quiet = outside = 0
        for (_, _, label), d in zip(rows, coded, strict=True):
            gold = labels[label]
            first = case2021.main_type(d.events)
            if not gold:
                outside += 1
                quiet += first is None
                continue
            n += 1
            top += first in gold
            anywhere += bool({e.type for e in d.events} & gold)
        return {"figure": top / n, "top1": top / n, "any": anywhere / n,
                "no_event_outside": quiet / outside if outside else 0.0}

    return EventSet("case2021", docs, False, score)


def _glocon(shared: Path, cache: Path | None) -> EventSet:
    from newsmill.records import Article

    path = shared / "data" / "glocon-sample" / "document" / "Sabinet_R.json"
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    records = [r for r in records if r.get("label") in (0, 1)]
    articles = [Article(str(r["id"]), str(r["id"]), "text", r["text"]) for r in records]
    docs = _analyse(articles, "glocon", cache)

    def score(coded: list[Any], work: Path) -> dict[str, float]:
        tp = fp = fn = 0
        for r, d in zip(records, coded, strict=True):
            said = any(e.type in GLOCON_TYPES and e.status == "occurred" for e in d.events)
            tp += said and r["label"] == 1
            fp += said and r["label"] == 0
            fn += not said and r["label"] == 1
        p = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        return {"figure": f1, "precision": p, "recall": rec, "f1": f1}

    return EventSet("glocon", docs, False, score)


def load(names: Sequence[str], shared: Path = DEFAULT_SHARED,
         cache: Path | None = DEFAULT_CACHE) -> list[EventSet]:
    """The sets ``names`` that can be read here (a set whose data is absent is left out, with
    a line on standard error saying why)."""
    out = []
    for name in names:
        gold = shared / "gold"
        if name == "seed+dev":
            need = gold / "dev.jsonl"
        elif name in OWN_SETS:
            need = OWN_SETS[name]
        elif name == "gsr":
            need = gold / "plover-gsr.jsonl"
        else:
            need = shared / "data" / {"police": "indiapoliceevents", "case2021": "case2021-task2",
                                      "glocon": "glocon-sample"}[name]
        absent = [p for p in [need, *(_bodies_needed(need, shared) if name in OWN_SETS
                                       and need.exists() else [])] if not p.exists()]
        if absent:
            print(f"set {name}: {absent[0]} is absent, left out", file=sys.stderr)
            continue
        if name == "seed+dev":
            out.append(_gold_set(name, [gold / "seed.jsonl", gold / "dev.jsonl"], shared, cache))
        elif name in OWN_SETS:
            out.append(_gold_set(name, [OWN_SETS[name]], shared, cache))
        elif name == "gsr":
            out.append(_gold_set(name, [gold / "plover-gsr.jsonl"], shared, cache))
        elif name == "police":
            out.append(_police(shared, cache))
        elif name == "case2021":
            out.append(_case2021(shared, cache))
        else:
            out.append(_glocon(shared, cache))
    return out


def code(event_set: EventSet) -> list[Any]:
    """The set's documents through the events stage as it is configured now."""
    from newsmill.events import code_events

    return [code_events(d, each_mention=event_set.each_mention) for d in event_set.docs]


def measure(event_set: EventSet, work: Path) -> dict[str, float]:
    return event_set.score(code(event_set), work)


def dump(sets: Sequence[EventSet], path: Path) -> None:
    """Every event coded on every set, as JSON Lines: two runs of the coder that should agree
    can be compared byte for byte."""
    from newsmill.serve.export import eval_record

    with path.open("w", encoding="utf-8") as out:
        for s in sets:
            for d in code(s):
                rec = eval_record(d.without_parse())
                out.write(json.dumps({"set": s.name, "id": rec["id"],
                                      "events": rec.get("events", [])}) + "\n")


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--dump", type=Path, help="write every coded event here (JSON Lines)")
    args = parser.parse_args()
    unknown = [name for name in args.sets.split(",") if name not in SETS]
    if unknown:
        parser.error(f"no event set {', '.join(unknown)}: the sets are {', '.join(SETS)} "
                     "(stat20, stat16 and stat24 hold statements only: "
                     "benchmarks/statements_sets.py scores them)")
    sets = load(args.sets.split(","), args.shared, args.cache)
    if args.dump:
        dump(sets, args.dump)
    with tempfile.TemporaryDirectory() as tmp:
        for s in sets:
            figures = measure(s, Path(tmp))
            print(f"{s.name:10} {FIGURE[s.name]:7} {figures['figure']:.4f}  "
                  + json.dumps({k: v for k, v in figures.items() if k != "figure"}))


if __name__ == "__main__":
    main()
