"""Split a document into sentences with spaCy's blank pipelines (rule-based, no model)."""

from __future__ import annotations

from functools import cache

from .models import Document, Sentence

FALLBACK_LANGUAGE = "xx"


@cache
def pipeline(language: str):
    """A blank spaCy pipeline with a sentencizer for `language` (multi-language if unknown)."""
    import spacy

    try:
        nlp = spacy.blank(language)
    except (ImportError, KeyError):
        nlp = spacy.blank(FALLBACK_LANGUAGE)
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(document: Document) -> list[Sentence]:
    """Sentences of the document's body, with offsets into the document's full text."""
    nlp = pipeline(document.language or FALLBACK_LANGUAGE)
    offset = document.body_start
    sentences = []
    for span in nlp(document.body).sents:
        text = span.text.strip()
        if text:
            start = offset + span.start_char + (len(span.text) - len(span.text.lstrip()))
            sentences.append(Sentence(start=start, end=start + len(text), text=text))
    return sentences
