"""Schema migrations on SQLite and PostgreSQL: a new database ends at the newest revision, an
older one is upgraded in place with its rows, one made before lagebild had migrations is taken
over, and the revisions build exactly the tables store.py queries."""

import alembic.config
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from conftest import stored

from lagebild.errors import StorageError
from lagebild.models import Document, Event, Source
from lagebild.store import Store, document_row, metadata, migrate

FIRST = "0001"
PRISON = "Hasaka, 24. Januar 2022. Am Sonntag griff der Islamische Staat das Gefängnis an."

POSTGIS_NAMES = {"geom", "ix_events_geom", "spatial_ref_sys"}  # migration 0005


def newest_revision() -> str:
    config = alembic.config.Config()
    config.set_main_option("script_location", "lagebild:migrations")
    return ScriptDirectory.from_config(config).get_current_head()


def revision_of(store: Store) -> str | None:
    with store.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@pytest.fixture
def engine(database_url):
    engine = sa.create_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def prison(make_document, make_event, make_evidence) -> tuple[Document, Event]:
    document = make_document("de/prison.txt", PRISON, title="Angriff auf Gefängnis")
    event = make_event(
        sources=[Source.of(document)],
        evidence=[make_evidence(document, "actor1", "Islamische Staat")],
    )
    return document, event


def add_at_first_revision(engine: sa.Engine, document: Document, event: Event) -> None:
    """Build the first revision's schema and store the rows in the columns it has."""
    migrate(engine, FIRST)
    with engine.begin() as connection:
        tables = sa.MetaData()
        tables.reflect(connection, only=["documents", "events", "event_sources", "evidence"])

        def insert(name: str, row: dict) -> None:
            table = tables.tables[name]
            connection.execute(table.insert(), {k: v for k, v in row.items() if k in table.c})

        insert("documents", document_row(document))
        insert("events", event.model_dump())
        insert("event_sources", {"event_id": event.event_id, "doc_id": document.id})
        for span in event.evidence:
            insert("evidence", {"event_id": event.event_id, **span.model_dump()})


def assert_kept(store: Store, document: Document, event: Event) -> None:
    assert revision_of(store) == newest_revision()
    assert store.document(document.id) == document
    assert store.event(event.event_id) == event
    assert store.search_documents("Gefängnis") == [document.id]
    assert stored(store, [(document, [event])]) == 0


def test_new_database_ends_at_the_newest_revision(open_store):
    store = open_store()
    assert revision_of(store) == newest_revision()
    assert store.count_documents() == 0


def test_upgrade_keeps_the_rows_of_the_first_revision(engine, open_store, prison):
    add_at_first_revision(engine, *prison)
    assert_kept(open_store(), *prison)


def test_database_made_before_migrations_is_taken_over_in_place(engine, open_store, prison):
    add_at_first_revision(engine, *prison)
    with engine.begin() as connection:
        connection.execute(sa.text("DROP TABLE alembic_version"))
        if engine.dialect.name == "postgresql":  # that code made no full-text index there
            connection.execute(sa.text("DROP INDEX documents_fts"))
    assert_kept(open_store(), *prison)
    if engine.dialect.name == "postgresql":
        assert "documents_fts" in {i["name"] for i in sa.inspect(engine).get_indexes("documents")}


@pytest.mark.filterwarnings("ignore:Did not recognize type 'geometry'")
def test_revisions_build_the_tables_store_py_queries(open_store):
    def compared(name, _type, _parents) -> bool:
        """Not the dialect's own additions: full text, and PostGIS's point, index and table."""
        return name not in POSTGIS_NAMES and not (name or "").startswith("documents_fts")

    with open_store().engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": compared})
        assert compare_metadata(context, metadata) == []


def test_database_from_a_newer_lagebild_is_refused(open_store, database_url):
    with open_store().engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StorageError, match="cannot open database .*'9999'"):
        Store(database_url)
