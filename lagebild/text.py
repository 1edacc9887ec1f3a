"""Tokens with character offsets, the unit every matcher in lagebild works on."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple

from .resources import LANG_ROOT, read_table

TOKEN = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?!\d)|\w+(?:[-'’.]\w+)*|[^\w\s]")


class Token(NamedTuple):
    text: str
    start: int
    end: int

    @property
    def folded(self) -> str:
        return self.text.casefold()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words (hyphenated compounds kept whole: "IS-Kämpfer") and punctuation, with offsets."""
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)]


@cache
def folds() -> tuple[tuple[str, str], ...]:
    rows = read_table(LANG_ROOT / "base" / "name_folds.tsv", ("spelling", "folded"))
    return tuple((row["spelling"], row["folded"]) for row in rows)


def fold(name: str) -> str:
    """A name as German and English transliterations both spell it (`lang/base/name_folds.tsv`):
    "Faisabad" = "Fayzabad", "Dschalalabad" = "Jalalabad"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in decomposed if c.isalnum())
    for spelling, replacement in folds():
        folded = folded.replace(spelling, replacement)
    folded = re.sub(r"(.)\1+", r"\1", folded)  # "Raqqa" = "Rakka" = "Raka"
    return folded[:-1] if len(folded) > 4 and folded.endswith("h") else folded  # "Qaniyah"
