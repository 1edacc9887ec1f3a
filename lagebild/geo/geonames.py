"""A full GeoNames dump (allCountries.txt, or one country's XX.txt, and optionally
alternateNamesV2.txt) added to the bundled gazetteer: every village with a name, and admin1
and admin2 names as GeoNames writes them today.

The bundled gazetteer knows towns of 500 people or more; many events happen in villages
below that. Importing a country's dump puts them on the map.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ReadError
from .gazetteer import (
    Gazetteer,
    Place,
    bundled_gazetteer,
    largest_by,
    region_core,
    region_names,
)

DUMP_COLUMNS = 19  # geonameid, name, asciiname, alternatenames, latitude, longitude, …
ALTERNATE_COLUMNS = 4  # at least: alternateNameId, geonameid, isolanguage, alternate name
SKIPPED_LANGUAGES = {"link", "post", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "unlc"}


@dataclass
class Dump:
    """What a dump holds for the gazetteer: populated places and admin1/admin2 names."""

    towns: list[tuple[Place, list[str]]] = field(default_factory=list)
    admin1: dict[tuple[str, str], tuple[str, int, list[str]]] = field(default_factory=dict)
    admin2: dict[tuple[str, str, str], str] = field(default_factory=dict)


def read_rows(path: Path, columns: int, advance: Callable[[int], None]) -> Iterator:
    """Tab-separated rows with at least `columns` fields, or a ReadError naming the line."""
    with open(path, encoding="utf-8", newline="\n") as handle:
        for number, line in enumerate(handle, start=1):
            advance(len(line.encode()))
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < columns:
                yield ReadError(str(path), f"{len(fields)} columns, expected {columns}", number)
            else:
                yield number, fields


def read_dump(path: Path, countries: set[str], advance, errors: list[ReadError]) -> Dump:
    dump = Dump()
    for row in read_rows(path, DUMP_COLUMNS, advance):
        if isinstance(row, ReadError):
            errors.append(row)
            continue
        number, f = row
        code, feature_class, feature_code = f[8], f[6], f[7]
        if countries and code not in countries:
            continue
        try:
            geonames_id, lat, lon = int(f[0]), float(f[4]), float(f[5])
            population = int(f[14] or 0)
        except ValueError as error:
            errors.append(ReadError(str(path), f"bad number ({error})", number))
            continue
        names = [f[1], f[2], *f[3].split(",")]
        if feature_class == "A" and feature_code == "ADM1":
            dump.admin1[(code, f[10])] = (region_core(f[1]), geonames_id, names)
        elif feature_class == "A" and feature_code == "ADM2":
            dump.admin2[(code, f[10], f[11])] = f[1]
        elif feature_class == "P":
            town = Place(geonames_id, f[1], code, f[10], f[11], lat, lon, population, "town")
            dump.towns.append((town, names))
    return dump


def read_alternates(
    path: Path, wanted: set[int], advance, errors: list[ReadError]
) -> dict[int, list[str]]:
    """Alternate names of the places in `wanted`, except codes and links."""
    names: dict[int, list[str]] = {}
    for row in read_rows(path, ALTERNATE_COLUMNS, advance):
        if isinstance(row, ReadError):
            errors.append(row)
            continue
        number, f = row
        if not f[1].isdigit():
            errors.append(ReadError(str(path), f"geonameid {f[1]!r} is not a number", number))
            continue
        if int(f[1]) in wanted and f[2] not in SKIPPED_LANGUAGES:
            names.setdefault(int(f[1]), []).append(f[3])
    return names


def add_dump(gazetteer: Gazetteer, dump: Dump, alternates: dict[int, list[str]]) -> int:
    """Add the dump's towns (with admin names resolved from its codes: the bundled name of an
    admin1 code first, so one region keeps one name, "Gelderland" and not "Provincie
    Gelderland") and admin1 regions to `gazetteer`; a town it already has gains the dump's
    names. Returns how many places are new."""
    known = {p.geonames_id: i for i, p in enumerate(gazetteer.places) if p.kind == "town"}
    added = 0
    for town, names in dump.towns:
        code, admin1_code, admin2_code = town.country_code, town.admin1, town.admin2
        admin1 = (
            gazetteer.admin1_codes.get((code, admin1_code))
            or dump.admin1.get((code, admin1_code), (None,))[0]
        )
        admin2 = dump.admin2.get((code, admin1_code, admin2_code))
        names = [*names, *alternates.get(town.geonames_id, ())]
        if town.geonames_id in known:
            gazetteer.add_names(known[town.geonames_id], names)
            continue
        gazetteer.add(town._replace(admin1=admin1, admin2=admin2), names)
        added += 1
    capitals = largest_towns(gazetteer)
    regions = {
        (p.country_code, p.admin1): i for i, p in enumerate(gazetteer.places) if p.kind == "admin1"
    }
    for (code, admin1_code), (name, geonames_id, names) in dump.admin1.items():
        name = gazetteer.admin1_codes.get((code, admin1_code), name)
        names = [*region_names(name), *names, *alternates.get(geonames_id, ())]
        if (code, name) in regions:
            gazetteer.add_names(regions[(code, name)], names)
        elif (code, name) in capitals:
            gazetteer.add(capitals[(code, name)]._replace(admin2=None, kind="admin1"), names)
    return added


def largest_towns(gazetteer: Gazetteer) -> dict[tuple[str, str], Place]:
    """The most populous town of each (country, admin1): where ACLED puts a region's events."""
    towns = [place for place in gazetteer.places if place.kind == "town"]
    return largest_by(towns, lambda town: (town.country_code, town.admin1))


def import_geonames(
    dump_path: Path,
    alternates_path: Path | None = None,
    countries: set[str] = frozenset(),
    advance: Callable[[int], None] = lambda _: None,
) -> tuple[Gazetteer, int, list[ReadError]]:
    """The bundled gazetteer with a dump added, how many places are new, and the rows that
    could not be read (the rest is imported)."""
    errors: list[ReadError] = []
    dump = read_dump(dump_path, countries, advance, errors)
    alternates = {}
    if alternates_path is not None:
        wanted = {town.geonames_id for town, _ in dump.towns}
        wanted |= {geonames_id for _, geonames_id, _ in dump.admin1.values()}
        alternates = read_alternates(alternates_path, wanted, advance, errors)
    gazetteer = bundled_gazetteer()
    added = add_dump(gazetteer, dump, alternates)
    gazetteer.index_folds()
    return gazetteer, added, errors
