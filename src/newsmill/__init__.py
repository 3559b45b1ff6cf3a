"""newsmill: raw news pages in, a clean record of articles, entities, statements (who said
what) and PLOVER events (who did what to whom, where and when) out.

    import newsmill
    doc = newsmill.analyse(html_or_text, url=None, published="2019-06-10")
    doc.article.title, doc.mentions, doc.statements, doc.events

    from newsmill.run import run                   # many pages, into a store
    from newsmill.store import Store
    summary = run(["pages/", "feed.jsonl", {"id": "a1", "text": "..."}], Store("news.db"))

Importing newsmill loads nothing heavy: the pipeline's libraries (trafilatura, spaCy) load on
the first call that needs them.
"""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsmill.analysis import analyse

try:
    __version__ = metadata.version("newsmill")
except metadata.PackageNotFoundError:  # pragma: no cover - a source tree not installed
    __version__ = "0+unknown"

__all__ = ["__version__", "analyse"]


def __getattr__(name: str) -> Any:
    if name == "analyse":
        from newsmill.analysis import analyse

        return analyse
    raise AttributeError(f"module 'newsmill' has no attribute {name!r}")
