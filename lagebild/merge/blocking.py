"""Blocking: a new report is compared only with the events it could be one with, those in the
neighbouring grid cells within the widest date window, so merging grows with the number of
events rather than its square."""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

from .rules import NEAR_KM, WINDOW_DAYS, Report, same_event

MAX_WINDOW = max(WINDOW_DAYS.values())
CELL_DEGREES = 0.25  # a cell row is ≥ 27.8 km high, so a 25 km radius spans 3 rows
MAX_NEIGHBOURS = 12  # cells within 25 km: 3 rows of at most 4 columns


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


def neighbour_params(latitude: float, longitude: float) -> dict[str, int]:
    """The neighbour keys as `MAX_NEIGHBOURS` query parameters `cell0`, `cell1`, …, the last
    repeated to fill them: one statement for every place, compiled once."""
    keys = neighbour_keys(latitude, longitude)
    keys += keys[-1:] * (MAX_NEIGHBOURS - len(keys))  # a new tuple: the cached one is kept
    return {f"cell{i}": key for i, key in enumerate(keys)}


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
    """Reports by blocking cell, each with a value (its group, its id), so that a new report
    is compared only with those it could be one with."""

    def __init__(self):
        self.cells: dict[int, list[tuple[Report, object]]] = {}

    def add(self, report: Report, value) -> None:
        event = report.event
        key = cell_key(event.latitude, event.longitude)
        if key is not None:
            self.cells.setdefault(key, []).append((report, value))

    def find(self, report: Report) -> tuple[object, str | None]:
        """The value of the first report that `report` is one event with, and the rule;
        (None, None) when there is none."""
        event = report.event
        if event.latitude is None or event.longitude is None:
            return None, None
        day = event.event_date.toordinal()
        for key in neighbour_keys(event.latitude, event.longitude):
            for other, value in self.cells.get(key, ()):
                if abs(other.event.event_date.toordinal() - day) > MAX_WINDOW:
                    continue
                verdict = same_event(other, report)
                if verdict.same:
                    return value, verdict.rule
        return None, None


def merge_all(reports: list[Report]) -> list[list[int]]:
    """Group a batch of reports into one list of indexes per real event, in input order: each
    report joins the first earlier group whose first report it is one event with."""
    groups: list[list[int]] = []
    blocks = Blocks()
    for i, report in enumerate(reports):
        group, _ = blocks.find(report)
        if group is None:
            group = len(groups)
            groups.append([])
            blocks.add(report, group)
        groups[group].append(i)
    return groups
