"""Quotation spans in a body: every pair of opening and closing marks (straight, curly, single,
guillemets, low-high), a quote running over paragraphs re-opened at each one, and unbalanced
marks left alone without failing."""

from __future__ import annotations

import re
from dataclasses import dataclass

PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“", "‘": "’", "‹": "›", "'": "'"}
CLOSERS = {'"': '"”', "“": "”\""}  # a straight mark closed curly or the other way round
MAX_QUOTE_CHARS = 3000
WORD_BEFORE = re.compile(r"\w$")


@dataclass(frozen=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the quotation's last character, for
    # one that runs on to another's opening mark)

    def inner(self, body: str) -> tuple[int, int]:
        """Offsets of the words inside the marks, without trailing commas and full stops."""
        start, end = self.start + 1, self.end - 1
        while end > start and body[end - 1] in ",. ":
            end -= 1
        return start, end


def _close(body: str, i: int, mark: str) -> int | None:
    """Offset of the mark closing the one opened at ``i``, within its paragraph."""
    closing = CLOSERS.get(mark, PAIRS[mark])
    j = i + 1
    limit = min(len(body), i + MAX_QUOTE_CHARS)
    while j < limit:
        ch = body[j]
        if ch == "\n":
            return None
        if mark == '"' and ch == '"' and _reopens(body, j):
            return j - 1  # the quote ran on into another, as at a paragraph break lost
        if (ch in closing and (mark not in "‘'" or not WORD_BEFORE.search(body[j + 1:j + 2]))
                and (mark != "'" or not body[j - 1].isspace())):  # a straight single mark
            return j  # closes after the words it closes, never after a space
        j += 1
    return None


def _reopens(body: str, j: int) -> bool:
    """The straight mark at ``j``, inside a quotation a straight mark opened, opens another
    after a sentence's end (`"... my house. "I admit ...`): the first ran over paragraphs
    whose breaks the text lost, and ends before it. A closing mark follows the words it
    closes, never a space."""
    return (0 < j < len(body) - 1 and body[j - 1] == " " and body[j + 1].isalnum()
            and body[:j].rstrip()[-1:] in (".", "!", "?"))


def find_quotes(body: str) -> list[Quote]:
    out: list[Quote] = []
    i = 0
    while i < len(body):
        mark = body[i]
        opens = mark in PAIRS and (mark not in "‘\"'" or i == 0 or not body[i - 1].isalnum())
        if mark == "'" and ((i > 0 and not body[i - 1].isspace())
                            or not body[i + 1:i + 2].isalpha()):
            opens = False  # a straight single mark opens after a space, before a letter
            # ("'We met with families'"), not in "'80s" or "the workers' pay"
        if mark == '"' and i > 0 and body[i - 1] in ",.;:!?":
            opens = False  # a straight mark after punctuation closes ('it," she said')
        if not opens:
            i += 1
            continue
        j = _close(body, i, mark)
        at = i
        while j is None:  # a quote running on: its paragraph ends open, the next re-opens it
            para_end = body.find("\n", at)
            nxt = body.find(mark, para_end) if para_end != -1 else -1
            if para_end == -1 or nxt == -1 or body[para_end:nxt].strip():
                break
            at = nxt
            j = _close(body, nxt, mark)
        if j is None:
            i += 1
            continue
        if j - i > 2:
            out.append(Quote(i, j + 1))
        i = j + 1
    return out
