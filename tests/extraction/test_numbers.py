"""Fatality counts in German and English, by ACLED's lowest-estimate rule."""

import pytest

from lagebild.extraction import load_language
from lagebild.extraction.numbers import death_counts, stated_count
from lagebild.text import tokenize


def counts(language, text):
    lexicon = load_language(language)
    concepts = lexicon.concepts.find(text)
    deaths = [m for m in concepts if "DEAD" in m.labels]
    injuries = [m for m in concepts if "INJURE" in m.labels]
    return [c.value for c in death_counts(tokenize(text), deaths, injuries, lexicon)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dabei starben mindestens zwei SDF-Kämpfer.", [2]),
        ("Beim Islamischen Staat wurden über 130 getötet.", [130]),
        (
            "Bei der Miliz wurden 30 Mitglieder und beim Islamischen Staat über 130 getötet.",
            [160],
        ),
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
        ("The militants attacked the base, killing two soldiers and injuring five others.", [2]),
        ("On 3 May 2020, unidentified gunmen killed 1 resident.", [1]),
        ("12 people were killed, including 3 children.", [12]),
    ],
)
def test_english_fatalities(text, expected):
    assert counts("en", text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Fatalities coded as 0 (VoJ reported 1).", 0),
        ("20 fatalities split up between 3 events.", 7),
        ("Neither fatalities nor injuries were reported.", 0),
    ],
)
def test_stated_figures(text, expected):
    assert stated_count(text, 0, load_language("en")).value == expected


def test_count_span_covers_number_and_death_word():
    text = "Dabei starben mindestens zwei SDF-Kämpfer."
    lexicon = load_language("de")
    deaths = [m for m in lexicon.concepts.find(text) if "DEAD" in m.labels]
    (count,) = death_counts(tokenize(text), deaths, [], lexicon)
    assert text[count.start : count.end] == "starben mindestens zwei"
