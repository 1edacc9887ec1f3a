"""The merge-and-store stage: coded documents into the store.

Each event of a new document becomes a new event, or one more source of an event that another
document reported (`merge.same_event` decides; the store only finds candidates and writes
rows). A document's own events were merged by the extractor already, so two events of one
document never become one here. `lagebild ingest`, `POST /documents` and the benchmarks all
store through `add_documents`; `ingest` codes read documents (in this process, a pool or on a
cluster: `pipeline`) and stores them a batch at a time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from itertools import chain

from . import merge
from .errors import IdConflict, NotStored, ReadError, StorageError
from .models import Document, Event, Notice
from .pipeline import Coder, InProcess, batched, code_batch, done
from .read import ReadResult
from .store import Lookup, Rows, Store, Transaction, event_row

DocumentEvents = tuple[Document, list[Event]]
DETAILS_BATCH = 1000


@dataclass
class Outcome:
    """What became of a batch: the documents stored, those whose text was stored already
    (with the id it is stored under), and those refused (another text under their id, or the
    database refused them)."""

    stored: list[Document] = field(default_factory=list)
    known: list[tuple[Document, str]] = field(default_factory=list)
    refused: list[ReadError] = field(default_factory=list)

    def __iadd__(self, other: Outcome) -> Outcome:
        self.stored += other.stored
        self.known += other.known
        self.refused += other.refused
        return self


def add_documents(store: Store, batch: Iterable[DocumentEvents]) -> Outcome:
    """Store a batch of coded documents in one transaction. When the database refuses the
    batch, each document is tried alone, so only the one it refuses is lost."""
    batch = list(batch)
    try:
        with store.transaction() as transaction:
            return add_batch(transaction, batch)
    except StorageError as error:
        if len(batch) == 1:
            document = batch[0][0]
            return Outcome(refused=[NotStored(document.location(), f"not stored: {error}")])
    outcome = Outcome()
    for item in batch:
        outcome += add_documents(store, [item])
    return outcome


def add_batch(transaction: Transaction, batch: list[DocumentEvents]) -> Outcome:
    outcome, plan = Outcome(), Plan(transaction)
    stored = transaction.stored_documents(document for document, _ in batch)
    texts = {content_hash: doc_id for doc_id, content_hash in stored.items()}
    for document, events in batch:
        if document.content_hash in texts:
            outcome.known.append((document, texts[document.content_hash]))
        elif document.id in stored:
            reason = f"id {document.id!r} is already stored with another text"
            outcome.refused.append(IdConflict(document.location(), reason))
        else:
            plan.add(document, events)
            outcome.stored.append(document)
            stored[document.id] = texts[document.content_hash] = document.content_hash
    plan.write()
    return outcome


class Plan:
    """A batch's rows before they are written, and its new events by blocking cell and rare
    name, so that a later report of another document in the batch finds them."""

    def __init__(self, transaction: Transaction):
        self.transaction = transaction
        self.rows = Rows()
        self.blocks = merge.Blocks()
        self.reporters: dict[str, set[str]] = {}  # event id → the batch's documents in it
        self.merged: list[str] = []  # events that gained a report

    def add(self, document: Document, events: list[Event]) -> None:
        self.rows.documents.append(document)
        found = merge.details(document) if events else frozenset()
        for event in events:
            self.add_report(document, merge.Report(event, found))

    def add_report(self, document: Document, report: merge.Report) -> None:
        """The report as a new event, or as one more source of the event it is one with."""
        event = report.event
        others = (
            (candidate, event_id)
            for candidate, event_id in chain(
                self.blocks.candidates(report), stored_candidates(self.transaction, report)
            )
            if document.id not in self.reporters.get(event_id, ())
        )
        twin, rule = merge.first_same(report, others)  # one coded alike wins, stored or not
        event_id = twin or event.event_id
        if twin is None:
            self.rows.events.append(
                event_row(
                    event,
                    merge.cell_key(event.latitude, event.longitude),
                    " ".join(sorted(report.details)),
                    merge.indexed_name(report.details),
                )
            )
            self.blocks.add(report, event.event_id)
        else:
            self.merged.append(twin)
        self.reporters.setdefault(event_id, set()).add(document.id)
        self.rows.sources.append(
            {
                "event_id": event_id,
                "doc_id": document.id,
                "fatalities": event.fatalities,
                "merged_by": rule,
                "report_event_id": event.event_id,
            }
        )
        self.rows.evidence += [
            {"event_id": event_id, **item.model_dump()}
            for item in event.evidence
            if item.doc_id == document.id
        ]

    def write(self) -> None:
        """The rows, then ACLED's figure for each event that gained a report: the lowest of
        the latest report's."""
        self.transaction.write(self.rows)
        if self.merged:
            figures = self.transaction.source_figures(dict.fromkeys(self.merged))
            self.transaction.set_fatalities(
                {event_id: merge.lowest_of_latest(found) for event_id, found in figures.items()}
            )


def stored_candidates(
    transaction: Transaction, report: merge.Report
) -> Iterator[tuple[merge.Report, str]]:
    """Stored events the report may be one with (`merge.Blocks` gives the batch's own), as
    (report, event id). The query runs when first asked."""
    event = report.event
    first, last = merge.date_window(event.event_date)
    cells = ()
    if event.latitude is not None and event.longitude is not None:
        cells = merge.neighbour_keys(event.latitude, event.longitude)
    lookup = Lookup(
        cells=cells,
        names=merge.looked_up_names(report.details),
        first=first,
        last=last,
        windows=merge.date_windows(event.event_date, event.time_precision),
        event_id=event.event_id,
    )
    for row in transaction.candidates(lookup, merge.FIELDS):
        yield merge.Report(row, frozenset((row.details or "").split())), row.event_id


def complete_details(store: Store) -> int:
    """Give events stored before they kept their text's details (an older lagebild) their
    details and rare name, which the merge compares and finds them by; how many it gave."""
    done = 0
    while True:
        with store.transaction() as transaction:
            missing = transaction.first_reports_without_details(DETAILS_BATCH)
            found = {}
            for event_id, document in missing:
                details = merge.details(document)
                found[event_id] = (" ".join(sorted(details)), merge.indexed_name(details))
            transaction.set_details(found)
        done += len(missing)
        if len(missing) < DETAILS_BATCH:
            return done


@dataclass
class Batch:
    """One ingested batch: how many inputs it took, what could not be read or coded, the
    notices on what was coded, and what the store made of it."""

    size: int
    errors: list[ReadError] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    outcome: Outcome = field(default_factory=Outcome)


def ingest(
    store: Store, items: Iterable[ReadResult], batch_size: int = 100, coder: Coder | None = None
) -> Iterator[Batch]:
    """Code read documents and store them with their events, `batch_size` to a transaction,
    yielding what became of each batch in input order. A document whose text is stored already
    is skipped before it is coded (a resumed run costs reading only). `coder` codes the
    batches: in this process by default, or in a pool or on a Dask cluster, a few batches
    ahead of the one being stored (one writer; memory bounded by the batches in flight)."""
    coder = coder or InProcess()
    pending: deque[tuple[Batch, Future]] = deque()
    for chunk in batched(items, batch_size):
        batch = Batch(len(chunk), errors=[i for i in chunk if isinstance(i, ReadError)])
        documents = [i for i in chunk if not isinstance(i, ReadError)]
        fresh = skip_stored(store, documents, batch.outcome)
        pending.append((batch, coder.submit(code_batch, fresh) if fresh else done([])))
        if len(pending) > coder.ahead:
            yield store_batch(store, *pending.popleft())
    while pending:
        yield store_batch(store, *pending.popleft())


def skip_stored(store: Store, documents: list[Document], outcome: Outcome) -> list[Document]:
    """The documents whose text is not stored yet; the others go to `outcome.known`."""
    if not documents:
        return []
    with store.transaction() as transaction:
        stored = transaction.stored_documents(documents)
    texts = {content_hash: doc_id for doc_id, content_hash in stored.items()}
    outcome.known += [(d, texts[d.content_hash]) for d in documents if d.content_hash in texts]
    return [d for d in documents if d.content_hash not in texts]


def store_batch(store: Store, batch: Batch, coding: Future) -> Batch:
    coded = []
    for item in coding.result():
        if isinstance(item, ReadError):
            batch.errors.append(item)
        else:
            batch.notices += item.notices
            coded.append((item.document, item.events))
    batch.outcome += add_documents(store, coded)
    return batch
