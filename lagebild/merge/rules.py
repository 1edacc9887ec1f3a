"""Whether two coded reports describe one event, and why.

The reports must agree as DESIGN.md asks — types of one family, compatible actors, dates
within the window their precision allows, places within 25 km and, when both name a town, the
same town — and their texts must bear it out: they share names or figures (one at least, two
when their sub-event types differ), more than they contradict (`details.compare`). Coding alone
cannot tell apart two events of one type on one day in one town, which a busy front has every
day ("NAF forces fired at positions near Kamianka" / "… near Starohnativka", both placed at
Donetsk).
"""

from __future__ import annotations

import math
from functools import cache
from typing import NamedTuple

from rapidfuzz import fuzz

from ..models import Event
from ..taxonomy import actor_key, sub_event_types
from .details import Agreement, compare

NEAR_KM = 25
WINDOW_DAYS = {1: 0, 2: 3, 3: 15}  # how far two reports' dates may lie apart, by precision
EARTH_KM = 6371.0088
ACTOR_SIMILARITY = 90  # rapidfuzz token-set ratio of two spellings of one actor
FAMILIES = {"Protests": "Demonstrations", "Riots": "Demonstrations"}  # a protest turned riot
NON_STATE, CROWDS = {2, 3, 4}, {5, 6}  # ACLED inter codes
GENERIC_PREFIXES = ("unidentified", "protesters", "rioters", "civilians")
TEXTS_ALONE = 3  # support with which texts that share a rare name outweigh their coding
NAME_APART, RARE_APART, FIGURE_APART = 1, 3, 2  # what a detail only one report has weighs


FIELDS = (  # what `same_event` reads of an event: the columns of a stored candidate
    "event_id", "event_type", "sub_event_type", "event_date", "time_precision", "latitude",
    "longitude", "geo_precision", "geonames_id", "location", "actor1", "actor2", "inter1",
    "fatalities", "country",
)  # fmt: skip


class Report(NamedTuple):
    """What the merge compares of one report: its coded event (an Event, or a stored row with
    the `FIELDS`) and the details of its text (`details.details`)."""

    event: Event
    details: frozenset[str]


class Verdict(NamedTuple):
    same: bool
    rule: str  # why: the check that failed, or every check that passed
    texts_only: bool = False  # one event by their texts, though coded apart


def same_event(a: Report, b: Report) -> Verdict:
    """Whether two reports describe one event, with the reason in words: their coding agrees
    and their texts bear it out, or, coded apart, their texts agree so well (`TEXTS_ALONE`)
    that one of the codings must be wrong (another town of the country, another type)."""
    x, y = a.event, b.event
    days = abs((x.event_date - y.event_date).days)
    window = max(WINDOW_DAYS[x.time_precision], WINDOW_DAYS[y.time_precision])
    if days > window:
        return Verdict(False, f"dates {days} days apart, window {window}")
    coded_alike, coding = compare_coding(x, y)
    if not coded_alike and not (same_disorder(x, y) and same_country(x, y)):
        return Verdict(False, coding)
    agreement = compare(a.details, b.details, tolls=(x.fatalities, y.fatalities))
    if not coded_alike:
        if support(agreement) >= TEXTS_ALONE and agreement.rare_shared:
            return Verdict(True, f"texts agree: {describe(agreement)}; though {coding}", True)
        return Verdict(False, coding)
    needed = 1 if x.sub_event_type == y.sub_event_type else 2
    if support(agreement) < needed:
        return Verdict(False, f"texts differ: {describe(agreement)} (needs {needed})")
    return Verdict(
        True, f"{coding}; dates {days} days apart (window {window}); {describe(agreement)}"
    )


def compare_coding(x: Event, y: Event) -> tuple[bool, str]:
    """Whether two reports are coded as one event (DESIGN.md's rules), with what agrees or
    the first thing that does not."""
    if family(x.event_type) != family(y.event_type):
        return False, f"types differ: {x.event_type} / {y.event_type}"
    km = distance(x, y)
    if km is None or km > NEAR_KM:
        return False, "a place without coordinates" if km is None else f"places {km:.0f} km apart"
    if town(x) and town(y) and x.geonames_id != y.geonames_id:
        return False, f"different towns: {x.location} / {y.location}"
    actors = shared_actor(x, y)
    if actors is None:
        return False, f"actors differ: {x.actor1} / {y.actor1}"
    return True, f"same {family(x.event_type)}; {actors}; places {km:.0f} km apart"


def same_disorder(x: Event, y: Event) -> bool:
    """Both political violence, both demonstrations or both strategic developments (ACLED's
    disorder types; excessive force against protesters counts as either)."""
    return bool(disorders(x.sub_event_type) & disorders(y.sub_event_type))


@cache
def disorders(sub_event_type: str) -> frozenset[str]:
    return frozenset(sub_event_types()[sub_event_type][1].split("; "))


def same_country(x: Event, y: Event) -> bool:
    return x.country is not None and x.country == y.country


def support(agreement: Agreement) -> int:
    """Shared details less what only one report has: a rare name apart (another village)
    weighs most."""
    against = (
        NAME_APART * (agreement.names_apart - agreement.rare_apart)
        + RARE_APART * agreement.rare_apart
        + FIGURE_APART * agreement.figures_apart
    )
    return len(agreement.shared) - against


def describe(agreement: Agreement) -> str:
    shared = ", ".join(d.lstrip("#!") for d in agreement.shared) or "nothing"
    apart = [
        f"{n} {what} apart"
        for n, what in (
            (agreement.names_apart, "names"),
            (agreement.figures_apart, "figures"),
        )
        if n
    ]
    return f"shared {shared}" + "".join(f"; {a}" for a in apart)


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
