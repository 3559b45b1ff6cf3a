"""Extraction benchmark: newsmill and the baselines on the same pages, in one run.

HTML: the 120 pages of ../shared/data/article-extraction-benchmark, extracted by newsmill,
trafilatura (defaults) and readability-lxml. Plain text: the naive full-page text dumps of the
same pages (output/html-text.json), cleaned by newsmill, against the raw dump itself. Clean
text: the ground-truth bodies themselves given as text, which the cleaner should keep whole.
Each is scored with ../shared/eval/score_extraction.py; speed is pages per second and the ratio
to trafilatura measured in this run (absolute times on shared machines are noise).

usage: python benchmarks/extraction.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsmill.extract import DEFAULT_FOCUS, Focus, extract
from newsmill.records import Article, Page

ROOT = Path(__file__).resolve().parents[1]


def newsmill_body(kind: str, focus: Focus = DEFAULT_FOCUS) -> Callable[[str, str], str]:
    def run(page_id: str, content: str) -> str:
        out = extract(Page(page_id, page_id, kind, content), focus)  # type: ignore[arg-type]
        return out.body if isinstance(out, Article) else ""

    return run


def trafilatura_body(_id: str, html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def readability_body(_id: str, html: str) -> str:
    from lxml import html as lxml_html
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    return "\n\n".join(p.text_content().strip() for p in lxml_html.fromstring(summary).iter("p")
                       if p.text_content().strip())


def measure(name: str, pages: dict[str, str], func: Callable[[str, str], str], gold: Path,
            scorer: Path, workdir: Path) -> dict[str, float | str]:
    out = workdir / f"{name}.jsonl"
    first_id, first = next(iter(pages.items()))
    func(first_id, first)  # warm up: imports and model loading are not throughput
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as f:
        for page_id, content in pages.items():
            f.write(json.dumps({"id": page_id, "body": func(page_id, content)}) + "\n")
    seconds = time.perf_counter() - start
    result = subprocess.run([sys.executable, str(scorer), str(gold), str(out)],
                            capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return {"tool": name, "f1": figures["body_f1"], "precision": figures["body_precision"],
            "recall": figures["body_recall"], "pages_per_s": len(pages) / seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    bench = args.shared / "data" / "article-extraction-benchmark"
    scorer = args.shared / "eval" / "score_extraction.py"
    if not bench.exists():
        sys.exit(f"{bench} is absent: clone the reference data beside the repo or pass --shared")
    gold = bench / "ground-truth.json"
    html = {p.name.split(".")[0]: gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
            for p in sorted((bench / "html").glob("*.html.gz"))}
    dumps = json.loads((bench / "output" / "html-text.json").read_text(encoding="utf-8"))
    dumps = dumps.get("output", dumps)  # published tool outputs are wrapped
    texts = {k: (v if isinstance(v, str) else v.get("articleBody", "")) for k, v in dumps.items()}

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, func in (("trafilatura", trafilatura_body), ("readability", readability_body),
                           ("newsmill", newsmill_body("html")),
                           ("nm-precise", newsmill_body("html", "precise")),
                           ("nm-complete", newsmill_body("html", "complete"))):
            rows.append(("html", measure(name, html, func, gold, scorer, work)))
        rows.append(("text", measure("raw-dump", texts, lambda _i, t: t, gold, scorer, work)))
        for name, focus in (("newsmill-text", DEFAULT_FOCUS), ("nm-text-precise", "precise"),
                            ("nm-text-complete", "complete")):
            rows.append(("text", measure(name, texts, newsmill_body("text", focus),  # type: ignore[arg-type]
                                         gold, scorer, work)))
        # a text that is already the story (the ground truth itself, as a JSON Lines "text"
        # would bring it): the cleaner should keep all of it
        truth = {k: v["articleBody"] for k, v in
                 json.loads(gold.read_text(encoding="utf-8")).items()}
        rows.append(("clean", measure("newsmill-text", truth, newsmill_body("text"), gold,
                                      scorer, work)))
    base = next(r["pages_per_s"] for _, r in rows if r["tool"] == "trafilatura")
    print(f"{'input':<6} {'tool':<16} {'F1':>6} {'P':>6} {'R':>6} {'pages/s':>8} "
          f"{'vs trafilatura':>15}")
    for kind, r in rows:
        ratio = float(r["pages_per_s"]) / float(base)
        print(f"{kind:<6} {r['tool']:<16} {r['f1']:>6.3f} {r['precision']:>6.3f} "
              f"{r['recall']:>6.3f} {r['pages_per_s']:>8.1f} {ratio:>14.2f}x")


if __name__ == "__main__":
    main()
