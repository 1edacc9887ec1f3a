"""Fatality counts in German and English, by ACLED's lowest-estimate rule."""

import pytest

from lagebild.extraction import load_language
from lagebild.extraction.numbers import fatality_counts
from lagebild.text import tokenize


def counts(language, text):
    return [c.value for c in fatality_counts(tokenize(text), load_language(language))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dabei starben mindestens zwei SDF-Kämpfer.", [2]),
        ("Beim Islamischen Staat wurden über 130 getötet.", [130]),
        ("Bei dem Anschlag sind mindestens 35 Menschen getötet worden.", [35]),
        ("Dutzende Menschen wurden getötet.", [12]),
        ("Es gab 1.000 Tote.", [1000]),
        ("Rund 30 Menschen wurden verletzt.", []),
    ],
)
def test_german_fatalities(text, expected):
    assert counts("de", text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("At least 12 people were killed.", [12]),
        ("A soldier was killed in the attack.", [1]),
        ("Dozens of civilians were killed.", [12]),
        ("The attack left 2,300 dead.", [2300]),
        ("Five people were injured.", []),
        ("The militants attacked the base, killing two soldiers.", [2]),
    ],
)
def test_english_fatalities(text, expected):
    assert counts("en", text) == expected


def test_count_span_covers_number_and_death_word():
    text = "Dabei starben mindestens zwei SDF-Kämpfer."
    (count,) = fatality_counts(tokenize(text), load_language("de"))
    assert text[count.start : count.end] == "starben mindestens zwei"
