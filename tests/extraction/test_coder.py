"""The extraction stage end to end on the first document and on short texts."""

import json
from pathlib import Path

import jsonschema
import pytest

import lagebild
from lagebild.evaluate import actor_overlap, match, read_gold
from lagebild.extraction import extract
from lagebild.read import read_file

ROOT = Path(__file__).parents[2]
SCHEMA = json.loads((ROOT / "lagebild" / "event.schema.json").read_text())


@pytest.fixture(scope="module")
def first_document():
    return next(read_file(ROOT / "data" / "corpus" / "hasakah-prison-2022-01.txt"))


@pytest.fixture(scope="module")
def first_events(first_document):
    return extract(first_document)


def test_events_validate_against_the_shipped_schema(first_events):
    assert first_events
    for event in first_events:
        jsonschema.validate(json.loads(event.model_dump_json()), SCHEMA)


def test_every_evidence_span_is_the_source_text(first_document, first_events):
    for event in first_events:
        fields = {item.field for item in event.evidence}
        assert {"event_type", "sub_event_type", "actor1", "event_date", "fatalities"} <= fields
        for item in event.evidence:
            assert first_document.text[item.start : item.end] == item.text


def test_the_prison_battle_is_found_at_al_hasakah(first_events):
    clashes = [
        e for e in first_events if e.sub_event_type == "Armed clash" and e.actor1 == "Islamic State"
    ]
    assert clashes
    assert clashes[0].geonames_id == 173811
    assert clashes[0].country == "Syria"
    assert (clashes[0].event_date.isoformat(), clashes[0].time_precision) == ("2022-01-15", 3)


def test_a_text_in_an_unsupported_language_gives_no_events():
    text = "Des affrontements ont éclaté hier soir entre l'armée et des rebelles près de Goma."
    assert lagebild.extract(text, published="2024-03-02") == []


def test_public_api_codes_an_english_note():
    text = "On 9 May 2020, Al Shabaab militants attacked soldiers in Kismayo, killing two soldiers."
    (event,) = lagebild.extract(text, published="2020-05-11", language="en")
    assert event.event_date.isoformat() == "2020-05-09"
    assert event.time_precision == 1
    assert event.actor1 == "Al Shabaab"
    assert event.fatalities == 2
    assert event.country == "Somalia"


def test_same_input_gives_same_event_ids(first_document):
    assert [e.event_id for e in extract(first_document)] == [
        e.event_id for e in extract(first_document)
    ]


def test_the_first_documents_required_events_match_the_gold_set(first_events):
    golds = [g for g in read_gold(ROOT / "data" / "gold" / "seed.jsonl") if not g.optional]
    pairs, _, misses = match(first_events, golds)
    assert misses == 0
    for event, gold in pairs:
        assert event.sub_event_type in (gold.sub_event_type, *gold.alt_sub_event_types)
        assert event.fatalities == gold.fatalities
        assert actor_overlap(event, gold)[0] == (2 if gold.actor2 else 1)


def test_events_below_the_confidence_floor_are_left_out_but_the_best_stays(first_document):
    (only,) = extract(first_document, min_confidence=1.01)
    assert only.confidence == max(e.confidence for e in extract(first_document))


def test_an_event_in_a_district_is_coded_to_it_with_precision_2():
    text = "Gunmen killed four soldiers in Seno province on Monday."
    (event,) = lagebild.extract(text, published="2020-05-12", language="en")
    assert (event.location, event.admin2, event.geo_precision) == ("Dori", "Province du Seno", 2)


def test_a_village_missing_from_the_district_named_after_it_is_coded_near_the_district():
    """No Shahpur the gazetteer knows lies in Kupwara; those elsewhere in India are others."""
    text = "On Monday, shelling hit Shahpur village (Kupwara district), killing two soldiers."
    (event,) = lagebild.extract(text, published="2020-05-12", language="en")
    assert (event.country, event.admin1, event.geo_precision) == ("India", "Jammu and Kashmir", 2)


def test_a_district_in_brackets_after_an_unknown_village_is_coded_near_it():
    text = "On Monday, gunmen shot dead a teacher in Qarzbolat village (Larkana, Sindh)."
    (event,) = lagebild.extract(text, published="2020-05-12", language="en")
    assert (event.location, event.geo_precision) == ("Larkana", 2)


def test_a_place_from_another_source_than_geonames_has_no_geonames_id():
    (event,) = lagebild.extract(
        "Five civilians were killed in an air strike on the village of Kasrat Affan on Monday.",
        published="2024-03-12",
        language="en",
    )
    assert (event.location, event.geonames_id, event.geo_precision) == ("Kasrat Affan", None, 1)
    assert event.latitude is not None
