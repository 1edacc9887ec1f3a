"""The app itself: health, one event with its sources and evidence, errors as clear 4xx
answers, the OpenAPI description."""

import pytest
from stored import NAMES, names_by_id

from lagebild.query import encode_cursor


def an_id(name: str) -> str:
    return next(i for i, n in names_by_id().items() if n == name)


def test_health_counts_what_is_stored(client):
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert (body["documents"], body["events"]) == (7, len(NAMES))


def test_one_event_carries_every_report_with_its_figure_and_merge_rule(client):
    event = client.get(f"/events/{an_id('prison')}").json()
    first, second = event["sources"]
    assert (first["doc_id"], first["fatalities"], first["merged_by"]) == ("de/prison.txt", 2, None)
    assert (second["doc_id"], second["fatalities"]) == ("en/prison-en.txt", 3)
    assert "places 0 km apart" in second["merged_by"]
    assert event["fatalities"] == 3  # the later report's figure
    assert {(e["doc_id"], e["field"]) for e in event["evidence"]} >= {
        ("de/prison.txt", "actor1"),
        ("en/prison-en.txt", "location"),
    }


def test_a_merged_report_s_own_id_finds_its_event(client):
    event = client.get(f"/events/{an_id('prison-en')}").json()
    assert event["event_id"] == an_id("prison")


def test_unknown_event_is_a_404_naming_it(client):
    response = client.get("/events/lb-0000000000000000")
    assert response.status_code == 404
    assert response.json() == {"detail": "no event 'lb-0000000000000000'"}


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("limit=0", "limit"),
        ("limit=5000", "limit"),
        ("limit=abc", "limit"),
        ("offset=-1", "offset"),
        ("sort=newest", "sort"),
        ("date_from=2022-02-30", "date_from"),
        ("date_from=2022-02-01&date_to=2022-01-01", "date_to"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=west,2,3,4", "bbox"),
        ("bbox=0,50,10,40", "bbox"),
        ("bbox=0,0,200,10", "bbox"),
        ("min_fatalities=-1", "min_fatalities"),
        ("min_fatalities=99999999999999999999", "min_fatalities"),
        ("country=" + "x" * 101, "country"),
        ("text=a%00b", "text"),
    ],
)
def test_a_bad_parameter_is_a_422_naming_it(client, query, parameter):
    response = client.get(f"/events?{query}")
    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["detail"]] == [["query", parameter]]


@pytest.mark.parametrize(
    "cursor",
    [
        "not-a-cursor",
        "W10",  # []
        encode_cursor("-fatalities", {"fatalities": 3, "event_id": "lb-1"}),  # another sort's
        "WyIyMDIyLTAxLTAxIiwgNV0",  # ["2022-01-01", 5]: the id is no string
        "WyIyMDIyLTEzLTAxIiwgImxiIl0",  # ["2022-13-01", "lb"]: no such date
    ],
)
def test_a_cursor_the_api_did_not_give_out_is_a_400(client, cursor):
    response = client.get(f"/events?cursor={cursor}")
    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"cursor {cursor!r} is not one this API gave out")


def test_a_cursor_too_large_for_the_database_is_a_400(client):
    cursor = encode_cursor("fatalities", {"fatalities": 10**30, "event_id": "lb-1"})
    assert client.get(f"/events?sort=fatalities&cursor={cursor}").status_code == 400


def test_offset_paging_points_to_next(client):
    assert client.get("/events?offset=0").status_code == 200
    response = client.get("/events?offset=2")
    assert response.status_code == 400
    assert "follow `next`" in response.json()["detail"]


def test_untrusted_text_comes_back_as_escaped_json_never_html(client):
    response = client.get("/events?text=%3Cscript%3Ealert(1)%3C/script%3E")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_openapi_documents_the_routes(client):
    schema = client.get("/openapi.json").json()
    assert {
        "/events", "/events/{event_id}", "/events.csv", "/events.geojson", "/stats",
        "/documents", "/health",
    } <= set(schema["paths"])  # fmt: skip
    parameters = {p["name"] for p in schema["paths"]["/events"]["get"]["parameters"]}
    assert {"bbox", "country", "min_fatalities", "sort", "limit", "cursor"} <= parameters
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
