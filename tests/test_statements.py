"""Who said what: quotation spans, and statements found in a parsed article."""

import pytest

from newsmill.records import Article
from newsmill.statements.quotes import find_quotes


def _quoted(body: str) -> list[str]:
    return [body[q.start:q.end] for q in find_quotes(body)]


def test_every_quotation_style_is_found() -> None:
    body = ('He said “curly quotes here”, then "straight ones too", «guillemets as well», '
            "„low high marks“ and ‘single curly ones’.")
    assert _quoted(body) == ["“curly quotes here”", '"straight ones too"', "«guillemets as well»",
                             "„low high marks“", "‘single curly ones’"]


def test_unbalanced_marks_and_apostrophes_do_not_break_it() -> None:
    body = "The mayor’s office said “it would reopen soon. Nobody knew when.\n\nOthers didn’t."
    assert find_quotes(body) == []


def test_a_quote_over_paragraphs_is_one_span() -> None:
    body = "“First paragraph of the quote.\n\n“Second paragraph of it,” she said."
    assert _quoted(body) == [body[: body.index(",”") + 2]]


@pytest.mark.slow
def test_statements_of_a_parsed_article() -> None:
    from newsmill.nlp import NlpStage
    from newsmill.statements import find_statements

    body = ("Maria Lopez, the mayor of Ribera, said the harbour would reopen on Friday.\n\n"
            "“We have lost a week of trade,” Lopez told reporters.\n\n"
            "Turnout reached 71 percent, according to the election commission.\n\n"
            "She added that the council would pay the traders' rent.")
    doc = NlpStage()([Article("a", "a", "text", body)])[0]
    found = find_statements(doc).statements
    by_kind = {s.kind: s for s in reversed(found)}  # the first of each kind
    assert by_kind["indirect"].content == "the harbour would reopen on Friday"
    assert by_kind["indirect"].speaker == "Maria Lopez"
    assert by_kind["indirect"].role == "the mayor of Ribera"
    assert by_kind["direct"].content == "We have lost a week of trade"
    assert by_kind["direct"].speaker == "Maria Lopez"
    assert by_kind["according_to"].content == "Turnout reached 71 percent"
    assert by_kind["according_to"].speaker == "election commission"
    added = [s for s in found if s.cue == "added"]
    assert added and added[0].speaker == "Maria Lopez"
    for s in found:
        assert body[s.start:s.end] == s.content
