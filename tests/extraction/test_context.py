"""The document read once: which sentences are someone's words in quotation marks."""

from lagebild.extraction.context import quoted_sentences
from lagebild.models import Document
from lagebild.sentences import split_sentences


def quoted(text: str) -> list[bool]:
    document = Document(id="t", text=text, language="de")
    return quoted_sentences(text, split_sentences(document))


def test_a_quoted_sentence_is_quoted():
    assert quoted(
        'Die Lage ist ernst. "Wir werden jeden Angriff auf unsere Stellungen vergelten."'
    ) == [
        False,
        True,
    ]


def test_straight_quotes_close_what_they_open():
    text = (
        'Die Terrormiliz "Islamischer Staat" hat Kirkuk angegriffen. Die Kämpfe dauern an. '
        'Die Lage sei "unter Kontrolle", hieß es.'
    )
    assert quoted(text) == [False, False, False]
