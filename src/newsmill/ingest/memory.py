"""Inputs given in memory, from Python: texts, records and pages, beside file names and URLs.

``newsmill.run.run`` takes an iterable of any of:

- a file, folder, URL or ``-`` (a ``str`` or a ``Path``), read as ever;
- a page's text or HTML, as a ``str``: one that starts with ``<``, holds a line break or
  holds ten words or more, and names no file or folder. Its id is ``text-`` and a hash of it,
  so the same text given again adds nothing;
- a record: a mapping with ``html`` or ``text`` and optional ``id``, ``url``, ``title`` and
  ``published``, as a line of a JSON Lines file (no ``id``: made from the url, else the text);
- a ``Page``.

A record that cannot be used becomes ``Skipped``, naming it by its place in the iterable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from newsmill import errors
from newsmill.ingest.files import STAGE, sniff_kind
from newsmill.ingest.urls import is_url, url_id
from newsmill.records import Page, Skipped

TEXT_WORDS = 10  # a string of this many words that names no file is a page's text
Input = str | Path | Mapping[str, Any] | Page


def is_text(value: str) -> bool:
    """Whether a string given as an input is a page's text or HTML, not a name of one."""
    if value == "-" or is_url(value.strip()):
        return False
    looks = (value.lstrip().startswith("<") or "\n" in value
             or len(value.split()) >= TEXT_WORDS)
    if not looks:
        return False
    try:
        return not Path(value).exists()
    except (OSError, ValueError):  # too long for a path, or a NUL in it: not a file
        return True


def _text_id(text: str) -> str:
    return "text-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def text_page(text: str, source: str) -> Page:
    return Page(_text_id(text), source, sniff_kind(text), text)


def record_page(record: Mapping[str, Any], source: str) -> Page | Skipped:
    """The page of a record (see the module's docstring), or ``Skipped`` saying what is
    wrong with it."""
    body, kind = ((record.get("html"), "html") if "html" in record
                  else (record.get("text"), "text"))
    url, published = record.get("url"), record.get("published")
    url = url if isinstance(url, str) and url.strip() else None
    rid = record.get("id")
    if rid is not None and (not isinstance(rid, str | int) or str(rid).strip() == ""):
        return Skipped(source, source, STAGE,
                       errors.record_fields(source, '"id" is not a string or a number'))
    if not isinstance(body, str):
        return Skipped(str(rid or source), source, STAGE,
                       errors.record_fields(source, 'no string "html" or "text"'))
    pid = str(rid) if rid is not None else url_id(url) if url else _text_id(body)
    if not body.strip():
        return Skipped(pid, source, STAGE, errors.empty_input(source))
    title = record.get("title")
    return Page(pid, source, kind,  # type: ignore[arg-type]
                body, url, published if isinstance(published, str) else None,
                title_hint=title.strip() or None if isinstance(title, str) else None)


def split_inputs(items: Iterable[Input]) -> tuple[list[str], list[Input]]:
    """The names of inputs (files, folders, URLs, ``-``) and the inputs given in memory."""
    names: list[str] = []
    memory: list[Input] = []
    for item in items:
        if isinstance(item, Path) or (isinstance(item, str) and not is_text(item)):
            names.append(str(item))
        else:
            memory.append(item)
    return names, memory


def read_memory(items: Iterable[Input]) -> Iterator[Page | Skipped]:
    """The pages of inputs given in memory, in order."""
    for n, item in enumerate(items, 1):
        source = f"<input {n}>"
        if isinstance(item, Page):
            yield item
        elif isinstance(item, str):
            yield text_page(item, source)
        elif isinstance(item, Mapping):
            yield record_page(item, source)
        else:
            yield Skipped(source, source, STAGE,
                          errors.record_fields(source, f"a {type(item).__name__}"))
