"""Exports: the evaluation format (``../shared/eval/FORMAT.md``), full JSON Lines, and CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any, TextIO

from newsmill.records import Article, Document, Event, Statement

FORMATS = ("eval", "jsonl", "csv")
CSV_COLUMNS = ("id", "title", "authors", "publisher", "published", "updated", "language", "url",
               "source", "kind", "words", "mentions", "statements", "events")


def statement(s: Statement) -> dict[str, Any]:
    return {"speaker": s.speaker, "speaker_mention": s.speaker_mention, "role": s.role,
            "cue": s.cue, "kind": s.kind, "content": s.content, "start": s.start, "end": s.end}


def _event(e: Event) -> dict[str, Any]:
    out = asdict(e)
    out["actors"] = [asdict(a) for a in e.actors]
    out["recipients"] = [asdict(a) for a in e.recipients]
    return out


def eval_record(record: Article | Document) -> dict[str, Any]:
    """One record in the evaluation format."""
    doc = record if isinstance(record, Document) else Document(record)
    a = doc.article
    return {
        "id": a.id, "title": a.title, "authors": list(a.authors), "publisher": a.publisher,
        "published": a.published, "language": a.language, "body": a.body,
        "statements": [statement(s) for s in doc.statements],
        "events": [_event(e) for e in doc.events],
    }


def full_record(doc: Document) -> dict[str, Any]:
    """Everything stored about a document, offsets included."""
    out = eval_record(doc)
    out.update({k: v for k, v in asdict(doc.article).items() if k not in out})
    out["mentions"] = [asdict(m) for m in doc.mentions]
    return out


def csv_row(doc: Document) -> dict[str, Any]:
    a = doc.article
    return {"id": a.id, "title": a.title, "authors": "; ".join(a.authors),
            "publisher": a.publisher, "published": a.published, "updated": a.updated,
            "language": a.language, "url": a.url, "source": a.source, "kind": a.kind,
            "words": len(a.body.split()), "mentions": len(doc.mentions),
            "statements": len(doc.statements), "events": len(doc.events)}


def write(docs: Iterable[Document], fmt: str, out: TextIO) -> int:
    """Write documents to ``out`` in ``fmt`` (one of ``FORMATS``); returns how many."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    n = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for doc in docs:
            writer.writerow(csv_row(doc))
            n += 1
        return n
    make = eval_record if fmt == "eval" else full_record
    for doc in docs:
        out.write(json.dumps(make(doc), ensure_ascii=False) + "\n")
        n += 1
    return n
