"""Reading inputs, and every kind of bad input as a clear message and a Skipped record."""

import gzip
import io
import json
from pathlib import Path

import pytest

from newsmill.ingest import page_id, read_inputs, read_stdin
from newsmill.records import Page, Skipped
from newsmill.run import default_pipeline, run
from newsmill.store import Store

STORY = ("<html><head><title>Council votes on the harbour plan</title></head><body><article>"
         "<h1>Council votes on the harbour plan</h1>"
         "<p>The city council voted on Tuesday to approve a new plan for the old harbour, after "
         "a debate that lasted more than six hours and drew a large crowd of residents.</p>"
         "<p>Supporters said the plan would bring new homes and jobs to the waterfront, while "
         "opponents warned that rents in the area would rise sharply within a few years.</p>"
         "</article></body></html>")


@pytest.mark.parametrize(("name", "expected"), [
    ("a1b2.html.gz", "a1b2"), ("000_3ba45e97169d3520.txt", "000_3ba45e97169d3520"),
    ("story.v2.htm", "story.v2"), ("feed.jsonl", "feed"), ("README", "README"),
])
def test_page_ids_follow_the_eval_format(name: str, expected: str) -> None:
    assert page_id(name) == expected


def test_folders_are_read_recursively_with_gzip(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.html").write_text(STORY)
    with gzip.open(tmp_path / "sub" / "b.html.gz", "wt") as f:
        f.write(STORY)
    (tmp_path / ".hidden.html").write_text(STORY)
    pages = list(read_inputs([tmp_path]))
    assert [p.id for p in pages] == ["a", "b"]
    assert all(isinstance(p, Page) and p.kind == "html" for p in pages)


def test_declared_charset_is_used_when_not_utf8(tmp_path: Path) -> None:
    html = ('<html><head><meta charset="iso-8859-1"></head>'
            "<body><p>Caf\xe9 owners</p></body></html>")
    (tmp_path / "latin.html").write_bytes(html.encode("latin-1"))
    (page,) = read_inputs([tmp_path / "latin.html"])
    assert isinstance(page, Page) and "Café owners" in page.content


def test_jsonl_records_carry_id_url_and_date(tmp_path: Path) -> None:
    lines = [{"id": "r1", "html": STORY, "url": "https://example.org/r1",
              "published": "2020-01-02"},
             {"id": 7, "text": "Some text scrape with words."}]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    r1, r2 = read_inputs([tmp_path / "feed.jsonl"])
    assert isinstance(r1, Page) and (r1.id, r1.kind, r1.url, r1.published) == (
        "r1", "html", "https://example.org/r1", "2020-01-02")
    assert isinstance(r2, Page) and (r2.id, r2.kind) == ("7", "text")


def test_stdin_html_and_jsonl() -> None:
    (page,) = read_stdin(io.BufferedReader(io.BytesIO(STORY.encode())))  # type: ignore[arg-type]
    assert isinstance(page, Page) and page.kind == "html" and page.id.startswith("stdin-")
    line = json.dumps({"id": "s1", "text": "plain words here"}).encode()
    (rec,) = read_stdin(io.BufferedReader(io.BytesIO(line)))  # type: ignore[arg-type]
    assert isinstance(rec, Page) and rec.id == "s1"


# ---- bad input ------------------------------------------------------------------------------

def _write_bad_inputs(folder: Path) -> dict[str, str]:
    """Each bad input, and a phrase its message must contain."""
    folder.mkdir()
    (folder / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    blob = gzip.compress(STORY.encode() * 20)
    (folder / "truncated.html.gz").write_bytes(blob[: len(blob) // 2])
    (folder / "undecodable.txt").write_bytes(bytes([0xA0, 0x81, 0x8D]) * 30)  # no encoding's
    with (folder / "huge.html").open("wb") as f:  # a sparse 200 MB file
        f.truncate(200 * 1024 * 1024)
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "ok-line", "html": STORY.replace("harbour", "river")}) + "\n"
        + '{"id": "broken", "html": "<p>no closing\n'
        + json.dumps({"html": STORY}) + "\n")
    (folder / "notext.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    return {
        "binary.html": "looks like a binary file",
        "empty.txt": "the file is empty",
        "truncated.html.gz": "gzip stream is truncated or corrupt",
        "undecodable.txt": "not valid UTF-8",
        "huge.html": "200 MB is over the 50 MB limit",
        "feed.jsonl:2": "not valid JSON",
        "feed.jsonl:3": 'no "id"',
        "notext.html": "no article text found",
        "photo.png": "unsupported file type",
    }


def test_bad_inputs_are_skipped_with_clear_messages_and_the_batch_goes_on(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    pipeline = default_pipeline(nlp=False)
    good = tmp_path / "good.html"
    good.write_text(STORY)
    assert run([good], store, pipeline=pipeline).stored == 1

    expected = _write_bad_inputs(tmp_path / "bad")
    summary = run([tmp_path / "bad"], store, pipeline=pipeline, batch_size=3)

    reasons = {Path(s.source).name: s.reason for s in summary.skipped}
    assert set(reasons) == set(expected)
    for name, phrase in expected.items():
        assert phrase in reasons[name], (name, reasons[name])
        assert name in reasons[name], "the message names the input"
    stored = {Path(s.source).name: s for s in store.skipped()}
    assert set(stored) == set(expected), "every skipped input is recorded in the store"
    assert stored["notext.html"].stage == "extract"
    assert stored["empty.txt"].stage == "ingest"
    # what was stored before stays, and the good JSON Lines record among the bad is stored
    ids = {d.article.id for d in store.documents()}
    assert ids == {"good", "ok-line"}


def test_missing_path_is_skipped_not_fatal(tmp_path: Path) -> None:
    (rec,) = read_inputs([tmp_path / "nope.html"])
    assert isinstance(rec, Skipped) and "no such file or folder" in rec.reason


def test_duplicate_id_with_other_content_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "story.html").write_text(STORY)
    (tmp_path / "two" / "story.html").write_text(STORY.replace("harbour", "airport"))
    summary = run([tmp_path / "one", tmp_path / "two"], Store(tmp_path / "s.db"),
                  pipeline=default_pipeline(nlp=False))
    assert summary.stored == 1
    (skipped,) = summary.skipped
    assert "id 'story' is already used" in skipped.reason and "rename" in skipped.reason
