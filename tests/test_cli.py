"""The `lagebild` command: extract, ingest, export, eval, schema — outputs and exit codes."""

import csv
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.export import LEGACY_COLUMNS
from lagebild.store import Store

ROOT = Path(__file__).parents[1]
FIRST = ROOT / "data" / "corpus" / "hasakah-prison-2022-01.txt"
SCHEMA = json.loads((ROOT / "lagebild" / "event.schema.json").read_text())
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def predictions(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "pred.jsonl"
    result = run("extract", FIRST, "--out", out)
    assert result.exit_code == 0, result.output
    return out


def test_extract_writes_schema_valid_events_with_exact_evidence(predictions):
    text = FIRST.read_text(encoding="utf-8")
    lines = predictions.read_text().splitlines()
    assert lines
    for line in lines:
        event = json.loads(line)
        jsonschema.validate(event, SCHEMA)
        for item in event["evidence"]:
            assert text[item["start"] : item["end"]] == item["text"]


def test_extract_to_stdout_goes_on_after_an_unreadable_file(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01binary")
    result = run("extract", broken, FIRST)
    assert result.exit_code == 1
    assert "broken.txt" in result.output and "binary" in result.output
    assert '"event_id"' in result.output


def test_ingest_twice_changes_nothing(tmp_path):
    db = tmp_path / "t.db"
    first = run("ingest", FIRST, "--db", db)
    assert first.exit_code == 0, first.output
    assert "1 new" in first.output
    second = run("ingest", FIRST, "--db", db)
    assert second.exit_code == 0
    assert "0 new, 1 already stored" in second.output


def test_export_acled_csv_has_a_row_per_stored_event(tmp_path):
    db, out = tmp_path / "t.db", tmp_path / "events.csv"
    run("ingest", FIRST, "--db", db)
    result = run("export", "--format", "acled", "--columns", "legacy", "--db", db, "--out", out)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.read_text().splitlines()))
    assert rows and f"{len(rows)} events written" in result.output
    assert len({row["event_id_cnty"] for row in rows}) == Store(str(db)).count_events()
    assert list(rows[0]) == list(LEGACY_COLUMNS)


def test_eval_gold_prints_a_table_and_json(predictions):
    gold = ROOT / "data" / "gold" / "seed.jsonl"
    table = run("eval", "--gold", gold, "--pred", predictions)
    assert table.exit_code == 0, table.output
    assert "precision" in table.output and "fatalities_exact" in table.output
    scores = json.loads(run("eval", "--gold", gold, "--pred", predictions, "--json").output)
    assert scores["events"]["gold"] == 4
    assert 0 <= scores["events"]["f1"] <= 1


def test_eval_acled_scores_one_half_of_a_file(tmp_path):
    lines = (ROOT / "data" / "acled" / "acled-2020-05-dev.csv").read_text().splitlines()
    sample = tmp_path / "sample.csv"
    sample.write_text("\n".join(lines[:41]) + "\n")
    result = run("eval", "--acled", sample, "--part", "heldout", "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["part"] == "heldout"
    assert 5 < scores["documents"]["documents"] < 35


@pytest.mark.parametrize(
    "args, message",
    [
        (["eval"], "either --gold"),
        (["eval", "--gold", "g.jsonl"], "--gold needs --pred"),
        (["eval", "--gold", "missing.jsonl", "--pred", "missing.jsonl"], "missing.jsonl"),
    ],
)
def test_eval_usage_errors_exit_2(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output


def test_every_command_has_help():
    for command in ("ingest", "extract", "export", "serve", "eval", "schema"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Usage" in result.output


def test_schema_command_prints_the_shipped_schema():
    assert json.loads(run("schema").output) == SCHEMA
