"""Blocking: a new report is compared only with the events it could be one with, those in the
neighbouring grid cells within the widest date window, so merging grows with the number of
events rather than its square."""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

from .details import rare_names
from .rules import NEAR_KM, WINDOW_DAYS, Report, same_event

MAX_WINDOW = max(WINDOW_DAYS.values())
CELL_DEGREES = 0.25  # a cell row is ≥ 27.8 km high, so a 25 km radius spans 3 rows
MAX_NEIGHBOURS = 12  # cells within 25 km: 3 rows of at most 4 columns
SPAN_DAYS = MAX_WINDOW + 1  # a batch's reports by cell and span of days: two spans hold a window
MAX_NAMES = 4  # rare names of a report that look up stored reports naming them too


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


@lru_cache(maxsize=4096)  # a batch asks for the same place twice: pending, then stored
def neighbour_keys(latitude: float, longitude: float) -> tuple[int, ...]:
    return tuple(r * 100_000 + c for r, c in neighbour_cells(latitude, longitude))


def indexed_name(details: frozenset[str]) -> str | None:
    """The rare name a report is found by (the first in alphabetical order): one per report
    keeps the index small, and a later report names it among its own `MAX_NAMES`."""
    return min(rare_names(details), default=None)


def looked_up_names(details: frozenset[str]) -> list[str]:
    """The rare names a new report looks stored reports up by: its first `MAX_NAMES`."""
    return sorted(rare_names(details))[:MAX_NAMES]


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


class Blocks:
    """Reports by blocking cell and by rare name (`indexed_name`), each with a value (its
    group, its id), so that a new report is compared only with those it could be one with:
    reports near it, and reports whose texts name the same village or person
    (`rules.same_event`'s second way)."""

    def __init__(self):
        self.cells: dict[tuple[int, int], list[tuple[Report, object]]] = {}  # (cell, span)
        self.names: dict[tuple[str, int], list[tuple[Report, object]]] = {}  # (name, span)

    def add(self, report: Report, value) -> None:
        event = report.event
        key = cell_key(event.latitude, event.longitude)
        span = event.event_date.toordinal() // SPAN_DAYS
        if key is not None:
            self.cells.setdefault((key, span), []).append((report, value))
        name = indexed_name(report.details)
        if name:
            self.names.setdefault((name, span), []).append((report, value))

    def candidates(self, report: Report):
        """Reports in the neighbouring cells, and reports found by one of this report's
        `looked_up_names`, within the widest date window: what the store asks for too."""
        event = report.event
        day = event.event_date.toordinal()
        spans = range((day - MAX_WINDOW) // SPAN_DAYS, (day + MAX_WINDOW) // SPAN_DAYS + 1)
        if event.latitude is not None and event.longitude is not None:
            for key in neighbour_keys(event.latitude, event.longitude):
                for span in spans:
                    yield from self.cells.get((key, span), ())
        for name in looked_up_names(report.details):
            for span in spans:
                yield from self.names.get((name, span), ())


def first_same(report: Report, candidates) -> tuple[object, str | None]:
    """The first candidate coded as one event with `report`, else the first one whose text
    agrees with its text, as (value, rule); (None, None) when there is none."""
    by_text, day = (None, None), report.event.event_date.toordinal()
    for other, value in candidates:
        if abs(other.event.event_date.toordinal() - day) > MAX_WINDOW:
            continue
        verdict = same_event(other, report)
        if verdict.same and not verdict.texts_only:
            return value, verdict.rule
        if verdict.same and by_text[0] is None:
            by_text = value, verdict.rule
    return by_text
