"""Bytes to text: every way a page's encoding can be known is tried before the page is
called binary or undecodable.

In order: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 or UTF-32 without one, known by
its zero bytes (ASCII text in UTF-16 has a zero in every other byte); NUL bytes otherwise mean
binary (one or two stray ones are dropped); UTF-8; the charset the page declares (``<meta
charset>``); UTF-8 with a few broken bytes (a stray byte in a UTF-8 page is replaced, not
taken for another encoding); the encoding charset-normalizer finds with confidence (low
chaos, text coherent in some language). Bytes full of control codes skip the UTF-8 tries
and, unless the detector finds text, are binary; what nothing decodes is undecodable.
"""

from __future__ import annotations

import codecs
import re

from newsmill import errors

CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))
HEAD = 8192  # bytes looked at to tell the encoding
DETECT = 200_000  # bytes charset-normalizer looks at
MAX_CHAOS = 0.2  # charset-normalizer's mess ratio of a confident guess
MIN_COHERENCE = 0.05  # and how much the text reads as some language
BROKEN_UTF8 = 0.02  # at most this share of a UTF-8 page's non-ASCII characters broken
CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _controls(text: str) -> float:
    return len(CONTROLS.findall(text[:HEAD])) / max(1, len(text[:HEAD]))


def _wide(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 codec (no byte-order mark) whose zero bytes ``data`` shows: in
    UTF-32 the two high bytes of every character are zero, in UTF-16 the high byte of every
    ASCII character."""
    head = data[:HEAD]
    if len(head) < 8:
        return None

    def zeros(width: int, lane: int) -> float:
        return head[lane::width].count(0) / (len(head) // width)

    if zeros(4, 2) > 0.9 and zeros(4, 3) > 0.9:
        return "utf-32-le"
    if zeros(4, 0) > 0.9 and zeros(4, 1) > 0.9:
        return "utf-32-be"
    if zeros(2, 1) > 0.3 and zeros(2, 0) < 0.05:
        return "utf-16-le"
    if zeros(2, 0) > 0.3 and zeros(2, 1) < 0.05:
        return "utf-16-be"
    return None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(data: bytes) -> str | None:
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return text if non_ascii and broken <= BROKEN_UTF8 * non_ascii else None


def _detected(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:DETECT]).best()
    if best is None or best.chaos > MAX_CHAOS or best.coherence < MIN_COHERENCE:
        return None
    text = data.decode(best.encoding, "replace")
    return text if _controls(text) < 0.01 else None


def decode(data: bytes, source: str) -> str:
    """The text of a page's bytes; raises ``InputError`` (binary, or undecodable)."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], codec)
            if text is None:
                raise errors.InputError(source, errors.undecodable(
                    source, f"it starts with a {codec} byte-order mark but is not {codec}"))
            return text
    wide = _wide(data)
    if wide is not None:
        text = _strict(data[:len(data) - len(data) % (4 if "32" in wide else 2)], wide)
        if text is not None and _controls(text) < 0.01:
            return text
    if data[:HEAD].count(0) > max(2, len(data[:HEAD]) // 1000):
        raise errors.InputError(source, errors.binary_input(source))
    data = data.replace(b"\x00", b"")  # a stray NUL in a text page is no character of it
    controls = _controls(data[:HEAD].decode("latin-1")) > 0.05
    if not controls:
        text = _strict(data, "utf-8")
        if text is not None:
            return text
        match = CHARSET.search(data[:4096])
        if match:
            text = _strict(data, match.group(1).decode("ascii", "replace"))
            if text is not None:
                return text
        text = _mostly_utf8(data)
        if text is not None:
            return text
    text = _detected(data)
    if text is not None:
        return text
    if controls:
        raise errors.InputError(source, errors.binary_input(source))
    bad = next((i for i, b in enumerate(data) if b > 127), 0)
    raise errors.InputError(source, errors.undecodable(
        source, f"byte 0x{data[bad]:02x} at offset {bad}"))
