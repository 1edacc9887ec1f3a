"""Lint every language data file: header, columns, allowed labels, no duplicate entries."""

from collections import Counter

import pytest

from lagebild import taxonomy
from lagebild.extraction.lexicon import available_languages, load_language
from lagebild.resources import LANG_ROOT, read_table

LANGUAGES = available_languages()
FILES = {
    "triggers.tsv": ("term", "sub_event_type", "match"),
    "actors.tsv": ("alias", "actor", "inter", "case"),
    "numbers.tsv": ("word", "value"),
    "fatalities.tsv": ("term", "kind", "match"),
    "dates.tsv": ("word", "kind", "value"),
    "place_cues.tsv": ("term", "precision"),
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
    assert {t.label for t in lexicon.triggers} <= set(taxonomy.sub_event_types())
    assert {a.inter for a in lexicon.actor_info.values()} <= set(taxonomy.actor_types())
    assert {t.label for t in lexicon.fatality_terms} <= {"killed", "injured"}
    assert sorted(set(lexicon.months.values())) == list(range(1, 13))
    assert sorted(set(lexicon.weekdays.values())) == list(range(7))


@pytest.mark.parametrize("language", LANGUAGES)
def test_actor_templates_only_use_country(language):
    for name in load_language(language).actor_info:
        name.format(country="Syria")


def test_taxonomy_has_acleds_25_sub_event_types_and_notes_for_each():
    assert len(taxonomy.sub_event_types()) == 25
    assert set(taxonomy.note_phrases()) == set(taxonomy.sub_event_types())
