"""Whether two coded reports are one event: the rules and the reasons they give."""

import datetime as dt

import pytest
from conftest import build_event

from lagebild.merge import Report, lowest_of_latest, same_event

PRISON = frozenset({"!ghuairan", "#120", "sina"})  # what a report of the prison attack names
PLAIN = frozenset({"#120", "sina"})  # … one that names nothing rare


def report(doc_id="a", found=PRISON, **fields) -> Report:
    return Report(build_event(doc_id, **fields), found)


def test_two_reports_of_one_attack_are_one_event():
    german = report("de/a.txt")
    english = report(
        "en/b.txt", actor1="Islamic State (Syria)", geo_precision=3, latitude=36.55, longitude=40.7
    )
    verdict = same_event(german, english)
    assert verdict.same
    assert "actor 'islamic state' in both" in verdict.rule and "7 km apart" in verdict.rule
    assert "shared 120, ghuairan, sina" in verdict.rule


@pytest.mark.parametrize("change, reason", [
    ({"event_type": "Battles", "sub_event_type": "Armed clash"}, "types differ"),
    ({"event_date": dt.date(2022, 1, 24)}, "1 days apart, window 0"),
    ({"geonames_id": 1, "location": "Tall Tamr", "latitude": 36.6}, "different towns"),
    ({"latitude": 36.9}, "km apart"),
    ({"latitude": None, "longitude": None}, "without coordinates"),
    ({"actor1": "SDF: Syrian Democratic Forces"}, "actors differ"),
])  # fmt: skip
def test_what_keeps_reports_apart(change, reason):
    verdict = same_event(report("a", geonames_id=173811), report("b", PLAIN, **change))
    assert not verdict.same and reason in verdict.rule


def test_texts_that_agree_outweigh_a_coding_that_differs():
    elsewhere = report("b", latitude=37.2, longitude=41.2, location="Qamishli", geonames_id=2)
    verdict = same_event(report("a", geonames_id=1), elsewhere)
    assert verdict.same and verdict.texts_only
    assert verdict.rule.startswith(
        "texts agree: shared 120, ghuairan, sina; though places 87 km apart"
    )


@pytest.mark.parametrize("change", [
    {"country": "Iraq"},
    {"event_type": "Protests", "sub_event_type": "Peaceful protest", "actor1": "Protesters",
     "inter1": 6, "actor2": None, "inter2": None},
    {"event_date": dt.date(2022, 1, 25)},
])  # fmt: skip
def test_texts_alone_join_reports_of_one_country_disorder_and_time(change):
    far = {"latitude": 37.2, "longitude": 41.2, **change}
    assert not same_event(report("a"), report("b", **far)).same


def test_reports_coded_alike_are_apart_when_their_texts_name_other_villages():
    kamianka = report("a", frozenset({"!kamianka", "#41"}))
    starohnativka = report("b", frozenset({"!starohnativka", "#9"}))
    verdict = same_event(kamianka, starohnativka)
    assert not verdict.same
    assert verdict.rule == "texts differ: shared nothing; 1 names apart; 1 figures apart (needs 1)"


def test_other_sub_event_types_of_one_family_need_two_shared_details():
    grenade = dict(event_type="Explosions/Remote violence", sub_event_type="Grenade", inter2=7)
    one = frozenset({"!suuq", "yaqshid"})
    assert not same_event(report("a"), report("b", one, **grenade)).same
    shelling = {**grenade, "sub_event_type": "Shelling/artillery/missile attack"}
    assert same_event(report("a", **grenade), report("b", PRISON, **shelling)).same


def test_a_week_precise_report_may_lie_days_away():
    week = report("b", event_date=dt.date(2022, 1, 26), time_precision=2)
    assert same_event(report("a"), week).same


def test_a_protest_that_turned_violent_is_one_event_with_the_riot():
    protest = report(
        "a", event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Syria)",
        inter1=6, actor2=None, inter2=None,
    )  # fmt: skip
    riot = report(
        "b", event_type="Riots", sub_event_type="Violent demonstration", actor1="Rioters (Syria)",
        inter1=5, actor2=None, inter2=None,
    )  # fmt: skip
    assert same_event(protest, riot).same


def test_an_unidentified_group_may_be_the_named_one():
    unnamed = report("b", actor1="Unidentified Armed Group (Syria)", inter1=3)
    assert same_event(report("a"), unnamed).same


def test_fatalities_are_the_lowest_figure_of_the_latest_report():
    reports = [
        (dt.date(2022, 1, 21), 160),
        (dt.date(2022, 1, 24), 180),
        (dt.date(2022, 1, 24), 175),
    ]
    assert lowest_of_latest(reports) == 175
    assert lowest_of_latest([(None, 4), (dt.date(2022, 1, 1), 2)]) == 2
