"""Documents, events, their sources and evidence in one SQLite or PostgreSQL database.

The store keeps rows and reads them; what becomes of a new document's events (a new event, or
one more source of a stored one) is decided above it, in `ingest`, which writes each batch in
one `Transaction`: a crash loses nothing that was committed and re-running resumes without
duplicates.

The tables below are what the queries use; the schema itself is built by the Alembic revisions
in `migrations/versions/`, which every Store applies when it opens the database.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import alembic.command
import alembic.config
import alembic.util
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from . import query
from .errors import StorageError
from .models import Document, Event, Evidence, Source

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

# Built once: statements run for every stored document and event.
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
MERGE_CANDIDATES = (  # one statement, compiled once: unused cells and names are NULL
    sa.select(*(events.c[c.name] for c in EVENT_COLUMNS), events.c.details)
    .where(
        sa.or_(  # each by its index: events near the report, events naming its rare names
            events.c.cell.in_([sa.bindparam(f"cell{i}") for i in range(LOOKUP_CELLS)])
            & events.c.event_date.between(sa.bindparam("first"), sa.bindparam("last")),
            events.c.rare_name.in_([sa.bindparam(f"name{i}") for i in range(LOOKUP_NAMES)])
            & events.c.event_date.between(sa.bindparam("first"), sa.bindparam("last")),
        ),
        events.c.event_date.between(WINDOW_START, WINDOW_END),
        events.c.event_id != sa.bindparam("event_id"),
    )
    .order_by(events.c.event_id)
)

MIGRATION_LOCK = 0x6C616765  # any fixed number: PostgreSQL advisory lock held while migrating

# The expression of the GIN index that revision 0001 makes on PostgreSQL: the query must spell
# it the same way for the index to be used.
DOCUMENT_VECTOR = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"
SEARCH = {
    "sqlite": "SELECT d.doc_id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid "
    "WHERE documents_fts MATCH :query ORDER BY rank LIMIT :limit",
    "postgresql": "SELECT doc_id FROM documents, websearch_to_tsquery('simple', :query) query "
    f"WHERE {DOCUMENT_VECTOR} @@ query "
    f"ORDER BY ts_rank({DOCUMENT_VECTOR}, query) DESC, doc_id LIMIT :limit",
}


def sqlite_pragmas(connection, _record) -> None:
    """WAL lets readers (the API) work while a writer ingests; foreign keys keep rows whole.
    A batch writes to a dozen indexes at once: a 64 MB page cache, up to 2 GB of the file mapped
    and a checkpoint every 64 MB of log keep that from rereading and rewriting the same pages
    (a tenth faster at a million events)."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.execute("PRAGMA mmap_size=2147483648")
    cursor.execute("PRAGMA wal_autocheckpoint=16384")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def migrate(engine: sa.Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` in one transaction; a database already there is left as is.

    On PostgreSQL an advisory lock makes a second process that opens the same new database at
    the same moment wait, instead of failing on the tables the first one is creating.
    """
    try:
        with engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(
                    sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
                )
            config = alembic.config.Config(attributes={"connection": connection})
            config.set_main_option("script_location", "lagebild:migrations")
            alembic.command.upgrade(config, revision)
    except (sa.exc.SQLAlchemyError, alembic.util.CommandError) as error:
        reason = error.orig if isinstance(error, sa.exc.DBAPIError) else error
        raise StorageError(f"cannot open database {engine.url}: {reason}") from error


class Store:
    """The database behind `ingest`, `export` and the API."""

    def __init__(self, url: str, connections: int = 5, create: bool = True):
        """Open (and bring up to date) the database at `url`: a SQLite file's path or a
        database URL. `create=False` refuses a SQLite file that does not exist, for commands
        that only read, where a misspelt name would otherwise be a new, empty database."""
        try:
            url = sa.make_url(url if "://" in url else f"sqlite:///{url}")
        except sa.exc.ArgumentError as error:
            raise StorageError(f"cannot read the database URL: {error}") from error
        if not create and url.get_backend_name() == "sqlite" and url.database:
            if url.database != ":memory:" and not Path(url.database).is_file():
                raise StorageError(f"no database file {url.database} (ingest makes one)")
        try:
            options = pool_options(url, connections)
            self.engine = sa.create_engine(url, hide_parameters=True, **options)
        except (sa.exc.ArgumentError, ImportError) as error:
            raise StorageError(f"cannot use database {url}: {error}") from error
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", sqlite_pragmas)
        try:
            migrate(self.engine)
        except StorageError:
            self.engine.dispose()  # a store that never opened keeps no connection open
            raise

    def close(self) -> None:
        """Close the pooled connections, which otherwise stay open on a database server."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One transaction: everything written in it is committed together or not at all. The
        database's refusal is a StorageError that names no row (hide_parameters)."""
        try:
            with self.engine.begin() as connection:
                yield Transaction(self, connection)
        except (sa.exc.SQLAlchemyError, OverflowError) as error:
            reason = getattr(error, "orig", None) or error
            first_line = str(reason).strip().splitlines()[0] if str(reason).strip() else ""
            raise StorageError(f"the database refused the batch: {first_line}") from None

    @functools.cached_property
    def inserts(self) -> dict[str, sa.Insert]:
        """Insert statements, built once; events and sources already stored are skipped, a
        day's counts are added to."""
        dialect = {"sqlite": sqlite, "postgresql": postgresql}[self.engine.dialect.name]
        ignore = {
            t.name: dialect.insert(t).on_conflict_do_nothing()
            for t in (events, event_sources, actor_names)
        }
        day = dialect.insert(event_days)
        add_to_day = day.on_conflict_do_update(
            index_elements=["day", "country", "event_type"],
            set_={
                "events": event_days.c.events + day.excluded.events,
                "fatalities": event_days.c.fatalities + day.excluded.fatalities,
            },
        )
        return {
            **ignore,
            "event_days": add_to_day,
            "documents": documents.insert(),
            "evidence": evidence.insert(),
        }

    def count_events(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()

    def count_documents(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(
                sa.select(sa.func.count()).select_from(documents)
            ).scalar_one()

    def iter_events(
        self, wanted: query.EventFilter | None = None, batch_size: int = 1000
    ) -> Iterator[Event]:
        """Every event a filter selects (all by default), newest first, a page at a time:
        exports of any size in constant memory."""
        wanted, cursor = wanted or query.EventFilter(), None
        while True:
            page, cursor = self.query_events(wanted, limit=batch_size, cursor=cursor)
            yield from page
            if cursor is None:
                return

    def event(self, event_id: str) -> Event | None:
        """An event by its id, or by the id a report merged into it had on its own."""
        merged_into = (
            sa.select(event_sources.c.event_id)
            .where(event_sources.c.report_event_id == event_id)
            .scalar_subquery()
        )
        query = sa.select(*event_columns()).where(
            (events.c.event_id == event_id) | (events.c.event_id == merged_into)
        )
        with self.engine.connect() as connection:
            found = self.hydrate(connection, connection.execute(query).mappings().all())
        return found[0] if found else None

    def query_events(
        self,
        wanted: query.EventFilter,
        sort: query.Sort = "-date",
        limit: int = 100,
        cursor: str | None = None,
    ) -> tuple[list[Event], str | None]:
        """A page of the events a filter selects, in `sort` order, and the cursor of the next
        page (None on the last)."""
        where = self.conditions(wanted)
        if cursor:
            where.append(query.after_cursor(sort, cursor, events))
        select = sa.select(*event_columns()).where(*where).order_by(*query.order(sort, events))
        with self.engine.connect() as connection:
            rows = connection.execute(select.limit(limit + 1)).mappings().all()
            page = self.hydrate(connection, rows[:limit])
        following = query.encode_cursor(sort, rows[limit - 1]) if len(rows) > limit else None
        return page, following

    def points(self, wanted: query.EventFilter) -> list[tuple]:
        """(id, latitude, longitude, day, type, sub-type, country, fatalities) of every event
        a filter selects, days counted from 1970-01-01 by the database: what a map and its
        timeline draw, in no particular order (sorting 100,000 rows would cost a third)."""
        if self.engine.dialect.name == "sqlite":
            day = sa.cast(sa.func.julianday(events.c.event_date) - 2440587.5, sa.Integer)
        else:
            day = events.c.event_date - sa.literal(dt.date(1970, 1, 1), sa.Date)
        c = events.c
        columns = (c.event_id, c.latitude, c.longitude, day, c.event_type, c.sub_event_type)
        select = sa.select(*columns, c.country, c.fatalities).where(*self.conditions(wanted))
        with self.engine.connect() as connection:
            return connection.execute(select).all()

    def count(self, wanted: query.EventFilter) -> int:
        """How many events a filter selects. With an actor, the events of its names as actor1
        and as actor2 are counted apart and united, so each side can use its index."""
        if wanted.actor:
            others = self.conditions(wanted.model_copy(update={"actor": None}))
            names = self.actor_names_with(wanted.actor)
            sides = [
                sa.select(events.c.event_id).where(*others, events.c[side].in_(names))
                for side in ("actor1", "actor2")
            ]
            select = sa.select(sa.func.count()).select_from(sa.union(*sides).subquery())
        else:
            select = sa.select(sa.func.count()).select_from(events).where(*self.conditions(wanted))
        with self.engine.connect() as connection:
            return connection.execute(select).scalar_one()

    def stats(self, wanted: query.EventFilter, period: query.Period = "month") -> list[dict]:
        """Events and fatalities per period and event type, oldest period first: the timeline.
        The database gives counts per day (`day_counts`); they are folded into weeks or months
        here, the same on every backend."""
        select = self.day_counts(wanted)
        totals: dict[tuple, list[int]] = {}
        with self.engine.connect() as connection:
            for day, event_type, count, fatalities in connection.execute(select):
                key = (query.period_start(period, day).isoformat(), event_type)
                total = totals.setdefault(key, [0, 0])
                total[0] += count
                total[1] += fatalities
        return [
            {"period": p, "event_type": t, "events": n, "fatalities": f}
            for (p, t), (n, f) in sorted(totals.items())
        ]

    def recount_days(self) -> None:
        """Count the timeline afresh from the events: after a bulk load that bypassed `add`."""
        country = sa.func.coalesce(events.c.country, sa.literal_column("''"))
        per_day = sa.select(
            events.c.event_date,
            country,
            events.c.event_type,
            sa.func.count(),
            sa.func.sum(events.c.fatalities),
        ).group_by(events.c.event_date, country, events.c.event_type)
        with self.engine.begin() as connection:
            connection.execute(event_days.delete())
            connection.execute(event_days.insert().from_select(list(event_days.c.keys()), per_day))

    def day_counts(self, wanted: query.EventFilter) -> sa.Select:
        """(day, type, events, fatalities) under a filter: from the kept counts when the filter
        is only dates, country and type, else counted from the events."""
        kept = {"date_from", "date_to", "country", "event_type"}
        if wanted.model_dump(exclude_none=True).keys() <= kept:
            c = event_days.c
            where = [c.day >= wanted.date_from] if wanted.date_from else []
            where += [c.day <= wanted.date_to] if wanted.date_to else []
            where += [c.country == wanted.country] if wanted.country else []
            where += [c.event_type == wanted.event_type] if wanted.event_type else []
            columns = (c.day, c.event_type, sa.func.sum(c.events), sa.func.sum(c.fatalities))
            return sa.select(*columns).where(*where).group_by(c.day, c.event_type)
        counts = (sa.func.count(), sa.func.coalesce(sa.func.sum(events.c.fatalities), 0))
        return (
            sa.select(events.c.event_date, events.c.event_type, *counts)
            .where(*self.conditions(wanted))
            .group_by(events.c.event_date, events.c.event_type)
        )

    def conditions(self, wanted: query.EventFilter) -> list:
        box = self.spatial_box if self.spatial else None
        matchers = query.Matchers(self.source_text_match, self.actor_match, box)
        return query.conditions(wanted, events, matchers, self.engine.dialect.name)

    def actor_names_with(self, words: str) -> sa.Select:
        """The actor names that hold `words` (a short table: far fewer names than events)."""
        held = query.contains(actor_names.c.name, words, self.engine.dialect.name)
        return sa.select(actor_names.c.name).where(held)

    def actor_match(self, words: str):
        """Events with an actor whose name holds `words`."""
        names = self.actor_names_with(words)
        return sa.or_(events.c.actor1.in_(names), events.c.actor2.in_(names))

    @functools.cached_property
    def spatial(self) -> bool:
        """Events have a PostGIS point with a spatial index (migration 0005, PostgreSQL with
        the extension)."""
        if self.engine.dialect.name != "postgresql":
            return False
        query = sa.text(
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_name = 'events' AND column_name = 'geom'"
        )
        with self.engine.connect() as connection:
            return connection.execute(query).first() is not None

    @staticmethod
    def spatial_box(west: float, south: float, east: float, north: float):
        """Events in a box, by the spatial index."""
        envelope = sa.func.ST_MakeEnvelope(west, south, east, north, 4326)
        return sa.literal_column("events.geom").op("&&")(envelope)

    def source_text_match(self, words: str):
        """Events one of whose source documents holds `words`, by the dialect's full-text index
        (the words as one phrase, so no search syntax reaches the engine)."""
        if self.engine.dialect.name == "postgresql":
            vector = sa.literal_column(DOCUMENT_VECTOR)  # a column expression: it has .op()
            matching = sa.select(documents.c.doc_id).where(
                vector.op("@@")(sa.func.phraseto_tsquery("simple", words))
            )
        else:
            phrase = '"' + words.replace('"', '""') + '"'
            matching = sa.select(documents.c.doc_id).where(
                sa.text(
                    "rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH :phrase)"
                ).bindparams(phrase=phrase)
            )
        reported = sa.select(event_sources.c.event_id).where(event_sources.c.doc_id.in_(matching))
        return events.c.event_id.in_(reported)

    def hydrate(self, connection, rows) -> list[Event]:
        """Attach sources and evidence to event rows with two queries, not two per event."""
        ids = [row["event_id"] for row in rows]
        sources: dict[str, list[Source]] = {i: [] for i in ids}
        source_rows = connection.execute(
            sa.select(
                event_sources.c.event_id,
                event_sources.c.fatalities,
                event_sources.c.merged_by,
                documents,
            )
            .join(documents, documents.c.doc_id == event_sources.c.doc_id)
            .where(event_sources.c.event_id.in_(ids))
            .order_by(
                event_sources.c.event_id, event_sources.c.merged_by.is_not(None), documents.c.doc_id
            )
        ).mappings()
        for row in source_rows:
            sources[row["event_id"]].append(Source(**{k: row[k] for k in Source.model_fields}))
        spans: dict[str, list[Evidence]] = {i: [] for i in ids}
        evidence_rows = connection.execute(
            sa.select(evidence).where(evidence.c.event_id.in_(ids)).order_by(evidence.c.id)
        ).mappings()
        for row in evidence_rows:
            spans[row["event_id"]].append(Evidence(**{k: row[k] for k in Evidence.model_fields}))
        return [
            Event.model_validate(
                {**row, "sources": sources[row["event_id"]], "evidence": spans[row["event_id"]]}
            )
            for row in rows
        ]

    def document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as connection:
            row = (
                connection.execute(sa.select(documents).where(documents.c.doc_id == doc_id))
                .mappings()
                .first()
            )
        if row is None:
            return None
        return stored_document(row)

    def stored_id(self, document: Document) -> str | None:
        """The id the document's content is stored under, whatever id it comes with now."""
        select = sa.select(documents.c.doc_id).where(
            documents.c.content_hash == document.content_hash
        )
        with self.engine.connect() as connection:
            return connection.execute(select).scalar()

    def document_events(self, doc_id: str) -> list[Event]:
        """The events a document reports, those its reports were merged into included."""
        reported = sa.select(event_sources.c.event_id).where(event_sources.c.doc_id == doc_id)
        select = (
            sa.select(*event_columns())
            .where(events.c.event_id.in_(reported))
            .order_by(*query.order("-date", events))
        )
        with self.engine.connect() as connection:
            return self.hydrate(connection, connection.execute(select).mappings().all())

    def search_documents(self, query: str, limit: int = 20) -> list[str]:
        """Ids of documents matching a full-text query, best first.

        The query is in SQLite's FTS5 syntax on SQLite and in web-search syntax (words,
        "quoted phrases", or, -not) on PostgreSQL, which reads any text without error.
        """
        if self.engine.dialect.name not in SEARCH:
            raise StorageError("full-text search needs SQLite or PostgreSQL")
        sql = sa.text(SEARCH[self.engine.dialect.name])
        with self.engine.connect() as connection:
            try:
                return list(connection.execute(sql, {"query": query, "limit": limit}).scalars())
            except sa.exc.OperationalError as error:
                raise StorageError(f"bad search query {query!r}: {error.orig}") from error


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

    def stored_documents(self, batch: Iterable[Document]) -> dict[str, str]:
        """{id: content hash} of the stored documents that have the id or the text of one in
        `batch`."""
        batch = list(batch)
        found = self.connection.execute(
            STORED_DOCUMENTS,
            {"hashes": [d.content_hash for d in batch], "ids": [d.id for d in batch]},
        )
        return {doc_id: content_hash for doc_id, content_hash in found}

    def candidates(self, lookup: Lookup) -> list[sa.Row]:
        """Stored events a lookup selects, each with the event record's columns and `details`."""
        return self.connection.execute(MERGE_CANDIDATES, lookup.params()).all()

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
        self.add_to_days(days)

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


def event_columns() -> list[sa.Column]:
    """The events table's columns that the event record holds (not the merge's grid cell,
    details or rare name)."""
    return [events.c[field] for field in EVENT_FIELDS]


DOCUMENT_FIELDS = ("text", "body_start", "published", "url", "title", "language")


def published_date(value: str | None) -> dt.date | None:
    """A stored publication date ("2022-01" or "2022-01-24") as a date, its first day if vague."""
    if not value:
        return None
    return dt.date.fromisoformat(value if len(value) == 10 else f"{value[:7]}-01")


def event_row(event: Event, cell: int | None, details: str, rare_name: str | None) -> dict:
    """An events row: the record's fields and what the merge finds it by."""
    row = event.model_dump(include=set(EVENT_FIELDS))
    return {**row, "cell": cell, "details": details, "rare_name": rare_name}


def stored_document(row) -> Document:
    return Document(id=row["doc_id"], **{k: row[k] for k in DOCUMENT_FIELDS})


def pool_options(url: sa.URL, connections: int) -> dict:
    """A pool as large as the threads that use it at once (the API's workers), so that none
    waits for a connection; an in-memory SQLite database has a single one."""
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        return {}
    return {"pool_size": connections, "max_overflow": 0, "pool_timeout": 60}


def document_row(document: Document) -> dict:
    return {
        "doc_id": document.id,
        "content_hash": document.content_hash,
        **{field: getattr(document, field) for field in DOCUMENT_FIELDS},
        "ingested_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
    }
