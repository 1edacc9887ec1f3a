"""An incident as DESIGN.md's event record: every coded field with the words behind it, the
confidence of the coding, and an ACLED-style note."""

from __future__ import annotations

from .. import geo, taxonomy
from ..models import Document, Event, Evidence, Source
from . import places
from .context import Context
from .dates import DAY
from .incidents import Incident, incident_actors, incident_date, incident_place, incident_toll
from .lexicon import countries
from .numbers import Count


def to_event(context: Context, incident: Incident, rank: int) -> Event:
    lead = incident.lead
    place, mention = incident_place(incident, context)
    date = incident_date(incident)
    sub_event_type = lead.decision.sub_event_type
    count = incident_toll(incident, sub_event_type)
    actor1, actor2 = incident_actors(incident)
    country = countries().get(place.country_code if place else context.country or "")
    return Event(
        event_date=date.date,
        time_precision=date.precision,
        date_assumed=date.assumed,
        event_type=taxonomy.event_type_of(sub_event_type),
        sub_event_type=sub_event_type,
        actor1=actor1[0],
        inter1=actor1[1],
        actor2=actor2[0] if actor2 else None,
        inter2=actor2[1] if actor2 else None,
        country=country.name if country else None,
        iso3=country.iso3 if country else None,
        admin1=geo.acled_region(place) if place else None,
        admin2=place.admin2 if place else None,
        location=place.name if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geonames_id=place.known_geonames_id if place else None,
        geo_precision=geo_precision(place, mention, context.place_roles),
        fatalities=count.value if count else 0,
        sources=[Source.of(context.document)],
        evidence=evidence(context, incident, place and mention, date, count, actor1, actor2),
        confidence=confidence(context, incident, rank),
        notes=note(
            lead.decision.sub_event_type, actor1[0], actor2, date, place, mention, count
        ),  # fmt: skip
    )


def geo_precision(place: geo.Place | None, mention, roles: dict[int, str]) -> int | None:
    """ACLED's: 3 for a region or country, 2 for a district or near a town (or at a reference
    point), else 1."""
    if place is None:
        return None
    if place.kind in ("country", "admin1"):
        return 3
    if place.kind == "admin2":
        return 2
    near = mention.near or roles.get(mention.start) == places.REFERENCE
    return 2 if near else 1


def trigger_span(incident: Incident) -> tuple[int, int]:
    """The words that decided the type: a trigger of the deciding concept, else the first."""
    lead = incident.lead
    triggers = lead.candidate.triggers
    best = next((t for t in triggers if lead.decision.because in t.labels), triggers[0])
    return best.start, best.end


def evidence(context: Context, incident, mention, date, count: Count | None, *actors) -> list:
    """One span per coded field; a field coded by default points at the words that imply it."""
    trigger = trigger_span(incident)
    lead = incident.lead
    sentence = context.sentences[lead.candidate.index]
    actor1, actor2 = actors
    spans = {
        "event_type": trigger,
        "sub_event_type": trigger,
        "actor1": actor_span(actor1[2], trigger),
        "event_date": (date.start, date.end),
        "fatalities": (count.start, count.end) if count else (sentence.start, sentence.end),
    }
    if date.assumed and date.start is None:
        del spans["event_date"]  # no words of the source give it: `date_assumed` says so
    if actor2:
        spans["actor2"] = actor_span(actor2[2], trigger)
    if mention:
        spans["location"] = (mention.start, mention.end)
    return [span_evidence(context.document, f, *span) for f, span in spans.items()]


def actor_span(actor, trigger: tuple[int, int]) -> tuple[int, int]:
    return (actor.start, actor.end) if actor.start is not None else trigger


def span_evidence(document: Document, field: str, start: int | None, end: int | None) -> Evidence:
    if start is None:
        return Evidence(doc_id=document.id, field=field, text=document.published or "")
    return Evidence(
        doc_id=document.id, field=field, text=document.text[start:end], start=start, end=end
    )


def confidence(context: Context, incident: Incident, rank: int) -> float:
    """How sure the coding is: the type decision, and whether the incident's mentions name
    the doer, the place and the day; the document's first incident is usually its news."""
    lead = incident.lead
    candidate = lead.candidate
    named = incident_actors(incident)[0][2].start is not None
    score = 0.3 + 0.3 * lead.decision.probability + 0.1 * named
    score += 0.1 * any(m.candidate.own_place for m in incident.members)
    score += 0.1 * any(m.candidate.own_date for m in incident.members)
    if rank == 0 or candidate.lede:
        score += 0.1
    return round(min(score, 1.0), 2)


def note(sub_event_type, actor1, actor2, date, place, mention, count) -> str:
    """An ACLED-style one-sentence summary: 'On 23 January 2022, X attacked Y in Z, killing 2.'"""
    when = (
        f"On {date.date.day} {date.date:%B %Y}"
        if date.precision == DAY
        else f"In {date.date:%B %Y}"
    )
    if date.precision == 2:
        when = f"Around {date.date.day} {date.date:%B %Y}"
    with_actor2, without_actor2 = taxonomy.note_phrases()[sub_event_type]
    second = actor2[0] if actor2 else None
    text = (with_actor2 if second else without_actor2).format(actor1=actor1, actor2=second)
    where = f" {'near' if mention.near else 'in'} {place.name}" if place else ""
    killed = f", killing {count.value}" if count and count.value else ""
    return f"{when}, {text}{where}{killed}."
