"""The extraction stage: a document's sentences → coded events, each field with evidence.

For every sentence that reports violence (a trigger from the language's lexicon) the coder
takes the sub-event type highest in ACLED's hierarchy, the actors, the fatalities, the date and
the place, then merges the mentions of one event within the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import geoparse, taxonomy
from ..language import with_language
from ..merge import merge_events
from ..models import Document, Event, Evidence, Sentence, Source
from ..sentences import pipeline, split_sentences
from ..text import Token, tokenize
from .actors import ActorMention, actor_mentions, actor_token_positions, assign_actors
from .dates import DAY, DateMention, document_date, sentence_date
from .lexicon import Lexicon, available_languages, find_terms, load_language
from .numbers import Count, fatality_counts


@dataclass
class Context:
    """What the coder knows about the whole document while it codes one sentence."""

    document: Document
    lexicon: Lexicon
    gazetteer: geoparse.Gazetteer
    sentences: list[Sentence]
    tokens: list[list[Token]]
    places: list[list[geoparse.Mention]]
    country: str | None
    reference: DateMention | None


@dataclass
class Finding:
    """Everything one sentence says about one event, with the spans that say it."""

    sentence: Sentence
    sub_event_type: str
    trigger: tuple[int, int]
    actor1: ActorMention
    actor2: ActorMention | None
    date: DateMention
    place: geoparse.Place | None
    place_mention: geoparse.Mention | None
    count: Count | None


def extract(
    document: Document, lexicon: Lexicon | None = None, gazetteer: geoparse.Gazetteer | None = None
) -> list[Event]:
    """Code the events a document reports (none if its language has no lexicon)."""
    document = with_language(document)
    if lexicon is None:
        if document.language not in available_languages():
            return []
        lexicon = load_language(document.language)
    context = build_context(document, lexicon, gazetteer or geoparse.default_gazetteer())
    findings = (find_event(context, index) for index in range(len(context.sentences)))
    return merge_events([to_event(context, f) for f in findings if f is not None])


def build_context(document: Document, lexicon: Lexicon, gazetteer: geoparse.Gazetteer) -> Context:
    sentences = split_sentences(document)
    tokens = [tokenize(s.text, s.start) for s in sentences]
    stop_words = language_stop_words(lexicon.language)
    places = [
        geoparse.find_places(
            t, gazetteer, lexicon.near_words, stop_words, actor_token_positions(t, lexicon)
        )
        for t in tokens
    ]
    country = geoparse.document_country([m for ms in places for m in ms])
    reference = document_date(document)
    return Context(document, lexicon, gazetteer, sentences, tokens, places, country, reference)


@cache
def language_stop_words(language: str) -> frozenset[str]:
    return frozenset(pipeline(language).Defaults.stop_words)


def find_event(context: Context, index: int) -> Finding | None:
    """The event one sentence reports, if it reports one and its date can be known."""
    sentence, tokens, lexicon = context.sentences[index], context.tokens[index], context.lexicon
    triggers = find_terms(lexicon.triggers, tokens)
    date = sentence_date(sentence.text, sentence.start, lexicon, context.reference)
    date = date or context.reference
    if not triggers or date is None:
        return None
    term, first, end = min(triggers, key=lambda m: (taxonomy.rank(m[0].label), m[1]))
    mentions = actor_mentions(tokens, lexicon)
    if not mentions and index > 0:
        mentions = actor_mentions(context.tokens[index - 1], lexicon)
    sub_event_type, actor1, actor2 = assign_actors(term.label, mentions)
    place, place_mention = event_place(context, index)
    counts = fatality_counts(tokens, lexicon) or following_counts(context, index)
    trigger = (tokens[first].start, tokens[end - 1].end)
    return Finding(
        sentence,
        sub_event_type,
        trigger,
        actor1,
        actor2,
        date,
        place,
        place_mention,
        counts[0] if counts else None,
    )


def following_counts(context: Context, index: int) -> list[Count]:
    """Deaths reported in the next sentence when it reports no event of its own
    ("… attackierte einen Konvoi. Dabei starben mindestens zwei SDF-Kämpfer.")."""
    if index + 1 >= len(context.tokens):
        return []
    following = context.tokens[index + 1]
    if find_terms(context.lexicon.triggers, following):
        return []
    return fatality_counts(following, context.lexicon)


def event_place(
    context: Context, index: int
) -> tuple[geoparse.Place | None, geoparse.Mention | None]:
    """The place named in the event's sentence, else the nearest one named before it, else the
    first one in the document; towns win over countries."""
    order = [index, *range(index - 1, -1, -1), *range(index + 1, len(context.places))]
    for want_town in (True, False):
        for i in order:
            for mention in context.places[i]:
                place = geoparse.best_place(mention, context.country)
                if place.is_country != want_town:
                    return place, mention
    return None, None


def to_event(context: Context, finding: Finding) -> Event:
    place = finding.place
    country, iso3 = context.gazetteer.country(place.country_code) if place else (None, None)
    fill = {"country": country or "Unknown"}
    actor2 = finding.actor2
    return Event(
        event_date=finding.date.date,
        time_precision=finding.date.precision,
        event_type=taxonomy.event_type_of(finding.sub_event_type),
        sub_event_type=finding.sub_event_type,
        actor1=finding.actor1.name.format(**fill),
        inter1=finding.actor1.inter,
        actor2=actor2.name.format(**fill) if actor2 else None,
        inter2=actor2.inter if actor2 else None,
        country=country,
        iso3=iso3 or None,
        location=place.name if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geonames_id=place.geonames_id if place else None,
        geo_precision=geo_precision(finding),
        fatalities=finding.count.value if finding.count else 0,
        sources=[Source.of(context.document)],
        evidence=evidence(context.document, finding),
        confidence=confidence(finding),
        notes=note(finding, fill),
    )


def geo_precision(finding: Finding) -> int | None:
    if finding.place is None:
        return None
    if finding.place.is_country:
        return 3
    return 2 if finding.place_mention.near else 1


def evidence(document: Document, finding: Finding) -> list[Evidence]:
    """One span per coded field; fields coded by default point at the trigger that implies them."""
    spans = {
        "event_type": finding.trigger,
        "sub_event_type": finding.trigger,
        "actor1": actor_span(finding.actor1, finding.trigger),
        "event_date": (finding.date.start, finding.date.end),
        "fatalities": (finding.count.start, finding.count.end)
        if finding.count
        else (finding.sentence.start, finding.sentence.end),
    }
    if finding.actor2:
        spans["actor2"] = actor_span(finding.actor2, finding.trigger)
    if finding.place_mention:
        spans["location"] = (finding.place_mention.start, finding.place_mention.end)
    return [span_evidence(document, field, *span) for field, span in spans.items()]


def actor_span(actor: ActorMention, trigger: tuple[int, int]) -> tuple[int, int]:
    return (actor.start, actor.end) if actor.start is not None else trigger


def span_evidence(document: Document, field: str, start: int | None, end: int | None) -> Evidence:
    if start is None:
        return Evidence(doc_id=document.id, field=field, text=document.published or "")
    return Evidence(
        doc_id=document.id, field=field, text=document.text[start:end], start=start, end=end
    )


def confidence(finding: Finding) -> float:
    """Higher when the sentence itself names the actors, the place and the day."""
    score = 0.4
    score += 0.15 if finding.actor1.start is not None else 0
    score += 0.1 if finding.actor2 and finding.actor2.start is not None else 0
    score += (
        0.15
        if finding.place_mention
        and finding.sentence.start <= finding.place_mention.start < finding.sentence.end
        else 0
    )
    score += 0.1 if finding.date.precision == DAY else 0
    return round(min(score, 0.95), 2)


def note(finding: Finding, fill: dict) -> str:
    """An ACLED-style one-sentence summary: 'On 23 January 2022, X attacked Y in Z, killing 2.'"""
    date = finding.date
    when = (
        f"On {date.date.day} {date.date:%B %Y}"
        if date.precision == DAY
        else f"In {date.date:%B %Y}"
    )
    with_actor2, without_actor2 = taxonomy.note_phrases()[finding.sub_event_type]
    actor2 = finding.actor2.name.format(**fill) if finding.actor2 else None
    phrase = with_actor2 if actor2 else without_actor2
    text = phrase.format(actor1=finding.actor1.name.format(**fill), actor2=actor2)
    where = ""
    if finding.place:
        where = f" {'near' if finding.place_mention.near else 'in'} {finding.place.name}"
    killed = f", killing {finding.count.value}" if finding.count and finding.count.value else ""
    return f"{when}, {text}{where}{killed}."
