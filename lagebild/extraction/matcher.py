"""Find lexicon terms in text fast: every term of a table compiled into a regular expression
shaped as a trie (so each position costs one branch per character, however many terms there
are), matched on the original text so spans are exact source offsets."""

from __future__ import annotations

import re
from typing import NamedTuple

INFLECTION = r"(?:s|es|ses|n|en|e|er|em|'s|’s)?(?:-[\w-]+)?(?![\w])"
TAILS = {"word": r"(?![\w])", "prefix": r"[\w-]*", "inflected": INFLECTION, "part": r"[\w-]*"}
BOUNDARY = r"(?<![\w-])"
MIN_HEAD = 3  # letters before a part matched inside a word ("Wasser|leiche", not "g|leichen")


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


class Match(NamedTuple):
    labels: tuple[str, ...]
    start: int
    end: int


def trie_pattern(entries: list[tuple[str, str, str]]) -> str:
    """A regex alternation of (literal, tail, group) entries, factored by shared prefixes;
    longer literals are tried before shorter ones that end where they continue."""
    root: dict = {}
    for literal, tail, group in entries:
        node = root
        for char in literal:
            node = node.setdefault(char, {})
        node.setdefault("", []).append(f"{tail}(?P<{group}>)")

    def emit(node: dict) -> str:
        branches = [
            (r"[\s-]+" if char == " " else re.escape(char)) + emit(child)
            for char, child in node.items() if char != ""
        ]  # fmt: skip
        branches += node.get("", [])
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root)


class TermMatcher:
    """All terms of one table; `find` returns their matches in text order."""

    def __init__(self, terms: list[Term]):
        self.terms = terms
        self.labels: dict[str, tuple[str, ...]] = {}
        self.expressions: list[tuple[re.Pattern, bool]] = []
        for sensitive in (False, True):
            for part in (False, True):
                chosen = [
                    t for t in terms if t.case_sensitive == sensitive and (t.mode == "part") == part
                ]
                if chosen:
                    self.expressions.append((self.compile(chosen, sensitive, part), part))

    def compile(self, terms: list[Term], sensitive: bool, part: bool) -> re.Pattern:
        entries, groups = [], {}
        for term in terms:
            literal = " ".join(term.words) if sensitive else " ".join(term.words).casefold()
            key = (literal, term.mode)
            if key not in groups:
                groups[key] = f"t{len(self.labels)}"
                self.labels[groups[key]] = ()
                entries.append((literal, TAILS[term.mode], groups[key]))
            group = groups[key]
            self.labels[group] = tuple(dict.fromkeys((*self.labels[group], term.label)))
        flags = 0 if sensitive else re.IGNORECASE
        return re.compile(("" if part else BOUNDARY) + trie_pattern(entries), flags)

    def find(self, text: str, offset: int = 0) -> list[Match]:
        matches = []
        for expression, part in self.expressions:
            for m in expression.finditer(text):
                start = word_start(text, m.start()) if part else m.start()
                if 0 < m.start() - start < MIN_HEAD:
                    continue  # "gleichen" holds no "Leiche": a compound's head is a word
                matches.append(Match(self.labels[m.lastgroup], start + offset, m.end() + offset))
        return sorted(matches, key=lambda m: m.start)


def word_start(text: str, position: int) -> int:
    """Where the word holding `position` begins (a compound's part matched inside it)."""
    while position > 0 and (text[position - 1].isalnum() or text[position - 1] in "-_"):
        position -= 1
    return position
