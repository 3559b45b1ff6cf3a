"""Read files, folders and standard input into ``Page`` records.

Accepted: ``.html``/``.htm`` (HTML), ``.txt`` (a plain-text scrape), ``.jsonl`` (one JSON object
per line with ``id`` and ``html`` or ``text``, optional ``url`` and ``published``), each possibly
gzipped (``.gz``). Folders are read recursively in sorted order. Anything that cannot be read
becomes a ``Skipped`` record whose reason names the input and the fix.

What a page carries into the store is made safe here: a file name that is not UTF-8 is written
with its odd bytes as ``\\xNN``, a lone surrogate in a JSON string (half of an emoji cut in
two) becomes ``\\udXXX`` in an id or a url and U+FFFD in text, and a ``published`` date in any
common form becomes an ISO day (one that names no day is dropped with a warning).

``--max-mb`` bounds what is read, unpacked, for one page, and for what lies between two JSON
Lines records: blank lines are passed over a chunk at a time, and a stretch of more than the
limit of blank space (or the tail of an over-long line) with no record in it ends the reading
of that file, reported.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from newsmill import errors
from newsmill.ingest.dates import iso_day
from newsmill.ingest.decode import decode
from newsmill.records import Page, PageKind, Skipped

STAGE = "ingest"
DEFAULT_MAX_BYTES = 50 * errors.MB
CHUNK = 1 << 20
MAX_ID = 1000  # characters: an id longer than that is a mistake (a body in the id field)
KINDS: dict[str, PageKind | None] = {
    ".html": "html", ".htm": "html", ".txt": "text", ".jsonl": None}
SURROGATE = re.compile("[\ud800-\udfff]")
BLANK = re.compile(rb"[ \t\r\n\x0b\x0c]*")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def safe_key(value: str) -> str:
    """An id or url that can be stored and printed: lone surrogates as ``\\udXXX``."""
    return SURROGATE.sub(_escaped, value)


def safe_text(value: str) -> str:
    """Text that can be stored: lone surrogates as U+FFFD, the replacement character."""
    return SURROGATE.sub("\ufffd", value)


def shown(path: str | Path) -> str:
    """A path as text that can be stored and printed: bytes of its name that are not UTF-8
    (which Python keeps as lone surrogates) written as ``\\xNN``."""
    text = str(path)
    if not SURROGATE.search(text):
        return text
    return safe_key(os.fsencode(text).decode("utf-8", "backslashreplace"))


def os_reason(exc: OSError) -> str:
    """What went wrong, without the path (which may not be printable)."""
    return exc.strerror or safe_key(str(exc))


def page_id(path: str | Path) -> str:
    """The id of a file input: its name without the extensions (``a1.html.gz`` -> ``a1``)."""
    name = shown(Path(path).name)
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
                if any(part.startswith(".") for part in rel.parts) or child.is_dir():
                    continue
                yield child  # files, and what is not one (a broken link, a pipe): reported
        else:
            yield path


def _read(stream: BinaryIO, size: int, after: int) -> bytes:
    """Up to ``size`` bytes, from one read of the stream below (``read1``), so what was
    unpacked before a gzip stream breaks is kept. Bytes after a whole gzip member that start
    no other member (trailing garbage, zero padding) end the stream, as ``zcat`` takes them."""
    try:
        return getattr(stream, "read1", stream.read)(size)
    except gzip.BadGzipFile as exc:
        if after and str(exc).startswith("Not a gzipped file"):
            return b""
        raise


def read_limited(stream: BinaryIO, source: str, limit: int, packed: bool = False) -> bytes:
    """Read at most ``limit`` bytes, a chunk at a time; more raises InputError (without
    reading the rest)."""
    parts: list[bytes] = []
    size = 0
    try:
        while size <= limit:
            chunk = _read(stream, min(CHUNK, limit + 1 - size), after=size)
            if not chunk:
                break
            parts.append(chunk)
            size += len(chunk)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        detail = str(exc) or "unexpected end"
        raise errors.InputError(source, errors.truncated_gzip(source, detail)) from exc
    except OSError as exc:
        raise errors.InputError(source, errors.unreadable(source, os_reason(exc))) from exc
    if size > limit:
        raise errors.InputError(source, errors.too_large(source, size, limit, packed))
    return b"".join(parts)


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
    text = decode(data, source)
    if not text.strip():
        raise errors.InputError(source, errors.empty_input(source))
    return Page(page_id_, source, kind or sniff_kind(text), text, url, published)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Page | Skipped]:
    """Pages of one file (one page, or one per JSON Lines record)."""
    source = shown(path)
    suffix = _suffix(path)
    pid = page_id(path)
    try:
        if suffix not in KINDS:
            raise errors.InputError(source, errors.unsupported_suffix(source))
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise errors.InputError(source, errors.not_a_file(source))
        if suffix == ".jsonl":
            yield from read_jsonl(path, max_bytes)
            return
        packed = path.suffix.lower() == ".gz"
        if not packed and info.st_size > max_bytes:
            raise errors.InputError(source, errors.too_large(source, info.st_size, max_bytes))
        with _open(path) as stream:
            data = read_limited(stream, source, max_bytes, packed)
        yield page_from_bytes(data, pid, source, KINDS[suffix])
    except errors.InputError as exc:
        yield Skipped(pid, source, STAGE, exc.reason)
    except OSError as exc:
        yield Skipped(pid, source, STAGE, errors.unreadable(source, os_reason(exc)))


def read_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Page | Skipped]:
    """One page per JSON Lines record; a bad line is skipped and reading goes on."""
    try:
        stream = _open(path)
    except OSError as exc:
        yield Skipped(page_id(path), shown(path), STAGE,
                      errors.unreadable(shown(path), os_reason(exc)))
        return
    with stream:
        yield from _jsonl_records(stream, shown(path), max_bytes)


class _Lines:
    """The lines of a byte stream, read a chunk at a time: a run of blank lines costs its
    bytes (in C), not a call per line. ``number`` is the number of the last line read."""

    def __init__(self, stream: BinaryIO, limit: int) -> None:
        self.stream, self.limit = stream, limit
        self.buf = b""
        self.pos = 0
        self.eof = False
        self.number = 0
        self.read = 0  # bytes read from the stream

    def _more(self) -> bool:
        if self.eof:
            return False
        chunk = _read(self.stream, max(CHUNK, len(self.buf) - self.pos), after=self.read)
        self.read += len(chunk)
        if not chunk:
            self.eof = True
            return False
        self.buf = self.buf[self.pos:] + chunk
        self.pos = 0
        return True

    def skip_blank(self) -> int:
        """Pass over blank space, up to a little more than ``limit`` bytes; returns how
        many bytes were passed over."""
        skipped = 0
        while True:
            end = cast(re.Match[bytes], BLANK.match(self.buf, self.pos)).end()
            self.number += self.buf.count(b"\n", self.pos, end)
            skipped += end - self.pos
            self.pos = end
            if self.pos < len(self.buf) or skipped > self.limit or not self._more():
                return skipped

    def line(self) -> tuple[bytes, int]:
        """The next line's first ``limit + 1`` bytes at most, and its whole length (the rest
        of a longer line is passed over, up to ``limit`` bytes more)."""
        self.number += 1
        while True:
            end = self.buf.find(b"\n", self.pos)
            if end >= 0:
                line = self.buf[self.pos:end + 1]
                self.pos = end + 1
                return line, len(line)
            if len(self.buf) - self.pos > self.limit or not self._more():
                break
        head = self.buf[self.pos:self.pos + self.limit + 1]
        length = len(self.buf) - self.pos
        self.buf, self.pos = b"", 0
        while length <= 2 * self.limit + 1 and self._more():
            end = self.buf.find(b"\n")
            if end >= 0:
                length += end + 1
                self.pos = end + 1
                break
            length += len(self.buf)
            self.buf = b""
        return head, length


def _jsonl_records(stream: BinaryIO, name: str, max_bytes: int) -> Iterator[Page | Skipped]:
    lines = _Lines(stream, max_bytes)
    base = Path(name).name
    while True:
        try:
            blanks_from = lines.number + 1
            blank = lines.skip_blank()
            source = f"{name}:{lines.number + 1}"
            if blank > max_bytes:
                yield Skipped(f"{base}:{blanks_from}", f"{name}:{blanks_from}", STAGE,
                              errors.blank_run(f"{name}:{blanks_from}", blank, max_bytes))
                return
            line, length = lines.line()
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            source = f"{name}:{lines.number + 1}"
            yield Skipped(f"{base}:{lines.number + 1}", source, STAGE,
                          errors.truncated_gzip(source, str(exc) or "unexpected end"))
            return
        if not line:
            return
        if length > 2 * max_bytes + 1:
            yield Skipped(f"{base}:{lines.number}", source, STAGE,
                          errors.line_too_long(source, max_bytes))
            return
        if length > max_bytes:
            yield Skipped(f"{base}:{lines.number}", source, STAGE,
                          errors.too_large(source, length, max_bytes))
            continue
        yield _jsonl_page(line, source, f"{base}:{lines.number}")


def _jsonl_page(line: bytes, source: str, fallback_id: str) -> Page | Skipped:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:  # bad JSON or UTF-8, a number of 5,000 digits
        detail = str(exc) if not isinstance(exc, RecursionError) else "nested too deeply"
        return Skipped(fallback_id, source, STAGE, errors.bad_json_line(source, detail))
    if not isinstance(record, dict):
        return Skipped(fallback_id, source, STAGE,
                       errors.json_line_fields(source, f"found a JSON {type(record).__name__}"))
    rid = record.get("id")
    if isinstance(rid, bool) or not isinstance(rid, str | int) or str(rid).strip() == "":
        return Skipped(fallback_id, source, STAGE, errors.json_line_fields(source, 'no "id"'))
    pid = safe_key(str(rid))
    if len(pid) > MAX_ID:
        return Skipped(pid[:40] + "...", source, STAGE, errors.json_line_fields(
            source, f'an "id" of {len(pid):,} characters (at most {MAX_ID:,})'))
    body, kind = (record.get("html"), "html") if "html" in record else (record.get("text"), "text")
    if not isinstance(body, str):
        return Skipped(pid, source, STAGE,
                       errors.json_line_fields(source, 'no string "html" or "text"'))
    if not body.strip():
        return Skipped(pid, source, STAGE, errors.empty_input(source))
    url, published = record.get("url"), record.get("published")
    day = iso_day(published)
    warnings: tuple[str, ...] = ()
    if published not in (None, "") and day is None:
        shown_value = safe_key(str(published))[:80]
        warnings = (errors.unparsed_date(source, shown_value),)
    title = record.get("title")
    return Page(pid, source, kind,  # type: ignore[arg-type]
                safe_text(body), safe_key(url) if isinstance(url, str) else None, day,
                title_hint=safe_text(title).strip() or None if isinstance(title, str) else None,
                warnings=warnings)


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
        try:
            exists = path.exists()
        except OSError as exc:  # a name too long, a loop of links
            yield Skipped(page_id(path), shown(path), STAGE,
                          errors.unreadable(shown(path), os_reason(exc)))
            continue
        if not exists:
            yield Skipped(page_id(path), shown(path), STAGE,
                          errors.unreadable(shown(path), "no such file or folder"))
            continue
        try:
            for f in iter_files([path]):
                yield from read_file(f, max_bytes)
        except OSError as exc:  # a folder that cannot be listed
            yield Skipped(page_id(path), shown(path), STAGE,
                          errors.unreadable(shown(path), os_reason(exc)))
