"""The dashboard in a real browser: Debian's Chromium driven by Playwright, against the app
served over the bundled sample corpus and one document full of markup. Without Chromium
these tests skip, except on CI, whose `.ci/run` installs it."""

import os
import shutil
from pathlib import Path

import pytest

from lagebild.api import create_app
from lagebild.api.server import BackgroundServer
from lagebild.ingest import ingest
from lagebild.read import document_from_text, read_paths
from lagebild.store import Store

CHROMIUM = os.environ.get("LAGEBILD_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]  # fmt: skip
CORPUS = Path(__file__).parents[2] / "data" / "corpus"
HOSTILE = (
    "date 2022-03-03\n"
    "title Angriff <b onmouseover=\"window.__ran = 'title'\">bei Kirkuk</b>\n\n"
    "Am Donnerstag 🔥 griff der Islamische Staat ein Dorf bei Kirkuk an "
    "<img src=x onerror=\"window.__ran = 'img'\"> und tötete fünf Menschen. "
    "<script>window.__ran = 'script'</script> Die Polizei bestätigte den Angriff."
)


@pytest.fixture(scope="session")
def store(tmp_path_factory):
    """The sample corpus and the hostile document, coded and stored."""
    store = Store(str(tmp_path_factory.mktemp("dashboard") / "dashboard.db"))
    documents = [*read_paths([CORPUS]), document_from_text("de/hostile.txt", HOSTILE)]
    for _ in ingest(store, documents):
        pass
    yield store
    store.close()


@pytest.fixture(scope="session")
def server(store):
    with BackgroundServer(create_app(store)) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records what it asked for and any script error."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.base = server
    yield page
    context.close()


def spread_batch() -> list:
    """Sixty events over the first quarter of 2022, two in 2008 and one by an actor no other
    event has: a timeline's outliers and a single day of data."""
    import datetime as dt

    from conftest import build_event

    from lagebild.models import Document, Source

    days = [dt.date(2022, 1, 1) + dt.timedelta(days=i) for i in range(60)]
    days += [dt.date(2008, 5, 1), dt.date(2008, 6, 1)]
    batch = []
    for i, day in enumerate(days):
        document = Document(
            id=f"de/spread-{i}.txt", text=f"Bericht {i}.", published=day.isoformat()
        )
        event = build_event(
            event_date=day,
            location=f"Ort {i}",
            latitude=20 + (i % 10) * 2.5,
            longitude=10 + (i // 10) * 4,
            actor1="Lone Actor" if i == 30 else "Islamic State",
            sources=[Source.of(document)],
        )
        batch.append((document, [event]))
    return batch


@pytest.fixture(scope="session")
def spread_server(tmp_path_factory):
    from lagebild.ingest import add_documents

    store = Store(str(tmp_path_factory.mktemp("spread") / "spread.db"))
    add_documents(store, spread_batch())
    assert store.count_events() == 62
    with BackgroundServer(create_app(store)) as url:
        yield url
    store.close()
