"""The matcher and scores of `lagebild eval`, on hand-built predictions and gold events."""

import datetime as dt
import json

import pytest
from conftest import build_event

from lagebild.errors import EvalError
from lagebild.evaluate import (
    Gold,
    acled_date,
    acled_part,
    checked,
    fold,
    match,
    read_acled_gold,
    read_gold,
    read_predictions,
    same_region_name,
    score,
    score_documents,
)
from lagebild.models import Event

LAT, LON = 36.50237, 40.74772  # Al-Hasakah


def event(doc: str = "x.txt", **overrides) -> Event:
    """A valid Battles event in Al-Hasakah with one source `doc`."""
    battle = dict(event_type="Battles", sub_event_type="Armed clash", actor2="SDF", inter2=2)
    return build_event(doc, **{"fatalities": 5, **battle, **overrides})


def gold(doc: str = "x.txt", **overrides) -> Gold:
    fields = dict(
        doc=doc,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Islamic State",
        actor2="SDF",
        inter1=2,
        country="Syria",
        admin1="Al-Hasakah",
        location="Al-Hasakah",
        latitude=LAT,
        longitude=LON,
        date="2022-01-23",
        time_precision=1,
        fatalities=5,
    )
    return Gold(**{**fields, **overrides})


def counts(predictions, golds) -> tuple[int, int, int]:
    """(matched, false alarms, misses)."""
    pairs, false_alarms, misses = match(predictions, golds)
    return len(pairs), false_alarms, misses


def fields(prediction: Event, expected: Gold) -> dict:
    """The field scores of one prediction against one gold event."""
    return score([prediction], [expected])["matched_fields"]


def test_identical_event_matches():
    prediction, expected = event(), gold()
    pairs, false_alarms, misses = match([prediction], [expected])
    assert pairs == [(prediction, expected)]
    assert (false_alarms, misses) == (0, 0)


def test_other_event_type_does_not_match():
    prediction = event(event_type="Riots", sub_event_type="Mob violence")
    assert counts([prediction], [gold()]) == (0, 1, 1)


def test_places_match_within_50_km_only():
    assert counts([event(latitude=LAT + 49 / 111.2)], [gold()]) == (1, 0, 0)
    assert counts([event(latitude=LAT + 51 / 111.2)], [gold()]) == (0, 1, 1)


def test_alternative_event_type_is_accepted():
    prediction = event(event_type="Violence against civilians", sub_event_type="Attack")
    assert counts([prediction], [gold()]) == (0, 1, 1)
    assert counts([prediction], [gold(alt_event_types=["Violence against civilians"])]) == (1, 0, 0)


def test_alternative_sub_event_type_counts_as_right_sub_type():
    prediction = event(
        event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED"
    )
    plain = gold(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb")
    with_alt = plain.model_copy(update={"alt_sub_event_types": ["Remote explosive/landmine/IED"]})
    assert fields(prediction, plain)["sub_event_type"] == 0
    assert fields(prediction, with_alt)["sub_event_type"] == 1


def test_matched_optional_gold_is_no_false_alarm():
    assert counts([event()], [gold(optional=True)]) == (0, 0, 0)


def test_unmatched_optional_gold_is_no_miss():
    assert counts([], [gold(optional=True)]) == (0, 0, 0)
    assert score([], [gold(optional=True), gold()])["events"]["gold"] == 1


def test_required_gold_is_matched_before_optional_one():
    golds = [gold(optional=True), gold(actor2="")]
    assert counts([event()], golds) == (1, 0, 0)


def test_pairs_are_assigned_by_best_score_not_first_come():
    clash = gold(actor1="Islamic State", actor2="SDF")
    takeover = gold(
        sub_event_type="Non-state actor overtakes territory", actor1="SDF", actor2="Hayat Tahrir"
    )
    predicted_takeover = event(
        sub_event_type="Non-state actor overtakes territory", actor1="SDF", actor2="Hayat Tahrir"
    )
    predicted_clash = event()
    pairs, _, _ = match([predicted_takeover, predicted_clash], [clash, takeover])
    assert {(p.sub_event_type, g.sub_event_type) for p, g in pairs} == {
        ("Armed clash", "Armed clash"),
        ("Non-state actor overtakes territory", "Non-state actor overtakes territory"),
    }


def test_pairs_are_assigned_by_actors_when_sub_types_agree():
    with_sdf, with_army = gold(actor2="SDF"), gold(actor2="Military Forces of Syria")
    predicted_army, predicted_sdf = event(actor2="Military Forces of Syria", inter2=1), event()
    pairs, _, _ = match([predicted_army, predicted_sdf], [with_sdf, with_army])
    assert {(p.actor2, g.actor2) for p, g in pairs} == {
        ("SDF", "SDF"),
        ("Military Forces of Syria", "Military Forces of Syria"),
    }


def test_prediction_from_a_document_the_gold_does_not_cover_is_not_scored():
    assert counts([event(doc="y.txt")], [gold(doc="x.txt")]) == (0, 0, 1)


def test_prediction_path_matches_gold_path_relative_to_corpus():
    assert counts([event(doc="../shared/corpus/de/x.txt")], [gold(doc="de/x.txt")]) == (1, 0, 0)


def test_gold_path_must_match_whole_file_names():
    assert counts([event(doc="de/xx.txt")], [gold(doc="x.txt")]) == (0, 0, 1)


def test_prediction_path_belongs_to_the_longest_matching_gold_path():
    golds = [gold(doc="x.txt"), gold(doc="de/x.txt")]
    pairs, _, _ = match([event(doc="../shared/corpus/de/x.txt")], golds)
    assert [g.doc for _, g in pairs] == ["de/x.txt"]


def test_precision_recall_and_f1():
    golds = [gold(doc="a"), gold(doc="b"), gold(doc="c")]
    predictions = [event(doc="a"), event(doc="a"), event(doc="b"), event(doc="d")]
    events = score(predictions, golds)["events"]
    assert (events["gold"], events["predicted"], events["matched"]) == (3, 3, 2)
    assert events["precision"] == pytest.approx(2 / 3)
    assert events["recall"] == pytest.approx(2 / 3)
    assert events["f1"] == pytest.approx(2 / 3)


def test_actor_f1_ignores_regime_years_and_actor_order():
    prediction = event(
        actor1="Houthi Movement",
        actor2="Military Forces of Yemen (2016-) Supreme Political Council",
    )
    expected = gold(actor1="Military Forces of Yemen", actor2="Houthi Movement")
    assert fields(prediction, expected)["actor_f1"] == 1


def test_actor_f1_counts_a_missing_actor():
    expected = gold(actor1="Islamic State", actor2="SDF")
    assert fields(event(actor2=None, inter2=None), expected)["actor_f1"] == pytest.approx(
        2 / 3
    )  # precision 1, recall 1/2


def test_fatalities_must_be_exact():
    assert fields(event(fatalities=5), gold())["fatalities_exact"] == 1
    assert fields(event(fatalities=6), gold())["fatalities_exact"] == 0


def test_month_precision_gold_date_matches_any_day_of_the_month():
    expected = gold(date="2022-01", time_precision=3)
    assert fields(event(event_date=dt.date(2022, 1, 31)), expected)["date"] == 1
    assert fields(event(event_date=dt.date(2022, 2, 1)), expected)["date"] == 0


def test_location_without_coordinates_matches_by_name():
    no_coordinates = dict(latitude=None, longitude=None)
    assert counts([event(location="al-hasakah", **no_coordinates)], [gold()]) == (1, 0, 0)
    assert counts([event(location="Qamishli", **no_coordinates)], [gold()]) == (0, 1, 1)


def test_score_documents_uses_the_most_confident_event_of_each_document():
    unsure = event(doc="a", event_type="Riots", sub_event_type="Mob violence", confidence=0.3)
    sure = event(doc="a", confidence=0.9)
    scores = score_documents([unsure, sure], [gold(doc="a"), gold(doc="b")])
    assert (scores["documents"], scores["with_events"]) == (2, 1)
    assert scores["event_type"] == 0.5  # document b has no prediction: wrong
    assert scores["sub_event_type"] == 0.5
    assert scores["location_25km"] == 0.5


def test_score_documents_counts_placed_events_that_name_their_district():
    events = [event(doc="a", admin2="Hasakah"), event(doc="b", admin2=None)]
    unplaced = event(doc="c", latitude=None, longitude=None)
    scores = score_documents([*events, unplaced], [gold(doc=d) for d in "abc"])
    assert scores["admin2_filled"] == 0.5  # of the two events with coordinates


def test_acled_part_is_stable_and_splits_about_in_half():
    ids = [f"{country}{n}" for country in ("SYR", "YEM", "SOM", "UKR") for n in range(1000, 1400)]
    parts = [acled_part(i) for i in ids]
    assert parts == [acled_part(i) for i in ids]
    assert set(parts) == {"tune", "heldout"}
    assert 0.4 < parts.count("heldout") / len(parts) < 0.6


def test_read_acled_gold_parses_the_dev_file(acled_dev):
    golds = read_acled_gold(acled_dev)
    assert len(golds) == 1542
    first = golds[0]
    assert first.doc == "YEM52360"
    assert first.date == "2020-05-09"
    assert first.inter1 == 1
    assert first.actor1 == "Military Forces of Yemen (2016-) Supreme Political Council"
    assert (first.latitude, first.longitude, first.fatalities) == (15.6445, 44.4734, 7)
    assert all(isinstance(g.inter1, int) and 1 <= g.inter1 <= 8 for g in golds)


@pytest.mark.parametrize("text", ["2020-05-09", "9-May-20", "09-May-20"])
def test_acled_date_reads_iso_and_acled_dates(text):
    assert acled_date(text) == dt.date(2020, 5, 9)


def test_acled_date_rejects_unknown_format():
    with pytest.raises(ValueError, match="unknown date format"):
        acled_date("May 9th")


def test_broken_json_line_names_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(gold().model_dump_json() + "\n{broken\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"gold\.jsonl:2"):
        read_gold(path)


def test_prediction_missing_a_required_field_names_the_field(tmp_path):
    record = json.loads(event().model_dump_json())
    del record["event_date"]
    path = tmp_path / "predicted.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match="event_date") as raised:
        checked(read_predictions, path)
    assert "predicted.jsonl" in str(raised.value)


def test_gold_without_second_actor_reads_and_scores(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        '{"doc": "a.txt", "event_type": "Protests", "sub_event_type": "Peaceful protest",'
        ' "actor1": "Protesters (Sudan)", "actor2": null}\n'
    )
    (gold,) = read_gold(path)
    assert gold.actor2 is None


@pytest.mark.parametrize(
    "a, b", [("Muhafazat al Hudaydah", "Al Hudaydah"), ("Sa'dah", "Sadah"), ("Ḩamāh", "Hamah")]
)
def test_place_names_compare_without_accents_punctuation_or_region_words(a, b):
    assert fold(a) == fold(b)


@pytest.mark.parametrize("predicted, gold, same", [
    ("Idlib", "Idleb", True),
    ("Daraa", "Dar'a", True),
    ("Tartar Rayon", "Tartar", True),
    ("Eastern", "Western", False),
    ("Nord-Kivu", "Sud-Kivu", False),
    ("Liban-Sud", "South", False),
    (None, "Borno", False),
])  # fmt: skip
def test_region_names_compare_across_transliterations(predicted, gold, same):
    assert same_region_name(predicted, gold) is same
