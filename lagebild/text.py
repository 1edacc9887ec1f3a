"""Tokens with character offsets, the unit every matcher in lagebild works on."""

from __future__ import annotations

import re
from typing import NamedTuple

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
