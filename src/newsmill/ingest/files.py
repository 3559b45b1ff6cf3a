"""Read files, folders and standard input into ``Page`` records.

Accepted: ``.html``/``.htm`` (HTML), ``.txt`` (a plain-text scrape), ``.jsonl`` (one JSON object
per line with ``id`` and ``html`` or ``text``, optional ``url`` and ``published``), each possibly
gzipped (``.gz``). Folders are read recursively in sorted order. Anything that cannot be read
becomes a ``Skipped`` record whose reason names the input and the fix.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from newsmill import errors
from newsmill.records import Page, PageKind, Skipped

STAGE = "ingest"
DEFAULT_MAX_BYTES = 50 * errors.MB
KINDS: dict[str, PageKind | None] = {
    ".html": "html", ".htm": "html", ".txt": "text", ".jsonl": None}
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


def page_id(path: str | Path) -> str:
    """The id of a file input: its name without the extensions (``a1.html.gz`` -> ``a1``)."""
    name = Path(path).name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem, dot, suffix = name.rpartition(".")
    return stem if dot and f".{suffix.lower()}" in KINDS else name


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand folders recursively (sorted, hidden files left out); files are passed as given."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and not any(part.startswith(".") for part in rel.parts):
                    yield child
        else:
            yield path


def is_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB mean binary."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.1


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM), else the charset the page declares; raise InputError."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_error = exc
    match = CHARSET.search(data[:4096])
    if match:
        charset = match.group(1).decode("ascii", "replace")
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    detail = f"byte 0x{data[first_error.start]:02x} at offset {first_error.start}"
    raise errors.InputError(source, errors.undecodable(source, detail))


def read_limited(stream: BinaryIO, source: str, limit: int) -> bytes:
    """Read at most ``limit`` bytes; more raises InputError (without reading the rest)."""
    try:
        data = stream.read(limit + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        detail = str(exc) or "unexpected end"
        raise errors.InputError(source, errors.truncated_gzip(source, detail)) from exc
    except OSError as exc:
        raise errors.InputError(source, errors.unreadable(source, str(exc))) from exc
    if len(data) > limit:
        raise errors.InputError(source, errors.too_large(source, len(data), limit))
    return data


def _open(path: Path) -> BinaryIO:
    if path.suffix.lower() == ".gz":
        return cast(BinaryIO, gzip.open(path, "rb"))
    return path.open("rb")


def sniff_kind(text: str) -> PageKind:
    head = text.lstrip()[:1000].lower()
    markup = ("<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<?xml")
    return "html" if head.startswith(markup) else "text"


def page_from_bytes(data: bytes, page_id_: str, source: str, kind: PageKind | None,
                    url: str | None = None, published: str | None = None) -> Page:
    """Check and decode one page's bytes; raise InputError with the reason."""
    if not data.strip():
        raise errors.InputError(source, errors.empty_input(source))
    if is_binary(data):
        raise errors.InputError(source, errors.binary_input(source))
    text = decode(data, source)
    return Page(page_id_, source, kind or sniff_kind(text), text, url, published)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Page | Skipped]:
    """Pages of one file (one page, or one per JSON Lines record)."""
    source = str(path)
    suffix = _suffix(path)
    pid = page_id(path)
    if suffix not in KINDS:
        yield Skipped(pid, source, STAGE, errors.unsupported_suffix(source))
        return
    if suffix == ".jsonl":
        yield from read_jsonl(path, max_bytes)
        return
    try:
        size = path.stat().st_size
        if path.suffix.lower() != ".gz" and size > max_bytes:
            raise errors.InputError(source, errors.too_large(source, size, max_bytes))
        with _open(path) as stream:
            data = read_limited(stream, source, max_bytes)
        yield page_from_bytes(data, pid, source, KINDS[suffix])
    except errors.InputError as exc:
        yield Skipped(pid, source, STAGE, exc.reason)
    except OSError as exc:
        yield Skipped(pid, source, STAGE, errors.unreadable(source, str(exc)))


def read_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Page | Skipped]:
    """One page per JSON Lines record; a bad line is skipped and reading goes on."""
    try:
        stream = _open(path)
    except OSError as exc:
        yield Skipped(page_id(path), str(path), STAGE, errors.unreadable(str(path), str(exc)))
        return
    with stream:
        yield from _jsonl_records(stream, str(path), max_bytes)


def _jsonl_records(stream: BinaryIO, name: str, max_bytes: int) -> Iterator[Page | Skipped]:
    n = 0
    while True:
        n += 1
        source = f"{name}:{n}"
        try:
            line = stream.readline(max_bytes + 1)
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            yield Skipped(f"{Path(name).name}:{n}", source, STAGE,
                          errors.truncated_gzip(source, str(exc) or "unexpected end"))
            return
        if not line:
            return
        if len(line) > max_bytes:
            yield Skipped(f"{Path(name).name}:{n}", source, STAGE,
                          errors.too_large(source, len(line), max_bytes))
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = stream.readline(max_bytes)
            continue
        if not line.strip():
            continue
        yield _jsonl_page(line, source, f"{Path(name).name}:{n}")


def _jsonl_page(line: bytes, source: str, fallback_id: str) -> Page | Skipped:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Skipped(fallback_id, source, STAGE, errors.bad_json_line(source, str(exc)))
    if not isinstance(record, dict):
        return Skipped(fallback_id, source, STAGE,
                       errors.json_line_fields(source, f"found a JSON {type(record).__name__}"))
    rid = record.get("id")
    if not isinstance(rid, str | int) or str(rid).strip() == "":
        return Skipped(fallback_id, source, STAGE, errors.json_line_fields(source, 'no "id"'))
    pid = str(rid)
    body, kind = (record.get("html"), "html") if "html" in record else (record.get("text"), "text")
    if not isinstance(body, str):
        return Skipped(pid, source, STAGE,
                       errors.json_line_fields(source, 'no string "html" or "text"'))
    if not body.strip():
        return Skipped(pid, source, STAGE, errors.empty_input(source))
    url, published = record.get("url"), record.get("published")
    return Page(pid, source, kind,  # type: ignore[arg-type]
                body, url if isinstance(url, str) else None,
                published if isinstance(published, str) else None)


def read_stdin(stream: BinaryIO | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Page | Skipped]:
    """Standard input: JSON Lines when it starts with ``{``, else one page (HTML or text)."""
    stream = stream or sys.stdin.buffer
    source = "<stdin>"
    head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
    if head.lstrip().startswith(b"{"):
        yield from _jsonl_records(stream, source, max_bytes)
        return
    try:
        data = read_limited(stream, source, max_bytes)
        pid = "stdin-" + hashlib.sha256(data).hexdigest()[:12]
        yield page_from_bytes(data, pid, source, None)
    except errors.InputError as exc:
        yield Skipped("stdin", source, STAGE, exc.reason)


def read_inputs(paths: Iterable[str | Path],
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Page | Skipped]:
    """All pages of the given files, folders and ``-`` (standard input)."""
    for p in paths:
        if str(p) == "-":
            yield from read_stdin(max_bytes=max_bytes)
            continue
        path = Path(p)
        if not path.exists():
            yield Skipped(page_id(path), str(path), STAGE,
                          errors.unreadable(str(path), "no such file or folder"))
            continue
        for f in iter_files([path]):
            yield from read_file(f, max_bytes)
