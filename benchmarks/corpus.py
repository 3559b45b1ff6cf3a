"""Distinct news-like documents for the memory and search benchmarks, as many as asked: each
is 12 to 24 sentences drawn at random from the bodies of the article-extraction benchmark and
of IndiaPoliceEvents (``../shared/data``), so no two are copies of one story.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Za-z\"“])")


def sentences(shared: Path) -> list[str]:
    """Every sentence of 8 to 60 words in the reference bodies."""
    data = shared / "data"
    bodies = [v["articleBody"] for v in json.loads(
        (data / "article-extraction-benchmark" / "ground-truth.json").read_text()).values()]
    ipe = data / "indiapoliceevents" / "docs.jsonl"
    if ipe.exists():
        bodies += [json.loads(line)["doc_text"] for line in ipe.read_text().splitlines()]
    out = []
    for body in bodies:
        for s in SENTENCE.split(" ".join(body.split())):
            if 8 <= len(s.split()) <= 60:
                out.append(s)
    return out


def documents(n: int, shared: Path, seed: int = 0) -> Iterator[dict[str, str]]:
    """``n`` JSON Lines records (``id``, ``text``, ``published``)."""
    pool = sentences(shared)
    rng = random.Random(seed)
    for i in range(n):
        picked = rng.sample(pool, rng.randint(12, 24))
        paragraphs = [" ".join(picked[j:j + 3]) for j in range(0, len(picked), 3)]
        title = " ".join(picked[0].split()[:8])
        yield {"id": f"doc-{i:06d}", "text": title + "\n\n" + "\n\n".join(paragraphs),
               "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"}


def write(path: Path, n: int, shared: Path, seed: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for record in documents(n, shared, seed):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
