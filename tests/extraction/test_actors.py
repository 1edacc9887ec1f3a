"""Actor names to canonical ACLED actors, their countries, and their roles."""

import pytest

from lagebild.extraction import load_language
from lagebild.extraction.actors import (
    assign_roles,
    country_mentions,
    find_actors,
    mark_victims,
    resolve,
    stem_country,
)
from lagebild.extraction.context import target_spans, victim_spans
from lagebild.text import tokenize


def actors(language, text):
    lexicon = load_language(language)
    agents = [m for m in lexicon.concepts.find(text) if "AGENT" in m.labels]
    tokens = tokenize(text)
    marks = country_mentions(tokens, text, 0, lexicon)
    return find_actors(tokens, text, 0, lexicon, agents, marks)


def names(language, text, country="SY"):
    return [resolve(m, country, None)[0] for m in actors(language, text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("IS-Kämpfer griffen an.", ["Islamic State"]),
        (
            "Gefechte zwischen dem Islamischen Staat und der SDF",
            ["Islamic State", "SDF: Syrian Democratic Forces"],
        ),
        (
            "Sicherheitskräfte der „Syrischen Demokratischen Kräfte“ (SDF)",
            ["SDF: Syrian Democratic Forces", "SDF: Syrian Democratic Forces"],
        ),
        ("Die Türkei bombardierte einen Konvoi.", ["Military Forces of Turkey"]),
        ("Die türkische Armee beschoss das Dorf.", ["Military Forces of Turkey"]),
        ("Das ist ein Test, kein Angriff.", []),
    ],
)
def test_german_actors(text, expected):
    assert names("de", text) == expected


def test_generic_word_after_a_named_group_belongs_to_it():
    assert names("en", "Al Shabaab militants attacked the base.", "SO") == ["Al Shabaab"]


def test_english_acronym_is_case_sensitive():
    assert names("en", "This is what IS fighters did.") == ["Islamic State"]


def test_foreign_state_forces_are_external():
    (turkish,) = actors("en", "Turkish forces shelled the village.")
    assert resolve(turkish, "SY", None) == ("Military Forces of Turkey", 8)
    assert resolve(turkish, "TR", None) == ("Military Forces of Turkey", 1)


@pytest.mark.parametrize(
    "word, code",
    [("syrischen", "SY"), ("jemenitische", "YE"), ("nigerianischen", "NG"), ("afghanischer", "AF")],
)
def test_german_adjectives_find_their_country(word, code):
    assert stem_country(word, load_language("de").adjective_stems) == code


def test_passive_agent_is_actor1():
    mentions = actors("en", "Two civilians were killed by gunmen.")
    roles = assign_roles("Attack", mentions)
    assert (roles.actor1.inter, roles.actor2.inter) == (3, 7)


def test_protest_without_named_crowd_gets_generic_protesters():
    roles = assign_roles("Peaceful protest", [])
    assert (roles.actor1.name, roles.actor1.inter, roles.actor2) == (
        "Protesters ({country})",
        6,
        None,
    )


def victims(language, text, country):
    """The actors of `text` that are counted among its dead or hurt, or are whom it was done to."""
    lexicon = load_language(language)
    tokens = tokenize(text)
    concepts = lexicon.concepts.find(text)
    counted, targets = (
        victim_spans(tokens, concepts, lexicon),
        target_spans(tokens, concepts, lexicon),
    )
    found = mark_victims(actors(language, text), tokens, counted, targets)
    return [resolve(m, country, None)[0] for m in found if m.victim]


@pytest.mark.parametrize(
    "language, text, country, expected",
    [
        (
            "de",
            "Mehr als 140 Rebellen der Huthi wurden getötet.",
            "YE",
            ["Military Forces of Yemen (Supreme Political Council)"],
        ),
        ("de", "20 Zivilisten bei Luftangriffen der Militärkoalition getötet", "YE", []),
        ("en", "Ten Taliban were killed by an airstrike.", "AF", ["Taliban"]),
        ("en", "The army attacked the base, killing three SDF fighters.", "SY", ["SDF"]),
        (
            "de",
            "Die Miliz meldete einen Angriff auf israelische Soldaten.",
            "LB",
            ["Military Forces of Israel"],
        ),
        (
            "en",
            "The rebels claimed an attack on Nigerian soldiers near Maiduguri.",
            "NG",
            ["Military Forces of Nigeria"],
        ),
        (
            "de",
            "Die Luftwaffe flog neue Angriffe auf die von Rebellen gehaltenen Viertel.",
            "SY",
            ["Unidentified Armed Group (Syria)"],
        ),
        (
            "en",
            "Jets carried out airstrikes on areas held by rebels.",
            "SY",
            ["Unidentified Armed Group (Syria)"],
        ),
    ],
)
def test_the_counted_dead_are_victims_not_doers(language, text, country, expected):
    assert [n.split(":")[0] for n in victims(language, text, country)] == expected


@pytest.mark.parametrize(
    "language, text",
    [("de", "Im Jemen wurden fünf Menschen getötet."), ("en", "Five people were killed in Yemen.")],
)
def test_a_country_named_as_the_place_is_no_actor(language, text):
    assert names(language, text, "YE") == ["Civilians (Yemen)"]
