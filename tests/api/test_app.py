"""The HTTP API over a real SQLite store: health, paging, one event, errors."""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lagebild.api import create_app
from lagebild.pipeline import process
from lagebild.read import read_file
from lagebild.store import Store

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = Store(str(tmp_path_factory.mktemp("api") / "api.db"))
    document = next(read_file(ROOT / "data" / "corpus" / "hasakah-prison-2022-01.txt"))
    store.add([process(document)])
    return TestClient(create_app(store, page_size=2))


def test_health_counts_what_is_stored(client):
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["documents"] == 1
    assert body["events"] >= 3


def test_events_are_paged_with_a_next_link(client):
    first = client.get("/events").json()
    assert (first["limit"], first["offset"], len(first["events"])) == (2, 0, 2)
    second = client.get(first["next"]).json()
    assert second["offset"] == 2
    ids = [e["event_id"] for e in first["events"] + second["events"]]
    assert len(ids) == len(set(ids))


def test_last_page_has_no_next_link(client):
    total = client.get("/events").json()["total"]
    assert client.get(f"/events?offset={total - 1}").json()["next"] is None


def test_one_event_carries_sources_and_evidence(client):
    event_id = client.get("/events").json()["events"][0]["event_id"]
    event = client.get(f"/events/{event_id}").json()
    assert event["sources"][0]["doc_id"].endswith("hasakah-prison-2022-01.txt")
    assert {e["field"] for e in event["evidence"]} >= {"sub_event_type", "actor1"}


def test_unknown_event_is_404(client):
    response = client.get("/events/lb-0000000000000000")
    assert response.status_code == 404
    assert "lb-0000000000000000" in response.json()["detail"]


@pytest.mark.parametrize("query", ["limit=0", "limit=5000", "offset=-1", "limit=abc"])
def test_bad_paging_is_a_422_naming_the_parameter(client, query):
    response = client.get(f"/events?{query}")
    assert response.status_code == 422
    assert query.split("=")[0] in response.text


def test_openapi_documents_the_routes(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/events", "/events/{event_id}", "/health"} <= set(paths)
