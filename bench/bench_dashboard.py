"""The dashboard with 100,000 events, in headless Chromium (Debian's, driven by Playwright).

    .venv/bin/python bench/bench_dashboard.py [--events 100000] [--db PATH] [--chromium PATH]

Builds a SQLite store of N synthetic events (bench_store's generator: 200 hotspots over three
years) unless PATH holds one, serves the app on localhost and measures:
- first render: from navigation to the page's own mark that the map (countries and every
  event's cluster or marker), the timeline, the counts and the first page of the list are
  drawn, over 5 fresh page loads;
- filter change: from changing a filter (event type, country, minimum fatalities, a date
  range, clearing it) to the same mark, over 30 changes.
Prints a table (ms: p50 / p95).
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from bench_store import COUNTRIES, synthetic_store

from lagebild.api import create_app
from lagebild.api.server import BackgroundServer

FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]  # fmt: skip
CHANGES = [  # (form field, value)
    ("event_type", "Battles"), ("event_type", "Protests"), ("event_type", ""),
    ("country", COUNTRIES[0]), ("min_fatalities", "5"), ("country", ""),
    ("date_from", "2023-01-01"), ("date_to", "2023-03-31"), ("date_from", ""), ("date_to", ""),
    ("min_fatalities", ""), ("event_type", "Riots"), ("event_type", ""), ("country", COUNTRIES[3]),
    ("country", ""),
]  # fmt: skip
CHANGE = """async ([name, value]) => {
    const before = Number(document.body.dataset.renders);
    const field = document.querySelector(`[name=${name}]`);
    const start = performance.now();
    field.value = value;
    field.dispatchEvent(new Event("change", { bubbles: true }));
    await new Promise((done) => {
        const watch = new MutationObserver(() => {
            if (Number(document.body.dataset.renders) > before) { watch.disconnect(); done(); }
        });
        watch.observe(document.body, { attributes: true });
    });
    return performance.getEntriesByName(`lagebild-render-${before + 1}`)[0].startTime - start;
}"""


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return f"{statistics.median(ordered):.0f} / {p95:.0f}"


def measure(url: str, chromium: str) -> tuple[list[float], list[float]]:
    from playwright.sync_api import sync_playwright

    first, changes = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=FLAGS)
        for _ in range(5):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url)
            page.wait_for_selector('body[data-renders="1"]', timeout=60_000)
            mark = page.evaluate("() => performance.getEntriesByName('lagebild-render-1')[0]")
            first.append(mark["startTime"])
            page.close()
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(url)
        page.wait_for_selector('body[data-renders="1"]', timeout=60_000)
        for change in CHANGES * 2:
            changes.append(page.evaluate(CHANGE, list(change)))
        browser.close()
    return first, changes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/lagebild-bench-dashboard.db"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    store = synthetic_store(args.db, args.events)
    with BackgroundServer(create_app(store)) as url:
        first, changes = measure(f"{url}/", args.chromium)
    print(f"| {'measure (ms: p50 / p95)':40} | {'value':>11} | {'target':>8} |")
    print(f"|{'-' * 42}|{'-' * 13}|{'-' * 10}|")
    for name, samples, target in [
        (f"first render, {args.events:,} events", first, "< 2000"),
        ("filter change", changes, "< 300"),
    ]:
        print(f"| {name:40} | {percentiles(samples):>11} | {target:>8} |")


if __name__ == "__main__":
    main()
