"""The pipeline runs the stages over a batch; one document's failure does not end it; a pool of
workers or a Dask cluster store exactly what one process does; a resumed run codes nothing
already stored."""

import datetime as dt
import json
from pathlib import Path

from conftest import modules_loaded_by

from lagebild.errors import ExtractError
from lagebild.ingest import ingest
from lagebild.models import Document
from lagebild.pipeline import Cluster, InProcess, Pool, process, processed
from lagebild.read import read_paths
from lagebild.store import Store


def test_a_document_that_cannot_be_coded_is_reported_and_the_batch_goes_on():
    text = "Bei einem Luftangriff auf Idlib wurden mindestens zwölf Zivilisten getötet."
    bad = Document(id="bad", text=text, published="2022-13", language="de", path="a.jsonl", line=4)
    good = Document(id="good", text=text, published="2022-01-24", language="de")
    first, second = processed([bad, good])
    assert isinstance(first, ExtractError)
    assert str(first).startswith("a.jsonl:4: could not be coded")
    document, events, _ = second
    assert document.id == "good"
    assert events and events[0].sub_event_type == "Air/drone strike"


def test_an_undated_text_is_coded_dated_to_the_month_it_is_coded_in():
    import lagebild

    (event,) = lagebild.extract(
        "Police fired tear gas at protesters in Lagos on Monday.", language="en"
    )
    today = dt.datetime.now(dt.UTC).date()
    assert event.sub_event_type == "Protest with intervention" and event.location == "Lagos"
    assert event.date_assumed and event.time_precision == 3
    assert (event.event_date.year, event.event_date.month) == (today.year, today.month)
    assert "event_date" not in {span.field for span in event.evidence}


def test_a_date_the_text_states_wins_when_the_document_has_none():
    document = Document(id="d", text="On 9 May 2020, gunmen attacked a police post in Kismayo.")
    coded = process(document, today=dt.date(2026, 12, 2))
    (event,) = coded.events
    assert (event.event_date, event.time_precision, event.date_assumed) == (
        dt.date(2020, 5, 9),
        1,
        False,
    )
    assert coded.notices == []


def test_an_undated_document_says_its_events_date_was_assumed():
    document = Document(
        id="d", text="Gunmen attacked a police post in Kismayo.", path="a.csv", line=7
    )
    coded = process(document, today=dt.date(2026, 12, 2))
    assert [str(n) for n in coded.notices] == [
        "a.csv:7: no date given: 1 event(s) dated to December 2026, when coded"
    ]


CORPUS = Path(__file__).parents[1] / "data" / "corpus"


def stored_events(store) -> list[str]:
    """The stored events, as comparable text."""
    rows = [e.model_dump(mode="json") for e in store.iter_events()]
    return sorted(json.dumps(row, sort_keys=True) for row in rows)


def ingested(url: str, coder=None, batch_size: int = 5) -> list[str]:
    with Store(url) as store:
        for _ in ingest(store, read_paths([CORPUS]), batch_size, coder):
            pass
        return stored_events(store)


def test_a_pool_of_workers_stores_exactly_what_one_process_does(tmp_path):
    alone = ingested(f"sqlite:///{tmp_path / 'one.db'}")
    pool = Pool(2)
    try:
        assert ingested(f"sqlite:///{tmp_path / 'pool.db'}", pool, batch_size=20) == alone
        assert pool.executor is not None  # the workers coded
    finally:
        pool.close()
    assert len(alone) > 40


def test_a_pool_codes_a_few_documents_itself_rather_than_start_its_workers(tmp_path):
    alone = ingested(f"sqlite:///{tmp_path / 'one.db'}", batch_size=5)
    pool = Pool(2)
    try:
        assert ingested(f"sqlite:///{tmp_path / 'pool.db'}", pool, batch_size=5) == alone
        assert pool.executor is None
    finally:
        pool.close()


def test_a_dask_cluster_stores_exactly_what_one_process_does(tmp_path):
    from distributed import LocalCluster

    alone = ingested(f"sqlite:///{tmp_path / 'one.db'}")
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:  # fmt: skip
        coder = Cluster(cluster.scheduler_address)
        try:
            assert ingested(f"sqlite:///{tmp_path / 'dask.db'}", coder) == alone
            assert len(coder.client.nthreads()) == 2
        finally:
            coder.close()


class CountingCoder(InProcess):
    """Codes in this process and counts the documents it was given."""

    def __init__(self):
        self.documents = 0

    def submit(self, function, documents):
        self.documents += len(documents)
        return super().submit(function, documents)


def test_a_resumed_ingest_codes_no_document_already_stored(tmp_path):
    url = f"sqlite:///{tmp_path / 'lagebild.db'}"
    first, again = CountingCoder(), CountingCoder()
    events = ingested(url, first)
    with Store(url) as store:
        batches = list(ingest(store, read_paths([CORPUS]), 5, again))
    assert first.documents > 40 and again.documents == 0
    assert sum(len(b.outcome.known) for b in batches) == first.documents
    with Store(url) as store:
        assert stored_events(store) == events


def test_coding_documents_loads_no_store_and_no_merging():
    """`extract` starts without SQLAlchemy, the store or the merge stage's word lists."""
    store = ("lagebild.store", "lagebild.merge", "lagebild.ingest")
    assert modules_loaded_by("lagebild.pipeline", ("sqlalchemy", "wordfreq"), store) == []
