"""The stages in order: read → language → sentences → extract (with geo) → merge → store.

`process` is the pure per-document step, the same in one process, a pool or on a cluster
(`InProcess`, `Pool`, `Cluster` code batches of documents); `ingest.ingest` runs the stages
over read documents into a store, a batch at a time. Nothing here needs the store, so the
commands that only code documents start without it.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import NamedTuple

from .errors import ExtractError, LagebildError, ReadError
from .extraction.coder import code_document
from .language import with_language
from .models import Document, Event, Notice
from .read import ReadResult
from .settings import setting


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


def code_batch(documents: list[Document]) -> list[Coded | ReadError]:
    """Code a batch of documents: the task a worker process or a Dask worker runs."""
    return list(processed(documents))


def done(result) -> Future:
    future: Future = Future()
    future.set_result(result)
    return future


class InProcess:
    """Codes each batch in this process, when it is submitted."""

    ahead = 0

    def submit(self, function: Callable, documents: list[Document]) -> Future:
        return done(function(documents))

    def close(self) -> None:
        pass


class Pool:
    """Codes batches in `workers` processes, forked once the resources are loaded here (on the
    first batch of FEW_DOCUMENTS or more to code, so a run with nothing new loads nothing), so
    that they share the gazetteer and lexicons rather than load one each."""

    def __init__(self, workers: int):
        self.workers, self.ahead = workers, 2 * workers
        self.executor: ProcessPoolExecutor | None = None

    def submit(self, function: Callable, documents: list[Document]) -> Future:
        """A batch of fewer than FEW_DOCUMENTS is coded here while no worker runs: starting
        them costs more than coding it (a resumed run's batches are mostly stored already;
        a single article needs no pool)."""
        if self.executor is None and len(documents) < FEW_DOCUMENTS:
            return done(function(documents))
        if self.executor is None:
            warm_up()
            context = multiprocessing.get_context("fork")
            self.executor = ProcessPoolExecutor(self.workers, mp_context=context)
        return self.executor.submit(function, documents)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(cancel_futures=True)


class Cluster:
    """Codes batches on the workers of a running Dask cluster (`tcp://host:8786`)."""

    def __init__(self, address: str):
        from distributed import Client

        self.client = Client(address, timeout=CLUSTER_TIMEOUT)
        self.ahead = 2 * max(1, sum(self.client.nthreads().values()))

    def submit(self, function: Callable, documents: list[Document]) -> Future:
        return self.client.submit(function, documents, pure=False)

    def close(self) -> None:
        self.client.close()


Coder = InProcess | Pool | Cluster
CLUSTER_TIMEOUT = "10s"
FEW_DOCUMENTS = 10  # a batch of fewer is coded in the ingesting process until a pool runs


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
