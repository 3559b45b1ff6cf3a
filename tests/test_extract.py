"""Extraction: the plain-text cleaner on hand-built scrapes, HTML metadata, and the seed."""

from pathlib import Path

from conftest import EXAMPLES, score, shared_path

from newsmill.extract import content_hash, extract
from newsmill.extract.lexicon import is_person_name
from newsmill.extract.text import clean_text
from newsmill.ingest import read_inputs
from newsmill.records import Article, Page
from newsmill.serve.export import eval_record

SCRAPE = """Home
World

Minister resigns after budget vote fails

Minister resigns after budget vote fails
Copyright AP Photo/Staff
By Jane Doe and Wire Staff
Published 3 March 2021
Share this article

The finance minister resigned on Wednesday after parliament rejected her budget for a second time.

"I have done what I could," she told reporters outside the chamber.

She had held the post for four years.

Read more about the budget here.

You might also like

Ten things to know about the new budget rules
"""


def test_text_cleaner_separates_story_from_chrome() -> None:
    clean = clean_text(SCRAPE)
    assert clean.title == "Minister resigns after budget vote fails"
    assert clean.authors == ("Jane Doe",)
    assert clean.publisher == "Wire Staff"
    assert clean.published == "2021-03-03"
    paragraphs = clean.body.split("\n\n")
    assert paragraphs == [
        "The finance minister resigned on Wednesday after parliament rejected her budget for a "
        "second time.",
        '"I have done what I could," she told reporters outside the chamber.',
        "She had held the post for four years.",
    ]


def test_byline_names_are_people_unless_outlets() -> None:
    assert is_person_name("Mihra Rittmann")
    assert is_person_name("Ludwig van Beethoven")
    assert not is_person_name("Euronews")
    assert not is_person_name("Andes Wire")
    assert not is_person_name("Staff Reporter")
    assert not is_person_name("March 3 2021")


def test_html_metadata_and_body_of_an_example() -> None:
    (page,) = read_inputs([EXAMPLES / "dutch-farmers-protest.html"])
    assert isinstance(page, Page)
    article = extract(page)
    assert isinstance(article, Article)
    assert article.title == "Dutch farmers drive tractors into The Hague over nitrogen rules"
    assert article.authors == ("Marieke de Vries",)
    assert article.publisher == "The Lowlands Ledger"
    assert article.published == "2019-10-02"
    assert article.language == "en"
    assert article.body.startswith("Thousands of farmers"), "the headline is not repeated"
    for chrome in ("Accept all", "Related stories", "Subscribe", "All rights reserved"):
        assert chrome not in article.body
    assert "\n\n" in article.body, "paragraphs are separated by a blank line"


def test_content_hash_ignores_case_and_spacing() -> None:
    assert content_hash("A  story\n\nhere") == content_hash("a story here")
    assert content_hash("a story here") != content_hash("another story")


def test_seed_scrape_reaches_the_gold(tmp_path: Path) -> None:
    seed = shared_path("seed", "000_3ba45e97169d3520.txt")
    gold = shared_path("gold", "seed.jsonl")
    (page,) = read_inputs([seed])
    article = extract(page)  # type: ignore[arg-type]
    assert isinstance(article, Article)
    assert article.publisher == "Euronews" and article.authors == ()
    for chrome in ("Find Us", "Share this article", "Copyright", "You might also like",
                   "Read more about", "Middle powers"):
        assert chrome not in article.body
    pred = tmp_path / "pred.jsonl"
    import json

    pred.write_text(json.dumps(eval_record(article)) + "\n")
    figures = score("score_extraction.py", gold, pred)
    assert figures["body_f1"] >= 0.9
    assert figures["title_accuracy"] == 1.0
