"""Schemathesis sends every operation of the OpenAPI description valid and invalid requests,
the token included, against an app over a small SQLite store: none may answer with a 5xx."""

import tempfile

import hypothesis
import schemathesis
from schemathesis.checks import not_a_server_error
from stored import TOKEN, coded_batch

from lagebild.api import create_app
from lagebild.ingest import add_documents
from lagebild.store import Store

# Made on import, as schemathesis reads the schema when it collects the tests (its fixture
# loader needs a pytest older than this one).
FOLDER = tempfile.TemporaryDirectory(prefix="lagebild-fuzz-")
store = Store(f"{FOLDER.name}/fuzz.db")
add_documents(store, coded_batch())
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(store, token=TOKEN))


def teardown_module():
    store.close()
    FOLDER.cleanup()


@schema.parametrize()
@hypothesis.settings(max_examples=40, derandomize=True, database=None, deadline=None)
def test_no_request_is_a_server_error(case):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {TOKEN}"}, checks=[not_a_server_error]
    )
