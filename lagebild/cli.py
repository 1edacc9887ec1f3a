"""The `lagebild` command: parses options and calls the library, nothing more.

Exit codes: 0 success; 1 some inputs could not be read (the rest was processed) or an
operation failed; 2 bad usage or configuration.
"""

from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .errors import ConfigError, LagebildError, ReadError
from .export import WRITERS
from .models import Notice, event_json_schema
from .pipeline import process, processed
from .read import read_paths
from .settings import SETTINGS, check_settings, setting

app = typer.Typer(
    help="Turn German and English news into ACLED-style conflict events with evidence.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",  # a docstring's lines are joined, as its paragraphs read
)
err = Console(stderr=True, soft_wrap=True)  # a path or URL is never split across lines


def setting_option(name: str, *flags: str, metavar: str) -> typer.models.OptionInfo:
    """An option whose default, help and environment variable come from `settings`."""
    setting_ = SETTINGS[name]
    return typer.Option(*flags, envvar=setting_.env, help=setting_.help, metavar=metavar)


DatabaseOption = Annotated[str, setting_option("database_url", "--db", metavar="FILE|URL")]
HostOption = Annotated[str, setting_option("host", "--host", metavar="ADDRESS")]
PortOption = Annotated[
    int | None,
    typer.Option("--port", min=1, max=65535, metavar="PORT", help=SETTINGS["port"].help),
]
PathsArgument = Annotated[
    list[Path], typer.Argument(metavar="PATH...", help="Files or folders of news to read.")
]
OutOption = Annotated[
    Path | None, typer.Option("--out", "-o", metavar="FILE", help="Write here, not stdout.")
]
DEFAULT_DB = SETTINGS["database_url"].default


class ExportFormat(StrEnum):
    acled = "acled"
    geojson = "geojson"
    jsonl = "jsonl"


class Columns(StrEnum):
    current = "current"
    legacy = "legacy"


class Part(StrEnum):
    all = "all"
    tune = "tune"
    heldout = "heldout"


@contextmanager
def reported_errors():
    """Turn lagebild's errors into a one-line message and the error's exit code."""
    try:
        yield
    except LagebildError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False, soft_wrap=True)
        raise typer.Exit(error.exit_code) from None


def print_version(wanted: bool) -> None:
    if wanted:
        from . import __version__

        print(f"lagebild {__version__}")
        raise typer.Exit()


@app.callback()
def settings_first(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Turn German and English news into ACLED-style conflict events with evidence."""
    with reported_errors():
        check_settings()


def progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
        disable=not err.is_terminal,
    )


def report(error: ReadError) -> None:
    err.print(f"[yellow]skipped[/yellow] {escape(str(error))}", highlight=False, soft_wrap=True)


def warn(notice: Notice) -> None:
    err.print(f"[yellow]warning[/yellow] {escape(str(notice))}", highlight=False, soft_wrap=True)


@contextmanager
def output(path: Path | None):
    if path is None:
        yield sys.stdout
    else:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            yield handle


@app.command()
def ingest(
    paths: PathsArgument,
    db: DatabaseOption = DEFAULT_DB,
    batch_size: Annotated[
        int, typer.Option(min=1, max=10_000, metavar="N", help="Documents per transaction.")
    ] = 100,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=256,
            metavar="N",
            help="Processes that code documents (default: the machine's cores).",
        ),
    ] = os.cpu_count() or 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            metavar="tcp://HOST:8786",
            help="Code on this running Dask cluster instead (its workers need lagebild).",
        ),
    ] = None,
) -> None:
    """Read documents, code their events and store both (already stored documents are skipped
    before they are coded)."""
    from .ingest import complete_details
    from .ingest import ingest as ingest_documents
    from .store import Store

    with reported_errors(), Store(db) as store, coder(workers, scheduler) as coding:
        complete_details(store)
        store.complete_records()
        read = new = known = failed = 0
        with progress() as bar:
            task = bar.add_task("ingesting", total=None)
            for batch in ingest_documents(store, read_paths(paths), batch_size, coding):
                for error in [*batch.errors, *batch.outcome.refused]:
                    report(error)
                for notice in batch.notices:
                    warn(notice)
                read += batch.size - len(batch.errors)
                new += len(batch.outcome.stored)
                known += len(batch.outcome.known)
                failed += len(batch.errors) + len(batch.outcome.refused)
                bar.update(task, advance=batch.size)
        err.print(
            f"{read} documents read, {new} new, {known} already stored; "
            f"{failed} could not be read or stored; "
            f"{store.count_events()} events in {store.engine.url}",
            highlight=False,
        )
    raise typer.Exit(1 if failed else 0)


@contextmanager
def coder(workers: int, scheduler: str | None):
    """Where documents are coded: a Dask cluster, a pool of `workers` processes, or here."""
    from .pipeline import Cluster, InProcess, Pool

    if scheduler:
        try:
            coding = Cluster(scheduler)
        except (OSError, TimeoutError, ValueError) as error:
            raise ConfigError(f"no Dask scheduler answers at {scheduler}: {error}") from None
    else:
        coding = Pool(workers) if workers > 1 else InProcess()
    try:
        yield coding
    finally:
        coding.close()


@app.command()
def extract(
    paths: PathsArgument,
    out: OutOption = None,
) -> None:
    """Code the events of documents and write them as JSON Lines (nothing is stored)."""
    failures = 0
    with reported_errors(), output(out) as handle:
        for item in processed(read_paths(paths)):
            if isinstance(item, ReadError):
                report(item)
                failures += 1
                continue
            for notice in item.notices:
                warn(notice)
            for event in item.events:
                handle.write(event.model_dump_json() + "\n")
    raise typer.Exit(1 if failures else 0)


@app.command()
def export(
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExportFormat.acled,
    columns: Annotated[
        Columns, typer.Option(help="ACLED columns: current or pre-2023.")
    ] = Columns.current,
    out: OutOption = None,
    db: DatabaseOption = DEFAULT_DB,
    date_from: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="First event date (inclusive).")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="Last event date (inclusive).")
    ] = None,
    country: Annotated[str | None, typer.Option(metavar="NAME", help="ACLED country.")] = None,
    admin1: Annotated[str | None, typer.Option(metavar="NAME", help="First-level region.")] = None,
    event_type: Annotated[
        str | None, typer.Option(metavar="TYPE", help="ACLED event type.")
    ] = None,
    sub_event_type: Annotated[
        str | None, typer.Option(metavar="TYPE", help="ACLED sub-event type.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option(metavar="WORDS", help="Part of actor1's or actor2's name.")
    ] = None,
    text: Annotated[
        str | None, typer.Option(metavar="WORDS", help="Words in the notes or a source's text.")
    ] = None,
    min_fatalities: Annotated[
        int | None, typer.Option(metavar="N", min=0, help="At least this many killed.")
    ] = None,
    bbox: Annotated[
        str | None,
        typer.Option(metavar="W,S,E,N", help="Box in degrees; W > E crosses the antimeridian."),
    ] = None,
    located: Annotated[
        bool | None,
        typer.Option(
            "--located/--unlocated",
            help="Only events with coordinates, or only those placed by country or region.",
        ),
    ] = None,
) -> None:
    """Write the stored events as ACLED CSV, GeoJSON or JSON Lines, newest first: all of them,
    or those the filters select (the API's filters; names match in any case and accents)."""
    from .query import EventFilter, event_filter
    from .store import Store

    given = {k: v for k, v in locals().items() if k in EventFilter.model_fields and v is not None}
    with reported_errors(), Store(db, create=False) as store:
        wanted = event_filter(given)
        with output(out) as handle:
            events = store.iter_events(wanted, evidence=format is ExportFormat.jsonl)
            if format is ExportFormat.acled:
                count = WRITERS["acled"](events, handle, columns.value)
            else:
                count = WRITERS[format.value](events, handle)
        err.print(f"{count} events written")


@app.command()
def serve(
    db: DatabaseOption = DEFAULT_DB,
    host: HostOption = SETTINGS["host"].default,
    port: PortOption = None,
    processes: Annotated[
        int | None, typer.Option(min=1, max=64, metavar="N", help=SETTINGS["processes"].help)
    ] = None,
) -> None:
    """Serve the API (and dashboard) over the stored events. Writes (POST /documents) need
    LAGEBILD_TOKEN set; see README for every LAGEBILD_ setting."""
    import gc

    from .api import create_app
    from .api.server import serve as run_server
    from .pipeline import warm_up
    from .store import Store

    with reported_errors():
        port, processes = port or setting("port"), processes or setting("processes")
        threads, token = setting("threads"), setting("token")
        store = Store(db, connections=threads + 1, create=False)
        application = create_app(
            store,
            page_size=setting("page_size"),
            token=token,
            tile_url=setting("tile_url"),
            tile_attribution=setting("tile_attribution"),
            max_body_bytes=setting("max_body_bytes"),
            threads=threads,
        )
    if token:
        err.print("loading the extractor for POST /documents …")
        warm_up()  # before the processes fork, so that they share it
    gc.freeze()
    err.print(
        f"serving {db} in {processes} process(es): dashboard at http://{host}:{port}/, "
        "API docs at /docs",
        highlight=False,
    )
    run_server(
        application, host, port, processes, on_fork=lambda: store.engine.dispose(close=False)
    )


@app.command(name="eval")
def evaluate_command(
    gold: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="Gold events (JSON Lines, gold/seed.jsonl format)."),
    ] = None,
    pred: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="Predicted events (JSON Lines from `extract`)."),
    ] = None,
    acled: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", help="ACLED CSV: its notes are extracted and scored against its rows."
        ),
    ] = None,
    part: Annotated[
        Part, typer.Option(help="With --acled: score all rows, or one stable half.")
    ] = Part.all,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score predictions against gold events, or the extractor against an ACLED file."""
    from . import evaluate

    with reported_errors():
        if (gold is None) == (acled is None):
            raise ConfigError("give either --gold (with --pred) or --acled")
        if gold is not None:
            if pred is None:
                raise ConfigError("--gold needs --pred")
            golds = evaluate.checked(evaluate.read_gold, gold)
            predictions = evaluate.checked(evaluate.read_predictions, pred)
            scores = evaluate.score(predictions, golds)
            scores["findings"] = evaluate.findings(predictions, golds)
        else:
            scores = acled_scores(acled, pred, part.value)
    if as_json:
        print(json.dumps(scores, indent=2))
    else:
        print_scores(scores)


def acled_scores(path: Path, pred: Path | None, part: str) -> dict:
    """Extract the notes of an ACLED file (or read `pred`) and score them against its rows."""
    from . import evaluate

    golds = [
        g for g in evaluate.read_acled_gold(path) if part in ("all", evaluate.acled_part(g.doc))
    ]
    wanted = {g.doc for g in golds}
    if pred is not None:
        predictions = evaluate.checked(evaluate.read_predictions, pred)
    else:
        documents = [
            d for d in read_paths([path]) if not isinstance(d, ReadError) and d.id in wanted
        ]
        predictions = []
        with progress() as bar:
            for coded in bar.track(
                map(process, documents), total=len(documents), description="extracting"
            ):
                predictions += coded.events
    predictions = [e for e in predictions if e.sources and e.sources[0].doc_id in wanted]
    return {
        "part": part,
        **evaluate.score(predictions, golds),
        "documents": evaluate.score_documents(predictions, golds),
    }


def print_scores(scores: dict) -> None:
    console = Console(soft_wrap=True, highlight=False)
    for section, values in scores.items():
        if section == "findings":
            print_findings(console, values)
            continue
        if section == "groups":
            for group, events in values.items():
                print_table(console, f"events, {group}", events)
            continue
        if not isinstance(values, dict):
            console.print(f"{section}: {values}")
            continue
        print_table(console, section.replace("_", " "), values)


def print_table(console: Console, title: str, values: dict) -> None:
    table = Table(title=title, title_justify="left")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in values.items():
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(table)


def print_findings(console: Console, documents: list[dict]) -> None:
    """Each document's false alarms and misses, with why they did not match."""
    if documents:
        console.print("\nfalse alarms (+) and misses (-), by document:")
    for document in documents:
        console.print(f"\n{escape(document['doc'])}")
        for item in document["false_alarms"]:
            console.print(f"  + {escape(item['event'])}\n      {escape(item['why'])}")
        for item in document["missed"]:
            console.print(f"  - {escape(item['gold'])}\n      {escape(item['why'])}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the event record."""
    print(json.dumps(event_json_schema(), indent=2, ensure_ascii=False))


gazetteer_app = typer.Typer(
    help="The place names the geoparser knows: bundled GeoNames towns, or a dump you import.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command(name="import")
def gazetteer_import(
    dump: Annotated[
        Path,
        typer.Argument(metavar="DUMP", help="GeoNames allCountries.txt or a country's XX.txt."),
    ],
    alternate_names: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="GeoNames alternateNamesV2.txt (more spellings)."),
    ] = None,
    country: Annotated[
        list[str] | None,
        typer.Option(metavar="CODE", help="Only this ISO country code (repeatable)."),
    ] = None,
) -> None:
    """Add a GeoNames dump's places to the bundled gazetteer; every command uses it from now on."""
    from .geo import gazetteer, geonames

    with reported_errors():
        for path in filter(None, (dump, alternate_names)):
            if not path.is_file():
                raise ConfigError(f"{path}: no such file")
        size = sum(p.stat().st_size for p in filter(None, (dump, alternate_names)))
        with progress() as bar:
            task = bar.add_task("importing (bytes)", total=size)
            imported, added, errors = geonames.import_geonames(
                dump,
                alternate_names,
                {c.upper() for c in country or ()},
                lambda n: bar.update(task, advance=n),
            )
        for error in errors:
            report(error)
        gazetteer.save_gazetteer(imported, gazetteer.imported_path())
        err.print(
            f"{added} new places, {len(imported.places)} in all; {len(errors)} rows skipped; "
            f"saved to {gazetteer.imported_path()}"
        )
    raise typer.Exit(1 if errors else 0)


@gazetteer_app.command(name="info")
def gazetteer_info() -> None:
    """Which gazetteer is in use and what it holds."""
    from collections import Counter

    from .geo import gazetteer

    imported = gazetteer.imported_path()
    source = f"imported ({imported})" if imported.exists() else "bundled (GeoNames cities500)"
    places = gazetteer.default_gazetteer().places
    print(f"gazetteer: {source}")
    for kind, count in sorted(Counter(p.kind for p in places).items()):
        print(f"{kind}: {count}")
    for origin, count in sorted(Counter(p.source for p in places).items()):
        print(f"from {origin}: {count}")


@gazetteer_app.command(name="reset")
def gazetteer_reset() -> None:
    """Forget an imported dump and use the bundled gazetteer again."""
    from .geo import gazetteer

    gazetteer.imported_path().unlink(missing_ok=True)
    print("using the bundled gazetteer")
