"""The store on SQLite and PostgreSQL: idempotent ingest, whole batches, paging, full-text
search; WAL on SQLite."""

import pytest
import sqlalchemy as sa
from conftest import PRISON, modules_loaded_by, stored

from lagebild.errors import StorageError
from lagebild.models import Event, Source
from lagebild.store import SEARCH, Store, event_records, events, evidence


def evidence_rows(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(sa.select(sa.func.count()).select_from(evidence)).scalar_one()


def by_id(event: Event) -> str:
    return event.event_id


def counts(store: Store) -> tuple[int, int, int]:
    return store.count_documents(), store.count_events(), evidence_rows(store)


def test_events_come_back_with_sources_and_evidence(store, batch):
    assert stored(store, batch) == 3
    for document, (original,) in batch:
        found = store.event(original.event_id)
        assert found == original
        assert found.sources == [
            Source.of(document).model_copy(update={"fatalities": original.fatalities})
        ]
        assert [span.text for span in found.evidence] == [
            document.text[span.start : span.end] for span in found.evidence
        ]
        assert store.document(document.id) == document


def test_adding_the_same_batch_twice_changes_nothing(store, batch):
    stored(store, batch)
    before = counts(store)
    assert before == (3, 3, 4)
    assert stored(store, batch) == 0
    assert counts(store) == before


def test_same_content_under_another_id_is_skipped(store, batch, make_document):
    stored(store, batch)
    copy = make_document("copy-of-prison", PRISON)
    assert stored(store, [(copy, [])]) == 0
    assert store.document("copy-of-prison") is None
    assert store.count_documents() == 3


def test_events_are_newest_first_and_paged(store, batch):
    from lagebild.query import EventFilter

    stored(store, batch)
    everything = list(store.iter_events())
    dates = [event.event_date.isoformat() for event in everything]
    assert dates == ["2022-01-25", "2022-01-23", "2022-01-20"]
    first, cursor = store.query_events(EventFilter(), limit=2)
    second, last = store.query_events(EventFilter(), limit=2, cursor=cursor)
    assert ([len(first), len(second)], last) == ([2, 1], None)
    assert [e.event_id for e in first + second] == [e.event_id for e in everything]
    assert [e.event_id for e in store.iter_events(batch_size=2)] == [e.event_id for e in everything]


def test_unknown_event_and_document_are_none(store, batch):
    stored(store, batch)
    assert store.event("lb-0000000000000000") is None
    assert store.document("nowhere.txt") is None


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_sqlite_database_is_in_wal_mode(store):
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_full_text_search_finds_a_german_word(store, batch):
    stored(store, batch)
    assert store.search_documents("Gefängnis") == ["de/prison.txt"]
    assert store.search_documents("demonstrierten") == ["de/protest.txt"]
    assert store.search_documents("Panzer") == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("query", ['"unclosed', "AND", "Gefängnis AND ("])
def test_malformed_fts5_query_raises_storage_error(store, batch, query):
    stored(store, batch)
    with pytest.raises(StorageError, match="bad search query"):
        store.search_documents(query)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_postgresql_search_reads_web_search_syntax(store, batch):
    stored(store, batch)
    either = store.search_documents("Gefängnis or Drohne")
    assert sorted(either) == ["de/drone.txt", "de/prison.txt"]
    assert store.search_documents('"Islamische Staat"') == ["de/prison.txt"]
    assert store.search_documents('"Staat Islamische"') == []
    assert store.search_documents("Januar -Hasaka -Erbil") == ["de/protest.txt"]
    assert store.search_documents("gefängnis") == ["de/prison.txt"]
    assert store.search_documents("auf Gefängnis") == ["de/prison.txt"], "title is searched"
    for unfinished in ['"unclosed', "AND", "Gefängnis AND ("]:
        assert store.search_documents(unfinished) == []


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_postgresql_search_uses_the_gin_index(store, batch):
    stored(store, batch)
    with store.engine.connect() as connection:
        connection.exec_driver_sql("SET enable_seqscan = off")
        plan = connection.execute(
            sa.text(f"EXPLAIN {SEARCH['postgresql']}"), {"query": "Drohne", "limit": 20}
        ).scalars()
        assert "documents_fts" in "\n".join(plan)


def test_crash_mid_batch_keeps_committed_batch_and_leaves_nothing_half_written(store, batch):
    stored(store, batch[:1])
    before = counts(store)

    def crashing():
        yield from batch[1:]
        raise RuntimeError("worker died")

    with pytest.raises(RuntimeError, match="worker died"):
        stored(store, crashing())
    assert counts(store) == before
    assert store.document("de/protest.txt") is None
    assert store.search_documents("demonstrierten") == []
    assert stored(store, batch) == 2
    assert counts(store) == (3, 3, 4)


def test_readers_see_a_batch_only_once_it_is_committed(open_store, batch):
    writer, reader = open_store(), open_store()
    seen_while_adding = []

    def watched():
        for item in batch:
            yield item
            seen_while_adding.append(counts(reader))

    assert stored(writer, watched()) == 3
    assert seen_while_adding == [(0, 0, 0)] * 3
    assert counts(reader) == (3, 3, 4)


def test_reopened_store_keeps_the_data(open_store, batch):
    stored(open_store(), batch)
    reopened = open_store()
    assert counts(reopened) == (3, 3, 4)
    assert sorted(reopened.iter_events(), key=by_id) == sorted((e for _, (e,) in batch), key=by_id)
    assert reopened.search_documents("Drohne") == ["de/drone.txt"]
    assert stored(reopened, batch) == 0


def test_unreachable_server_is_named_without_its_password():
    with pytest.raises(StorageError, match="cannot open database") as raised:
        Store("postgresql+psycopg://lagebild:secret@127.0.0.1:1/lagebild")
    assert "postgresql+psycopg://lagebild:***@127.0.0.1:1/lagebild" in str(raised.value)
    assert "secret" not in str(raised.value)


def test_unknown_database_kind_is_named_without_its_password():
    with pytest.raises(StorageError, match="SQLite or PostgreSQL") as raised:
        Store("mysql://lagebild:secret@127.0.0.1/lagebild")
    assert "mysql://" in str(raised.value) and "secret" not in str(raised.value)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "postgresql+psycopg"])
def test_postgresql_is_reached_by_each_common_spelling_of_its_url(database_url, scheme):
    url = sa.make_url(database_url).set(drivername=scheme).render_as_string(hide_password=False)
    with Store(url) as store:
        assert store.engine.dialect.name == "postgresql" and store.count_events() == 0


def test_a_box_is_searched_by_the_spatial_index_where_postgis_is(store, batch):
    from lagebild import query

    if not store.spatial:
        pytest.skip("this database has no PostGIS")
    stored(store, batch)
    box = query.EventFilter(bbox=(40, 36, 41, 37))  # around Al-Hasakah
    found, _ = store.query_events(box)
    coordinates = query.Matchers(store.source_text_match, store.actor_match)
    by_coordinates = query.conditions(box, events, coordinates, "postgresql")
    by_index = sa.select(events.c.event_id).where(*store.conditions(box))
    sql = str(by_index.compile(store.engine, compile_kwargs={"literal_binds": True}))
    with store.engine.connect() as connection:
        expected = connection.execute(sa.select(events.c.event_id).where(*by_coordinates))
        assert [e.event_id for e in found] == list(expected.scalars()) != []
        connection.exec_driver_sql("SET enable_seqscan = off")  # three rows: force the choice
        plan = "\n".join(connection.exec_driver_sql(f"EXPLAIN {sql}").scalars())
    assert "ix_events_geom" in plan


def test_importing_the_store_loads_no_extractor():
    extractor = ("lagebild.extraction", "lagebild.merge", "lagebild.geo")
    assert modules_loaded_by("lagebild.store", ("spacy", "lingua"), extractor) == []


def test_every_write_moves_the_version_on(store, batch):
    before = store.version()
    stored(store, batch[:1])
    assert store.version() == before + 1
    stored(store, batch[:1])  # nothing new, yet a write transaction
    assert store.version() > before + 1


def test_events_stored_without_a_record_get_theirs(store, batch):
    stored(store, batch)
    kept = list(store.iter_events())
    with store.engine.begin() as connection:
        connection.execute(event_records.delete())
    assert list(store.iter_events()) == kept  # written as they are read
    assert store.complete_records() == 3
    with store.engine.connect() as connection:
        count = sa.select(sa.func.count()).select_from(event_records)
        assert connection.execute(count).scalar_one() == 3
    assert list(store.iter_events()) == kept
