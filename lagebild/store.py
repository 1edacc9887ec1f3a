"""Documents, events, their sources and evidence in one SQLite or PostgreSQL database.

Ingesting is idempotent: a document whose content is already stored changes nothing, events
are keyed by their stable id, and each batch is one transaction, so a crash loses nothing that
was committed and re-running resumes without duplicates.

The tables below are what the queries use; the schema itself is built by the Alembic revisions
in `migrations/versions/`, which every Store applies when it opens the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import alembic.command
import alembic.config
import alembic.util
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

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
    sa.Column("event_date", sa.Date, nullable=False, index=True),
    sa.Column("time_precision", sa.SmallInteger, nullable=False),
    sa.Column("event_type", sa.Text, nullable=False, index=True),
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
    sa.Column("country", sa.Text, index=True),
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
events = sa.Table("events", metadata, *EVENT_COLUMNS)

event_sources = sa.Table(
    "event_sources", metadata,
    sa.Column("event_id", sa.ForeignKey("events.event_id"), primary_key=True),
    sa.Column("doc_id", sa.ForeignKey("documents.doc_id"), primary_key=True, index=True),
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
    """WAL lets readers (the API) work while a writer ingests; foreign keys keep rows whole."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
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

    def __init__(self, url: str):
        try:
            url = sa.make_url(url if "://" in url else f"sqlite:///{url}")
        except sa.exc.ArgumentError as error:
            raise StorageError(f"cannot read the database URL: {error}") from error
        try:
            self.engine = sa.create_engine(url)
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

    def insert_ignore(self, table: sa.Table):
        dialect = {"sqlite": sqlite, "postgresql": postgresql}[self.engine.dialect.name]
        return dialect.insert(table).on_conflict_do_nothing()

    def add(self, batch: Iterable[tuple[Document, list[Event]]]) -> int:
        """Store documents with their events in one transaction; return how many were new."""
        added = 0
        with self.engine.begin() as connection:
            for document, doc_events in batch:
                if self.has_content(connection, document):
                    continue
                connection.execute(documents.insert(), document_row(document))
                for event in doc_events:
                    self.add_event(connection, document, event)
                added += 1
        return added

    def has_content(self, connection, document: Document) -> bool:
        query = sa.select(documents.c.doc_id).where(
            (documents.c.content_hash == document.content_hash)
            | (documents.c.doc_id == document.id)
        )
        return connection.execute(query.limit(1)).first() is not None

    def add_event(self, connection, document: Document, event: Event) -> None:
        row = event.model_dump(include=set(EVENT_FIELDS))
        connection.execute(self.insert_ignore(events), row)
        connection.execute(
            self.insert_ignore(event_sources), {"event_id": event.event_id, "doc_id": document.id}
        )
        rows = [
            {"event_id": event.event_id, **item.model_dump()}
            for item in event.evidence
            if item.doc_id == document.id
        ]
        if rows:
            connection.execute(evidence.insert(), rows)

    def count_events(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()

    def count_documents(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(
                sa.select(sa.func.count()).select_from(documents)
            ).scalar_one()

    def events(self, limit: int | None = None, offset: int = 0) -> list[Event]:
        """Events ordered by date (newest first), then id, with sources and evidence."""
        query = sa.select(events).order_by(events.c.event_date.desc(), events.c.event_id)
        query = query.limit(limit).offset(offset)
        with self.engine.connect() as connection:
            rows = connection.execute(query).mappings().all()
            return self.hydrate(connection, rows)

    def iter_events(self, batch_size: int = 1000) -> Iterator[Event]:
        """Every event, in pages, for exports of any size."""
        offset = 0
        while page := self.events(limit=batch_size, offset=offset):
            yield from page
            offset += batch_size

    def event(self, event_id: str) -> Event | None:
        with self.engine.connect() as connection:
            rows = connection.execute(sa.select(events).where(events.c.event_id == event_id))
            found = self.hydrate(connection, rows.mappings().all())
        return found[0] if found else None

    def hydrate(self, connection, rows) -> list[Event]:
        """Attach sources and evidence to event rows with two queries, not two per event."""
        ids = [row["event_id"] for row in rows]
        sources: dict[str, list[Source]] = {i: [] for i in ids}
        source_rows = connection.execute(
            sa.select(event_sources.c.event_id, documents)
            .join(documents, documents.c.doc_id == event_sources.c.doc_id)
            .where(event_sources.c.event_id.in_(ids))
            .order_by(event_sources.c.event_id, documents.c.doc_id)
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
        return Document(id=row["doc_id"], **{k: row[k] for k in DOCUMENT_FIELDS})

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


DOCUMENT_FIELDS = ("text", "body_start", "published", "url", "title", "language")


def document_row(document: Document) -> dict:
    return {
        "doc_id": document.id,
        "content_hash": document.content_hash,
        **{field: getattr(document, field) for field in DOCUMENT_FIELDS},
        "ingested_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
    }
