"""The `lagebild` command: extract, ingest, export, eval, schema — outputs and exit codes."""

import csv
import json
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.export import LEGACY_COLUMNS
from lagebild.store import Store, documents

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


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    db = tmp_path_factory.mktemp("export") / "t.db"
    assert run("ingest", FIRST, "--db", db).exit_code == 0
    return db


def exported(db, *filters) -> list[dict]:
    result = run("export", "--db", db, *filters)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(result.stdout.splitlines()))


@pytest.mark.parametrize(
    "filters, keep",
    [
        (["--country", "syria"], lambda row: row["country"] == "Syria"),
        (["--event-type", "BATTLES"], lambda row: row["event_type"] == "Battles"),
        (["--min-fatalities", "1"], lambda row: int(row["fatalities"]) >= 1),
        (["--date-to", "2022-01-21"], lambda row: row["event_date"] <= "2022-01-21"),
        (["--bbox", "40,36,41,37"], lambda row: 40 <= float(row["longitude"] or 0) <= 41),
    ],
)
def test_export_keeps_the_events_its_filters_select(ingested, filters, keep):
    every = exported(ingested)
    assert every and exported(ingested, *filters) == [row for row in every if keep(row)]


def test_export_names_a_filter_it_cannot_read(ingested):
    result = run("export", "--db", ingested, "--date-from", "yesterday")
    assert result.exit_code == 2 and "--date-from" in result.output


def test_eval_gold_prints_a_table_and_json(predictions):
    gold = ROOT / "data" / "gold" / "seed.jsonl"
    table = run("eval", "--gold", gold, "--pred", predictions)
    assert table.exit_code == 0, table.output
    assert "precision" in table.output and "fatalities_exact" in table.output
    scores = json.loads(run("eval", "--gold", gold, "--pred", predictions, "--json").output)
    assert scores["events"]["gold"] == 4
    assert 0 <= scores["events"]["f1"] <= 1


def test_eval_acled_scores_one_half_of_a_file(tmp_path, acled_dev):
    lines = acled_dev.read_text().splitlines()
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


COMMANDS = ["ingest", "extract", "export", "serve", "eval", "schema", "gazetteer import"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_naming_values_not_python_types(command):
    """Placeholders say what to give (FILE|URL, N), never a type such as <str>."""
    result = run(*command.split(), "--help")
    assert result.exit_code == 0 and "Usage" in result.output
    assert not re.search(r"<(str|bool|int|list)\b|\{[a-z_]+\}", result.output)


def test_version_is_printed():
    from lagebild import __version__

    result = run("--version")
    assert result.exit_code == 0 and result.output == f"lagebild {__version__}\n"


def test_schema_command_prints_the_shipped_schema():
    assert json.loads(run("schema").output) == SCHEMA


GOOD = {
    "good-de.txt": "date 2022-01-24\n\nAm Sonntag griff der Islamische Staat das Gefängnis in "
    "al-Hasaka an. Mindestens zwei Wärter starben.",
    "good-en.txt": "date 2020-05-11\n\nOn 9 May 2020, Al Shabaab militants attacked soldiers in "
    "Kismayo, killing two soldiers.",
    "utf16.txt": ("date 2022-01-24\n\nIn Kabul griffen Taliban einen Kontrollposten an; drei "
    "Polizisten wurden getötet.").encode("utf-16"),
    "latin1.txt": "date 2022-01-24\n\nKämpfer griffen das Gefängnis in al-Hasaka an; zwei Wärter "
    "starben.".encode("latin-1"),
    "absurd.txt": "date 2022-01-24\n\nBei einem Angriff in al-Hasaka gab es\n99999999999999999999 "
    "Tote.",
    "beyond-int32.txt": "date 2022-01-24\n\nIn Idlib starben 3000000000 Menschen.",
    "undated.html": "<html><head><title>Lagos</title></head><body><article><p>Police fired tear "
    "gas at protesters in Lagos on Monday, witnesses said. Several people were hurt when "
    "officers dispersed the crowd near the governor's office.</p></article></body></html>",
    "deep.html": "<html><head><title>Tief</title></head><body>" + "<div>" * 3000 + "<p>Am "
    "Sonntag griff der Islamische Staat das Gefängnis in al-Hasaka an. Mindestens zwei Wärter "
    "starben, teilte die Polizei mit.</p>" * 2 + "</div>" * 3000 + "</body></html>",
    "a.jsonl": '{"id": "1", "text": "Am 3. Mai 2022 griffen Milizen Soldaten in Kismayo an."}\n',
    "rows.csv": "id,text\nc1,Erster Bericht über Kämpfe in Idlib.\nc2," + "x" * 1_000_001 + "\n"
    "c3,Police fired tear gas at protesters in Lagos.\n",
}  # fmt: skip
BAD = {  # what each refused input is reported as
    "b.jsonl": ('{"id": "1", "text": "Ein anderer Text über Berlin."}\n', "b.jsonl:1: id '1'"),
    "binary.txt": (b"%PDF\x00\x01\x02", "binary.txt: binary file"),
    "empty.txt": ("", "empty.txt: empty file"),
    "huge.txt": ("Kämpfer griffen an. " * 60_000, "huge.txt: the text has 1,200,000 characters"),
    "only-header.txt": ("date 2022-01-24\ntitle Eilmeldung\n\n", "only-header.txt:4: a header"),
}
STORED = {"good-de.txt", "good-en.txt", "utf16.txt", "latin1.txt", "absurd.txt",
          "beyond-int32.txt", "undated.html", "deep.html", "1", "c1", "c3"}  # fmt: skip


def test_a_folder_of_hostile_inputs_stores_every_good_document(tmp_path, database_url):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, content in {**GOOD, **{n: c for n, (c, _) in BAD.items()}}.items():
        write = (
            (folder / name).write_bytes
            if isinstance(content, bytes)
            else (folder / name).write_text
        )
        write(content)
    result = run("ingest", folder, "--db", database_url)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for name, (_, reported) in BAD.items():
        assert f"skipped {folder / reported}" in result.output, name
    assert f"skipped {folder / 'rows.csv'}:3: broken CSV row (a cell is longer" in result.output
    assert f"warning {folder / 'absurd.txt'}:4: 99,999,999,999,999,999,999 dead" in result.output
    assert "no date given: 1 event(s) dated to" in result.output
    store = Store(database_url)
    stored_ids = {d.id.removeprefix(f"{folder}/") for d in map(store.document, ids(store))}
    assert stored_ids == STORED
    assert {e.fatalities for e in store.document_events(str(folder / "absurd.txt"))} == {0}
    store.close()


def ids(store: Store) -> list[str]:

    with store.engine.connect() as connection:
        return list(
            connection.execute(documents.select().with_only_columns(documents.c.doc_id)).scalars()
        )


@pytest.mark.parametrize(
    "env, message",
    [
        ({"LAGEBILD_MIN_CONFIDENCE": "abc"}, "LAGEBILD_MIN_CONFIDENCE='abc' is not a number"),
        ({"LAGEBILD_PAGE_SIZE": "0"}, "LAGEBILD_PAGE_SIZE='0' is not between 1 and 1,000"),
    ],
)
def test_a_bad_setting_stops_a_command_once_naming_it(tmp_path, env, message):
    result = runner.invoke(app, ["ingest", str(FIRST), "--db", str(tmp_path / "t.db")], env=env)
    assert result.exit_code == 2
    assert result.output.count("error:") == 1 and message in result.output


@pytest.mark.parametrize("command", [["export"], ["serve"]])
def test_reading_commands_refuse_a_database_file_that_is_not_there(tmp_path, command):
    result = run(*command, "--db", tmp_path / "typo.db")
    assert result.exit_code == 1
    assert "no database file" in result.output and not (tmp_path / "typo.db").exists()


def test_serve_refuses_a_port_out_of_range():
    result = run("serve", "--port", "99999")
    assert result.exit_code == 2 and "65535" in result.output


def test_an_error_naming_a_long_path_stays_on_one_line(tmp_path):
    path = tmp_path / ("a-folder-with-a-long-name-" * 4) / "events.db"
    result = run("export", "--db", path)
    assert result.exit_code == 1
    (line,) = [line for line in result.output.splitlines() if "error" in line]
    assert str(path) in line
