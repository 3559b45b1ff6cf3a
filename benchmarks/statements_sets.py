"""Statements (who said what) on the annotated article sets, scored by ``score_statements.py``.

Each set is run through the stages exactly as the product runs it (``event_sets.load``: extract,
the spaCy model, the statements stage; parses cached on disk) and its statements scored against
its gold: ``seed+dev`` (the 21 articles of ``../shared/gold/seed.jsonl`` and ``dev.jsonl``) and
``new40`` (the 40 articles of ``benchmarks/gold/articles40.jsonl``), ``stat20`` (the 20
articles of ``benchmarks/gold/statements20.jsonl``), ``stat16`` (the 16 of
``benchmarks/gold/statements16.jsonl``), ``stat24`` (the 24 of
``benchmarks/gold/statements24.jsonl``), ``glocon24`` (24 wire stories of the GLOCON
sample, ``benchmarks/gold/statements_glocon24.jsonl``, whose bodies are read from
``../shared``), ``glocon24b``, ``glocon24c``, ``glocon24d``, ``glocon24e``, ``glocon24f`` and
``glocon24g`` (24 more each, ``statements_glocon24b.jsonl`` ... ``statements_glocon24g.jsonl``),
the last ten annotated for statements only, and ``glocon24ev`` (24 more,
``benchmarks/gold/events_glocon24.jsonl``, annotated for events and statements) and
``glocon24evb`` (24 more, ``benchmarks/gold/events_glocon24b.jsonl``, the same way).

    python benchmarks/statements_sets.py
        [--sets seed+dev,new40,stat20,stat16,stat24,glocon24,glocon24b,glocon24c,
                glocon24d,glocon24e,glocon24f,glocon24g,glocon24ev,glocon24evb]
        [--pred-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import event_sets

GOLD = {"seed+dev": ["gold/seed.jsonl", "gold/dev.jsonl"], "new40": [str(event_sets.NEW40)],
        "stat20": [str(event_sets.STAT20)], "stat16": [str(event_sets.STAT16)],
        "stat24": [str(event_sets.STAT24)], "glocon24": [str(event_sets.GLOCON24)],
        "glocon24b": [str(event_sets.GLOCON24B)], "glocon24c": [str(event_sets.GLOCON24C)],
        "glocon24d": [str(event_sets.GLOCON24D)], "glocon24e": [str(event_sets.GLOCON24E)],
        "glocon24f": [str(event_sets.GLOCON24F)], "glocon24g": [str(event_sets.GLOCON24G)],
        "glocon24ev": [str(event_sets.EVENTS_GLOCON24)],
        "glocon24evb": [str(event_sets.EVENTS_GLOCON24B)]}
SHOWN = ("f1", "precision", "recall", "speaker_accuracy", "end_to_end_f1", "kind_accuracy",
         "cue_accuracy", "gold", "predicted", "matched")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets",
                        default="seed+dev,new40,stat20,stat16,stat24,glocon24,glocon24b,"
                                "glocon24c,glocon24d,glocon24e,glocon24f,glocon24g,glocon24ev,"
                                "glocon24evb")
    parser.add_argument("--shared", type=Path, default=event_sets.DEFAULT_SHARED)
    parser.add_argument("--cache", type=Path, default=event_sets.DEFAULT_CACHE)
    parser.add_argument("--pred-dir", type=Path, help="keep each set's predictions here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.pred_dir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for s in event_sets.load(args.sets.split(","), args.shared, args.cache):
            gold = work / f"{s.name}-gold.jsonl"
            gold.write_text("".join((args.shared / p if not Path(p).is_absolute() else Path(p))
                                    .read_text(encoding="utf-8") for p in GOLD[s.name]),
                            encoding="utf-8")
            pred = work / f"{s.name}-statements.jsonl"
            event_sets._write(s.docs, pred)
            figures = event_sets._score(args.shared, "score_statements.py", gold, pred)
            print(f"{s.name:9} " + json.dumps({k: figures[k] for k in SHOWN}))


if __name__ == "__main__":
    main()
