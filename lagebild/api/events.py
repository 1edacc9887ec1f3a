"""Reading events: filtered and cursor-paged JSON, one event, CSV and GeoJSON exports, the
timeline's counts. Every route takes the same filter parameters."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import chain
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field, ValidationError

from ..export import acled_csv_lines, geojson_lines
from ..models import Event
from ..query import MAX_INT, EventFilter, Period, Sort
from ..settings import MAX_PAGE
from ..store import Store

JSON = "application/json"
CHUNK = 1 << 20  # characters per chunk of a streamed export: each is one trip to a worker thread


class EventPage(BaseModel):
    total: int = Field(description="Events the filter selects, on all pages.")
    limit: int
    next: str | None = Field(description="URL of the next page, null on the last.")
    events: list[Event]


class TimelineRow(BaseModel):
    period: dt.date = Field(description="First day of the day, week (Monday) or month.")
    event_type: str
    events: int
    fatalities: int


class Timeline(BaseModel):
    period: Period
    rows: list[TimelineRow]


class Points(BaseModel):
    """Every selected event in a few columns, one list per column (a list per field is a
    third the size of a list of objects): what a map of 100,000 events loads at once. Types,
    sub-types and countries are indexes into their name lists; days count from 1970-01-01."""

    count: int
    event_types: list[str]
    sub_event_types: list[str]
    countries: list[str]
    country_codes: list[str | None] = Field(
        description="ISO 3166 alpha-2 code of each of `countries` (null: none known)."
    )
    id: list[str]
    latitude: list[float | None]
    longitude: list[float | None]
    day: list[int]
    event_type: list[int]
    sub_event_type: list[int]
    country: list[int] = Field(description="-1: no country.")
    fatalities: list[int]


class CSVResponse(StreamingResponse):
    media_type = "text/csv"


class GeoJSONResponse(StreamingResponse):
    media_type = "application/geo+json"


async def event_filter(
    date_from: Annotated[
        dt.date | None, Query(description="First event date (inclusive), YYYY-MM-DD.")
    ] = None,
    date_to: Annotated[dt.date | None, Query(description="Last event date (inclusive).")] = None,
    bbox: Annotated[
        str | None,
        Query(
            max_length=200,
            description="west,south,east,north in degrees; west > east crosses the antimeridian.",
            examples=["35.7,32.3,42.4,37.3"],
        ),
    ] = None,
    country: Annotated[
        str | None, Query(max_length=100, description="ACLED country name, e.g. Syria.")
    ] = None,
    admin1: Annotated[
        str | None, Query(max_length=100, description="First-level region, e.g. Al-Hasakah.")
    ] = None,
    event_type: Annotated[
        str | None, Query(max_length=100, description="ACLED event type, e.g. Battles.")
    ] = None,
    sub_event_type: Annotated[
        str | None, Query(max_length=100, description="ACLED sub-event type, e.g. Armed clash.")
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="Part of actor1's or actor2's name.")
    ] = None,
    text: Annotated[
        str | None, Query(max_length=200, description="Words in the notes or a source's text.")
    ] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, le=MAX_INT)] = None,
    located: Annotated[
        bool | None,
        Query(
            description="true: events with coordinates; false: those without (country or "
            "region only)."
        ),
    ] = None,
) -> EventFilter:
    """The filter the query parameters describe; what EventFilter refuses (a bbox it cannot
    read, date_to before date_from) is a 422 naming the parameter, like any other. Async: it
    only reads parameters, so it needs no trip through the worker threads."""
    try:
        return EventFilter(
            date_from=date_from,
            date_to=date_to,
            bbox=bbox,
            country=country,
            admin1=admin1,
            event_type=event_type,
            sub_event_type=sub_event_type,
            actor=actor,
            text=text,
            min_fatalities=min_fatalities,
            located=located,
        )
    except ValidationError as error:
        errors = error.errors(include_url=False, include_context=False)
        raise RequestValidationError([{**e, "loc": ("query", *e["loc"])} for e in errors]) from None


Filter = Annotated[EventFilter, Depends(event_filter)]


def chunked(lines: Iterable[str]) -> Iterator[str]:
    """Lines joined into chunks of about CHUNK characters: fewer, larger writes."""
    buffer, size = [], 0
    for line in lines:
        buffer.append(line)
        size += len(line)
        if size >= CHUNK:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)


def streamed(response_class: type[StreamingResponse], lines: Iterable[str], filename: str):
    """The export as a download, streamed as the store pages through the events. The first
    chunk is made before the response starts, so a failing query still gets its status; an
    export of one chunk is sent whole (each chunk streamed is a trip to a worker thread)."""
    chunks = chunked(lines)
    first, second = next(chunks), next(chunks, None)
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if second is None:
        return Response(first, headers=headers, media_type=response_class.media_type)
    return response_class(chain([first, second], chunks), headers=headers)


def points_json(rows: list[tuple]) -> str:
    """The `Points` columns of store rows, encoded directly: no model per event."""
    names: dict[str, dict[str, int]] = {"event_types": {}, "sub_event_types": {}, "countries": {}}

    def index(kind: str, name: str | None) -> int:
        return -1 if name is None else names[kind].setdefault(name, len(names[kind]))

    columns = {
        "id": [row[0] for row in rows],
        "latitude": [row[1] for row in rows],
        "longitude": [row[2] for row in rows],
        "day": [row[3] for row in rows],
        "event_type": [index("event_types", row[4]) for row in rows],
        "sub_event_type": [index("sub_event_types", row[5]) for row in rows],
        "country": [index("countries", row[6]) for row in rows],
        "fatalities": [row[7] for row in rows],
    }
    listed = {kind: list(found) for kind, found in names.items()}
    codes = {"country_codes": [country_codes().get(name) for name in listed["countries"]]}
    return json.dumps({"count": len(rows), **listed, **codes, **columns}, separators=(",", ":"))


@cache
def country_codes() -> dict[str, str]:
    """ACLED country name -> ISO alpha-2 code: what a browser needs to name it in its language."""
    from ..extraction.lexicon import countries

    return {country.name: code for code, country in countries().items()}


def json_response(model: BaseModel, status_code: int = 200) -> Response:
    """A model as the answer, serialized once: FastAPI would validate a route's returned model
    again, in a second trip through the worker threads."""
    return Response(model.model_dump_json(), status_code=status_code, media_type=JSON)


def page_json(total: int, limit: int, link: str | None, records: list[str]) -> str:
    """An `EventPage` around events' JSON records as the store keeps them."""
    head = json.dumps({"total": total, "limit": limit, "next": link})[:-1]
    return f'{head}, "events": [{",".join(records)}]}}'


def router(store: Store, page_size: int) -> APIRouter:
    api = APIRouter(tags=["events"])

    @api.get("/events", response_model=EventPage)
    def list_events(
        request: Request,
        wanted: Filter,
        sort: Annotated[
            Sort, Query(description="Newest or oldest first, or most or fewest fatalities first.")
        ] = "-date",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Events per page.")] = page_size,
        cursor: Annotated[
            str | None,
            Query(max_length=500, description="Where the page starts: the previous `next` has it."),
        ] = None,
        offset: Annotated[
            int | None,
            Query(
                ge=0,
                deprecated=True,
                description="Paging is by cursor now: follow `next`. Only 0 is accepted.",
            ),
        ] = None,
    ) -> Response:
        """The events the filters select, a page at a time; `next` links to the following page
        with the same filters."""
        if offset:
            raise HTTPException(400, "offset paging is gone: follow `next`, which has a cursor")
        records, following = store.query_json(wanted, sort, limit, cursor)
        link = str(request.url.include_query_params(cursor=following)) if following else None
        return Response(page_json(store.count(wanted), limit, link, records), media_type=JSON)

    @api.get("/points", response_model=Points)
    def points(wanted: Filter) -> Response:
        """Every event the filters select as columns, in no particular order: for maps and
        timelines drawn in the browser."""
        return Response(points_json(store.points(wanted)), media_type=JSON)

    @api.get("/events.csv", response_class=CSVResponse)
    def export_csv(
        wanted: Filter,
        columns: Annotated[
            Literal["current", "legacy"],
            Query(description="ACLED's columns since 2023, or the ones before."),
        ] = "current",
    ) -> CSVResponse:
        """The events the filters select as ACLED CSV, newest first."""
        lines = acled_csv_lines(store.iter_events(wanted, evidence=False), columns)
        return streamed(CSVResponse, lines, "lagebild-events.csv")

    @api.get("/events.geojson", response_class=GeoJSONResponse)
    def export_geojson(wanted: Filter) -> GeoJSONResponse:
        """The events the filters select as a GeoJSON FeatureCollection, newest first; an
        event without coordinates has a null geometry."""
        lines = geojson_lines(store.iter_events(wanted, evidence=False))
        return streamed(GeoJSONResponse, lines, "lagebild-events.geojson")

    @api.get(
        "/events/{event_id}",
        response_model=Event,
        responses={404: {"description": "No such event."}},
    )
    def get_event(
        event_id: Annotated[
            str,
            Path(
                max_length=100,
                pattern=r"^[^\x00]+$",
                description="An event's id, or the id a report merged into it had on its own.",
            ),
        ],
    ) -> Response:
        """One event with its sources (each with its own fatality figure and, if it joined an
        event another report made, the merge rule) and the evidence behind every field."""
        event = store.event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return json_response(event)

    @api.get("/stats", response_model=Timeline)
    def stats(
        wanted: Filter,
        period: Annotated[Period, Query(description="Count by day, week or month.")] = "month",
    ) -> Response:
        """Events and fatalities per period and event type, oldest period first: the timeline
        of what /events selects with the same filters."""
        return json_response(Timeline(period=period, rows=store.stats(wanted, period)))

    return api
