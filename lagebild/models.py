"""The typed records every stage shares: Document, Sentence, Source, Evidence and Event.

The Event model is the contract of DESIGN.md's event record; `event.schema.json`, shipped in the
package, is generated from it (`lagebild schema`) and a test keeps the two equal.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Annotated, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, model_validator

from . import taxonomy

InterCode = Annotated[int, Field(ge=1, le=8)]
MAX_FATALITIES = 100_000  # more than any one event ACLED has coded: a larger figure is no count
MAX_DOCUMENT_CHARS = 1_000_000  # spaCy's own limit; a longer text is not one article
MAX_ID_CHARS = 500
Fatalities = Annotated[int, Field(ge=0, le=MAX_FATALITIES)]
GeoNamesId = Annotated[int, Field(ge=0, le=2**31 - 1)]


class Document(BaseModel):
    """One article. `text` is the source exactly as read; extraction starts at `body_start`.

    `path`, `line` and `format` say where it was read (a file, the line of its record in a
    file of many, the reader); they are not stored.
    """

    id: str = Field(min_length=1, max_length=MAX_ID_CHARS)
    text: str = Field(max_length=MAX_DOCUMENT_CHARS)
    body_start: int = Field(0, ge=0, le=MAX_DOCUMENT_CHARS)
    published: str | None = Field(
        None, description="ISO date, possibly partial: YYYY-MM or YYYY-MM-DD"
    )
    url: str | None = None
    title: str | None = None
    language: str | None = None
    path: str | None = Field(None, exclude=True)
    line: int | None = Field(None, exclude=True)
    format: str | None = Field(None, exclude=True)

    def location(self, offset: int | None = None) -> str:
        """Where a reader finds the document (`file:line` for a record of a file of many), or
        the line of `offset` in a text file, which its text is."""
        if self.path is None:
            return self.id
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.format == "text" and offset is not None and offset <= len(self.text):
            return f"{self.path}:{self.text.count(chr(10), 0, offset) + 1}"
        return self.path

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


class Notice(NamedTuple):
    """Something a reader of the data should know about how a document was coded (a figure
    that is no count, a date the text does not give), and where: `Document.location`."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class Sentence(NamedTuple):
    """A sentence of a document, located by character offsets into `Document.text`."""

    start: int
    end: int
    text: str


class Source(BaseModel):
    """A document that reports the event; when several do, what each said and why it joined."""

    doc_id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    fatalities: Fatalities | None = Field(None, description="This report's own figure.")
    merged_by: str | None = Field(
        None, description="Why this report joined an event another one created (merge rule)."
    )

    @classmethod
    def of(cls, document: Document) -> Source:
        return cls(
            doc_id=document.id,
            url=document.url,
            title=document.title,
            published=document.published,
            language=document.language,
        )


class Evidence(BaseModel):
    """The words of a source behind one coded field: `text == source_text[start:end]`.

    `start` and `end` are null only when the value came from the document's metadata (a feed's
    publication date, say) rather than from its text.
    """

    doc_id: str
    field: str
    text: str
    start: int | None = None
    end: int | None = None


class Event(BaseModel):
    """One coded event, as ACLED would code it, with its sources and evidence."""

    model_config = ConfigDict(extra="forbid")

    event_id: str = ""
    event_date: dt.date
    time_precision: Literal[1, 2, 3]
    date_assumed: bool = Field(
        False,
        description="The source gave no date: event_date is the month the event was coded in.",
    )
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str | None = None
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None
    inter1: InterCode
    inter2: InterCode | None = None
    interaction: int = 0
    disorder_type: str = ""
    civilian_targeting: bool = False
    country: str | None = None
    iso3: str | None = Field(None, min_length=3, max_length=3)
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    geonames_id: GeoNamesId | None = None
    geo_precision: Literal[1, 2, 3] | None = None
    fatalities: Fatalities = 0
    sources: list[Source] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(0.5, ge=0, le=1)
    notes: str = ""

    @model_validator(mode="after")
    def _derive(self) -> Event:
        """Check the taxonomy and derive what ACLED derives, so no record can disagree; a lone
        report's figure is the event's."""
        types = taxonomy.sub_event_types()
        if self.sub_event_type not in types:
            raise ValueError(f"unknown sub_event_type {self.sub_event_type!r}")
        if types[self.sub_event_type][0] != self.event_type:
            raise ValueError(f"{self.sub_event_type!r} is not a sub-type of {self.event_type!r}")
        self.disorder_type = types[self.sub_event_type][1]
        self.interaction = taxonomy.interaction(self.inter1, self.inter2)
        self.civilian_targeting = taxonomy.civilians_targeted(self.sub_event_type, self.inter2)
        if not self.event_id:
            self.event_id = self.stable_id()
        if len(self.sources) == 1 and self.sources[0].fatalities is None:
            self.sources = [self.sources[0].model_copy(update={"fatalities": self.fatalities})]
        return self

    def stable_id(self) -> str:
        """Same sources, date, type, actors and place give the same id on every machine."""
        key = [
            sorted(source.doc_id for source in self.sources),
            self.event_date.isoformat(),
            self.sub_event_type,
            sorted(filter(None, (self.actor1, self.actor2))),
            self.location or "",
        ]
        digest = hashlib.sha1(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()
        return f"lb-{digest[:16]}"


def event_json_schema() -> dict:
    """The JSON Schema of the event record, as shipped in `event.schema.json`."""
    schema = Event.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "lagebild event"
    return schema
