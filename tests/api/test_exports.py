"""GET /events.csv, /events.geojson and /stats: exactly the events /events selects with the
same filters, as downloads streamed in chunks, and timeline counts that add up to its totals."""

import csv
import io

import pytest
from stored import FILTERS

from lagebild.api import events as events_api
from lagebild.export import CURRENT_COLUMNS, LEGACY_COLUMNS


def selected(client, query: str) -> list[str]:
    """The ids /events gives for a query, in its order (newest first)."""
    return [e["event_id"] for e in client.get(f"/events?limit=1000&{query}").json()["events"]]


def csv_rows(client, query: str) -> list[dict]:
    response = client.get(f"/events.csv?{query}")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.text)))


@pytest.mark.parametrize("query", FILTERS)
def test_csv_holds_exactly_the_filtered_events(client, query):
    assert [row["event_id_cnty"] for row in csv_rows(client, query)] == selected(client, query)


@pytest.mark.parametrize("query", FILTERS)
def test_geojson_holds_exactly_the_filtered_events(client, query):
    response = client.get(f"/events.geojson?{query}")
    assert response.status_code == 200
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    assert [feature["id"] for feature in collection["features"]] == selected(client, query)


def test_exports_are_downloads_of_their_media_type(client):
    csv_response = client.get("/events.csv")
    assert csv_response.headers["content-type"] == "text/csv; charset=utf-8"
    assert (
        csv_response.headers["content-disposition"] == 'attachment; filename="lagebild-events.csv"'
    )
    geojson = client.get("/events.geojson")
    assert geojson.headers["content-type"] == "application/geo+json"
    assert geojson.headers["content-disposition"].endswith('filename="lagebild-events.geojson"')


def test_csv_has_current_columns_unless_legacy_is_asked_for(client):
    assert list(csv_rows(client, "")[0]) == list(CURRENT_COLUMNS)
    legacy = csv_rows(client, "columns=legacy")
    assert list(legacy[0]) == list(LEGACY_COLUMNS)
    assert {row["inter1"] for row in legacy} <= set("12345678")


def test_an_event_without_coordinates_has_a_null_geometry(client):
    (feature,) = client.get("/events.geojson?country=Nigeria").json()["features"]
    assert feature["geometry"] is None
    assert feature["properties"]["admin1"] == "Borno"


def test_an_export_streams_in_chunks(client, monkeypatch):
    monkeypatch.setattr(events_api, "CHUNK", 200)
    with client.stream("GET", "/events.csv?columns=current") as response:  # an URL not kept
        chunks = list(response.iter_bytes())
    assert len(chunks) > 3
    rows = list(csv.DictReader(io.StringIO(b"".join(chunks).decode())))
    assert len(rows) == len(selected(client, ""))


def test_a_bad_filter_is_refused_before_the_download_starts(client):
    response = client.get("/events.csv?bbox=1,2")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/json"


def test_stats_add_up_to_what_events_selects(api):
    def totals(query: str) -> tuple[int, int]:
        events = api.get(f"/events?limit=1000&{query}").json()["events"]
        return len(events), sum(e["fatalities"] for e in events)

    def timeline(query: str, period: str) -> tuple[int, int]:
        rows = api.get(f"/stats?period={period}&{query}").json()["rows"]
        return sum(row["events"] for row in rows), sum(row["fatalities"] for row in rows)

    queries = {query: totals(query) for query in FILTERS}
    for period in ("day", "week", "month"):
        assert {query: timeline(query, period) for query in FILTERS} == queries


def test_stats_count_per_period_and_event_type(api):
    rows = api.get("/stats?period=week&event_type=Protests").json()["rows"]
    assert rows == [  # 20 and 23 January 2022 fall in the week of Monday 17 January
        {"period": "2022-01-17", "event_type": "Protests", "events": 2, "fatalities": 0}
    ]
    months = api.get("/stats").json()["rows"]
    assert [(row["period"], row["event_type"]) for row in months] == [
        ("2022-01-01", "Explosions/Remote violence"),
        ("2022-01-01", "Protests"),
        ("2022-01-01", "Violence against civilians"),
        ("2022-02-01", "Battles"),
        ("2022-03-01", "Battles"),
    ]
