"""Take the README's dashboard screenshots (docs/dashboard-*.png) from the demo data.

    .venv/bin/python scripts/dashboard_screenshots.py [--db lagebild.db]

The database is what `make demo` ingests (made here when missing); Chromium is Debian's.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from lagebild.api import create_app
from lagebild.api.server import BackgroundServer
from lagebild.ingest import ingest
from lagebild.read import read_paths
from lagebild.store import Store

ROOT = Path(__file__).parents[1]
DEMO = [ROOT / "data" / "corpus", ROOT / "data" / "ucdp"]
DOCS = ROOT / "docs"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
VIEW = "?country=Syria&date_from=2019-06-01&date_to=2019-08-31&lang=en"  # zoomed in, with labels
PRISON = "hasakah-prison-2022-01.txt"


def demo_store(path: Path) -> Store:
    store = Store(str(path))
    if store.count_documents() == 0:
        for _ in ingest(store, read_paths(DEMO), batch_size=500):
            pass
    return store


def shoot(url: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=FLAGS
        )
        page = browser.new_page(viewport={"width": 1500, "height": 950})
        page.goto(f"{url}/{VIEW}")
        page.wait_for_selector('body[data-renders="1"]')
        page.wait_for_selector(".lb-place span")
        page.wait_for_timeout(1000)  # the region borders of the countries in view
        page.screenshot(path=DOCS / "dashboard-map.png")
        page.locator("footer").screenshot(path=DOCS / "dashboard-timeline.png")
        prison = page.evaluate(
            "async (doc) => (await (await fetch('/events?text=Gefängnis&sort=-fatalities')).json())"
            ".events.find((e) => e.sources.some((s) => s.doc_id.endsWith(doc))).event_id",
            PRISON,
        )
        page.set_viewport_size({"width": 1500, "height": 1700})
        page.goto(f"{url}/?event={prison}&lang=de")
        page.wait_for_selector("#event article")
        page.wait_for_timeout(800)
        box = page.locator("#event").bounding_box()  # its top: the fields and the first source
        clip = {**box, "height": min(box["height"], 1300)}
        page.screenshot(path=DOCS / "dashboard-event.png", clip=clip)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "lagebild.db")
    args = parser.parse_args()
    DOCS.mkdir(exist_ok=True)
    with BackgroundServer(create_app(demo_store(args.db))) as url:
        shoot(url)
    print("wrote", ", ".join(str(p.relative_to(ROOT)) for p in sorted(DOCS.glob("*.png"))))


if __name__ == "__main__":
    main()
