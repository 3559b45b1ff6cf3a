"""URLs as inputs: telling them from paths, reading URL lists, naming their pages."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from newsmill import errors

SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 60


def is_url(value: str) -> bool:
    """An input written as a web address (any scheme: others are refused with a reason)."""
    return re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", value) is not None


def url_id(url: str) -> str:
    """A page id for a URL: its host and last path words, and a hash of the whole URL
    (``https://www.ex.org/2024/03/police-detain?x=1`` -> ``ex.org-police-detain-1a2b3c4d``)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    words = [w for w in parts.path.split("/") if w]
    tail = SLUG.sub("-", (words[-1] if words else "").lower()).strip("-")
    tail = re.sub(r"-(html?|php|aspx?)$", "", tail)
    slug = f"{host}-{tail}".strip("-")[:MAX_SLUG].strip("-")
    return f"{slug}-{hashlib.sha256(url.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def read_url_list(path: str) -> Iterator[tuple[str, str | None]]:
    """``(url, None)`` for each URL of a list (one a line; ``#`` comments and blank lines
    passed over), ``(line, reason)`` for a line that is no URL. ``-`` reads standard input."""
    import sys

    if path == "-":
        lines = sys.stdin.read().splitlines()
    else:
        try:
            lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError as exc:
            yield path, errors.unreadable(path, str(exc))
            return
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            yield line, errors.bad_url_line(f"{path}:{n}", line)
            continue
        yield line, None
