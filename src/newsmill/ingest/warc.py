"""WARC archives (``.warc``, ``.warc.gz``): the HTML pages of their response records.

Records are streamed one at a time by warcio, so a CC-NEWS file of any size reads in flat
memory. A response record of an HTML (or plain-text) page with status 200 becomes a ``Page``
whose URL is the record's ``WARC-Target-URI`` and whose fetch time is its ``WARC-Date``; every
other record (requests, metadata, redirects, images, ...) is passed over and counted by kind.
A truncated or corrupt archive keeps the pages read before the damage and ends in one
``Skipped`` record naming where it stopped.
"""

from __future__ import annotations

import gzip
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsmill import errors
from newsmill.ingest.files import STAGE, page_from_bytes
from newsmill.ingest.urls import url_id
from newsmill.records import Page, PageKind, Skipped

PAGE_TYPES: dict[str, PageKind] = {"text/html": "html", "application/xhtml+xml": "html",
                                   "text/plain": "text"}
SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(SUFFIXES)


def _media(content_type: str | None) -> tuple[str, str | None]:
    media, _, params = (content_type or "").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _date(value: str | None) -> str | None:
    """A WARC-Date (``2024-03-05T10:00:00Z``, maybe with fractions of a second) in ISO UTC."""
    if not value:
        return None
    return value[:19] + "Z" if len(value) >= 19 else value


def read_warc(path: Path, max_bytes: int,
              passed_over: Counter[str] | None = None) -> Iterator[Page | Skipped]:
    """The pages of one WARC file; other records are counted in ``passed_over``."""
    source = str(path)
    passed = passed_over if passed_over is not None else Counter()
    records = 0
    try:
        with path.open("rb") as stream:
            if not _starts_as_warc(stream):
                yield Skipped(path.name, f"{source}@end", STAGE, errors.corrupt_warc(
                    source, 0, "it does not start with a WARC/1.x record header"))
                return
            archive = ArchiveIterator(stream)
            for record in archive:
                records += 1
                page = _page(record, source, archive.get_record_offset, max_bytes, passed)
                if page is not None:
                    yield page
        if records == 0:
            yield Skipped(path.name, f"{source}@end", STAGE,
                          errors.corrupt_warc(source, 0, "no WARC record could be read"))
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error, gzip.BadGzipFile, ValueError,
            AttributeError, TypeError, KeyError, IndexError) as exc:
        # warcio meets a damaged record with any of these (AttributeError for a record
        # whose headers were cut off): the archive ends there
        detail = f"{type(exc).__name__}: {exc}".strip()[:200]
        yield Skipped(f"{path.name}@{records}", f"{source}@end", STAGE,
                      errors.corrupt_warc(source, records, detail))


def _starts_as_warc(stream: BinaryIO) -> bool:
    """The file (unpacked, if gzipped) starts with ``WARC/``; the stream is rewound."""
    head = stream.read(64)
    stream.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(stream.read(4096), 64)
        except zlib.error:
            head = b""
        stream.seek(0)
    return head.lstrip(b"\r\n").startswith(b"WARC/")


def _page(record: object, source: str, offset: Callable[[], int], max_bytes: int,
          passed: Counter[str]) -> Page | Skipped | None:
    """The page of one record; ``offset()`` (which reads the record to its end) is asked
    once its content is read."""
    kind = record.rec_type  # type: ignore[attr-defined]
    if not kind:
        raise ValueError("a record with no WARC-Type")
    if kind != "response":
        passed[kind] += 1
        return None
    headers = record.rec_headers  # type: ignore[attr-defined]
    uri = (headers.get_header("WARC-Target-URI") or "").strip("<> ")
    http = record.http_headers  # type: ignore[attr-defined]
    if http is None or not uri.lower().startswith(("http://", "https://")):
        passed["response without HTTP"] += 1
        return None
    status = http.get_statuscode()
    if status != "200":
        passed[f"response {status or '?'}"] += 1
        return None
    media, charset = _media(http.get_header("Content-Type"))
    page_kind = PAGE_TYPES.get(media)
    if page_kind is None:
        passed[f"response {media or 'of no type'}"] += 1
        return None
    pid = url_id(uri)
    try:
        data = record.content_stream().read(max_bytes + 1)  # type: ignore[attr-defined]
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        where = f"{source}@{offset()}"
        return Skipped(pid, where, STAGE, errors.warc_payload(where, str(exc)))
    where = f"{source}@{offset()}"
    if len(data) > max_bytes:
        return Skipped(pid, where, STAGE, errors.too_large(where, len(data), max_bytes))
    try:
        page = page_from_bytes(_decoded(data, charset), pid, where, page_kind, url=uri)
    except errors.InputError as exc:
        return Skipped(pid, where, STAGE, exc.reason)
    return Page(page.id, page.source, page.kind, page.content, uri,
                fetched=_date(headers.get_header("WARC-Date")))


def _decoded(data: bytes, charset: str | None) -> bytes:
    """The bytes as UTF-8 when the HTTP header names a charset that decodes them (the
    page's own ``<meta charset>`` is read later otherwise)."""
    if not charset or charset.lower().replace("-", "") in ("utf8", "usascii", "ascii"):
        return data
    try:
        return data.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data
