"""Numbers and fatality counts: "mindestens zwei", "über 130", "Dutzende", "at least 12"."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..text import Token
from .lexicon import Lexicon, find_terms

DIGITS = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d+")
LOOK_BACK = 8
LOOK_AHEAD = 4


class Count(NamedTuple):
    """A number of people killed and the tokens (number through death word) that say so."""

    value: int
    start: int
    end: int


def number_value(token: Token, lexicon: Lexicon) -> int | None:
    """The value of a digit string ("1.000", "1,000") or number word, else None."""
    if DIGITS.fullmatch(token.text):
        return int(re.sub(r"[.,]", "", token.text))
    return lexicon.numbers.get(token.folded)


def fatality_counts(tokens: list[Token], lexicon: Lexicon) -> list[Count]:
    """Each death word with the nearest number before it (or, failing that, just after it).

    A number separated from the death word by an injury word ("12 verletzt, 3 getötet") is not
    taken: ACLED counts no injuries.
    """
    counts = []
    for term, first, end in find_terms(lexicon.fatality_terms, tokens):
        if term.label != "killed":
            continue
        found = nearest_number(tokens, first, end, lexicon)
        if found:
            value, position = found
            start, stop = sorted((position, first))
            counts.append(Count(value, tokens[start].start, tokens[max(stop, end - 1)].end))
    return counts


def nearest_number(tokens, first, end, lexicon) -> tuple[int, int] | None:
    injuries = {
        i for term, i, _ in find_terms(lexicon.fatality_terms, tokens) if term.label == "injured"
    }
    for i in range(first - 1, max(-1, first - 1 - LOOK_BACK), -1):
        if i in injuries or tokens[i].text in ";:":
            break
        value = number_value(tokens[i], lexicon)
        if value is not None:
            return value, i
    for i in range(end, min(len(tokens), end + LOOK_AHEAD)):
        if i in injuries or tokens[i].text in ".;:":
            break
        value = number_value(tokens[i], lexicon)
        if value is not None:
            return value, i
    return None
