"""Records to table rows and back."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from orjson import loads  # several times the json module's speed: a page holds 100 of these

from newsmill.records import Actor, Article, Document, Event, Mention, Place, Statement

ARTICLE_COLUMNS = ("id", "source", "kind", "url", "title", "authors", "publisher", "published",
                   "updated", "language", "body", "content_hash", "page_hash", "duplicate_of",
                   "fetched_url", "final_url", "canonical_url", "fetched")


def article_row(a: Article) -> dict[str, Any]:
    row = {c: getattr(a, c) for c in ARTICLE_COLUMNS}
    row["authors"] = json.dumps(list(a.authors), ensure_ascii=False)
    return row


def article_from_row(row: Any) -> Article:
    values = {c: row[c] for c in ARTICLE_COLUMNS}
    values["authors"] = tuple(loads(row["authors"] or "[]"))
    return Article(**values)


def mention_row(article_id: str, idx: int, m: Mention) -> dict[str, Any]:
    return {"article_id": article_id, "idx": idx, **asdict(m)}


def mention_from_row(row: Any) -> Mention:
    return Mention(row["start"], row["end"], row["text"], row["label"])


def statement_row(article_id: str, idx: int, s: Statement) -> dict[str, Any]:
    return {"article_id": article_id, "idx": idx, **asdict(s)}


def statement_from_row(row: Any) -> Statement:
    return Statement(content=row["content"], start=row["start"], end=row["end"], kind=row["kind"],
                     speaker=row["speaker"], speaker_mention=row["speaker_mention"],
                     role=row["role"], cue=row["cue"])


def _actors(actors: tuple[Actor, ...]) -> str:
    return json.dumps([asdict(a) for a in actors], ensure_ascii=False)


def event_row(article_id: str, idx: int, e: Event) -> dict[str, Any]:
    place = e.place or Place("")
    return {"article_id": article_id, "idx": idx, "start": e.start, "end": e.end, "type": e.type,
            "mode": e.mode, "status": e.status, "date": e.date, "actors": _actors(e.actors),
            "recipients": _actors(e.recipients), "place_name": e.place and place.name,
            "place_country": place.country, "lat": place.lat, "lon": place.lon,
            "evidence": e.evidence, "size": e.size, "arrested": e.arrested,
            "injured": e.injured, "dead": e.dead}


def event_from_row(row: Any) -> Event:
    place = None
    if row["place_name"]:
        place = Place(row["place_name"], row["place_country"], row["lat"], row["lon"])
    return Event(type=row["type"], evidence=row["evidence"], start=row["start"], end=row["end"],
                 mode=row["mode"], status=row["status"], date=row["date"], place=place,
                 actors=tuple(Actor(**a) for a in loads(row["actors"])),
                 recipients=tuple(Actor(**a) for a in loads(row["recipients"])),
                 size=row["size"], arrested=row["arrested"], injured=row["injured"],
                 dead=row["dead"])


def document_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    aid = doc.article.id
    return {
        "mentions": [mention_row(aid, i, m) for i, m in enumerate(doc.mentions)],
        "statements": [statement_row(aid, i, s) for i, s in enumerate(doc.statements)],
        "events": [event_row(aid, i, e) for i, e in enumerate(doc.events)],
    }
