"""The ``newsmill`` command: a thin layer over the library, one verb per library call.

Everything printed from the store or from an input goes through ``terminal.plain`` (plain
text, control characters shown, never markup). Every failure is a one-line message and exit
status 1, never a traceback: newsmill's errors, the database's, a full disk or a closed pipe;
a bad option is a usage error (exit status 2) that names the option and the fix.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy.exc import SQLAlchemyError

from newsmill import errors
from newsmill.events.lexicon import PLOVER_TYPES
from newsmill.extract import DEFAULT_FOCUS, FOCUSES, Focus
from newsmill.ingest import FetchOptions
from newsmill.ingest.files import DEFAULT_MAX_BYTES
from newsmill.records import Actor, Event, Skipped
from newsmill.serve import export, listing
from newsmill.serve.progress import IngestProgress
from newsmill.serve.terminal import join, plain, visible
from newsmill.store import (
    DEFAULT_DB,
    ArticleFilter,
    ArticleItem,
    EventFilter,
    EventItem,
    StatementFilter,
    StatementItem,
    Store,
    every,
)
from newsmill.store.filters import KINDS, STATUSES
from newsmill.store.postgres import shown

if TYPE_CHECKING:  # the runner loads the pipeline's libraries: only the commands that run it
    from newsmill.run import RunSummary

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

MAX_MB = 100_000  # --max-mb: a page of 100 GB is not a page
MAX_BATCH = 10_000
MAX_LIMIT = 2**62  # --limit: larger means every row (as 0 does)

db_option = click.option(
    "--db", default=DEFAULT_DB, envvar="NEWSMILL_DB", show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite store file, or a PostgreSQL database's URL, postgresql://USER:PASS@HOST/DBNAME "
         "(or set NEWSMILL_DB).")
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
                shown(str(kwargs.get("db", DEFAULT_DB))), detail))) from exc
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
        Text(f"{len(summary.skipped)} skipped", style="yellow"), "  (store: ",
        plain(shown(db)), ")"))
    if summary.not_analysed:
        out.print(f"{summary.not_analysed} stored with their text and language but not analysed "
                  "(not in English: the model is English)")
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
@click.option("-w", "--workers", type=click.IntRange(1, 256), metavar="N",
              envvar="NEWSMILL_WORKERS",
              help="Processes running the stages (default: every core; 1: in this process; or "
                   "set NEWSMILL_WORKERS); with --engine ray, actors (default: the cluster's "
                   "CPUs). One process writes the store whatever N is.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local",
              show_default=True, help="local: worker processes on this machine; ray: actors on "
              "a Ray cluster (pip install 'newsmill[ray]').")
@click.option("--address", metavar="ADDR", envvar="RAY_ADDRESS",
              help="The Ray cluster to join (host:6379, ray://host:10001 or auto; or set "
                   "RAY_ADDRESS); without it --engine ray starts a local one on 127.0.0.1.")
@max_mb_option
@focus_option
@fetch_options
@_guarded
def ingest(paths: tuple[str, ...], url_lists: tuple[str, ...], db: str, batch_size: int,
           nlp: bool, workers: int | None, engine: str, address: str | None, max_mb: int,
           focus: Focus, contact: str | None, allow_private: bool, timeout: float, delay: float,
           concurrency: int) -> None:
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
      newsmill ingest archive/ --workers 4
      newsmill ingest archive/ --engine ray --address head-node:6379 --db postgresql://...
      newsmill ingest https://example.org/news/story.html --contact me@example.org
      newsmill ingest -i urls.txt
      newsmill ingest https://example.org/rss.xml https://example.org/news-sitemap.xml
      curl -s https://example.org/story | newsmill ingest -
    """
    from newsmill.run import default_pipeline, run
    from newsmill.run.engines import cores

    if not paths and not url_lists:
        raise click.UsageError("give files, folders, URLs or - (standard input), or -i FILE")
    if address and engine != "ray":
        raise click.UsageError("--address is the Ray cluster's: give it with --engine ray")
    store = Store(db)
    pipeline = default_pipeline(nlp=nlp, focus=focus)
    stages = None
    if engine == "ray":
        from newsmill.run.ray_engine import RayEngine

        err.print("starting the Ray engine ..." if not address else
                  f"joining the Ray cluster at {address} ...")
        stages = RayEngine(pipeline, address=address, workers=workers)
    try:
        with IngestProgress(err, paths, countable=not url_lists) as bar:
            summary = run(paths, store, pipeline=pipeline, batch_size=batch_size,
                          max_bytes=max_mb * errors.MB, progress=bar.advance,
                          url_lists=url_lists, workers=workers or cores(), engine=stages,
                          fetch=_fetch(max_mb, contact, allow_private, timeout, delay,
                                       concurrency))
    finally:
        if stages is not None:
            stages.close()
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


def output_options(func: F) -> F:
    """``--json``, ``--csv`` and ``--limit`` of a listing command (``listing.py``)."""
    options = [
        click.option("--json", "as_json", is_flag=True,
                     help="One JSON object a line, every match unless --limit is given."),
        click.option("--csv", "as_csv", is_flag=True,
                     help="CSV with a header, every match unless --limit is given."),
        click.option("--limit", type=click.IntRange(0), default=None,
                     help="Most matches to give; 0 (or a huge number) for no limit (default: "
                          "all with --json and --csv, the first few in a table, saying so "
                          "when more match)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _format(as_json: bool, as_csv: bool) -> str:
    if as_json and as_csv:
        raise click.UsageError("give --json or --csv, not both")
    return "json" if as_json else "csv" if as_csv else "table"


def _flag(parameter: str) -> str:
    return "--" + parameter.replace("_", "-")


def _filters(make: Callable[[], T]) -> T:
    """A filter record built from the command's options; a bad value is a usage error that
    names the option and the fix ("--since 'yesterday' is not a day; write it YYYY-MM-DD")."""
    try:
        return make()
    except errors.QueryError as exc:
        message = str(exc).replace(f"{exc.parameter}=", f"{_flag(exc.parameter)} ")
        raise click.BadParameter(visible(message), param_hint=_flag(exc.parameter)) from exc


def _show(items: Iterable[T], fmt: str, limit: int | None, default: int,
          columns: list[listing.Column[T]], as_json: Callable[[T], dict[str, Any]],
          nothing: Text | str) -> None:
    """Print a list (see ``listing.py``): all of it as JSON or CSV unless limited, the first
    ``default`` items in a table, saying so when more match. A ``limit`` of 0, or one larger
    than ``MAX_LIMIT``, means every item."""
    if limit is not None and limit > MAX_LIMIT:
        limit = 0
    n = limit if limit is not None else (default if fmt == "table" else 0)
    shown, more = listing.limited(items, n)
    if not shown:
        err.print(nothing)
        return
    listing.print_list(shown, columns, fmt, as_json, out)
    note = listing.more_note(len(shown), more, explicit=limit is not None)
    if note and fmt == "table":
        err.print(Text(note))


def _pages(fetch: Callable[[str | None, int], Any]) -> Iterable[Any]:
    """Every item of a paged store list, fetched 500 at a time as they are printed."""
    return every(lambda cursor: fetch(cursor, 500))


since_option = click.option(
    "--since", help="First day: YYYY-MM-DD, or a month (YYYY-MM) or a year (YYYY).")
until_option = click.option(
    "--until", help="Last day: YYYY-MM-DD, or the whole of a month (YYYY-MM) or a year.")
language_option = click.option(
    "--language", help="Only articles in this language, an ISO 639-1 code (en, ru, ...).")


def event_options(func: F) -> F:
    """The event filters, the same for ``events`` and ``export``."""
    options = [
        click.option("--type", "etype", metavar="TYPE[,TYPE]",
                     help=f"PLOVER event types: {', '.join(PLOVER_TYPES)}."),
        click.option("--status", metavar="STATUS[,STATUS]",
                     help=f"Only events of these statuses: {', '.join(STATUSES)}."),
        click.option("--country", help="ISO 3166-1 alpha-3 code of the place or of a party "
                                       "(KAZ, USA, ...)."),
        since_option, until_option, language_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _event_filter(etype: str | None, status: str | None, country: str | None,
                  since: str | None, until: str | None, language: str | None) -> EventFilter:
    return _filters(lambda: EventFilter(
        types=(etype,) if etype else (), status=(status,) if status else (), country=country,
        since=since, until=until, language=language))


EXPORT_FORMATS = (*export.FORMATS, "parquet")  # parquet.py is imported when it is asked for


@main.command(name="export")
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="eval",
              show_default=True, help="eval: the scorers' format; jsonl: everything; csv: a row "
              "per article; plover: a PLOVER record per event (JSON Lines, the PLOVER manual's "
              "field names); acled: a CSV row per event with ACLED's columns and types; "
              "parquet: articles, statements and events as typed Parquet tables in the "
              "directory -o. In CSV, a cell that would start with = + - @ is written with a ' "
              "before it, so spreadsheets show it instead of running it.")
@click.option("-o", "--output", default="-", type=click.Path(allow_dash=True),
              help="File to write (default: standard output), or with --format parquet the "
                   "directory (required); it appears whole or not at all.")
@click.option("--partition", type=click.Choice(("date",)),
              help="With --format parquet: a directory a table, partitioned by day in Hive's "
                   "layout (events/year=2019/month=10/...), instead of a file a table.")
@event_options
@_guarded
def export_cmd(db: str, fmt: str, output: str, partition: str | None, etype: str | None,
               status: str | None, country: str | None, since: str | None, until: str | None,
               language: str | None) -> None:
    """Write the stored articles (with their statements and events), or their events, to a
    file, with the filters of `newsmill events`.

    Event formats (plover, acled) give the events that occurred unless --status says
    otherwise; acled leaves out the PLOVER types ACLED does not code (talks, statements, aid:
    see the README's mapping). Article formats (eval, jsonl, csv) give the articles published
    in --since/--until in --language, and with --type, --status or --country those holding
    such an event.

    parquet writes DIR/articles.parquet, DIR/statements.parquet and DIR/events.parquet (or,
    with --partition date, DIR/articles/year=2019/month=10/part-0.parquet and the like):
    articles and their statements filtered as the article formats, events as the event
    formats but of every status unless --status says otherwise. An earlier parquet export in
    DIR is replaced whole.

    \b
    Examples:
      newsmill export --format eval -o pred.jsonl
      newsmill export --db news.db --format csv > articles.csv
      newsmill export --format acled --country NLD --since 2019-10 -o events.csv
      newsmill export --format plover --type PROTEST,ASSAULT --status occurred,planned
      newsmill export --format parquet -o export/ --partition date --since 2019
    """
    if fmt == "parquet":
        _export_parquet(db, output, partition, etype, status, country, since, until, language)
        return
    if partition is not None:
        raise click.UsageError("--partition is for --format parquet only.")
    if output != "-" and os.path.isdir(output):
        raise click.BadParameter(f"{visible(output)!r} is a directory; name a file.",
                                 param_hint="'-o' / '--output'")
    store = Store(db, readonly=True)
    if fmt in export.EVENT_FORMATS:
        where = _event_filter(etype, status or "occurred", country, since, until, language)
        items = _pages(lambda c, n: store.find_events(where, cursor=c, limit=n))
        n, left_out = export.write_with(output, lambda f: export.write_events(items, fmt, f))
        err.print(Text(f"exported {n} events as {fmt}" + (
            f"; {left_out} of types ACLED does not code left out" if left_out else "")))
        return
    docs = store.documents()
    if any((etype, status, country, since, until, language)):
        wanted = _article_ids(store, etype, status, country, since, until, language)
        docs = (d for d in docs if d.article.id in wanted)
    n = export.write_to(docs, fmt, output)
    err.print(Text(f"exported {n} articles as {fmt}"))


def _export_parquet(db: str, output: str, partition: str | None, etype: str | None,
                    status: str | None, country: str | None, since: str | None,
                    until: str | None, language: str | None) -> None:
    """``export --format parquet``: ``parquet.write_parquet`` on the checked options."""
    from newsmill.serve import parquet

    try:
        parquet.check_target(output)
    except errors.UsageError as exc:
        raise click.UsageError(visible(exc)) from exc
    where = _event_filter(etype, status, country, since, until, language)
    n = parquet.write_parquet(Store(db, readonly=True), output, where=where,
                              partition=partition)
    err.print(Text(f"exported {n.articles} articles, {n.statements} statements and "
                   f"{n.events} events as parquet to {visible(output)}"))


def _article_ids(store: Store, etype: str | None, status: str | None, country: str | None,
                 since: str | None, until: str | None, language: str | None) -> set[str]:
    """The ids of the articles an article export keeps (see ``export_cmd``)."""
    where = _filters(lambda: ArticleFilter(since=since, until=until, language=language))
    ids = {a.id for a in _pages(lambda c, n: store.find_articles(where, cursor=c, limit=n))}
    if etype or status or country:
        events = _event_filter(etype, status, country, None, None, None)
        ids &= {e.article_id for e in
                _pages(lambda c, n: store.find_events(events, cursor=c, limit=n))}
    return ids


@main.command()
@click.argument("query")
@since_option
@until_option
@language_option
@db_option
@output_options
@_guarded
def search(query: str, since: str | None, until: str | None, language: str | None, db: str,
           as_json: bool, as_csv: bool, limit: int | None) -> None:
    """Full-text search over titles and bodies (SQLite FTS5 syntax: AND, OR, NOT, "phrases",
    pre*), best match first. Plain words with punctuation (covid-19, U.S.) are searched as
    words; a query written wrongly in FTS5's syntax is an error that says what is wrong.

    A query holds at most 1,000 words and 1,000 characters.

    \b
    Examples:
      newsmill search protest
      newsmill search '"election commission" AND Kazakhstan' --db news.db
      newsmill search police --language en --since 2019 --csv > hits.csv
    """
    from newsmill.store.filters import MAX_QUERY
    from newsmill.store.search import check_query

    fmt = _format(as_json, as_csv)
    check_query(query, max_chars=MAX_QUERY)  # as the paged list takes it; exit status 1
    store = Store(db, readonly=True)
    where = _filters(lambda: ArticleFilter(q=query, since=since, until=until,
                                           language=language))
    hits = _pages(lambda c, n: store.find_articles(where, cursor=c, limit=n))
    columns: list[listing.Column[ArticleItem]] = [
        listing.Column("id", lambda h: h.id, key=True),
        listing.Column("published", lambda h: h.published or ""),
        listing.Column("language", lambda h: h.language or ""),
        listing.Column("title", lambda h: h.title or "", ratio=1),
        listing.Column("snippet", lambda h: h.snippet or "", ratio=2)]
    try:
        _show(hits, fmt, limit, 20, columns, _article_json,
              join("no article matches ", plain(repr(query))))
    except errors.QueryError as exc:  # FTS5 syntax written wrongly
        raise click.BadParameter(visible(str(exc).replace("q=", "")),
                                 param_hint="QUERY") from exc


def _article_json(h: ArticleItem) -> dict[str, Any]:
    return {"id": h.id, "title": h.title, "publisher": h.publisher, "published": h.published,
            "language": h.language, "url": h.url, "duplicate_of": h.duplicate_of,
            "events": h.events, "statements": h.statements, "snippet": h.snippet}


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
        raise click.ClickException(visible(errors.no_such_article(shown(db), article_id)))
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
@click.option("--said", metavar="WORDS", help="Words the statement holds: 'protest' finds "
              "'protesters'.")
@click.option("--kind", metavar="KIND[,KIND]",
              help=f"Only statements of these kinds: {', '.join(KINDS)}.")
@click.option("--article", metavar="ID", help="Only the statements of one article.")
@since_option
@until_option
@language_option
@db_option
@output_options
@_guarded
def quotes(speaker: str | None, said: str | None, kind: str | None, article: str | None,
           since: str | None, until: str | None, language: str | None, db: str,
           as_json: bool, as_csv: bool, limit: int | None) -> None:
    """Who said what: stored statements with their article, date and offsets, newest first.

    \b
    Examples:
      newsmill quotes --speaker Tokayev
      newsmill quotes --kind direct --json --db news.db > quotes.jsonl
      newsmill quotes --said protest --since 2019-06 --csv > said.csv
    """
    fmt = _format(as_json, as_csv)
    store = Store(db, readonly=True)
    where = _filters(lambda: StatementFilter(
        speaker=speaker, q=said, article=article, kind=(kind,) if kind else (), since=since,
        until=until, language=language))
    items = _pages(lambda c, n: store.find_statements(where, cursor=c, limit=n))
    columns: list[listing.Column[StatementItem]] = [
        listing.Column("speaker", lambda h: h.statement.speaker or "(unnamed)"),
        listing.Column("role", lambda h: h.statement.role or ""),
        listing.Column("said", lambda h: h.statement.content, ratio=3, lines=True),
        listing.Column("kind", lambda h: h.statement.kind),
        listing.Column("cue", lambda h: h.statement.cue or ""),
        listing.Column("article", lambda h: h.article_id, key=True),
        listing.Column("published", lambda h: h.published or ""),
        listing.Column("start", lambda h: str(h.statement.start)),
        listing.Column("end", lambda h: str(h.statement.end))]
    _show(items, fmt, limit, 50, columns, _statement_json,
          join("no statement matches", join(" speaker ", plain(repr(speaker))) if speaker else ""))


def _statement_json(h: StatementItem) -> dict[str, Any]:
    return {"article_id": h.article_id, "title": h.title, "published": h.published,
            **export.statement(h.statement)}


@main.command()
@event_options
@db_option
@output_options
@_guarded
def events(etype: str | None, status: str | None, country: str | None, since: str | None,
           until: str | None, language: str | None, db: str, as_json: bool, as_csv: bool,
           limit: int | None) -> None:
    """Who did what to whom, where and when: stored PLOVER events with their evidence, oldest
    day first (the event's day, else its article's).

    \b
    Examples:
      newsmill events --type PROTEST --country KAZ --since 2019-06-01
      newsmill events --type COERCE --json --db news.db > arrests.jsonl
      newsmill events --status planned,hypothetical --csv > expected.csv
    """
    fmt = _format(as_json, as_csv)
    store = Store(db, readonly=True)
    where = _event_filter(etype, status, country, since, until, language)
    items = _pages(lambda c, n: store.find_events(where, cursor=c, limit=n))
    columns: list[listing.Column[EventItem]] = [
        listing.Column("id", lambda h: h.id, key=True),
        listing.Column("day", lambda h: h.day or ""),
        listing.Column("type", lambda h: h.event.type + (f" {h.event.mode}"
                                                         if h.event.mode else "")),
        listing.Column("status", lambda h: h.event.status),
        listing.Column("who", lambda h: _parties(h.event), ratio=2),
        listing.Column("where", lambda h: _place(h.event)),
        listing.Column("evidence", lambda h: h.event.evidence, ratio=3, lines=True)]
    _show(items, fmt, limit, 100, columns, _event_json, "no event matches")


def _event_json(h: EventItem) -> dict[str, Any]:
    return {"id": h.id, "article_id": h.article_id, "published": h.published,
            **export.event(h.event)}


def _parties(e: Event) -> str:
    who = "; ".join(_party(a) for a in e.actors)
    if e.recipients:
        who += " -> " + "; ".join(_party(a) for a in e.recipients)
    return who


def _place(e: Event) -> str:
    return f"{e.place.name} ({e.place.country})" if e.place else ""


def _party(a: Actor) -> str:
    codes = "/".join(c for c in (a.country, a.sector) if c)
    return f"{a.name} ({codes})" if codes else a.name


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="The counts as one JSON object.")
@_guarded
def stats(db: str, as_json: bool) -> None:
    """Counts of what the store holds: articles (and those not analysed, in a language other
    than English), entities, statements, events, languages, skipped inputs.

    \b
    Example:
      newsmill stats --db news.db
      newsmill stats --json | jq .languages
    """
    store = Store(db, readonly=True)
    s = store.stats()
    top = store.top_entities(15)
    skipped = store.skipped()
    if as_json:
        click.echo(json.dumps({
            "articles": s.articles, "not_analysed": s.not_analysed, "mentions": s.mentions,
            "statements": s.statements, "events": s.events, "skipped": s.skipped,
            "skipped_by_stage": s.skipped_by_stage, "languages": s.languages,
            "most_mentioned": [{"text": t, "label": label, "mentions": n}
                               for t, label, n in top],
            "skipped_inputs": [{"source": k.source, "stage": k.stage, "reason": k.reason}
                               for k in skipped]}, ensure_ascii=False))
        return
    table = Table("what", "count", title=join("newsmill store ", plain(shown(db))))
    for name in ("articles", "not_analysed", "mentions", "statements", "events", "skipped"):
        label = "not analysed (not English)" if name == "not_analysed" else name
        table.add_row(label, str(getattr(s, name)))
    out.print(table)
    if s.languages:
        out.print(plain("languages: " + ", ".join(f"{k} {v}" for k, v in s.languages.items())))
    if top:
        out.print(plain("most mentioned: " + ", ".join(f"{t} ({label}, {n})"
                                                        for t, label, n in top)))
    for sk in skipped[:50]:
        out.print(join(Text("skipped", style="yellow"), f" ({sk.stage}) ", plain(sk.reason)),
                  soft_wrap=True)
    if len(skipped) > 50:
        err.print(Text(f"... and {len(skipped) - 50} more skipped inputs: newsmill stats --json"))


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
    err.print(join(plain(shown(db)), ": up to date"))


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default is reachable from this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes (up to one per core).")
@click.option("--read-seconds", default=1.0, show_default=True, type=click.FloatRange(0),
              help="Stop a list's read on a SQLite store after this long, answering a 400 that "
                   "says how to narrow it (0: never), so one search cannot hold the server.")
@_guarded
def serve(db: str, host: str, port: int, workers: int, read_seconds: float) -> None:
    """Serve the store read-only: the web UI (map, timeline, evidence) and the HTTP API.

    \b
    Examples:
      newsmill serve                  # then open http://127.0.0.1:8000/
      newsmill serve --db news.db --port 8080
      newsmill serve --db big.db --read-seconds 5   # a large store's searches take longer
    """
    from newsmill.serve.api import run_server

    run_server(db, host, port, workers,
               say=lambda message: err.print(plain(message, lines=True), soft_wrap=True),
               read_seconds=read_seconds)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
