"""The listing commands (search, quotes, events, stats) as a new user meets them: nothing cut
short silently, bad parameters refused with the fix, --json and --csv everywhere, and ids
whole in a table, piped or not."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rich.console import Console
from serving import make_store

from newsmill.records import Actor, Article, Document, Event, Statement
from newsmill.serve import listing
from newsmill.serve.cli import main

LONG_ID = "a-story-with-a-very-long-identifier-that-a-narrow-table-would-fold-over-lines"
MANY = 130  # more than any table's default


def _many() -> list[Document]:
    body = " ".join(f"Police arrested protester number {i} in Nairobi." for i in range(MANY))
    events, statements = [], []
    start = 0
    for i in range(MANY):
        sentence = f"Police arrested protester number {i} in Nairobi."
        start = body.index(sentence, start)
        events.append(Event("COERCE", sentence, start, start + len(sentence), mode="arrest",
                            date="2019-06-09", actors=(Actor("police", "KEN", "COP"),)))
        statements.append(Statement(sentence, start, start + len(sentence), "indirect",
                                    speaker="Jane Wanjiru", cue="said"))
    article = Article(LONG_ID, "x.txt", "text", body, title="Arrests in Nairobi",
                      published="2019-06-10", language="en", content_hash="m", page_hash="m")
    return [Document(article, events=tuple(events), statements=tuple(statements))]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return make_store(tmp_path / "many.db", _many())


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_json_gives_every_event_and_statement_unless_limited(db: Path) -> None:
    for command in ("events", "quotes"):
        every = _run(command, "--db", str(db), "--json")
        assert every.exit_code == 0, every.output
        assert len(every.stdout.splitlines()) == MANY, command  # was cut at 100 and 50
        five = _run(command, "--db", str(db), "--json", "--limit", "5")
        assert len(five.stdout.splitlines()) == 5
        unlimited = _run(command, "--db", str(db), "--limit", "0")
        assert len(unlimited.stdout.splitlines()) == MANY + 1  # a header and every row


def test_a_table_says_when_it_shows_only_part_of_the_list(db: Path) -> None:
    result = _run("events", "--db", str(db))
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 101  # a header and the first 100
    assert "--limit 0" in result.stderr


def test_csv_on_every_listing_command(db: Path) -> None:
    for args in (["events"], ["quotes"], ["search", "Nairobi"]):
        result = _run(*args, "--db", str(db), "--csv")
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert rows, args
        assert all((r.get("article") or r["id"]).startswith(LONG_ID) for r in rows)
    stats = json.loads(_run("stats", "--db", str(db), "--json").stdout)
    assert (stats["articles"], stats["events"], stats["not_analysed"]) == (1, MANY, 0)


def test_piped_tables_keep_ids_whole_one_row_a_line(db: Path) -> None:
    result = _run("events", "--db", str(db), "--limit", "3")
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[0] == "id"
    assert [ln.split("\t")[0] for ln in lines[1:]] == [f"{LONG_ID}-{i}" for i in range(3)]


def test_a_terminal_table_never_wraps_an_id() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=100)
    columns: list[listing.Column[str]] = [listing.Column("id", lambda s: s, key=True),
                                          listing.Column("text", lambda s: "words " * 40)]
    listing.print_list([LONG_ID], columns, "table", lambda s: {}, console)
    assert LONG_ID in console.file.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize(("args", "words"), [
    (["events", "--since", "yesterday"], "write it YYYY-MM-DD"),
    (["events", "--since", "2019-13-45"], "month must be in 1..12"),
    (["events", "--country", "Iran"], "use an ISO 3166-1 alpha-3 code such as IRN"),
    (["events", "--type", "RIOT"], "PROTEST"),
    (["events", "--language", "English"], "ISO 639-1"),
    (["quotes", "--until", "2019-02-30"], "day is out of range"),
    (["quotes", "--kind", "shouted"], "direct"),
    (["search", '"unbalanced'], "not a valid full-text query"),
    (["search", "police AND"], "not a valid full-text query"),
    (["events", "--json", "--csv"], "not both"),
])
def test_bad_parameters_are_errors_that_say_the_fix(db: Path, args: list[str],
                                                    words: str) -> None:
    result = _run(*args, "--db", str(db))
    assert result.exit_code == 2, result.output
    assert words in result.output
    assert "no event matches" not in result.output and "no article" not in result.output


def test_plain_words_with_punctuation_are_searched_as_words(db: Path) -> None:
    for query in ("Nairobi.", "number-1", "police's"):
        result = _run("search", query, "--db", str(db))
        assert result.exit_code == 0, (query, result.output)


def test_a_limit_of_zero_means_no_limit_and_a_negative_one_is_refused(db: Path) -> None:
    assert _run("quotes", "--db", str(db), "--limit", "-1").exit_code == 2
