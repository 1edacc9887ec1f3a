"""ACLED's event taxonomy and actor types, and the fields ACLED derives from them."""

from __future__ import annotations

import re
from functools import cache

from .resources import lang_file, read_table

# Where ACLED marks "Civilians targeted" when civilians are the target (codebook, 2023 columns).
REGIME = re.compile(r"\s*\(\d{4}-\d{0,4}\).*$")  # "(2016-) Police" after a state's name
CIVILIAN_TARGET_TYPES = {"Violence against civilians", "Explosions/Remote violence", "Riots"}


@cache
def sub_event_types() -> dict[str, tuple[str, str]]:
    """Map each sub-event type to its (event type, disorder type), in hierarchy order."""
    rows = read_table(
        lang_file("base", "event_types.tsv"), ("event_type", "sub_event_type", "disorder_type")
    )
    return {row["sub_event_type"]: (row["event_type"], row["disorder_type"]) for row in rows}


@cache
def actor_types() -> dict[int, str]:
    """ACLED inter codes 1-8 and their names."""
    rows = read_table(lang_file("base", "actor_types.tsv"), ("code", "name"))
    return {int(row["code"]): row["name"] for row in rows}


def civilians_targeted(sub_event_type: str, inter2: int | None) -> bool:
    """ACLED's civilian_targeting: civilians are the target, or force was used on protesters."""
    if sub_event_type == "Excessive force against protesters":
        return True
    return inter2 == 7 and event_type_of(sub_event_type) in CIVILIAN_TARGET_TYPES


def actor_key(name: str | None) -> str:
    """What identifies an actor in ACLED's naming, to compare two names: without the regime
    years ("Military Forces of Yemen (2016-) X"), an acronym's expansion ("SDF: Syrian
    Democratic Forces"), case or "the"."""
    name = REGIME.sub("", name or "").split(":")[0]
    return name.casefold().replace(" the ", " ").strip()


def event_type_of(sub_event_type: str) -> str:
    return sub_event_types()[sub_event_type][0]


def rank(sub_event_type: str) -> int:
    """Position in the hierarchy: lower wins when concurrent tactics collapse into one event."""
    return list(sub_event_types()).index(sub_event_type)


def interaction(inter1: int, inter2: int | None) -> int:
    """ACLED's interaction code: lower inter code first, then the higher; 'X only' is X0."""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def interaction_text(inter1: int, inter2: int | None) -> str:
    """The current ACLED text form, e.g. 'State forces-Rebel group' or 'Rebel group only'."""
    names = actor_types()
    if not inter2:
        return f"{names[inter1]} only"
    low, high = sorted((inter1, inter2))
    return f"{names[low]}-{names[high]}"


@cache
def note_phrases() -> dict[str, tuple[str, str]]:
    """How an English note phrases each sub-event type, with and without a second actor."""
    columns = ("sub_event_type", "with_actor2", "without_actor2")
    rows = read_table(lang_file("base", "notes.tsv"), columns)
    return {row["sub_event_type"]: (row["with_actor2"], row["without_actor2"]) for row in rows}
