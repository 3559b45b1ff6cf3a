"""The command line against hostile data and hostile use: stored text shown as plain text,
long queries refused, huge numbers, full disks, closed pipes and other applications' files
answered with a message (never a traceback), CSV cells no spreadsheet runs, filters that
are not patterns."""

from __future__ import annotations

import csv
import errno
import io
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsmill.errors import OutputError, QueryError
from newsmill.records import Actor, Article, Document, Event, Place, Skipped, Statement
from newsmill.serve import export
from newsmill.store import Store

HOSTILE = Document(
    Article("evil\x1b[2J\x1b]8;;http://evil.example\x07id", "evil.txt", "text",
            "Body with \x1b[31mred\x1b[0m text and [bold]markup[/bold] and [link=http://x]a "
            "link[/link], and a closing tag [/] alone. Protesters gathered in Almaty.",
            title="=HYPERLINK(\"http://evil.example\",\"click\") [/]",
            published="2024-03-05 [/]", url="http://x/\x1b[8m", publisher="@SUM(A1)",
            content_hash="h", page_hash="p"),
    statements=(Statement("[link=http://evil.example]they said[/link] \x1b[5m", 0, 10,
                          "direct", speaker="[/] Mallory \x1b[1m", role="[red]spy[/red]",
                          cue="said"),),
    events=(Event("PROTEST", "Protesters [/] gathered \x1b[31m", 120, 150, mode="[/]",
                  actors=(Actor("+people [/]", "KAZ", "CVL"),), date="2024-03-04",
                  place=Place("-Almaty [/]", "KAZ", -43.25, 76.91)),),
)


def _cli(*args: str, env: dict[str, str], check_clean: bool = True
         ) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "newsmill.serve.cli", *args], env=env,
                            capture_output=True, text=True, errors="surrogateescape")
    if check_clean:
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode in (0, 1, 2, 3, 4), result  # 3, 4: ingest skipped some, all
    return result


@pytest.fixture
def hostile_db(cli_env: dict[str, str]) -> str:
    db = cli_env["NEWSMILL_DB"]
    with Store(db) as store:
        store.save([HOSTILE, Skipped("odd", "odd\x1b[2J.html", "ingest",
                                     "odd\x1b[2J.html: [/] a reason naming an odd file")])
    return db


# ---- item 5: stored text is printed as plain text, control characters shown -----------------

@pytest.mark.parametrize("args", [
    ("search", "protesters"), ("quotes",), ("quotes", "--speaker", "Mallory"), ("events",),
    ("show", HOSTILE.id), ("stats",),
])
def test_stored_text_reaches_the_terminal_as_plain_text(
        hostile_db: str, cli_env: dict[str, str], args: tuple[str, ...]) -> None:
    result = _cli(*args, env=cli_env)
    assert result.returncode == 0, result.stderr
    shown = result.stdout + result.stderr
    assert "\x1b" not in shown and "\x07" not in shown, "no control character is sent"
    assert "\\x1b" in shown, "control characters are shown as escapes"
    assert "[/]" in shown, "markup in stored text is printed as written"


def test_a_skip_reason_naming_an_odd_input_is_printed_plain(
        tmp_path: Path, cli_env: dict[str, str]) -> None:
    (tmp_path / "x\x1b[2J[b].html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    result = _cli("ingest", "--no-nlp", str(tmp_path), env=cli_env)
    assert result.returncode == 4  # its one input could not be read
    assert "\x1b" not in result.stdout + result.stderr
    assert "x\\x1b[2J[b].html: this looks like a binary file" in result.stderr


# ---- item 6: a query too long is refused, ranking does not grow with it ---------------------

def test_a_query_too_long_is_refused_with_a_message(hostile_db: str) -> None:
    store = Store(hostile_db, readonly=True)
    with pytest.raises(QueryError, match=r"10,000 words.*at most 1,000 words"):
        store.search(" ".join(["protest"] * 10_000))
    assert [h.id for h in store.search(" OR ".join(["gathered"] * 400))] == [HOSTILE.id]


def test_hits_are_ranked_by_a_bounded_number_of_distinct_words() -> None:
    from newsmill.store.search import RANK_TERMS, ranking_query

    assert ranking_query(" OR ".join(["the"] * 500)) == '"the"'
    assert ranking_query('"Climate activists" AND london NOT Paris pre*') == (
        '"climate" OR "activists" OR "london" OR "paris" OR "pre"*')
    many = ranking_query(" ".join(f"w{n}" for n in range(900)))
    assert many is not None and many.count(" OR ") == RANK_TERMS - 1
    assert ranking_query("AND OR NOT") is None


def test_hits_beyond_the_ranking_words_are_still_found(tmp_path: Path) -> None:
    from newsmill.store.search import RANK_TERMS

    store = Store(tmp_path / "s.db")
    store.save([Document(Article(f"a{n}", f"a{n}.txt", "text", f"words here: w{n} and more",
                                 content_hash="h", page_hash=f"p{n}")) for n in range(60)])
    query = " OR ".join(f"w{n}" for n in range(60))
    hits = store.search(query, limit=100)
    assert sorted(h.id for h in hits) == sorted(f"a{n}" for n in range(60))
    assert len(store.search(query, limit=RANK_TERMS + 5)) == RANK_TERMS + 5


def test_search_from_the_command_line_refuses_a_long_query(
        hostile_db: str, cli_env: dict[str, str]) -> None:
    result = _cli("search", " ".join(["word"] * 5000), env=cli_env)
    assert result.returncode == 1 and "at most 1,000 words" in result.stderr


# ---- item 7: messages, not tracebacks ------------------------------------------------------

@pytest.mark.parametrize("args", [
    ("search", "protesters", "--limit", "100000000000000000000"),
    ("quotes", "--limit", "100000000000000000000"),
    ("events", "--limit", "100000000000000000000"),
    ("ingest", "--max-mb", "100000000000000000000", "nothing"),
    ("ingest", "--batch-size", "100000000000000000000", "nothing"),
    ("search", ""), ("search", '"'), ("search", "NOT"), ("search", "*"), ("search", "a:b"),
    ("search", "\x01\x7f"), ("show", ""), ("show", "\x1b[2J"),
    ("events", "--since", "yesterday"), ("events", "--until", "2019-06-01'; DROP TABLE x"),
    ("events", "--country", "%"), ("events", "--country", "K_Z"),
    ("quotes", "--speaker", "%"), ("quotes", "--speaker", "_"),
    ("export", "--format", "csv", "-o", "/nonexistent/dir/out.csv"),
    ("export", "-o", "/"),
    ("stats", "--db", "/"), ("stats", "--db", "/etc/passwd"),
    ("stats", "--db", "/dev/null"), ("ingest", "--db", "/nonexistent/x.db", "nothing"),
])
def test_hostile_use_gets_a_message_never_a_traceback(
        hostile_db: str, cli_env: dict[str, str], args: tuple[str, ...]) -> None:
    result = _cli(*args, env=cli_env)
    if result.returncode:
        assert result.stderr.strip(), "a failure says why"


def test_a_huge_limit_means_all_rows(hostile_db: str, cli_env: dict[str, str]) -> None:
    result = _cli("events", "--json", "--limit", "100000000000000000000", env=cli_env)
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 1


def test_exporting_to_a_full_disk_says_so(hostile_db: str, cli_env: dict[str, str]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    result = _cli("export", "--format", "jsonl", "-o", "/dev/full", env=cli_env)
    assert result.returncode == 1
    assert "/dev/full: cannot write the export (No space left on device)" in result.stderr


def test_a_device_error_while_exporting_is_a_message_and_leaves_no_half_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.jsonl"
    real_write = export.write

    def failing(docs: object, fmt: str, out: io.TextIOBase) -> int:
        real_write([HOSTILE], fmt, out)  # type: ignore[arg-type]
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(export, "write", failing)
    with pytest.raises(OutputError, match=r"out\.jsonl: cannot write the export "
                                          r"\(Input/output error\)"):
        export.write_to([HOSTILE], "jsonl", str(target))
    assert list(tmp_path.iterdir()) == [], "neither the file nor its part is left"


def test_a_closed_pipe_ends_an_export_quietly(tmp_path: Path, cli_env: dict[str, str]) -> None:
    db = cli_env["NEWSMILL_DB"]
    with Store(db) as store:
        store.save([Document(Article(f"a{n}", f"a{n}.txt", "text", "word " * 400,
                                     content_hash="h", page_hash=f"p{n}")) for n in range(200)])
    proc = subprocess.Popen([sys.executable, "-m", "newsmill.serve.cli", "export", "--format",
                             "jsonl"], env=cli_env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_another_application_s_database_is_named_not_touched(
        tmp_path: Path, cli_env: dict[str, str]) -> None:
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    con.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")
    con.execute("CREATE TABLE posts (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    before = other.read_bytes()
    for args in (("stats",), ("search", "x"), ("ingest", "--no-nlp", str(tmp_path))):
        result = _cli(*args, "--db", str(other), env=cli_env)
        assert result.returncode == 1
        assert "not a newsmill store" in result.stderr and "posts" in result.stderr
    assert other.read_bytes() == before


# ---- item 11: CSV cells no spreadsheet runs ------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "acled"])
def test_csv_cells_that_start_like_a_formula_are_quoted(fmt: str) -> None:
    out = io.StringIO()
    export.write([HOSTILE], fmt, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    cells = [v for row in rows for v in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")
                and not _number(c)], "no cell starts a formula"
    row = rows[0]
    if fmt == "csv":
        assert row["title"].startswith("'=HYPERLINK(")
        assert row["publisher"] == "'@SUM(A1)"
    else:
        assert row["actor1"] == "'+people [/]" and row["location"] == "'-Almaty [/]"
        assert row["latitude"] == "-43.25", "numbers are written as numbers"


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


# ---- item 12: filters match values, not patterns -------------------------------------------

def test_country_and_day_filters_are_exact_or_refused(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    store.save([HOSTILE])
    assert len(store.events(country="kaz")) == 1
    for pattern in ("%", "K_Z", "%KAZ%", "KAZ'"):
        with pytest.raises(QueryError, match="not a country code"):
            store.events(country=pattern)
    assert store.events(country="RUS") == []
    assert len(store.events(since="2024-03", until="2024-03")) == 1, "a month is all its days"
    assert len(store.events(until="2024")) == 1 and store.events(until="2023") == []
    with pytest.raises(QueryError, match="not a day"):
        store.events(since="2024%")


def test_a_speaker_filter_has_no_wildcards(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    said = (Statement("a", 0, 1, "direct", speaker="Jo_n Smith"),
            Statement("b", 2, 3, "direct", speaker="John Smith"))
    store.save([Document(Article("q", "q.txt", "text", "a b c", content_hash="h",
                                 page_hash="p"), statements=said)])
    assert [h.statement.speaker for h in store.quotes("jo_n")] == ["Jo_n Smith"]
    assert store.quotes("%") == []


def test_an_export_file_gets_the_usual_permissions(hostile_db: str, tmp_path: Path) -> None:
    import os

    target = tmp_path / "out.csv"
    export.write_to(Store(hostile_db, readonly=True).documents(), "csv", str(target))
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert len(target.read_text().splitlines()) == 2


# ---- the listings, limits and event exports of issue 29 under the same rules --------------

def test_a_terminal_table_shows_control_characters_and_markup_as_written() -> None:
    from rich.console import Console

    from newsmill.serve import listing

    console = Console(file=io.StringIO(), force_terminal=True, width=120)
    columns: list[listing.Column[str]] = [
        listing.Column("id", lambda s: s, key=True),
        listing.Column("said", lambda s: "[bold]loud[/bold] \x1b[31mred\x1b[0m", lines=True)]
    listing.print_list(["evil\x1b[2Jid"], columns, "table", lambda s: {}, console)
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b[2J" not in shown and "\x1b[31mred" not in shown
    assert "evil\\x1b[2Jid" in shown and "[bold]loud[/bold]" in shown


def test_listing_csv_cells_that_start_like_a_formula_are_quoted(
        hostile_db: str, cli_env: dict[str, str]) -> None:
    result = _cli("events", "--csv", env=cli_env)
    assert result.returncode == 0, result.stderr
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert row["who"].startswith("'+people") and row["where"].startswith("'-Almaty")
    assert row["day"] == "2024-03-04"


def test_search_refuses_a_query_over_the_lists_bound_with_a_message(
        hostile_db: str, cli_env: dict[str, str]) -> None:
    result = _cli("search", "protesters " * 150, env=cli_env)  # 150 words, 1,650 characters
    assert result.returncode == 1
    assert "at most 1,000 words and 1,000 characters" in result.stderr


@pytest.mark.parametrize("fmt", ["plover", "acled"])
def test_an_event_export_to_a_full_disk_says_so(hostile_db: str, cli_env: dict[str, str],
                                                 fmt: str) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    result = _cli("export", "--format", fmt, "-o", "/dev/full", env=cli_env)
    assert result.returncode == 1
    assert "/dev/full: cannot write the export (No space left on device)" in result.stderr


def test_a_failing_event_export_leaves_no_half_file(
        hostile_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from newsmill.serve.cli import main

    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "events.csv"
    real = export.write_events

    def failing(items: object, fmt: str, out: io.TextIOBase) -> tuple[int, int]:
        real(items, fmt, out)  # type: ignore[arg-type]
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(export, "write_events", failing)
    result = CliRunner().invoke(main, ["export", "--format", "acled", "--db", hostile_db,
                                       "-o", str(target)])
    assert result.exit_code == 1
    assert "events.csv: cannot write the export (Input/output error)" in result.output
    assert list(target.parent.iterdir()) == [], "neither the file nor its part is left"
