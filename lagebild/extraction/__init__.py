"""The extraction stage: lexicons and rules per language that code events as ACLED does."""

from .coder import extract
from .lexicon import Lexicon, available_languages, load_language

__all__ = ["Lexicon", "available_languages", "extract", "load_language"]
