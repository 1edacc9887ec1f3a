"""The details of a report's text that the merge compares: names and figures."""

import pytest
from conftest import build_document

from lagebild.merge.details import compare, details
from lagebild.models import Document
from lagebild.text import fold

OSCE_DE = (
    "Die Beobachtermission der OSZE hat am 9. Mai 2020 nahe Wiktoriwka im Gebiet Donezk "
    "insgesamt 18 Geschosse registriert. Regierungstruppen erwiderten das Feuer."
)
OSCE_EN = (
    "On 9 May 2020, the OSCE SMM observed a total of 18 projectiles in both directions of the "
    "frontline near Viktorivka."
)


def english(text: str) -> Document:
    return Document(id="en", text=text, language="en")


def test_german_and_english_spellings_of_a_village_meet():
    shared = compare(details(build_document("de", OSCE_DE)), details(english(OSCE_EN))).shared
    assert set(shared) == {"#18", "viktorivka"}


@pytest.mark.parametrize("german, english_spelling", [
    ("Dschalalabad", "Jalalabad"), ("Charkiw", "Kharkiv"), ("Rakka", "Raqqa"),
    ("Kanija", "Qaniyah"), ("Desnjanskyj", "Desnianskyi"),
])  # fmt: skip
def test_transliterations_fold_to_one_spelling(german, english_spelling):
    assert fold(german) == fold(english_spelling)


def test_common_words_are_no_names_though_german_capitalises_them():
    found = details(build_document("de", OSCE_DE))
    assert not {"beobachtermission", "regierungstruppen"} & {d.strip("!") for d in found}


def test_a_date_gives_no_figures_and_a_village_is_a_rare_name():
    found = details(english(OSCE_EN))
    assert "#9" not in found and "#2020" not in found
    assert "!viktorivka" in found and "#18" in found


def test_number_words_are_figures():
    assert "#12" in details(build_document("de", "Zwölf Menschen starben in Ghazni."))


def test_names_and_figures_only_one_report_has_are_counted():
    kamianka = details(english("On 3 May, NAF forces fired at positions near Kamianka: 41 shots."))
    other = details(english("On 3 May, NAF forces fired at positions near Starohnativka: 9 shots."))
    agreement = compare(kamianka, other)
    assert agreement.rare_apart == agreement.names_apart == 1
    assert agreement.figures_apart == 1


def test_differing_death_tolls_are_no_disagreement():
    early = details(english("Seven people were killed in Mandawi market."))
    later = details(english("Nine people were killed in Mandawi market."))
    assert compare(early, later).figures_apart == 1
    assert compare(early, later, tolls=(7, 9)).figures_apart == 0


def test_digits_that_are_no_plain_number_give_no_figure():
    found = details(english("Item ① of 5² reports: call 1234567890123 or 99999."))
    assert found & {"#99999"} and not {d for d in found if d.startswith("#")} - {"#99999"}
