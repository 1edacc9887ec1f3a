"""Which place a name means: the article's country, the regions it names, and population
decide; a town abroad that merely shares a name is no candidate."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from ..resources import read_table
from .gazetteer import BIG_TOWN, GEONAMES, GEONAMES_DISTRICTS, Place
from .toponyms import Mention


def document_country(
    mentions: list[Mention], named: Iterable[tuple[str, float]] = ()
) -> str | None:
    """The country the article is about: the one its place names and `named` countries (of its
    actors: "Ukrainian forces", a group's home, with their weights) point to most. A name
    votes for the country of its likeliest place, and half as much for the countries of its
    other readings ("Rafah" is in Gaza and in Egypt), though a country's name names the
    country; a big town more than a hamlet that shares
    its name with a common word ("Dorf"); a name found in many countries ("Alia": Spain, Italy,
    Lebanon) less than one found in one, where those readings are `rival`s. A place read
    inside the region or near the town named right after it ("Donga, Taraba": Donga in
    Nigeria's Taraba, not Benin's Donga) names its country most of all. A `listed_district`
    has no vote."""
    votes: Counter = Counter()
    for code, weight in named:
        votes[code] = max(votes[code], weight)  # a country counts once, however often named
    for code in contained_countries(mentions):
        votes[code] += CONTAINED_VOTE
    for mention in mentions:
        readings = [p for p in mention.candidates if not listed_district(p)]
        if not readings:
            continue
        best = max(readings, key=lambda p: (region_word_fits(mention, p), prior(p)))
        weights = {
            "country": 2,
            "admin1": 1.2,
            "admin2": 1.0,
        }  # a region's name is often shared ("Punjab")
        size = 0.5 + math.log10(best.population + 10) / 7
        weight = weights.get(best.kind, size)
        if best.kind == "admin2":
            weight = max(weight, size)  # a district at a big seat votes as that town does
        if mention.region and (region_word_fits(mention, best) or not counted(best)):
            weight = max(weight, CONTAINED_VOTE)  # "Rolpa district": a unit, so named
        others = {p.country_code for p in readings if rival(p, best)} - {best.country_code}
        if best.is_country:
            others = set()  # "Mali" names Mali, whatever villages share its name
        weight /= math.sqrt(1 + len(others))
        votes[best.country_code] += weight
        for code in others:
            votes[code] += weight / 2
    return votes.most_common(1)[0][0] if votes else None


def contained_countries(mentions: list[Mention]) -> list[str]:
    """The country of each place name whose reading lies in the region, or near the town, named
    right after it: "Empalme, Sonora", "Mbouda subdivision (Bamboutos, Ouest)", "Karak in
    Dar'a"; where readings in several countries lie in regions so named, that of the largest
    ("Colon (Colon)": Panama's port in its province). `mentions` are in text order."""
    found = []
    for i, mention in enumerate(mentions):
        following = [
            m for m in mentions[i + 1 : i + 3] if 0 <= m.start - mention.end <= QUALIFIER_GAP
        ]
        pairs = [
            (p, q)
            for m in following
            for p in mention.candidates
            for q in m.candidates
            if p != q and contains(q, p)
        ]
        in_regions = [p for p, q in pairs if q.kind != "town"]
        codes = {p.country_code for p, _ in pairs}
        if len(codes) > 1 and in_regions:  # "San Jose (San Jose)": the capital in its province
            codes = {max(in_regions, key=lambda p: p.population).country_code}
        found += codes if len(codes) == 1 else []
    return found


def contains(region: Place, place: Place) -> bool:
    """Whether a place lies in a region (by its admin names) or near a town (one a census
    counts: a village of the name is too weak a qualifier, "Santa Ana de Coro" is no Santa Ana
    near a barangay Coro)."""
    if region.country_code != place.country_code or region.is_country:
        return False
    if region.kind == "admin1":
        return region.admin1 == place.admin1
    if region.kind == "admin2":
        return (region.admin1, region.admin2) == (place.admin1, place.admin2)
    near = place.latitude is not None and region.latitude is not None and counted(region)
    return (
        near
        and math.dist((place.latitude, place.longitude), (region.latitude, region.longitude))
        <= NEAR_DEGREES
    )


def listed_district(place: Place) -> bool:
    """A district only another source lists (geoBoundaries): named like many places worldwide
    ("Abu", "Zahra", "Salah"), it is read in the article's country but names no country.
    GeoNames' districts at their seats are named like those towns, and vote as they do."""
    return place.kind == "admin2" and place.source not in (GEONAMES, GEONAMES_DISTRICTS)


def rival(place: Place, best: Place) -> bool:
    """Whether a reading of a name competes with its likeliest: not a hamlet far smaller than
    the city ("Damascus", Maryland, against Damascus)."""
    return place.kind != "town" or place.population * HOMONYM_RATIO >= best.population


HOMONYM_RATIO = 100  # a town this many times smaller than its namesake is no rival reading
QUALIFIER_GAP = 14  # characters between a place and the region that qualifies it: " in eastern "
CONTAINED_VOTE = 2  # a place read in the region named after it: as good as the country's name
NEAR_DEGREES = 0.5  # a place this near a town named after it lies "in" it (~50 km)


def prior(place: Place) -> float:
    """How likely a name means this place before context: a country, then a town (Idlib the
    town before Idlib the province), then a region, then a village no census counts (the
    region of Arunachal before a village named after it), then a district, then by
    population."""
    rank = {"country": 3, "town": 1, "admin1": 0.8, "admin2": 0.7}[place.kind]
    if not counted(place):
        rank = VILLAGE_RANK
    return rank + math.log10(place.population + 10) / 10


VILLAGE_RANK = 0.75  # between a region (0.8) and a district (0.7)
ACTIVITY_WEIGHT = 0.8  # a region with all its country's events outweighs a village's being no town


def named_regions(mentions: list[Mention], country: str | None) -> set[tuple[str, str]]:
    """The (country, admin1) regions an article names: context for its towns."""
    return {
        (p.country_code, p.admin1)
        for m in mentions
        for p in m.candidates
        if p.kind == "admin1" and (country is None or p.country_code == country)
    }


def town_regions(mentions: list[Mention], country: str | None) -> frozenset:
    """The (country, admin1) regions of the names whose readings in the article's country are
    towns of one region, and no region's name ("Katsina"): where the text's places lie."""
    found = set()
    for mention in mentions:
        if mention.region or any(p.kind == "admin1" for p in mention.candidates):
            continue
        towns = {
            (p.country_code, p.admin1)
            for p in mention.candidates
            if p.country_code == country and p.kind == "town"
        }
        found |= towns if len(towns) == 1 else set()
    return frozenset(found)


def qualifying_regions(mentions: list[Mention], country: str | None) -> dict[int, frozenset]:
    """The regions named right after a place name, by its start: "Slavne, Donetsk", "Zunnar in
    Ar-Raqqa", "Amchide (Mayo-Sava, Extreme-Nord)", a district's ("Shahpur (Poonch district)"),
    and those of its readings near the town named after it ("Shahpur near Arrah"). `mentions`
    are one sentence's, in order."""
    qualified = {}
    for i, mention in enumerate(mentions):
        following = [m for m in mentions[i + 1 :] if m.start - mention.end <= QUALIFIER_GAP]
        regions = {
            (p.country_code, p.admin1)
            for m in following[:2]
            for p in m.candidates
            if p.country_code == country and (p.kind in ("admin1", "admin2") or m.region)
        }  # a town named as a district ("Poonch district") stands for its region
        regions |= {
            (p.country_code, p.admin1)
            for m in following[:1]
            for q in m.candidates
            if q.kind == "town" and q.country_code == country
            for p in mention.candidates
            if p != q and contains(q, p)
        }
        regions |= {  # "in Metulla in Nordisrael": a town of another country, so named
            (p.country_code, None)
            for m in following[:1]
            for p in m.candidates
            if p.is_country and p.country_code != country
        }
        if regions:
            qualified[mention.start] = frozenset(regions)
    return qualified


def best_place(
    mention: Mention,
    country: str | None,
    regions=frozenset(),
    within=frozenset(),
    nearby=frozenset(),
) -> Place | None:
    """The candidate in the article's country (the country itself when the name is one),
    preferring towns in regions the article names;
    a small town outside the regions named right after it (`within`) is another village of that
    name ("Slavne, Donetsk" is not the Slavne in Crimea), so none; a town in another country
    named right after it is in that country ("Metulla in Nordisrael"); of the rest, one in the
    region of a town the text names without doubt (`nearby`: Llano Grande beside Coatepec
    Harinas). Without a candidate in the
    country, a country named outright (or a region: the only place of its name, "Gazastreifen"),
    or the most likely place when the article's country is unknown."""
    abroad = {code for code, admin1 in within if admin1 is None}
    in_country = [p for p in mention.candidates if p.country_code in {country, *abroad}]
    if within:
        in_country = [
            p
            for p in in_country
            if (p.country_code, p.admin1) in within
            or p.country_code in abroad
            or p.kind != "town"
            or p.population >= BIG_TOWN
        ]
    if regions:  # the villages of a list are those of the regions the article names
        in_country = [p for p in in_country if counted(p) or (p.country_code, p.admin1) in regions]
    if in_country:
        named = [p for p in in_country if p.is_country]
        if named:
            return named[0]  # "central Mexico" is the country, not its capital
        return max(
            in_country,
            key=lambda p: (
                region_word_fits(mention, p),
                (p.country_code, p.admin1) in regions,
                (p.country_code, p.admin1) in nearby,
                prior(p) + ACTIVITY_WEIGHT * conflict_share(p),
            ),
        )
    best = max(mention.candidates, key=lambda p: (region_word_fits(mention, p), prior(p)))
    outright = best.is_country or len(mention.candidates) == 1 and best.kind == "admin1"
    return best if outright or country is None else None


def conflict_share(place: Place) -> float:
    """The share of its country's events in ACLED's notes that lie in the place's region: of
    two places of one name, the one where the country's conflict is (Kashtanove of Donetsk,
    not Crimea's) is likelier, unless the other is far bigger."""
    events, totals = region_events()
    total = totals.get(place.country_code)
    return events.get((place.country_code, place.admin1), 0) / total if total else 0.0


@cache
def region_events() -> tuple[dict[tuple[str, str], int], Counter]:
    """Events per (country, admin1) region (`admin1-events.tsv`), and per country."""
    rows = read_table(REGION_EVENTS, ("country", "admin1", "events"))
    events = {(row["country"], row["admin1"]): int(row["events"]) for row in rows}
    totals: Counter = Counter()
    for (country, _), count in events.items():
        totals[country] += count
    return events, totals


REGION_EVENTS = Path(__file__).parent / "admin1-events.tsv"  # see scripts/build_acled_regions.py


def counted(place: Place) -> bool:
    """Whether a place is more than a village no census counts: a region, a district, a town
    (GeoNames lists towns of 500 people or more, though it may not know how many)."""
    return place.kind != "town" or place.population > 0 or place.source == GEONAMES


def region_word_fits(mention: Mention, place: Place) -> bool:
    """A name beside a word for a region ("Provinz Seno") means the region or district."""
    return mention.region and place.kind in ("admin1", "admin2")
