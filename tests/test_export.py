"""Exports: ACLED CSV in the current and legacy column sets, GeoJSON and JSON Lines."""

import csv
import io
import json

from lagebild.export import (
    CURRENT_COLUMNS,
    LEGACY_COLUMNS,
    acled_row,
    write_acled_csv,
    write_geojson,
    write_jsonl,
)
from lagebild.models import Event, Evidence, Source


def one_sided(make_event) -> Event:
    return make_event(
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        actor2=None,
        inter2=None,
    )


def csv_rows(events, columns: str) -> list[dict]:
    out = io.StringIO()
    write_acled_csv(events, out, columns)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def geojson(events) -> dict:
    out = io.StringIO()
    write_geojson(events, out)
    return json.loads(out.getvalue())


def test_legacy_columns_are_the_header_of_an_acled_export(acled_dev):
    with open(acled_dev, encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert list(LEGACY_COLUMNS) == header


def test_current_columns_follow_the_2023_codebook():
    assert len(CURRENT_COLUMNS) == 31
    assert CURRENT_COLUMNS[:5] == (
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
    )  # fmt: skip
    assert {"civilian_targeting", "tags"} <= set(CURRENT_COLUMNS)
    assert not {"data_id", "iso3", "event_id_no_cnty"} & set(CURRENT_COLUMNS)


def test_csv_header_is_the_column_set(make_event):
    out = io.StringIO()
    assert write_acled_csv([make_event()], out, "legacy") == 1
    assert out.getvalue().splitlines()[0] == ",".join(LEGACY_COLUMNS)


def test_legacy_inter_codes_are_numbers(make_event):
    row = csv_rows([make_event()], "legacy")[0]
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("2", "7", "27")


def test_current_inter_codes_are_text(make_event):
    row = csv_rows([make_event()], "current")[0]
    assert (row["inter1"], row["inter2"], row["interaction"]) == (
        "Rebel group",
        "Civilians",
        "Rebel group-Civilians",
    )


def test_one_actor_event_is_x_only(make_event):
    legacy = acled_row(one_sided(make_event), "legacy")
    current = acled_row(one_sided(make_event), "current")
    assert (legacy["interaction"], legacy["inter2"], legacy["actor2"]) == (20, 0, "")
    assert (current["interaction"], current["inter2"]) == ("Rebel group only", "")
    assert csv_rows([one_sided(make_event)], "legacy")[0]["inter2"] == "0"


def test_civilians_targeted_when_civilians_are_actor2_of_violence_against_civilians(make_event):
    assert csv_rows([make_event()], "current")[0]["civilian_targeting"] == "Civilians targeted"
    assert acled_row(one_sided(make_event))["civilian_targeting"] == ""


def test_iso_is_numeric_from_iso3(make_event):
    assert csv_rows([make_event(iso3="SYR")], "legacy")[0]["iso"] == "760"
    assert csv_rows([make_event(iso3="SYR")], "legacy")[0]["iso3"] == "SYR"
    assert acled_row(make_event(iso3=None))["iso"] == ""


def test_coordinates_have_four_decimals(make_event):
    row = csv_rows([make_event(latitude=36.502371, longitude=40.7)], "current")[0]
    assert (row["latitude"], row["longitude"]) == ("36.5024", "40.7000")
    assert acled_row(make_event(latitude=None, longitude=None))["latitude"] == ""


def test_source_names_the_publishers(make_event):
    sources = [
        Source(doc_id="a", url="https://www.tagesschau.de/x"),
        Source(doc_id="b", url="https://www.tagesschau.de/y"),
        Source(doc_id="c.txt"),
    ]
    assert acled_row(make_event(sources=sources))["source"] == "www.tagesschau.de; c.txt"


def test_notes_with_commas_quotes_and_newlines_survive_csv(make_event):
    notes = 'On 23 January, "IS" fighters attacked, the SDF said;\nat least 2 killed.\r\nEnde'
    events = [make_event(notes=notes), make_event(notes="plain")]
    rows = csv_rows(events, "current")
    assert [row["notes"] for row in rows] == [notes, "plain"]


def test_cells_that_open_like_a_formula_are_neutralised(make_event):
    sources = [
        Source(doc_id='=HYPERLINK("http://evil.example","Quelle")'),
        Source(doc_id="@SUM(1)"),
    ]
    event = make_event(sources=sources, notes="+491701234567 called", latitude=-12.5)
    (row,) = csv_rows([event], "current")
    assert row["source"] == '\'=HYPERLINK("http://evil.example","Quelle"); @SUM(1)'
    assert row["notes"] == "'+491701234567 called"
    assert row["latitude"] == "-12.5000", "a negative number stays a number"


def test_geojson_is_a_feature_collection_of_points_in_lon_lat_order(make_event):
    collection = geojson([make_event(latitude=36.5, longitude=40.75)])
    assert collection["type"] == "FeatureCollection"
    feature = collection["features"][0]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [40.75, 36.5]}


def test_geojson_event_without_coordinates_has_null_geometry(make_event):
    collection = geojson([make_event(), make_event(latitude=None, longitude=None)])
    assert [f["geometry"] is None for f in collection["features"]] == [False, True]


def test_geojson_properties_carry_the_event(make_event):
    properties = geojson([make_event(fatalities=4)])["features"][0]["properties"]
    assert properties["event_type"] == "Violence against civilians"
    assert properties["fatalities"] == 4
    assert [s["doc_id"] for s in properties["sources"]] == ["de/a.txt"]


def test_empty_geojson_is_a_valid_empty_collection():
    assert geojson([]) == {"type": "FeatureCollection", "features": []}


def test_jsonl_has_one_line_per_event_that_reads_back_equal(make_event):
    spans = [Evidence(doc_id="de/a.txt", field="actor1", text="IS", start=3, end=5)]
    events = [make_event(), one_sided(make_event), make_event(notes='a "b",\nc', evidence=spans)]
    out = io.StringIO()
    assert write_jsonl(events, out) == 3
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    assert [Event.model_validate_json(line) for line in lines] == events


def test_region_is_acleds(make_event):
    assert csv_rows([make_event(iso3="SYR")], "current")[0]["region"] == "Middle East"
    assert csv_rows([make_event(iso3="SOM")], "legacy")[0]["region"] == "Eastern Africa"
