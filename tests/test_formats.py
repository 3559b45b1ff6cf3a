"""The standard formats: PLOVER records checked against the PLOVER manual's own JSON
description (its tables, read from ../shared/data/plover/PLOVER_MANUAL.tex), ACLED-like rows
with ACLED's columns and types, and exports filtered like the queries."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import shared_path
from serving import hand_made_documents, make_store

from newsmill.records import Actor, Article, Document, Event, Place
from newsmill.serve import acled, export
from newsmill.serve.cli import main
from newsmill.store.browse import EventItem

# ---- the manual's JSON description ---------------------------------------------------------


def _tables() -> dict[str, list[list[str]]]:
    """The manual's tables by caption: rows of cells, LaTeX escapes undone."""
    tex = shared_path("data", "plover", "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    out: dict[str, list[list[str]]] = {}
    for block in re.findall(r"\\begin\{table\}.*?\\end\{table\}", tex, re.S):
        caption = re.search(r"\\caption\{([^}]*)\}", block)
        body = re.search(r"\\begin\{tabular\}\{[^\n]*\n(.*?)\\end\{tabular\}", block, re.S)
        if not caption or not body:
            continue
        rows = []
        for line in body.group(1).split("\\\\"):
            line = line.replace("\\hline", "").strip()
            if "&" not in line:
                continue
            rows.append([c.strip().replace("\\_", "_") for c in line.split("&")])
        out[caption.group(1).strip()] = rows[1:]  # the header row left out
    return out


@pytest.fixture(scope="module")
def manual() -> dict[str, list[list[str]]]:
    return _tables()


def _names(rows: list[list[str]]) -> set[str]:
    return {r[0] for r in rows if r[0]}


def _record(event: Event, **article: object) -> dict[str, object]:
    a = Article("a1", "a1.html", "html", "x" * 200, title="Strike in Lagos", language="en",
                publisher="The Test Times", published="2019-06-10",
                url="https://example.org/a1", **article)  # type: ignore[arg-type]
    return export.plover_record(export.event_items(Document(a, events=(event,)))[0])


ASSAULT = Event("ASSAULT", "Gunmen killed three villagers near Kaduna", 10, 52,
                mode="firearms", date="2019-06-08", actors=(Actor("gunmen", "NGA", "UAF"),),
                recipients=(Actor("villagers", "NGA", "CVL"),),
                place=Place("Kaduna", "NGA", 10.52, 7.44), dead=3, injured=2)


def test_a_plover_record_has_the_manual_s_required_fields_and_only_its_names(
        manual: dict[str, list[list[str]]]) -> None:
    main_table = manual["PLOVER JSON"]
    required = {r[0] for r in main_table if r[-1] == "Y"}
    assert {"id", "date", "actor", "event"} <= required  # the table was read
    allowed = _names(main_table) | _names(manual["Information object for size"])
    record = _record(ASSAULT)
    assert required <= set(record)
    extra = set(record) - allowed
    assert extra == set(export.PLOVER_EXTENSIONS), extra  # newsmill's own, documented
    assert not set(export.PLOVER_EXTENSIONS) & allowed  # none of them renames a manual field


def test_the_objects_of_a_plover_record_use_the_manual_s_field_names(
        manual: dict[str, list[list[str]]]) -> None:
    record = _record(ASSAULT)
    entity = _names(manual["Information object for entities"])
    for party in [*record["actor"], *record["recipient"]]:  # type: ignore[misc]
        assert set(party) <= entity
    assert record["actor"] == [{"code": "NGA", "sector": "UAF", "entity_text": "gunmen"}]
    location = next(rows for caption, rows in manual.items() if caption.startswith("Location"))
    assert set(record["event_loc"]) <= _names(location)  # type: ignore[arg-type]
    assert record["event_loc"]["country_code"] == "NGA"  # type: ignore[index]
    assert record["event_loc"]["lat"] == 10.52  # type: ignore[index]
    assert set(record["text_info"]) <= _names(manual["Information object for text"])  # type: ignore[arg-type]
    assert set(record["cite_info"]) <= _names(manual["Information object for citations"])  # type: ignore[arg-type]
    assert record["cite_info"]["language"] == "en"  # type: ignore[index]


def test_plover_values_take_the_manual_s_forms(manual: dict[str, list[list[str]]]) -> None:
    quads = {name.strip(): int(row[2]) for row in manual["Quad categories in PLOVER"]
             for name in row[1].split(",")}
    assert len(quads) == 16
    record = _record(ASSAULT)
    assert record["event"] == ["ASSAULT"] and record["mode"] == ["firearms"]
    assert record["quad_code"] == quads["ASSAULT"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", str(record["date"]))
    assert record["event_text"] == [ASSAULT.evidence]
    assert (record["dead"], record["injured"], record["arrested"]) == (3, 2, None)
    for etype, quad in quads.items():
        assert export.PLOVER_QUAD[etype] == quad, etype
    undated = _record(Event("CONSULT", "Officials met", 0, 13))
    assert undated["date"] == "2019-06-10" and undated["date_resolved"] is False
    assert undated["mode"] is None and undated["event_loc"] is None


# ---- ACLED ---------------------------------------------------------------------------------

ISSUE_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                 "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
                 "inter2", "interaction", "iso", "country", "admin1", "location", "latitude",
                 "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
                 "tags")


def _item(e: Event) -> EventItem:
    return EventItem("a1", 0, e.date or "2019-06-10", "t", "The Test Times", "2019-06-10",
                     None, e, "en")


def test_acled_columns_are_acled_s_in_acled_s_order() -> None:
    it = iter(acled.COLUMNS)
    assert all(column in it for column in ISSUE_COLUMNS)  # a subsequence, in order


@pytest.mark.parametrize(("event", "types", "inters"), [
    (Event("PROTEST", "Farmers rallied", 0, 15, mode="demo",
           actors=(Actor("farmers", "NLD", "AGR"),)),
     ("Demonstrations", "Protests", "Peaceful protest"), ("6", "", "60")),
    (Event("PROTEST", "Youths rioted", 0, 13, mode="riot", actors=(Actor("youths", "CHL"),)),
     ("Demonstrations", "Riots", "Violent demonstration"), ("5", "", "50")),
    (Event("COERCE", "Police arrested 12", 0, 18, mode="arrest",
           actors=(Actor("police", "KEN", "COP"),), recipients=(Actor("protesters", "KEN"),)),
     ("Strategic developments", "Strategic developments", "Arrests"), ("1", "7", "17")),
    (ASSAULT, ("Political violence", "Violence against civilians", "Attack"), ("3", "7", "37")),
    (Event("ASSAULT", "Troops clashed with rebels", 0, 26, mode="firearms",
           actors=(Actor("troops", "MLI", "MIL"),), recipients=(Actor("rebels", "MLI", "REB"),)),
     ("Political violence", "Battles", "Armed clash"), ("1", "2", "12")),
    (Event("ASSAULT", "An air strike hit", 0, 17, mode="aerial"),
     ("Political violence", "Explosions/Remote violence", "Air/drone strike"), ("", "", "")),
])
def test_plover_types_map_to_acled_s(event: Event, types: tuple[str, str, str],
                                     inters: tuple[str, str, str]) -> None:
    row = export.acled_row(_item(event))
    assert row is not None
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == types
    assert (str(row["inter1"]), str(row["inter2"]), row["interaction"]) == inters


def test_an_acled_row_carries_place_day_and_counts() -> None:
    row = export.acled_row(_item(ASSAULT))
    assert row is not None
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2019-06-08", "2019", 1)
    assert (row["country"], row["iso"], row["location"]) == ("Nigeria", 566, "Kaduna")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == (10.52, 7.44, 1)
    assert row["fatalities"] == 3 and row["civilian_targeting"] == "Civilian targeting"
    assert row["event_id_cnty"].startswith("NGA")
    undated = export.acled_row(_item(Event("PROTEST", "Farmers rallied", 0, 15)))
    assert undated is not None and undated["time_precision"] == 2  # the article's day


def test_types_acled_does_not_code_are_left_out_and_counted() -> None:
    talks = Event("CONSULT", "The ministers met", 0, 17)
    assert export.acled_row(_item(talks)) is None
    out = io.StringIO()
    assert export.write_events([_item(talks), _item(ASSAULT)], "acled", out) == (1, 1)
    assert len(list(csv.DictReader(io.StringIO(out.getvalue())))) == 1


# ---- exports filtered like the queries -----------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return make_store(tmp_path / "s.db")


def _export(db: Path, *args: str) -> tuple[str, str]:
    result = CliRunner().invoke(main, ["export", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def test_event_exports_give_occurred_events_unless_status_says_otherwise(db: Path) -> None:
    out, _ = _export(db, "--format", "plover")
    records = [json.loads(line) for line in out.splitlines()]
    assert records and all(r["status"] == "occurred" for r in records)
    assert "nld-1-1" not in {r["id"] for r in records}  # the planned talks
    out, _ = _export(db, "--format", "plover", "--status", "planned")
    assert [r["id"] for r in map(json.loads, out.splitlines())] == ["nld-1-1"]
    out, note = _export(db, "--format", "acled", "--status", "occurred,planned")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert "CONSULT" not in out and "left out" in note  # talks are not an ACLED event
    assert {r["sub_event_type"] for r in rows} == {"Peaceful protest", "Arrests"}


def test_event_exports_take_the_query_filters(db: Path) -> None:
    out, _ = _export(db, "--format", "plover", "--type", "PROTEST", "--country", "nld")
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["nld-1-0"]
    out, _ = _export(db, "--format", "plover", "--since", "2019-06-11", "--until", "2019-06")
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["hostile-1-0"]
    out, _ = _export(db, "--format", "acled", "--country", "FRA")
    assert [r["country"] for r in csv.DictReader(io.StringIO(out))] == ["France"]


def test_article_exports_take_the_query_filters(db: Path) -> None:
    out, _ = _export(db, "--format", "eval", "--country", "KAZ")
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["kaz-1"]
    out, _ = _export(db, "--format", "csv", "--since", "2019-07")
    assert sorted(r["id"] for r in csv.DictReader(io.StringIO(out))) == ["nld-1", "quiet-1"]


def test_an_export_filter_that_is_wrong_says_how_to_write_it(db: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "acled",
                                       "--country", "Netherlands"])
    assert result.exit_code == 2
    assert "NLD for Netherlands" in result.output


def test_the_hand_made_store_has_what_these_tests_assume() -> None:
    docs = {d.id: d for d in hand_made_documents()}
    assert docs["nld-1"].events[1].status == "planned"
