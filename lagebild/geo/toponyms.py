"""Place names in text: capitalised token runs the gazetteer knows, German genitives
("al-Hasakahs", "Syriens") included, each with every place it may denote."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..text import Token
from .gazetteer import Gazetteer, Place

PARTICLE = re.compile(r"(?:al|el|ad|as|ar|an|ash|at|az)-\w", re.I)
MAX_WORDS = 3


class Mention(NamedTuple):
    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]
    near: bool  # introduced by "near"/"bei"/"vor den Toren": ACLED geo_precision 2


def looks_like_name(token: Token) -> bool:
    return token.text[:1].isupper() or bool(PARTICLE.match(token.text))


def find_places(
    tokens: list[Token],
    gazetteer: Gazetteer,
    near_words=frozenset(),
    stop_words=frozenset(),
    skip=frozenset(),
) -> list[Mention]:
    """Capitalised token runs that name a place, longest first.

    A stop word of the language ("Die", "Mai", "Al") is never a place on its own, though
    GeoNames lists such words as names ("Al Bayda" is); nor is a token at a `skip` index (an
    actor's name).
    """
    mentions, i = [], 0
    while i < len(tokens):
        candidate = i not in skip and looks_like_name(tokens[i])
        found = (
            longest_place_at(tokens, i, gazetteer, near_words, stop_words) if candidate else None
        )
        if found:
            mention, length = found
            mentions.append(mention)
            i += length
        else:
            i += 1
    return mentions


def longest_place_at(tokens, i, gazetteer, near_words, stop_words) -> tuple[Mention, int] | None:
    for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
        words = tokens[i : i + n]
        if n == 1 and words[0].folded in stop_words:
            return None
        name = " ".join(t.text for t in words)
        places = gazetteer.lookup(name) or (name.endswith("s") and gazetteer.lookup(name[:-1]))
        if places:
            before = {t.folded for t in tokens[max(0, i - 3) : i]}
            mention = Mention(
                words[0].start, words[-1].end, name, tuple(places), bool(before & near_words)
            )
            return mention, n
    return None
