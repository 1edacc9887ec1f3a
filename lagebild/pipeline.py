"""The stages in order: read → language → sentences → extract (with geo) → merge → store.

`process` is the pure per-document step, the same in one process, a pool or on a cluster;
`ingest` runs the stages over read documents into a store, a batch at a time, for the CLI and
the API alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import NamedTuple

from .errors import ExtractError, LagebildError, ReadError
from .extraction.coder import code_document
from .ingest import Outcome, add_documents
from .language import with_language
from .models import Document, Event, Notice
from .read import ReadResult
from .settings import setting
from .store import Store


class Coded(NamedTuple):
    """A document with its language set, the events it reports and the notices on them."""

    document: Document
    events: list[Event]
    notices: list[Notice] = []


def process(document: Document, today: dt.date | None = None) -> Coded:
    """Code one document; `today` dates the events of an undated one (default: now)."""
    document = with_language(document)
    coding = code_document(document, min_confidence=setting("min_confidence"), today=today)
    return Coded(document, coding.events, coding.notices)


def warm_up() -> None:
    """Load everything coding a document needs (language detector, lexicons, gazetteer) by
    coding a sentence in each language lagebild reads."""
    from .extraction import available_languages

    process(Document(id="warm-up", text="Guten Morgen, good morning, this is a test."))
    for language in available_languages():
        process(Document(id="warm-up", text="Berlin.", published="2022-01-24", language=language))


def processed(items: Iterable[ReadResult]) -> Iterator[Coded | ReadError]:
    """Process every readable document; pass read errors through so callers can report them,
    and report a document whose coding fails the same way rather than stop the batch."""
    for item in items:
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            yield process(item)
        except LagebildError:
            raise
        except Exception as error:  # noqa: BLE001 - one document's failure must not end a batch
            reason = f"could not be coded ({type(error).__name__}: {error})"
            yield ExtractError(item.location(), reason)


@dataclass
class Batch:
    """One ingested batch: how many inputs it took, what could not be read or coded, the
    notices on what was coded, and what the store made of it."""

    size: int
    errors: list[ReadError] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    outcome: Outcome = field(default_factory=Outcome)


def ingest(store: Store, items: Iterable[ReadResult], batch_size: int = 100) -> Iterator[Batch]:
    """Code read documents and store them with their events, `batch_size` to a transaction,
    yielding what became of each batch."""
    for chunk in batched(processed(items), batch_size):
        batch = Batch(len(chunk))
        coded = []
        for item in chunk:
            if isinstance(item, ReadError):
                batch.errors.append(item)
            else:
                batch.notices += item.notices
                coded.append((item.document, item.events))
        batch.outcome = add_documents(store, coded)
        yield batch


def batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def extract_text(
    text: str,
    published: str | None = None,
    language: str | None = None,
    doc_id: str = "text",
    url: str | None = None,
    title: str | None = None,
) -> list[Event]:
    """Code the events a text reports: `lagebild.extract("…", published="2022-01-24")`."""
    document = Document(
        id=doc_id, text=text, published=published, language=language, url=url, title=title
    )
    return process(document).events
