"""The README's examples hold: its example event is what `extract` codes, its API calls are
answered, its commands exist."""

import json
import os
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from lagebild.api import create_app
from lagebild.cli import app
from lagebild.ingest import add_documents
from lagebild.pipeline import process
from lagebild.read import read_paths
from lagebild.store import Store

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLE_INPUT = "data/corpus/hasakah-prison-2022-01.txt"  # as the example names it: ids hold it
CALLS = re.findall(r"curl (?:-OJ )?'http://127\.0\.0\.1:8000(/[^']+)'", README)


def example_event() -> dict:
    assert f"lagebild extract {EXAMPLE_INPUT}" in README
    block = README.split("## Example", 1)[1]
    return json.loads(re.search(r"```json\n(.*?)\n```", block, re.S).group(1))


@pytest.fixture(scope="module")
def coded():
    """The example's input read as the README reads it, from the repository's root."""
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        (document,) = read_paths([Path(EXAMPLE_INPUT)])
    finally:
        os.chdir(here)
    return process(document)


def test_the_example_event_is_coded_as_shown(coded):
    shown = example_event()
    (event,) = [e for e in coded.events if e.event_id == shown["event_id"]]
    record = json.loads(event.model_dump_json())
    shown_evidence = shown.pop("evidence")
    assert {k: record[k] for k in shown} == shown
    assert [
        {k: span[k] for k in shown_evidence[0]} for span in record["evidence"]
    ] == shown_evidence


@pytest.fixture(scope="module")
def client(tmp_path_factory, coded):
    store = Store(str(tmp_path_factory.mktemp("readme") / "readme.db"))
    add_documents(store, [(coded.document, coded.events)])
    with TestClient(create_app(store)) as test_client:
        yield test_client
    store.close()


@pytest.mark.parametrize("call", CALLS)
def test_the_api_calls_shown_are_answered(client, call):
    response = client.get(call)
    assert response.status_code == 200, response.text


def test_the_commands_listed_exist():
    listed = set(re.findall(r"^\| `lagebild (\w+)", README, re.M))
    assert {"ingest", "extract", "export", "serve"} <= listed
    for command in listed:
        assert CliRunner().invoke(app, [command, "--help"]).exit_code == 0, command
