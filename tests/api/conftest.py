"""The API over the events of `stored`: `api` on SQLite and PostgreSQL for a test of its
own, `client` on one SQLite store that a module's read-only tests share."""

import pytest
from fastapi.testclient import TestClient
from stored import PAGE_SIZE, TOKEN, coded_batch, names_by_id

from lagebild.api import create_app
from lagebild.ingest import add_documents
from lagebild.store import Store


@pytest.fixture(scope="session")
def named():
    """The names of events in an API response, in its order."""
    names = names_by_id()
    return lambda events: [names[e["event_id"]] for e in events]


@pytest.fixture
def api(open_store):
    """A client of an app over a fresh store of the batch, on SQLite and PostgreSQL."""
    store = open_store()
    add_documents(store, coded_batch())
    with TestClient(create_app(store, page_size=PAGE_SIZE, token=TOKEN)) as client:
        yield client


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """One SQLite store of the batch for a module's tests that only read."""
    store = Store(str(tmp_path_factory.mktemp("api") / "api.db"))
    add_documents(store, coded_batch())
    with TestClient(create_app(store, page_size=PAGE_SIZE, token=TOKEN)) as test_client:
        yield test_client
    store.close()
