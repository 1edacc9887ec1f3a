"""Actor aliases to canonical ACLED names, and actor roles."""

import pytest

from lagebild.extraction import load_language
from lagebild.extraction.actors import actor_mentions, assign_actors
from lagebild.text import tokenize


def names(language, text):
    return [m.name for m in actor_mentions(tokenize(text), load_language(language))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("IS-Kämpfer griffen an.", ["Islamic State"]),
        ("Gefechte zwischen dem Islamischen Staat und der SDF", ["Islamic State", "SDF"]),
        ("der „Syrischen Demokratischen Kräfte“ (SDF)", ["SDF"]),
        ("Die Türkei bombardierte einen Konvoi.", ["Military Forces of Turkey"]),
        ("Das ist ein Test, kein Angriff.", []),
    ],
)
def test_german_aliases(text, expected):
    assert names("de", text) == expected


def test_english_acronym_is_case_sensitive():
    assert names("en", "This is what IS fighters did.") == ["Islamic State"]


def test_civilian_target_turns_a_clash_into_an_attack():
    mentions = actor_mentions(tokenize("IS-Kämpfer töteten Zivilisten."), load_language("de"))
    sub_event_type, actor1, actor2 = assign_actors("Armed clash", mentions)
    assert (sub_event_type, actor1.name, actor2.name) == (
        "Attack",
        "Islamic State",
        "Civilians ({country})",
    )


def test_protest_without_named_crowd_gets_generic_protesters():
    _, actor1, actor2 = assign_actors("Peaceful protest", [])
    assert (actor1.name, actor1.inter, actor2) == ("Protesters ({country})", 6, None)
