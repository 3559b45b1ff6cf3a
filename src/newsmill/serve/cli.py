"""The ``newsmill`` command: a thin layer over the library, one verb per library call.

Everything printed from the store or from an input goes through ``terminal.plain`` (plain
text, control characters shown, never markup). Every failure is a one-line message and exit
status 1, never a traceback: newsmill's errors, the database's, a full disk or a closed pipe.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from sqlalchemy.exc import SQLAlchemyError

from newsmill import errors
from newsmill.events.lexicon import PLOVER_TYPES
from newsmill.extract import DEFAULT_FOCUS, FOCUSES, Focus
from newsmill.ingest import FetchOptions
from newsmill.ingest.files import DEFAULT_MAX_BYTES
from newsmill.ingest.urls import is_url
from newsmill.records import Actor, Skipped
from newsmill.serve import export
from newsmill.serve.terminal import join, plain, visible
from newsmill.store import DEFAULT_DB, Store

if TYPE_CHECKING:  # the runner loads the pipeline's libraries: only the commands that run it
    from newsmill.run import RunSummary

F = TypeVar("F", bound=Callable[..., Any])
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

MAX_MB = 100_000  # --max-mb: a page of 100 GB is not a page
MAX_BATCH = 10_000
MAX_LIMIT = 2**62  # --limit: larger means every row

db_option = click.option(
    "--db", default=DEFAULT_DB, envvar="NEWSMILL_DB", show_default=True,
    type=click.Path(dir_okay=False), help="SQLite store file (or set NEWSMILL_DB).")
max_mb_option = click.option(
    "--max-mb", default=DEFAULT_MAX_BYTES // errors.MB, show_default=True,
    type=click.IntRange(1, MAX_MB),
    help="Largest page (file, JSON Lines record, fetched page or WARC record) to read, in MB, "
         "unpacked; also the most blank space read between two JSON Lines records.")
EXIT_CODES = """\b
Exit status: 0 when every input was read; 3 when some were skipped (the reasons are
printed and kept: `newsmill stats`); 4 when none could be read; 1 on an error."""


def fetch_options(func: F) -> F:
    """The options of fetching from the web (URLs, feeds, sitemaps)."""
    options = [
        click.option("--contact", envvar="NEWSMILL_CONTACT", metavar="EMAIL_OR_URL",
                     help="How a site's owner can reach you; sent in the User-Agent (or set "
                          "NEWSMILL_CONTACT)."),
        click.option("--allow-private", is_flag=True,
                     help="Also fetch from loopback, private and link-local addresses (your "
                          "own network); refused by default, since feed URLs are untrusted."),
        click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1),
                     help="Seconds to connect, and between two pieces of an answer."),
        click.option("--delay", default=1.0, show_default=True, type=click.FloatRange(0),
                     help="Seconds between two requests to one host (a robots.txt "
                          "Crawl-delay may ask for more)."),
        click.option("--concurrency", default=4, show_default=True, type=click.IntRange(1, 64),
                     help="Requests in flight at once."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _fetch(max_mb: int, contact: str | None, allow_private: bool, timeout: float,
           delay: float, concurrency: int) -> FetchOptions:
    return FetchOptions(max_bytes=max_mb * errors.MB, contact=contact,
                        allow_private=allow_private, timeout=timeout,
                        deadline=max(60.0, 6 * timeout), delay=delay, concurrency=concurrency)


focus_option = click.option(
    "--focus", type=click.Choice(FOCUSES), default=DEFAULT_FOCUS, show_default=True,
    help="From 'precise' (less page chrome, may drop story text) to 'complete' (all the "
         "story, may keep some chrome).")


def limit_option(default: int) -> Callable[[F], F]:
    return click.option("--limit", default=default, show_default=True,
                        type=click.IntRange(1, MAX_LIMIT, clamp=True),
                        help="Most rows to show (a huge number means all).")


def _guarded(func: F) -> F:
    """Turn every failure into a one-line message and exit status 1 (130 when interrupted)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except errors.NewsmillError as exc:
            raise click.ClickException(visible(exc)) from exc
        except SQLAlchemyError as exc:
            detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise click.ClickException(visible(errors.store_read_failed(
                str(kwargs.get("db", DEFAULT_DB)), detail))) from exc
        except BrokenPipeError:  # `newsmill export | head`: the reader has all it wanted
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)
        except KeyboardInterrupt:
            err.print(Text("interrupted: what was stored is kept; run the same command again "
                           "to go on."))
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsmill")
def main() -> None:
    """newsmill: turn raw news pages into a clean, queryable record of articles, entities,
    statements and events.

    \b
    Example:
      newsmill ingest examples/ && newsmill stats
    """


def _count_units(paths: tuple[str, ...]) -> int | None:
    """Pages to expect, when every input is a one-page file (no JSON Lines, no stdin)."""
    from newsmill.ingest.files import iter_files

    if "-" in paths or any(is_url(p) for p in paths):
        return None
    files = list(iter_files(paths))
    several = (".jsonl", ".warc", ".xml", ".rss", ".atom", ".json")
    if any(any(s.lower() in several for s in f.suffixes) for f in files):
        return None
    return len(files)


def _print_summary(summary: RunSummary, db: str) -> None:
    others = (f"{summary.elsewhere} stored by another run at the same time, "
              if summary.elsewhere else "")
    same = (f", {summary.same_story} of them under another URL"
            if summary.same_story else "")
    out.print(join(
        Text(str(summary.processed + summary.known), style="bold"),
        f" inputs in {summary.seconds:.1f} s: ",
        Text(f"{summary.stored} stored", style="green"),
        f" ({summary.duplicates} copies of a story stored before), "
        f"{summary.unchanged + summary.known} already in the store{same}, {others}",
        Text(f"{len(summary.skipped)} skipped", style="yellow"), "  (store: ", plain(db), ")"))
    if summary.listings:
        out.print(f"{summary.listings} feeds and sitemaps read ({summary.not_modified} "
                  f"unchanged since the last read); {summary.known} of their links and the URLs "
                  "given were already stored and not fetched again")
    if summary.passed_over:
        out.print(plain(f"passed over {sum(summary.passed_over.values())} WARC records that "
                        "hold no page: " + ", ".join(
                            f"{k} {v}" for k, v in summary.passed_over.most_common())))
    for warning in summary.warnings[:20]:
        err.print(join(Text("  warning ", style="yellow"), plain(warning)), soft_wrap=True)
    if summary.skipped:
        by_stage = Counter(s.stage for s in summary.skipped)
        out.print("skipped by stage: " + ", ".join(f"{k} {v}" for k, v in sorted(by_stage.items())))
        for s in summary.skipped[:20]:
            err.print(_skipped(s), soft_wrap=True)
        if len(summary.skipped) > 20:
            err.print(join(f"  ... and {len(summary.skipped) - 20} more: `newsmill stats --db ",
                           plain(db), "`"))


def _skipped(s: Skipped) -> Text:
    return join(Text("  skipped", style="yellow"), f" ({s.stage}) ", plain(s.reason))


@main.command(epilog=EXIT_CODES)
@click.argument("paths", nargs=-1)
@click.option("-i", "--input-file", "url_lists", multiple=True, metavar="FILE",
              help="A file of URLs to ingest, one a line (- for standard input).")
@db_option
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, MAX_BATCH),
              help="Pages per batch (one transaction, one spaCy batch).")
@click.option("--nlp/--no-nlp", default=True, show_default=True,
              help="Run the spaCy model (entities, statements and events).")
@max_mb_option
@focus_option
@fetch_options
@_guarded
def ingest(paths: tuple[str, ...], url_lists: tuple[str, ...], db: str, batch_size: int,
           nlp: bool, max_mb: int, focus: Focus, contact: str | None, allow_private: bool,
           timeout: float, delay: float, concurrency: int) -> None:
    """Read pages into the store from files, folders (recursively), - (standard input), URLs,
    RSS/Atom/JSON feeds and sitemaps (by URL or file) and WARC archives.

    Files: .html, .htm, .txt, .jsonl (each possibly gzipped), .warc and .warc.gz, feeds and
    sitemaps as .xml, .xml.gz, .rss, .atom or .json. A feed's or sitemap's links are fetched,
    politely (robots.txt, a delay per host), and never again once stored. Ingesting the same
    input again adds nothing; a killed run can simply be started again; two runs of the same
    inputs at once share the work.

    \b
    Examples:
      newsmill ingest examples/
      newsmill ingest pages/ feed-dump.jsonl.gz crawl.warc.gz --db news.db
      newsmill ingest https://example.org/news/story.html --contact me@example.org
      newsmill ingest -i urls.txt
      newsmill ingest https://example.org/rss.xml https://example.org/news-sitemap.xml
      curl -s https://example.org/story | newsmill ingest -
    """
    from newsmill.run import default_pipeline, run

    if not paths and not url_lists:
        raise click.UsageError("give files, folders, URLs or - (standard input), or -i FILE")
    store = Store(db)
    pipeline = default_pipeline(nlp=nlp, focus=focus)
    total = None if url_lists else _count_units(paths)
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=err,
                  disable=not err.is_terminal) as bar:
        task = bar.add_task("ingesting", total=total)
        summary = run(paths, store, pipeline=pipeline, batch_size=batch_size,
                      max_bytes=max_mb * errors.MB, progress=lambda n: bar.advance(task, n),
                      url_lists=url_lists,
                      fetch=_fetch(max_mb, contact, allow_private, timeout, delay, concurrency))
    store.close()
    _print_summary(summary, db)
    if summary.exit_code:
        sys.exit(summary.exit_code)


@main.command(epilog=EXIT_CODES.replace("every input was read", "it was stopped"))
@click.argument("listings", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True, metavar="INTERVAL",
              help="How often to read the feeds and sitemaps again: 30s, 15m, 2h, 1d.")
@click.option("--rounds", type=click.IntRange(1), help="Stop after this many rounds.")
@db_option
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1),
              help="Pages per batch (one transaction, one spaCy batch).")
@click.option("--nlp/--no-nlp", default=True, show_default=True,
              help="Run the spaCy model (entities, statements and events).")
@max_mb_option
@focus_option
@fetch_options
@_guarded
def follow(listings: tuple[str, ...], every: str, rounds: int | None, db: str,
           batch_size: int, nlp: bool, max_mb: int, focus: Focus, contact: str | None,
           allow_private: bool, timeout: float, delay: float, concurrency: int) -> None:
    """Watch feeds and sitemaps: read them every INTERVAL and ingest what is new, until
    stopped (Ctrl-C or SIGTERM: the batch in hand is stored, nothing is lost).

    Only new links are fetched: a feed unchanged since its last read costs one short answer
    (ETag, Last-Modified), and a URL already stored is never fetched again. One line of
    progress a round.

    \b
    Examples:
      newsmill follow https://example.org/rss.xml --every 15m --contact me@example.org
      newsmill follow https://example.org/news-sitemap.xml feeds/outlet.atom --every 1h
    """
    import signal
    import threading
    import time

    from newsmill.run import default_pipeline
    from newsmill.run.follow import Round, parse_interval
    from newsmill.run.follow import follow as follow_listings

    try:
        seconds = parse_interval(every)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--every") from exc
    stop = threading.Event()
    skipped = 0

    def on_signal(signum: int, _frame: object) -> None:
        err.print(f"stopping after the batch in hand ({signal.Signals(signum).name}; "
                  "again to stop at once)")
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def on_round(r: Round) -> None:
        nonlocal skipped
        s = r.summary
        skipped += len(s.skipped)
        upcoming = time.strftime("%H:%M:%S", time.localtime(r.started + seconds))
        out.print(f"round {r.number} {time.strftime('%H:%M:%S', time.localtime(r.started))}: "
                  f"{s.listings} listings read ({s.not_modified} unchanged), "
                  f"[green]{s.stored} new stored[/], {s.known} known, {s.same_story} "
                  f"same story, [yellow]{len(s.skipped)} skipped[/] in {s.seconds:.1f} s"
                  + ("" if stop.is_set() or (rounds and r.number >= rounds)
                     else f"; next at {upcoming}"), highlight=False)
        for sk in s.skipped[:5]:
            err.print(_skipped(sk), soft_wrap=True)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    store = Store(db)
    try:
        done = follow_listings(
            listings, store, every=seconds, rounds=rounds, stop=stop, batch_size=batch_size,
            pipeline=default_pipeline(nlp=nlp, focus=focus), on_round=on_round,
            fetch=_fetch(max_mb, contact, allow_private, timeout, delay, concurrency))
    finally:
        store.close()
    stored = sum(r.summary.stored for r in done)
    out.print(f"followed {len(listings)} listings for {len(done)} rounds: {stored} stored")
    if skipped:
        sys.exit(3 if stored or any(r.summary.known or r.summary.elsewhere for r in done)
                 else 4)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@max_mb_option
@focus_option
@fetch_options
@_guarded
def extract(paths: tuple[str, ...], max_mb: int, focus: Focus, contact: str | None,
            allow_private: bool, timeout: float, delay: float, concurrency: int) -> None:
    """Print the extracted articles as JSON Lines (evaluation format), touching no store.

    Skipped inputs are reported on standard error.

    \b
    Example:
      newsmill extract examples/ > articles.jsonl
      newsmill extract --focus precise page.html
      newsmill extract https://example.org/news/story.html
    """
    from newsmill.run import extract_only

    fetch = _fetch(max_mb, contact, allow_private, timeout, delay, concurrency)
    for record in extract_only(paths, max_bytes=max_mb * errors.MB, focus=focus, fetch=fetch):
        if isinstance(record, Skipped):
            err.print(_skipped(record), soft_wrap=True)
            continue
        click.echo(json.dumps(export.eval_record(record), ensure_ascii=False))


@main.command(name="export")
@db_option
@click.option("--format", "fmt", type=click.Choice(export.FORMATS), default="eval",
              show_default=True, help="eval: the scorers' format; jsonl: everything; csv: a row "
              "per article; plover: a JSON line per event; acled: a CSV row per event with "
              "ACLED-like columns. In CSV, a cell that would start with = + - @ is written "
              "with a ' before it, so spreadsheets show it instead of running it.")
@click.option("-o", "--output", default="-", type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write (default: standard output); it appears whole or not at all.")
@_guarded
def export_cmd(db: str, fmt: str, output: str) -> None:
    """Write every stored article (with its statements and events), or every event, to a file.

    \b
    Examples:
      newsmill export --format eval -o pred.jsonl
      newsmill export --db news.db --format csv > articles.csv
      newsmill export --format acled -o events.csv
    """
    store = Store(db, readonly=True)
    n = export.write_to(store.documents(), fmt, output)
    what = "events" if fmt in ("plover", "acled") else "articles"
    err.print(Text(f"exported {n} {what} as {fmt}"))


@main.command()
@click.argument("query")
@db_option
@limit_option(20)
@_guarded
def search(query: str, db: str, limit: int) -> None:
    """Full-text search over titles and bodies (SQLite FTS5 syntax: AND, OR, "phrases", pre*).

    A query holds at most 1,000 words.

    \b
    Examples:
      newsmill search protest
      newsmill search '"election commission" AND Kazakhstan' --db news.db
    """
    hits = Store(db, readonly=True).search(query, limit)
    if not hits:
        err.print(join("no article matches ", plain(repr(query))))
        return
    table = Table(show_lines=False)
    table.add_column("id", overflow="fold", min_width=12)
    table.add_column("published", no_wrap=True)
    table.add_column("title", ratio=1)
    table.add_column("snippet", ratio=2)
    for h in hits:
        table.add_row(plain(h.id), plain(h.published), plain(h.title), plain(h.snippet))
    out.print(table)


@main.command()
@click.argument("article_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the whole record as JSON.")
@_guarded
def show(article_id: str, db: str, as_json: bool) -> None:
    """Show one stored article: metadata, body and the entities found in it.

    \b
    Example:
      newsmill show 000_3ba45e97169d3520
    """
    store = Store(db, readonly=True)
    doc = store.get(article_id)
    if doc is None:
        raise click.ClickException(visible(errors.no_such_article(db, article_id)))
    if as_json:
        click.echo(json.dumps(export.full_record(doc), ensure_ascii=False, indent=2))
        return
    a = doc.article
    out.print(plain(a.title or "(no title)", "bold"))
    meta = [("id", a.id), ("source", a.source), ("publisher", a.publisher),
            ("authors", ", ".join(a.authors)), ("published", a.published),
            ("language", a.language), ("url", a.url)]
    for k, v in meta:
        if v:
            out.print(join(Text(f"{k}:", style="dim"), " ", plain(v)))
    out.print()
    out.print(plain(a.body, lines=True))
    if doc.mentions:
        counts = Counter((m.text, m.label) for m in doc.mentions)
        out.print()
        out.print(join(Text("entities:", style="bold"), " ", plain(", ".join(
            f"{t} ({label}{f' x{n}' if n > 1 else ''})"
            for (t, label), n in counts.most_common(30)))))


@main.command()
@click.option("--speaker", help="Words of the speaker's name: 'Tokayev' finds 'Kassym-Jomart "
              "Tokayev' (whole words, case aside; no wildcards).")
@click.option("--kind", type=click.Choice(["direct", "indirect", "mixed", "according_to"]),
              help="Only statements of this kind.")
@db_option
@limit_option(50)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per statement.")
@_guarded
def quotes(speaker: str | None, kind: str | None, db: str, limit: int, as_json: bool) -> None:
    """Who said what: stored statements with their article, date and offsets.

    \b
    Examples:
      newsmill quotes --speaker Tokayev
      newsmill quotes --kind direct --json --db news.db > quotes.jsonl
    """
    hits = Store(db, readonly=True).quotes(speaker, kind, limit)
    if not hits:
        err.print(join("no statement matches",
                       join(" speaker ", plain(repr(speaker))) if speaker else ""))
        return
    if as_json:
        for h in hits:
            click.echo(json.dumps({"article_id": h.article_id, "title": h.title,
                                   "published": h.published, **export.statement(h.statement)},
                                  ensure_ascii=False))
        return
    table = Table(show_lines=True)
    for name in ("speaker", "said", "article"):
        table.add_column(name, ratio={"said": 3}.get(name, 1), overflow="fold")
    for h in hits:
        s = h.statement
        who = plain(s.speaker or "(unnamed)")
        if s.role:
            who = join(who, "\n", plain(s.role, "dim"))
        said = join(plain(s.content, lines=True), "\n", plain(f"{s.kind}, {s.cue or ''}", "dim"))
        where = join(plain(h.article_id), "\n",
                     plain(f"{h.published or ''} @{s.start}-{s.end}", "dim"))
        table.add_row(who, said, where)
    out.print(table)


@main.command()
@click.option("--type", "etype", type=click.Choice(PLOVER_TYPES, case_sensitive=False),
              help="PLOVER event type.")
@click.option("--country", help="ISO3 code of the place or of a party (KAZ, USA, ...), "
              "matched exactly.")
@click.option("--since", help="First day: YYYY-MM-DD, or a month or year (YYYY-MM, YYYY); "
              "the event's day, else its article's.")
@click.option("--until", help="Last day: YYYY-MM-DD, or the whole of a month or year.")
@db_option
@limit_option(100)
@click.option("--json", "as_json", is_flag=True, help="One PLOVER JSON object per event.")
@_guarded
def events(etype: str | None, country: str | None, since: str | None, until: str | None,
           db: str, limit: int, as_json: bool) -> None:
    """Who did what to whom, where and when: stored PLOVER events with their evidence.

    \b
    Examples:
      newsmill events --type PROTEST --country KAZ --since 2019-06-01
      newsmill events --type COERCE --json --db news.db > arrests.jsonl
    """
    hits = Store(db, readonly=True).events(etype, country, since, until, limit)
    if not hits:
        err.print("no event matches")
        return
    if as_json:
        for h in hits:
            click.echo(json.dumps({"article_id": h.article_id, "published": h.published,
                                   **export.event(h.event)}, ensure_ascii=False))
        return
    table = Table(show_lines=True)
    for name, ratio in (("when", 1), ("what", 1), ("who", 2), ("where", 1), ("evidence", 3)):
        table.add_column(name, ratio=ratio, overflow="fold")
    for h in hits:
        e = h.event
        who = "; ".join(_party(a) for a in e.actors)
        if e.recipients:
            who += " -> " + "; ".join(_party(a) for a in e.recipients)
        when = plain(e.date or f"({h.published or '?'})")
        if e.status != "occurred":
            when = join(when, "\n", plain(e.status, "dim"))
        what = join(plain(e.type), "\n", plain(e.mode, "dim")) if e.mode else plain(e.type)
        where = plain(f"{e.place.name} ({e.place.country})" if e.place else "")
        evidence = join(plain(e.evidence, lines=True), "\n",
                        plain(f"{h.article_id} @{e.start}", "dim"))
        table.add_row(when, what, plain(who), where, evidence)
    out.print(table)


def _party(a: Actor) -> str:
    codes = "/".join(c for c in (a.country, a.sector) if c)
    return f"{a.name} ({codes})" if codes else a.name


@main.command()
@db_option
@_guarded
def stats(db: str) -> None:
    """Counts of what the store holds: articles, entities, statements, events, skipped inputs.

    \b
    Example:
      newsmill stats --db news.db
    """
    store = Store(db, readonly=True)
    s = store.stats()
    table = Table("what", "count", title=join("newsmill store ", plain(db)))
    for name in ("articles", "mentions", "statements", "events", "skipped"):
        table.add_row(name, str(getattr(s, name)))
    out.print(table)
    if s.languages:
        out.print(plain("languages: " + ", ".join(f"{k} {v}" for k, v in s.languages.items())))
    top = store.top_entities(15)
    if top:
        out.print(plain("most mentioned: " + ", ".join(f"{t} ({label}, {n})"
                                                        for t, label, n in top)))
    for sk in store.skipped()[:50]:
        out.print(join(Text("skipped", style="yellow"), f" ({sk.stage}) ", plain(sk.reason)),
                  soft_wrap=True)


@main.command()
@db_option
@_guarded
def upgrade(db: str) -> None:
    """Bring a store made by an older newsmill up to this one's schema (reading never does).

    \b
    Example:
      newsmill upgrade --db news.db
    """
    Store(db, create=False).close()
    err.print(join(plain(db), ": up to date"))


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default is reachable from this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes (up to one per core).")
@_guarded
def serve(db: str, host: str, port: int, workers: int) -> None:
    """Serve the store read-only: the web UI (map, timeline, evidence) and the HTTP API.

    \b
    Examples:
      newsmill serve                  # then open http://127.0.0.1:8000/
      newsmill serve --db news.db --port 8080
    """
    from newsmill.serve.api import run_server

    run_server(db, host, port, workers,
               say=lambda message: err.print(plain(message, lines=True), soft_wrap=True))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
