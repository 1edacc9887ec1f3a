"""The term matcher: German compound parts and their heads."""

from lagebild.extraction import load_language


def test_a_compound_part_needs_a_word_before_it():
    found = load_language("de").concepts.find("Zur gleichen Zeit gab es Proteste.")
    assert not [m for m in found if "BODY" in m.labels]


def test_a_compound_part_is_found_after_its_head():
    found = load_language("de").concepts.find("Am Ufer wurde eine Wasserleiche gefunden.")
    assert [m for m in found if "BODY" in m.labels]
