"""Reports of one event in different documents become one event.

Two coded events are one when their types belong to one family, their actors agree (ACLED's
names, so aliases already met in the lexicon: "IS", "Daesh", "Islamischer Staat"), their
dates lie within the window their time precision allows and their places within 25 km.
`same_event` says whether, and why; blocking by grid cell and date keeps the search
near-linear (`cells`, `neighbour_cells`). Within one document, mentions are merged earlier
(`extraction/merge.py`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import NamedTuple

from rapidfuzz import fuzz

from .models import Event
from .taxonomy import actor_key

NEAR_KM = 25
WINDOW_DAYS = {1: 0, 2: 3, 3: 15}  # how far two reports' dates may lie apart, by precision
MAX_WINDOW = max(WINDOW_DAYS.values())
CELL_DEGREES = 0.25  # a cell row is ≥ 27.8 km high, so a 25 km radius spans 3 rows
EARTH_KM = 6371.0088
ACTOR_SIMILARITY = 90  # rapidfuzz token-set ratio of two spellings of one actor
FAMILIES = {"Protests": "Demonstrations", "Riots": "Demonstrations"}  # a protest turned riot
NON_STATE, CROWDS = {2, 3, 4}, {5, 6}  # ACLED inter codes
GENERIC_PREFIXES = ("unidentified", "protesters", "rioters", "civilians")


FIELDS = (  # what `same_event` reads of an event (an Event, or a stored row)
    "event_id", "event_type", "event_date", "time_precision", "latitude", "longitude",
    "geo_precision", "geonames_id", "location", "actor1", "actor2", "inter1",
)  # fmt: skip


class Verdict(NamedTuple):
    same: bool
    rule: str  # why: the check that failed, or every check that passed


def same_event(a: Event, b: Event) -> Verdict:
    """Whether two reports describe one event, with the reason in words."""
    if family(a.event_type) != family(b.event_type):
        return Verdict(False, f"types differ: {a.event_type} / {b.event_type}")
    days = abs((a.event_date - b.event_date).days)
    window = max(WINDOW_DAYS[a.time_precision], WINDOW_DAYS[b.time_precision])
    if days > window:
        return Verdict(False, f"dates {days} days apart, window {window}")
    km = distance(a, b)
    if km is None or km > NEAR_KM:
        where = "a place without coordinates" if km is None else f"places {km:.0f} km apart"
        return Verdict(False, where)
    if town(a) and town(b) and a.geonames_id != b.geonames_id:
        return Verdict(False, f"different towns: {a.location} / {b.location}")
    actors = shared_actor(a, b)
    if actors is None:
        return Verdict(False, f"actors differ: {a.actor1} / {b.actor1}")
    return Verdict(
        True,
        f"same {family(a.event_type)}; {actors}; dates {days} days apart (window {window}); "
        f"places {km:.0f} km apart",
    )


def town(event: Event) -> bool:
    """The event is placed at or near a named town, not somewhere in a region."""
    return event.geonames_id is not None and event.geo_precision in (1, 2)


def family(event_type: str) -> str:
    return FAMILIES.get(event_type, event_type)


def distance(a: Event, b: Event) -> float | None:
    """Great-circle kilometres between two events' places, None when one has no coordinates."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    return haversine(a.latitude, a.longitude, b.latitude, b.longitude)


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


def shared_actor(a: Event, b: Event) -> str | None:
    """How the two reports' actors agree: a named actor in both (spellings may differ a
    little: "Islamic State" / "Islamic State (Syria)"), or at least one report naming only
    generic actors ("Unidentified Armed Group", "Protesters") of the same type. None when each
    names actors and none are shared."""
    named_a, named_b = named_actors(a), named_actors(b)
    for x in named_a:
        for y in named_b:
            if x == y or fuzz.token_set_ratio(x, y) >= ACTOR_SIMILARITY:
                return f"actor {x!r} in both"
    if (not named_a or not named_b) and compatible_types(a.inter1, b.inter1):
        return "one report names only generic actors"
    return None


def compatible_types(x: int, y: int) -> bool:
    """Actor types one doer may have in two reports: the same, any armed non-state group (an
    "unidentified armed group" may be the rebels another report names), or a crowd that one
    calls protesters and the other rioters."""
    return x == y or {x, y} <= NON_STATE or {x, y} <= CROWDS


def named_actors(event: Event) -> set[str]:
    names = {actor_key(n) for n in (event.actor1, event.actor2) if n}
    return {n for n in names if not n.startswith(GENERIC_PREFIXES)}


def cell(latitude: float, longitude: float) -> tuple[int, int]:
    """The blocking cell of a place: rows of 0.25° latitude, columns as wide as a row is high
    (wider in degrees towards the poles), so a 25 km circle touches at most 3 × 3 cells."""
    row = math.floor(latitude / CELL_DEGREES)
    return row, math.floor(longitude / column_degrees(row))


def column_degrees(row: int) -> float:
    middle = math.radians((row + 0.5) * CELL_DEGREES)
    return min(360.0, CELL_DEGREES / max(math.cos(middle), 0.01))


def neighbour_cells(latitude: float, longitude: float) -> list[tuple[int, int]]:
    """Every cell that may hold a place within 25 km (rows differ in column width, so the
    columns are computed per row)."""
    row = math.floor(latitude / CELL_DEGREES)
    found = []
    for r in (row - 1, row, row + 1):
        width = column_degrees(r)
        reach = NEAR_KM / (111.0 * max(math.cos(math.radians(latitude)), 0.01))
        low, high = math.floor((longitude - reach) / width), math.floor((longitude + reach) / width)
        found += [(r, c) for c in range(low, high + 1)]
    return found


def cell_key(latitude: float | None, longitude: float | None) -> int | None:
    """A cell as one integer, for an indexed column."""
    if latitude is None or longitude is None:
        return None
    row, column = cell(latitude, longitude)
    return row * 100_000 + column


def neighbour_keys(latitude: float, longitude: float) -> list[int]:
    return [r * 100_000 + c for r, c in neighbour_cells(latitude, longitude)]


def date_window(day: dt.date, days: int = MAX_WINDOW) -> tuple[dt.date, dt.date]:
    """The first and last day within `days` of `day`, within the calendar."""
    first = dt.date.fromordinal(max(day.toordinal() - days, 1))
    last = dt.date.fromordinal(min(day.toordinal() + days, dt.date.max.toordinal()))
    return first, last


def date_windows(day: dt.date, precision: int) -> dict[int, tuple[dt.date, dt.date]]:
    """For each time precision another report may have, the days it may name if it reports
    the same event as a report of `day` with `precision`."""
    return {
        other: date_window(day, max(WINDOW_DAYS[other], WINDOW_DAYS[precision]))
        for other in WINDOW_DAYS
    }


def lowest_of_latest(reports: Iterable[tuple[dt.date | None, int]]) -> int:
    """ACLED's fatalities for an event several reports give: the lowest figure of the most
    recent report(s); undated reports count as the oldest."""
    reports = list(reports)
    if not reports:
        return 0
    latest = max(date or dt.date.min for date, _ in reports)
    return min(value for date, value in reports if (date or dt.date.min) == latest)


class Blocks:
    """Events by blocking cell and day, each with a value (its group, its id), so that a new
    report is compared only with events it could be one with."""

    def __init__(self):
        self.cells: dict[tuple[int, int], list[tuple[Event, object]]] = {}

    def add(self, event: Event, value) -> None:
        key = cell_key(event.latitude, event.longitude)
        if key is not None:
            self.cells.setdefault((key, event.event_date.toordinal()), []).append((event, value))

    def find(self, event: Event) -> tuple[object, str | None]:
        """The value of the first event that `event` reports, with the rule; (None, None)."""
        if event.latitude is None or event.longitude is None:
            return None, None
        day = event.event_date.toordinal()
        for key in neighbour_keys(event.latitude, event.longitude):
            for offset in range(-MAX_WINDOW, MAX_WINDOW + 1):
                for other, value in self.cells.get((key, day + offset), ()):
                    verdict = same_event(other, event)
                    if verdict.same:
                        return value, verdict.rule
        return None, None


def merge_all(events: list[Event]) -> list[list[int]]:
    """Group a batch of events into one list of indexes per real event, in input order: each
    event joins the first earlier group whose first event it is one with (blocking by cell and
    date, so the work grows with the number of events, not its square)."""
    groups: list[list[int]] = []
    blocks = Blocks()
    for i, event in enumerate(events):
        group, _ = blocks.find(event)
        if group is None:
            group = len(groups)
            groups.append([])
            blocks.add(event, group)
        groups[group].append(i)
    return groups
