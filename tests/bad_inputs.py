"""A catalogue of bad inputs, each with what newsmill must make of it: stored (decoded, made
safe) or skipped with a reason naming the input. ``tests/test_bad_inputs.py`` runs it;
``benchmarks/faults.py`` counts it."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

STORY = ("<html><head><title>Council votes on the harbour plan</title></head><body><article>"
         "<h1>Council votes on the harbour plan</h1>"
         "<p>The city council voted on Tuesday to approve a new plan for the old harbour, after "
         "a debate that lasted more than six hours and drew a large crowd of residents.</p>"
         "<p>Supporters said the plan would bring new homes and jobs to the waterfront, while "
         "opponents warned that rents in the area would rise sharply within a few years.</p>"
         "</article></body></html>")
TEXT = ("Harbour plan approved\n\nThe city council voted on Tuesday to approve a new plan for "
        "the old harbour, after a debate that lasted more than six hours.\n\nSupporters said "
        "the plan would bring new homes and jobs to the waterfront.\n")
CAFE = ("Le café du port ferme\n\nLes propriétaires du café ont décidé de fermer le marché "
        "pendant deux ans, après que des ingénieurs ont trouvé que la jetée était pourrie. "
        "Les commerçants déménageront dans une salle près de la gare.\n")
RUSSIAN = ("Новости Москвы\n\nГородской совет в понедельник проголосовал за закрытие старого "
           "рыбного рынка на два года ремонта, после того как инженеры обнаружили, что причал "
           "под ним прогнил. Торговцы переедут во временный зал у автовокзала.\n")


WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
         "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo",
         "sierra", "tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu", "harbour",
         "council", "market", "bridge", "river", "tower", "station", "garden", "library"]


def story(n: int) -> str:
    """A distinct story (near-duplicates of one another would be linked, not stored anew)."""
    words = random.Random(n).sample(WORDS, 30)
    return STORY.replace("six hours", " ".join(words))


def _noise(n: int) -> bytes:
    rng = random.Random(5)
    return bytes(rng.randrange(1, 256) for _ in range(n))


Expect = tuple[str, ...]  # ("stored", id), ("dated", id, ISO day or ""),
# or ("skipped", source name or its start, a phrase of the reason)
Make = Callable[[Path], list[Expect]]


@dataclass(frozen=True)
class Kind:
    name: str
    make: Make


def _file(name: str, data: bytes | str, expect: Expect) -> Make:
    def make(folder: Path) -> list[Expect]:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return [expect]
    return make


def _jsonl(name: str, lines: list[str | bytes], expects: list[Expect]) -> Make:
    """A JSON Lines file whose first line is a good record (stored) and the rest bad."""
    def make(folder: Path) -> list[Expect]:
        good = json.dumps({"id": f"{name}-good", "html": story(hash(name) % 1000)})
        raw = [good.encode()] + [x.encode("utf-8", "surrogatepass") if isinstance(x, str)
                                 else x for x in lines]
        (folder / f"{name}.jsonl").write_bytes(b"\n".join(raw) + b"\n")
        return [("stored", f"{name}-good"), *expects]
    return make


def _line(name: str, line: str | bytes, phrase: str) -> Kind:
    return Kind(name, _jsonl(name, [line], [("skipped", f"{name}.jsonl:2", phrase)]))


def _weird_name(raw: bytes, n: int) -> Make:
    def make(folder: Path) -> list[Expect]:
        path = os.fsencode(folder) + b"/" + raw
        with open(path, "wb") as f:
            f.write(story(n).encode())
        shown = raw.decode("utf-8", "backslashreplace").removesuffix(".html")
        return [("stored", shown)]
    return make


def _gzip_bomb(folder: Path) -> list[Expect]:
    with gzip.open(folder / "bomb.html.gz", "wb", compresslevel=9) as f:
        block = b" " * (1 << 20)
        for _ in range(70):  # 70 MB unpacked, about 70 KB packed
            f.write(block)
    return [("skipped", "bomb.html.gz", "unpacked, it is over the 50 MB limit")]


def _blank_bomb(folder: Path) -> list[Expect]:
    with gzip.open(folder / "blank-bomb.jsonl.gz", "wb", compresslevel=9) as f:
        f.write(json.dumps({"id": "before-blanks", "html": story(900)}).encode() + b"\n")
        block = b"\n" * (1 << 20)
        for _ in range(60):
            f.write(block)
        f.write(json.dumps({"id": "after-blanks", "html": story(901)}).encode() + b"\n")
    return [("stored", "before-blanks"),
            ("skipped", "blank-bomb.jsonl.gz:2", "blank lines with no record")]


def _long_line(folder: Path) -> list[Expect]:
    with (folder / "long-line.jsonl").open("wb") as f:
        f.write(b'{"id": "long", "html": "' + b"x" * (51 * 1024 * 1024) + b'"}\n')
        f.write(json.dumps({"id": "after-long", "html": story(902)}).encode() + b"\n")
    return [("skipped", "long-line.jsonl:1", "over the 50 MB limit"), ("stored", "after-long")]


def _sparse(folder: Path) -> list[Expect]:
    with (folder / "huge.html").open("wb") as f:
        f.truncate(200 * 1024 * 1024)
    return [("skipped", "huge.html", "200 MB is over the 50 MB limit")]


def _truncated(folder: Path) -> list[Expect]:
    blob = gzip.compress(STORY.encode() * 20)
    (folder / "truncated.html.gz").write_bytes(blob[: len(blob) // 2])
    return [("skipped", "truncated.html.gz", "gzip stream is truncated or corrupt")]


def _truncated_jsonl(folder: Path) -> list[Expect]:
    lines = [json.dumps({"id": f"tr-{n}", "html": story(910 + n)}) for n in range(3)]
    blob = gzip.compress(("\n".join(lines) + "\n").encode(), compresslevel=1)
    (folder / "truncated-feed.jsonl.gz").write_bytes(blob[: int(len(blob) * 0.9)])
    return [("stored", "tr-0"), ("skipped", "truncated-feed.jsonl.gz:", "truncated")]


def _dangling(folder: Path) -> list[Expect]:
    (folder / "dangling.html").symlink_to(folder / "nowhere.html")
    return [("skipped", "dangling.html", "cannot be read")]


def _fifo(folder: Path) -> list[Expect]:
    os.mkfifo(folder / "pipe.html")
    return [("skipped", "pipe.html", "not a regular file")]


def _dup_ids(folder: Path) -> list[Expect]:
    lines = [json.dumps({"id": "twin", "html": story(920)}),
             json.dumps({"id": "twin", "html": story(921)})]
    (folder / "twins.jsonl").write_text("\n".join(lines) + "\n")
    return [("stored", "twin"), ("skipped", "twins.jsonl:2", "id 'twin' is already used")]


def _date(name: str, value: object, day: str | None) -> Kind:
    line = json.dumps({"id": name, "html": story(len(name) * 7 + 3), "published": value})
    return Kind(name, _jsonl(name, [line], [("dated", name, day or "")]))


SURROGATE = '"\\ud83d"'  # half of an emoji, as JSON writes it

KINDS: list[Kind] = [
    # ---- files ----
    Kind("binary PNG named .html", _file("binary.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
                                         + bytes(range(256)) * 4,
                                         ("skipped", "binary.html", "looks like a binary"))),
    Kind("random bytes, no NUL", _file("noise.txt", _noise(4000),
                                       ("skipped", "noise.txt", "binary"))),
    Kind("high bytes that are no text", _file("high.txt", bytes([0xA0, 0x81, 0x8D]) * 1000,
                                              ("skipped", "high.txt", "no encoding can be told"))),
    Kind("empty file", _file("empty.txt", b"", ("skipped", "empty.txt", "the file is empty"))),
    Kind("blank file", _file("blank.html", b" \n\t\r\n  ",
                             ("skipped", "blank.html", "the file is empty"))),
    Kind("BOM only", _file("bom-only.txt", codecs.BOM_UTF16_LE,
                           ("skipped", "bom-only.txt", "the file is empty"))),
    Kind("truncated gzip", _truncated),
    Kind("not gzip, named .gz", _file("fake.html.gz", STORY.encode(),
                                      ("skipped", "fake.html.gz", "truncated or corrupt"))),
    Kind("gzip with trailing garbage", _file("trailing.html.gz",
                                             gzip.compress(story(1).encode()) + b"garbage",
                                             ("stored", "trailing"))),
    Kind("empty gzip", _file("nothing.html.gz", gzip.compress(b""),
                             ("skipped", "nothing.html.gz", "the file is empty"))),
    Kind("gzip bomb, one page", _gzip_bomb),
    Kind("huge sparse file", _sparse),
    Kind("unsupported suffix", _file("photo.png", b"\x89PNG",
                                     ("skipped", "photo.png", "unsupported file type"))),
    Kind("PDF", _file("paper.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
                      ("skipped", "paper.pdf", "unsupported file type"))),
    Kind("no suffix", _file("README", b"read me", ("skipped", "README", "unsupported"))),
    Kind("HTML with no article", _file("nav.html", "<html><body><nav><a href='/'>Home</a></nav>"
                                       "</body></html>",
                                       ("skipped", "nav.html", "no article text found"))),
    Kind("HTML of scripts only", _file("scripts.html", "<html><body><script>var a = 1;"
                                       "</script></body></html>",
                                       ("skipped", "scripts.html", "no article text found"))),
    Kind("markup nested 100,000 deep", _file("deep.html", "<div>" * 100_000 + STORY,
                                             ("skipped", "deep.html", "no article text"))),
    Kind("UTF-16 LE with BOM", _file("u16le.html", codecs.BOM_UTF16_LE
                                     + story(2).encode("utf-16-le"), ("stored", "u16le"))),
    Kind("UTF-16 BE with BOM", _file("u16be.html", codecs.BOM_UTF16_BE
                                     + story(3).encode("utf-16-be"), ("stored", "u16be"))),
    Kind("UTF-16 LE, no BOM", _file("u16nobom.html", story(4).encode("utf-16-le"),
                                    ("stored", "u16nobom"))),
    Kind("UTF-16 BE, no BOM", _file("u16benobom.txt", TEXT.replace("Tuesday", "Friday")
                                    .encode("utf-16-be"), ("stored", "u16benobom"))),
    Kind("UTF-32 with BOM", _file("u32.html", codecs.BOM_UTF32_LE
                                  + story(5).encode("utf-32-le"), ("stored", "u32"))),
    Kind("UTF-8 with BOM", _file("u8bom.html", codecs.BOM_UTF8 + story(6).encode(),
                                 ("stored", "u8bom"))),
    Kind("Windows-1252, undeclared", _file("cp1252.txt", CAFE.encode("cp1252"),
                                           ("stored", "cp1252"))),
    Kind("KOI8-R, undeclared", _file("koi8.txt", RUSSIAN.encode("koi8-r"), ("stored", "koi8"))),
    Kind("Latin-1, declared", _file("latin.html", story(7).replace(
        "<head>", '<head><meta charset="iso-8859-1">').replace("harbour", "caf\xe9")
        .encode("latin-1"), ("stored", "latin"))),
    Kind("bogus charset declared", _file("bogus.html", story(8).replace(
        "<head>", '<head><meta charset="no-such-charset">').replace("harbour", "caf\xe9")
        .encode("cp1252"), ("stored", "bogus"))),
    Kind("UTF-8 with a stray byte", _file("stray.html", story(9).replace(
        "harbour", "café").encode().replace(b"six", b"s\xffix"), ("stored", "stray"))),
    Kind("a NUL inside text", _file("nul.html", story(10).replace("Tuesday", "Tues\x00day"),
                                    ("stored", "nul"))),
    Kind("terminal escapes in text", _file("escapes.html", story(11).replace(
        "Tuesday", "\x1b[31mTuesday\x1b]8;;http://x\x1b\\"), ("stored", "escapes"))),
    Kind("file name not UTF-8", _weird_name(b"caf\xe9-name.html", 12)),
    Kind("file name with escapes", _weird_name(b"esc\x1b[2J-name.html", 13)),
    Kind("file name with a newline", _weird_name(b"two\nlines.html", 14)),
    Kind("broken symlink", _dangling),
    Kind("named pipe", _fifo),
    # ---- JSON Lines ----
    _line("malformed-json", '{"id": "broken", "html": "<p>no closing', "not valid JSON"),
    _line("json-array", '["not", "an", "object"]', "found a JSON list"),
    _line("json-string", '"just a string"', "found a JSON str"),
    _line("no-id", json.dumps({"html": STORY}), 'no "id"'),
    _line("empty-id", json.dumps({"id": " ", "html": STORY}), 'no "id"'),
    _line("null-id", json.dumps({"id": None, "html": STORY}), 'no "id"'),
    _line("bool-id", json.dumps({"id": True, "html": STORY}), 'no "id"'),
    _line("huge-id", json.dumps({"id": "i" * 5000, "html": STORY}), "at most 1,000"),
    _line("html-not-string", json.dumps({"id": "n1", "html": 42}), 'no string "html"'),
    _line("empty-body", json.dumps({"id": "n2", "text": "   "}), "empty"),
    _line("nested-deep", "[" * 100_000 + "]" * 100_000, "not valid JSON"),
    _line("huge-number", '{"id": "n3", "html": "x", "n": ' + "9" * 5000 + "}", "not valid JSON"),
    _line("bad-utf8-line", b'{"id": "n4", "html": "caf\xe9"}', "not valid JSON"),
    Kind("lone surrogate in id", _jsonl("surrogate-id", [
        '{"id": "half-' + SURROGATE[1:-1] + '", "html": ' + json.dumps(story(30)) + "}"],
        [("stored", "half-\\ud83d")])),
    Kind("lone surrogate in url", _jsonl("surrogate-url", [
        '{"id": "su", "url": "https://x.org/' + SURROGATE[1:-1] + '", "html": '
        + json.dumps(story(31)) + "}"], [("stored", "su")])),
    Kind("lone surrogate in body", _jsonl("surrogate-body", [
        '{"id": "sb", "html": ' + json.dumps(story(32)).replace("Tuesday", "Tue" + SURROGATE[1:-1])
        + "}"], [("stored", "sb")])),
    Kind("escapes in id and url", _jsonl("escape-id", [json.dumps(
        {"id": "e\x1b[2Jx", "url": "http://x/\x1b]8;;evil\x07", "html": story(33)})],
        [("stored", "e\x1b[2Jx")])),
    _date("date-rfc2822", "Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
    _date("date-written", "March 5, 2024", "2024-03-05"),
    _date("date-numeric", "05/03/2024", "2024-05-03"),
    _date("date-iso-zone", "2024-03-05T23:30:00-05:00", "2024-03-05"),
    _date("date-epoch", 1709632800, "2024-03-05"),
    _date("date-nonsense", "soon", None),
    Kind("CRLF line ends", lambda folder: (folder / "crlf.jsonl").write_bytes(
        json.dumps({"id": "crlf", "html": story(40)}).encode() + b"\r\n\r\n") and [
        ("stored", "crlf")]),
    Kind("JSON Lines with a BOM", lambda folder: (folder / "bom.jsonl").write_bytes(
        codecs.BOM_UTF8 + json.dumps({"id": "bomline", "html": story(41)}).encode() + b"\n")
        and [("stored", "bomline")]),
    Kind("blank-line bomb, gzipped", _blank_bomb),
    Kind("line over the limit", _long_line),
    Kind("truncated JSON Lines gzip", _truncated_jsonl),
    Kind("one id, two contents", _dup_ids),
]
