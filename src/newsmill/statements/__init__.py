"""Statements: who said what (``Document`` -> ``Document`` with statements).

``attribution.py`` finds reporting clauses, direct quotes (``quotes.py``) and "according to"
attributions in the spaCy parse; ``speakers.py`` groups the article's entities so a speaker is
named by its fullest form. Reporting verbs are data (``cues.txt``).
"""

from __future__ import annotations

from dataclasses import replace

from newsmill.pipeline import stage
from newsmill.records import Document
from newsmill.statements.attribution import find
from newsmill.statements.speakers import TITLE_KEY

__all__ = ["find_statements", "statements_stage"]


def find_statements(doc: Document) -> Document:
    if doc.parse is None:
        return doc
    doc.parse.user_data[TITLE_KEY] = doc.article.title  # the names only the headline gives
    return replace(doc, statements=tuple(find(doc.parse, doc.article.body)))


statements_stage = stage("statements", needs=["parse", "mentions"], provides=["statements"],
                         output=Document)(find_statements)
