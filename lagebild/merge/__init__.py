"""The merge stage: reports of one event in different documents become one event.

`rules.same_event` decides for two reports, from their coding and the details of their texts
(`details`); `blocking` finds the few stored events a new report may be one with. Within one
document, mentions are merged earlier (`extraction/incidents.py`).
"""

import datetime as dt
from collections.abc import Iterable

from .blocking import (
    MAX_NAMES,
    MAX_NEIGHBOURS,
    Blocks,
    cell_key,
    date_window,
    date_windows,
    first_same,
    indexed_name,
    looked_up_names,
    neighbour_keys,
)
from .details import details, rare_names
from .rules import FIELDS, WINDOW_DAYS, Report, Verdict, haversine, same_event

__all__ = [
    "FIELDS", "MAX_NAMES", "MAX_NEIGHBOURS", "WINDOW_DAYS", "Blocks", "Report", "Verdict",
    "cell_key", "date_window", "date_windows", "details", "first_same", "haversine", "indexed_name",
    "looked_up_names", "lowest_of_latest", "neighbour_keys",
    "rare_names", "same_event",
]  # fmt: skip


def lowest_of_latest(reports: Iterable[tuple[dt.date | None, int]]) -> int:
    """ACLED's fatalities for an event several reports give: the lowest figure of the most
    recent report(s); undated reports count as the oldest."""
    reports = list(reports)
    if not reports:
        return 0
    latest = max(date or dt.date.min for date, _ in reports)
    return min(value for date, value in reports if (date or dt.date.min) == latest)
