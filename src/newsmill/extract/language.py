"""Language identification from the text (py3langid); the page's declared language is a prior.

Only English articles are analysed (``analysed``): the spaCy model and the word lists of the
statements and events stages are English, and on other languages they find junk (Russian
words taken for PERSON and ORG entities)."""

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


ANALYSED = frozenset({"en"})  # what the spaCy model and the word lists are made for


def analysed(language: str | None) -> bool:
    """Whether an article in ``language`` goes through the English analysis (entities,
    statements, events): English, or a language nobody could tell. An article in another
    language is stored with its text and language, and counted as not analysed."""
    return language is None or language in ANALYSED
