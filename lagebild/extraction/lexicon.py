"""A language's knowledge as data: the files in `lang/<code>/` (and the shared ones in
`lang/base/`), loaded and checked into one Lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import NamedTuple

from .. import taxonomy
from ..errors import ResourceError
from ..resources import LANG_ROOT, lang_file, read_table
from .matcher import Term, TermMatcher

MATCH_MODES = ("word", "prefix", "part")
EVENT_CONCEPTS = frozenset(
    """
    CLASH ATTACK SHOOT FIRE STAB BEAT KILL BODY AIRSTRIKE BOMBING SHELL IED BLAST SUICIDE GRENADE
    CHEMICAL SEXUAL ABDUCT PROTEST DISPERSE LETHAL RIOT ARSON DESTROY MOB FIGHT ARREST AGREE LOOT
    SEIZE RECAPTURE BASE INTERCEPT DEPLOY GATHER
""".split()
)  # what happened: a sentence with one of these may report an event
CONTEXT_CONCEPTS = frozenset(
    """
    DRONE STRIKE DEMAND FLEE FRONT DEAD INJURE NEGATION DENIAL FUTURE HABITUAL BACKGROUND
    AGENT ANAPHOR SEAL VICTIM TARGET ALSO
""".split()
)  # what it cost, and how it is said
CONCEPTS = EVENT_CONCEPTS | CONTEXT_CONCEPTS
CUE_REACH = {"NEGATION": 4, "FUTURE": 8, "HABITUAL": 4, "DENIAL": 99, "BACKGROUND": 99}
CUES = set(CUE_REACH)  # tokens after a cue in which it negates, hedges or backdates an event
# A plan reaches further: German puts the verb a modal governs at the clause's end ("Sie will
# nach eigenen Angaben das ganze Land wieder unter ihre Kontrolle bringen").


class Actor(NamedTuple):
    name: str
    inter: int
    home: str | None = None  # the country a named group belongs to, if one


class Rule(NamedTuple):
    """Concepts that settle a sub-event type (`lang/base/rules.tsv`)."""

    concepts: frozenset[str]
    unless: frozenset[str]
    sub_event_type: str


class Country(NamedTuple):
    code: str
    name: str
    iso3: str
    region: str  # ACLED's region: "Middle East", "Eastern Africa", …


@dataclass(frozen=True, eq=False)
class Lexicon:
    language: str
    concepts: TermMatcher
    actors: TermMatcher
    actor_info: dict[str, Actor]
    country_cues: TermMatcher  # labels: the country a name places a report in
    countries: TermMatcher
    adjective_stems: dict[str, str]
    numbers: dict[str, int]
    vague: frozenset[str]  # number words that give a lower bound only ("Dutzende", "several")
    months: dict[str, int]
    weekdays: dict[str, int]
    date_words: dict[str, dict[str, int]]  # a word → its kinds ("unit", "since", …) and values
    place_cues: dict[str, frozenset[str]]  # a word → its kinds ("near", "title", …)
    fatality_patterns: tuple[tuple[re.Pattern, str], ...]
    compounds: bool = False  # writes compounds as one word ("Behördenangaben")
    place_features: tuple[tuple[str, str], ...] = ()  # "streifen" → "Strip" ("Gazastreifen")

    def ends_in(self, word: str, words) -> bool:
        """`word` is one of `words` or, where the language compounds, ends in one
        ("Innenminister", "Polizeiangaben")."""
        words = tuple(words)
        return word in words or self.compounds and word.endswith(words)

    def dated(self, kind: str) -> dict[str, int]:
        """The date words of one kind ("unit", "report", …) with their values."""
        return dated_words(self, kind)

    def cue_words(self, kind: str) -> tuple[str, ...]:
        """The place cues of one kind ("near", "modifier", "direction", …), longest first."""
        return cue_words_of(self, kind)

    @cached_property
    def directions(self) -> tuple[str, ...]:
        return self.cue_words("direction")


@cache
def cue_words_of(lexicon: Lexicon, kind: str) -> tuple[str, ...]:
    found = (w for w, kinds in lexicon.place_cues.items() if kind in kinds)
    return tuple(sorted(found, key=len)[::-1])


@cache
def dated_words(lexicon: Lexicon, kind: str) -> dict[str, int]:
    return {w: kinds[kind] for w, kinds in lexicon.date_words.items() if kind in kinds}


@cache
def available_languages() -> tuple[str, ...]:
    """Languages with a folder of data files under `lang/` (the package's own: read once)."""
    return tuple(sorted(p.name for p in LANG_ROOT.iterdir() if (p / "concepts.tsv").exists()))


@cache
def load_language(code: str) -> Lexicon:
    """Load and check the data files of one language (cached: built once per process)."""
    if code not in available_languages():
        raise ResourceError(
            f"no language data for {code!r}; have {', '.join(available_languages())}"
        )
    actor_rows = [
        *table("base", "actors.tsv", "alias", "actor", "inter", "case"),
        *table(code, "actors.tsv", "alias", "actor", "inter", "case"),
    ]
    dates = list(table(code, "dates.tsv", "word", "kind", "value"))
    numbers = list(table(code, "numbers.tsv", "word", "value", "kind"))
    return Lexicon(
        language=code,
        concepts=TermMatcher(list(concept_terms(code))),
        actors=TermMatcher([actor_term(row) for row in actor_rows]),
        actor_info=actor_info(code, actor_rows),
        country_cues=TermMatcher(list(country_cue_terms())),
        countries=TermMatcher(list(country_terms(code))),
        adjective_stems=adjective_stems(code),
        numbers={r["word"]: int(r["value"]) for r in numbers},
        vague=frozenset(r["word"] for r in numbers if r["kind"] == "vague"),
        months={r["word"]: int(r["value"]) for r in dates if r["kind"] == "month"},
        weekdays={r["word"]: int(r["value"]) for r in dates if r["kind"] == "weekday"},
        date_words=date_words(dates),
        place_cues=place_cues(code),
        fatality_patterns=tuple(fatality_patterns(code)),
        compounds=lang_file(code, "compounds.tsv").exists(),
        place_features=place_features(code),
    )


def table(code: str, name: str, *columns: str):
    return read_table(lang_file(code, name), columns)


def concept_terms(code: str):
    for row in table(code, "concepts.tsv", "term", "concept", "match"):
        if row["concept"] not in CONCEPTS:
            raise ResourceError(f"{code}/concepts.tsv: unknown concept {row['concept']!r}")
        if row["match"] not in MATCH_MODES:
            raise ResourceError(f"{code}/concepts.tsv: match must be one of {MATCH_MODES}")
        yield Term(tuple(row["term"].split()), row["concept"], row["match"])


def country_cue_terms():
    for row in table("base", "country_cues.tsv", "term", "country", "case"):
        if row["country"] not in countries():
            raise ResourceError(f"base/country_cues.tsv: unknown country {row['country']!r}")
        yield Term(tuple(row["term"].split()), row["country"], "word", row["case"] == "sensitive")


def actor_term(row: dict) -> Term:
    return Term(tuple(row["alias"].split()), row["actor"], "inflected", row["case"] == "sensitive")


def actor_info(code: str, rows: list[dict]) -> dict[str, Actor]:
    """Each actor's type and home country; an alias that names no country (a language file's
    "Government of National Accord") keeps the home another alias gave."""
    info: dict[str, Actor] = {}
    for row in rows:
        if not row["inter"].isdigit() or int(row["inter"]) not in taxonomy.actor_types():
            raise ResourceError(f"{code}/actors.tsv: {row['alias']!r} has inter {row['inter']!r}")
        known = info.get(row["actor"])
        home = row.get("country") or (known.home if known else None)
        info[row["actor"]] = Actor(row["actor"], int(row["inter"]), home)
    return info


@cache
def countries() -> dict[str, Country]:
    """ISO alpha-2 code → the country with ACLED's English name (`lang/base/countries.tsv`)."""
    rows = read_table(lang_file("base", "countries.tsv"), ("iso2", "iso3", "country", "region"))
    return {r["iso2"]: Country(r["iso2"], r["country"], r["iso3"], r["region"]) for r in rows}


def country_terms(code: str):
    """Country names and adjectives of one language, each labelled with the country's code."""
    for row in table(code, "countries.tsv", "iso2", "names", "adjectives"):
        for field in ("names", "adjectives"):
            for name in filter(None, (n.strip() for n in row[field].split(";"))):
                yield Term(
                    tuple(name.split()),
                    f"{row['iso2']}:{field}",
                    "inflected",
                    case_sensitive=name.isupper(),
                )


def adjective_stems(code: str) -> dict[str, str]:
    """Stems that adjectives grow from ("syr" → SY for "syrische"), where the table has them."""
    path = lang_file(code, "countries.tsv")
    rows = read_table(path, ("iso2", "names", "adjectives"))
    stems = {}
    for row in rows:
        for stem in filter(None, (s.strip() for s in row.get("stems", "").split(";"))):
            stems[stem] = row["iso2"]
    return stems


@cache
def lemma_table(code: str) -> dict[str, str]:
    """spaCy's lookup lemmas for the language (spacy-lookups-data), empty if it has none."""
    from importlib import resources

    import srsly

    path = resources.files("spacy_lookups_data") / "data" / f"{code}_lemma_lookup.json.gz"
    return srsly.read_gzip_json(str(path)) if path.is_file() else {}


@cache
def inflected_forms(code: str) -> frozenset[str]:
    """Inflected forms of the language's words ("Steinen" of "Stein")."""
    return frozenset(form for form, lemma in lemma_table(code).items() if form != lemma)


@cache
def vocabulary(code: str) -> frozenset[str]:
    """The language's words in lower case: every form and lemma spaCy's lookup table knows."""
    table = lemma_table(code)
    return frozenset(w.casefold() for w in (*table, *table.values()))


def date_words(rows: list[dict]) -> dict[str, dict[str, int]]:
    words: dict[str, dict[str, int]] = {}
    for row in rows:
        if row["kind"] not in ("month", "weekday"):
            words.setdefault(row["word"], {})[row["kind"]] = int(row["value"])
    return words


def place_cues(code: str) -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for row in table(code, "place_cues.tsv", "term", "kind"):
        kinds.setdefault(row["term"], set()).add(row["kind"])
    return {term: frozenset(found) for term, found in kinds.items()}


def place_features(code: str) -> tuple[tuple[str, str], ...]:
    """Feature words a name may end in, with GeoNames' English word (a language may have none)."""
    if not lang_file(code, "place_features.tsv").exists():
        return ()
    rows = table(code, "place_features.tsv", "suffix", "name")
    return tuple((row["suffix"], row["name"]) for row in rows)


def fatality_patterns(code: str):
    for row in table(code, "fatality_patterns.tsv", "pattern", "kind"):
        try:
            yield re.compile(row["pattern"], re.IGNORECASE), row["kind"]
        except re.error as error:
            raise ResourceError(
                f"{code}/fatality_patterns.tsv: {row['pattern']!r}: {error}"
            ) from None


@cache
def required_concepts() -> dict[str, frozenset[str]]:
    """Sub-event type → concepts of which the text must hold one (`lang/base/evidence.tsv`)."""
    needs = {}
    for row in read_table(lang_file("base", "evidence.tsv"), ("sub_event_type", "any_of")):
        concepts = frozenset(row["any_of"].split())
        if row["sub_event_type"] not in taxonomy.sub_event_types() or concepts - CONCEPTS:
            raise ResourceError(f"base/evidence.tsv: bad row for {row['sub_event_type']!r}")
        needs[row["sub_event_type"]] = concepts
    return needs


@cache
def rules() -> tuple[Rule, ...]:
    loaded = []
    for row in read_table(lang_file("base", "rules.tsv"), ("concepts", "unless", "sub_event_type")):
        if row["sub_event_type"] not in taxonomy.sub_event_types():
            raise ResourceError(f"base/rules.tsv: unknown sub_event_type {row['sub_event_type']!r}")
        unknown = (set(row["concepts"].split()) | set(row["unless"].split())) - CONCEPTS
        if unknown:
            raise ResourceError(f"base/rules.tsv: unknown concepts {sorted(unknown)}")
        loaded.append(
            Rule(
                frozenset(row["concepts"].split()),
                frozenset(row["unless"].split()),
                row["sub_event_type"],
            )
        )
    return tuple(loaded)
