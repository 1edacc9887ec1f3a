"""Documents, events, their sources and evidence in one SQLite or PostgreSQL database.

The store keeps rows and reads them; what becomes of a new document's events (a new event, or
one more source of a stored one) is decided above it, in `ingest`, which writes each batch in
one `Transaction` (`writes`): a crash loses nothing that was committed and re-running resumes
without duplicates. `tables` holds what the queries see of the schema, which the Alembic
revisions in `migrations/versions/` build and every Store brings up to date when it opens the
database; `records` the JSON record of each event that reads send.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from .. import query
from ..errors import StorageError
from ..models import Document, Event
from .records import kept_record, record_json, with_records
from .tables import (
    DOCUMENT_FIELDS,
    EVENT_COLUMNS,
    EVENT_FIELDS,
    VERSION,
    actor_names,
    document_row,
    documents,
    event_columns,
    event_days,
    event_records,
    event_row,
    event_sources,
    events,
    evidence,
    metadata,
    published_date,
    store_version,
    stored_document,
)
from .writes import WRITE_LOCK, Lookup, Rows, Transaction

__all__ = [
    "DOCUMENT_FIELDS", "EVENT_COLUMNS", "EVENT_FIELDS", "SEARCH", "Lookup", "Rows", "Store",
    "Transaction", "actor_names", "document_row", "documents", "event_columns", "event_days",
    "event_records", "event_row", "event_sources", "events", "evidence", "kept_record",
    "metadata", "migrate", "published_date", "record_json", "store_version", "stored_document",
]  # fmt: skip

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
    connection.isolation_level = None  # SQLAlchemy, not the driver, begins transactions


def begin_sqlite(connection) -> None:
    """A write transaction takes the write lock when it begins (BEGIN IMMEDIATE), so that a
    second writer (another process) waits for it and then sees what it wrote, rather than
    deciding merges on what was stored before; reads begin as usual."""
    write = connection.get_execution_options().get("lagebild_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def migrate(engine: sa.Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` in one transaction; a database already there is left as is.

    On PostgreSQL an advisory lock makes a second process that opens the same new database at
    the same moment wait, instead of failing on the tables the first one is creating.
    """
    import alembic.command  # a quarter second to import: only commands that open a store pay
    import alembic.config
    import alembic.util

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
        url = database_url(url)
        self.known_values: dict[str, tuple[int, dict[str, list[str]]]] = {}  # see `values`
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
            sa.event.listen(self.engine, "begin", begin_sqlite)
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
        """One write transaction: everything written in it is committed together or not at all,
        and writers take turns, across processes too (SQLite's write lock, a PostgreSQL
        advisory lock), so each decides on what the others committed. The database's refusal
        is a StorageError that names no row (hide_parameters)."""
        try:
            with self.engine.connect() as connection:
                connection.execution_options(lagebild_write=True)
                with connection.begin():
                    if self.dialect == "postgresql":
                        connection.execute(WRITE_LOCK)
                    transaction = Transaction(self, connection)
                    yield transaction
                    transaction.finish()
        except (sa.exc.SQLAlchemyError, OverflowError) as error:
            reason = getattr(error, "orig", None) or error
            first_line = str(reason).strip().splitlines()[0] if str(reason).strip() else ""
            raise StorageError(f"the database refused the batch: {first_line}") from None

    @functools.cached_property
    def inserts(self) -> dict[str, sa.Insert]:
        """Insert statements, built once; events and sources already stored are skipped, a
        day's counts are added to, an event's record is written again."""
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
        record = dialect.insert(event_records).from_select(
            ["event_id", "record"],
            sa.select(events.c.event_id, record_json(self.dialect)).where(
                events.c.event_id.in_(sa.bindparam("ids", expanding=True))
            ),
        )
        write_record = record.on_conflict_do_update(
            index_elements=["event_id"], set_={"record": record.excluded.record}
        )
        return {
            **ignore,
            "event_days": add_to_day,
            "event_records": write_record,
            "documents": documents.insert(),
            "evidence": evidence.insert(),
        }

    def complete_records(self, batch: int = 10_000) -> int:
        """Write the JSON record of events stored without one (by an older lagebild, or a bulk
        load), `batch` at a time; how many were written."""
        kept = sa.select(event_records.c.event_id)
        missing = sa.select(events.c.event_id).where(events.c.event_id.not_in(kept)).limit(batch)
        done = 0
        while True:
            with self.transaction() as transaction:
                ids = transaction.connection.execute(missing).scalars().all()
                transaction.touched |= set(ids)
            done += len(ids)
            if len(ids) < batch:
                return done

    def version(self) -> int:
        """A number every write moves on: the same number, the same stored data."""
        with self.engine.connect() as connection:
            return connection.execute(VERSION).scalar_one()

    def count_events(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()

    def count_documents(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(
                sa.select(sa.func.count()).select_from(documents)
            ).scalar_one()

    def iter_events(
        self,
        wanted: query.EventFilter | None = None,
        batch_size: int = 1000,
        evidence: bool = True,
    ) -> Iterator[Event]:
        """Every event a filter selects (all by default), newest first, a page at a time:
        exports of any size in constant memory. `evidence=False` leaves the evidence out
        (what a CSV or GeoJSON export has no place for), in half the time."""
        wanted, cursor = wanted or query.EventFilter(), None
        while True:
            page, cursor = self.query_events(wanted, "-date", batch_size, cursor, evidence)
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
        found = self.records((events.c.event_id == event_id) | (events.c.event_id == merged_into))
        return found[0] if found else None

    def query_events(
        self,
        wanted: query.EventFilter,
        sort: query.Sort = "-date",
        limit: int = 100,
        cursor: str | None = None,
        evidence: bool = True,
    ) -> tuple[list[Event], str | None]:
        """A page of the events a filter selects, in `sort` order, and the cursor of the next
        page (None on the last)."""
        texts, following = self.query_json(wanted, sort, limit, cursor, evidence)
        return [Event.model_validate_json(text) for text in texts], following

    def query_json(
        self,
        wanted: query.EventFilter,
        sort: query.Sort = "-date",
        limit: int = 100,
        cursor: str | None = None,
        evidence: bool = True,
    ) -> tuple[list[str], str | None]:
        """`query_events` as each event's JSON record, as the store keeps it (`record`): what
        the API sends, with no object made per field."""
        where = self.conditions(wanted)
        if cursor:
            where.append(query.after_cursor(sort, cursor, events))
        key = query.SORTS[sort][0]
        page = (  # the page's events first: records are then written for them alone
            sa.select(events.c.event_id, events.c[key])
            .where(*where)
            .order_by(*query.order(sort, events))
            .limit(limit + 1)
            .subquery()
        )
        select = with_records(
            sa.select(kept_record(self.dialect, evidence), page.c[key], page.c.event_id)
            .select_from(page)
            .join(events, events.c.event_id == page.c.event_id)
        ).order_by(*query.order(sort, page))
        with self.engine.connect() as connection:
            rows = connection.execute(select).all()
        following = None
        if len(rows) > limit:
            last = rows[limit - 1]
            following = query.encode_cursor(sort, {key: last[1], "event_id": last[2]})
        return [row[0] for row in rows[:limit]], following

    def records(self, *where, order: Iterable = ()) -> list[Event]:
        """The events `where` selects, each read from its JSON record."""
        select = with_records(sa.select(kept_record(self.dialect)).select_from(events))
        select = select.where(*where).order_by(*order)
        with self.engine.connect() as connection:
            texts = connection.execute(select).scalars().all()
        return [Event.model_validate_json(text) for text in texts]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

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
            for field in ("country", "event_type"):
                if name := getattr(wanted, field):
                    where.append(c[field].in_(self.spellings(field, name)))
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
        matchers = query.Matchers(self.source_text_match, self.actor_match, box, self.named)
        return query.conditions(wanted, events, matchers, self.engine.dialect.name)

    def named(self, field: str, name: str):
        """Events whose `field` is `name` however the user cased and accented it."""
        return events.c[field].in_(self.spellings(field, name))

    def spellings(self, field: str, name: str) -> list[str]:
        """The stored values of `field` that are `name` but for case and accents."""
        return self.values(field).get(query.plain(name), [])

    def values(self, field: str) -> dict[str, list[str]]:
        """The values one of the named columns holds, by their `query.plain` form; read again
        once the store has changed."""
        version = self.version()
        kept = self.known_values.get(field)
        if kept is None or kept[0] != version:
            column = events.c[field]
            found = sa.select(column).where(column.is_not(None)).distinct()
            by_plain: dict[str, list[str]] = {}
            with self.engine.connect() as connection:
                for value in connection.execute(found).scalars():
                    by_plain.setdefault(query.plain(value), []).append(value)
            kept = self.known_values[field] = version, by_plain
        return kept[1]

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
        return self.records(events.c.event_id.in_(reported), order=query.order("-date", events))

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


def database_url(text: str) -> sa.URL:
    """The URL a `--db` value names: a path is a SQLite file; PostgreSQL may be written
    postgres:// or postgresql:// (both reach it through psycopg, the driver installed)."""
    try:
        url = sa.make_url(text if "://" in text else f"sqlite:///{text}")
    except sa.exc.ArgumentError as error:
        raise StorageError(f"cannot read the database URL {text!r}: {error}") from error
    backend, _, driver = url.drivername.partition("+")
    if backend in ("postgres", "postgresql") and driver in ("", "psycopg"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and driver in ("", "pysqlite"):
        return url
    raise StorageError(
        f"lagebild stores events in SQLite or PostgreSQL: --db takes a file path, "
        f"sqlite:///PATH or postgresql://USER@HOST/DATABASE, not {url.drivername}://…"
    )


def pool_options(url: sa.URL, connections: int) -> dict:
    """A pool as large as the threads that use it at once (the API's workers), so that none
    waits for a connection; an in-memory SQLite database has a single one. A SQLite writer
    waits up to a minute for another one (a long ingest batch) before it gives up."""
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        return {}
    pool = {"pool_size": connections, "max_overflow": 0, "pool_timeout": 60}
    if url.get_backend_name() == "sqlite":
        pool["connect_args"] = {"timeout": 60}
    return pool
