"""Language identification from the text (py3langid); the page's declared language is a prior."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MIN_CONFIDENCE = 0.5
SAMPLE_CHARS = 600


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, declared: str | None = None) -> str | None:
    """ISO 639-1 code of ``text``; the declared language wins when the text is short or unclear."""
    declared_code = (declared or "").strip().lower()[:2] or None
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < 5:
        return declared_code
    lang, prob = _identifier().classify(sample)
    if declared_code and prob < MIN_CONFIDENCE:
        return declared_code
    return str(lang)
