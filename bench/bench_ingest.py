"""End-to-end ingest speed: `lagebild ingest` of an archive into a fresh store, as a user runs it.

    .venv/bin/python bench/bench_ingest.py [--docs 20000] [--postgres URL] [--stages 300]

The archive is built from the shipped texts (data/corpus in German and English, the UCDP
headlines of data/ucdp): each document of ~2 KB joins paragraphs drawn at random (seeded), so
every text is new to the store, published on one of the days of two years in turn. Measured,
each in a fresh process and store, wall time and peak memory (of the largest process: the
command or one of its workers): ingest with one worker, with the machine's cores, into
PostgreSQL when a server URL is given, on a Dask LocalCluster of one and of two workers; and a
resumed run with 97 % of the archive stored. Then a per-stage table: the share of one
process's time each stage of the pipeline takes, over `--stages` documents (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import pstats
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
LAGEBILD = [str(Path(sys.executable).with_name("lagebild"))]
MEASURED = (  # run a command; print the peak RSS of its largest process (itself or a worker)
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True,"
    " stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
    " print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
TARGET_BYTES = 2000
FIRST_DAY, ARCHIVE_DAYS = dt.date(2020, 1, 1), 730  # an archive of two years' news
RESUMED = 0.97
STAGES = {  # stage → the function whose cumulative time it is
    "read": "read.py:read_paths",
    "language": "language.py:with_language",
    "sentences": "sentences.py:split_sentences",
    "place names and geoparsing": "context.py:document_places",
    "extract (all of coding)": "coder.py:code_document",
    "merge and store": "ingest.py:add_documents",
}


def paragraphs() -> list[tuple[str, str]]:
    """(language, paragraph) of the shipped texts."""
    found = []
    for language in ("de", "en"):
        for path in sorted((ROOT / "data" / "corpus" / language).glob("*.txt")):
            body = path.read_text(encoding="utf-8").split("\n\n", 1)[-1]
            found += [(language, p.strip()) for p in body.split("\n\n") if len(p.strip()) > 40]
    headlines = ROOT / "data" / "ucdp" / "ged191-syria-2019-headlines.jsonl"
    for line in headlines.read_text(encoding="utf-8").splitlines():
        found.append(("en", json.loads(line)["text"]))
    return found


def archive(path: Path, count: int) -> None:
    """`count` documents of ~2 KB, each one language's paragraphs in a random draw."""
    rng = random.Random(20221)
    by_language: dict[str, list[str]] = {}
    for language, text in paragraphs():
        by_language.setdefault(language, []).append(text)
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            language = "de" if n % 2 else "en"
            texts, size = [], 0
            while size < TARGET_BYTES:
                texts.append(rng.choice(by_language[language]))
                size += len(texts[-1]) + 2
            published = (FIRST_DAY + dt.timedelta(days=n % ARCHIVE_DAYS)).isoformat()
            record = {"id": f"bench-{n}", "text": "\n\n".join(texts), "published": published}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def run(args: list[str], env: dict | None = None) -> tuple[float, float]:
    """Seconds and peak RSS (MB, the largest process of the run) of one CLI call."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, *LAGEBILD, *args],
        check=True, env={**os.environ, **(env or {})}, capture_output=True, text=True,
    )  # fmt: skip
    return time.perf_counter() - start, int(done.stdout) / 1024


def with_cluster(workers: int, args: list[str]) -> tuple[float, float]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:  # fmt: skip
        return run([*args, "--scheduler", cluster.scheduler_address])


def stage_table(path: Path, count: int) -> list[tuple[str, float]]:
    from lagebild.ingest import ingest
    from lagebild.pipeline import warm_up
    from lagebild.read import read_paths
    from lagebild.store import Store

    sample = path.with_name("stages.jsonl")
    sample.write_text("".join(path.open(encoding="utf-8").readlines()[:count]), encoding="utf-8")
    warm_up()
    with tempfile.TemporaryDirectory() as folder, Store(f"sqlite:///{folder}/s.db") as store:
        profile = cProfile.Profile()
        profile.enable()
        start = time.perf_counter()
        for _ in ingest(store, read_paths([sample]), 100):
            pass
        total = time.perf_counter() - start
        profile.disable()
    stats = pstats.Stats(profile).stats
    rows = []
    for stage, wanted in STAGES.items():
        file, name = wanted.split(":")
        seconds = sum(
            value[3] for (path_, _, function), value in stats.items()
            if path_.endswith(f"lagebild/{file}") or path_.endswith(f"extraction/{file}")
            if function == name
        )  # fmt: skip
        rows.append((stage, seconds))
    return [("all (under cProfile)", total), *rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--postgres", help="an empty PostgreSQL database's URL, to ingest into")
    parser.add_argument("--stages", type=int, default=300)
    options = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        corpus = folder / "archive.jsonl"
        archive(corpus, options.docs)
        rows = []

        def ingest(name: str, db: str, *extra: str, cluster: int = 0) -> float:
            args = ["ingest", str(corpus), "--db", db, *extra]
            seconds, peak = with_cluster(cluster, args) if cluster else run(args)
            rows.append((name, options.docs / seconds, seconds, peak))
            return seconds

        full = ingest("SQLite, 1 worker", f"sqlite:///{folder}/one.db", "--workers", "1")
        ingest(f"SQLite, {cores} workers", f"sqlite:///{folder}/all.db")
        if options.postgres:
            ingest(f"PostgreSQL, {cores} workers", options.postgres)
        ingest("SQLite, Dask, 1 worker", f"sqlite:///{folder}/d1.db", cluster=1)
        ingest("SQLite, Dask, 2 workers", f"sqlite:///{folder}/d2.db", cluster=2)
        stored = int(options.docs * RESUMED)
        head = folder / "head.jsonl"
        head.write_text("".join(corpus.open(encoding="utf-8").readlines()[:stored]))
        run(["ingest", str(head), "--db", f"sqlite:///{folder}/resume.db"])
        resumed = ingest("SQLite, resumed (97 % stored)", f"sqlite:///{folder}/resume.db")
        print(f"{options.docs:,} documents of ~2 KB\n")
        print("| run | docs/s | seconds | peak RSS of a process (MB) |")
        print("|---|---|---|---|")
        for name, rate, seconds, peak in rows:
            print(f"| {name} | {rate:,.1f} | {seconds:,.1f} | {peak:,.0f} |")
        print(f"\nresumed run: {resumed / full:.1%} of the full one-worker run\n")
        print(f"| stage ({options.stages} documents, one process) | seconds | share |")
        print("|---|---|---|")
        table = stage_table(corpus, options.stages)
        for stage, seconds in table:
            print(f"| {stage} | {seconds:.2f} | {seconds / table[0][1]:.0%} |")


if __name__ == "__main__":
    main()
