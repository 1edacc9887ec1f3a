"""The details of a report that its coding leaves out: the names and figures of its text.

Two reports of one event name the same village, neighbourhood, group or commander and give the
same figures ("41 explosions near Kamianka"); two events coded alike on one day in one town
usually do not ("9 explosions near Starohnativka"). Names are spelt so that German and English
transliterations meet ("Wiktoriwka" = "Viktorivka", "Al-Ardscha" = "Al Arja"): lower case,
without accents, by the folds of `lang/base/name_folds.tsv`. Common words are not names, though
a sentence or German capitalises them: a word the language's word frequencies (wordfreq) put
above `COMMON`, or a German compound ending in one ("Regierungstruppen").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process
from wordfreq import zipf_frequency

from ..extraction.context import place_cues
from ..extraction.lexicon import available_languages, load_language
from ..models import Document
from ..resources import lang_file, read_table
from ..text import fold

COMMON = 3.5  # Zipf frequency of a common word: once in 300,000 words ("Polizei" 5.4, "Donezk" 3.3)
RARE = 1.5  # below it in every language, a name few texts use: a village, a person
WORD = 2.0  # a compound's first part is a word: "Regierung" 5.2, "Beobachter" 4.0
SAME_SPELLING = 80  # rapidfuzz ratio of two folded spellings of one name ("afgoye"/"afgooye")
PREFIX = 5  # letters a name needs to be another's beginning
YEARS = range(1900, 2101)
MAX_DIGITS = 9  # longer digit runs are ids or phone numbers, not figures of an event
FIGURE, RARE_MARK = "#", "!"
PARTS = re.compile(r"[-'’.]")
WORDS = re.compile(r"\w+(?:[-'’.]\w+)*")  # as text.tokenize finds words, without offsets


class Agreement(NamedTuple):
    """What two reports' details have in common, and what only each of them has."""

    shared: tuple[str, ...]
    rare_shared: int  # shared names that are rare in either report
    names_apart: int  # names one report has and the other lacks, counted on the shorter side
    rare_apart: int  # … of them rare names (different villages, different people)
    figures_apart: int  # figures each report has and the other lacks


def details(document: Document) -> frozenset[str]:
    """The names ("kamianka", rare: "!starohnativka") and figures ("#41") of a document's
    title and body, none of them a date's day or year."""
    language = document.language if document.language in available_languages() else "en"
    words = WORDS.findall(f"{document.title or ''}\n{document.body}")
    folded = [word.casefold() for word in words]
    lexicon = load_language(language)
    numbers, months = lexicon.numbers, lexicon.months
    found = set()
    for i, word in enumerate(folded):
        value = int(word) if word.isdecimal() and len(word) <= MAX_DIGITS else numbers.get(word)
        if value is not None:
            if (
                value >= 2
                and value not in YEARS
                and not months.keys() & folded[max(i - 2, 0) : i + 3]
            ):
                found.add(f"{FIGURE}{value}")  # not "1", "2020", nor the day of "9. Mai"
        elif words[i][:1].isupper():
            found |= names_in(words[i], language)
    return frozenset(found)


def names_in(word: str, language: str) -> set[str]:
    """The names in a capitalised word and the parts of a hyphenated one ("Al-Hasakah")."""
    return {key for part in PARTS.split(word) if (key := name_key(part, language))}


@cache
def name_key(part: str, language: str) -> str | None:
    """How a name is compared ("!starohnativka" when rare), None for a common word."""
    if len(part) < 3 or is_common(part, language):
        return None
    folded = part.casefold()
    rare = all(zipf_frequency(folded, code) < RARE for code in available_languages())
    return f"{RARE_MARK if rare else ''}{fold(part)}"


@cache
def is_common(part: str, language: str) -> bool:
    """A word of the language, not a name: a stop word, a month or weekday, a word spaCy's
    lookup tables know ("Demonstrators", "Balkonen"), a frequent word, or a compound whose last
    part is one ("Beobachtermission", "Regierungstruppen")."""
    lexicon, word, cues = load_language(language), part.casefold(), place_cues(language)
    if word in cues.stop or word in cues.vocabulary:
        return True
    if word in lexicon.months or word in lexicon.weekdays:
        return True
    if zipf_frequency(word, language) >= COMMON:
        return True
    links = compound_links(language)
    return bool(links) and any(
        zipf_frequency(word[i:], language) >= COMMON and is_word(word[:i], links, language)
        for i in range(3, len(word) - 3)
    )


def is_word(head: str, links: tuple[str, ...], language: str) -> bool:
    """The first part of a compound is a word of the language, with its linking element
    ("Regierung-s"), unlike the start of a name that ends like one ("Ghwa-iran")."""
    return any(
        head.endswith(link) and zipf_frequency(head[: len(head) - len(link)], language) >= WORD
        for link in links
    )


@cache
def compound_links(language: str) -> tuple[str, ...]:
    """How the parts of the language's compounds may join (German "Regierung-s-truppen"; ""
    for none), or nothing when it writes compounds apart."""
    path = lang_file(language, "compounds.tsv")
    if not path.exists():
        return ()
    return ("", *(row["link"] for row in read_table(path, ("link",))))


def compare(a: frozenset[str], b: frozenset[str], tolls: Iterable[int] = ()) -> Agreement:
    """Which names and figures two reports share (names by spelling, with small differences
    allowed) and how many each has that the other lacks, not counting their death `tolls`,
    which a later report may well raise."""
    names_a, names_b = plain_names(a), plain_names(b)
    matched_a, matched_b = same_names(names_a, names_b)
    figures_a, figures_b = {x for x in a if x[0] == FIGURE}, {x for x in b if x[0] == FIGURE}
    toll_figures = {f"{FIGURE}{toll}" for toll in tolls}
    rare_a, rare_b = rare_names(a), rare_names(b)
    return Agreement(
        shared=tuple(sorted(matched_a | (figures_a & figures_b))),
        rare_shared=len((rare_a & matched_a) | (rare_b & matched_b)),
        names_apart=min(len(names_a - matched_a), len(names_b - matched_b)),
        rare_apart=min(len(rare_a - matched_a), len(rare_b - matched_b)),
        figures_apart=min(
            len(figures_a - figures_b - toll_figures), len(figures_b - figures_a - toll_figures)
        ),
    )


@lru_cache(maxsize=1 << 14)  # a report meets many candidates, each with the same details
def plain_names(items: frozenset[str]) -> frozenset[str]:
    return frozenset(x.lstrip(RARE_MARK) for x in items if x[0] != FIGURE)


@lru_cache(maxsize=1 << 14)
def rare_names(items: frozenset[str]) -> frozenset[str]:
    return frozenset(x[1:] for x in items if x[0] == RARE_MARK)


def same_names(a: frozenset[str], b: frozenset[str]) -> tuple[set[str], set[str]]:
    """The names of `a` and of `b` that are one with a name of the other: equal, spelt nearly
    alike (both of 4 letters or more), or one the other's beginning (5 or more: "kashtanove" /
    "kashtanovoie"). All pairs are scored at once, in rapidfuzz's C: the merge compares each
    report with every candidate, and the pairs of their names are most of its time."""
    matched_a, matched_b = set(a & b), set(a & b)
    for x in a:  # one the other's beginning: a prefix of x, 5 letters or more, is a name of b
        found = {x[:k] for k in range(PREFIX, len(x))} & b
        matched_a |= {x} if found else set()
        matched_b |= found
    for y in b:
        found = {y[:k] for k in range(PREFIX, len(y))} & a
        matched_b |= {y} if found else set()
        matched_a |= found
    long_a, long_b = [x for x in a if len(x) >= 4], [y for y in b if len(y) >= 4]
    if long_a and long_b:
        scores = process.cdist(long_a, long_b, scorer=fuzz.ratio, score_cutoff=SAME_SPELLING)
        rows, columns = scores.nonzero()
        matched_a |= {long_a[i] for i in rows}
        matched_b |= {long_b[j] for j in columns}
    return matched_a, matched_b
