"""Each event's record as JSON, written by the database from the event's row, its sources and
its evidence: what reads send as it is (`event_records` keeps it, in a table of its own so
that the events table's rows stay small for the merge's lookups; `Transaction` writes it
again when an event changes)."""

from __future__ import annotations

import functools

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from .tables import EVENT_COLUMNS, documents, event_records, event_sources, events, evidence

SOURCE_COLUMNS = (  # a source in an event's record: its document's metadata and what it said
    *(documents.c[f] for f in ("doc_id", "url", "title", "published", "language")),
    event_sources.c.fatalities,
    event_sources.c.merged_by,
)
BOOLEANS = {"date_assumed", "civilian_targeting"}


def with_records(select: sa.Select) -> sa.Select:
    """A query of events that may read `kept_record`."""
    return select.outerjoin(event_records, event_records.c.event_id == events.c.event_id)


@functools.cache
def kept_record(dialect: str, evidence: bool = True) -> sa.ColumnElement:
    """An event's kept JSON record (the query must join `with_records`), or for an event
    stored before records were kept the record written now; without its evidence when
    `evidence` is False."""
    record = sa.func.coalesce(event_records.c.record, record_json(dialect))
    if evidence:
        return record
    if dialect == "postgresql":
        return sa.cast(sa.cast(record, postgresql.JSONB).op("-")("evidence"), sa.Text)
    return sa.func.json_remove(record, "$.evidence")


@functools.cache
def record_json(dialect: str) -> sa.ColumnElement:
    """An event's record as the database writes it in JSON (SQLite's json_object,
    PostgreSQL's json_build_object) from its row, its sources (the first report first) and its
    evidence (in the order stored): the `Event` model's JSON."""
    postgres = dialect == "postgresql"
    build = sa.func.json_build_object if postgres else sa.func.json_object

    def key(name: str) -> sa.ColumnElement:  # our own field names, written into the SQL
        return sa.literal_column(f"'{name}'")

    def pairs(columns) -> list:
        return [item for column in columns for item in (key(column.name), column)]

    def array(columns, where, order) -> sa.ColumnElement:
        """The rows as a JSON array, in `order`: aggregated in order on PostgreSQL, from an
        ordered subquery on SQLite (before 3.44 its aggregates take no ORDER BY)."""
        if postgres:
            items = sa.func.json_agg(postgresql.aggregate_order_by(build(*pairs(columns)), *order))
            empty = sa.literal_column("'[]'::json")
            return sa.func.coalesce(sa.select(items).where(where).scalar_subquery(), empty)
        rows = sa.select(build(*pairs(columns)).label("item")).where(where).order_by(*order)
        ordered = rows.correlate(events).subquery()
        items = sa.func.json_group_array(sa.func.json(ordered.c.item))
        return sa.func.json(sa.select(items).scalar_subquery())

    fields = []
    for column in EVENT_COLUMNS:
        value = events.c[column.name]
        if column.name in BOOLEANS and not postgres:  # stored as 0/1
            value = sa.func.json(sa.case((value, "true"), else_="false"))
        fields += [key(column.name), value]
    sources = array(
        SOURCE_COLUMNS,
        (event_sources.c.event_id == events.c.event_id)
        & (documents.c.doc_id == event_sources.c.doc_id),
        (event_sources.c.merged_by.is_not(None), documents.c.doc_id),
    )
    spans = array(
        [evidence.c[f] for f in ("doc_id", "field", "text", "start", "end")],
        evidence.c.event_id == events.c.event_id,
        (evidence.c.id,),
    )
    record = build(*fields, key("sources"), sources, key("evidence"), spans)
    return sa.cast(record, sa.Text) if postgres else record
