"""Score predicted events against gold events or an ACLED file (DESIGN.md, "Evaluation").

A prediction matches a gold event of the same document when the event types agree (or the
gold allows the predicted type) and the two places lie within 50 km. Gold events marked
`optional` are neither misses nor false alarms. Field scores are taken on the matched pairs;
for ACLED files, where every note has exactly one gold event, the most confident prediction of
each note is also scored field by field against its row.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ValidationError
from rapidfuzz import fuzz

from . import taxonomy
from .errors import EvalError
from .merge import haversine
from .models import Event

MATCH_KM = 50
NEAR_KM = 25
NAME_SIMILARITY = 80  # rapidfuzz ratio at which two region names are one transliterated


class Gold(BaseModel):
    """One hand-coded event (the format of `gold/seed.jsonl`, or one ACLED row)."""

    doc: str
    event_type: str
    sub_event_type: str
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


def match(predictions: list[Event], golds: list[Gold]) -> tuple[list[tuple[Event, Gold]], int, int]:
    """Greedy one-to-one matching per document, best pairs first, required golds before optional.

    Returns the matched (prediction, required gold) pairs, the false alarms and the misses.
    """
    gold_docs = {g.doc for g in golds}
    by_doc: dict[str, tuple[list[Event], list[Gold]]] = defaultdict(lambda: ([], []))
    for event in predictions:
        by_doc[doc_key(event.sources[0].doc_id if event.sources else "", gold_docs)][0].append(
            event
        )
    for gold in golds:
        by_doc[gold.doc][1].append(gold)
    pairs, false_alarms, misses = [], 0, 0
    for events, doc_golds in by_doc.values():
        used: set[int] = set()
        required = [g for g in doc_golds if not g.optional]
        matched = assign(events, required, used)
        assign(events, [g for g in doc_golds if g.optional], used)
        pairs += matched
        false_alarms += len(events) - len(used)
        misses += len(required) - len(matched)
    return pairs, false_alarms, misses


def assign(events: list[Event], golds: list[Gold], used: set[int]) -> list[tuple[Event, Gold]]:
    candidates = sorted(
        (
            (pair_score(event, gold), e, g)
            for e, event in enumerate(events)
            for g, gold in enumerate(golds)
            if e not in used and type_matches(event, gold) and same_place(event, gold, MATCH_KM)
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
    """Event precision/recall/F1 and field accuracies of the matched pairs."""
    pairs, false_alarms, misses = match(predictions, golds)
    matched = len(pairs)
    precision = ratio(matched, matched + false_alarms)
    recall = ratio(matched, matched + misses)
    hits = [actor_overlap(e, g) for e, g in pairs]
    actor_p = ratio(sum(h[0] for h in hits), sum(h[1] for h in hits))
    actor_r = ratio(sum(h[0] for h in hits), sum(h[2] for h in hits))
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
            "actor_f1": ratio(2 * actor_p * actor_r, actor_p + actor_r),
            "location_25km": ratio(sum(same_place(e, g, NEAR_KM) for e, g in pairs), matched),
            "fatalities_exact": ratio(sum(e.fatalities == g.fatalities for e, g in pairs), matched),
            "date": ratio(sum(date_matches(e, g) for e, g in pairs), matched),
            "time_precision": ratio(
                sum(e.time_precision == g.time_precision for e, g in pairs), matched
            ),
        },
    }


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
    return scores
