"""Fatality counts by ACLED's rules: the lowest reported figure ("mindestens zwei" 2,
"über 130" 130, "Dutzende" 12), tolls of several groups added ("30 … und … 130 getötet" 160),
a total split across the events that share it, a stated "no fatalities" 0."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ..text import Token
from .lexicon import Lexicon
from .matcher import Match

DIGITS = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d+")
CONJUNCTIONS = {"and", "und", "sowie"}
SUBSETS = {"including", "darunter", "among", "unter"}  # "12 killed, including 3 children"
STOPS = {".", ";", ":", "(", ")"}
LOOK_BACK = 10
LOOK_AHEAD = 5
SUBSET_REACH = 12  # words after a death word to the "including" of its subset, in one clause
COUNTED_WORDS = 4  # "three SDF fighters of the …": the words after a figure that name whom


class Count(NamedTuple):
    """A number of people killed and the span of text that says so."""

    value: int
    start: int
    end: int
    vague: bool = False  # only a lower bound ("Dutzende"): a figure stated elsewhere wins


def number_value(tokens: list[Token], i: int, lexicon: Lexicon) -> int | None:
    """The value of a digit string ("1.000", "1,000") or number word, else None; the day and
    year of a date ("9 May 2020") are no counts."""
    token = tokens[i]
    if DIGITS.fullmatch(token.text):
        neighbours = {t.folded.rstrip(".") for t in tokens[max(0, i - 1) : i + 2]} - {token.folded}
        return None if neighbours & lexicon.months.keys() else int(re.sub(r"[.,]", "", token.text))
    return lexicon.numbers.get(token.folded)


def stated_count(text: str, offset: int, lexicon: Lexicon) -> Count | None:
    """A figure the source states outright: "Fatalities coded as 0", "20 fatalities split
    between 3 events" (ACLED gives the first event the larger share), "no fatalities"."""
    coded = None
    for pattern, kind in lexicon.fatality_patterns:
        match = pattern.search(text)
        if not match:
            continue
        span = (offset + match.start(), offset + match.end())
        if kind == "none" and coded is None:
            coded = Count(0, *span)
        elif kind == "coded":
            coded = Count(int(match.group("n")), *span)
        elif kind in ("split", "split_all"):
            total = int(match.group("n")) if kind == "split" else coded.value if coded else None
            if total is not None:
                word = match.group("parts")
                parts = int(word) if word.isdigit() else lexicon.numbers[word.casefold()]
                return Count(-(-total // parts), *span)
    return coded


def death_counts(
    tokens: list[Token], deaths: list[Match], injuries: list[Match], lexicon: Lexicon
) -> list[Count]:
    """For each death word, the figures next to it: the nearest number before it and any joined
    to that by "and"/"und", else the numbers just after it ("killing 3 soldiers and 2 …").
    A figure on the far side of an injury word is not a death toll."""
    counts = []
    for found, first, last in figures(tokens, deaths, injuries, lexicon):
        positions = [p for _, p in found] + [first, last]
        value = sum(v for v, _ in found)
        vague = all(tokens[p].folded in lexicon.vague for _, p in found)
        part = subset_after(tokens, last, lexicon) if vague else None
        if part and part[0] > value:  # "Dutzende Menschen getötet, darunter 30 Kämpfer": 30
            (value, at), vague = part, False
            positions.append(at)
        span = (tokens[min(positions)].start, tokens[max(positions)].end)
        counts.append(Count(value, *span, vague=vague))
    return counts


def subset_after(tokens: list[Token], last: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """A figure that counts part of a toll, told after its death word ("…, darunter auch 30
    Kämpfer", "…, including 30 fighters"): (value, token index)."""
    for i in range(last + 1, min(len(tokens), last + 1 + SUBSET_REACH)):
        if tokens[i].text in STOPS:
            return None
        if tokens[i].folded in SUBSETS:
            for j in range(i + 1, min(len(tokens), i + 4)):
                value = number_value(tokens, j, lexicon)
                if value is not None:
                    return value, j
            return None
    return None


def counted_spans(tokens: list[Token], hurt: list[Match], lexicon: Lexicon) -> list[range]:
    """The token indexes that may name whom the `hurt` words count: those between a figure
    and its word ("140 Rebellen der Houthi getötet") or just after a figure that follows it
    ("killing three SDF fighters"), up to a word that says where or how ("20 Zivilisten bei
    Luftangriffen der Koalition getötet": the coalition is not counted)."""
    spans = []
    for found, first, _ in figures(tokens, hurt, [], lexicon):
        positions = [p for _, p in found]
        if max(positions) < first:
            start, end = min(positions) + 1, first
        else:
            start = max(positions) + 1
            end = min(len(tokens), start + COUNTED_WORDS)
        stop = next((i for i in range(start, end) if circumstance(tokens[i], lexicon)), end)
        spans.append(range(start, stop))
    return spans


def circumstance(token: Token, lexicon: Lexicon) -> bool:
    """A word that opens where or in what something happened ("bei", "im", "near", "in")."""
    return bool(lexicon.place_cues.get(token.folded, frozenset()) & {"near", "locative"})


def figures(tokens: list[Token], deaths: list[Match], injuries: list[Match], lexicon: Lexicon):
    """For each death word with figures next to it: the (value, token index) of those figures
    and the token indexes of the word's first and last token."""
    index = {t.start: i for i, t in enumerate(tokens)}
    hurt = {i for m in injuries for i, t in enumerate(tokens) if m.start <= t.start < m.end}
    for death in deaths:
        first = index.get(death.start)
        if first is None:
            continue
        last = max(i for i, t in enumerate(tokens) if t.start < death.end)
        before = range(first - 1, max(-1, first - 1 - LOOK_BACK), -1)
        after = range(last + 1, min(len(tokens), last + 1 + LOOK_AHEAD))
        if figure_follows(tokens, after, lexicon):
            before, after = after, before  # "killing (at least) two soldiers": it follows
        found = numbers_near(tokens, before, hurt, lexicon) or numbers_near(
            tokens, after, hurt, lexicon
        )
        if found:
            yield found, first, last


def figure_follows(tokens: list[Token], after: range, lexicon: Lexicon) -> bool:
    """A number within three words after the death word, with no "and", stop or agent ("by
    four armed men") before it."""
    agents = agent_words(lexicon)
    for i in after[:3]:
        word = tokens[i].folded
        if tokens[i].text in STOPS | {","} or word in CONJUNCTIONS | SUBSETS | agents:
            return False
        if number_value(tokens, i, lexicon) is not None:
            return True
    return False


@cache
def agent_words(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(" ".join(t.words) for t in lexicon.concepts.terms if t.label == "AGENT")


def numbers_near(tokens, positions, hurt: set[int], lexicon) -> list[tuple[int, int]]:
    """The first number met walking `positions`, and further ones joined to it by a conjunction;
    walking back, a figure that the first one counts part of ("13 … including two …")."""
    found: list[tuple[int, int]] = []
    for i in positions:
        if tokens[i].text in STOPS or i in hurt:
            break
        value = number_value(tokens, i, lexicon)
        if value is None:
            continue
        if found:
            low, high = sorted((i, found[-1][1]))
            between = {t.folded for t in tokens[low + 1 : high]}
            if between & SUBSETS and i < found[-1][1] and len(found) == 1:
                return [(value, i)]  # "13 civilians including two volunteers were killed": 13
            if between & SUBSETS or not between & CONJUNCTIONS:
                break
        found.append((value, i))
    return found
