"""Writing to a store: one `Transaction` per ingest batch, which reads what the merge needs to
decide (stored documents, candidate events, reports' figures) and writes the rows it decided
on, with what the store derives from them (actor names, timeline counts, event records, the
store's version)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import sqlalchemy as sa

from ..models import Document
from .tables import (
    NEXT_VERSION,
    document_row,
    documents,
    event_sources,
    events,
    published_date,
    stored_document,
)

if TYPE_CHECKING:
    from . import Store

# Built once: statements run for every batch and report.
STORED_DOCUMENTS = sa.union_all(  # each by its unique index (an OR would read every row)
    sa.select(documents.c.doc_id, documents.c.content_hash).where(
        documents.c.content_hash.in_(sa.bindparam("hashes", expanding=True))
    ),
    sa.select(documents.c.doc_id, documents.c.content_hash).where(
        documents.c.doc_id.in_(sa.bindparam("ids", expanding=True))
    ),
)
PRECISIONS = (1, 2, 3)  # ACLED's time precisions: day, week, month
LOOKUP_CELLS = 12  # grid cells a merge candidate lookup names at most
LOOKUP_NAMES = 4  # rare names it names at most
WINDOW_START, WINDOW_END = (  # the dates a candidate may have depend on its own precision
    sa.case(
        *(
            (events.c.time_precision == sa.literal_column(str(p)), sa.bindparam(f"{edge}{p}"))
            for p in PRECISIONS
        )
    )
    for edge in ("first", "last")
)
CANDIDATES_WHERE = (  # unused cells and names are NULL: one statement for every report
    sa.or_(  # each by its index: events near the report, events naming its rare names
        events.c.cell.in_([sa.bindparam(f"cell{i}") for i in range(LOOKUP_CELLS)])
        & events.c.event_date.between(sa.bindparam("first"), sa.bindparam("last")),
        events.c.rare_name.in_([sa.bindparam(f"name{i}") for i in range(LOOKUP_NAMES)])
        & events.c.event_date.between(sa.bindparam("first"), sa.bindparam("last")),
    ),
    events.c.event_date.between(WINDOW_START, WINDOW_END),
    events.c.event_id != sa.bindparam("event_id"),
)


@functools.cache
def candidates_of(columns: tuple[str, ...]) -> sa.Select:
    """The candidate query for these columns of the events table, built once."""
    select = sa.select(*(events.c[name] for name in columns), events.c.details)
    return select.where(*CANDIDATES_WHERE).order_by(events.c.event_id)


WRITE_LOCK = sa.text("SELECT pg_advisory_xact_lock(1818322791)")  # held by each write transaction


class Lookup(NamedTuple):
    """Which stored events a new report may be one with: those in one of `cells` or indexed by
    one of `names`, dated from `first` to `last`, and each within the dates its own time
    precision allows (`windows`: precision → (first, last)); never the report's own event."""

    cells: Sequence[int]
    names: Sequence[str]
    first: dt.date
    last: dt.date
    windows: Mapping[int, tuple[dt.date, dt.date]]
    event_id: str

    def params(self) -> dict:
        if len(self.cells) > LOOKUP_CELLS or len(self.names) > LOOKUP_NAMES:
            raise ValueError(f"a lookup names at most {LOOKUP_CELLS} cells, {LOOKUP_NAMES} names")
        cells = [*self.cells, *[None] * (LOOKUP_CELLS - len(self.cells))]
        names = [*self.names, *[None] * (LOOKUP_NAMES - len(self.names))]
        return {
            **{f"cell{i}": cell for i, cell in enumerate(cells)},
            **{f"name{i}": name for i, name in enumerate(names)},
            "first": self.first,
            "last": self.last,
            "event_id": self.event_id,
            **{f"first{p}": self.windows[p][0] for p in PRECISIONS},
            **{f"last{p}": self.windows[p][1] for p in PRECISIONS},
        }


@dataclass
class Rows:
    """What one transaction writes: new documents, new events (`event_row`), every report's
    source row and evidence."""

    documents: list[Document] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)


class Transaction:
    """A store's connection inside `Store.transaction`: what an ingest reads to decide, and
    what it writes."""

    def __init__(self, store: Store, connection: sa.Connection):
        self.store, self.connection = store, connection
        self.touched: set[str] = set()  # events whose record must be written again

    def stored_documents(self, batch: Iterable[Document]) -> dict[str, str]:
        """{id: content hash} of the stored documents that have the id or the text of one in
        `batch`."""
        batch = list(batch)
        found = self.connection.execute(
            STORED_DOCUMENTS,
            {"hashes": [d.content_hash for d in batch], "ids": [d.id for d in batch]},
        )
        return {doc_id: content_hash for doc_id, content_hash in found}

    def candidates(self, lookup: Lookup, columns: tuple[str, ...]) -> list[sa.Row]:
        """Stored events a lookup selects, with these columns of theirs and `details`."""
        return self.connection.execute(candidates_of(columns), lookup.params()).all()

    def write(self, rows: Rows) -> None:
        """Insert the rows (events and sources already stored are skipped), the actor names
        they bring and their timeline counts."""
        wanted = [row["event_id"] for row in rows.events]
        stored = set(
            self.connection.execute(
                sa.select(events.c.event_id).where(events.c.event_id.in_(wanted))
            ).scalars()
        )
        new_events = [row for row in rows.events if row["event_id"] not in stored]
        self.touched |= {row["event_id"] for row in rows.sources}
        names = {row[a] for row in new_events for a in ("actor1", "actor2") if row[a]}
        for table, items in [
            ("documents", [document_row(d) for d in rows.documents]),
            ("events", new_events),
            ("event_sources", rows.sources),
            ("evidence", rows.evidence),
            ("actor_names", [{"name": name} for name in sorted(names)]),
        ]:
            if items:
                self.connection.execute(self.store.inserts[table], items)
        days: dict[tuple, list[int]] = {}
        for row in new_events:
            count_day(days, row, 1, row["fatalities"])
        self.add_to_days(days)

    def source_figures(self, event_ids: Iterable[str]) -> dict[str, list[tuple]]:
        """Each event's reports as (publication date or None, fatality figure)."""
        figures: dict[str, list[tuple]] = {event_id: [] for event_id in event_ids}
        reports = self.connection.execute(
            sa.select(event_sources.c.event_id, documents.c.published, event_sources.c.fatalities)
            .join(documents, documents.c.doc_id == event_sources.c.doc_id)
            .where(event_sources.c.event_id.in_(list(figures)))
        )
        for event_id, published, fatalities in reports:
            if fatalities is not None:
                figures[event_id].append((published_date(published), fatalities))
        return figures

    def set_fatalities(self, figures: Mapping[str, int]) -> None:
        """Give events new fatality figures, and the timeline the difference."""
        stored = self.connection.execute(
            sa.select(
                events.c.event_id,
                events.c.event_date,
                events.c.country,
                events.c.event_type,
                events.c.fatalities,
            ).where(events.c.event_id.in_(list(figures)))
        ).mappings()
        changed, days = [], {}
        for old in stored:
            figure = figures[old["event_id"]]
            if figure != old["fatalities"]:
                changed.append({"id": old["event_id"], "figure": figure})
                count_day(days, old, 0, figure - old["fatalities"])
        if changed:
            statement = events.update().where(events.c.event_id == sa.bindparam("id"))
            self.connection.execute(statement.values(fatalities=sa.bindparam("figure")), changed)
            self.touched |= {row["id"] for row in changed}
        self.add_to_days(days)

    def finish(self) -> None:
        """Before the commit: the records of the events written, and the store's version."""
        self.write_records()
        self.connection.execute(NEXT_VERSION)

    def write_records(self) -> None:
        """Write the JSON record of every event the transaction changed, as the database
        builds it from the rows (`record_json`)."""
        ids = sorted(self.touched)
        for start in range(0, len(ids), 1000):
            self.connection.execute(
                self.store.inserts["event_records"],
                {"ids": ids[start : start + 1000]},
            )
        self.touched.clear()

    def add_to_days(self, days: dict[tuple, list[int]]) -> None:
        if days:
            self.connection.execute(
                self.store.inserts["event_days"],
                [
                    {"day": d, "country": c, "event_type": t, "events": n, "fatalities": f}
                    for (d, c, t), (n, f) in days.items()
                ],
            )

    def first_reports_without_details(self, limit: int) -> list[tuple[str, Document]]:
        """Events stored before they kept their details (NULL), with the document of their
        first report: `limit` of them."""
        first = (
            sa.select(event_sources.c.event_id, documents)
            .join(documents, documents.c.doc_id == event_sources.c.doc_id)
            .join(events, events.c.event_id == event_sources.c.event_id)
            .where(events.c.details.is_(None), event_sources.c.merged_by.is_(None))
            .order_by(event_sources.c.event_id)
            .limit(limit)
        )
        found = {}
        for row in self.connection.execute(first).mappings():
            found.setdefault(row["event_id"], stored_document(row))
        return list(found.items())

    def set_details(self, details: Mapping[str, tuple[str, str | None]]) -> None:
        """Events' details and rare name, by event id."""
        rows = [{"id": i, "found": d, "name": n} for i, (d, n) in details.items()]
        if rows:
            statement = events.update().where(events.c.event_id == sa.bindparam("id"))
            self.connection.execute(
                statement.values(details=sa.bindparam("found"), rare_name=sa.bindparam("name")),
                rows,
            )


def count_day(days: dict, event, events_added: int, fatalities_added: int) -> None:
    """Add to the timeline's counts of the event's day, country and type."""
    key = (event["event_date"], event["country"] or "", event["event_type"])
    total = days.setdefault(key, [0, 0])
    total[0] += events_added
    total[1] += fatalities_added
