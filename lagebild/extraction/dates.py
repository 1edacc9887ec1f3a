"""Event dates resolved against the document's date, with ACLED's time precision
(1 = day, 2 = week, 3 = month; month precision is coded to the middle of the month)."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from ..models import Document
from .lexicon import Lexicon

DAY, WEEK, MONTH = 1, 2, 3
ISO = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


class DateMention(NamedTuple):
    date: dt.date
    precision: int
    start: int | None
    end: int | None


def document_date(document: Document) -> DateMention | None:
    """The publication date, with its span when it stands in the text (a `date` header)."""
    if not document.published:
        return None
    year, month, day = ISO.match(document.published).groups()
    start = document.text.find(document.published)
    span = (start, start + len(document.published)) if start >= 0 else (None, None)
    if day:
        return DateMention(dt.date(int(year), int(month), int(day)), DAY, *span)
    return DateMention(dt.date(int(year), int(month), 15), MONTH, *span)


def date_patterns(lexicon: Lexicon) -> list[re.Pattern]:
    months = "|".join(sorted(lexicon.months, key=len, reverse=True))
    weekdays = "|".join(sorted(lexicon.weekdays, key=len, reverse=True))
    return [
        re.compile(
            rf"\b(?P<day>\d{{1,2}})\.?\s+(?P<month>{months})(?:\s+(?P<year>\d{{4}}))?\b", re.I
        ),
        re.compile(
            rf"\b(?P<month>{months})\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?\b", re.I
        ),
        re.compile(rf"\b(?P<weekday>{weekdays})\b", re.I),
    ]


def sentence_date(
    text: str, offset: int, lexicon: Lexicon, reference: DateMention | None
) -> DateMention | None:
    """The first date the sentence names, resolved against `reference` (the document's date)."""
    for pattern in date_patterns(lexicon):
        match = pattern.search(text)
        if match:
            resolved = resolve(match, lexicon, reference)
            if resolved:
                return DateMention(resolved, DAY, offset + match.start(), offset + match.end())
    return None


def resolve(match: re.Match, lexicon: Lexicon, reference: DateMention | None) -> dt.date | None:
    groups = match.groupdict()
    if groups.get("weekday"):
        if not reference or reference.precision != DAY:
            return None
        back = (reference.date.weekday() - lexicon.weekdays[groups["weekday"].casefold()]) % 7
        return reference.date - dt.timedelta(days=back)
    month = lexicon.months[groups["month"].casefold()]
    year = int(groups["year"]) if groups.get("year") else reference.date.year if reference else None
    if year is None:
        return None
    try:
        date = dt.date(year, month, int(groups["day"]))
    except ValueError:
        return None
    if (
        not groups.get("year")
        and reference
        and reference.precision == DAY
        and date > reference.date
    ):
        return date.replace(year=year - 1)  # "28. Dezember" in an article of 5 January
    return date
