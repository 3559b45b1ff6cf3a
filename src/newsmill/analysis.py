"""One page in, its analysis out, in memory: ``newsmill.analyse(text_or_html)``.

The same stages as an ingest (extract, nlp, statements, events), run on one page with no
store, as spaCy's ``nlp(text)`` runs its pipeline on one text. The pipeline (and the spaCy
model in it) is built on the first call and kept, so later calls cost the page alone.
"""

from __future__ import annotations

import hashlib
from datetime import date
from functools import lru_cache

from newsmill import errors
from newsmill.extract import DEFAULT_FOCUS, Focus
from newsmill.extract.language import analysed
from newsmill.ingest.files import page_from_bytes, sniff_kind
from newsmill.ingest.urls import url_id
from newsmill.nlp import forget
from newsmill.pipeline import Pipeline
from newsmill.records import Article, Document, Page, Skipped

SOURCE = "<analyse>"


@lru_cache(maxsize=4)
def _stages(focus: Focus, model: str | None) -> tuple[Pipeline, Pipeline | None]:
    from newsmill.run import default_pipeline

    return default_pipeline(model=model, focus=focus).split("article")


def _day(published: str | date | None) -> str | None:
    from newsmill.store.filters import day

    if published is None or isinstance(published, date):
        return published.isoformat()[:10] if published else None
    try:
        return day("published", published[:10] if len(published) > 10 else published)
    except errors.QueryError as exc:
        raise errors.UsageError(str(exc)) from exc


def page_of(text_or_html: str | bytes, url: str | None = None,
            published: str | date | None = None) -> Page:
    """The ``Page`` of a text or an HTML page given in memory (bytes are decoded as files
    are: UTF-8, the page's declared charset ...)."""
    if isinstance(text_or_html, bytes):
        digest = hashlib.sha256(text_or_html).hexdigest()[:12]
        page = page_from_bytes(text_or_html, f"text-{digest}", url or SOURCE, None, url)
        text = page.content
    else:
        text = text_or_html
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    if not text.strip():
        raise errors.InputError(url or SOURCE, errors.empty_input(url or SOURCE))
    pid = url_id(url) if url else f"text-{digest}"
    return Page(pid, url or SOURCE, sniff_kind(text), text, url, _day(published))


def analyse(text_or_html: str | bytes, url: str | None = None,
            published: str | date | None = None, *, focus: Focus = DEFAULT_FOCUS,
            model: str | None = None) -> Document:
    """The article in a page (HTML or plain text) with its entities, statements and events.

    ``url`` is where the page came from (its id is made from it), ``published`` its day
    (YYYY-MM-DD or a ``date``), against which "on Sunday" is resolved; the page's own date is
    used when none is given. A page in a language other than English is returned with its
    text and language but not analysed (no entities, statements or events): the model is
    English. Raises ``InputError`` for an empty or binary input and ``ExtractionError`` for a
    page with no article text in it, each saying why.

        >>> doc = newsmill.analyse(html, url="https://example.org/news/1")
        >>> doc.article.title, [(e.type, e.evidence) for e in doc.events]
    """
    extract, rest = _stages(focus, model)
    result = extract.run([page_of(text_or_html, url, published)])[0]
    if isinstance(result, Skipped):
        raise errors.ExtractionError(result.reason)
    assert isinstance(result, Article)
    if rest is None or not analysed(result.language):
        return Document(result)
    done = rest.run([result])[0]
    if isinstance(done, Skipped):
        raise errors.PipelineError(done.reason)
    assert isinstance(done, Document)
    if done.parse is not None:
        forget(done.parse)  # else what the stages kept on it holds it in memory
    return done.without_parse()
