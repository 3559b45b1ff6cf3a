"""Reading inputs, and every kind of bad input as a clear message and a Skipped record."""

import codecs
import gzip
import io
import json
from pathlib import Path
from typing import Any

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


def test_a_jsonl_record_gives_its_title_where_the_text_has_none(tmp_path: Path) -> None:
    from newsmill.extract import extract
    from newsmill.records import Article

    body = ("The harbour authority closed the northern pier on Monday after two nights of "
            "storms cracked its concrete deck in several places. Engineers said the repairs "
            "would take at least three weeks and cost about two million.")
    lines = [{"id": "t1", "text": body, "title": " Storm closes the northern pier "},
             {"id": "t2", "text": body, "title": 42}, {"id": "t3", "text": body}]
    (tmp_path / "titled.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    pages = list(read_inputs([tmp_path / "titled.jsonl"]))
    assert [p.title_hint for p in pages if isinstance(p, Page)] == [
        "Storm closes the northern pier", None, None]  # a title that is no string is none
    first = extract(pages[0])  # type: ignore[arg-type]
    assert isinstance(first, Article) and first.title == "Storm closes the northern pier"


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


# ---- values that would break the store are made safe (issue 30, item 2) ---------------------

def test_lone_surrogates_and_names_that_are_not_utf8_are_stored_safely(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/caf\xe9.html", "wb") as f:  # a Latin-1 file name
        f.write(STORY.encode())
    other = STORY.replace("harbour", "airport")
    (folder / "feed.jsonl").write_text(
        '{"id": "half-\\ud83d", "url": "https://x.org/\\udc80", "html": '
        + json.dumps(other).replace("airport", "airport \\ud83d") + "}\n"
        + json.dumps({"id": "after", "html": STORY.replace("harbour", "bridge")}) + "\n")
    store = Store(tmp_path / "s.db")
    summary = run([folder], store, pipeline=default_pipeline(nlp=False))
    assert summary.skipped == [] and summary.stored == 3
    docs = {d.article.id: d.article for d in store.documents()}
    assert set(docs) == {"caf\\xe9", "half-\\ud83d", "after"}
    assert docs["half-\\ud83d"].url == "https://x.org/\\udc80"
    assert "airport \ufffd" in docs["half-\\ud83d"].body
    assert docs["caf\\xe9"].source.endswith("in/caf\\xe9.html")
    again = run([folder], store, pipeline=default_pipeline(nlp=False))
    assert (again.stored, again.unchanged, again.skipped) == (0, 3, [])


def test_a_document_the_database_refuses_is_skipped_alone(tmp_path: Path) -> None:
    from newsmill.records import Article, Document

    def doc(aid: str, body: str) -> Document:
        return Document(Article(aid, f"{aid}.txt", "text", body, content_hash="h",
                                page_hash=aid))

    store = Store(tmp_path / "s.db")
    written = store.write([doc("good-1", "fine"), doc("bad", "a lone \ud800 surrogate"),
                           doc("good-2", "fine too")])
    assert written.added == 2
    (rejected,) = written.rejected
    assert rejected.stage == "store" and "bad.txt" in rejected.reason
    assert {d.article.id for d in store.documents()} == {"good-1", "good-2"}
    assert [s.source for s in store.skipped()] == ["bad.txt"]


# ---- dates are read at ingest (item 3) ------------------------------------------------------

@pytest.mark.parametrize(("value", "day"), [
    ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"), ("March 5, 2024", "2024-03-05"),
    ("05/03/2024", "2024-05-03"), ("25/03/2024", "2024-03-25"), ("05.03.2024", "2024-03-05"),
    ("2024-03-05T23:30:00-05:00", "2024-03-05"), ("2024-03-05T10:00:00Z", "2024-03-05"),
    ("2024-03-05", "2024-03-05"), ("5 March 2024", "2024-03-05"), (1709632800, "2024-03-05"),
    ("1709632800000", "2024-03-05"), ("soon", None), ("2024-13-45", None), ("", None),
])
def test_published_dates_in_common_forms_become_iso_days(
        tmp_path: Path, value: object, day: str | None) -> None:
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "d", "html": STORY, "published": value}) + "\n")
    (page,) = read_inputs([tmp_path / "feed.jsonl"])
    assert isinstance(page, Page) and page.published == day
    assert bool(page.warnings) == (day is None and value != ""), page.warnings
    if page.warnings:
        assert "feed.jsonl:1" in page.warnings[0] and "YYYY-MM-DD" in page.warnings[0]


@pytest.mark.slow
def test_an_article_with_a_written_date_goes_through_the_events_stage(tmp_path: Path) -> None:
    body = ("Police arrested six protesters in Almaty on Sunday, the interior ministry said. "
            "Hundreds of people marched through the city to protest against the election.")
    (tmp_path / "feed.jsonl").write_text("".join(
        json.dumps({"id": f"d{n}", "text": f"Protest in Almaty\n\n{body} ({n})",
                    "published": value}) + "\n"
        for n, value in enumerate(["Tue, 05 Mar 2024 10:00:00 GMT", "March 5, 2024",
                                   "05/03/2024", "next week"])))
    store = Store(tmp_path / "s.db")
    summary = run([tmp_path / "feed.jsonl"], store)
    assert summary.skipped == []
    assert len(summary.warnings) == 1 and "next week" in summary.warnings[0]
    published = {d.article.id: d.article.published for d in store.documents()}
    assert published == {"d0": "2024-03-05", "d1": "2024-03-05", "d2": "2024-05-03", "d3": None}


# ---- what is unpacked is bounded, blank runs cost no call per line (item 4) ------------------

class _CountingStream(io.RawIOBase):
    """A stream that counts the calls made on it."""

    def __init__(self, data: bytes) -> None:
        self.inner = io.BytesIO(data)
        self.calls = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray) -> int:  # type: ignore[override]
        self.calls += 1
        return self.inner.readinto(b)

    def readline(self, size: int | None = -1) -> bytes:
        self.calls += 1
        return self.inner.readline(size)


def test_blank_lines_are_passed_over_by_the_chunk() -> None:
    from newsmill.ingest.files import _jsonl_records

    record = json.dumps({"id": "r", "html": STORY}).encode() + b"\n"
    stream = _CountingStream(record + b"\n" * 2_000_000 + b"  \r\n" * 1000 + record)
    out = list(_jsonl_records(stream, "feed.jsonl", 50 * 1024 * 1024))  # type: ignore[arg-type]
    assert [type(r).__name__ for r in out] == ["Page", "Page"]
    assert out[1].source == f"feed.jsonl:{2 + 2_000_000 + 1000}"
    assert stream.calls < 100, f"{stream.calls} reads for two records"


def test_a_gzip_bomb_of_blank_lines_is_read_no_further_than_max_mb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as f:
        f.write(json.dumps({"id": "first", "html": STORY}).encode() + b"\n")
        for _ in range(30):
            f.write(b"\n" * (1 << 20))
        f.write(json.dumps({"id": "never", "html": STORY}).encode() + b"\n")
    first, stop = read_inputs([path], max_bytes=10 * 1024 * 1024)
    assert isinstance(first, Page) and first.id == "first"
    assert isinstance(stop, Skipped) and stop.source.endswith("bomb.jsonl.gz:2")
    assert "blank lines with no record" in stop.reason and "--max-mb" in stop.reason


def test_a_gzipped_page_is_bounded_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    with gzip.open(path, "wb") as f:
        for _ in range(12):
            f.write(b" " * (1 << 20))
    (rec,) = read_inputs([path], max_bytes=10 * 1024 * 1024)
    assert isinstance(rec, Skipped) and "unpacked, it is over the 10 MB limit" in rec.reason


# ---- UTF-16 and other encodings are decoded before anything is called binary (item 10) ------

@pytest.mark.parametrize("encode", [
    lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
    lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    lambda s: s.encode("utf-16-le"), lambda s: s.encode("utf-16-be"),
    lambda s: codecs.BOM_UTF32_LE + s.encode("utf-32-le"), lambda s: s.encode("utf-32-le"),
    lambda s: s.replace("harbour", "café").encode("cp1252"),
    lambda s: s.replace("harbour", "Привет мир новости Москвы").encode("koi8-r"),
], ids=["utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32-bom", "utf32",
        "cp1252", "koi8-r"])
def test_pages_in_other_encodings_are_decoded(tmp_path: Path, encode: Any) -> None:
    (tmp_path / "page.html").write_bytes(encode(STORY))
    (page,) = read_inputs([tmp_path / "page.html"])
    assert isinstance(page, Page), page
    assert "city council voted on Tuesday" in page.content
