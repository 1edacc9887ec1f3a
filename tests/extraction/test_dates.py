"""Event dates resolved against the document date, with ACLED time precision."""

import datetime as dt

import pytest

import lagebild
from lagebild.extraction import load_language
from lagebild.extraction.dates import DAY, MONTH, DateMention, document_date, sentence_date
from lagebild.models import Document

MONDAY = DateMention(dt.date(2022, 1, 24), DAY, None, None)


def test_weekday_is_the_last_such_day_before_the_article():
    text = "Die Türkei attackierte am Sonntag einen Militärkonvoi."
    found = sentence_date(text, 0, load_language("de"), MONDAY)
    assert found.date == dt.date(2022, 1, 23)
    assert text[found.start : found.end] == "Sonntag"


def test_weekday_needs_a_day_precise_reference():
    month_only = DateMention(dt.date(2022, 1, 15), MONTH, None, None)
    assert sentence_date("am Sonntag", 0, load_language("de"), month_only) is None


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("en", "On 9 May 2020, clashes erupted.", dt.date(2020, 5, 9)),
        ("en", "On May 9, 2020 militants attacked.", dt.date(2020, 5, 9)),
        ("de", "Am 23. Januar 2022 griffen Kämpfer an.", dt.date(2022, 1, 23)),
        ("de", "Am 28. Dezember griffen Kämpfer an.", dt.date(2021, 12, 28)),
    ],
)
def test_explicit_dates(language, text, expected):
    assert sentence_date(text, 0, load_language(language), MONDAY).date == expected


def test_around_a_date_is_week_precision():
    found = sentence_date("Around 9 May 2020 (as reported), gunmen", 0, load_language("en"), MONDAY)
    assert (found.date, found.precision) == (dt.date(2020, 5, 9), 2)


def test_start_of_a_month_is_its_first_day_with_month_precision():
    found = sentence_date("Anfang Januar 2022 griffen Kämpfer an.", 0, load_language("de"), MONDAY)
    assert (found.date, found.precision) == (dt.date(2022, 1, 1), MONTH)


def test_yesterday():
    found = sentence_date("Gestern griffen Kämpfer an.", 0, load_language("de"), MONDAY)
    assert found.date == dt.date(2022, 1, 23)


def test_month_header_gives_mid_month_with_month_precision_and_a_span():
    document = Document(id="a", text=" date 2022-01 Text", published="2022-01", body_start=14)
    found = document_date(document)
    assert (found.date, found.precision) == (dt.date(2022, 1, 15), MONTH)
    assert document.text[found.start : found.end] == "2022-01"


def test_a_sentence_dated_years_before_an_article_dated_only_by_month_is_background():
    text = "Im April 2017 griff die Armee die Stadt mit Giftgas an."
    assert lagebild.extract(text, published="2019-08", language="de") == []


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("en", "They were paid nothing for more than 75 days.", None),
        ("en", "The attack took place three days ago.", dt.date(2022, 1, 21)),
        ("de", "Sie warten seit 75 Tagen auf ihren Lohn.", None),
        ("de", "Der Anschlag geschah vor drei Tagen.", dt.date(2022, 1, 21)),
    ],
)
def test_a_duration_is_no_date_unless_counted_back(language, text, expected):
    found = sentence_date(text, 0, load_language(language), MONDAY)
    assert (found and found.date) == expected
