"""Who did what to whom: actor mentions → ACLED actor1/actor2 with inter codes."""

from __future__ import annotations

from typing import NamedTuple

from .. import taxonomy
from ..text import Token
from .lexicon import Lexicon, find_terms

TARGET_SUB_TYPES = {"Attack", "Sexual violence", "Abduction/forced disappearance"}
CROWD_ACTORS = {
    "Protests": ("Protesters ({country})", 6),
    "Riots": ("Rioters ({country})", 5),
}
UNKNOWN_PERPETRATOR = ("Unidentified Armed Group ({country})", 3)
CIVILIANS = ("Civilians ({country})", 7)


class ActorMention(NamedTuple):
    name: str
    inter: int
    start: int | None
    end: int | None


def actor_mentions(tokens: list[Token], lexicon: Lexicon) -> list[ActorMention]:
    """Actors named in the tokens, in order of appearance, each name once.

    A generic word right after a named group belongs to it: "Al Shabaab militants" is one actor.
    """
    seen, mentions, named_end = set(), [], None
    for term, first, end in sorted(find_terms(lexicon.actors, tokens), key=lambda m: m[1]):
        generic = "{" in term.label
        if generic and first == named_end:
            continue
        named_end = None if generic else end
        if term.label not in seen:
            seen.add(term.label)
            info = lexicon.actor_info[term.label]
            mentions.append(
                ActorMention(info.name, info.inter, tokens[first].start, tokens[end - 1].end)
            )
    return mentions


def actor_token_positions(tokens: list[Token], lexicon: Lexicon) -> set[int]:
    """Indexes of tokens inside actor names, which are therefore not place names ("Al Shabaab")."""
    return {i for _, first, end in find_terms(lexicon.actors, tokens) for i in range(first, end)}


def assign_actors(
    sub_event_type: str, mentions: list[ActorMention]
) -> tuple[str, ActorMention, ActorMention | None]:
    """Actor1 and actor2 for an event; may turn an armed clash on civilians into an Attack.

    Armed actors come first; civilians are the target (actor2) of violence against civilians;
    a crowd event without a named crowd gets ACLED's generic Protesters/Rioters actor.
    """
    armed = [m for m in mentions if m.inter not in (5, 6, 7)]
    civilians = [m for m in mentions if m.inter == 7]
    crowd = [m for m in mentions if m.inter in (5, 6)]
    event_type = taxonomy.event_type_of(sub_event_type)
    if event_type in CROWD_ACTORS:
        actor1 = crowd[0] if crowd else ActorMention(*CROWD_ACTORS[event_type], None, None)
        return sub_event_type, actor1, armed[0] if armed else None
    if sub_event_type == "Armed clash" and civilians and len(armed) < 2:
        sub_event_type = "Attack"
    actor1 = armed[0] if armed else ActorMention(*UNKNOWN_PERPETRATOR, None, None)
    if sub_event_type in TARGET_SUB_TYPES:
        return (
            sub_event_type,
            actor1,
            civilians[0] if civilians else ActorMention(*CIVILIANS, None, None),
        )
    others = [m for m in armed[1:] + civilians if m.name != actor1.name]
    return sub_event_type, actor1, others[0] if others else None
