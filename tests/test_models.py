"""The event record: derived ACLED fields, stable ids, and the shipped JSON Schema."""

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from lagebild.models import Source, event_json_schema

SCHEMA_FILE = Path(__file__).parents[1] / "lagebild" / "event.schema.json"


def test_shipped_schema_is_the_models_schema():
    assert json.loads(SCHEMA_FILE.read_text()) == event_json_schema()


def test_interaction_disorder_and_civilian_targeting_are_derived(make_event):
    event = make_event()
    assert event.interaction == 27
    assert event.disorder_type == "Political violence"
    assert event.civilian_targeting is True


def test_one_sided_event_has_interaction_x0(make_event):
    event = make_event(
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actor1="Protesters (Germany)",
        inter1=6,
        actor2=None,
        inter2=None,
    )
    assert event.interaction == 60
    assert event.civilian_targeting is False


def test_sub_event_type_must_belong_to_event_type(make_event):
    with pytest.raises(ValidationError, match="not a sub-type"):
        make_event(event_type="Battles")


def test_unknown_sub_event_type_is_rejected(make_event):
    with pytest.raises(ValidationError, match="unknown sub_event_type"):
        make_event(sub_event_type="Massacre")


def test_event_id_is_stable_and_depends_on_what_defines_the_event(make_event):
    assert make_event().event_id == make_event().event_id
    assert make_event().event_id.startswith("lb-")
    assert make_event(fatalities=3).event_id == make_event().event_id
    assert make_event(location="Kobani").event_id != make_event().event_id
    assert make_event(sources=[Source(doc_id="b.txt")]).event_id != make_event().event_id


def test_protests_target_no_civilians_but_excessive_force_does(make_event):
    protest = dict(event_type="Protests", actor1="Protesters (Sudan)", inter1=6)
    assert not make_event(**protest, sub_event_type="Peaceful protest").civilian_targeting
    assert make_event(
        **protest,
        sub_event_type="Excessive force against protesters",
        actor2="Police Forces of Sudan",
        inter2=1,
    ).civilian_targeting
