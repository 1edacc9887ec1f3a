"""The store on SQLite and PostgreSQL: idempotent ingest, whole batches, paging, full-text
search; WAL on SQLite."""

import datetime as dt

import pytest
import sqlalchemy as sa
from conftest import build_document, build_event

from lagebild.errors import StorageError
from lagebild.models import Event, Source
from lagebild.store import SEARCH, Store, events, evidence

PRISON = (
    "Hasaka, 24. Januar 2022. Am Sonntag griff der Islamische Staat das Gefängnis in al-Hasaka an. "
    "Mindestens zwei Wärter starben."
)
PROTEST = "Berlin, 20. Januar 2022. Rund 300 Menschen demonstrierten friedlich vor dem Reichstag."
DRONE = "Erbil, 25. Januar 2022. Eine Drohne traf einen Stützpunkt bei Erbil."


@pytest.fixture
def store(open_store):
    return open_store()


@pytest.fixture
def batch(make_document, make_event, make_evidence):
    """Three documents, one event each, every event with evidence spans into its document."""
    prison = make_document("de/prison.txt", PRISON, title="Angriff auf Gefängnis")
    protest = make_document("de/protest.txt", PROTEST, url="https://example.org/protest")
    drone = make_document("de/drone.txt", DRONE)
    return [
        (prison, [make_event(
            sources=[Source.of(prison)],
            evidence=[make_evidence(prison, "actor1", "Islamische Staat"),
                      make_evidence(prison, "fatalities", "Mindestens zwei")],
        )]),
        (protest, [make_event(
            event_date=dt.date(2022, 1, 20), event_type="Protests",
            sub_event_type="Peaceful protest", actor1="Protesters (Germany)", inter1=6,
            actor2=None, inter2=None, country="Germany", iso3="DEU", location="Berlin",
            latitude=52.5244, longitude=13.4105, fatalities=0, sources=[Source.of(protest)],
            evidence=[make_evidence(protest, "event_type", "demonstrierten")],
        )]),
        (drone, [make_event(
            event_date=dt.date(2022, 1, 25), event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike", actor1="Unidentified Armed Group (Iraq)", inter1=3,
            actor2=None, inter2=None, country="Iraq", iso3="IRQ", location="Erbil",
            latitude=36.1901, longitude=44.0091, fatalities=0, sources=[Source.of(drone)],
            evidence=[make_evidence(drone, "sub_event_type", "Drohne")],
        )]),
    ]  # fmt: skip


def evidence_rows(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(sa.select(sa.func.count()).select_from(evidence)).scalar_one()


def by_id(event: Event) -> str:
    return event.event_id


def counts(store: Store) -> tuple[int, int, int]:
    return store.count_documents(), store.count_events(), evidence_rows(store)


def test_events_come_back_with_sources_and_evidence(store, batch):
    assert store.add(batch) == 3
    for document, (original,) in batch:
        stored = store.event(original.event_id)
        assert stored == original
        assert stored.sources == [
            Source.of(document).model_copy(update={"fatalities": original.fatalities})
        ]
        assert [span.text for span in stored.evidence] == [
            document.text[span.start : span.end] for span in stored.evidence
        ]
        assert store.document(document.id) == document


def test_adding_the_same_batch_twice_changes_nothing(store, batch):
    store.add(batch)
    before = counts(store)
    assert before == (3, 3, 4)
    assert store.add(batch) == 0
    assert counts(store) == before


def test_same_content_under_another_id_is_skipped(store, batch, make_document):
    store.add(batch)
    copy = make_document("copy-of-prison", PRISON)
    assert store.add([(copy, [])]) == 0
    assert store.document("copy-of-prison") is None
    assert store.count_documents() == 3


def test_events_are_newest_first_and_paged(store, batch):
    from lagebild.query import EventFilter

    store.add(batch)
    everything = list(store.iter_events())
    dates = [event.event_date.isoformat() for event in everything]
    assert dates == ["2022-01-25", "2022-01-23", "2022-01-20"]
    first, cursor = store.query_events(EventFilter(), limit=2)
    second, last = store.query_events(EventFilter(), limit=2, cursor=cursor)
    assert ([len(first), len(second)], last) == ([2, 1], None)
    assert [e.event_id for e in first + second] == [e.event_id for e in everything]
    assert [e.event_id for e in store.iter_events(batch_size=2)] == [e.event_id for e in everything]


def test_unknown_event_and_document_are_none(store, batch):
    store.add(batch)
    assert store.event("lb-0000000000000000") is None
    assert store.document("nowhere.txt") is None


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_sqlite_database_is_in_wal_mode(store):
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_full_text_search_finds_a_german_word(store, batch):
    store.add(batch)
    assert store.search_documents("Gefängnis") == ["de/prison.txt"]
    assert store.search_documents("demonstrierten") == ["de/protest.txt"]
    assert store.search_documents("Panzer") == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("query", ['"unclosed', "AND", "Gefängnis AND ("])
def test_malformed_fts5_query_raises_storage_error(store, batch, query):
    store.add(batch)
    with pytest.raises(StorageError, match="bad search query"):
        store.search_documents(query)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_postgresql_search_reads_web_search_syntax(store, batch):
    store.add(batch)
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
    store.add(batch)
    with store.engine.connect() as connection:
        connection.exec_driver_sql("SET enable_seqscan = off")
        plan = connection.execute(
            sa.text(f"EXPLAIN {SEARCH['postgresql']}"), {"query": "Drohne", "limit": 20}
        ).scalars()
        assert "documents_fts" in "\n".join(plan)


def test_crash_mid_batch_keeps_committed_batch_and_leaves_nothing_half_written(store, batch):
    store.add(batch[:1])
    before = counts(store)

    def crashing():
        yield from batch[1:]
        raise RuntimeError("worker died")

    with pytest.raises(RuntimeError, match="worker died"):
        store.add(crashing())
    assert counts(store) == before
    assert store.document("de/protest.txt") is None
    assert store.search_documents("demonstrierten") == []
    assert store.add(batch) == 2
    assert counts(store) == (3, 3, 4)


def test_readers_see_a_batch_only_once_it_is_committed(open_store, batch):
    writer, reader = open_store(), open_store()
    seen_while_adding = []

    def watched():
        for item in batch:
            yield item
            seen_while_adding.append(counts(reader))

    assert writer.add(watched()) == 3
    assert seen_while_adding == [(0, 0, 0)] * 3
    assert counts(reader) == (3, 3, 4)


def test_reopened_store_keeps_the_data(open_store, batch):
    open_store().add(batch)
    reopened = open_store()
    assert counts(reopened) == (3, 3, 4)
    assert sorted(reopened.iter_events(), key=by_id) == sorted((e for _, (e,) in batch), key=by_id)
    assert reopened.search_documents("Drohne") == ["de/drone.txt"]
    assert reopened.add(batch) == 0


def test_unreachable_server_is_named_without_its_password():
    with pytest.raises(StorageError, match="cannot open database") as raised:
        Store("postgresql+psycopg://lagebild:secret@127.0.0.1:1/lagebild")
    assert "postgresql+psycopg://lagebild:***@127.0.0.1:1/lagebild" in str(raised.value)
    assert "secret" not in str(raised.value)


def test_unknown_database_kind_is_named_without_its_password():
    with pytest.raises(StorageError, match="cannot use database") as raised:
        Store("postgres+psycopg://lagebild:secret@127.0.0.1/lagebild")
    assert "secret" not in str(raised.value)


GERMAN_REPORT = (
    "date 2022-01-24\n\nEin Selbstmordattentäter hat sich am Sonntag auf dem Mandawi-Markt in "
    "Kabul in die Luft gesprengt und mindestens zwölf Menschen getötet."
)
ENGLISH_REPORT = (
    "date 2022-01-25\n\nA suicide bomber blew himself up at the crowded Mandawi market in Kabul on "
    "Sunday, killing at least 14 people, officials said."
)


def reports() -> list:
    from lagebild.pipeline import process
    from lagebild.read import document_from_text

    return [
        process(document_from_text(name, text))
        for name, text in (("de/report.txt", GERMAN_REPORT), ("en/report.txt", ENGLISH_REPORT))
    ]


def test_a_german_and_an_english_report_become_one_event_with_two_sources(store):
    (german, (first,)), (english, (second,)) = reports()
    assert store.add([(german, [first]), (english, [second])]) == 2
    assert store.count_events() == 1
    merged = store.event(first.event_id)
    assert [s.doc_id for s in merged.sources] == ["de/report.txt", "en/report.txt"]
    assert merged.sources[0].merged_by is None
    assert "km apart" in merged.sources[1].merged_by
    assert merged.sources[1].merged_by.endswith("shared mandavi")
    assert {span.doc_id for span in merged.evidence} == {"de/report.txt", "en/report.txt"}
    assert merged.fatalities == 14  # the latest report's figure
    assert store.event(second.event_id) == merged  # the report's own id still finds it


def test_merging_again_changes_nothing(store):
    batch = reports()
    store.add(batch)
    before = store.event(batch[0][1][0].event_id)
    assert store.add(batch) == 0
    assert store.event(batch[0][1][0].event_id) == before
    assert store.count_events() == 1


def test_the_timeline_counts_stay_right_through_merges(store, batch):
    from lagebild.query import EventFilter

    store.add(batch)
    store.add(reports())  # two reports, one event: the figure moves from 12 to 14
    kept = store.stats(EventFilter(), "day")
    counted = store.stats(EventFilter(min_fatalities=0), "day")  # from the events themselves
    assert kept == counted
    assert sum(row["events"] for row in kept) == store.count_events()
    store.recount_days()
    assert store.stats(EventFilter(), "day") == kept


def test_a_box_is_searched_by_the_spatial_index_where_postgis_is(store, batch):
    from lagebild import query

    if not store.spatial:
        pytest.skip("this database has no PostGIS")
    store.add(batch)
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


def test_reports_coded_at_other_towns_are_one_event_when_their_texts_agree(store):
    text = "Bei Gefechten um Dschabal Harim nahe Tall Safuk starben 17 Kämpfer am Sonntag."
    first = build_document("de/a.txt", text)
    second = build_document("de/b.txt", text.replace("Sonntag", "Sonntagmorgen"))
    here = build_event("de/a.txt", sources=[Source.of(first)], fatalities=17)
    elsewhere = build_event(
        "de/b.txt", sources=[Source.of(second)], fatalities=17, latitude=None, longitude=None
    )
    store.add([(first, [here])])
    store.add([(second, [elsewhere])])
    assert store.count_events() == 1
    merged_by = store.event(here.event_id).sources[1].merged_by
    assert (
        merged_by
        == "texts agree: shared 17, harim, iabal, safuk, tal; though a place without coordinates"
    )


def test_a_stored_event_coded_alike_wins_over_a_batch_event_only_the_text_agrees_with(store):
    stored_text = "Beim Angriff auf das Sina-Gefängnis starben 120 Menschen."
    text = "Angriff auf das Sina-Gefängnis in Ghwairan: 120 Tote, Kämpfer aus Dschabal Harim."
    stored = build_document("de/stored.txt", stored_text)
    elsewhere = build_document("de/elsewhere.txt", text)
    report = build_document("de/r.txt", f"{text} Die Polizei bestätigte den Angriff.")
    first = build_event("de/stored.txt", sources=[Source.of(stored)])
    far = build_event(
        "de/elsewhere.txt", sources=[Source.of(elsewhere)], latitude=37.2, longitude=41.2
    )
    alike = build_event("de/r.txt", sources=[Source.of(report)])
    store.add([(stored, [first])])
    store.add([(elsewhere, [far]), (report, [alike])])
    assert [s.doc_id for s in store.event(first.event_id).sources] == ["de/stored.txt", "de/r.txt"]
    assert [s.doc_id for s in store.event(far.event_id).sources] == ["de/elsewhere.txt"]
