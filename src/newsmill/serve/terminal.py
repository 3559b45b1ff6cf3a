"""Showing untrusted text on a terminal: as plain text, never as markup or control codes.

Everything newsmill prints from an article or an input (ids, urls, titles, dates, bodies,
statements, reasons naming a file) goes through ``plain``: it becomes a ``rich.text.Text``,
which rich never reads as markup (so ``[/]`` or ``[link=...]`` in a title is printed as
written), and its control characters (ESC and the other C0/C1 codes, bidirectional overrides,
lone surrogates) are shown as escapes (``\\x1b``) instead of being sent to the terminal.
"""

from __future__ import annotations

import re

from rich.text import Text

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                    "\ud800-\udfff]")
LINE_BREAKS = re.compile("[\n\t]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(value: object, *, lines: bool = False) -> str:
    """``value`` as text safe to print: control characters written as escapes; line breaks
    and tabs kept with ``lines``, else shown too (a one-line field stays one line)."""
    s = "" if value is None else str(value)
    if not lines:
        s = LINE_BREAKS.sub(_escape, s)
    return UNSAFE.sub(_escape, s)


def plain(value: object, style: str = "", *, lines: bool = False) -> Text:
    """``value`` as a ``Text`` (never parsed as markup), made ``visible``."""
    return Text(visible(value, lines=lines), style=style)


def join(*parts: Text | str) -> Text:
    """Texts and literal strings (newsmill's own words, never article text) in a row."""
    out = Text()
    for part in parts:
        out.append(part)
    return out
