"""The pipeline runs the stages over a batch; one document's failure does not end it."""

import datetime as dt

from lagebild.errors import ExtractError
from lagebild.models import Document
from lagebild.pipeline import process, processed


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
