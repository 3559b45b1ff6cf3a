"""Quotation spans in a body: every pair of opening and closing marks (straight, curly, single,
guillemets, low-high; a straight single mark told from an apostrophe by where it stands), a
quote running over paragraphs re-opened at each one, and unbalanced marks left alone without
failing."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“", "‘": "’", "‹": "›", "'": "'"}
CLOSERS = {'"': '"”', "“": "”\""}  # a straight mark closed curly or the other way round
MAX_QUOTE_CHARS = 3000
WORD_AFTER = re.compile(r"^\w")


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
        if ch in closing and (mark != "‘" or not WORD_AFTER.search(body[j + 1:j + 2])):
            return j
        j += 1
    return None


ELIDED = re.compile(r"(?i)(?:tis|twas|til|till|cause|cos|em|bout|round|neath|n)\b")  # words
# that begin with an apostrophe: "'Tis the season", "'til dawn", "rock 'n' roll"
SINGLE_CLOSER = re.compile(r"(?<=[,.!?])'(?!\w)")  # a straight single mark after a stop


def _close_single(body: str, i: int, closers: list[int]) -> int | None:
    """Offset of the straight single mark closing the one opened at ``i``: the first after
    a stop or a comma, in its paragraph ("'We met with families,' he wrote")."""
    at = bisect_right(closers, i)
    if at == len(closers):
        return None
    j = closers[at]
    return j if j - i < MAX_QUOTE_CHARS and body.find("\n", i, j) == -1 else None


def _reopens(body: str, j: int) -> bool:
    """The straight mark at ``j``, inside a quotation a straight mark opened, opens another
    after a sentence's end (`"... my house. "I admit ...`): the first ran over paragraphs
    whose breaks the text lost, and ends before it. A closing mark follows the words it
    closes, never a space."""
    return (0 < j < len(body) - 1 and body[j - 1] == " " and body[j + 1].isalnum()
            and body[:j].rstrip()[-1:] in (".", "!", "?"))


def find_quotes(body: str) -> list[Quote]:
    out: list[Quote] = []
    closers = [m.start() for m in SINGLE_CLOSER.finditer(body)]
    dead: set[int] = set()  # opening marks whose run over paragraphs never closes
    i = 0
    while i < len(body):
        mark = body[i]
        opens = mark in PAIRS and (mark not in "‘\"'" or i == 0 or not body[i - 1].isalnum())
        if mark == "'" and ((i > 0 and not body[i - 1].isspace())
                            or not body[i + 1:i + 2].isalpha()
                            or ELIDED.match(body, i + 1)):
            opens = False  # a straight single mark opens after a space, before a letter
            # ("'We met with families,' he wrote"; not "'80s", "the workers' pay"), and
            # closes after a stop or a comma in its paragraph: "'til dawn", "'Tis the
            # season" open nothing that closes
        if mark == '"' and i > 0 and body[i - 1] in ",.;:!?":
            opens = False  # a straight mark after punctuation closes ('it," she said')
        if not opens:
            i += 1
            continue
        j = _close_single(body, i, closers) if mark == "'" else _close(body, i, mark)
        at, chain = i, [i]
        while j is None and at not in dead and (mark != "'" or i == 0 or body[i - 1] == "\n"):
            # a quote running on: its paragraph ends open, the next re-opens it (in single
            # straight marks, one that opened its paragraph: not "danced 'til dawn")
            para_end = body.find("\n", at)
            nxt = body.find(mark, para_end) if para_end != -1 else -1
            if para_end == -1 or nxt == -1 or body[para_end:nxt].strip():
                break
            at = nxt
            chain.append(at)
            j = _close_single(body, nxt, closers) if mark == "'" else _close(body, nxt, mark)
        if j is None:
            dead.update(chain)  # each of these marks runs on to the same open end
            i += 1
            continue
        if j - i > 2:
            out.append(Quote(i, j + 1))
        i = j + 1
    return out
