"""Exports: the evaluation format (``../shared/eval/FORMAT.md``), full JSON Lines, CSV (a row
per article), and the events as PLOVER records (JSON Lines, the PLOVER manual's field names)
or ACLED-like CSV rows (ACLED's columns; the type mapping is ``acled.py``'s).

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
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO, TypeVar

from newsmill import errors
from newsmill.records import Actor, Article, Document, Event, Statement
from newsmill.serve import acled
from newsmill.store.browse import EventItem

T = TypeVar("T")
FORMATS = ("eval", "jsonl", "csv", "plover", "acled")
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


PLOVER_QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2,
               "RETREAT": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3,
               "THREATEN": 3, "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
EVENT_FORMATS = ("plover", "acled")
# newsmill's fields of a PLOVER record beside the manual's (which allows "named fields beyond
# those provided here"): the event's status, whether its day was resolved from the text (else
# it is the article's), the size of a crowd, and the article the event was coded from
PLOVER_EXTENSIONS = ("size", "status", "date_resolved", "article_id")


def event_items(doc: Document) -> list[EventItem]:
    """A document's events as the store lists them (``Store.find_events``)."""
    a = doc.article
    return [EventItem(a.id, i, e.date or a.published, a.title, a.publisher, a.published, a.url,
                      e, a.language) for i, e in enumerate(doc.events)]


def _entity(a: Actor) -> dict[str, Any]:
    """A party as the PLOVER manual's entity object (code, sector, entity_text)."""
    return {"code": a.country, "sector": a.sector, "entity_text": a.name}


def plover_record(item: EventItem) -> dict[str, Any]:
    """One event as a PLOVER record: the field names of the PLOVER manual's JSON description
    (``id``, ``date``, ``actor``, ``recipient``, ``event``, ``mode``, ``context``,
    ``event_loc``, ``event_text``, ``quad_code``, ``text_info``, ``cite_info``, ``coder``,
    and the size object's ``dead``, ``injured``, ``arrested``), and newsmill's own beside them
    (``status``, ``date_resolved``, ``size`` of a crowd, ``article_id``)."""
    from newsmill import __version__

    e = item.event
    place = e.place
    loc = None
    if place is not None:
        loc = {"extracted_place": place.name, "resolved_place": place.name,
               "lat": place.lat, "lon": place.lon, "country": acled.country_name(place.country),
               "country_code": place.country}
    coder = f"newsmill {__version__}"
    return {
        "id": item.id, "has_event": True, "date": e.date or item.published,
        "actor": [_entity(a) for a in e.actors],
        "recipient": [_entity(a) for a in e.recipients],
        "event": [e.type], "mode": [e.mode] if e.mode else None, "context": None,
        "event_loc": loc, "event_text": [e.evidence], "quad_code": PLOVER_QUAD.get(e.type),
        "text_info": {"start": e.start, "end": e.end},
        "cite_info": {"citation": item.article_id, "url": item.url, "title": item.title,
                      "language": item.language, "publication": item.publisher, "coder": coder,
                      "codebook": "plover"},
        "coder": coder, "dead": e.dead, "injured": e.injured, "arrested": e.arrested,
        "size": e.size, "status": e.status, "date_resolved": e.date is not None,
        "article_id": item.article_id,
    }


def _names(parties: tuple[Actor, ...]) -> str:
    return "; ".join(a.name for a in parties)


def acled_row(item: EventItem) -> dict[str, Any] | None:
    """One event as a row of ACLED's columns (``acled.COLUMNS``), ``None`` for a PLOVER type
    ACLED does not code (``acled.acled_type``)."""
    e = item.event
    kind = acled.acled_type(e)
    if kind is None:
        return None
    place = e.place
    iso3 = (place.country if place else None) or next(
        (a.country for a in (*e.actors, *e.recipients) if a.country), None)
    name, number = acled.country(iso3)
    day = e.date or item.published or ""
    first = acled.inter(e.actors[0] if e.actors else None, e, first=True)
    second = acled.inter(e.recipients[0] if e.recipients else None, e, first=False)
    counts = [f"{n} {what}" for n, what in ((e.arrested, "arrested"), (e.injured, "injured"))
              if n is not None]
    whole_country = place is not None and place.name == name
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}-{item.id}", "event_date": day,
        "year": day[:4] if day else "", "time_precision": 1 if e.date else 2,
        "disorder_type": kind.disorder_type, "event_type": kind.event_type,
        "sub_event_type": kind.sub_event_type,
        "actor1": e.actors[0].name if e.actors else "", "assoc_actor_1": _names(e.actors[1:]),
        "inter1": first if first is not None else "",
        "actor2": e.recipients[0].name if e.recipients else "",
        "assoc_actor_2": _names(e.recipients[1:]),
        "inter2": second if second is not None else "",
        "interaction": acled.interaction(first, second),
        "civilian_targeting": ("Civilian targeting"
                               if kind.event_type == "Violence against civilians" else ""),
        "iso": number if number is not None else "", "country": name, "admin1": "",
        "location": place.name if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": (3 if whole_country else 1) if place else "",
        "source": item.publisher or item.url or item.article_id, "source_scale": "",
        "notes": f"{e.evidence} [{'; '.join([*counts, e.status, f'article {item.article_id}'])}]",
        "fatalities": e.dead or 0,
        "tags": f"crowd size={e.size}" if e.size is not None else "",
    }


def write_events(items: Iterable[EventItem], fmt: str, out: TextIO) -> tuple[int, int]:
    """Write events as ``plover`` (JSON Lines) or ``acled`` (CSV); returns how many were
    written, and how many left out as types ACLED does not code."""
    writer = csv.DictWriter(out, fieldnames=acled.COLUMNS) if fmt == "acled" else None
    if writer is not None:
        writer.writeheader()
    n = left_out = 0
    for item in items:
        if writer is not None:
            row = acled_row(item)
            if row is None:
                left_out += 1
                continue
            writer.writerow(_safe_row(row))
        else:
            out.write(json.dumps(plover_record(item), ensure_ascii=False) + "\n")
        n += 1
    return n, left_out


def _write_events(docs: Iterable[Document], fmt: str, out: TextIO) -> int:
    items = (item for doc in docs if doc.article.duplicate_of is None  # one row a happening
             for item in event_items(doc))
    return write_events(items, fmt, out)[0]


def write(docs: Iterable[Document], fmt: str, out: TextIO) -> int:
    """Write documents to ``out`` in ``fmt`` (one of ``FORMATS``); returns how many records:
    articles, or events for the event formats (``plover``, ``acled``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt in EVENT_FORMATS:
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
    """``write`` to the file ``target`` ("-" for standard output), as ``write_with`` does."""
    return write_with(target, lambda out: write(docs, fmt, out))


def write_with(target: str, writer: Callable[[TextIO], T]) -> T:
    """Run ``writer`` on the file ``target`` ("-" for standard output) and return what it
    returns. A regular file appears whole or not at all (written beside it, then renamed); a
    failure to write (a full disk, a device error) raises ``OutputError`` naming the file."""
    if target == "-":
        try:
            result = writer(sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise errors.OutputError(errors.cannot_write("standard output", why(exc))) from exc
        return result
    path = Path(target)
    if path.exists() and not path.is_file():  # a device or a pipe: write to it as it is
        return _write_file(writer, path, path)
    try:
        fd, part = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                    dir=path.parent if str(path.parent) else ".")
        os.close(fd)
    except OSError as exc:
        raise errors.OutputError(errors.cannot_write(target, why(exc))) from exc
    try:
        result = _write_file(writer, Path(part), path)
        os.chmod(part, mode_of(path, 0o666))
        os.replace(part, path)
    except BaseException:
        Path(part).unlink(missing_ok=True)
        raise
    return result


def _write_file(writer: Callable[[TextIO], T], path: Path, named: Path) -> T:
    try:
        with path.open("w", encoding="utf-8", newline="") as out:
            result = writer(out)
        return result
    except OSError as exc:
        raise errors.OutputError(errors.cannot_write(str(named), why(exc))) from exc


def mode_of(path: Path, full: int) -> int:
    """The mode ``path`` had, or a new one's: what the umask leaves of ``full`` (0o666 for a
    file, 0o777 for a directory)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return full & ~umask


def why(exc: OSError) -> str:
    return exc.strerror or str(exc)
