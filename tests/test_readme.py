"""The README's Python example runs, as written, on the store `bash scripts/demo` makes."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

from newsmill.run import run
from newsmill.store import Store


def _python_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## From Python"):]
    found = re.search(r"```python\n(.*?)```", section, re.S)
    assert found, "the README's From Python section has no example"
    return found.group(1)


def test_the_readme_opens_with_what_newsmill_does_today() -> None:
    opening = (ROOT / "README.md").read_text(encoding="utf-8").split("## ")[0]
    assert "who said" in opening and "PLOVER" in opening
    assert "next stages" not in opening


@pytest.mark.slow
def test_the_readme_python_example_works_on_the_demo_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(EXAMPLES)
    with Store("newsmill.db") as store:  # what scripts/demo does: newsmill ingest examples/
        assert run(["examples/"], store).stored == 4
    printed = io.StringIO()
    with redirect_stdout(printed):
        exec(compile(_python_example(), "README.md", "exec"), {})
    out = printed.getvalue()
    assert "Andres Chadwick" in out
    assert "london-climate-arrests-0" in out  # an arrest, listed by the paged reads
    assert "Dutch farmers drive tractors into The Hague" in out  # analyse, in memory
    assert out.rstrip().splitlines()[-1] == "1 0 0"  # the record stored, nothing skipped
