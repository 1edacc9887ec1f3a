"""Build lagebild/geo/places/ucdp-syria.tsv, Syrian villages and towns UCDP located, and
lagebild/geo/districts/ucdp-syria.tsv, Syria's districts.

    python scripts/build_ucdp_places.py [GED_CSV]

The UCDP Georeferenced Event Dataset 19.1 places each event at a named place with coordinates
(`where_coordinates`, e.g. "Teir Maaleh village", "Tadmur/Palmyra town"). Those named as a
village, town, suburb, city or area and placed exactly or within 25 km of it (`where_prec` 1
or 2) become gazetteer places; most are villages GeoNames' towns of 500 or more lack. A place
takes the coordinates UCDP gives it most often; "/" and "( )" separate its other names. A
district (`adm_2`, "Mintaqat Azaz district" → Azaz, "Markaz Idlib district" → Idlib, the
district of the governorate's seat) lies at the median of those places' events in it.
UCDP GED is licensed CC BY 4.0: Sundberg & Melander (2013), Journal of Peace Research 50(4);
Högbladh (2019), UCDP GED Codebook 19.1. The source CSV is read from the project's shared
folder (LAGEBILD_SHARED, default ../shared) unless named.
"""

from __future__ import annotations

import csv
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

from shared import ROOT, UCDP_GED

OUT = ROOT / "lagebild" / "geo" / "places" / "ucdp-syria.tsv"
DISTRICTS_OUT = ROOT / "lagebild" / "geo" / "districts" / "ucdp-syria.tsv"
DISTRICT_WORDS = re.compile(r"^(?:Mintaqat |Markaz )+|\s+district$")
COUNTRY = "SY"
PRECISE = {"1", "2"}  # the exact place, or within 25 km of it
KIND = re.compile(r"\s+(?:village|town|suburb|city|area|neighbou?rhood)$", re.IGNORECASE)
SEPARATORS = re.compile(r"[/()]")
DISTRICTS_HEADER = (
    "# Syria's districts (adm_2) in UCDP GED 19.1 (CC BY 4.0: Sundberg & Melander 2013;\n"
    "# Hoegbladh 2019) at the median of their events, built by scripts/build_ucdp_places.py\n"
)
HEADER = (
    "# Syrian places UCDP GED 19.1 located (CC BY 4.0: Sundberg & Melander 2013; Hoegbladh\n"
    "# 2019), built by scripts/build_ucdp_places.py; names: the place's names, split by |\n"
)


def places(path: Path) -> dict[str, Counter]:
    """Each place's name → how often UCDP gives it each (latitude, longitude)."""
    found: dict[str, Counter] = defaultdict(Counter)
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = " ".join(row["where_coordinates"].split())
            if row["where_prec"] in PRECISE and KIND.search(name):
                found[KIND.sub("", name)][(row["latitude"], row["longitude"])] += 1
    return found


def districts(path: Path) -> dict[str, tuple[float, float]]:
    """Each district's name → the median of its precisely placed events."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["where_prec"] in PRECISE and row["adm_2"]:
                name = DISTRICT_WORDS.sub("", row["adm_2"].strip())
                points[name].append((float(row["latitude"]), float(row["longitude"])))
    return {
        name: (statistics.median(p[0] for p in found), statistics.median(p[1] for p in found))
        for name, found in points.items()
    }


def names(written: str) -> list[str]:
    """ "Tadmur/Palmyra" → Tadmur, Palmyra; "Al Sokkareyah (Kasr Ada)" → both."""
    return [part.strip() for part in SEPARATORS.split(written) if part.strip()]


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else UCDP_GED
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        out.write(HEADER + "names\tcountry\tlatitude\tlongitude\n")
        found = places(source)
        for written, points in sorted(found.items()):
            (latitude, longitude), _ = points.most_common(1)[0]
            out.write(f"{'|'.join(names(written))}\t{COUNTRY}\t{latitude}\t{longitude}\n")
    print(f"{len(found)} places written to {OUT.relative_to(ROOT)}")
    found = districts(source)
    with open(DISTRICTS_OUT, "w", encoding="utf-8", newline="") as out:
        out.write(DISTRICTS_HEADER + "name\tcountry\tlatitude\tlongitude\n")
        for name, (latitude, longitude) in sorted(found.items()):
            out.write(f"{name}\t{COUNTRY}\t{latitude:.4f}\t{longitude:.4f}\n")
    print(f"{len(found)} districts written to {DISTRICTS_OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
