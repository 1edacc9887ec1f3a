"""A language's knowledge as data: the files in `lang/<code>/`, loaded into one Lexicon."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from .. import taxonomy
from ..errors import ResourceError
from ..resources import LANG_ROOT, lang_file, read_table
from ..text import Token

MATCH_MODES = ("word", "prefix", "part")
INFLECTIONS = ("", "s", "es", "n", "en", "e", "er", "em")


class Term(NamedTuple):
    """A phrase of one or more words, matched on tokens; `label` is what it means."""

    words: tuple[str, ...]
    label: str
    mode: str = "word"
    case_sensitive: bool = False

    def matches_at(self, tokens: list[Token], i: int) -> bool:
        if i + len(self.words) > len(tokens):
            return False
        *head, last = self.words
        for word, token in zip(head, tokens[i:], strict=False):
            if self.fold(token.text) != word:
                return False
        return self.matches_last(self.fold(tokens[i + len(head)].text), last)

    def matches_last(self, token: str, word: str) -> bool:
        if self.mode == "part":
            return word in token
        if self.mode == "prefix":
            return token.startswith(word)
        if self.mode == "inflected":
            rest = token[len(word) :] if token.startswith(word) else None
            return rest is not None and (rest in INFLECTIONS or rest.startswith("-"))
        return token == word

    def fold(self, text: str) -> str:
        return text if self.case_sensitive else text.casefold()


class Actor(NamedTuple):
    name: str
    inter: int


@dataclass(frozen=True)
class Lexicon:
    language: str
    triggers: tuple[Term, ...]
    actors: tuple[Term, ...]
    actor_info: dict[str, Actor]
    numbers: dict[str, int]
    fatality_terms: tuple[Term, ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    near_words: frozenset[str]


def available_languages() -> list[str]:
    """Languages with a folder of data files under `lang/`."""
    return sorted(p.name for p in LANG_ROOT.iterdir() if (p / "triggers.tsv").exists())


@cache
def load_language(code: str) -> Lexicon:
    """Load and check the data files of one language (cached: built once per process)."""
    if code not in available_languages():
        raise ResourceError(f"no language data for {code!r}; have {available_languages()}")
    return Lexicon(
        language=code,
        triggers=tuple(load_triggers(code)),
        actors=tuple(load_actor_terms(code)),
        actor_info=load_actor_info(code),
        numbers={
            row["word"]: int(row["value"]) for row in table(code, "numbers.tsv", "word", "value")
        },
        fatality_terms=tuple(load_fatality_terms(code)),
        months=calendar_words(code, "month"),
        weekdays=calendar_words(code, "weekday"),
        near_words=frozenset(
            row["term"] for row in table(code, "place_cues.tsv", "term", "precision")
        ),
    )


def table(code: str, name: str, *columns: str):
    return read_table(lang_file(code, name), columns)


def load_triggers(code: str):
    known = taxonomy.sub_event_types()
    for row in table(code, "triggers.tsv", "term", "sub_event_type", "match"):
        if row["sub_event_type"] not in known:
            raise ResourceError(
                f"{code}/triggers.tsv: unknown sub_event_type {row['sub_event_type']!r}"
            )
        if row["match"] not in MATCH_MODES:
            raise ResourceError(f"{code}/triggers.tsv: match must be one of {MATCH_MODES}")
        yield Term(tuple(row["term"].casefold().split()), row["sub_event_type"], row["match"])


def load_actor_terms(code: str):
    for row in table(code, "actors.tsv", "alias", "actor", "inter", "case"):
        sensitive = row["case"] == "sensitive"
        words = row["alias"].split() if sensitive else row["alias"].casefold().split()
        yield Term(tuple(words), row["actor"], "inflected", sensitive)


def load_actor_info(code: str) -> dict[str, Actor]:
    info = {}
    for row in table(code, "actors.tsv", "alias", "actor", "inter", "case"):
        if row["inter"] not in {str(c) for c in taxonomy.actor_types()}:
            raise ResourceError(f"{code}/actors.tsv: {row['alias']!r} has inter {row['inter']!r}")
        info[row["actor"]] = Actor(row["actor"], int(row["inter"]))
    return info


def load_fatality_terms(code: str):
    for row in table(code, "fatalities.tsv", "term", "kind", "match"):
        yield Term(tuple(row["term"].casefold().split()), row["kind"], row["match"])


def calendar_words(code: str, kind: str) -> dict[str, int]:
    rows = table(code, "dates.tsv", "word", "kind", "value")
    return {row["word"]: int(row["value"]) for row in rows if row["kind"] == kind}


def find_terms(terms: tuple[Term, ...], tokens: list[Token]) -> list[tuple[Term, int, int]]:
    """Every (term, first token, end token) match; a match inside a longer one is dropped."""
    found = [
        (term, i, i + len(term.words))
        for i in range(len(tokens))
        for term in terms
        if term.matches_at(tokens, i)
    ]
    return [m for m in found if not any(covers(other, m) for other in found if other is not m)]


def covers(longer, shorter) -> bool:
    (term_a, start_a, end_a), (term_b, start_b, end_b) = longer, shorter
    inside = start_a <= start_b and end_b <= end_a
    return inside and len(" ".join(term_a.words)) > len(" ".join(term_b.words))
