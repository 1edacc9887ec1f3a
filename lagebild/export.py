"""Events out: ACLED-compatible CSV (current or pre-2023 columns), GeoJSON and JSON Lines."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TextIO
from urllib.parse import urlsplit

from . import taxonomy
from .models import Event

CURRENT_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
LEGACY_COLUMNS = (
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
    "timestamp", "iso3",
)  # fmt: skip
COLUMN_SETS = {"current": CURRENT_COLUMNS, "legacy": LEGACY_COLUMNS}


@cache
def iso_numeric(iso3: str | None) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return str(int(country.numeric)) if country else ""


@cache
def acled_region(iso3: str | None) -> str:
    from .extraction.lexicon import countries

    return next((c.region for c in countries().values() if c.iso3 == iso3), "")


def source_names(event: Event) -> str:
    """ACLED's `source`: the publishers, here the web host of each source, else its id."""
    names = [urlsplit(s.url).hostname or s.doc_id if s.url else s.doc_id for s in event.sources]
    return "; ".join(dict.fromkeys(names))


def acled_row(event: Event, columns: str = "current") -> dict[str, object]:
    """One event as a row of ACLED's export: inter codes as text (current) or numbers (legacy)."""
    legacy = columns == "legacy"
    names = taxonomy.actor_types()
    row = {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date.isoformat(),
        "year": event.event_date.year,
        "time_precision": event.time_precision,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1 or "",
        "inter1": event.inter1 if legacy else names[event.inter1],
        "actor2": event.actor2 or "",
        "assoc_actor_2": event.assoc_actor_2 or "",
        "inter2": (event.inter2 or 0) if legacy else names.get(event.inter2, ""),
        "interaction": event.interaction
        if legacy
        else taxonomy.interaction_text(event.inter1, event.inter2),
        "civilian_targeting": "Civilians targeted" if event.civilian_targeting else "",
        "iso": iso_numeric(event.iso3),
        "region": acled_region(event.iso3),
        "country": event.country or "",
        "admin1": event.admin1 or "",
        "admin2": event.admin2 or "",
        "location": event.location or "",
        "latitude": f"{event.latitude:.4f}" if event.latitude is not None else "",
        "longitude": f"{event.longitude:.4f}" if event.longitude is not None else "",
        "geo_precision": event.geo_precision or "",
        "source": source_names(event),
        "notes": event.notes,
        "fatalities": event.fatalities,
        "iso3": event.iso3 or "",
    }
    return {column: row.get(column, "") for column in COLUMN_SETS[columns]}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def inert(value: object) -> object:
    """A cell a spreadsheet shows as text, never runs: one opening like a formula gets a
    leading apostrophe (OWASP's advice on CSV injection); a plain number stays a number."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


def acled_csv_lines(events: Iterable[Event], columns: str = "current") -> Iterator[str]:
    """The header, then a line per event as the events come: the API streams these."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def line(values: Iterable[object]) -> str:
        writer.writerow(map(inert, values))
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield line(COLUMN_SETS[columns])
    for event in events:
        yield line(acled_row(event, columns).values())


def write_acled_csv(events: Iterable[Event], out: TextIO, columns: str = "current") -> int:
    events = Counted(events)
    out.writelines(acled_csv_lines(events, columns))
    return events.count


def geojson_feature(event: Event) -> dict:
    """A GeoJSON Feature; an event without coordinates keeps a null geometry (RFC 7946 §3.2)."""
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
    properties = event.model_dump(mode="json", exclude={"evidence"})
    return {"type": "Feature", "id": event.event_id, "geometry": geometry, "properties": properties}


def geojson_lines(events: Iterable[Event]) -> Iterator[str]:
    """A FeatureCollection, feature by feature, so exports of any size stream."""
    yield '{"type": "FeatureCollection", "features": [\n'
    separator = ""
    for event in events:
        yield separator + json.dumps(geojson_feature(event), ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    events = Counted(events)
    out.writelines(geojson_lines(events))
    return events.count


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    count = 0
    for event in events:
        out.write(event.model_dump_json() + "\n")
        count += 1
    return count


class Counted:
    """Events passed through and counted, so a writer can say how many it wrote."""

    def __init__(self, events: Iterable[Event]):
        self.events, self.count = events, 0

    def __iter__(self) -> Iterator[Event]:
        for event in self.events:
            self.count += 1
            yield event


WRITERS = {"acled": write_acled_csv, "geojson": write_geojson, "jsonl": write_jsonl}
