"""Cross-document merge: quality on reports of known events, and speed.

    .venv/bin/python bench/bench_merge.py [--events N]

Quality: every ACLED development note (data/acled/acled-2020-05-dev.csv) is one event, and
data/merge/reports.jsonl holds hand-written second reports of some of them (German
translations and English rewrites, see data/merge/README.md). All are extracted and merged
together (`lagebild.merge.merge_all`). A report merged with its own note is a duplicate pair
found; two documents merged that report different ACLED rows are a wrong merge. ACLED codes one
source report that names several places as one row per place, repeating the note; wrong merges
of such rows (same day, notes at least 90 % alike) are counted apart, since no text tells them
apart.

Speed: N synthetic reports (default 200,000) in 50 hotspots over a year, merged in memory.
Prints tables.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import time
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

from lagebild.extraction import extract
from lagebild.merge import Report, details, merge_all
from lagebild.models import Document, Event
from lagebild.read import read_paths

ROOT = Path(__file__).parents[1]
ACLED = ROOT / "data" / "acled" / "acled-2020-05-dev.csv"
REPORTS = ROOT / "data" / "merge" / "reports.jsonl"


SPLIT_SIMILARITY = 90  # rapidfuzz ratio of two notes ACLED repeated for the places of one report


def extracted(documents: list[Document]) -> list[Report]:
    found = []
    for document in documents:
        events = extract(document)
        if events:
            found += [Report(event, details(document)) for event in events]
    return found


def report_documents() -> tuple[list[Document], dict[str, str]]:
    documents, truth = [], {}
    for line in REPORTS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        documents.append(
            Document(
                id=row["id"],
                text=row["text"],
                title=row["title"],
                published=row["published"],
                language=row["language"],
            )
        )
        truth[row["id"]] = row["of"]
    return documents, truth


def quality() -> list[tuple]:
    notes = list(read_paths([ACLED]))
    reports, truth = report_documents()
    events = extracted(notes) + extracted(reports)
    events.sort(key=lambda r: r.event.event_date)
    row_of = {doc: doc for doc in (n.id for n in notes)} | truth
    merged_pairs = set()
    for group in merge_all(events):
        docs = {events[i].event.sources[0].doc_id for i in group}
        merged_pairs |= {frozenset(p) for p in itertools.combinations(sorted(docs), 2)}
    right = {p for p in merged_pairs if len({row_of[d] for d in p}) == 1}
    wrong = merged_pairs - right
    text = {n.id: n.text for n in notes}
    split = {p for p in wrong if split_note(*(text.get(d) for d in p))}
    found = {d for p in right for d in p if d in truth}
    with_events = {e.event.sources[0].doc_id for e in events}
    reachable = [r for r in truth if r in with_events and truth[r] in with_events]
    by_language = defaultdict(lambda: [0, 0])
    for report in reports:
        by_language[report.language][0] += report.id in found
        by_language[report.language][1] += 1
    rows = [
        ("documents (notes + reports)", len(notes) + len(reports)),
        ("events extracted", len(events)),
        ("duplicate pairs (report, its note)", len(truth)),
        ("pairs where both sides have an event", len(reachable)),
        ("pairs found", len(found)),
        ("recall, all pairs", f"{len(found) / len(truth):.3f}"),
        ("recall, pairs with events", f"{len(found) / max(len(reachable), 1):.3f}"),
        *(
            (f"recall, {language} reports", f"{hit / total:.3f} ({hit}/{total})")
            for language, (hit, total) in sorted(by_language.items())
        ),
        ("document pairs merged", len(merged_pairs)),
        ("wrong merges", len(wrong)),
        ("wrong merge share", f"{len(wrong) / max(len(merged_pairs), 1):.3f}"),
        ("precision", f"{len(right) / max(len(merged_pairs), 1):.3f}"),
        ("wrong merges of one report ACLED split", len(split)),
        (
            "wrong merge share, those apart",
            f"{len(wrong - split) / max(len(merged_pairs - split), 1):.3f}",
        ),
    ]
    return rows


def split_note(a: str | None, b: str | None) -> bool:
    """Two ACLED notes of one source report, repeated for each place it names."""
    return bool(a and b) and fuzz.ratio(a, b) >= SPLIT_SIMILARITY


def synthetic_reports(n: int, seed: int = 1) -> list[Report]:
    """Reports around 50 hotspots over a year, from 40 groups of three types, each naming
    three of 20,000 places; every tenth is a second report of an earlier one."""
    rng = random.Random(seed)
    hotspots = [(rng.uniform(-30, 50), rng.uniform(-20, 100)) for _ in range(50)]
    types = [
        ("Battles", "Armed clash"),
        ("Protests", "Peaceful protest"),
        ("Riots", "Mob violence"),
    ]
    reports = []
    for i in range(n):
        if i % 10 == 9:
            first = rng.choice(reports)
            reports.append(first._replace(event=first.event.model_copy()))
            continue
        lat, lon = rng.choice(hotspots)
        event_type, sub_event_type = rng.choice(types)
        event = Event.model_construct(
            event_date=dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(366)),
            time_precision=1,
            event_type=event_type,
            sub_event_type=sub_event_type,
            actor1=f"Group {rng.randrange(40)}",
            actor2=None,
            inter1=2,
            latitude=lat + rng.gauss(0, 0.5),
            longitude=lon + rng.gauss(0, 0.5),
            geonames_id=None,
            geo_precision=3,
            sources=[],
        )
        places = frozenset(f"!place{rng.randrange(20_000)}" for _ in range(3))
        reports.append(Report(event, places | {f"#{rng.randrange(2, 50)}"}))
    return reports


def speed(n: int) -> list[tuple]:
    reports = synthetic_reports(n)
    start = time.perf_counter()
    groups = merge_all(reports)
    seconds = time.perf_counter() - start
    return [
        ("reports", n),
        ("events", len(groups)),
        ("seconds", f"{seconds:.1f}"),
        ("reports/s", f"{n / seconds:.0f}"),
    ]


def table(title: str, rows: list[tuple]) -> None:
    print(f"\n{title}\n")
    print(f"| {'measure':40} | {'value':>16} |")
    print(f"|{'-' * 42}|{'-' * 18}|")
    for name, value in rows:
        print(f"| {name:40} | {value!s:>16} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000, help="synthetic reports to merge")
    args = parser.parse_args()
    table("merge quality (ACLED notes + second reports)", quality())
    table("in-memory merge speed", speed(args.events))


if __name__ == "__main__":
    main()
