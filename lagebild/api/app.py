"""The HTTP API: events as JSON with paging, one event with its evidence, health."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import BaseModel

from .. import __version__
from ..errors import LagebildError
from ..models import Event
from ..store import Store

MAX_PAGE = 1000


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    next: str | None
    events: list[Event]


class Health(BaseModel):
    status: str
    version: str
    events: int
    documents: int


def create_app(store: Store, page_size: int = 100) -> FastAPI:
    app = FastAPI(
        title="lagebild",
        version=__version__,
        description="Conflict events coded from news, ACLED-style, with evidence for every field.",
    )

    @app.exception_handler(LagebildError)
    async def lagebild_error(_request: Request, error: LagebildError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=error.http_status)

    @app.get("/", include_in_schema=False)
    def index() -> RedirectResponse:
        return RedirectResponse("/docs")

    @app.get("/health")
    def health() -> Health:
        return Health(
            status="ok",
            version=__version__,
            events=store.count_events(),
            documents=store.count_documents(),
        )

    @app.get("/events")
    def list_events(
        request: Request,
        limit: int = Query(page_size, ge=1, le=MAX_PAGE, description="Events per page."),
        offset: int = Query(0, ge=0, description="Events to skip."),
    ) -> EventPage:
        """Events, newest first, a page at a time; `next` links to the following page."""
        total = store.count_events()
        following = offset + limit
        next_url = (
            str(request.url.include_query_params(offset=following)) if following < total else None
        )
        return EventPage(
            total=total,
            limit=limit,
            offset=offset,
            next=next_url,
            events=store.events(limit=limit, offset=offset),
        )

    @app.get("/events/{event_id}", responses={404: {"description": "No such event"}})
    def get_event(event_id: str) -> Event:
        """One event with its sources and the evidence behind every field."""
        event = store.event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return event

    return app
