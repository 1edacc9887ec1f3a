"""Which language a document is written in (lingua), among the languages lagebild reads
and a few common others, so that an article in French is recognised rather than misread."""

from __future__ import annotations

from functools import cache

from .models import Document

SUPPORTED = ("de", "en")
DETECTED = ("de", "en", "fr", "es", "it", "ar", "ru", "tr")
MIN_CHARS = 20


@cache
def detector():
    """The lingua detector, built on first use (≈1 s, ≈250 MB) and shared afterwards."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in DETECTED]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    if len(text.strip()) < MIN_CHARS:
        return None
    language = detector().detect_language_of(text[:2000])
    return language.iso_code_639_1.name.lower() if language else None


def with_language(document: Document) -> Document:
    """The document with its language set: a declared language wins over detection."""
    if document.language:
        return document
    return document.model_copy(update={"language": detect_language(document.body)})
