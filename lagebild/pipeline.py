"""The stages in order: read → language → sentences → extract (with geo) → merge → store.

`process` is the pure per-document step, the same in one process, a pool or on a cluster.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from .errors import ExtractError, LagebildError, ReadError
from .extraction import extract as extract_events
from .language import with_language
from .models import Document, Event
from .read import ReadResult
from .settings import setting


def process(document: Document) -> tuple[Document, list[Event]]:
    """A document with its language set, and the events it reports."""
    document = with_language(document)
    return document, extract_events(document, min_confidence=float(setting("min_confidence")))


def processed(items: Iterable[ReadResult]) -> Iterator[tuple[Document, list[Event]] | ReadError]:
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
            yield ExtractError(item.id, f"could not be coded ({type(error).__name__}: {error})")


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
    return process(document)[1]
