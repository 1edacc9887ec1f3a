"""Find lexicon terms in text fast: every term of a table compiled into a few regular
expressions, matched on the original text so spans are exact source offsets."""

from __future__ import annotations

import re
from typing import NamedTuple

INFLECTION = r"(?:s|es|n|en|e|er|em|'s|’s)?(?:-[\w-]+)?"
BOUNDARY = r"(?<![\w-])"


class Term(NamedTuple):
    """A phrase of one or more words and what it means (`label`).

    mode: `word` matches the whole last word, `prefix` any word starting with it, `part` the
    term anywhere inside a word (German compounds), `inflected` the word with a German or
    English inflection or a hyphenated tail ("IS-Kämpfer", "Islamischen Staates").
    """

    words: tuple[str, ...]
    label: str
    mode: str = "word"
    case_sensitive: bool = False

    def pattern(self) -> str:
        *head, last = (re.escape(w) for w in self.words)
        joined = "".join(f"{w}\\s+" for w in head)
        if self.mode == "part":
            return f"{joined}[\\w-]*?{last}[\\w-]*"
        tail = {"word": r"(?![\w])", "prefix": r"[\w-]*", "inflected": INFLECTION + r"(?![\w])"}
        return f"{joined}{last}{tail[self.mode]}"


class Match(NamedTuple):
    labels: tuple[str, ...]
    start: int
    end: int


class TermMatcher:
    """All terms of one table; `find` returns non-overlapping matches, longest first."""

    def __init__(self, terms: list[Term]):
        self.terms = terms
        self.expressions: list[tuple[re.Pattern, list[tuple[str, ...]]]] = []
        for sensitive in (False, True):
            chosen = [t for t in terms if t.case_sensitive == sensitive]
            if chosen:
                self.expressions.append(self.compile(chosen, sensitive))

    @staticmethod
    def compile(terms: list[Term], sensitive: bool):
        by_pattern: dict[str, list[str]] = {}
        for term in sorted(terms, key=lambda t: -len(" ".join(t.words))):
            by_pattern.setdefault(term.pattern(), []).append(term.label)
        groups = [f"(?P<t{i}>{p})" for i, p in enumerate(by_pattern)]
        flags = 0 if sensitive else re.IGNORECASE
        expression = re.compile(BOUNDARY + "(?:" + "|".join(groups) + ")", flags)
        return expression, [tuple(dict.fromkeys(labels)) for labels in by_pattern.values()]

    def find(self, text: str, offset: int = 0) -> list[Match]:
        matches = []
        for expression, labels in self.expressions:
            for m in expression.finditer(text):
                matches.append(
                    Match(labels[int(m.lastgroup[1:])], m.start() + offset, m.end() + offset)
                )
        return sorted(matches, key=lambda m: m.start)
