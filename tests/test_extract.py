"""Extraction: the plain-text cleaner on hand-built scrapes, HTML metadata, and the seed."""

from pathlib import Path

from conftest import EXAMPLES, score, shared_path
from lxml import html as lxml_html

from newsmill.extract import content_hash, extract
from newsmill.extract.dates import published_day
from newsmill.extract.html import _story_container, join_chunks
from newsmill.extract.lexicon import is_person_name
from newsmill.extract.metadata import PageMeta, choose_title, find_authors, strip_site
from newsmill.extract.prune import prune
from newsmill.extract.text import clean_text, is_prose
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


INTERRUPTED_SCRAPE = "\n".join([
    "Ferry service to the islands resumes after strike",
    "",
    "The ferry company restarted its routes to the northern islands on Monday after a "
    "week-long strike by deck crews ended with a new pay deal.",
    "",
    "Union leaders said the agreement raised wages by six percent over two years and "
    "limited night shifts for crews on the longest crossings.",
    "",
    "Islanders had relied on a single chartered boat for food and medicine while the "
    "strike lasted, and several schools closed for lack of teachers.",
    "",
    "The strike began when the company proposed longer rotations for crews on the northern"
    " routes, which the union said would leave sailors at sea for three weeks at a time "
    "without a proper rest day.",
    "",
    "Related news",
    "Harbour fees rise for fishing fleets",
    "New bridge plan divides coastal towns",
    "",
    "The company said timetables would return to normal by Wednesday, once crews and "
    "vessels had been moved back to their home ports.",
    "",
    "Passengers with tickets for cancelled crossings can ask for a refund at any terminal "
    "until the end of the month.",
    "",
    "Local councils welcomed the deal but asked for a standby vessel to be kept ready for "
    "future disputes.",
    "",
    "More stories",
    "Storm warning for the west coast",
    "Forecasters expect gales of up to ninety kilometres an hour along the west coast on "
    "Friday night.",
    "Museum reopens after two years of repairs",
    "The town museum welcomed its first visitors since the flood, with a new gallery on "
    "the old harbour.",
    "",
])


def test_story_goes_on_after_a_related_block_but_teasers_are_left_out() -> None:
    paragraphs = clean_text(INTERRUPTED_SCRAPE).body.split("\n\n")
    assert paragraphs[0].startswith("The ferry company restarted")
    assert paragraphs[-1].startswith("Local councils welcomed"), "the story goes on after the links"
    assert len(paragraphs) == 7, "the links and the teasers after 'More stories' are left out"


def test_prose_lines_without_a_final_stop() -> None:
    assert is_prose("We hope to see you at the theatre again soon! 🙂")
    assert is_prose("The air smells of autumn in the park this morning~")
    running = ("the river rose all night and the town waited. by morning the water had reached "
               "the square, and the bakers carried their flour upstairs. the mayor walked the "
               "streets in boots and told everyone that the worst was over for now but nobody "
               "believed him after last year")
    assert is_prose(running), "a long paragraph of running text that lost its final stop"
    assert not is_prose("adopt friend water alert nature " * 10), "a tag cloud has no sentences"
    assert not is_prose(running + ". All rights reserved. About us"), "a site's footer"


def test_title_found_when_the_page_title_writes_the_ellipsis_as_dots() -> None:
    scrape = "Only those who wait... - Daily Thoughts\nHome\nOnly those who wait\u2026\n" + (
        "The story starts here and goes on for a while, as stories do.\n" * 3)
    assert clean_text(scrape).title == "Only those who wait\u2026"


HARBOUR_STORY = (
    "The harbour authority closed the northern pier on Monday after two nights of storms "
    "cracked its concrete deck in several places.",
    "Engineers said the repairs would take at least three weeks and cost about two million, "
    "paid for by the port's reserve fund.",
    "Fishing crews moved their boats to the southern basin, where berths were already scarce "
    "before the storms began.",
)


def test_a_story_the_page_shows_twice_is_kept_once_and_repeated_chrome_is_not() -> None:
    story = list(HARBOUR_STORY)
    caption = ("A crane lifts a broken slab from the northern pier in the early morning light "
               "on Monday.")
    lines = ["Share", caption, "Advertisement", *story, "Share", "Advertisement", *story,
             "The authority will publish a timetable for the works once the divers have finished.",
             "Gallery", caption]
    paragraphs = clean_text("\n".join(lines)).body.split("\n\n")
    assert paragraphs[:3] == story, "a passage the page repeats is the story, kept once"
    assert paragraphs.count(story[0]) == 1
    assert caption not in paragraphs, "a single line repeated alone is a caption, not the story"
    assert "Share" not in paragraphs


def test_a_lead_shown_twice_in_a_row_is_kept_once_and_a_summary_set_apart_is_not() -> None:
    story = list(HARBOUR_STORY)
    lead = ("PORTHAVEN (Wire) \u2014 It was the second storm of the week that finally broke the "
            "old pier, its harbour master said.")
    paragraphs = clean_text("\n".join([lead, lead, *story])).body.split("\n\n")
    assert paragraphs == [lead, *story], "a scrape that shows the lead twice loses no text"
    summary = ("Our pick of the week's harbour news, repairs and closures for the month of "
               "October.")
    for between in (["Photo: Port archive"], ["By Jane Smith"], ["Author:", "Harbour Desk"]):
        lines = ["Menu", summary, *between, summary, *story]  # a summary set apart from its
        assert clean_text("\n".join(lines)).body.split("\n\n") == story  # copy stays out
    promo = ("Get the best of our local journalism delivered to your inbox every morning, "
             "free of charge.")
    lines = ["Storm closes the pier", *story, "Share", *story, promo, promo]
    assert clean_text("\n".join(lines)).body.split("\n\n") == story  # nor a doubled footer


def test_teasers_shown_twice_and_a_notice_above_the_headline_stay_out() -> None:
    story = list(HARBOUR_STORY)
    teasers = ["Council approves a new budget for schools after a long debate that ran late into "
               "the night on Thursday.",
               "Police say the man arrested near the station on Friday will appear in court next "
               "week on theft charges."]
    title = "Storm closes the northern pier"
    for lines in (["Menu", title, "Related", *teasers, *story, "Related", *teasers, "Share"],
                  [title, *story, "Most read", *teasers, "Share", "Most read", *teasers]):
        assert clean_text("\n".join(lines)).body.split("\n\n") == story
    notice = ("We use cookies to improve your experience on our site and to show you relevant "
              "advertising.")
    clean = clean_text("\n".join(["Menu", notice, title, title, *story]))
    assert clean.title == title and clean.body.split("\n\n") == story


def test_a_repeated_line_after_the_story_begins_is_not_its_headline() -> None:
    tweet = "\u2014 River Council (@RiverCouncil) May 2, 2021"
    lines = [
        "The river council voted on Tuesday to close two schools that flooded in the spring, "
        "after engineers found that the ground floors of both buildings would need new walls.",
        "Parents protested outside the hall before the vote, asking for the schools to reopen "
        "and saying that the children should not have to travel across the town every day.",
        "The council said its decision was final, that the new campus had room for every pupil "
        "of the two schools, and shared the resolutions it had passed online:",
        "Close the two schools and move their pupils to the town's new campus next term.",
        tweet,
        "Pay for buses to take the pupils to the new campus every school day of the year.",
        tweet,
    ]
    clean = clean_text("\n".join(lines))
    assert clean.title != tweet
    assert clean.body.startswith("The river council voted on Tuesday"), "no story line is lost"


def test_a_story_run_into_its_byline_is_kept() -> None:
    # a wire story whose scrape lost its paragraph breaks: one long line opening with its
    # byline is the story, not a byline to drop (which left no text at all)
    story = ("By ROSA MENDEL Copper prices rose on Tuesday as traders weighed a strike at two "
             "large mines in Chile, the world's biggest producer. The union said its members "
             "would stay out until the company raised its wage offer, and the company said it "
             "had no plans to do so. Analysts said stocks on the exchange were enough for a "
             "month of normal demand but would not last a long stoppage.")
    clean = clean_text(story)
    assert "Copper prices rose on Tuesday" in clean.body
    assert "would not last a long stoppage" in clean.body
    short = clean_text("Copper climbs on strike fears\nBy Rosa Mendel\n" + story[15:])
    assert short.authors == ("Rosa Mendel",)
    assert "By Rosa Mendel" not in short.body
    # a byline with a long description of its author is still a byline
    described = clean_text("Copper climbs on strike fears\nBy Rosa Mendel, executive director "
                           "of the Eastern Cape Miners' Relief Coalition, which serves more "
                           "than 40,000 families across the province\n" + story[15:])
    assert described.authors == ("Rosa Mendel",)
    # a sentence that begins with "By" near the top is story, not a byline naming no one
    sentence = clean_text("Copper climbs on strike fears\nBy the time the union met on "
                          "Tuesday, copper had risen for a third day.\n" + story[15:])
    assert "By the time the union met" in sentence.body


def test_a_story_on_one_line_keeps_its_credit_and_loses_its_sign_off() -> None:
    # wire copy with no line breaks: a story whose last sentence credits a reporter is no
    # credit line to drop whole, and a story that ends in the agency's sign-off is prose
    story = ("Farmers blocked the main road into the capital on Monday to protest against a "
             "new tax on diesel. The farmers' union said its members would stay until the "
             "finance minister met them, and police said the road would be cleared by "
             "nightfall if talks failed. Traders said prices of vegetables had already risen.")
    credited = clean_text(story + " Associated Press writer Lena Ortiz in Tula contributed to "
                          "this report.")
    assert "Farmers blocked the main road" in credited.body
    short = clean_text("Police arrested four men in Tula on Monday after a robbery. The men were "
                       "taken to the central station. A spokesman said they would appear in "
                       "court on Friday. Associated Press writer Lena Ortiz contributed to this "
                       "report.")
    assert short.body.startswith("Police arrested four men")
    one = clean_text("Floods killed at least 12 people in central Java on Sunday and forced "
                     "thousands from their homes, officials said. Associated Press writer Niniek "
                     "Karmini in Jakarta contributed to this report.")
    assert one.body.startswith("Floods killed")
    assert clean_text("Associated Press writer Lena Ortiz contributed to this report.\n"
                      + story).body == story  # a credit on its own line still goes
    for sign_off in (" Sapa-AP", " Sapa /ge/jk", " Enditem",
                     " - African News Agency (ANA); Editing by Moses Dube"):
        short = "Police arrested four men in the town on Monday after a bank robbery."
        assert clean_text(short + sign_off).body == short


def test_wire_copy_on_one_line_gives_its_headline_and_byline_apart() -> None:
    # "Headline By AUTHOR CITY (AP) — story" on one line: the headline is the title, the
    # byline an author, and the story starts at its dateline
    story = ("Farmers blocked the main road into the capital on Monday to protest against a "
             "new tax on diesel. Their union said its members would stay until the minister "
             "met them.")
    clean = clean_text("Farmers block road over diesel tax By LENA ORTIZ MADRID (AP) — " + story)
    assert clean.title == "Farmers block road over diesel tax"
    assert clean.authors == ("Lena Ortiz",)
    assert clean.body == "MADRID (AP) — " + story
    staff = clean_text("Farmers block road over diesel tax ANA Reporter DURBAN, May 17 (ANA) - "
                       + story)
    assert staff.title == "Farmers block road over diesel tax"
    assert staff.body.startswith("DURBAN, May 17 (ANA) - Farmers blocked")
    # a first sentence of story before a dateline-like phrase is no headline
    told = clean_text("Police said on Monday that the road was open. Officers in MADRID (AP) — "
                      + story)
    assert told.body.startswith("Police said on Monday")
    told = clean_text("Police said on Monday that the road was open. MADRID (AP) — " + story)
    assert told.title is None and told.body.startswith("Police said on Monday")
    # a byline in capitals ends where the city's name begins, however many words it has
    two = clean_text("Farmers block road By LENA ORTIZ and TOM REY NEW YORK (AP) — " + story)
    assert two.authors == ("Lena Ortiz", "Tom Rey")
    assert two.body.startswith("NEW YORK (AP) — Farmers blocked")
    # no dateline: a headline and a byline in capitals, then the story
    bare = clean_text("DIESEL TAX (AP Photo) By LENA ORTIZ " + story)
    assert bare.authors == ("Lena Ortiz",)
    assert bare.body == story
    # capitals that name no person are no byline: the line stays whole
    line = "TRADE UPDATE By AP " + story
    assert clean_text(line).body == line


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


FOCUS_SCRAPE = "\n".join([
    "Storm closes harbour for a second day",
    "",
    "Harbour officials kept the port closed on Tuesday as waves of six metres battered the "
    "breakwater and ferries stayed at their moorings.",
    "Closures so far:",
    "- Ferry terminal",
    "- Fish market",
    "Fishermen said the closure was costing them a week of income, and the town council "
    "promised to help with a relief fund.",
    "Menu", "Weather", "Sports", "Markets", "Video", "Podcasts", "Newsletters", "Obituaries",
    "Classifieds",
    "The harbour master said the port would reopen once the wind dropped below gale force.",
])


def _paragraphs(focus: str) -> list[str]:
    return clean_text(FOCUS_SCRAPE, focus).body.split("\n\n")  # type: ignore[arg-type]


def test_focus_runs_from_precise_to_complete_on_text() -> None:
    precise, balanced, complete = (_paragraphs(f) for f in ("precise", "balanced", "complete"))
    assert "- Ferry terminal" not in precise and "- Ferry terminal" in balanced
    assert set(precise) <= set(balanced) <= set(complete)
    assert any(p.startswith("The harbour master") for p in complete)
    assert not any(p in {"Menu", "Weather", "Video"} for p in complete)


def test_prune_drops_headline_repeats_chrome_and_precise_link_tails() -> None:
    paras = ["Storm closes harbour for a second day", "Harbour officials kept the port closed.",
             "Share this article", "Harbour officials kept the port closed.",
             "Related: Ferries cancelled across the strait", "- Ferries cancelled",
             "- Weather warnings"]
    balanced = prune(paras, "Storm closes harbour for a second day | Coast News")
    assert balanced == ["Harbour officials kept the port closed.", "- Ferries cancelled",
                        "- Weather warnings"]
    assert prune(paras, "Storm closes harbour for a second day", "precise") == [
        "Harbour officials kept the port closed."]
    assert prune(paras, None, "complete")[0] == "Storm closes harbour for a second day"


def test_story_split_into_chunks_is_joined() -> None:
    chunk = '<div class="body chunk">{}</div>'
    first = "".join(f"<p>First part paragraph {i} of the story about the harbour and its boats.</p>"
                    for i in range(3))
    second = "<p>Second part of the story, after an advert, with the harbour master's view.</p>"
    page = (f'<html><body><h1>Harbour</h1><article><div class="grid">{chunk.format(first)}</div>'
            f'<aside>Advert</aside><div class="grid">{chunk.format(second)}</div></article>'
            "</body></html>")
    lines = [f"First part paragraph {i} of the story about the harbour and its boats."
             for i in range(3)]
    tree = lxml_html.fromstring(page)
    assert join_chunks(tree, lines)[-1].startswith("Second part of the story")


def test_title_is_the_headline_not_the_site_and_authors_are_people() -> None:
    page = lxml_html.fromstring(
        '<html><head><title>Harbour closes again | Coast News</title>'
        '<meta property="og:site_name" content="Coast News">'
        '<meta name="author" content="Condé Nast; View all posts by Ana Ruiz; Coast News">'
        "</head><body><h1>Harbour closes again</h1></body></html>")
    meta = PageMeta.read(page)
    assert meta.site_name() == "Coast News"
    assert choose_title(page, meta, "Coast News") == "Harbour closes again"
    assert find_authors(page, meta, "Coast News") == ("Ana Ruiz",)
    assert strip_site("Harbour closes again - Coast News") == "Harbour closes again"


STORY = ("<p>The harbour reopened on Thursday after three days of gales kept the ferries at "
         "their moorings and the fish market shut.</p>"
         "<p>Fishermen said the closure had cost them most of a week's income, and the council "
         "promised a relief fund for the smallest boats.</p>"
         "<p>The harbour master said a new breakwater would be built before next winter, paid "
         "for by the port and the regional government together.</p>")


def test_a_standfirst_set_as_a_heading_before_the_story_is_left_out() -> None:
    page = ("<html><head><title>Harbour reopens</title></head><body><article>"
            "<h1>Harbour reopens</h1><h2>Three days of gales kept the ferries in port and the "
            "market shut.</h2>" + STORY + "<h2>What comes next</h2>" + STORY.replace(
                "harbour", "port") + "</article></body></html>")
    article = extract(Page("h", "h.html", "html", page))
    assert isinstance(article, Article)
    assert article.body.startswith("The harbour reopened"), "the standfirst is not story text"
    assert "What comes next" in article.body, "a subhead inside the story stays"


def test_the_page_story_element_is_preferred_when_the_extractor_takes_more() -> None:
    teasers = "".join(f"<p>Other news number {i} about a quite different matter in another "
                      f"town, told at some length so that it reads like a story.</p>"
                      for i in range(12))
    page = ('<html><body><table><tr><td class="content"><div class="article_body">'
            + STORY + "</div>" + teasers + "</td></tr></table></body></html>")
    tree = lxml_html.fromstring(page)
    assert _story_container(tree) is not None
    article = extract(Page("t", "t.html", "html", page))
    assert isinstance(article, Article)
    assert article.body.startswith("The harbour reopened")
    assert "Other news" not in article.body


def _page(head: str, body: str) -> object:
    return lxml_html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def test_published_day_is_the_one_the_page_shows() -> None:
    ld = ('<script type="application/ld+json">{"@type": "Article", '
          '"datePublished": "2019-03-30T08:00:00Z", "dateModified": "2023-12-19T09:00:00Z"}'
          "</script>")
    story = "<article><h1>Best rain jackets</h1><p>Twelve jackets we tested in the rain.</p>"
    shown_update = _page(ld, f"{story}<p>Updated Dec 19, 2023</p></article>")
    shown_first = _page(ld, f"{story}<p>March 30, 2019</p></article>")
    shown_none = _page(ld, f"{story}</article>")
    for tree, want in ((shown_update, "2023-12-19"), (shown_first, "2019-03-30")):
        assert published_day(tree, PageMeta.read(tree)) == want
    assert published_day(shown_none, PageMeta.read(shown_none)) == "2019-03-30"  # htmldate's
    # a day that only a script or the head writes is not shown
    hidden = _page(ld, f"{story}<script>var d = 'Dec 19, 2023';</script></article>")
    assert published_day(hidden, PageMeta.read(hidden)) == "2019-03-30"
    night = ('<script type="application/ld+json">{"@type": "NewsArticle", '
             '"datePublished": "2023-12-20T01:00:21.174Z"}</script>')
    for shown, want in (("December 19, 2023", "2023-12-19"), ("Dec 20, 2023", "2023-12-20")):
        tree = _page(night, f"{story}<p>Published {shown}</p></article>")
        assert published_day(tree, PageMeta.read(tree)) == want
    # placeholder and impossible stamps are no days (and break nothing)
    junk = ('<script type="application/ld+json">{"@type": "Article", "datePublished": '
            '"0001-01-01T00:00:00Z", "dateModified": "2023-02-30T10:00:00Z"}</script>')
    tree = _page(junk, f"{story}</article>")
    assert published_day(tree, PageMeta.read(tree)) is None


def test_mojibake_is_repaired_and_clean_text_left_as_it_is() -> None:
    from newsmill.extract import repair

    assert repair("the courtâ€™s decision") == "the court’s decision"
    assert repair("â€œwe will go,â€\ufffd he said") == "“we will go,” he said"  # 0x9D lost
    for clean in ("the court’s “decision”", "北京，上海。", "Zürich café"):
        assert repair(clean) == clean
    scrape = SCRAPE.replace("She had held", "Sheâ€™d held")
    article = extract(Page("m", "m.txt", "text", scrape))
    assert isinstance(article, Article) and "She’d held the post" in article.body


def _title(head: str, body: str, site: str | None = None) -> str | None:
    page = lxml_html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    return choose_title(page, PageMeta.read(page), site)


def test_a_label_in_the_headline_is_dropped_when_the_json_ld_headline_has_none() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
          '"What the harbour master saw that night"}</script>')
    og = '<meta property="og:title" content="Opinion | What the harbour master saw that night">'
    h1 = "<h1><span>Opinion</span> What the harbour master saw that night</h1>"
    assert _title(ld + og, h1) == "What the harbour master saw that night"
    # og:title alone, with the site's name and a label after the headline
    og = ('<meta property="og:title" content="Keep the ferries running | Editorial - '
          'Coast News">')
    h1 = "<h1>Opinion | Keep the ferries running | Editorial</h1>"
    assert _title(og, h1, "Coast News") == "Keep the ferries running"


def test_an_h1_the_declared_headline_confirms_wins_over_a_headline_cut_short() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
          '"Harbour closes again after the third storm of the ..."}</script>')
    og = '<meta property="og:title" content="Storm shuts harbour">'
    body = ("<h1>Coast News</h1><h1>Harbour closes again after the third storm of the "
            "winter</h1>")
    assert _title(ld + og, body, "Coast News") == (
        "Harbour closes again after the third storm of the winter")
    # a label is a few words: an h1 much longer than the declared headline is another text
    og = '<meta property="og:title" content="Harbour closes again">'
    body = "<h1>Harbour closes again, and the fishermen of the bay count the cost</h1>"
    assert _title(og, body) == "Harbour closes again, and the fishermen of the bay count the cost"


STORY_PART = ("<p>The harbour reopened on Thursday after three days of gales kept the ferries "
              "at their moorings, the fish market shut and the coast road closed to traffic "
              "between the two villages, the council said in a statement.</p>")


def test_a_box_taken_for_the_story_is_checked_against_the_prose_it_left_out() -> None:
    from types import SimpleNamespace

    from newsmill.extract.html import _check_lost_story

    box = ("<div class='paywall'><p>Subscribe today for full access.</p>"
           "<p>Already a subscriber? Log in.</p></div>")
    parts = "".join(f"<div class='part'><div class='col'>{STORY_PART.replace('Thursday', d)}"
                    "</div></div>" for d in ("Monday", "Tuesday", "Wednesday", "Thursday",
                                             "Friday", "Saturday"))
    tree = lxml_html.fromstring(f"<html><body>{box}<article>{parts}</article></body></html>")
    chosen = SimpleNamespace(text="Subscribe today for full access.\nAlready a subscriber? Log in.")
    checked = _check_lost_story(tree, chosen, None, "balanced")
    assert "three days of gales" in checked.text and "Subscribe" not in checked.text
    # a short story of prose beside a longer block is the story, and is kept
    story = SimpleNamespace(text=" ".join(["The mayor opened the new bridge on Friday."] * 12))
    assert _check_lost_story(tree, story, None, "balanced") is story


def test_a_dropped_lead_paragraph_is_put_back_but_not_a_caption() -> None:
    from newsmill.extract.html import restore_lead

    lead = ("Three people died in clashes between protesters and soldiers near a fuel plant "
            "on Tuesday, the public defender's office said.")
    first = ("In addition to the three deaths, the office said another 30 people had been "
             "injured in the clashes, some of them seriously.")
    page = lxml_html.fromstring(
        f"<html><body><h1>Clashes</h1><div class='article__text'><p><b>{lead}</b></p>"
        f"<p>By Ana Ruiz</p><p>{first}</p><p>More text.</p></div></body></html>")
    assert restore_lead(page, [first, "More text."]) == [lead, first, "More text."]
    caption = ("Soldiers stand guard outside the fuel plant near the city of El Alto on "
               "Tuesday, November 19, 2019. (AP Photo/Natacha Pisarenko)")
    page = lxml_html.fromstring(
        f"<html><body><div><p>{lead}</p><h2>What happened</h2><p>{caption}</p><p>{first}</p>"
        "</div></body></html>")
    assert restore_lead(page, [first]) == [first]  # a caption, then a heading: no lead
    page = lxml_html.fromstring(  # a standfirst in its own container is left out, as ever
        f"<html><body><div class='summary'><p>{lead}</p></div><div><p>{first}</p></div>"
        "</body></html>")
    assert restore_lead(page, [first]) == [first]
