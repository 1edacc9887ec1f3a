"""Geoparser speed and memory on one core.

    .venv/bin/python bench/bench_geo.py

Measures, with the gazetteer already compiled into its on-disk cache:
- index load: a fresh Python process unpickling the cached gazetteer (best and median of 5);
- resident memory of that process before and after loading it;
- toponym resolution: the ACLED dev notes (~300 bytes each) tokenized, their place names
  found, the article's country voted, regions in other spellings found and every mention
  resolved to a place — documents per second over all notes, five passes.
Prints a table.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from shared import acled_dev

from lagebild import geo
from lagebild.extraction.context import place_cues
from lagebild.geo.gazetteer import bundled_gazetteer, cache_dir, source_key
from lagebild.read import read_paths
from lagebild.text import tokenize

ROOT = Path(__file__).parents[1]
PASSES = 5

LOAD = """
import json, re, sys, time
from lagebild.geo.gazetteer import load_gazetteer
def rss_mb():
    status = open("/proc/self/status").read()
    return int(re.search(r"VmRSS:\\s+(\\d+)", status).group(1)) / 1024
before = rss_mb()
start = time.perf_counter()
gazetteer = load_gazetteer(sys.argv[1])
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "before_mb": before, "after_mb": rss_mb()}))
"""


def load_runs(path: Path) -> list[dict]:
    runs = []
    for _ in range(PASSES):
        output = subprocess.run(
            [sys.executable, "-c", LOAD, str(path)], capture_output=True, text=True, check=True
        ).stdout
        runs.append(json.loads(output))
    return runs


def resolve(text: str, gazetteer: geo.Gazetteer, cues: geo.Cues) -> list:
    tokens = tokenize(text)
    mentions = geo.find_places(tokens, gazetteer, cues)
    country = geo.document_country(mentions)
    if country:
        mentions += geo.find_regions(tokens, gazetteer, country, cues, set(), mentions)
    regions = geo.named_regions(mentions, country)
    return [geo.best_place(m, country, regions) for m in mentions]


def resolution_rate(texts: list[str]) -> float:
    gazetteer, cues = geo.default_gazetteer(), place_cues("en")
    start = time.perf_counter()
    for _ in range(PASSES):
        for text in texts:
            resolve(text, gazetteer, cues)
    return PASSES * len(texts) / (time.perf_counter() - start)


def main() -> None:
    bundled_gazetteer()  # compile the cache if it is missing
    path = cache_dir() / f"gazetteer-{source_key()}.pickle"
    runs = load_runs(path)
    texts = [d.text for d in read_paths([acled_dev()])]
    rate = resolution_rate(texts)
    seconds = [r["seconds"] for r in runs]
    rows = [
        ("index load, best (s)", f"{min(seconds):.2f}", "< 2"),
        ("index load, median (s)", f"{statistics.median(seconds):.2f}", "< 2"),
        ("process RSS before load (MB)", f"{runs[0]['before_mb']:.0f}", ""),
        ("process RSS after load (MB)", f"{max(r['after_mb'] for r in runs):.0f}", ""),
        ("gazetteer RSS (MB)", f"{max(r['after_mb'] - r['before_mb'] for r in runs):.0f}", "< 600"),
        ("gazetteer places", f"{len(geo.default_gazetteer().places)}", ""),
        ("toponym resolution (docs/s)", f"{rate:.0f}", ">= 2000"),
    ]
    print(f"| {'measure':30} | {'value':>9} | {'target':>8} |")
    print(f"|{'-' * 32}|{'-' * 11}|{'-' * 10}|")
    for name, value, target in rows:
        print(f"| {name:30} | {value:>9} | {target:>8} |")


if __name__ == "__main__":
    main()
