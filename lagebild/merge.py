"""Reports of the same event become one event with all their sources and evidence.

Within a document, mentions merge when they share the date, the place, the sub-event type and
the actor pair (ACLED's unit of an event). Merging is order-independent and idempotent.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import Event


def event_key(event: Event) -> tuple:
    actors = tuple(sorted(filter(None, (event.actor1, event.actor2))))
    return (event.event_date, event.location, event.sub_event_type, actors)


def merge_events(events: Iterable[Event]) -> list[Event]:
    """One event per (date, place, sub-event type, actor pair), in order of first mention."""
    groups: dict[tuple, list[Event]] = {}
    for event in events:
        groups.setdefault(event_key(event), []).append(event)
    return [combine(group) for group in groups.values()]


def combine(group: list[Event]) -> Event:
    """Keep the most confident mention's coding; gather sources and evidence from all.

    Fatalities are the lowest non-zero figure (ACLED's lowest-estimate rule).
    """
    if len(group) == 1:
        return group[0]
    best = max(group, key=lambda e: e.confidence)
    counts = [e.fatalities for e in group if e.fatalities]
    sources = {s.doc_id: s for e in group for s in e.sources}
    evidence = {(v.doc_id, v.field, v.start, v.end): v for e in group for v in e.evidence}
    merged = best.model_dump()
    merged.update(
        event_id="",
        fatalities=min(counts) if counts else 0,
        sources=list(sources.values()),
        evidence=list(evidence.values()),
    )
    return Event.model_validate(merged)
