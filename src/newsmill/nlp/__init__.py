"""NLP: ``Article`` -> ``Document`` with entity mentions, spaCy batched over a whole batch.

A body longer than the model's ``max_length`` (a million characters: spaCy refuses longer
texts, as parsing them at once would need gigabytes) is analysed in parts cut at paragraph
breaks (else at line breaks, else at spaces) and the parts joined into one ``Doc`` whose text
is the body, so offsets hold as for any other article.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from newsmill.nlp.model import MODEL_NAMES, load_model, noun_lemmas, verb_lemmas
from newsmill.records import Article, Document, Mention

__all__ = ["MODEL_NAMES", "NlpStage", "entity_of", "ents_of", "forget", "load_model", "mentions_of",
           "noun_lemmas", "parts_of", "text_of", "verb_lemmas"]

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})


_ENTS, _STARTS, _TEXT = "newsmill_ents", "newsmill_ent_starts", "newsmill_text"


def ents_of(span: Any) -> list[Any]:
    """The entities of a ``Doc`` or ``Span``, as its ``.ents`` gives them (those wholly
    inside it), found once per ``Doc``: spaCy builds every entity of the document anew at each
    ``.ents``, and the later stages ask for a sentence's entities thousands of times. They are
    kept on the ``Doc``, a cycle the collector does not free: ``forget`` it when done."""
    doc = span.doc if hasattr(span, "doc") and span.doc is not span else span
    data = doc.user_data
    ents = data.get(_ENTS)
    if ents is None:
        ents = data[_ENTS] = tuple(doc.ents)
        data[_STARTS] = [e.start for e in ents]
    if span is doc:
        return list(ents)
    out = []
    for e in ents[bisect_left(data[_STARTS], span.start):]:
        if e.end > span.end:
            break
        out.append(e)
    return out


def entity_of(tok: Any) -> Any | None:
    """The entity ``tok`` is a word of, if any (found by its start among ``ents_of``)."""
    if not tok.ent_type_:
        return None
    ents = ents_of(tok.doc)
    at = bisect_right(tok.doc.user_data[_STARTS], tok.i) - 1
    return ents[at] if at >= 0 and ents[at].start <= tok.i < ents[at].end else None


def forget(doc: Any) -> None:
    """Drop what ``ents_of``, ``text_of`` and the stages keep on ``doc`` (every ``newsmill``
    key), so it is freed with its last reference (its entities kept on it hold it in a cycle
    the collector never frees)."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("newsmill")]:
        doc.user_data.pop(key, None)  # the stages' too: grouped entities, the title


def text_of(doc: Any) -> str:
    """``doc.text``, joined once per ``Doc`` (spaCy joins every token's text at each call)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


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
        nlp = self.nlp
        parts = [parts_of(a.body, nlp.max_length) for a in batch]
        docs = iter(nlp.pipe((p for ps in parts for p in ps), batch_size=self.batch_size))
        out = []
        for a, ps in zip(batch, parts, strict=True):
            pieces = [next(docs) for _ in ps]
            d = pieces[0] if len(pieces) == 1 else _joined(pieces)
            out.append(Document(a, mentions_of(d), parse=d))
        return out


def _joined(pieces: list[Any]) -> Any:
    from spacy.tokens import Doc

    return Doc.from_docs(pieces, ensure_whitespace=False)


def parts_of(text: str, limit: int) -> list[str]:
    """``text`` cut into parts of under ``limit`` characters that join back into it, each
    ending at a paragraph break where one falls in it, else a line break, else a space."""
    parts: list[str] = []
    start = 0
    while len(text) - start >= limit:
        window = text[start:start + limit - 1]
        for mark in ("\n\n", "\n", " "):
            cut = window.rfind(mark)
            if cut > 0:
                end = start + cut + len(mark)
                break
        else:
            end = start + limit - 1
        parts.append(text[start:end])
        start = end
    parts.append(text[start:])
    return parts
