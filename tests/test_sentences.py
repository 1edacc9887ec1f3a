"""Sentence splitting of lagebild.sentences: sensible boundaries and offsets into the full text."""

from __future__ import annotations

from lagebild.models import Document
from lagebild.sentences import split_sentences

GERMAN = (
    "Bei dem Anschlag am 23. Januar 2022 in al-Hasakah wurden mind. 12 Menschen getötet, u.a. "
    "drei Polizisten. Die Kämpfer des IS griffen das Gefängnis al-Sina an, so die SDF. "
    "Am 1. Februar gab es z.B. weitere Angriffe in der Provinz Deir ez-Zor, sagte Dr. Müller "
    "vom Roten Halbmond. Nach Angaben der UN flohen ca. 45.000 Menschen aus der Stadt."
)
GERMAN_SENTENCES = [
    "Bei dem Anschlag am 23. Januar 2022 in al-Hasakah wurden mind. 12 Menschen getötet, u.a. "
    "drei Polizisten.",
    "Die Kämpfer des IS griffen das Gefängnis al-Sina an, so die SDF.",
    "Am 1. Februar gab es z.B. weitere Angriffe in der Provinz Deir ez-Zor, sagte Dr. Müller "
    "vom Roten Halbmond.",
    "Nach Angaben der UN flohen ca. 45.000 Menschen aus der Stadt.",
]
ENGLISH = (
    "On 9 May 2020, clashes erupted between pro-Houthi forces and pro-Hadi forces in Marib. "
    "Dr. Smith of the U.N. said at least 20 people were killed. Were civilians among them? "
    "Nobody knows! The U.S. Embassy in Sanaa remained closed."
)


def texts(document: Document) -> list[str]:
    return [s.text for s in split_sentences(document)]


def assert_offsets(document: Document) -> None:
    sentences = split_sentences(document)
    assert sentences
    for sentence in sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= document.body_start
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)


def test_german_abbreviations_and_dates_do_not_end_a_sentence():
    assert texts(Document(id="d", text=GERMAN, language="de")) == GERMAN_SENTENCES


def test_english_paragraph():
    assert texts(Document(id="d", text=ENGLISH, language="en")) == [
        "On 9 May 2020, clashes erupted between pro-Houthi forces and pro-Hadi forces in Marib.",
        "Dr. Smith of the U.N. said at least 20 people were killed.",
        "Were civilians among them?",
        "Nobody knows!",
        "The U.S. Embassy in Sanaa remained closed.",
    ]


def test_offsets_point_into_the_text():
    assert_offsets(Document(id="d", text=GERMAN, language="de"))
    assert_offsets(Document(id="d", text=ENGLISH, language="en"))


def test_offsets_of_a_document_with_a_header_count_from_the_full_text():
    header = "date 2022-01-24\nurl https://example.org/hasakah\ntitle Angriff auf Gefängnis\n\n"
    document = Document(id="d", text=header + GERMAN, body_start=len(header), language="de")
    assert_offsets(document)
    assert texts(document) == GERMAN_SENTENCES
    assert split_sentences(document)[0].start == len(header)


def test_header_is_not_split_into_sentences():
    header = "date 2022-01 "
    document = Document(id="d", text=header + "Die Lage ist ruhig.", body_start=len(header))
    assert texts(document) == ["Die Lage ist ruhig."]


def test_whitespace_around_sentences_is_not_part_of_them():
    text = "  \n Die Armee rückte vor.   Die Milizen zogen sich zurück. \n\n "
    document = Document(id="d", text=text, language="de")
    assert texts(document) == ["Die Armee rückte vor.", "Die Milizen zogen sich zurück."]
    assert_offsets(document)


def test_headline_without_full_stop_ends_at_the_blank_line():
    """Feeds and the corpus put a headline or subheading on a paragraph of its own."""
    text = (
        "Acht Beamte leicht verletzt\n\n"
        "Ersten Erkenntnissen zufolge wurden acht Beamte leicht verletzt. Festnahmen gab es "
        "keine.\r\n\r\nHausbesetzung beendet\n \nDie Polizei räumte das Haus."
    )
    document = Document(id="d", text=text, language="de")
    assert texts(document) == [
        "Acht Beamte leicht verletzt",
        "Ersten Erkenntnissen zufolge wurden acht Beamte leicht verletzt.",
        "Festnahmen gab es keine.",
        "Hausbesetzung beendet",
        "Die Polizei räumte das Haus.",
    ]
    assert_offsets(document)


def test_empty_body_has_no_sentences():
    assert split_sentences(Document(id="d", text="date 2022-01\n\n", body_start=14)) == []
