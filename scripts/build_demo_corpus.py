"""Build data/ucdp/ged191-syria-2019-headlines.jsonl: the demo's Syria documents.

    python scripts/build_demo_corpus.py [GED_CSV]

Each document is one news headline that the UCDP Georeferenced Event Dataset 19.1 cites as a
source of a 2019 event in Syria (column `source_headline`, where several sources' headlines
are joined by ";"; most are the Syrian Observatory for Human Rights'), dated by the first
event that cites it (`publication_date`). Headlines shorter than five words (source codes such
as "R3869a") are left out.
UCDP GED is licensed CC BY 4.0: Sundberg & Melander (2013), Journal of Peace Research 50(4);
Högbladh (2019), UCDP GED Codebook 19.1. The source CSV is read from the project's shared
folder (LAGEBILD_SHARED, default ../shared) unless named.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from shared import ROOT, UCDP_GED

OUT = ROOT / "data" / "ucdp" / "ged191-syria-2019-headlines.jsonl"
YEAR = "2019"
MIN_WORDS = 5


def documents(path: Path) -> list[dict]:
    seen, found = set(), []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["year"] != YEAR:
                continue
            published = publication_date(row)
            for number, headline in enumerate(row["source_headline"].split(";"), 1):
                headline = " ".join(headline.split())
                if len(headline.split()) < MIN_WORDS or headline in seen:
                    continue
                seen.add(headline)
                found.append(
                    {
                        "id": f"ucdp-ged-{row['id']}-{number}",
                        "text": headline,
                        "published": published,
                        "language": "en",
                    }
                )
    return sorted(found, key=lambda d: (d["published"], d["id"]))


def publication_date(row: dict) -> str:
    """The source's first date, unless it lies outside the event's year (a slip in the data,
    such as 2012 for a 2019 event): then the day the event ended."""
    stated = row["source_date"].split(";")[0].strip()
    return stated if stated[:4] == row["date_end"][:4] else row["date_end"]


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else UCDP_GED
    rows = documents(source)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} documents written to {OUT}")


if __name__ == "__main__":
    main()
