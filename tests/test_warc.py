"""WARC archives, written here with warcio from the bundled examples."""

from __future__ import annotations

import gzip
import json
from io import BytesIO
from pathlib import Path

import pytest
from conftest import EXAMPLES
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsmill.ingest.sources import Sources
from newsmill.ingest.urls import url_id
from newsmill.ingest.warc import read_warc
from newsmill.records import Page, Skipped
from newsmill.run import default_pipeline, run
from newsmill.store import Store


def example_pages() -> list[tuple[str, bytes]]:
    """(url, html) of the bundled example pages."""
    pages = [("https://example.org/nl/dutch-farmers-protest",
              (EXAMPLES / "dutch-farmers-protest.html").read_bytes())]
    for line in (EXAMPLES / "wire-feed.jsonl").read_text().splitlines():
        record = json.loads(line)
        if "html" in record:
            pages.append((record.get("url") or f"https://example.org/{record['id']}",
                          record["html"].encode()))
    return pages


def write_warc(path: Path, pages: list[tuple[str, bytes]], *, extras: bool = True,
               gz: bool = True) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for n, (url, body) in enumerate(pages):
            if extras:
                request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")],
                                           is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request",
                                                              http_headers=request))
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": f"2024-03-0{n + 1}T10:00:00Z"}))
        if extras:
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], "HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                "https://example.org/logo.png", "response", payload=BytesIO(b"\x89PNG..."),
                http_headers=image))
            moved = StatusAndHeaders("301 Moved", [("Location", "https://example.org/")],
                                     "HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                "https://example.org/old", "response", payload=BytesIO(b""),
                http_headers=moved))


@pytest.mark.parametrize("gz", [True, False])
def test_response_records_of_html_pages_become_pages(tmp_path: Path, gz: bool) -> None:
    pages = example_pages()
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, pages, gz=gz)
    passed: dict[str, int] = {}
    from collections import Counter

    counter: Counter[str] = Counter()
    got = list(read_warc(path, 10_000_000, counter))
    passed = dict(counter)
    assert all(isinstance(p, Page) for p in got)
    assert [p.url for p in got] == [u for u, _ in pages]  # type: ignore[union-attr]
    assert [p.id for p in got] == [url_id(u) for u, _ in pages]
    assert got[0].fetched == "2024-03-01T10:00:00Z"  # type: ignore[union-attr]
    assert got[0].content.encode() == pages[0][1]  # type: ignore[union-attr]
    assert passed == {"warcinfo": 1, "request": len(pages), "response image/png": 1,
                      "response 301": 1}


def test_a_truncated_warc_keeps_the_pages_before_the_damage(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, example_pages(), extras=False)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[:int(len(data) * 0.7)])
    got = list(read_warc(cut, 10_000_000))
    pages = [p for p in got if isinstance(p, Page)]
    assert 1 <= len(pages) < len(example_pages())
    assert isinstance(got[-1], Skipped)
    assert "truncated or corrupt" in got[-1].reason and str(cut) in got[-1].reason


@pytest.mark.parametrize("content", [b"this is no WARC at all\n" * 50,
                                     gzip.compress(b"WARC/1.0\r\nnonsense\r\n\r\n"),
                                     b"\x1f\x8b\x08\x00garbage"])
def test_a_corrupt_warc_is_skipped_with_its_reason(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(content)
    got = list(read_warc(path, 10_000_000))
    assert len(got) == 1 and isinstance(got[0], Skipped)
    assert "WARC archive is truncated or corrupt" in got[0].reason


def test_a_page_over_the_size_cap_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    write_warc(path, [("https://example.org/big", b"<p>" + b"x" * 5000 + b"</p>")],
               extras=False)
    (got,) = list(read_warc(path, 1000))
    assert isinstance(got, Skipped) and "limit" in got.reason


def test_warc_files_and_folders_are_ingested_once(tmp_path: Path) -> None:
    folder = tmp_path / "crawls"
    folder.mkdir()
    write_warc(folder / "a.warc.gz", example_pages()[:2])
    write_warc(folder / "b.warc", example_pages()[2:], gz=False)
    write_warc(folder / "again.warc.gz", example_pages()[:1])  # a second capture
    store = Store(tmp_path / "s.db")
    pipeline = default_pipeline(nlp=False)
    first = run([folder], store, pipeline=pipeline)
    assert first.stored == len(example_pages())
    assert first.unchanged == 1 and not first.skipped
    assert first.passed_over["request"] == len(example_pages()) + 1
    assert first.exit_code == 0
    doc = store.get(url_id(example_pages()[0][0]))
    assert doc is not None and doc.article.fetched_url == example_pages()[0][0]
    assert doc.article.fetched == "2024-03-01T10:00:00Z"
    again = run([folder], store, pipeline=pipeline)
    assert again.stored == 0 and again.unchanged == len(example_pages()) + 1


def test_sources_read_warc_beside_other_inputs(tmp_path: Path) -> None:
    write_warc(tmp_path / "c.warc.gz", example_pages()[:1])
    reader = Sources()
    got = list(reader.read([str(tmp_path / "c.warc.gz"),
                            str(EXAMPLES / "santiago-fare-protest.txt")]))
    assert [type(p).__name__ for p in got] == ["Page", "Page"]
    assert reader.tally.passed_over["request"] == 1
