"""Lint every language data file: header, columns, allowed labels, no duplicate entries."""

from collections import Counter

import pytest

from lagebild import taxonomy
from lagebild.extraction.lexicon import (
    CONCEPTS,
    available_languages,
    load_language,
    required_concepts,
    rules,
)
from lagebild.resources import LANG_ROOT, lang_file, read_table

LANGUAGES = available_languages()
FILES = {
    "concepts.tsv": ("term", "concept", "match"),
    "actors.tsv": ("alias", "actor", "inter", "case"),
    "countries.tsv": ("iso2", "names", "adjectives"),
    "numbers.tsv": ("word", "value", "kind"),
    "dates.tsv": ("word", "kind", "value"),
    "place_cues.tsv": ("term", "kind"),
    "fatality_patterns.tsv": ("pattern", "kind"),
}


def test_german_and_english_are_available():
    assert {"de", "en"} <= set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", FILES)
def test_every_language_has_every_file_with_no_duplicates(language, name):
    columns = FILES[name]
    rows = list(read_table(LANG_ROOT / language / name, columns))
    assert rows, f"{language}/{name} is empty"
    assert all(row[columns[0]] for row in rows), f"{language}/{name} has an empty first cell"
    keys = Counter(tuple(row[c] for c in columns[:2]) for row in rows)
    assert [k for k, n in keys.items() if n > 1] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_labels_are_known(language):
    lexicon = load_language(language)
    assert {t.label for t in lexicon.concepts.terms} <= CONCEPTS
    assert {a.inter for a in lexicon.actor_info.values()} <= set(taxonomy.actor_types())
    assert set().union(*lexicon.place_cues.values()) <= {
        "near",
        "in",
        "article",
        "modifier",
        "direction",
        "city_suffix",
        "authority",
        "facility",
        "title",
        "locative",
        "border",
        "reference",
        "region",
        "capitalises",
    }
    assert sorted(set(lexicon.months.values())) == list(range(1, 13))
    assert sorted(set(lexicon.weekdays.values())) == list(range(7))


@pytest.mark.parametrize("language", LANGUAGES)
def test_actor_templates_only_use_country_or_group(language):
    for name in load_language(language).actor_info:
        name.replace("{group}", "").format(country="Syria")


def test_rules_name_known_concepts_and_types():
    for rule in rules():
        assert rule.concepts <= CONCEPTS and rule.unless <= CONCEPTS
        assert rule.sub_event_type in taxonomy.sub_event_types()


def test_taxonomy_has_acleds_25_sub_event_types_and_notes_for_each():
    assert len(taxonomy.sub_event_types()) == 25
    assert set(taxonomy.note_phrases()) == set(taxonomy.sub_event_types())


def test_every_type_with_required_words_names_known_concepts():
    needs = required_concepts()
    assert set(needs) <= set(taxonomy.sub_event_types())
    assert all(concepts and concepts <= CONCEPTS for concepts in needs.values())


def test_a_country_adjective_names_one_country():
    adjectives = [
        adjective
        for row in read_table(lang_file("en", "countries.tsv"), ("iso2", "names", "adjectives"))
        for adjective in filter(None, (a.strip() for a in row["adjectives"].split(";")))
    ]
    assert len(adjectives) == len(set(adjectives))


@pytest.mark.parametrize(
    "language, text, concept, found",
    [
        ("de", "Die Geschosse trafen ein Wohnhaus.", "SHELL", True),
        ("de", "Sechs Autos brannten im Tiefgeschoss.", "SHELL", False),
        ("de", "Im Erdgeschoss brach Feuer aus.", "SHELL", False),
        ("en", "Workers engaged in mining protested.", "CLASH", False),
        ("en", "They demanded more money to fight the pandemic.", "CLASH", False),
        ("en", "A fight broke out between two gangs.", "CLASH", True),
    ],
)
def test_words_with_another_sense_name_no_concept(language, text, concept, found):
    labels = {c for m in load_language(language).concepts.find(text) for c in m.labels}
    assert (concept in labels) == found
