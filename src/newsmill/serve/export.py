"""Exports: the evaluation format (``../shared/eval/FORMAT.md``), full JSON Lines, and CSV.

CSV cells are article text, and a spreadsheet runs a cell that starts with ``=``, ``+``,
``-`` or ``@`` (or a tab or carriage return before one) as a formula: such a text cell is
written with a ``'`` before it (OWASP's advice on CSV injection), which spreadsheets show as
text. Numbers are written as they are.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from newsmill import errors
from newsmill.records import Article, Document, Event, Statement

FORMATS = ("eval", "jsonl", "csv", "plover", "acled")
ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                 "location", "latitude", "longitude", "source", "notes")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = ("id", "title", "authors", "publisher", "published", "updated", "language", "url",
               "source", "kind", "words", "mentions", "statements", "events")


def cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _safe_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: cell(v) for k, v in row.items()}


def statement(s: Statement) -> dict[str, Any]:
    return {"speaker": s.speaker, "speaker_mention": s.speaker_mention, "role": s.role,
            "cue": s.cue, "kind": s.kind, "content": s.content, "start": s.start, "end": s.end}


def event(e: Event) -> dict[str, Any]:
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
        "events": [event(e) for e in doc.events],
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


def plover_record(doc: Document, n: int, e: Event) -> dict[str, Any]:
    """One event as a PLOVER JSON Lines record, with its article."""
    a = doc.article
    return {"id": f"{a.id}-{n}", "article_id": a.id, "date_resolved": e.date is not None,
            **event(e),
            "source": a.publisher or a.url or a.source, "url": a.url, "title": a.title}


def acled_row(doc: Document, e: Event) -> dict[str, Any]:
    """One event as a row with ACLED-like columns."""
    a = doc.article
    place = e.place
    return {"event_date": e.date or a.published, "event_type": e.type,
            "sub_event_type": e.mode or "", "actor1": "; ".join(x.name for x in e.actors),
            "actor2": "; ".join(x.name for x in e.recipients),
            "country": place.country if place else "", "location": place.name if place else "",
            "latitude": place.lat if place else "", "longitude": place.lon if place else "",
            "source": a.publisher or a.url or a.source,
            "notes": f"{e.evidence} [{e.status}; article {a.id}]"}


def _write_events(docs: Iterable[Document], fmt: str, out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS) if fmt == "acled" else None
    if writer is not None:
        writer.writeheader()
    n = 0
    for doc in docs:
        if doc.article.duplicate_of is not None:
            continue  # a copy's events are its first copy's: one row per happening
        for i, e in enumerate(doc.events):
            if writer is not None:
                writer.writerow(_safe_row(acled_row(doc, e)))
            else:
                out.write(json.dumps(plover_record(doc, i, e), ensure_ascii=False) + "\n")
            n += 1
    return n


def write(docs: Iterable[Document], fmt: str, out: TextIO) -> int:
    """Write documents to ``out`` in ``fmt`` (one of ``FORMATS``); returns how many records:
    articles, or events for the event formats (``plover``, ``acled``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt in ("plover", "acled"):
        return _write_events(docs, fmt, out)
    n = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for doc in docs:
            writer.writerow(_safe_row(csv_row(doc)))
            n += 1
        return n
    make = eval_record if fmt == "eval" else full_record
    for doc in docs:
        out.write(json.dumps(make(doc), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_to(docs: Iterable[Document], fmt: str, target: str) -> int:
    """``write`` to the file ``target`` ("-" for standard output). A regular file appears
    whole or not at all (written beside it, then renamed); a failure to write (a full disk,
    a device error) raises ``OutputError`` naming the file."""
    if target == "-":
        try:
            n = write(docs, fmt, sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise errors.OutputError(errors.cannot_write("standard output", _why(exc))) from exc
        return n
    path = Path(target)
    if path.exists() and not path.is_file():  # a device or a pipe: write to it as it is
        return _write_file(docs, fmt, path, path)
    try:
        fd, part = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                    dir=path.parent if str(path.parent) else ".")
        os.close(fd)
    except OSError as exc:
        raise errors.OutputError(errors.cannot_write(target, _why(exc))) from exc
    try:
        n = _write_file(docs, fmt, Path(part), path)
        os.chmod(part, _file_mode(path))
        os.replace(part, path)
    except BaseException:
        Path(part).unlink(missing_ok=True)
        raise
    return n


def _write_file(docs: Iterable[Document], fmt: str, path: Path, named: Path) -> int:
    try:
        with path.open("w", encoding="utf-8", newline="") as out:
            n = write(docs, fmt, out)
        return n
    except OSError as exc:
        raise errors.OutputError(errors.cannot_write(str(named), _why(exc))) from exc


def _file_mode(path: Path) -> int:
    """The mode the file had, or a new file's (what the umask leaves of rw-rw-rw-)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)
