"""The Parquet export: the store's articles, statements and events read back with pyarrow (and
DuckDB) as typed tables with the store's counts and values, partitioned by date, filtered like
the other exports, and written whole or not at all."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from serving import hand_made_documents, make_store

from newsmill import errors
from newsmill.records import Actor, Article, Document, Event, Statement
from newsmill.serve import parquet
from newsmill.serve.cli import main
from newsmill.store import EventFilter, Store

TABLES = ("articles", "statements", "events")


def _export(db: Path, *args: str) -> Any:
    return CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet", *args])


def _tables(out: Path) -> dict[str, pa.Table]:
    return {t: pq.read_table(out / f"{t}.parquet") for t in TABLES}


def _rows(table: pa.Table) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in table.to_pylist()}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return make_store(tmp_path / "s.db")


# ---- the tables: counts, types, values -----------------------------------------------------


def test_the_tables_hold_what_the_store_holds(db: Path, tmp_path: Path) -> None:
    result = _export(db, "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "exported 5 articles, 3 statements and 6 events as parquet" in result.stderr
    tables = _tables(tmp_path / "out")
    stats = Store(db, readonly=True).stats()
    assert {t: tables[t].num_rows for t in TABLES} == {
        "articles": stats.articles, "statements": stats.statements, "events": stats.events}
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "articles.parquet", "events.parquet", "statements.parquet"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no temporary left"


def test_columns_are_typed_not_json(db: Path, tmp_path: Path) -> None:
    parquet.write_parquet(Store(db, readonly=True), tmp_path / "out")
    tables = _tables(tmp_path / "out")
    articles, statements, events = (tables[t].schema for t in TABLES)
    assert articles.field("published").type == pa.date32()
    assert articles.field("authors").type == pa.list_(pa.string())
    assert articles.field("fetched").type == pa.timestamp("us", tz="UTC")
    assert statements.field("published").type == pa.date32()
    assert statements.field("start").type == pa.int32()
    assert events.field("day").type == events.field("date").type == pa.date32()
    assert events.field("date_resolved").type == pa.bool_()
    actor = events.field("actors").type
    assert pa.types.is_list(actor) and pa.types.is_struct(actor.value_type)
    assert [f.name for f in actor.value_type] == ["name", "country", "sector"]
    place = events.field("place").type
    assert pa.types.is_struct(place) and place.field("lat").type == pa.float64()
    assert events.field("dead").type == pa.int64()


def test_rows_carry_the_stored_values(db: Path, tmp_path: Path) -> None:
    parquet.write_parquet(Store(db, readonly=True), tmp_path / "out")
    tables = _tables(tmp_path / "out")
    kaz = _rows(tables["articles"])["kaz-1"]
    assert kaz["title"] == "Protests in Almaty" and kaz["published"] == dt.date(2019, 6, 10)
    assert kaz["published_text"] == "2019-06-10" and kaz["authors"] == []
    said = _rows(tables["statements"])["nld-1-0"]
    assert said["article_id"] == "nld-1" and said["speaker"] == "Carola Schouten"
    assert said["content"] == "talks next week" and said["kind"] == "indirect"
    assert said["published"] == dt.date(2019, 10, 1)
    events = _rows(tables["events"])
    arrest = events["kaz-1-1"]
    assert arrest["article_id"] == "kaz-1" and arrest["type"] == "COERCE"
    assert arrest["actors"] == [{"name": "police", "country": "KAZ", "sector": "COP"}]
    assert arrest["recipients"] == [{"name": "protesters", "country": "KAZ", "sector": "CVL"}]
    assert arrest["place"] == {"name": "Almaty", "country": "KAZ", "lat": 43.25, "lon": 76.91}
    assert arrest["date"] == arrest["day"] == dt.date(2019, 6, 9) and arrest["date_resolved"]
    tractors = events["nld-1-0"]  # no day of its own: the article's
    assert tractors["date"] is None and tractors["day"] == dt.date(2019, 10, 1)
    assert not tractors["date_resolved"]
    assert events["undated-1-0"]["day"] is None and events["undated-1-0"]["place"] is None
    assert events["nld-1-1"]["status"] == "planned"  # every status, unless --status says


def test_a_date_that_is_not_a_whole_day_is_null_with_its_text_kept(tmp_path: Path) -> None:
    body = "Farmers marched in Lyon. Unions said more would come."
    docs = [
        Document(Article("month-1", "m.txt", "text", body, published="2019-06", language="en",
                         content_hash="m", page_hash="m", fetched="2019-06-03T10:00:00Z"),
                 statements=(Statement("more would come", 38, 53, "indirect",
                                       speaker="Unions"),),
                 events=(Event("PROTEST", "Farmers marched in Lyon", 0, 23, date="next week",
                               actors=(Actor("farmers", "FRA", "AGR"),)),)),
        Document(Article("junk-1", "j.txt", "text", "Officials met.", published="2019-02-30",
                         updated="garbage", language="en", content_hash="j", page_hash="j",
                         fetched="not a time")),
    ]
    db = make_store(tmp_path / "s.db", docs)
    for partition in (None, "date"):
        out = tmp_path / f"out-{partition}"
        parquet.write_parquet(Store(db, readonly=True), out, partition=partition)
        read = (_tables(out) if partition is None else
                {t: parquet.dataset(out, t).to_table() for t in TABLES})
        articles = _rows(read["articles"])
        assert articles["month-1"]["published"] is None
        assert articles["month-1"]["published_text"] == "2019-06"
        assert articles["month-1"]["fetched"] == dt.datetime(2019, 6, 3, 10, tzinfo=dt.UTC)
        assert articles["junk-1"]["published"] is None  # no 30 February
        assert articles["junk-1"]["published_text"] == "2019-02-30"
        assert articles["junk-1"]["updated"] is None
        assert articles["junk-1"]["updated_text"] == "garbage"
        assert articles["junk-1"]["fetched"] is None
        event = _rows(read["events"])["month-1-0"]
        assert event["date"] is None and event["date_text"] == "next week"
        assert event["date_resolved"]  # the text gave a date, if not a day
        assert read["statements"].num_rows == 1
        if partition:
            assert articles["month-1"]["year"] is None  # under __HIVE_DEFAULT_PARTITION__


def test_rows_are_written_in_batches(db: Path, tmp_path: Path) -> None:
    parquet.write_parquet(Store(db, readonly=True), tmp_path / "out", batch_rows=2)
    events = pq.ParquetFile(tmp_path / "out" / "events.parquet")
    assert events.metadata.num_row_groups == 3 and events.metadata.num_rows == 6
    parquet.write_parquet(Store(db, readonly=True), tmp_path / "whole")
    assert (_tables(tmp_path / "out")["events"].to_pylist()
            == _tables(tmp_path / "whole")["events"].to_pylist())


# ---- partitioned by date -------------------------------------------------------------------


def test_partitioned_by_date_reads_back_as_one_dataset(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _export(db, "-o", str(out), "--partition", "date")
    assert result.exit_code == 0, result.output
    assert (out / "events" / "year=2019" / "month=6").is_dir()
    assert (out / "articles" / "year=2019" / "month=10").is_dir()
    assert (out / "events" / "year=__HIVE_DEFAULT_PARTITION__").is_dir()  # the undated event
    parquet.write_parquet(Store(db, readonly=True), tmp_path / "flat")
    whole = _tables(tmp_path / "flat")
    for table in TABLES:
        data = ds.dataset(out / table, format="parquet", partitioning="hive").to_table()
        assert data.num_rows == whole[table].num_rows, table
        assert data.schema.field("year").type == pa.int32()
        assert sorted(data.column("id").to_pylist()) == sorted(whole[table]["id"].to_pylist())
    events = _rows(ds.dataset(out / "events", partitioning="hive").to_table())
    assert (events["nld-1-0"]["year"], events["nld-1-0"]["month"]) == (2019, 10)
    assert (events["kaz-1-0"]["year"], events["kaz-1-0"]["month"]) == (2019, 6)
    assert events["undated-1-0"]["year"] is None
    assert parquet.dataset(out, "events").to_table().num_rows == whole["events"].num_rows
    assert parquet.dataset(tmp_path / "flat", "events").count_rows() == whole["events"].num_rows
    june = ds.dataset(out / "events", partitioning="hive").to_table(
        filter=(ds.field("year") == 2019) & (ds.field("month") == 6))
    assert sorted(june.column("id").to_pylist()) == ["hostile-1-0", "kaz-1-0", "kaz-1-1"]


def test_duckdb_reads_the_export(db: Path, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    parquet.write_parquet(Store(db, readonly=True), tmp_path / "flat")
    parquet.write_parquet(Store(db, readonly=True), tmp_path / "part", partition="date")
    flat = str(tmp_path / "flat" / "events.parquet")
    joined = duckdb.sql(
        f"SELECT a.title, e.type, e.actors[1].name, e.place.country FROM '{flat}' e "
        f"JOIN '{tmp_path / 'flat' / 'articles.parquet'}' a ON a.id = e.article_id "
        "WHERE e.id = 'kaz-1-1'").fetchall()
    assert joined == [("Protests in Almaty", "COERCE", "police", "KAZ")]
    counts = duckdb.sql(
        f"SELECT year, month, count(*) FROM read_parquet('{tmp_path / 'part'}/events/**/*.parquet',"
        " hive_partitioning = true) GROUP BY ALL ORDER BY ALL").fetchall()
    assert counts == [(2019, 6, 3), (2019, 10, 2), (None, None, 1)]


# ---- filters, as the other exports ---------------------------------------------------------


def _ids(out: Path, table: str) -> list[str]:
    return sorted(pq.read_table(out / f"{table}.parquet").column("id").to_pylist())


def _other(db: Path, *args: str) -> list[str]:
    result = CliRunner().invoke(main, ["export", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return sorted(json.loads(line)["id"] for line in result.stdout.splitlines())


@pytest.mark.parametrize("filters", [
    ("--type", "PROTEST", "--country", "nld"),
    ("--since", "2019-06-11", "--until", "2019-06"),
    ("--country", "KAZ"),
    ("--status", "planned"),
    ("--since", "2019-07"),
    ("--language", "ru"),
])
def test_filters_keep_what_the_other_exports_keep(db: Path, tmp_path: Path,
                                                  filters: tuple[str, ...]) -> None:
    out = tmp_path / "out"
    result = _export(db, "-o", str(out), *filters)
    assert result.exit_code == 0, result.output
    status = () if "--status" in filters else ("--status", ",".join(
        ("occurred", "planned", "denied", "hypothetical")))
    assert _ids(out, "events") == _other(db, "--format", "plover", *status, *filters)
    articles = _ids(out, "articles")
    assert articles == _other(db, "--format", "eval", *filters)
    said = pq.read_table(out / "statements.parquet").to_pylist()
    assert {s["article_id"] for s in said} <= set(articles)
    everything = Store(db, readonly=True).documents()
    assert len(said) == sum(len(d.statements) for d in everything if d.id in articles)


def test_a_filter_reduces_the_counts(db: Path, tmp_path: Path) -> None:
    n = parquet.write_parquet(Store(db, readonly=True), tmp_path / "all")
    some = parquet.write_parquet(Store(db, readonly=True), tmp_path / "some",
                                 where=EventFilter(types=("COERCE",)))
    assert (some.articles, some.statements, some.events) == (2, 2, 2)
    assert (n.articles, n.statements, n.events) == (5, 3, 6)


def test_a_wrong_filter_says_how_to_write_it(db: Path, tmp_path: Path) -> None:
    result = _export(db, "-o", str(tmp_path / "out"), "--country", "Netherlands")
    assert result.exit_code == 2 and "NLD for Netherlands" in result.output
    assert not (tmp_path / "out").exists()


# ---- where it is written -------------------------------------------------------------------


def test_parquet_needs_a_directory_named_with_o(db: Path) -> None:
    result = _export(db)
    assert result.exit_code == 2
    assert "--format parquet writes a directory" in result.output and "-o" in result.output
    assert _export(db, "-o", "-").exit_code == 2


def test_o_naming_a_file_is_refused_and_the_file_kept(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    target.write_text("mine")
    result = _export(db, "-o", str(target))
    assert result.exit_code == 2
    assert f"{target} is a file, and --format parquet writes a directory" in result.output
    assert target.read_text() == "mine"


def test_a_directory_holding_other_files_is_refused_untouched(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "home"
    target.mkdir()
    (target / "thesis.tex").write_text("years of work")
    (target / "events.parquet").write_text("old")
    result = _export(db, "-o", str(target))
    assert result.exit_code == 2 and "thesis.tex" in result.output
    assert sorted(p.name for p in target.iterdir()) == ["events.parquet", "thesis.tex"]


def test_an_earlier_export_is_replaced_whole(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _export(db, "-o", str(out), "--partition", "date").exit_code == 0
    assert _export(db, "-o", str(out), "--type", "PROTEST").exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "articles.parquet", "events.parquet", "statements.parquet"]  # no partition left over
    assert _ids(out, "events") == ["kaz-1-0", "nld-1-0"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _export(db, "-o", str(empty)).exit_code == 0
    assert len(_ids(empty, "events")) == 6


def test_a_failure_leaves_the_earlier_export_and_no_half_directory(
        db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    parquet.write_parquet(Store(db, readonly=True), out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real = parquet._write_table

    def failing(table: str, *args: Any) -> None:
        if table == "events":
            raise OSError(5, "Input/output error")
        real(table, *args)

    monkeypatch.setattr(parquet, "_write_table", failing)
    with pytest.raises(errors.OutputError, match=r"out: cannot write the export \(Input/output"):
        parquet.write_parquet(Store(db, readonly=True), out, where=EventFilter(types=("AID",)))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "s.db", "s.db-shm", "s.db-wal"]
    result = _export(db, "-o", str(tmp_path / "new"))
    assert result.exit_code == 1 and "cannot write the export" in result.output
    assert not (tmp_path / "new").exists()


def test_the_other_formats_refuse_a_directory_and_partition(db: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "csv",
                                       "-o", str(tmp_path)])
    assert result.exit_code == 2 and "is a directory" in result.output
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "csv",
                                       "--partition", "date"])
    assert result.exit_code == 2 and "--partition is for --format parquet" in result.output


def test_the_hand_made_store_is_what_these_tests_assume() -> None:
    docs = {d.id: d for d in hand_made_documents()}
    assert docs["nld-1"].events[0].date is None and docs["undated-1"].article.published is None


# ---- the bundled examples, through the whole pipeline -------------------------------------


@pytest.mark.slow
def test_the_examples_export_with_the_stores_counts_and_values(tmp_path: Path) -> None:
    from newsmill.run import run

    db = tmp_path / "ex.db"
    with Store(db) as store:
        run([str(EXAMPLES)], store)
    store = Store(db, readonly=True)
    stats = store.stats()
    assert stats.articles >= 4 and stats.statements and stats.events
    out = tmp_path / "out"
    result = _export(db, "-o", str(out))
    assert result.exit_code == 0, result.output
    tables = _tables(out)
    assert (tables["articles"].num_rows, tables["statements"].num_rows,
            tables["events"].num_rows) == (stats.articles, stats.statements, stats.events)
    articles = _rows(tables["articles"])
    statements = _rows(tables["statements"])
    events = _rows(tables["events"])
    for doc in store.documents():
        a = doc.article
        row = articles[a.id]
        assert row["title"] == a.title and row["published_text"] == a.published
        assert row["published"] == (dt.date.fromisoformat(a.published) if a.published else None)
        assert row["body"] == a.body and row["authors"] == list(a.authors)
        if a.duplicate_of is not None:
            continue  # a copy carries its first's analysis, stored once
        for i, s in enumerate(doc.statements):
            said = statements[f"{a.id}-{i}"]
            assert (said["speaker"], said["content"]) == (s.speaker, s.content)
            assert a.body[said["start"]:said["end"]] == s.content
        for i, e in enumerate(doc.events):
            event = events[f"{a.id}-{i}"]
            assert (event["type"], event["status"]) == (e.type, e.status)
            assert [x["name"] for x in event["actors"]] == [x.name for x in e.actors]
            assert [x["country"] for x in event["recipients"]] == [x.country
                                                                 for x in e.recipients]
            assert (event["place"] or {}).get("name") == (e.place.name if e.place else None)

    part = tmp_path / "part"
    assert _export(db, "-o", str(part), "--partition", "date").exit_code == 0
    for table in TABLES:
        read = ds.dataset(part / table, partitioning="hive").to_table()
        assert read.num_rows == tables[table].num_rows, table
    protests = tmp_path / "protests"
    assert _export(db, "-o", str(protests), "--type", "PROTEST").exit_code == 0
    kept = _tables(protests)
    assert 0 < kept["events"].num_rows < stats.events
    assert set(kept["events"].column("type").to_pylist()) == {"PROTEST"}
    assert kept["articles"].num_rows <= stats.articles
