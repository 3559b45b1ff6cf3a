from collections.abc import Sequence

import pytest

from newsmill.errors import PipelineError
from newsmill.extract import extract_stage
from newsmill.pipeline import Pipeline, stage
from newsmill.records import Article, Document, Page, Skipped
from newsmill.statements import statements_stage

PAGE = Page("p1", "p1.txt", "text",
            "A headline for the page\n\nThe first paragraph of the story has enough words to count "
            "as the body of a real article.\n")


def test_wrong_order_fails_at_build_naming_the_stage() -> None:
    with pytest.raises(PipelineError, match="'statements' needs \\['mentions', 'parse'\\]"):
        Pipeline([extract_stage(), statements_stage])


def test_stage_returning_wrong_type_is_named() -> None:
    bad = stage("forgetful", needs=["page"], provides=["article"], output=Article)(lambda p: None)
    with pytest.raises(PipelineError, match="'forgetful' returned NoneType instead of Article"):
        Pipeline([bad]).run([PAGE])


def test_stage_returning_wrong_count_is_named() -> None:
    class Greedy:
        name, needs, provides, output = "greedy", frozenset({"page"}), frozenset({"x"}), Page

        def __call__(self, batch: Sequence[Page]) -> list[Page]:
            return list(batch) * 2

    with pytest.raises(PipelineError, match="'greedy' returned 2 records for a batch of 1"):
        Pipeline([Greedy()]).run([PAGE])


def test_one_crashing_input_becomes_skipped_and_the_batch_goes_on() -> None:
    def fragile(page: Page) -> Page:
        if page.id == "boom":
            raise ValueError("cannot handle this")
        return page

    s = stage("fragile", needs=["page"], provides=["page2"], output=Page)(fragile)
    boom = Page("boom", "boom.txt", "text", "x")
    out = Pipeline([s]).run([PAGE, boom, PAGE])
    assert out[0] == PAGE and out[2] == PAGE
    assert isinstance(out[1], Skipped)
    assert out[1].stage == "fragile" and "boom.txt" in out[1].reason
    assert "ValueError: cannot handle this" in out[1].reason


def test_skipped_inputs_pass_through_later_stages() -> None:
    skipped = Skipped("x", "x.bin", "ingest", "binary")
    out = Pipeline([extract_stage()]).run([skipped, PAGE])
    assert out[0] == skipped
    assert isinstance(out[1], Article)


def test_documents_flow_through_the_slots() -> None:
    article = Article("a", "a.txt", "text", "Body.")
    out = statements_stage([Document(article)])
    assert out == [Document(article)]
