"""Ingest on SQLite and PostgreSQL: every event a document's coding gives is stored, reports of
one event in different documents become one event, two events of one document never do, and
what the database refuses costs only its own document."""

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import build_document, build_event, stored

from lagebild import merge
from lagebild.errors import IdConflict, NotStored
from lagebild.ingest import add_documents, complete_details
from lagebild.models import Event, Source
from lagebild.pipeline import process
from lagebild.query import EventFilter
from lagebild.read import document_from_text, read_paths
from lagebild.store import events

CORPUS = Path(__file__).parents[1] / "data" / "corpus"

GERMAN_REPORT = (
    "date 2022-01-24\n\nEin Selbstmordattentäter hat sich am Sonntag auf dem Mandawi-Markt in "
    "Kabul in die Luft gesprengt und mindestens zwölf Menschen getötet."
)
ENGLISH_REPORT = (
    "date 2022-01-25\n\nA suicide bomber blew himself up at the crowded Mandawi market in Kabul on "
    "Sunday, killing at least 14 people, officials said."
)


def reports() -> list:
    coded = [
        process(document_from_text(name, text))
        for name, text in (("de/report.txt", GERMAN_REPORT), ("en/report.txt", ENGLISH_REPORT))
    ]
    return [(c.document, c.events) for c in coded]


@pytest.fixture(scope="module")
def corpus() -> list:
    """The bundled corpus, coded once for every test of this module."""
    coded = [process(document) for document in read_paths([CORPUS])]
    return [(c.document, c.events) for c in coded]


def test_every_event_of_the_bundled_corpus_is_stored_as_extract_codes_it(store, corpus):
    for start in range(0, len(corpus), 7):  # batches of 7: merges within and across batches
        add_documents(store, corpus[start : start + 7])
    extracted = [event for _, found in corpus for event in found]
    assert len(extracted) > 40
    for document, found in corpus:
        assert len({e.event_id for e in found}) == len(found), document.id
        for event in found:
            kept = store.event(event.event_id)
            assert kept is not None, (document.id, event.event_id)
            own = [span for span in kept.evidence if span.doc_id == document.id]
            assert own == event.evidence
            if kept.event_id == event.event_id:  # its own event: as extract coded it
                assert kept == event
            else:  # one more source of an event another document reported
                assert document.id in {source.doc_id for source in kept.sources}
                assert kept.sources[0].doc_id != document.id
    merged_reports = sum(store.event(e.event_id).event_id != e.event_id for e in extracted)
    assert store.count_events() == len(extracted) - merged_reports


def test_the_first_document_keeps_all_its_events(store, corpus):
    ((document, found),) = [
        item for item in corpus if item[0].id.endswith("hasakah-prison-2022-01.txt")
    ]
    assert stored(store, [(document, found)]) == 1
    assert sorted(e.event_id for e in store.document_events(document.id)) == sorted(
        e.event_id for e in found
    )
    assert "Air/drone strike" in {e.sub_event_type for e in store.document_events(document.id)}


def test_two_events_of_one_document_are_never_merged(store):
    document = build_document("de/a.txt", "Bei Gefechten um Tall Safuk starben 17 Kämpfer.")
    first = build_event("de/a.txt", sources=[Source.of(document)], fatalities=17)
    second = build_event(
        "de/a.txt", sources=[Source.of(document)], fatalities=17, actor1="Islamic State (Syria)"
    )
    assert merge.same_event(
        merge.Report(first, merge.details(document)), merge.Report(second, merge.details(document))
    ).same
    assert stored(store, [(document, [first, second])]) == 1
    assert store.count_events() == 2
    assert all(s.merged_by is None for e in store.iter_events() for s in e.sources)


def test_a_later_document_joins_one_stored_event_with_one_event_only(store):
    text = "Bei Gefechten um Tall Safuk starben 17 Kämpfer am Sonntag."
    earlier, later = build_document("de/a.txt", text), build_document("de/b.txt", f"{text} Ja.")
    stored_event = build_event("de/a.txt", sources=[Source.of(earlier)], fatalities=17)
    stored(store, [(earlier, [stored_event])])
    twins = [
        build_event("de/b.txt", sources=[Source.of(later)], fatalities=17, location=place)
        for place in ("Al-Hasakah", "Tall Safuk")
    ]
    stored(store, [(later, twins)])
    assert store.count_events() == 2
    assert [s.doc_id for s in store.event(stored_event.event_id).sources] == [
        "de/a.txt",
        "de/b.txt",
    ]
    assert {s.doc_id for e in store.iter_events() for s in e.sources} == {"de/a.txt", "de/b.txt"}


def test_another_text_under_a_stored_id_is_refused_by_file_and_id(store, make_document):
    stored(store, [(make_document("1", "Erster Text."), [])])
    other = make_document("1", "Ein anderer Text.", path="b.jsonl", line=3)
    good = make_document("2", "Noch ein Text.")
    outcome = add_documents(store, [(other, []), (good, [])])
    (refused,) = outcome.refused
    assert isinstance(refused, IdConflict)
    assert str(refused) == "b.jsonl:3: id '1' is already stored with another text"
    assert [d.id for d in outcome.stored] == ["2"]
    assert store.document("1").text == "Erster Text."


def test_the_same_id_twice_in_one_batch_is_refused_the_second_time(store, make_document):
    outcome = add_documents(
        store, [(make_document("1", "Erster Text."), []), (make_document("1", "Zweiter."), [])]
    )
    assert [d.id for d in outcome.stored] == ["1"] and len(outcome.refused) == 1


def test_a_document_the_database_refuses_costs_only_itself(store, batch, make_document):
    bad = make_document("de/bad.txt", "Unlesbare Zahl.", path="de/bad.txt")
    fields = {**build_event("de/bad.txt").model_dump(), "fatalities": 10**20}
    unstorable = Event.model_construct(
        **fields
    )  # past the model's bounds: only the database stops it
    outcome = add_documents(store, [*batch[:2], (bad, [unstorable]), *batch[2:]])
    assert [d.id for d in outcome.stored] == [d.id for d, _ in batch]
    (refused,) = outcome.refused
    assert isinstance(refused, NotStored) and str(refused).startswith("de/bad.txt: not stored: ")
    assert "10000000000" not in str(refused), "no row values in the message"
    assert store.count_documents() == 3 and store.document("de/bad.txt") is None


def test_a_german_and_an_english_report_become_one_event_with_two_sources(store):
    (german, (first,)), (english, (second,)) = reports()
    assert stored(store, [(german, [first]), (english, [second])]) == 2
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
    stored(store, batch)
    before = store.event(batch[0][1][0].event_id)
    assert stored(store, batch) == 0
    assert store.event(batch[0][1][0].event_id) == before
    assert store.count_events() == 1


def test_the_timeline_counts_stay_right_through_merges(store, batch):
    stored(store, batch)
    stored(store, reports())  # two reports, one event: the figure moves from 12 to 14
    kept = store.stats(EventFilter(), "day")
    counted = store.stats(EventFilter(min_fatalities=0), "day")  # from the events themselves
    assert kept == counted
    assert sum(row["events"] for row in kept) == store.count_events()
    store.recount_days()
    assert store.stats(EventFilter(), "day") == kept


def test_reports_coded_at_other_towns_are_one_event_when_their_texts_agree(store):
    text = "Bei Gefechten um Dschabal Harim nahe Tall Safuk starben 17 Kämpfer am Sonntag."
    first = build_document("de/a.txt", text)
    second = build_document("de/b.txt", text.replace("Sonntag", "Sonntagmorgen"))
    here = build_event("de/a.txt", sources=[Source.of(first)], fatalities=17)
    elsewhere = build_event(
        "de/b.txt", sources=[Source.of(second)], fatalities=17, latitude=None, longitude=None
    )
    stored(store, [(first, [here])])
    stored(store, [(second, [elsewhere])])
    assert store.count_events() == 1
    merged_by = store.event(here.event_id).sources[1].merged_by
    assert (
        merged_by
        == "texts agree: shared 17, harim, iabal, safuk, tal; though a place without coordinates"
    )


def test_a_stored_event_coded_alike_wins_over_a_batch_event_only_the_text_agrees_with(store):
    stored_text = "Beim Angriff auf das Sina-Gefängnis starben 120 Menschen."
    text = "Angriff auf das Sina-Gefängnis in Ghwairan: 120 Tote, Kämpfer aus Dschabal Harim."
    kept = build_document("de/stored.txt", stored_text)
    elsewhere = build_document("de/elsewhere.txt", text)
    report = build_document("de/r.txt", f"{text} Die Polizei bestätigte den Angriff.")
    first = build_event("de/stored.txt", sources=[Source.of(kept)])
    far = build_event(
        "de/elsewhere.txt", sources=[Source.of(elsewhere)], latitude=37.2, longitude=41.2
    )
    alike = build_event("de/r.txt", sources=[Source.of(report)])
    stored(store, [(kept, [first])])
    stored(store, [(elsewhere, [far]), (report, [alike])])
    assert [s.doc_id for s in store.event(first.event_id).sources] == ["de/stored.txt", "de/r.txt"]
    assert [s.doc_id for s in store.event(far.event_id).sources] == ["de/elsewhere.txt"]


def test_events_an_older_lagebild_stored_without_details_get_them(store, make_document):
    document = make_document("de/a.txt", "Angriff auf das Gefängnis im Viertel Ghwairan.")
    event = build_event("de/a.txt", sources=[Source.of(document)])
    stored(store, [(document, [event])])
    with store.engine.begin() as connection:
        connection.execute(events.update().values(details=None, rare_name=None))
    assert complete_details(store) == 1
    with store.engine.connect() as connection:
        details, name = connection.execute(sa.select(events.c.details, events.c.rare_name)).one()
    assert set(details.split()) == merge.details(document) != set()
    assert name == merge.indexed_name(merge.details(document)) == "ghvairan"
    assert complete_details(store) == 0


def test_an_undated_document_is_stored_with_its_date_assumed(store):
    coded = process(
        document_from_text("en/lagos.txt", "Police fired tear gas at protesters in Lagos."),
        today=dt.date(2026, 12, 2),
    )
    stored(store, [(coded.document, coded.events)])
    (event,) = store.iter_events()
    assert event.date_assumed and event.event_date == dt.date(2026, 12, 15)
    assert event.time_precision == 3


def test_each_event_keeps_the_record_its_rows_give_through_merges(store, batch):
    import sqlalchemy as sa

    from lagebild.store import event_records, record_json

    stored(store, batch)
    stored(store, reports())
    with store.engine.connect() as connection:
        kept = connection.execute(
            sa.select(events.c.event_id, event_records.c.record, record_json(store.dialect)).join(
                event_records, event_records.c.event_id == events.c.event_id
            )
        ).all()
    assert len(kept) == store.count_events() and all(row[1] == row[2] for row in kept)
    merged = next(e for e in store.iter_events() if len(e.sources) == 2)
    assert merged.fatalities == 14 and len({s.doc_id for s in merged.evidence}) == 2


def test_writers_in_parallel_take_turns_so_reports_of_one_event_merge(open_store):
    import threading

    first, second = open_store(), open_store()  # two stores, as two processes have
    (german, found_de), (english, found_en) = reports()
    barrier = threading.Barrier(2)

    def add(store, item):
        barrier.wait()
        add_documents(store, [item])

    threads = [
        threading.Thread(target=add, args=(first, (german, found_de))),
        threading.Thread(target=add, args=(second, (english, found_en))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert first.count_events() == 1
    (event,) = first.iter_events()
    assert {s.doc_id for s in event.sources} == {"de/report.txt", "en/report.txt"}
