"""Split a document into sentences with spaCy's blank pipelines (rule-based, no model)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .models import Document, Sentence

FALLBACK_LANGUAGE = "xx"
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Sentence splitting needs only punctuation split off words: opening quotes and brackets in
# front; closing ones and sentence marks behind, but not the point of an initial ("A. Madero")
# nor, in German, of an ordinal ("am 9. Mai").
OPENING = re.compile(r"^[\"“„(\[\'‚‘«»*]")
CLOSING = {
    "de": re.compile(r"(?:(?<![\s(.][A-ZÄÖÜ])(?<!^[A-ZÄÖÜ])(?<!\d)\.|[!?;:,)\]\"”“\'‘’»«])$"),
    "other": re.compile(r"(?:(?<![\s(.][A-Z])(?<!^[A-Z])\.|[!?;:,)\]\"”“\'‘’»«])$"),
}


@cache
def pipeline(language: str):
    """A blank spaCy pipeline with a sentencizer for `language` (multi-language if unknown)."""
    import spacy

    try:
        nlp = spacy.blank(language)
    except (ImportError, KeyError):
        nlp = spacy.blank(FALLBACK_LANGUAGE)
    nlp.add_pipe("sentencizer")
    nlp.tokenizer = lean_tokenizer(nlp, language)
    return nlp


def lean_tokenizer(nlp, language: str):
    """The language's tokenizer exceptions (abbreviations: "mind.", "u.a.", "Dr.") with only
    the punctuation rules sentence splitting needs: several times faster than the full set."""
    from spacy.tokenizer import Tokenizer

    full = nlp.tokenizer
    return Tokenizer(
        nlp.vocab,
        rules=full.rules,
        prefix_search=OPENING.search,
        suffix_search=CLOSING.get(language, CLOSING["other"]).search,
        token_match=full.token_match,
        url_match=full.url_match,
    )


def split_sentences(document: Document) -> list[Sentence]:
    """Sentences of the document's body, with offsets into the document's full text."""
    nlp = pipeline(document.language or FALLBACK_LANGUAGE)
    offsets, texts = zip(*paragraphs(document.text, document.body_start), strict=True)
    sentences = []
    for offset, doc in zip(offsets, nlp.pipe(texts), strict=True):
        for span in doc.sents:
            text = span.text.strip()
            if text:
                start = offset + span.start_char + (len(span.text) - len(span.text.lstrip()))
                sentences.append(Sentence(start=start, end=start + len(text), text=text))
    return sentences


def paragraphs(text: str, start: int) -> Iterator[tuple[int, str]]:
    """The paragraphs of `text[start:]` with their offsets. A blank line always ends a sentence:
    headlines and subheadings stand on a paragraph of their own, without a full stop."""
    for match in PARAGRAPH_BREAK.finditer(text, start):
        yield start, text[start : match.start()]
        start = match.end()
    yield start, text[start:]
