"""The tables of a store, as its queries see them (the schema itself is built by the Alembic
revisions in `lagebild/migrations/versions/`, and a test keeps the two equal), and the rows
lagebild writes into them."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from ..models import Document, Event

metadata = sa.MetaData()

documents = sa.Table(
    "documents", metadata,
    sa.Column("doc_id", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("body_start", sa.Integer, nullable=False, default=0),
    sa.Column("published", sa.String(10)),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("language", sa.String(8)),
    sa.Column("ingested_at", sa.DateTime, nullable=False),
)  # fmt: skip

EVENT_COLUMNS = [
    sa.Column("event_id", sa.String(40), primary_key=True),
    sa.Column("event_date", sa.Date, nullable=False),
    sa.Column("time_precision", sa.SmallInteger, nullable=False),
    sa.Column("date_assumed", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("actor1", sa.Text, nullable=False),
    sa.Column("actor2", sa.Text),
    sa.Column("assoc_actor_1", sa.Text),
    sa.Column("assoc_actor_2", sa.Text),
    sa.Column("inter1", sa.SmallInteger, nullable=False),
    sa.Column("inter2", sa.SmallInteger),
    sa.Column("interaction", sa.SmallInteger, nullable=False),
    sa.Column("disorder_type", sa.Text, nullable=False),
    sa.Column("civilian_targeting", sa.Boolean, nullable=False),
    sa.Column("country", sa.Text),
    sa.Column("iso3", sa.String(3)),
    sa.Column("admin1", sa.Text),
    sa.Column("admin2", sa.Text),
    sa.Column("location", sa.Text),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("geonames_id", sa.Integer),
    sa.Column("geo_precision", sa.SmallInteger),
    sa.Column("fatalities", sa.Integer, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
]
events = sa.Table(
    "events", metadata, *EVENT_COLUMNS,
    # what the merge finds candidates by (`ingest`): a blocking cell, the names and figures of
    # the first report's text (space-separated; NULL: not yet worked out), one rare name of them
    sa.Column("cell", sa.BigInteger),
    sa.Column("details", sa.Text),
    sa.Column("rare_name", sa.Text),
    sa.Index("ix_events_cell_date", "cell", "event_date", "time_precision"),
    sa.Index("ix_events_rare_name", "rare_name", "event_date"),
    sa.Index("ix_events_fatalities", "fatalities"),
    sa.Index("ix_events_latitude", "latitude"),
    # the API's filters lead these and they order by date; the timeline reads the second alone
    sa.Index("ix_events_date", "event_date", "event_type", "fatalities", "latitude", "longitude"),
    sa.Index("ix_events_country_date", "country", "event_date", "event_type", "fatalities"),
    sa.Index("ix_events_type_date", "event_type", "event_date"),
    # the actor filter finds names in actor_names, then counts their events in these alone
    sa.Index("ix_events_actor1", "actor1", "country", "event_date", "event_id"),
    sa.Index("ix_events_actor2", "actor2", "country", "event_date", "event_id"),
)  # fmt: skip

event_records = sa.Table(  # each event's record as JSON, kept so that reads need not build it
    "event_records", metadata,
    sa.Column("event_id", sa.ForeignKey("events.event_id"), primary_key=True),
    sa.Column("record", sa.Text, nullable=False),
)  # fmt: skip

actor_names = sa.Table(  # every actor1 and actor2 name an event has, once
    "actor_names", metadata,
    sa.Column("name", sa.Text, primary_key=True),
)  # fmt: skip

event_sources = sa.Table(
    "event_sources", metadata,
    sa.Column("event_id", sa.ForeignKey("events.event_id"), primary_key=True),
    sa.Column("doc_id", sa.ForeignKey("documents.doc_id"), primary_key=True, index=True),
    sa.Column("fatalities", sa.Integer),  # this report's figure
    sa.Column("merged_by", sa.Text),  # the rule that joined it to an event another report made
    sa.Column("report_event_id", sa.String(40), index=True),  # the id its own coding had
)  # fmt: skip

event_days = sa.Table(  # the timeline's counts, kept as events are stored and merged
    "event_days", metadata,
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("country", sa.Text, primary_key=True),  # "" when unknown
    sa.Column("event_type", sa.Text, primary_key=True),
    sa.Column("events", sa.Integer, nullable=False),
    sa.Column("fatalities", sa.Integer, nullable=False),
)  # fmt: skip

store_version = sa.Table(  # one row, moved on by every write transaction
    "store_version", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("version", sa.BigInteger, nullable=False),
)  # fmt: skip

evidence = sa.Table(
    "evidence", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.ForeignKey("events.event_id"), nullable=False, index=True),
    sa.Column("doc_id", sa.ForeignKey("documents.doc_id"), nullable=False),
    sa.Column("field", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
)  # fmt: skip

EVENT_FIELDS = [c.name for c in EVENT_COLUMNS]

DOCUMENT_FIELDS = ("text", "body_start", "published", "url", "title", "language")
VERSION = sa.select(store_version.c.version).where(store_version.c.id == 1)
NEXT_VERSION = (
    store_version.update()
    .where(store_version.c.id == 1)
    .values(version=store_version.c.version + 1)
)


def event_columns() -> list[sa.Column]:
    """The events table's columns that the event record holds (not the merge's grid cell,
    details or rare name)."""
    return [events.c[field] for field in EVENT_FIELDS]


def published_date(value: str | None) -> dt.date | None:
    """A stored publication date ("2022-01" or "2022-01-24") as a date, its first day if vague."""
    if not value:
        return None
    return dt.date.fromisoformat(value if len(value) == 10 else f"{value[:7]}-01")


def event_row(event: Event, cell: int | None, details: str, rare_name: str | None) -> dict:
    """An events row: the record's fields and what the merge finds it by (its JSON record is
    written when the transaction ends)."""
    row = event.model_dump(include=set(EVENT_FIELDS))
    return {**row, "cell": cell, "details": details, "rare_name": rare_name}


def document_row(document: Document) -> dict:
    return {
        "doc_id": document.id,
        "content_hash": document.content_hash,
        **{field: getattr(document, field) for field in DOCUMENT_FIELDS},
        "ingested_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
    }


def stored_document(row) -> Document:
    return Document(id=row["doc_id"], **{k: row[k] for k in DOCUMENT_FIELDS})
