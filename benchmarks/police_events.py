"""IndiaPoliceEvents: police arrest / force / kill events sentence by sentence, where every
sentence of the 629 documents is labelled (so recall is unbiased). Repairs each document's
mojibake as extraction does ("courtâ€™s"), runs the spaCy model, the statements stage (whose
speakers stand for "we" and "us") and the events stage over its text and scores with
../shared/eval/score_police.py. The labels are per sentence, so events are kept once per
sentence that tells them (``each_mention``), not merged into one per happening, and only those
that happened (status "occurred": not "no arrests were made", "can be arrested").

usage: python benchmarks/police_events.py [--shared ../shared] [--out PRED.jsonl]
(the prediction goes to newsmill-police-pred.jsonl in the temporary folder unless --out says)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from newsmill.events import code_events
from newsmill.extract import repair
from newsmill.nlp import NlpStage
from newsmill.records import Article
from newsmill.serve.export import eval_record
from newsmill.statements import find_statements

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path,
                        default=Path(tempfile.gettempdir()) / "newsmill-police-pred.jsonl")
    args = parser.parse_args()
    data = args.shared / "data" / "indiapoliceevents"
    if not data.exists():
        sys.exit(f"{data} is absent: clone the reference data beside the repo or pass --shared")
    predict(data / "docs.jsonl", args.out)
    scorer = args.shared / "eval" / "score_police.py"
    subprocess.run([sys.executable, str(scorer), str(data / "sents.jsonl"), str(args.out)],
                   check=True)


def predict(docs: Path, out_path: Path) -> None:
    """Code each document of ``docs`` (IndiaPoliceEvents' docs.jsonl) sentence by sentence and
    write the events that happened in the evaluation format (also used by the quality gate)."""
    records = [json.loads(line) for line in docs.read_text("utf-8").splitlines()]
    # the texts are extracted already; their mojibake is repaired as extraction would
    articles = [Article(str(r["doc_id"]), str(r["doc_id"]), "text", repair(r["doc_text"]))
                for r in records]
    nlp = NlpStage()
    with out_path.open("w", encoding="utf-8") as out:
        for i in range(0, len(articles), 64):
            for doc in nlp(articles[i:i + 64]):
                coded = code_events(find_statements(doc), each_mention=True).without_parse()
                coded = replace(coded, events=tuple(
                    e for e in coded.events if e.status == "occurred"))
                out.write(json.dumps(eval_record(coded)) + "\n")


if __name__ == "__main__":
    main()
