"""Event dates resolved against the document's date, with ACLED's time precision
(1 = day, 2 = week or a few days, 3 = month; month precision is coded to the middle of the
month, "Anfang/Ende Januar" to its first/last day)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache
from typing import NamedTuple

from ..models import Document
from .lexicon import Lexicon

DAY, WEEK, MONTH = 1, 2, 3
ISO = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
APPROXIMATE_WINDOW = 25  # characters before a date in which "around"/"etwa" makes it approximate
REPORT_WINDOW = 40  # characters before a date in which a report word makes it a statement's


class DateMention(NamedTuple):
    date: dt.date
    precision: int
    start: int | None
    end: int | None
    assumed: bool = False  # not from the source: the month it was coded in


def document_date(document: Document, today: dt.date | None = None) -> DateMention:
    """The publication date, with its span when it stands in the text (a `date` header); for
    a document without one, `today`'s month (ACLED's month precision), marked as assumed."""
    if not document.published:
        today = today or dt.datetime.now(dt.UTC).date()
        return DateMention(today.replace(day=15), MONTH, None, None, assumed=True)
    year, month, day = ISO.match(document.published).groups()
    start = document.text.find(document.published)
    span = (start, start + len(document.published)) if start >= 0 else (None, None)
    if day:
        return DateMention(dt.date(int(year), int(month), int(day)), DAY, *span)
    return DateMention(dt.date(int(year), int(month), 15), MONTH, *span)


def alternatives(words) -> str:
    """A regular expression matching any of `words`, the longer first; with no words, none
    ("(?!)"), not any text."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!)"


@cache
def date_patterns(lexicon: Lexicon) -> dict[str, re.Pattern]:
    months, weekdays = alternatives(lexicon.months), alternatives(lexicon.weekdays)
    relative = alternatives(lexicon.dated("days_ago"))
    units = alternatives(lexicon.dated("unit"))
    before = alternatives(lexicon.dated("ago_before"))
    after = alternatives(lexicon.dated("ago_after"))
    last = alternatives(lexicon.dated("last"))
    counts = alternatives(lexicon.numbers) + r"|\d+"
    parts = alternatives(lexicon.dated("month_part"))
    dayparts = alternatives(lexicon.dated("daypart"))
    joins = r"(?:-|–|and|und|bis|to)"
    return {
        "range": re.compile(
            rf"\b(?P<first>\d{{1,2}})\.?\s*{joins}\s*(?P<day>\d{{1,2}})\.?\s+(?P<month>{months})"
            rf"(?:\s+(?P<year>\d{{4}}))?\b", re.I),
        "day_month": re.compile(
            rf"\b(?P<day>\d{{1,2}})\.?\s+(?P<month>{months})(?:\s+(?P<year>\d{{4}}))?\b", re.I),
        "month_day": re.compile(
            rf"\b(?P<month>{months})\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?\b", re.I),
        "month": re.compile(
            rf"\b(?:(?P<part>{parts})\s+)?(?P<month>{months})(?:\s+(?P<year>\d{{4}}))?\b", re.I),
        "weekday": re.compile(rf"\b(?P<weekday>{weekdays})(?:{dayparts})?\b", re.I),
        "relative": re.compile(rf"\b(?P<relative>{relative})\b", re.I),
        "ago": re.compile(
            rf"\b(?:(?:{before})\s+(?:\w+\s+)?(?P<n>{counts})\s+(?P<unit>{units})"
            rf"|(?P<n2>{counts})\s+(?P<unit2>{units})\s+(?:{after}))\b", re.I),
        "last": re.compile(rf"\b(?:{last})\s+(?P<unit>{units})\b", re.I),
    }  # fmt: skip


def sentence_date(
    text: str, offset: int, lexicon: Lexicon, reference: DateMention | None
) -> DateMention | None:
    """The first date the sentence names, resolved against `reference` (the document's date);
    not the day a statement was made ("sagte am Donnerstag", "said on Thursday")."""
    for kind, pattern in date_patterns(lexicon).items():
        for match in pattern.finditer(text):
            if reported(text[: match.start()], text[match.end() :], lexicon):
                continue
            resolved = RESOLVERS[kind](match, lexicon, reference)
            if resolved:
                date, precision = resolved
                if precision == DAY and approximate(text[: match.start()], lexicon):
                    precision = WEEK
                stated_year = match.groupdict().get("year")
                assumed = bool(reference and reference.assumed and not stated_year)
                span = (offset + match.start(), offset + match.end())
                return DateMention(date, precision, *span, assumed=assumed)
    return None


def ahead(text: str, lexicon: Lexicon) -> bool:
    """The sentence's first day is one to come: an "ahead" word ("für", "next") stands right
    before it ("Für Samstagabend ist eine Demonstration angemeldet")."""
    found = [m for m in (p.search(text) for p in date_patterns(lexicon).values()) if m]
    if not found:
        return False
    first = min(found, key=lambda m: m.start())
    words = re.findall(r"\w+", text[: first.start()].casefold())[-2:]
    return any(w in lexicon.dated("ahead") for w in words)


def reported(before: str, after: str, lexicon: Lexicon) -> bool:
    """The date is the day of a statement: a "report" word ("sagte", "Polizeiangaben", "said")
    stands within the three words before it with only short words or names between, or right
    after it ("wie Medien am Montag berichten")."""
    words = re.findall(r"\w+", before[-REPORT_WINDOW:])[-3:]
    for i, word in enumerate(words):
        between = words[i + 1 :]
        said = lexicon.ends_in(word.casefold(), lexicon.dated("report"))
        if said and all(len(w) <= 3 or w[:1].isupper() for w in between):
            return True  # "sagte am", "told AFP on"; not "nach Angaben bereits gestern"
    following = re.findall(r"^\s+(\w+)", after.casefold())
    return any(lexicon.ends_in(w, lexicon.dated("report")) for w in following)


def approximate(before: str, lexicon: Lexicon) -> bool:
    """'Around 9 May', 'between 8 and 10 May', 'as reported on 9 May': ACLED's precision 2."""
    window = before[-APPROXIMATE_WINDOW:].casefold()
    cues = [*lexicon.dated("approximate"), *lexicon.dated("week")]
    return any(re.search(rf"\b{re.escape(cue)}\b", window) for cue in cues)


def year_of(match: re.Match, reference: DateMention | None) -> int | None:
    if match.group("year"):
        return int(match.group("year"))
    return reference.date.year if reference else None


def day_date(match, lexicon, reference):
    year = year_of(match, reference)
    if year is None:
        return None
    try:
        date = dt.date(
            year, lexicon.months[match.group("month").casefold()], int(match.group("day"))
        )
    except ValueError:
        return None
    if (
        not match.group("year")
        and reference
        and reference.precision == DAY
        and date > reference.date
    ):
        date = date.replace(year=year - 1)  # "28. Dezember" in an article of 5 January
    return date, DAY


def range_date(match, lexicon, reference):
    """'Between 8 and 10 May 2020': the middle day, with week precision (ACLED)."""
    last = day_date(match, lexicon, reference)
    if last is None or int(match.group("first")) > last[0].day:
        return None
    middle = (int(match.group("first")) + last[0].day) // 2
    return last[0].replace(day=middle), WEEK


def month_date(match, lexicon, reference):
    year = year_of(match, reference)
    if year is None or (not match.group("year") and not match.group("part")):
        return None  # a bare month name ("Mai", "March") is too often something else
    month = lexicon.months[match.group("month").casefold()]
    day = lexicon.dated("month_part")[match.group("part").casefold()] if match.group("part") else 15
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1])), MONTH


def weekday_date(match, lexicon, reference):
    if not reference or reference.precision != DAY:
        return None
    back = (reference.date.weekday() - lexicon.weekdays[match.group("weekday").casefold()]) % 7
    return reference.date - dt.timedelta(days=back), DAY


def relative_date(match, lexicon, reference):
    if not reference or reference.precision != DAY:
        return None
    days = lexicon.dated("days_ago")[match.group("relative").casefold()]
    return reference.date - dt.timedelta(days=days), DAY


def ago_date(match, lexicon, reference):
    """ "vor zwei Monaten", "three weeks ago": counted back from the article's day."""
    if not reference or reference.precision != DAY:
        return None
    word = (match.group("n") or match.group("n2")).casefold()
    unit = (match.group("unit") or match.group("unit2")).casefold()
    n = int(word) if word.isdigit() else lexicon.numbers.get(word)
    return back(reference, n, lexicon.dated("unit")[unit])


def last_date(match, lexicon, reference):
    """ "letzte Woche", "last month": one unit back from the article's day."""
    if not reference or reference.precision != DAY:
        return None
    return back(reference, 1, lexicon.dated("unit")[match.group("unit").casefold()])


def back(reference: DateMention, n: int | None, unit_days: int):
    if n is None or n * unit_days > 36_500:
        return None
    precision = DAY if unit_days == 1 else WEEK if unit_days == 7 else MONTH
    return reference.date - dt.timedelta(days=n * unit_days), precision


RESOLVERS = {
    "range": range_date,
    "day_month": day_date,
    "month_day": day_date,
    "month": month_date,
    "weekday": weekday_date,
    "relative": relative_date,
    "ago": ago_date,
    "last": last_date,
}
