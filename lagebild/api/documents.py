"""Adding a document over HTTP: coded by the pipeline and stored like `lagebild ingest` stores
a file, behind a bearer token."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Response
from fastapi.security import HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..ingest import add_documents
from ..models import MAX_DOCUMENT_CHARS, MAX_ID_CHARS, Document, Event
from ..pipeline import process
from ..read import document_from_text
from ..store import Store, published_date
from .events import json_response

YEARS = range(1900, 2101)  # outside, a year is misread, and the merge's date window overflows
OUTSIDE = f"not between {YEARS[0]} and {YEARS[-1]}"

bearer = HTTPBearer(auto_error=False, description="The token set in LAGEBILD_TOKEN.")


class NewDocument(BaseModel):
    """A news article: the fields of a stored document, of which only `text` is required."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        min_length=1,
        max_length=MAX_DOCUMENT_CHARS,
        description="The article; it may open with lagebild's `date YYYY-MM-DD`, `url`, "
        "`title` and `lang` lines, as a text file may.",
    )
    id: str | None = Field(
        None,
        min_length=1,
        max_length=MAX_ID_CHARS,
        description="Made from the text's hash if missing.",
    )
    published: str | None = Field(
        None,
        pattern=r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$",
        description="YYYY-MM or YYYY-MM-DD: relative dates in the text count from it.",
    )
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=1000)
    language: str | None = Field(
        None, pattern=r"^[a-z]{2}$", description="de or en; detected if missing."
    )

    @field_validator("text", "id", "url", "title")
    @classmethod
    def storable(cls, value: str | None) -> str | None:
        """PostgreSQL cannot store NUL in text: refuse it here, for both databases."""
        if value is not None:
            if "\x00" in value:
                raise ValueError("must not contain NUL characters")
            if not value.strip():
                raise ValueError("must not be blank")
        return value

    @field_validator("published")
    @classmethod
    def real_date(cls, value: str | None) -> str | None:
        """The pattern lets 2022-02-30 through; a date in a year outside YEARS is refused too."""
        if value is not None and published_date(value).year not in YEARS:
            raise ValueError(f"is {OUTSIDE}")
        return value

    def document(self) -> Document:
        """The document `ingest` would read from a file of this text; the fields given here
        win over the text's header lines."""
        doc_id = self.id or "doc-" + hashlib.sha256(self.text.encode()).hexdigest()[:16]
        given = self.model_dump(
            include={"published", "url", "title", "language"}, exclude_none=True
        )
        return document_from_text(doc_id, self.text).model_copy(update=given)


class StoredDocument(BaseModel):
    """A stored document as read: evidence offsets count into `text`."""

    id: str
    text: str
    body_start: int
    published: str | None
    url: str | None
    title: str | None
    language: str | None


class Ingested(BaseModel):
    id: str = Field(description="The stored document's id.")
    status: Literal["stored", "already stored"]
    events: list[Event] = Field(description="The events it reports, merged ones included.")


def check_years(document: Document, events: Iterable[Event] = ()) -> None:
    """A year outside YEARS in the text's header or in an event the text dates is refused."""
    published = published_date(document.published)
    if published and published.year not in YEARS:
        raise HTTPException(422, f"text: the header date {document.published} is {OUTSIDE}")
    for event in events:
        if event.event_date.year not in YEARS:
            raise HTTPException(422, f"text: it dates an event {event.event_date}, {OUTSIDE}")


def router(store: Store) -> APIRouter:
    api = APIRouter(tags=["documents"])
    writing = threading.Lock()  # one writer: SQLite takes one, and merges must see each other

    @api.get(
        "/documents/{doc_id:path}",
        response_model=StoredDocument,
        responses={404: {"description": "No such document."}},
    )
    def get_document(
        doc_id: Annotated[str, Path(max_length=500, pattern=r"^[^\x00]+$")],
    ) -> Response:
        """A stored document, to show an event's evidence in its source's words."""
        document = store.document(doc_id)
        if document is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return json_response(StoredDocument(**document.model_dump()))

    @api.post(
        "/documents",
        status_code=201,
        response_model=Ingested,
        dependencies=[Depends(bearer)],  # documents the scheme; `middleware.TokenGuard` checks it
        responses={
            200: {"model": Ingested, "description": "Already stored: nothing changed."},
            401: {"description": "No token, or the wrong one."},
            403: {"description": "Writes are off (LAGEBILD_TOKEN is not set)."},
            409: {"description": "Another document is stored under this id."},
        },
    )
    def add_document(new: NewDocument) -> Response:
        """Code a document's events and store both; events another stored report already
        gave are merged with it. Sending the same text again changes nothing."""
        document = new.document()
        check_years(document)
        coded = process(document)
        check_years(coded.document, coded.events)
        with writing:
            outcome = add_documents(store, [(coded.document, coded.events)])
        if outcome.refused:
            raise outcome.refused[0]  # another text under its id (409), or the database's refusal
        if outcome.known:
            stored = outcome.known[0][1]
            events = store.document_events(stored)
            return json_response(Ingested(id=stored, status="already stored", events=events))
        events = store.document_events(document.id)
        return json_response(Ingested(id=document.id, status="stored", events=events), 201)

    return api
