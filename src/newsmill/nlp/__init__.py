"""NLP: ``Article`` -> ``Document`` with entity mentions, spaCy batched over a whole batch."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsmill.nlp.model import MODEL_NAMES, load_model
from newsmill.records import Article, Document, Mention

__all__ = ["MODEL_NAMES", "NlpStage", "load_model", "mentions_of"]

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})


def mentions_of(doc: Any) -> tuple[Mention, ...]:
    """Entity mentions of a spaCy ``Doc`` with character offsets into its text."""
    return tuple(Mention(ent.start_char, ent.end_char, ent.text, ent.label_)
                 for ent in doc.ents if ent.label_ in ENTITY_LABELS)


class NlpStage:
    """Runs the spaCy model over a batch of articles (loaded once, on first use)."""

    name = "nlp"
    needs = frozenset({"article"})
    provides = frozenset({"parse", "mentions"})
    output = Document

    def __init__(self, model: str | None = None, batch_size: int = 16) -> None:
        self.model_name = model
        self.batch_size = batch_size

    @property
    def nlp(self) -> Any:
        return load_model(self.model_name)

    def __call__(self, batch: Sequence[Article]) -> list[Document]:
        docs = self.nlp.pipe((a.body for a in batch), batch_size=self.batch_size)
        return [Document(a, mentions_of(d), parse=d) for a, d in zip(batch, docs, strict=True)]
