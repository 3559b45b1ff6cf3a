"""The command line: help with examples everywhere, and each verb end to end."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from newsmill.serve.cli import main

COMMANDS = sorted(main.commands)


def test_the_commands_the_issue_names_exist() -> None:
    named = {"ingest", "extract", "export", "search", "show", "stats", "quotes", "events"}
    assert named <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_a_runnable_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"newsmill {command}" in result.output


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsmill.serve.cli", *args], env=env,
                          capture_output=True, text=True)


def test_extract_prints_eval_records(cli_env: dict[str, str]) -> None:
    result = _cli("extract", str(EXAMPLES), env=cli_env)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["id"] for r in records) == [
        "dutch-farmers-protest", "hong-kong-march-text", "london-climate-arrests",
        "santiago-fare-protest"]
    assert all(r["body"] and r["language"] == "en" for r in records)
    assert not Path(cli_env["NEWSMILL_DB"]).exists(), "extract touches no store"


def test_ingest_then_query_the_store(cli_env: dict[str, str], tmp_path: Path) -> None:
    ingest = _cli("ingest", str(EXAMPLES), "--no-nlp", env=cli_env)
    assert ingest.returncode == 0, ingest.stderr
    assert "4 stored" in ingest.stdout

    search = _cli("search", "tractors", env=cli_env)
    assert "dutch-farmers-protest" in search.stdout

    show = _cli("show", "santiago-fare-protest", "--json", env=cli_env)
    assert json.loads(show.stdout)["title"].startswith("Students jump Santiago metro")

    missing = _cli("show", "no-such-id", env=cli_env)
    assert missing.returncode == 1 and "no article with id 'no-such-id'" in missing.stderr

    stats = _cli("stats", env=cli_env)
    assert "articles" in stats.stdout and "4" in stats.stdout

    for fmt in ("eval", "jsonl", "csv"):
        out = tmp_path / f"out.{fmt}"
        result = _cli("export", "--format", fmt, "-o", str(out), env=cli_env)
        assert result.returncode == 0, result.stderr
        lines = out.read_text().splitlines()
        assert len(lines) == (5 if fmt == "csv" else 4)


def test_quotes_and_events_after_a_full_ingest(cli_env: dict[str, str]) -> None:
    assert _cli("ingest", str(EXAMPLES), env=cli_env).returncode == 0
    result = _cli("quotes", "--speaker", "chadwick", "--json", env=cli_env)
    assert result.returncode == 0, result.stderr
    said = [json.loads(line) for line in result.stdout.splitlines()]
    assert said and all(s["speaker"].endswith("Chadwick") for s in said)
    body = json.loads(_cli("show", said[0]["article_id"], "--json", env=cli_env).stdout)["body"]
    assert body[said[0]["start"]:said[0]["end"]] == said[0]["content"]
    nobody = _cli("quotes", "--speaker", "Nobody Known", env=cli_env)
    assert nobody.returncode == 0 and "no statement matches" in nobody.stderr

    found = _cli("events", "--country", "nld", "--json", env=cli_env)
    assert found.returncode == 0, found.stderr
    events = [json.loads(line) for line in found.stdout.splitlines()]
    assert events and all(e["type"] for e in events)
    assert all("NLD" in json.dumps(e) for e in events)
    table = _cli("events", "--type", "COERCE", env=cli_env)
    assert table.returncode == 0 and "COERCE" in table.stdout


def test_querying_a_store_that_does_not_exist_says_how_to_make_one(
        cli_env: dict[str, str]) -> None:
    result = _cli("stats", "--db", "/nonexistent/dir/x.db", env=cli_env)
    assert result.returncode == 1
    assert "no such store" in result.stderr and "newsmill ingest" in result.stderr
