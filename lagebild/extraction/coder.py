"""The extraction stage: a document → its coded events, each field with evidence.

`context` reads the whole document; `mentions` finds the sentences that report an event;
`incidents` types each mention, gives its actors their roles and groups the mentions of one
incident; `record` writes each incident as an event.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from .. import geo
from ..language import with_language
from ..models import Document, Event, Notice
from .context import build_context
from .incidents import code, follow_stories, incidents
from .lexicon import Lexicon, available_languages, load_language
from .mentions import candidates
from .record import to_event

MIN_CONFIDENCE = 0.5


class Coding(NamedTuple):
    """A document's events, and what a reader should know about how they were coded."""

    events: list[Event]
    notices: list[Notice]


def extract(
    document: Document,
    lexicon: Lexicon | None = None,
    gazetteer: geo.Gazetteer | None = None,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[Event]:
    """Code the events a document reports (`code_document` without its notices)."""
    return code_document(document, lexicon, gazetteer, min_confidence).events


def code_document(
    document: Document,
    lexicon: Lexicon | None = None,
    gazetteer: geo.Gazetteer | None = None,
    min_confidence: float = MIN_CONFIDENCE,
    today: dt.date | None = None,
) -> Coding:
    """Code the events a document reports (none if its language has no lexicon). Besides its
    most confident event, a document's events below `min_confidence` are left out: asides
    more often than news. A document without a date has its events dated by the text, else
    to `today`'s month (default: the current one), and says so."""
    document = with_language(document)
    if lexicon is None:
        if document.language not in available_languages():
            return Coding([], [])
        lexicon = load_language(document.language)
    context = build_context(document, lexicon, gazetteer or geo.default_gazetteer(), today)
    coded = follow_stories(context, [code(context, c) for c in candidates(context)])
    found = incidents(coded, len(context.sentences))
    events = [to_event(context, incident, rank) for rank, incident in enumerate(found)]
    top = max(events, key=lambda e: e.confidence, default=None)
    events = [e for e in events if e is top or e.confidence >= min_confidence]
    assumed = sum(e.date_assumed for e in events)
    if assumed:
        month = f"{context.reference.date:%B %Y}"
        context.notice(None, f"no date given: {assumed} event(s) dated to {month}, when coded")
    return Coding(events, context.notices)
