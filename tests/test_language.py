"""Language detection of lagebild.language and how `with_language` fills a document's language."""

from __future__ import annotations

import pytest

from lagebild.language import detect_language, with_language
from lagebild.models import Document

GERMAN = (
    "Bei einem Selbstmordanschlag auf einen Polizeichef in Pakistan sind mindestens zehn "
    "Menschen getötet worden."
)
ENGLISH = (
    "Clashes erupted between pro-Houthi and pro-Hadi forces on the Sirwah frontline, "
    "killing more than 20 fighters."
)
FRENCH = (
    "Des affrontements ont éclaté samedi dans le nord du Mali entre l'armée et des groupes armés."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [(GERMAN, "de"), (ENGLISH, "en"), (FRENCH, "fr")],
    ids=["german", "english", "french"],
)
def test_detects_the_language_of_a_news_sentence(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "   ", "Angriff in Mali", "  Kabul, Afghanistan  "])
def test_short_text_has_no_language(text):
    assert detect_language(text) is None


def test_declared_language_is_kept():
    document = Document(id="d", text=GERMAN, language="en")
    assert with_language(document).language == "en"


def test_missing_language_is_detected_from_the_text():
    document = Document(id="d", text=ENGLISH)
    filled = with_language(document)
    assert filled.language == "en"
    assert filled.text == document.text and filled.id == document.id
    assert document.language is None


def test_language_is_detected_from_the_body_not_the_header():
    header = "date 2022-01-24\ntitle Shelling near Luhansk\n\n"
    document = Document(id="d", text=header + "Kurz.", body_start=len(header))
    assert with_language(document).language is None


def test_document_too_short_to_tell_keeps_no_language():
    assert with_language(Document(id="d", text="Kabul.")).language is None
