"""Shared builders: valid documents and events made by hand, so tests never run the extractor;
and a fresh database for each test on SQLite and on a PostgreSQL server."""

import datetime as dt
import json
import os
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from lagebild.ingest import add_documents
from lagebild.models import Document, Event, Evidence, Source
from lagebild.store import Store

# ACLED's terms do not allow redistributing its rows: tests that need them read the project's
# shared folder (LAGEBILD_SHARED, default ../shared beside the repository) and skip without it.
SHARED = Path(os.environ.get("LAGEBILD_SHARED", Path(__file__).resolve().parents[2] / "shared"))
ACLED_DEV = SHARED / "data" / "acled" / "acled-2020-05-dev.csv"

POSTGRES = os.environ.get(
    "LAGEBILD_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def build_event(doc_id: str = "de/a.txt", **overrides) -> Event:
    """A valid Violence-against-civilians event in Al-Hasakah with one source `doc_id`."""
    fields = dict(
        event_date=dt.date(2022, 1, 23),
        time_precision=1,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Islamic State",
        inter1=2,
        actor2="Civilians (Syria)",
        inter2=7,
        country="Syria",
        iso3="SYR",
        admin1="Al-Hasakah",
        location="Al-Hasakah",
        latitude=36.50237,
        longitude=40.74772,
        geo_precision=1,
        fatalities=2,
        sources=[Source(doc_id=doc_id)],
        confidence=0.8,
        notes="On 23 January 2022, Islamic State militants killed 2 civilians in Al-Hasakah.",
    )
    return Event(**{**fields, **overrides})


def build_document(doc_id: str, text: str, **overrides) -> Document:
    return Document(id=doc_id, text=text, published="2022-01-24", language="de", **overrides)


def evidence_for(document: Document, field: str, words: str) -> Evidence:
    """Evidence for `words`, located where they first occur in the document's text."""
    start = document.text.index(words)
    return Evidence(
        doc_id=document.id, field=field, text=words, start=start, end=start + len(words)
    )


PRISON = (
    "Hasaka, 24. Januar 2022. Am Sonntag griff der Islamische Staat das Gefängnis in al-Hasaka an. "
    "Mindestens zwei Wärter starben."
)
PROTEST = "Berlin, 20. Januar 2022. Rund 300 Menschen demonstrierten friedlich vor dem Reichstag."
DRONE = "Erbil, 25. Januar 2022. Eine Drohne traf einen Stützpunkt bei Erbil."


@pytest.fixture
def batch(make_document, make_event, make_evidence):
    """Three documents, one event each, every event with evidence spans into its document."""
    prison = make_document("de/prison.txt", PRISON, title="Angriff auf Gefängnis")
    protest = make_document("de/protest.txt", PROTEST, url="https://example.org/protest")
    drone = make_document("de/drone.txt", DRONE)
    return [
        (prison, [make_event(
            sources=[Source.of(prison)],
            evidence=[make_evidence(prison, "actor1", "Islamische Staat"),
                      make_evidence(prison, "fatalities", "Mindestens zwei")],
        )]),
        (protest, [make_event(
            event_date=dt.date(2022, 1, 20), event_type="Protests",
            sub_event_type="Peaceful protest", actor1="Protesters (Germany)", inter1=6,
            actor2=None, inter2=None, country="Germany", iso3="DEU", location="Berlin",
            latitude=52.5244, longitude=13.4105, fatalities=0, sources=[Source.of(protest)],
            evidence=[make_evidence(protest, "event_type", "demonstrierten")],
        )]),
        (drone, [make_event(
            event_date=dt.date(2022, 1, 25), event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike", actor1="Unidentified Armed Group (Iraq)", inter1=3,
            actor2=None, inter2=None, country="Iraq", iso3="IRQ", location="Erbil",
            latitude=36.1901, longitude=44.0091, fatalities=0, sources=[Source.of(drone)],
            evidence=[make_evidence(drone, "sub_event_type", "Drohne")],
        )]),
    ]  # fmt: skip


def stored(store: Store, batch) -> int:
    """Store coded documents as `lagebild ingest` does; how many were new."""
    return len(add_documents(store, batch).stored)


@pytest.fixture(scope="session")
def acled_dev() -> Path:
    """ACLED's development notes, read where the project keeps them, never shipped."""
    if not ACLED_DEV.is_file():
        pytest.skip(f"ACLED's rows are not shipped: {ACLED_DEV} is not there (LAGEBILD_SHARED)")
    return ACLED_DEV


@pytest.fixture(scope="session")
def geonames_nl() -> Path:
    """GeoNames' full dump of the Netherlands, a real file for `gazetteer import`."""
    path = SHARED / "data" / "geonames" / "NL.txt"
    if not path.is_file():
        pytest.skip(f"{path} is not there (LAGEBILD_SHARED)")
    return path


@pytest.fixture
def make_event():
    return build_event


@pytest.fixture
def make_document():
    return build_document


@pytest.fixture
def make_evidence():
    return evidence_for


def modules_loaded_by(module: str, roots: tuple[str, ...], prefixes: tuple[str, ...]) -> list:
    """The modules of these packages (`roots`) or under these names (`prefixes`) that
    importing `module` loads, in a fresh interpreter."""
    import subprocess
    import sys

    code = (
        f"import json, sys, {module}; print(json.dumps(sorted(m for m in sys.modules "
        f"if m.split('.')[0] in {roots!r} or m.startswith({prefixes!r}))))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(found.stdout)


@pytest.fixture(scope="session")
def postgres_server():
    """The server that holds each test's database: missing, its tests skip, but fail on CI."""
    server = sa.create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    try:
        server.connect().close()
    except sa.exc.OperationalError as error:
        reason = f"no PostgreSQL server at {server.url} (set LAGEBILD_TEST_POSTGRES): {error.orig}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    yield server
    server.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """The URL of an empty database of its own: a file, or a database made on the server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'lagebild.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = f"lagebild_test_{uuid.uuid4().hex}"
    with server.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    yield server.url.set(database=name).render_as_string(hide_password=False)
    with server.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def store(open_store):
    return open_store()


@pytest.fixture
def open_store(database_url):
    """Open Stores on the test's database (again and again if need be), closed after the test."""
    stores = []

    def open_() -> Store:
        stores.append(Store(database_url))
        return stores[-1]

    yield open_
    for store in stores:
        store.close()
