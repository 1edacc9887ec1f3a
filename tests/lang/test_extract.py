"""Realistic sentences of every language through `lagebild.extract`: event types, negation and
hedging, tolls, actors, dates and places. The cases are data, one table per language in
`<lang>/extract_cases.py`; these tests run every language's table."""

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

import lagebild

HERE = Path(__file__).parent
LANGUAGES = ("de", "en")


def load_cases(language: str):
    path = HERE / language / "extract_cases.py"
    spec = importlib.util.spec_from_file_location(f"extract_cases_{language}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CASES = {language: load_cases(language) for language in LANGUAGES}


def over_languages(table: str) -> list:
    """A table's cases of every language, each prefixed with its language (marks kept)."""
    params = []
    for language, cases in CASES.items():
        for case in getattr(cases, table):
            values, marks = (case.values, case.marks) if hasattr(case, "marks") else (case, ())
            values = (values,) if isinstance(values, str) else values
            text = next(v for v in values if isinstance(v, str) and " " in v)
            params.append(
                pytest.param(language, *values, marks=marks, id=f"{language}:{text[:40]}")
            )
    return params


def main_event(language, text, published=None):
    published = published or CASES[language].PUBLISHED
    events = lagebild.extract(text, published=published, language=language)
    assert events, "no event coded"
    return max(events, key=lambda e: e.confidence)


@pytest.mark.parametrize("language, expected, text", over_languages("SUB_EVENTS"))
def test_sentence_is_coded_as_its_sub_event_type(language, expected, text):
    assert main_event(language, text).sub_event_type == expected


@pytest.mark.parametrize("language, text", over_languages("NO_EVENT"))
def test_denied_threatened_planned_or_habitual_violence_is_no_event(language, text):
    published = CASES[language].PUBLISHED
    assert lagebild.extract(text, published=published, language=language) == []


@pytest.mark.parametrize("language, text, expected", over_languages("FATALITIES"))
def test_fatalities_follow_acled_counting_rules(language, text, expected):
    assert main_event(language, text).fatalities == expected


@pytest.mark.parametrize("language, text, actor1, inter1", over_languages("ACTORS"))
def test_actor1_is_the_acled_actor_with_its_inter_code(language, text, actor1, inter1):
    event = main_event(language, text)
    assert (event.actor1.split(":")[0], event.inter1) == (actor1, inter1)


@pytest.mark.parametrize("language, text, country", over_languages("CIVILIAN_TARGETS"))
def test_killed_civilians_are_actor2_of_an_attack(language, text, country):
    event = main_event(language, text)
    expected = ("Attack", f"Civilians ({country})", 7)
    assert (event.sub_event_type, event.actor2, event.inter2) == expected


@pytest.mark.parametrize("language, text, published, date, precision", over_languages("DATES"))
def test_event_date_and_time_precision(language, text, published, date, precision):
    event = main_event(language, text, published)
    assert (event.event_date, event.time_precision) == (dt.date.fromisoformat(date), precision)


@pytest.mark.parametrize("language, text, location", over_languages("PLACES"))
def test_event_is_placed_at_the_named_town(language, text, location):
    assert main_event(language, text).location == location


@pytest.mark.parametrize("language, text, country, admin1", over_languages("REGIONS"))
def test_event_is_placed_in_the_named_country_and_region(language, text, country, admin1):
    event = main_event(language, text)
    assert (event.country, event.admin1) == (country, admin1)


@pytest.mark.parametrize("language, text", over_languages("ONE_INCIDENT"))
def test_an_incident_told_again_is_one_event(language, text):
    published = CASES[language].PUBLISHED
    assert len(lagebild.extract(text, published=published, language=language)) == 1


@pytest.mark.parametrize("language, text, count", over_languages("SEPARATE_INCIDENTS"))
def test_incidents_in_other_regions_are_other_events(language, text, count):
    published = CASES[language].PUBLISHED
    assert len(lagebild.extract(text, published=published, language=language)) == count
