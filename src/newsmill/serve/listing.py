"""How the CLI prints a list (search hits, statements, events): as a table, JSON Lines or CSV.

- ``--json``: one JSON object a line, everything the item holds.
- ``--csv``: a header and a row an item (the table's columns, whole).
- otherwise a table: drawn by rich on a terminal (ids never wrapped); when the output is not a
  terminal (a pipe, a file), the same columns as tab-separated lines, one item a line, so an
  id is never cut and ``cut -f1`` gets the ids.

Cells are stored text: in a table or tab-separated lines they are shown as plain text, their
control characters written as escapes (``terminal.visible``), never sent to the terminal; in
CSV a cell that would start a spreadsheet formula gets a ``'`` before it (``export.cell``).

A list is never cut short silently: ``--json`` and ``--csv`` give every item unless
``--limit`` says otherwise (``--limit 0``: no limit); a table shows ``default`` items and
says on standard error when more match and how to see them all.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, Generic, TypeVar

from rich.console import Console
from rich.table import Table

from newsmill.serve.export import cell
from newsmill.serve.terminal import plain, visible

T = TypeVar("T")
FORMATS = ("table", "json", "csv")


@dataclass(frozen=True)
class Column(Generic[T]):
    """A column of a list: its name, the text of an item's cell, how wide it may grow."""

    name: str
    cell: Callable[[T], str]
    ratio: int = 1
    key: bool = False  # an id: never wrapped
    lines: bool = False  # text whose line breaks a table keeps (a statement, the evidence)


def limited(items: Iterable[T], limit: int | None) -> tuple[list[T], bool]:
    """The first ``limit`` items (all of them for ``None`` or 0) and whether more followed."""
    if not limit:
        return list(items), False
    it: Iterator[T] = iter(items)
    first = list(islice(it, limit + 1))
    return first[:limit], len(first) > limit


def _flat(text: str) -> str:
    """One line of text, its control characters shown (a tab-separated cell)."""
    return visible(" ".join(text.split()))


def print_list(items: Sequence[T], columns: Sequence[Column[T]], fmt: str,
               as_json: Callable[[T], dict[str, Any]], out: Console) -> None:
    """Print ``items`` as ``fmt`` (one of ``FORMATS``)."""
    if fmt == "json":
        for item in items:
            sys.stdout.write(json.dumps(as_json(item), ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow([c.name for c in columns])
        for item in items:
            writer.writerow([cell(c.cell(item)) for c in columns])
        return
    if not out.is_terminal:
        sys.stdout.write("\t".join(c.name for c in columns) + "\n")
        for item in items:
            sys.stdout.write("\t".join(_flat(c.cell(item)) for c in columns) + "\n")
        return
    table = Table(show_lines=True)
    for c in columns:
        if c.key:
            width = max((len(visible(c.cell(i))) for i in items), default=len(c.name))
            table.add_column(c.name, no_wrap=True, min_width=min(width, 48))
        else:
            table.add_column(c.name, ratio=c.ratio, overflow="fold")
    for item in items:
        table.add_row(*(plain(c.cell(item), lines=c.lines) for c in columns))
    out.print(table)


def more_note(shown: int, more: bool, explicit: bool) -> str | None:
    """What to tell on standard error when a table shows only part of a list."""
    if not more:
        return None
    if explicit:
        return f"the first {shown} shown (--limit {shown}); --limit 0 shows every one"
    return f"the first {shown} shown; more match: --limit 0 shows every one, --json or --csv " \
           "gives every one"
