"""Repair text that was decoded with the wrong encoding somewhere upstream (mojibake).

A page can be valid UTF-8 and still carry text a site once decoded as Windows-1252 and
encoded again: "the courtâ€™s decision", "â€œwe will", "storiesÂ board". ftfy undoes that;
the typographic quotes it restores are kept as written (not straightened), and full-width
characters (Chinese and Japanese text uses them) and accents, composed or not, are left as
they are.

One loss is undone by hand: Windows-1252 has no character for the byte 0x9D, so a closing
double quote (E2 80 9D) often comes through as "â€" and a replacement character; that is
taken for the closing quote it nearly always was.
"""

from __future__ import annotations

import ftfy

LOST_CLOSING_QUOTE = "â€\ufffd"


def repair(text: str) -> str:
    """``text`` with its mojibake undone. Text without it comes back as it was, but for what
    ftfy always tidies: ligatures ("ﬁ" -> "fi"), control characters, Windows line ends, HTML
    entities left in text ("&amp;")."""
    if LOST_CLOSING_QUOTE in text:
        text = text.replace(LOST_CLOSING_QUOTE, "â€\x9d")
    return ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False, normalization=None)
