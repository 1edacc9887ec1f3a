"""Shared builders: valid documents and events made by hand, so tests never run the extractor."""

import datetime as dt

import pytest

from lagebild.models import Document, Event, Evidence, Source


def build_event(doc_id: str = "de/a.txt", **overrides) -> Event:
    """A valid Violence-against-civilians event in Al-Hasakah with one source `doc_id`."""
    fields = dict(
        event_date=dt.date(2022, 1, 23),
        time_precision=1,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Islamic State",
        inter1=2,
        actor2="Civilians (Syria)",
        inter2=7,
        country="Syria",
        iso3="SYR",
        admin1="Al-Hasakah",
        location="Al-Hasakah",
        latitude=36.50237,
        longitude=40.74772,
        geo_precision=1,
        fatalities=2,
        sources=[Source(doc_id=doc_id)],
        confidence=0.8,
        notes="On 23 January 2022, Islamic State militants killed 2 civilians in Al-Hasakah.",
    )
    return Event(**{**fields, **overrides})


def build_document(doc_id: str, text: str, **overrides) -> Document:
    return Document(id=doc_id, text=text, published="2022-01-24", language="de", **overrides)


def evidence_for(document: Document, field: str, words: str) -> Evidence:
    """Evidence for `words`, located where they first occur in the document's text."""
    start = document.text.index(words)
    return Evidence(
        doc_id=document.id, field=field, text=words, start=start, end=start + len(words)
    )


@pytest.fixture
def make_event():
    return build_event


@pytest.fixture
def make_document():
    return build_document


@pytest.fixture
def make_evidence():
    return evidence_for
