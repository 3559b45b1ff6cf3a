"""Shared fixtures. Reference data is read from ../shared beside the repository; tests that
need it skip, saying why, when it is absent."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import Server, pg_url, postgres  # noqa: F401  (fixtures)
from tests.webserver import WebServer

# `newsmill ingest` runs the stages on every core unless told otherwise; the tests' many
# small ingests run in one process (a pool costs a model load per worker), and the tests of
# workers say --workers (or workers=) themselves.
os.environ.setdefault("NEWSMILL_WORKERS", "1")

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSMILL_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"reference data {path} is absent (clone ../shared beside the repo or set "
                    "NEWSMILL_SHARED)")
    return path


def score(scorer: str, gold: Path, pred: Path) -> dict[str, float]:
    """Run one of ../shared/eval's scorers and return its closing JSON line."""
    import json

    script = shared_path("eval", scorer)
    result = subprocess.run([sys.executable, str(script), str(gold), str(pred)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["NEWSMILL_DB"] = str(tmp_path / "cli.db")
    env["COLUMNS"] = "200"
    return env


@pytest.fixture
def web() -> Iterator[WebServer]:
    """A real HTTP server on 127.0.0.1, stopped after the test."""
    server = WebServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_at(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a test's store lives, once for each backend: a SQLite file's path, or the URL of a
    fresh database on the tests' private PostgreSQL server (``tests/postgres.py``)."""
    if request.param == "sqlite":
        yield str(tmp_path / "s.db")
        return
    server: Server = request.getfixturevalue("postgres")
    name = server.create_database()
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)
