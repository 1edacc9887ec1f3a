"""GET /events on SQLite and PostgreSQL: every filter narrows the events as it says, every sort
orders them, and following `next` walks all of them exactly once."""

import pytest
from stored import FILTERS, NAMES, PAGE_SIZE

from lagebild.models import Event
from lagebild.query import EventFilter

SORTS = {  # sort: the field it orders by, descending or not
    "-date": ("event_date", True),
    "date": ("event_date", False),
    "-fatalities": ("fatalities", True),
    "fatalities": ("fatalities", False),
}


def walk(api, url: str) -> list[dict]:
    """Every event from `url` on, following `next` to the last page."""
    events = []
    while url:
        page = api.get(url).json()
        events += page["events"]
        url = page["next"]
    return events


def test_each_filter_selects_exactly_its_events(api, named):
    pages = {query: api.get(f"/events?limit=1000&{query}").json() for query in FILTERS}
    assert {query: set(named(page["events"])) for query, page in pages.items()} == FILTERS
    assert {query: page["total"] for query, page in pages.items()} == {
        query: len(names) for query, names in FILTERS.items()
    }


def in_order(events: list[dict], sort: str) -> list[dict]:
    """The events as `sort` orders them: by its field, ties by id in the same direction."""
    field, descending = SORTS[sort]
    return sorted(events, key=lambda e: (e[field], e["event_id"]), reverse=descending)


@pytest.mark.parametrize("sort", SORTS)
def test_cursor_paging_walks_every_event_once_in_sort_order(api, sort):
    events = walk(api, f"/events?sort={sort}")
    ids = [e["event_id"] for e in events]
    assert len(ids) == len(set(ids)) == len(NAMES)
    assert events == in_order(events, sort)


def test_next_keeps_the_filters_sort_and_limit(api, named):
    first = api.get("/events?country=Syria&sort=fatalities&limit=1").json()
    assert "country=Syria" in first["next"] and "sort=fatalities" in first["next"]
    assert first["total"] == 2
    assert named(walk(api, first["next"])) == ["clash"]
    assert named(first["events"]) == ["prison"]


def test_a_page_holds_page_size_events_unless_limit_says(client):
    assert len(client.get("/events").json()["events"]) == PAGE_SIZE
    page = client.get("/events?limit=5").json()
    assert (page["limit"], len(page["events"])) == (5, 5)


def test_last_page_has_no_next_link(client):
    page = client.get("/events?limit=1000").json()
    assert page["next"] is None


def test_a_page_is_the_event_records_the_store_reads(api):
    page = api.get("/events", params={"limit": 1000}).json()
    typed, _ = api.app.state.store.query_events(EventFilter(), limit=1000)
    assert page["events"]
    assert page["events"] == [e.model_dump(mode="json") for e in typed]
    for event in page["events"]:
        assert Event.model_validate(event).model_dump(mode="json") == event


@pytest.mark.parametrize(
    "route", ["/events", "/points", "/stats", "/events.csv", "/health", "/places?bbox=0,0,1,1"]
)
def test_an_unknown_parameter_is_refused_by_name(client, route):
    response = client.get(f"{route}{'&' if '?' in route else '?'}countyr=Syria")
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["query", "countyr"] and "unknown parameter" in error["msg"]
