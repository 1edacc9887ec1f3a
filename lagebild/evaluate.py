"""Score predicted events against gold events or an ACLED file (DESIGN.md, "Evaluation").

A prediction matches a gold event of the same document when the event types agree (or the
gold allows the predicted type), the two places lie within 50 km and the dates within a week
(a month where either is only known to the month). Gold events marked `optional` are neither
misses nor false alarms; a gold line `{"doc": …, "no_events": true}` marks a document that
reports no codable event, so that every event coded there is a false alarm. Predictions for
documents the gold does not mention are not scored. Field scores are taken on the matched
pairs; for ACLED files, where every note has exactly one gold event, the most confident
prediction of each note is also scored field by field against its row (and how many of those
with coordinates name their district, `admin2_filled`). `findings` says, per
document, which events were false alarms or missed, and why.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, ValidationError, model_validator
from rapidfuzz import fuzz

from . import taxonomy
from .errors import EvalError
from .merge import haversine
from .models import Event

MATCH_KM = 50
NEAR_KM = 25
MATCH_DAYS = {1: 7, 2: 7, 3: 31}  # how far a matching date may lie, by the vaguer precision
NAME_SIMILARITY = 80  # rapidfuzz ratio at which two region names are one transliterated


class Gold(BaseModel):
    """One hand-coded event (the format of `gold/seed.jsonl`, or one ACLED row), or the mark of
    a document that reports none (`no_events`)."""

    doc: str
    no_events: bool = False
    event_type: str = ""
    sub_event_type: str = ""
    alt_event_types: list[str] = []
    alt_sub_event_types: list[str] = []
    actor1: str = ""
    actor2: str | None = None
    alt_actor1: list[str] = []
    alt_actor2: list[str] = []
    inter1: int | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    date: str = ""
    time_precision: int | None = None
    fatalities: int = 0
    optional: bool = False

    @model_validator(mode="after")
    def _typed(self) -> Gold:
        if not self.no_events and not (self.event_type and self.sub_event_type):
            raise ValueError("an event needs event_type and sub_event_type (or no_events: true)")
        return self


def read_gold(path: str | Path) -> list[Gold]:
    return [Gold.model_validate(record) for record in read_jsonl(path)]


def read_predictions(path: str | Path) -> list[Event]:
    return [Event.model_validate(record) for record in read_jsonl(path)]


def read_jsonl(path: str | Path) -> Iterable[dict]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvalError(f"{path}: cannot read ({error})") from error
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                raise EvalError(f"{path}:{number}: invalid JSON ({error.msg})") from None


def checked(loader, path):
    """Run a reader, turning a malformed record into an EvalError naming the file and field."""
    try:
        return loader(path)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise EvalError(f"{path}: field {field!r}: {first['msg']}") from None


def acled_part(doc_id: str) -> str:
    """Split an ACLED file in two stable halves: 'tune' to develop rules on, 'heldout' to report."""
    return "heldout" if int(hashlib.sha1(doc_id.encode()).hexdigest()[:8], 16) % 2 else "tune"


def read_acled_gold(path: str | Path) -> list[Gold]:
    """Each ACLED row as the gold event of the document made from its notes."""
    codes = {name: code for code, name in taxonomy.actor_types().items()}
    golds = []
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                golds.append(acled_gold(row, codes))
    except (OSError, UnicodeDecodeError, KeyError, ValueError, csv.Error) as error:
        raise EvalError(f"{path}: not a readable ACLED export ({error})") from error
    return golds


def acled_gold(row: dict, codes: dict[str, int]) -> Gold:
    inter1 = row.get("inter1", "")
    return Gold(
        doc=row.get("event_id_cnty") or row["data_id"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        actor1=row["actor1"],
        actor2=row.get("actor2") or None,
        inter1=int(inter1) if inter1.isdigit() else codes.get(inter1),
        country=row["country"],
        admin1=row.get("admin1"),
        location=row.get("location"),
        latitude=float(row["latitude"]),
        longitude=float(row["longitude"]),
        date=acled_date(row["event_date"]).isoformat(),
        time_precision=int(row["time_precision"]),
        fatalities=int(row["fatalities"] or 0),
    )


def acled_date(value: str) -> dt.date:
    for pattern in ("%Y-%m-%d", "%d-%b-%y", "%d %B %Y", "%d-%B-%Y"):
        try:
            return dt.datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    raise ValueError(f"unknown date format {value!r}")


def place_distance(event: Event, gold: Gold) -> float | None:
    if None in (event.latitude, event.longitude, gold.latitude, gold.longitude):
        return None
    return haversine(event.latitude, event.longitude, gold.latitude, gold.longitude)


def same_place(event: Event, gold: Gold, km: float) -> bool:
    """Within `km`; where either side lacks coordinates, the same location name."""
    distance = place_distance(event, gold)
    if distance is None:
        return bool(event.location and gold.location) and fold(event.location) == fold(
            gold.location
        )
    return distance <= km


REGION_WORDS = re.compile(
    r"\b(?:muhafazat|province|state|region|governorate|oblast|district|department|county|rayon)\b"
)


def fold(name: str) -> str:
    """A place name for comparison: no case, accents, punctuation or words like "Province"
    ("Muhafazat al Hudaydah" = "Al Hudaydah", "Sa'dah" = "Sadah", "Banaadir" ≠ "Banadir" stays)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    plain = REGION_WORDS.sub(" ", plain)
    return " ".join(re.sub(r"[^a-z0-9 ]+", "", plain.replace("-", " ")).split())


def same_region_name(predicted: str | None, gold: str | None) -> bool:
    """Two spellings of one region's name: equal when folded, or transliterations close enough
    ("Idlib" = "Idleb", "Daraa" = "Dar'a"; not "Eastern" and "Western"; "Liban-Sud" ≠ "South",
    a translation)."""
    if not predicted or not gold:
        return predicted == gold
    a, b = fold(predicted), fold(gold)
    return a == b or a[:1] == b[:1] and fuzz.ratio(a, b) >= NAME_SIMILARITY


def type_matches(event: Event, gold: Gold) -> bool:
    return event.event_type in (gold.event_type, *gold.alt_event_types)


def sub_type_matches(event: Event, gold: Gold) -> bool:
    return event.sub_event_type in (gold.sub_event_type, *gold.alt_sub_event_types)


def actor_overlap(event: Event, gold: Gold) -> tuple[int, int, int]:
    """(true positives, predicted actors, gold actors) for the unordered actor pair."""
    predicted = {taxonomy.actor_key(a) for a in (event.actor1, event.actor2) if a}
    slots = [
        {taxonomy.actor_key(a) for a in (actor, *alts)}
        for actor, alts in ((gold.actor1, gold.alt_actor1), (gold.actor2, gold.alt_actor2))
        if actor
    ]
    hits = sum(1 for slot in slots if slot & predicted)
    return hits, len(predicted), len(slots)


def date_matches(event: Event, gold: Gold) -> bool:
    return bool(gold.date) and event.event_date.isoformat().startswith(gold.date)


def gold_day(gold: Gold) -> dt.date | None:
    """The gold's date as a day (the 15th of a month given as YYYY-MM)."""
    if not gold.date:
        return None
    return dt.date.fromisoformat(gold.date if len(gold.date) == 10 else f"{gold.date[:7]}-15")


def days_apart(event: Event, gold: Gold) -> int | None:
    day = gold_day(gold)
    return None if day is None else abs((event.event_date - day).days)


def date_close(event: Event, gold: Gold) -> bool:
    """Within a week, or a month where either date is only known to the month."""
    apart = days_apart(event, gold)
    vaguer = max(event.time_precision, gold.time_precision or (1 if len(gold.date) == 10 else 3))
    return apart is None or apart <= MATCH_DAYS[vaguer]


def actor_slots(gold: Gold) -> tuple[set[str], set[str]]:
    keys = [{taxonomy.actor_key(a) for a in (actor, *alts) if a} for actor, alts in (
        (gold.actor1, gold.alt_actor1), (gold.actor2, gold.alt_actor2))]  # fmt: skip
    return keys[0], keys[1]


def actors_right(event: Event, gold: Gold) -> tuple[bool, bool]:
    """Whether actor1 and actor2 are the gold's. Only Violence against civilians has a
    direction (its target is actor 2); elsewhere the pair may come either way round."""
    first, second = actor_slots(gold)
    mine = taxonomy.actor_key(event.actor1), taxonomy.actor_key(event.actor2 or "")
    straight = (mine[0] in first, (mine[1] in second) if second else not event.actor2)
    if event.event_type == "Violence against civilians" or not second:
        return straight
    crossed = (mine[0] in second, mine[1] in first)
    return max(straight, crossed, key=sum)


def pair_score(event: Event, gold: Gold) -> float:
    hits, _, _ = actor_overlap(event, gold)
    distance = place_distance(event, gold) or 0.0
    return 2 * sub_type_matches(event, gold) + hits + date_matches(event, gold) - distance / 1000


def doc_key(doc_id: str, gold_docs: set[str]) -> str:
    """The gold document a prediction belongs to: equal, or the longest gold path that ends it."""
    if doc_id in gold_docs:
        return doc_id
    tail = doc_id.replace("\\", "/")
    tails = [gold_doc for gold_doc in gold_docs if tail.endswith("/" + gold_doc)]
    return max(tails, key=len) if tails else doc_id


class Document(NamedTuple):
    """One gold document's events and the predictions for it, matched."""

    doc: str
    pairs: list[tuple[Event, Gold]]
    false_alarms: list[Event]
    misses: list[Gold]
    golds: list[Gold]


def match_documents(predictions: list[Event], golds: list[Gold]) -> list[Document]:
    """Greedy one-to-one matching per gold document, best pairs first, required golds before
    optional ones; predictions for documents the gold does not mention are left out."""
    gold_docs = {g.doc for g in golds}
    by_doc: dict[str, tuple[list[Event], list[Gold]]] = {doc: ([], []) for doc in gold_docs}
    for event in predictions:
        doc = doc_key(event.sources[0].doc_id if event.sources else "", gold_docs)
        if doc in by_doc:
            by_doc[doc][0].append(event)
    for gold in golds:
        if not gold.no_events:
            by_doc[gold.doc][1].append(gold)
    found = []
    for doc, (events, doc_golds) in sorted(by_doc.items()):
        used: set[int] = set()
        required = [g for g in doc_golds if not g.optional]
        pairs = assign(events, required, used)
        assign(events, [g for g in doc_golds if g.optional], used)
        matched = {id(g) for _, g in pairs}
        false_alarms = [e for i, e in enumerate(events) if i not in used]
        misses = [g for g in required if id(g) not in matched]
        found.append(Document(doc, pairs, false_alarms, misses, doc_golds))
    return found


def match(predictions: list[Event], golds: list[Gold]) -> tuple[list[tuple[Event, Gold]], int, int]:
    """The matched (prediction, required gold) pairs, the false alarms and the misses."""
    documents = match_documents(predictions, golds)
    pairs = [pair for d in documents for pair in d.pairs]
    false_alarms = sum(len(d.false_alarms) for d in documents)
    return pairs, false_alarms, sum(len(d.misses) for d in documents)


def matches(event: Event, gold: Gold) -> bool:
    return (
        type_matches(event, gold) and same_place(event, gold, MATCH_KM) and date_close(event, gold)
    )


def assign(events: list[Event], golds: list[Gold], used: set[int]) -> list[tuple[Event, Gold]]:
    candidates = sorted(
        (
            (pair_score(event, gold), e, g)
            for e, event in enumerate(events)
            for g, gold in enumerate(golds)
            if e not in used and matches(event, gold)
        ),
        key=lambda c: -c[0],
    )
    taken_golds, pairs = set(), []
    for _, e, g in candidates:
        if e not in used and g not in taken_golds:
            used.add(e)
            taken_golds.add(g)
            pairs.append((events[e], golds[g]))
    return pairs


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def score(predictions: list[Event], golds: list[Gold]) -> dict:
    """Event precision/recall/F1, field accuracies of the matched pairs, and both for each
    group of documents (the first folder of their path: `de`, `en`)."""
    documents = match_documents(predictions, golds)
    scores = event_scores(documents)
    groups = sorted({d.doc.split("/")[0] for d in documents if "/" in d.doc})
    if len(groups) > 1:
        scores["groups"] = {
            group: event_scores([d for d in documents if d.doc.startswith(f"{group}/")])["events"]
            for group in groups
        }
    return scores


def event_scores(documents: list[Document]) -> dict:
    pairs = [pair for d in documents for pair in d.pairs]
    false_alarms = sum(len(d.false_alarms) for d in documents)
    misses = sum(len(d.misses) for d in documents)
    matched = len(pairs)
    precision = ratio(matched, matched + false_alarms)
    recall = ratio(matched, matched + misses)
    hits = [actor_overlap(e, g) for e, g in pairs]
    actor_p = ratio(sum(h[0] for h in hits), sum(h[1] for h in hits))
    actor_r = ratio(sum(h[0] for h in hits), sum(h[2] for h in hits))
    right = [actors_right(e, g) for e, g in pairs]
    return {
        "events": {
            "gold": matched + misses,
            "predicted": matched + false_alarms,
            "matched": matched,
            "precision": precision,
            "recall": recall,
            "f1": ratio(2 * precision * recall, precision + recall),
        },
        "matched_fields": {
            "sub_event_type": ratio(sum(sub_type_matches(e, g) for e, g in pairs), matched),
            "actor1": ratio(sum(first for first, _ in right), matched),
            "actor2": ratio(sum(second for _, second in right), matched),
            "actor_f1": ratio(2 * actor_p * actor_r, actor_p + actor_r),
            "location_25km": ratio(sum(same_place(e, g, NEAR_KM) for e, g in pairs), matched),
            "fatalities_exact": ratio(sum(e.fatalities == g.fatalities for e, g in pairs), matched),
            "date": ratio(sum(date_matches(e, g) for e, g in pairs), matched),
            "time_precision": ratio(
                sum(e.time_precision == g.time_precision for e, g in pairs), matched
            ),
        },
    }


def findings(predictions: list[Event], golds: list[Gold]) -> list[dict]:
    """Per document with a false alarm or a miss: each of them, and why it did not match."""
    found = []
    for document in match_documents(predictions, golds):
        if not (document.false_alarms or document.misses):
            continue
        unmatched_golds = document.misses or document.golds
        found.append(
            {
                "doc": document.doc,
                "false_alarms": [
                    {"event": describe_event(e), "why": why_not(e, unmatched_golds)}
                    for e in document.false_alarms
                ],
                "missed": [
                    {"gold": describe_gold(g), "why": why_missed(g, document.false_alarms)}
                    for g in document.misses
                ],
            }
        )
    return found


def describe_event(event: Event) -> str:
    actors = " / ".join(a for a in (event.actor1, event.actor2) if a)
    return (
        f"{event.sub_event_type}, {actors}, {event.location or event.country or 'no place'}, "
        f"{event.event_date}, {event.fatalities} dead"
    )


def describe_gold(gold: Gold) -> str:
    actors = " / ".join(a for a in (gold.actor1, gold.actor2) if a)
    return f"{gold.sub_event_type}, {actors}, {gold.location}, {gold.date}, {gold.fatalities} dead"


def why_not(event: Event, golds: list[Gold]) -> str:
    """Why a prediction matches no gold event of its document: what the nearest one says."""
    if not golds:
        return "the document reports no codable event"
    return min((mismatch(event, g) for g in golds), key=lambda reason: reason[0])[1]


def why_missed(gold: Gold, events: list[Event]) -> str:
    if not events:
        return "no other event was coded for the document"
    return min((mismatch(e, gold) for e in events), key=lambda reason: reason[0])[1]


def mismatch(event: Event, gold: Gold) -> tuple[int, str]:
    """(how far apart, in words) a prediction and a gold event are: the checks that fail."""
    problems = []
    if not type_matches(event, gold):
        problems.append(f"type {event.event_type} ≠ {gold.event_type}")
    distance = place_distance(event, gold)
    if not same_place(event, gold, MATCH_KM):
        where = "no coordinates" if distance is None else f"{distance:.0f} km"
        problems.append(f"place {event.location or '-'} ≠ {gold.location} ({where})")
    if not date_close(event, gold):
        problems.append(f"date {event.event_date} ≠ {gold.date}")
    return len(problems), "; ".join(problems) or "matched another gold event better"


def primary_events(predictions: list[Event]) -> dict[str, Event]:
    """The most confident prediction of each document (first one on ties)."""
    best: dict[str, Event] = {}
    for event in predictions:
        doc = event.sources[0].doc_id if event.sources else ""
        if doc not in best or event.confidence > best[doc].confidence:
            best[doc] = event
    return best


def score_documents(predictions: list[Event], golds: list[Gold]) -> dict[str, float]:
    """Field accuracy of each document's primary prediction; a document without one is wrong."""
    primary = primary_events(predictions)
    checks = {
        "event_type": lambda e, g: e.event_type == g.event_type,
        "sub_event_type": lambda e, g: e.sub_event_type == g.sub_event_type,
        "fatalities_exact": lambda e, g: e.fatalities == g.fatalities,
        "actor1_inter": lambda e, g: e.inter1 == g.inter1,
        "country": lambda e, g: fold(e.country or "") == fold(g.country or ""),
        "admin1": lambda e, g: same_region_name(e.admin1, g.admin1),
        "location_25km": lambda e, g: same_place(e, g, NEAR_KM),
        "date": date_matches,
    }
    scores = {"documents": len(golds), "with_events": sum(g.doc in primary for g in golds)}
    for name, check in checks.items():
        right = sum(1 for g in golds if g.doc in primary and check(primary[g.doc], g))
        scores[name] = ratio(right, len(golds))
    placed = [primary[g.doc] for g in golds if g.doc in primary and primary[g.doc].latitude]
    scores["admin2_filled"] = ratio(sum(bool(e.admin2) for e in placed), len(placed))
    return scores
