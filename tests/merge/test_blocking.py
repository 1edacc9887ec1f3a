"""Blocking: the grid cells and date windows that find the reports a new one may be one with."""

import datetime as dt
import math
import random

from conftest import build_event

from lagebild.merge import (
    MAX_NEIGHBOURS,
    Blocks,
    Report,
    cell_key,
    date_window,
    date_windows,
    haversine,
    neighbour_keys,
)

NAMED = frozenset({"!ghuairan", "sina"})


def report(doc_id: str, **fields) -> Report:
    return Report(build_event(doc_id, **fields), NAMED)


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


def test_blocks_give_the_reports_near_in_place_and_time_and_those_naming_a_rare_name():
    blocks, other = Blocks(), frozenset({"!dschabal"})
    for name, fields, details in [
        ("near", {}, other),
        ("far", {"latitude": 35.0}, other),
        ("later", {"event_date": dt.date(2022, 3, 1)}, NAMED),
        ("named", {"latitude": None, "longitude": None}, NAMED),
    ]:
        blocks.add(Report(build_event(name, **fields), details), name)
    found = [value for _, value in blocks.candidates(report("new"))]
    assert sorted(found) == ["named", "near"]


def test_the_date_window_stays_within_the_calendar():
    assert date_window(dt.date.min)[0] == dt.date.min
    assert date_window(dt.date.max)[1] == dt.date.max


def test_date_windows_widen_to_the_vaguer_report():
    day = dt.date(2022, 1, 23)
    windows = date_windows(day, precision=1)
    assert windows[1] == (day, day)
    assert windows[3] == (dt.date(2022, 1, 8), dt.date(2022, 2, 7))


def test_no_place_has_more_neighbour_cells_than_the_query_takes():
    rng = random.Random(11)
    places = [(rng.uniform(-90, 90), rng.uniform(-180, 180)) for _ in range(20_000)]
    places += [(lat, 0.0) for lat in (-90, -89.99, -60, 0, 60, 89.99, 90)]
    assert max(len(neighbour_keys(lat, lon)) for lat, lon in places) <= MAX_NEIGHBOURS
