"""The store at scale: filtered event queries, timeline counts and merging, on SQLite.

    .venv/bin/python bench/bench_store.py [--events 1000000] [--new 100000] [--db PATH]

Builds a database of N synthetic events (default 1,000,000: 200 hotspots over three years,
25 sub-event types, 300 actors with a second actor in 60 %, 20,000 villages, one source
document per 100 events) unless PATH already holds one, then measures on one core:
- GET /events with filters through the API (FastAPI's test client, so JSON encoding is
  counted): p50/p95 over 40 random queries of each kind;
- GET /stats (monthly counts by type) unfiltered and with a country filter;
- merging M new events (default 100,000; a tenth of them second reports of stored events)
  into the database with `Store.add`, in batches of 1,000 documents.
Prints a table. The database is rebuilt when --events changes; delete PATH to start over.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import statistics
import time
from pathlib import Path

import sqlalchemy as sa
from fastapi.testclient import TestClient

from lagebild import merge, taxonomy
from lagebild.api.app import create_app
from lagebild.ingest import add_documents
from lagebild.models import Document, Event, Source
from lagebild.store import EVENT_FIELDS, Store, documents, event_sources, events

START = dt.date(2022, 1, 1)
DAYS = 3 * 365
COUNTRIES = ["Syria", "Iraq", "Yemen", "Nigeria", "Mali", "Ukraine", "Somalia", "Sudan"]
PER_DOCUMENT = 100


def hotspots(rng: random.Random) -> list[tuple[str, float, float]]:
    return [(rng.choice(COUNTRIES), rng.uniform(-10, 50), rng.uniform(-15, 60)) for _ in range(200)]


def report_text(village: str) -> str:
    """What a report of an event says beyond its coding: the village it names."""
    return f"Fighting was reported near {village}."


def synthetic(rng: random.Random, spots, i: int) -> dict:
    """One event row, as the events table holds it, with the text of its report."""
    country, lat, lon = rng.choice(spots)
    sub_event_type = rng.choice(list(taxonomy.sub_event_types()))
    latitude, longitude = lat + rng.gauss(0, 0.7), lon + rng.gauss(0, 0.7)
    inter1 = rng.choice([1, 2, 3, 4])
    actor2, inter2 = rng.choice([(None, None), (f"Armed Group {rng.randrange(300)}", 2)])
    if actor2 is None and rng.random() < 0.2:
        actor2, inter2 = f"Civilians ({country})", 7
    village = f"Kariat{rng.randrange(20_000)}"
    return {
        "event_id": f"lb-bench{i:011d}",
        "event_date": START + dt.timedelta(days=rng.randrange(DAYS)),
        "time_precision": 1,
        "event_type": taxonomy.event_type_of(sub_event_type),
        "sub_event_type": sub_event_type,
        "actor1": f"Armed Group {rng.randrange(300)}",
        "actor2": actor2,
        "assoc_actor_1": None,
        "assoc_actor_2": None,
        "inter1": inter1,
        "inter2": inter2,
        "interaction": taxonomy.interaction(inter1, inter2),
        "disorder_type": taxonomy.sub_event_types()[sub_event_type][1],
        "civilian_targeting": False,
        "country": country,
        "iso3": None,
        "admin1": None,
        "admin2": None,
        "location": village,
        "latitude": latitude,
        "longitude": longitude,
        "geonames_id": None,
        "geo_precision": 3,
        "fatalities": min(int(rng.expovariate(0.4)), 500),
        "confidence": 0.8,
        "notes": f"Synthetic event {i} for the benchmark.",
        "cell": merge.cell_key(latitude, longitude),
        "details": " ".join(sorted(report_details(village))),
        "rare_name": merge.indexed_name(report_details(village)),
    }


@functools.cache
def report_details(village: str) -> frozenset[str]:
    return merge.details(Document(id="report", text=report_text(village), language="en"))


def build(store: Store, n: int, seed: int = 1) -> None:
    rng, spots = random.Random(seed), hotspots(random.Random(seed))
    with store.engine.begin() as connection:
        for start in range(0, n, 10_000):
            docs = [
                {
                    "doc_id": f"bench/{d}",
                    "content_hash": f"{d:064d}",
                    "text": f"Synthetic document {d}.",
                    "body_start": 0,
                    "published": None,
                    "url": None,
                    "title": None,
                    "language": "en",
                    "ingested_at": dt.datetime(2025, 1, 1),
                }
                for d in range(start // PER_DOCUMENT, (start + 10_000) // PER_DOCUMENT)
            ]
            connection.execute(documents.insert(), docs)
            rows = [synthetic(rng, spots, i) for i in range(start, min(start + 10_000, n))]
            connection.execute(events.insert(), rows)
            connection.execute(
                event_sources.insert(),
                [
                    {
                        "event_id": r["event_id"],
                        "doc_id": f"bench/{int(r['event_id'][8:]) // PER_DOCUMENT}",
                        "fatalities": r["fatalities"],
                        "merged_by": None,
                        "report_event_id": r["event_id"],
                    }
                    for r in rows
                ],
            )
            print(f"\r  built {start + len(rows):,} events", end="", flush=True)
    print()
    store.recount_days()
    with store.engine.begin() as connection:  # the names `Store.add` would have noted
        connection.exec_driver_sql(
            "INSERT INTO actor_names (name) SELECT actor1 FROM events "
            "UNION SELECT actor2 FROM events WHERE actor2 IS NOT NULL"
        )
    store.complete_records()
    with store.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")


def synthetic_store(path: Path, n: int) -> Store:
    """The store at `path` if it holds n events, else one built afresh there."""
    store = Store(str(path))
    if store.count_events() != n:
        store.close()
        path.unlink(missing_ok=True)
        store = Store(str(path))
        build(store, n)
    return store


def random_queries(rng: random.Random) -> dict[str, list[dict]]:
    def month() -> dict:
        first = START + dt.timedelta(days=rng.randrange(DAYS - 31))
        return {"date_from": first.isoformat(), "date_to": (first + dt.timedelta(30)).isoformat()}

    def bbox() -> dict:
        west, south = rng.uniform(-15, 58), rng.uniform(-10, 48)
        return {"bbox": f"{west},{south},{west + 2},{south + 2}"}

    types = list(dict.fromkeys(taxonomy.event_type_of(s) for s in taxonomy.sub_event_types()))
    kinds = {
        "newest page (no filter)": lambda: {},
        "date range (a month)": month,
        "country + event type": lambda: {
            "country": rng.choice(COUNTRIES),
            "event_type": rng.choice(types),
        },
        "bbox 2°×2° + a month": lambda: {**bbox(), **month()},
        "min fatalities 50, by fatalities": lambda: {"min_fatalities": 50, "sort": "-fatalities"},
        "actor + country": lambda: {
            "actor": f"Armed Group {rng.randrange(300)}",
            "country": rng.choice(COUNTRIES),
        },
    }
    return {name: [make() for _ in range(40)] for name, make in kinds.items()}


def timed(client: TestClient, path: str, params: dict) -> float:
    start = time.perf_counter()
    response = client.get(path, params=params)
    response.raise_for_status()
    return (time.perf_counter() - start) * 1000


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return f"{statistics.median(ordered):.1f} / {p95:.1f}"


def merge_new(store: Store, m: int, existing: int, seed: int = 2) -> tuple[float, int]:
    """Add m events in batches of 1,000 documents (one event each); a tenth report stored
    events again (same place, day and actor). Returns the seconds `Store.add` took (the
    events are made before the clock starts) and how many merged."""
    batches = new_batches(store, m, existing, seed)
    before = store.count_events()
    start = time.perf_counter()
    for batch in batches:
        add_documents(store, batch)
    seconds = time.perf_counter() - start
    return seconds, m - (store.count_events() - before)


def new_batches(store: Store, m: int, existing: int, seed: int) -> list[list]:
    rng, spots = random.Random(seed), hotspots(random.Random(1))
    batches = []
    for batch_start in range(0, m, 1000):
        batch = []
        for i in range(batch_start, min(batch_start + 1000, m)):
            row = synthetic(rng, spots, existing + i)
            text = f"New report {i}. {report_text(row['location'])}"
            if i % 10 == 0:  # a second report of a stored event
                with store.engine.connect() as connection:
                    twin = (
                        connection.execute(
                            sa.select(events).where(
                                events.c.event_id == f"lb-bench{rng.randrange(existing):011d}"
                            )
                        )
                        .mappings()
                        .one()
                    )
                row = {**dict(twin), "event_id": row["event_id"]}
                text = f"New report {i}. {report_text(twin['location'])}"
            document = Document(id=f"new/{i}", text=text, language="en")
            fields = {k: v for k, v in row.items() if k in EVENT_FIELDS}
            event = Event(**{**fields, "sources": [Source.of(document)]})
            batch.append((document, [event]))
        batches.append(batch)
    return batches


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--new", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/lagebild-bench-store.db"))
    args = parser.parse_args()
    store = synthetic_store(args.db, args.events)
    client = TestClient(create_app(store))
    rows = []
    for name, queries in random_queries(random.Random(3)).items():
        samples = [timed(client, "/events", q) for q in queries]
        rows.append((f"/events {name}", percentiles(samples), "p95 < 50"))
    for name, params in [("all", {}), ("one country", {"country": "Syria"})]:
        samples = [timed(client, "/stats", {"period": "month", **params}) for _ in range(10)]
        rows.append((f"/stats monthly, {name}", percentiles(samples), "< 200"))
    seconds, merged = merge_new(store, args.new, args.events)
    print(f"| {'measure (ms: p50 / p95)':48} | {'value':>15} | {'target':>9} |")
    print(f"|{'-' * 50}|{'-' * 17}|{'-' * 11}|")
    for name, value, target in rows:
        print(f"| {name:48} | {value:>15} | {target:>9} |")
    merge_row = f"{args.new:,} into {args.events:,} (s)"
    print(f"| {merge_row:48} | {seconds:>15.1f} | {'< 60':>9} |")
    print(f"| {'  of which merged into stored events':48} | {merged:>15,} | {'':>9} |")


if __name__ == "__main__":
    main()
