"""Merging reports of one event across documents: the rules, their reasons, blocking."""

import datetime as dt
import math
import random

import pytest
from conftest import build_event

from lagebild.merge import (
    cell_key,
    date_window,
    date_windows,
    haversine,
    lowest_of_latest,
    merge_all,
    neighbour_keys,
    same_event,
)


def test_two_reports_of_one_attack_are_one_event():
    german = build_event("de/a.txt")
    english = build_event(
        "en/b.txt", actor1="Islamic State (Syria)", geo_precision=3, latitude=36.55, longitude=40.7
    )
    verdict = same_event(german, english)
    assert verdict.same
    assert "actor 'islamic state' in both" in verdict.rule and "7 km apart" in verdict.rule


@pytest.mark.parametrize("change, reason", [
    ({"event_type": "Battles", "sub_event_type": "Armed clash"}, "types differ"),
    ({"event_date": dt.date(2022, 1, 24)}, "1 days apart, window 0"),
    ({"geonames_id": 1, "location": "Tall Tamr", "latitude": 36.6}, "different towns"),
    ({"latitude": 36.9}, "km apart"),
    ({"latitude": None, "longitude": None}, "without coordinates"),
    ({"actor1": "SDF: Syrian Democratic Forces"}, "actors differ"),
])  # fmt: skip
def test_what_keeps_reports_apart(change, reason):
    verdict = same_event(build_event("a", geonames_id=173811), build_event("b", **change))
    assert not verdict.same and reason in verdict.rule


def test_a_week_precise_report_may_lie_days_away():
    week = build_event("b", event_date=dt.date(2022, 1, 26), time_precision=2)
    assert same_event(build_event("a"), week).same


def test_a_protest_that_turned_violent_is_one_event_with_the_riot():
    protest = build_event(
        "a", event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Syria)",
        inter1=6, actor2=None, inter2=None,
    )  # fmt: skip
    riot = build_event(
        "b", event_type="Riots", sub_event_type="Violent demonstration", actor1="Rioters (Syria)",
        inter1=5, actor2=None, inter2=None,
    )  # fmt: skip
    assert same_event(protest, riot).same


def test_an_unidentified_group_may_be_the_named_one():
    named = build_event("a")
    unnamed = build_event("b", actor1="Unidentified Armed Group (Syria)", inter1=3)
    assert same_event(named, unnamed).same


def test_fatalities_are_the_lowest_figure_of_the_latest_report():
    reports = [
        (dt.date(2022, 1, 21), 160),
        (dt.date(2022, 1, 24), 180),
        (dt.date(2022, 1, 24), 175),
    ]
    assert lowest_of_latest(reports) == 175
    assert lowest_of_latest([(None, 4), (dt.date(2022, 1, 1), 2)]) == 2


def test_neighbour_cells_hold_every_place_within_25_km():
    rng = random.Random(7)
    for _ in range(2000):
        lat, lon = rng.uniform(-70, 70), rng.uniform(-179, 179)
        bearing, km = rng.uniform(0, 360), rng.uniform(0, 24.9)
        north, east = km * math.cos(math.radians(bearing)), km * math.sin(math.radians(bearing))
        lat2 = lat + north / 111.2
        lon2 = lon + east / (111.2 * math.cos(math.radians(lat)))
        if haversine(lat, lon, lat2, lon2) <= 25:
            assert cell_key(lat2, lon2) in neighbour_keys(lat, lon)


def test_merge_all_groups_reports_and_keeps_others_apart():
    events = [
        build_event("a"),
        build_event("b", actor1="SDF: Syrian Democratic Forces", inter1=2),  # other actor
        build_event("c", actor1="Islamic State (Syria)"),  # report of the first
        build_event("d", latitude=35.0),  # far away
    ]
    assert merge_all(events) == [[0, 2], [1], [3]]


def test_merging_again_changes_nothing():
    events = [build_event(str(i), latitude=36.5 + i / 100) for i in range(6)]
    groups = merge_all(events)
    regrouped = merge_all([events[g[0]] for g in groups])
    assert len(regrouped) == len(groups) == 1


def test_the_date_window_stays_within_the_calendar():
    assert date_window(dt.date.min)[0] == dt.date.min
    assert date_window(dt.date.max)[1] == dt.date.max


def test_date_windows_widen_to_the_vaguer_report():
    day = dt.date(2022, 1, 23)
    windows = date_windows(day, precision=1)
    assert windows[1] == (day, day)
    assert windows[3] == (dt.date(2022, 1, 8), dt.date(2022, 2, 7))
