"""Cross-document merge quality on reports of known events, through the ingest every user runs.

    .venv/bin/python bench/bench_merge.py

Every ACLED development note (read from the shared folder, see bench/shared.py) is one event,
and data/merge/reports.jsonl holds hand-written second reports of some of them (German
translations and English rewrites, see data/merge/README.md). All are coded and ingested into
a fresh SQLite store (`lagebild.ingest.add_documents`, oldest first). A report stored as a
source of its own note's event is a duplicate pair found; two documents in one event that
report different ACLED rows are a wrong merge. ACLED codes one source report that names
several places as one row per place, repeating the note; wrong merges of such rows (notes at
least 90 % alike) are counted apart, since no text tells them apart. Prints a table.
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
from collections import defaultdict
from pathlib import Path

import sqlalchemy as sa
from rapidfuzz import fuzz
from shared import acled_dev

from lagebild.ingest import add_documents
from lagebild.models import Document
from lagebild.pipeline import process
from lagebild.read import read_paths
from lagebild.store import Store, event_sources

ROOT = Path(__file__).parents[1]
REPORTS = ROOT / "data" / "merge" / "reports.jsonl"


SPLIT_SIMILARITY = 90  # rapidfuzz ratio of two notes ACLED repeated for the places of one report


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
    notes = list(read_paths([acled_dev()]))
    reports, truth = report_documents()
    coded = [process(d) for d in sorted(notes + reports, key=lambda d: d.published or "")]
    with tempfile.TemporaryDirectory() as folder, Store(f"{folder}/merge.db") as store:
        for start in range(0, len(coded), 500):
            add_documents(store, [(c.document, c.events) for c in coded[start : start + 500]])
        with store.engine.connect() as connection:
            rows = connection.execute(sa.select(event_sources.c.event_id, event_sources.c.doc_id))
            reporters = defaultdict(set)
            for event_id, doc_id in rows:
                reporters[event_id].add(doc_id)
    row_of = {doc: doc for doc in (n.id for n in notes)} | truth
    merged_pairs = set()
    for docs in reporters.values():
        merged_pairs |= {frozenset(p) for p in itertools.combinations(sorted(docs), 2)}
    right = {p for p in merged_pairs if len({row_of[d] for d in p}) == 1}
    wrong = merged_pairs - right
    text = {n.id: n.text for n in notes}
    split = {p for p in wrong if split_note(*(text.get(d) for d in p))}
    found = {d for p in right for d in p if d in truth}
    with_events = {c.document.id for c in coded if c.events}
    reachable = [r for r in truth if r in with_events and truth[r] in with_events]
    by_language = defaultdict(lambda: [0, 0])
    for report in reports:
        by_language[report.language][0] += report.id in found
        by_language[report.language][1] += 1
    rows = [
        ("documents (notes + reports)", len(notes) + len(reports)),
        ("events extracted", sum(len(c.events) for c in coded)),
        ("events stored", len(reporters)),
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


def table(title: str, rows: list[tuple]) -> None:
    print(f"\n{title}\n")
    print(f"| {'measure':40} | {'value':>16} |")
    print(f"|{'-' * 42}|{'-' * 18}|")
    for name, value in rows:
        print(f"| {name:40} | {value!s:>16} |")


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    table("merge quality (ACLED notes + second reports)", quality())


if __name__ == "__main__":
    main()
