"""Events: who did what to whom, where and when (``Document`` -> ``Document`` with events).

The slot for the PLOVER events stage (issue 5). Until it lands, the stage passes documents on
unchanged, so the pipeline, the store and the export already carry an (empty) events list.
"""

from __future__ import annotations

from newsmill.pipeline import stage
from newsmill.records import Document

__all__ = ["code_events", "events_stage"]


def code_events(doc: Document) -> Document:
    return doc


events_stage = stage("events", needs=["parse", "mentions"], provides=["events"],
                     output=Document)(code_events)
