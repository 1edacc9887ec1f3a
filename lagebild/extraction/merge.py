"""Mentions of one event within a document become one event, as ACLED aggregates: same day,
place and actors; a mention that only says "attacked" or "killed" joins the specific one
beside it; concurrent tactics of one engagement collapse to the higher type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import taxonomy
from .actors import CIVILIANS
from .dates import DAY

if TYPE_CHECKING:
    from .coder import Coded

GENERIC_CONCEPTS = {"ATTACK", "KILL", "SHOOT", "DEAD", "BODY", "DEPLOY", "FRONT"}
ARMED_TARGETS_ONLY = {"Armed clash"}  # a generic attack on civilians is no part of a battle


def same_event(a: Coded, b: Coded) -> bool:
    """Two candidates of one document report one event: same day and place, actors that agree
    (one's may be a subset of the other's), and the same type, or one that only says "attack"
    or "killed" beside a specific explosion, strike or shelling (or a battle, unless the
    attack was on civilians)."""
    ca, cb = a.candidate, b.candidate
    place_a = ca.place.geonames_id if ca.place else None
    place_b = cb.place.geonames_id if cb.place else None
    if (ca.date.date, place_a) != (cb.date.date, place_b):
        return False
    names_a = {a.actor1[0]} | ({a.actor2[0]} if a.actor2 else set())
    names_b = {b.actor1[0]} | ({b.actor2[0]} if b.actor2 else set())
    if not (names_a <= names_b or names_b <= names_a):
        return False
    if a.decision.sub_event_type == b.decision.sub_event_type or concurrent(a, b):
        return True
    generic, specific = (a, b) if ca.generic else (b, a) if cb.generic else (None, None)
    if generic is None or generic.actor1[0] != specific.actor1[0]:
        return False
    kind = specific.decision.sub_event_type
    on_civilians = bool(generic.actor2) and generic.actor2[1] == CIVILIANS
    if taxonomy.event_type_of(kind) != "Explosions/Remote violence":
        return kind in ARMED_TARGETS_ONLY and not on_civilians
    return True


def concurrent(a: Coded, b: Coded) -> bool:
    """Tactics of one engagement on the same day between the same named sides (ACLED codes
    one event, of the higher type)."""
    days = a.candidate.date.precision == DAY == b.candidate.date.precision
    sides_a = {a.actor1[0]} | ({a.actor2[0]} if a.actor2 else set())
    sides_b = {b.actor1[0]} | ({b.actor2[0]} if b.actor2 else set())
    named = all(x[2].start is not None for x in (a.actor1, b.actor1))
    return days and named and sides_a == sides_b


def merge_within(coded: list[Coded]) -> list[Coded]:
    """One event per (day, place, type, actors) in a document; a generic mention joins the
    specific one ("attackierte einen Konvoi" → the air strike on that convoy)."""
    events: list[Coded] = []
    for item in coded:
        match = next((e for e in events if same_event(e, item)), None)
        if match is None:
            events.append(item)
            continue
        match.merged.append(item.candidate)
        higher = taxonomy.rank(item.decision.sub_event_type) < taxonomy.rank(
            match.decision.sub_event_type
        )
        if (
            match.candidate.generic
            and not item.candidate.generic
            or concurrent(match, item)
            and higher
        ):
            match.decision = item.decision
        if item.actor2 and not match.actor2:
            match.actor2 = item.actor2
    return events
