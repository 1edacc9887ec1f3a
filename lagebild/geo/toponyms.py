"""Place names in text: capitalised token runs the gazetteer knows, German genitives
("al-Hasakahs", "Syriens") included, each with every place it may denote."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..text import Token
from .gazetteer import BIG_TOWN, JOINED_ARTICLE, Gazetteer, Place

POSSESSIVE = re.compile(r"(.+)['’]s$")
MAX_WORDS = 5
MIN_HEAD = 4  # shorter heads of compounds ("Al-", "Ost-") name no town
TITLE_CASE = 0.5  # above this share of capitalised longer words, a sentence is a headline


class Cues(NamedTuple):
    """What a language tells about place names: words meaning "near", words that are never
    places on their own, articles (after which a town's name is a common noun: "ein Dorf"),
    and inflected forms of common words ("Steinen", which is also a town)."""

    near: frozenset[str] = frozenset()
    stop: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    inflected: frozenset[str] = frozenset()
    vocabulary: frozenset[str] = frozenset()  # the language's words, lower case
    modifiers: frozenset[str] = frozenset()  # after a name, it names something else
    city_suffixes: tuple[str, ...] = ()  # a big town's adjective: "Kiew" + "er"
    directions: tuple[str, ...] = ()  # before a name in one word: "Süd" + "libanon"
    lowercase_nouns: bool = False  # only names are capitalised inside a sentence (English)
    introducers: frozenset[str] = frozenset()  # words before a place: "in", "between", "near"
    regions: frozenset[str] = frozenset()  # words for a region or district: "Provinz", "district"
    features: tuple[tuple[str, str], ...] = ()  # a feature word after a name: "streifen" → "Strip"


NO_CUES = Cues()


class Mention(NamedTuple):
    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]
    near: bool  # introduced by "near"/"bei"/"vor den Toren": ACLED geo_precision 2
    region: bool = False  # beside a word for a region or district: "Provinz Seno", "Seno province"


def looks_like_name(token: Token) -> bool:
    return token.text[:1].isupper() or bool(JOINED_ARTICLE.match(token.text))


def find_places(
    tokens: list[Token], gazetteer: Gazetteer, cues: Cues = NO_CUES, skip=frozenset()
) -> list[Mention]:
    """Capitalised token runs that name a place, longest first.

    A stop word of the language ("Die", "Mai", "Al") is never a place on its own, though
    GeoNames lists such words as names ("Al Bayda" is); nor is a token at a `skip` index (an
    actor's name), nor one word that is a town only by coincidence (see `Cues`).
    """
    mentions, i = [], 0
    while i < len(tokens):
        token = tokens[i]
        candidate = i not in skip and looks_like_name(token)
        found = longest_place_at(tokens, i, gazetteer, cues) if candidate else None
        if found:
            mention, length = found
            mentions.append(mention)
            i += length
        else:
            i += 1
    return mentions


def find_regions(
    tokens: list[Token],
    gazetteer: Gazetteer,
    country: str | None,
    cues: Cues,
    skip,
    found,
    regions=(),
) -> list[Mention]:
    """Regions and towns of `country` spelt unlike GeoNames ("Idleb", "Middle Shabelle", "Tal
    Tamer"): capitalised runs that are no place, actor or word of the language, close to one of
    its admin1 names or with the consonants of one of its towns (in the `regions` the article
    names, if it names any; of a big town anywhere if `country` is None)."""
    spans = [(m.start, m.end) for m in found]
    free = [
        i not in skip and looks_like_name(t) and not any(s <= t.start < e for s, e in spans)
        for i, t in enumerate(tokens)
    ]
    mentions, i = [], 0
    while i < len(tokens):
        run = 0
        while run < MAX_WORDS and i + run < len(tokens) and free[i + run]:
            run += 1
        words = tokens[i : i + run]
        mention = run and similar_region_at(words, gazetteer, country, cues, regions)
        mentions += [mention] if mention else []
        if mention:
            i += len(mention.text.split())
        else:  # a name no region starts: not its last word either ("Aschraf Ghani")
            i += run if run and not common(tokens[i], cues) else 1
    return mentions


def common(token: Token, cues: Cues) -> bool:
    return token.folded in cues.stop or token.folded in cues.vocabulary


def similar_region_at(
    words: list[Token], gazetteer, country: str | None, cues: Cues, regions=()
) -> Mention | None:
    """The longest leading part of a run of name-like words that spells one of the country's
    regions, else one of its towns."""
    for n in range(len(words), 0, -1):
        if n == 1 and common(words[0], cues):
            continue
        text = " ".join(t.text for t in words[:n])
        region = gazetteer.similar_region(text, country)
        places = [region] if region else gazetteer.spelt_alike(text, country, regions)
        if places:
            return Mention(words[0].start, words[n - 1].end, text, tuple(places), False)
    return None


def longest_place_at(tokens, i, gazetteer, cues: Cues) -> tuple[Mention, int] | None:
    for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
        words = tokens[i : i + n]
        if n > 1 and not words[-1].text[:1].isalnum():
            continue  # a name ends in a word, not a dash ("Bogota - Bei …")
        name = " ".join(t.text for t in words)
        places = lookup(gazetteer, name)
        if (
            n == 1
            and places
            and (common_word(tokens, i, places, cues) or in_longer_name(tokens, i, places, cues))
        ):
            return None
        if places and i + n < len(tokens) and modifies_noun(tokens[i + n], cues):
            return None
        if places:
            near = bool({t.folded for t in tokens[max(0, i - 3) : i]} & cues.near)
            beside = {t.folded for t in tokens[max(0, i - 1) : i] + tokens[i + n : i + n + 1]}
            region = bool(beside & cues.regions)
            return Mention(words[0].start, words[-1].end, name, tuple(places), near, region), n
    token = tokens[i]
    return (
        compound_head(token, gazetteer, cues)
        or city_adjective(token, gazetteer, cues)
        or direction_compound(token, gazetteer, cues)
        or feature_compound(token, gazetteer, cues)
    )


def feature_compound(token: Token, gazetteer, cues: Cues) -> tuple[Mention, int] | None:
    """A name with a feature word written into it, found by GeoNames' English name:
    "Gazastreifen" (Gaza Strip), "Sinai-Halbinsel" (Sinai Peninsula), "des Gazastreifens"."""
    word = token.text.removesuffix("s") if token.text.endswith("ens") else token.text
    for suffix, name in cues.features:
        stem = word[: -len(suffix)].rstrip("-")
        if word.casefold().endswith(suffix) and len(stem) >= MIN_HEAD and stem[:1].isupper():
            places = gazetteer.lookup(f"{stem} {name}")
            if places:
                return Mention(token.start, token.end, token.text, tuple(places), False), 1
    return None


def direction_compound(token: Token, gazetteer, cues: Cues) -> tuple[Mention, int] | None:
    """A direction written into a country's or region's name: "Südlibanon", "Nordsyrien",
    "Ostukraine" name that country or region."""
    for direction in cues.directions:
        rest = token.text[len(direction) :]
        if token.folded.startswith(direction) and len(rest) >= MIN_HEAD:
            places = [p for p in gazetteer.lookup(rest.capitalize()) if p.kind != "town"]
            if places:
                return Mention(token.start, token.end, token.text, tuple(places), False), 1
    return None


def lookup(gazetteer, name: str) -> list[Place]:
    """The places a name denotes; an English possessive names its place ("Peru's" is Peru, not
    Perus), a German genitive too ("Syriens", "al-Hasakahs")."""
    possessive = POSSESSIVE.match(name)
    if possessive:
        return gazetteer.lookup(possessive.group(1))
    genitive = name.endswith("s") and len(name) > MIN_HEAD  # "Haas" is not Haa's
    return gazetteer.lookup(name) or (genitive and gazetteer.lookup(name[:-1])) or []


def city_adjective(token: Token, gazetteer, cues: Cues) -> tuple[Mention, int] | None:
    """A big town's adjective names the town: "im Kiewer Stadtbezirk", "Belgrader Polizei"."""
    for suffix in cues.city_suffixes:
        stem = token.text[: -len(suffix)]
        if token.text.endswith(suffix) and len(stem) >= MIN_HEAD and stem[:1].isupper():
            towns = [p for p in gazetteer.lookup(stem) if p.kind == "town"]
            if towns and max(p.population for p in towns) >= BIG_TOWN:
                return Mention(token.start, token.end, token.text, tuple(towns), False), 1
    return None


def compound_head(token: Token, gazetteer, cues: Cues) -> tuple[Mention, int] | None:
    """The town a hyphenated compound starts with: "Mogadishu-Hodan" (a district of it),
    "Sidon-Beirut highway", "Aleppo-Region"."""
    head = token.text.split("-")[0]
    if head == token.text or len(head) < MIN_HEAD or not head[:1].isupper():
        return None
    places = [p for p in gazetteer.lookup(head) if p.kind == "town"]
    if not places or head.casefold() in cues.stop or head.casefold() in cues.vocabulary:
        return None
    return Mention(token.start, token.start + len(head), head, tuple(places), False), 1


def in_longer_name(tokens: list[Token], i: int, places, cues: Cues) -> bool:
    """One word of a longer name the gazetteer lacks names no place of its own ("Sulayman
    Bak", "Maaret Alia"): a word beside it, inside the sentence, is capitalised and no word of
    the language ("Mangu District", "near Tripoli Port" are places), unless this word is a
    region, a country or a big town ("Abu Salim" is no district Abu). Only where the language
    writes its nouns in lower case: a German noun beside a name is capitalised and often a
    compound no word list holds ("Provinzhauptstadt Barkhan")."""
    if not cues.lowercase_nouns or any(
        p.kind in ("admin1", "country") or p.population >= BIG_TOWN for p in places
    ):
        return False
    beside = [tokens[j] for j in (i - 1, i + 1) if 0 < j < len(tokens)]
    return any(
        t.text[:1].isupper()
        and t.text.isalpha()
        and not common(t, cues)
        and t.folded not in cues.regions
        for t in beside
    )


def modifies_noun(following: Token, cues: Cues) -> bool:
    """A name used as a modifier names no place: "Bolivar Avenue", "US dollar"."""
    return following.folded in cues.modifiers


def common_word(tokens: list[Token], i: int, places, cues: Cues) -> bool:
    """A single word that names only towns is a common word when it is a stop word, an
    inflected form ("Steinen"), follows an article ("ein Dorf"), or is a word of the language
    that names no big town ("Minister" is a hamlet in Ohio; "Essen" stays a city), unless the
    language capitalises names only and the word stands capitalised inside running text
    ("between Tame and La Cabuya")."""
    token = tokens[i]
    if token.folded in cues.stop:
        return True
    if any(p.kind in ("admin1", "country") for p in places):
        return False
    after_article = i > 0 and tokens[i - 1].folded in cues.articles
    small = max(p.population for p in places) < BIG_TOWN
    word = small and token.folded in cues.vocabulary and not named_in_running_text(tokens, i, cues)
    return after_article or token.text in cues.inflected or word


def named_in_running_text(tokens: list[Token], i: int, cues: Cues) -> bool:
    """Capitalised, alone, right after a word that introduces a place and before a stop, where
    the language writes its words in lower case ("between Tame and La Cabuya", not "in Street
    50", "of Minister of Justice"), in a sentence not set in title case."""
    if not cues.lowercase_nouns or i == 0 or tokens[i].text.isupper():
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if tokens[i - 1].text not in cues.introducers:
        return False
    ends = after is None or not after.text[:1].isalnum() or after.folded in cues.stop
    return ends and not (after and after.folded in cues.introducers) and not title_case(tokens)


def title_case(tokens: list[Token]) -> bool:
    """A headline's capitals: most of the sentence's longer words capitalised."""
    words = [t.text for t in tokens if len(t.text) > 3 and t.text.isalpha()]
    return sum(w[:1].isupper() for w in words) > TITLE_CASE * len(words)
