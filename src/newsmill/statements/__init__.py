"""Statements: who said what (``Document`` -> ``Document`` with statements).

The slot for the statements stage (issue 4). Until it lands, the stage passes documents on
unchanged, so the pipeline, the store and the export already carry an (empty) statements list.
"""

from __future__ import annotations

from newsmill.pipeline import stage
from newsmill.records import Document

__all__ = ["find_statements", "statements_stage"]


def find_statements(doc: Document) -> Document:
    return doc


statements_stage = stage("statements", needs=["parse", "mentions"], provides=["statements"],
                         output=Document)(find_statements)
