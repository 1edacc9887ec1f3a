"""The pipeline runs the stages over a batch; one document's failure does not end it."""

from lagebild.errors import ExtractError
from lagebild.models import Document
from lagebild.pipeline import processed


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
