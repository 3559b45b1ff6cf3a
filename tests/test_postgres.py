"""PostgreSQL as the store, where it differs from a SQLite file: URLs and masked passwords, a
database of another application, creators and claimers at once, FTS5 queries as tsquery, and
two `newsmill ingest` processes writing one database at once. (The store's and the API's own
tests run on both backends: ``store_at`` in conftest.py, ``db`` in test_api.py.)"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import psycopg
import pytest
from conftest import EXAMPLES
from test_concurrency import SUMMARY
from test_run import _make_pages

from newsmill.errors import QueryError, StoreError
from newsmill.records import Article, Document
from newsmill.store import ArticleFilter, Store, tsquery
from newsmill.store import postgres as pg
from tests.postgres import Server


def test_urls_of_either_scheme_use_psycopg_and_show_no_password() -> None:
    for given in ("postgresql://ann:s3cret@db.example/news", "postgres://ann:s3cret@db.example/news",
                  "POSTGRESQL://ann:s3cret@db.example/news"):
        assert pg.is_url(given)
        assert pg.url(given).drivername == "postgresql+psycopg"
        assert pg.shown(given) == "postgresql://ann:***@db.example/news"
    assert not pg.is_url("news.db") and pg.shown("news.db") == "news.db"


def test_a_database_of_another_application_is_refused_and_left_untouched(
        postgres: Server, pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    secret = pg_url.replace("newsmill@", "newsmill:hunter2@")
    with pytest.raises(StoreError, match=r"not a newsmill store.*invoices") as caught:
        Store(secret)
    assert "hunter2" not in str(caught.value) and ":***@" in str(caught.value)
    with psycopg.connect(pg_url) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")]
    assert tables == ["invoices"]


def test_an_unreachable_server_is_named_without_its_password(postgres: Server) -> None:
    url = f"postgresql://newsmill:hunter2@127.0.0.1:{postgres.port}/no_such_database"
    with pytest.raises(StoreError, match="cannot connect to the PostgreSQL server") as caught:
        Store(url)
    assert "hunter2" not in str(caught.value) and "no_such_database" in str(caught.value)


def test_an_empty_database_is_not_read_nor_upgraded_only_created(pg_url: str) -> None:
    with pytest.raises(StoreError, match="holds no newsmill tables"):
        Store(pg_url, readonly=True)
    with pytest.raises(StoreError, match="no such store"):
        Store(pg_url, create=False)
    Store(pg_url).close()
    Store(pg_url, create=False).close()


def test_read_only_stores_cannot_write(pg_url: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    Store(pg_url).close()
    with Store(pg_url, readonly=True) as store, pytest.raises(DBAPIError, match="read-only"), \
            store.engine.begin() as conn:
        conn.execute(text("DELETE FROM articles"))


def test_creators_at_once_make_one_schema(pg_url: str) -> None:
    failures: list[BaseException] = []

    def create() -> None:
        try:
            Store(pg_url).close()
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [threading.Thread(target=create) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    with Store(pg_url, readonly=True) as store:
        assert store.stats().articles == 0


def test_claimers_at_once_never_both_win_an_id(pg_url: str) -> None:
    Store(pg_url).close()
    ids = [f"page-{i}" for i in range(300)]
    won: dict[str, set[str]] = {}
    barrier = threading.Barrier(4)

    def claim(owner: str) -> None:
        with Store(pg_url) as store:
            barrier.wait()
            won[owner] = store.claim(ids, owner)

    threads = [threading.Thread(target=claim, args=(f"host|1|x|{n}",)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(len(w) for w in won.values()) == len(ids)
    assert set().union(*won.values()) == set(ids)


@pytest.mark.parametrize("query", ['"unclosed', "police AND", "(police", "AND police", "a:b",
                                   "police)", "NEAR(police, x)"])
def test_fts5_queries_written_wrongly_are_refused_as_fts5_refuses_them(query: str) -> None:
    with pytest.raises(tsquery.BadQuery):
        tsquery.translate(query)


def test_fts5_queries_as_tsquery(pg_url: str) -> None:
    def doc(aid: str, title: str, body: str) -> Document:
        return Document(Article(aid, f"{aid}.txt", "text", body, title=title, content_hash=aid,
                                page_hash=aid))

    with Store(pg_url) as store:
        store.save([
            doc("a", "Climate activists in London", "Climate activists gathered in London."),
            doc("b", "Farmers", "Farmers protested against the nitrogen rules in The Hague."),
            doc("c", "Covid", "Covid-19 cases rose; the U.S. reported more."),
            doc("d", "Activists", "The activists of the climate movement met in Paris."),
        ])

        def found(q: str) -> list[str]:
            return sorted(i.id for i in store.find_articles(ArticleFilter(q=q)).items)

        assert found('"climate activists" AND London') == ["a"]
        assert found('"climate activists"') == ["a"]
        assert found("climate activists") == ["a", "d"]
        assert found("climate NOT London") == ["d"]
        assert found("farmers OR (paris AND movement)") == ["b", "d"]
        assert found("protest*") == ["b"], "a prefix"
        assert found("gathering") == ["a"], "stems"
        assert found("the") == ["b", "c", "d"], "no stopwords, as FTS5"
        assert found("NEAR(climate movement, 5)") == ["d"]
        assert found("title:farmers") == ["b"]
        assert found("covid-19") == ["c"], "plain words with punctuation"
        with pytest.raises(QueryError, match="full-text"):
            store.find_articles(ArticleFilter(q="police AND"))
        (hit,) = store.search('"climate activists" AND London')
        assert hit.id == "a" and "[London]" in hit.snippet
        assert store.search('unbalanced "quote') == []


def test_two_ingest_processes_on_one_database_store_every_page_once(
        tmp_path: Path, pg_url: str) -> None:
    """Two `newsmill ingest` processes (as on two machines) of overlapping inputs, at once:
    every page stored once, no row lost, both summaries accounting for every input."""
    pages = _make_pages(tmp_path / "pages", 120)
    examples = tmp_path / "examples"
    shutil.copytree(EXAMPLES, examples)
    Store(pg_url).close()  # the database exists; the schema is made by the first
    runs = ([str(examples), str(pages)], [str(pages), str(examples)])
    procs = [subprocess.Popen([sys.executable, "-m", "newsmill.serve.cli", "ingest", *inputs,
                               "--db", pg_url, "--no-nlp", "--batch-size", "4"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for inputs in runs]
    totals, added = [], 0
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        found = SUMMARY.search(" ".join(out.split()))
        assert found, out
        total, stored, unchanged, elsewhere, skipped = (int(g or 0) for g in found.groups())
        assert total == stored + unchanged + elsewhere + skipped, out
        assert skipped == 0, out
        totals.append(total)
        added += stored
    assert totals[0] == totals[1] > 120
    with psycopg.connect(pg_url) as conn:
        articles = conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
        sources = [r[0] for r in conn.execute("SELECT source FROM articles")]
        runs_rows = [r[0] for r in conn.execute(
            "SELECT stored + unchanged + elsewhere + skipped FROM runs")]
        claims = conn.execute("SELECT count(*) FROM claims").fetchone()
    assert articles == (added, added), "every page stored once, none lost"
    assert sum(1 for s in sources if re.search(r"page-\d{4}\.html$", s)) == 120
    assert sorted(runs_rows) == totals
    assert claims == (0,)


def test_the_cli_on_a_database_names_it_without_its_password(tmp_path: Path, pg_url: str) -> None:
    from click.testing import CliRunner

    from newsmill.serve.cli import main

    url = pg_url.replace("newsmill@", "newsmill:hunter2@").replace("postgresql:", "postgres:")
    runner = CliRunner()
    for args in (["ingest", str(EXAMPLES), "--no-nlp"], ["stats"], ["upgrade"],
                 ["search", "farmers"], ["events", "--json"]):
        result = runner.invoke(main, [*args, "--db", url])
        assert result.exit_code == 0, result.output
        assert "hunter2" not in result.output
    assert "newsmill:***@" in runner.invoke(main, ["stats", "--db", url]).output
    assert "dutch-farmers-protest" in runner.invoke(main, ["search", "farmers", "--db", url]).output


def test_a_page_too_long_for_one_tsvector_is_stored_and_found(pg_url: str) -> None:
    import random

    rng = random.Random(28)
    words = ["".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(9)) for _ in range(300_000)]
    body = "Tractors blocked the motorway. " + " ".join(words)  # a 3 MB page of distinct words
    big = Document(Article("big", "big.txt", "text", body, content_hash="b", page_hash="b"))
    with Store(pg_url) as store:
        assert store.write([big]).added == 1
        assert [h.id for h in store.search("tractors")] == ["big"]
        assert store.get("big") == big


def test_a_value_too_large_for_an_index_refuses_its_document_only(pg_url: str) -> None:
    import random

    rng = random.Random(54)  # beyond a btree entry's 2,704 bytes, compressed or not
    url = "https://example.org/" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789")
                                           for _ in range(12_000))
    long = Document(Article("long", "long.txt", "text", "A march.", url=url, content_hash="l",
                            page_hash="l"))
    ok = Document(Article("ok", "ok.txt", "text", "A march.", content_hash="o", page_hash="o"))
    with Store(pg_url) as store:
        written = store.write([long, ok])
        assert written.added == 1 and [r.id for r in written.rejected] == ["long"]
        assert store.get("ok") is not None and store.get("long") is None
