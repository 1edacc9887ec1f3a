"""The extraction stage: a document's sentences → coded events, each field with evidence.

A sentence that reports violence (an event concept not negated, hedged, habitual or
background) opens a candidate; the sentences after it that report no event of their own add
their actors and death tolls ("… attackierte einen Konvoi. Dabei starben zwei SDF-Kämpfer.").
Each candidate is typed (`classify`), its actors get their roles (`actors`), and candidates that
report the same event are merged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from .. import geo, taxonomy
from ..language import with_language
from ..models import MAX_FATALITIES, Document, Event, Evidence, Notice, Sentence, Source
from ..sentences import pipeline, split_sentences
from ..text import Token, tokenize
from . import actors as roles
from .classify import Decision, actor1_type, decide, features
from .dates import DAY, DateMention, document_date, sentence_date
from .lexicon import (
    CUE_REACH,
    CUES,
    EVENT_CONCEPTS,
    Lexicon,
    available_languages,
    countries,
    inflected_forms,
    load_language,
    vocabulary,
)
from .matcher import Match
from .merge import GENERIC_CONCEPTS, merge_within
from .numbers import Count, death_counts, stated_count

FOLLOWERS = 2  # sentences after an event sentence that may add its toll and actors
MIN_CONFIDENCE = 0.5
BACKGROUND_DAYS = 31  # ACLED notes are uploaded up to a few weeks after the event
ADJECTIVE_VOTE = 0.75  # a country adjective ("irakischen Provinz") in the article's country vote
PROTEST_COURSE = {
    "DISPERSE", "ARREST", "RIOT", "ARSON", "DESTROY", "LETHAL", "KILL", "CLASH", "BEAT", "SHOOT",
    "FIRE", "ATTACK", "LOOT",
}  # fmt: skip
ARABIC_ARTICLES = frozenset(
    {"al", "el", "ad", "as", "ar", "an", "ash", "at", "az", "asch", "esch", "es", "ed", "et", "ez"}
)  # English and German transliterations


@dataclass
class Context:
    """What the coder knows about the whole document while it codes one sentence."""

    document: Document
    lexicon: Lexicon
    gazetteer: geo.Gazetteer
    sentences: list[Sentence]
    tokens: list[list[Token]]
    concepts: list[list[Match]]
    triggers: list[list[Match]]
    actors: list[list[roles.ActorMention]]
    places: list[list[geo.Mention]]
    country: str | None
    regions: set[tuple[str, str]]
    within: dict[int, frozenset]  # regions named right after a place name, by its start
    reference: DateMention
    group: roles.ActorMention | None
    notices: list[Notice] = field(default_factory=list)

    def notice(self, offset: int | None, message: str) -> None:
        self.notices.append(Notice(self.document.location(offset), message))


@dataclass
class Candidate:
    """One reported event before coding: what its sentences say, with where they say it."""

    index: int
    window: list[int]
    triggers: list[Match]
    concepts: set[str]
    actors: list[roles.ActorMention]
    date: DateMention
    place: geo.Place | None
    place_mention: geo.Mention | None
    count: Count | None

    @property
    def generic(self) -> bool:
        """Only says that someone attacked or killed, not how (so may be part of another)."""
        return {c for t in self.triggers for c in t.labels} <= GENERIC_CONCEPTS


@dataclass
class Coded:
    candidate: Candidate
    decision: Decision
    actor1: tuple[str, int, roles.ActorMention]
    actor2: tuple[str, int, roles.ActorMention] | None
    merged: list[Candidate] = field(default_factory=list)


class Coding(NamedTuple):
    """A document's events, and what a reader should know about how they were coded."""

    events: list[Event]
    notices: list[Notice]


def extract(
    document: Document,
    lexicon: Lexicon | None = None,
    gazetteer: geo.Gazetteer | None = None,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[Event]:
    """Code the events a document reports (`code_document` without its notices)."""
    return code_document(document, lexicon, gazetteer, min_confidence).events


def code_document(
    document: Document,
    lexicon: Lexicon | None = None,
    gazetteer: geo.Gazetteer | None = None,
    min_confidence: float = MIN_CONFIDENCE,
    today: dt.date | None = None,
) -> Coding:
    """Code the events a document reports (none if its language has no lexicon). Besides its
    most confident event, a document's events below `min_confidence` are left out: asides
    more often than news. A document without a date has its events dated by the text, else
    to `today`'s month (default: the current one), and says so."""
    document = with_language(document)
    if lexicon is None:
        if document.language not in available_languages():
            return Coding([], [])
        lexicon = load_language(document.language)
    context = build_context(document, lexicon, gazetteer or geo.default_gazetteer(), today)
    coded = merge_within([code(context, c) for c in candidates(context)])
    events = [to_event(context, item, rank) for rank, item in enumerate(coded)]
    top = max(events, key=lambda e: e.confidence, default=None)
    events = [e for e in events if e is top or e.confidence >= min_confidence]
    assumed = sum(e.date_assumed for e in events)
    if assumed:
        month = f"{context.reference.date:%B %Y}"
        context.notice(None, f"no date given: {assumed} event(s) dated to {month}, when coded")
    return Coding(events, context.notices)


def build_context(
    document: Document, lexicon: Lexicon, gazetteer: geo.Gazetteer, today: dt.date | None = None
) -> Context:
    sentences = split_sentences(document)
    tokens = [tokenize(s.text, s.start) for s in sentences]
    concepts = [lexicon.concepts.find(s.text, s.start) for s in sentences]
    triggers = [live_triggers(m, t) for m, t in zip(concepts, tokens, strict=True)]
    agents = [[m for m in ms if "AGENT" in m.labels] for ms in concepts]
    marks = [
        roles.country_mentions(t, s.text, s.start, lexicon)
        for s, t in zip(sentences, tokens, strict=True)
    ]
    actors = [
        roles.find_actors(t, s.text, s.start, lexicon, a, m)
        for s, t, a, m in zip(sentences, tokens, agents, marks, strict=True)
    ]
    cues = [
        (m.labels[0], 1.0) for s in sentences for m in lexicon.country_cues.find(s.text, s.start)
    ]
    cues += [  # "in der irakischen Provinz Wasit", "nordlibanesische Stadt"
        (code, ADJECTIVE_VOTE)
        for sentence_marks in marks
        for code, _, _, kind in sentence_marks
        if kind == "adjectives"
    ]
    places, country, regions = document_places(
        tokens, actors, cues, gazetteer, place_cues(lexicon.language)
    )
    group = roles.salient_group([a for sentence in actors for a in sentence])
    return Context(
        document,
        lexicon,
        gazetteer,
        sentences,
        tokens,
        concepts,
        triggers,
        actors,
        places,
        country,
        regions,
        {k: v for ms in places for k, v in geo.qualifying_regions(ms, country).items()},
        document_date(document, today),
        group,
    )


def document_places(tokens, actors, named, gazetteer: geo.Gazetteer, cues: geo.Cues):
    """Each sentence's place names, the article's country (from them, its actors and `named`
    countries), and the regions it names; once the country is known, its regions in other
    spellings too."""
    taken = [actor_token_indexes(t, a) for t, a in zip(tokens, actors, strict=True)]
    places = [geo.find_places(t, gazetteer, cues, s) for t, s in zip(tokens, taken, strict=True)]
    named = [*named, *((a.country, 1.0) for sentence in actors for a in sentence if a.country)]
    named += [(a.home, 1.0) for sentence in actors for a in sentence if a.home]
    country = geo.document_country([m for ms in places for m in ms], named)
    if country:
        for sentence_tokens, skip, found in zip(tokens, taken, places, strict=True):
            found += geo.find_regions(sentence_tokens, gazetteer, country, cues, skip, found)
            found.sort(key=lambda m: m.start)
    return places, country, geo.named_regions([m for ms in places for m in ms], country)


@cache
def place_cues(language: str) -> geo.Cues:
    """What the language tells the geoparser: "near" words, words never a place on their own
    (stop words, month and weekday names, the Arabic article of "Al Jah"), articles, and
    inflected forms of common words (spaCy's lookup lemmas)."""
    lexicon = load_language(language)
    stop = frozenset(pipeline(language).Defaults.stop_words) | ARABIC_ARTICLES
    stop |= lexicon.months.keys() | lexicon.weekdays.keys()
    return geo.Cues(
        near=frozenset(lexicon.cue_words("near")),
        stop=stop,
        articles=frozenset(lexicon.cue_words("article")),
        inflected=inflected_forms(language),
        vocabulary=vocabulary(language),
        modifiers=frozenset(lexicon.cue_words("modifier")),
        city_suffixes=lexicon.cue_words("city_suffix"),
    )


def actor_token_indexes(tokens: list[Token], mentions: list[roles.ActorMention]) -> set[int]:
    """Tokens inside actor names, which are therefore not place names ("Al Shabaab")."""
    return {
        i for i, t in enumerate(tokens)
        for m in mentions if m.start is not None and m.start <= t.start < m.end
    }  # fmt: skip


def live_triggers(matches: list[Match], tokens: list[Token]) -> list[Match]:
    """Event words not negated, hedged, habitual or background ("drohte mit Angriffen")."""
    position = {t.start: i for i, t in enumerate(tokens)}
    cues = [
        (position.get(m.start, -999), max(CUE_REACH[c] for c in set(m.labels) & CUES))
        for m in matches
        if set(m.labels) & CUES
    ]
    live = []
    for match in matches:
        if not set(match.labels) & EVENT_CONCEPTS:
            continue
        at = position.get(match.start, -999)
        if not any(0 < at - cue <= reach for cue, reach in cues):
            live.append(match)
    return live


def candidates(context: Context) -> list[Candidate]:
    """Event candidates in sentence order; sentences dated long before the article are its
    background, not its news (DESIGN.md), and open none."""
    found, last_date = [], None
    for index, sentence in enumerate(context.sentences):
        date = sentence_date(sentence.text, sentence.start, context.lexicon, context.reference)
        last_date = date or last_date
        if found and index in found[-1].window or is_background(date, context.reference):
            continue
        if context.triggers[index]:
            found.append(open_candidate(context, index, date or last_date or context.reference))
    return found


def is_background(date: DateMention | None, reference: DateMention) -> bool:
    if date is None or reference.precision != DAY:
        return False
    return (reference.date - date.date).days > BACKGROUND_DAYS


def open_candidate(context: Context, index: int, date: DateMention) -> Candidate:
    window = [index]
    crowd = bool({"PROTEST", "GATHER"} & {c for m in context.triggers[index] for c in m.labels})
    for following in range(index + 1, min(len(context.sentences), index + 1 + FOLLOWERS)):
        if new_paragraph(context, following):
            break
        if not (only_deaths(context, following) or crowd and tells_course(context, following)):
            break
        window.append(following)
    concepts = {c for i in window for m in context.concepts[i] for c in m.labels}
    mentioned = list(context.actors[index])
    if not any(m.inter in roles.ARMED for m in mentioned) and index > 0:
        mentioned = context.actors[index - 1] + mentioned
    mentioned += [m for i in window[1:] for m in context.actors[i]]
    place, place_mention = event_place(context, index)
    return Candidate(
        index,
        window,
        context.triggers[index],
        concepts,
        mentioned,
        date,
        place,
        place_mention,
        toll(context, window),
    )


def only_deaths(context: Context, index: int) -> bool:
    """The sentence adds a toll to the event before it and nothing else ("Dabei starben zwei
    SDF-Kämpfer.", "A soldier was killed."); one saying who killed whom is an event itself."""
    reports = any({"DEAD", "INJURE"} & set(m.labels) for m in context.concepts[index])
    triggers = {c for m in context.triggers[index] for c in m.labels} & EVENT_CONCEPTS
    if not reports or not triggers <= {"KILL"}:
        return False
    armed = [a for a in context.actors[index] if a.inter in roles.ARMED]
    civilians = any(a.inter == roles.CIVILIANS for a in context.actors[index])
    says_who = any(a.agent for a in armed) or len({a.name for a in armed}) > 1
    return not triggers or not (says_who or armed and civilians)


def tells_course(context: Context, index: int) -> bool:
    """The sentence tells how a gathering went ("The police intervened and detained them.",
    "The demonstrators burned tires."), not of a new gathering."""
    triggers = {c for m in context.triggers[index] for c in m.labels} & EVENT_CONCEPTS
    return bool(triggers) and triggers <= PROTEST_COURSE


def new_paragraph(context: Context, index: int) -> bool:
    gap = context.document.text[context.sentences[index - 1].end : context.sentences[index].start]
    return "\n\n" in gap.replace("\r", "")


def toll(context: Context, window: list[int]) -> Count | None:
    """The event's death toll (`first_toll`). A figure above `MAX_FATALITIES` is no count of
    one event (a misread, an id): the toll is unknown, and a notice says why."""
    count = first_toll(context, window)
    if count and count.value > MAX_FATALITIES:
        context.notice(
            count.start, f"{count.value:,} dead is no count of one event: fatalities unknown"
        )
        return None
    return count


def first_toll(context: Context, window: list[int]) -> Count | None:
    """The death toll the event's sentences state: a figure stated outright anywhere in them,
    else the first toll found next to a death word."""
    for i in window:
        sentence = context.sentences[i]
        stated = stated_count(sentence.text, sentence.start, context.lexicon)
        if stated:
            return stated
    for i in window:
        deaths = [m for m in context.concepts[i] if "DEAD" in m.labels]
        injuries = [m for m in context.concepts[i] if "INJURE" in m.labels]
        counts = death_counts(context.tokens[i], deaths, injuries, context.lexicon)
        if counts:
            return counts[0]
    return None


def event_place(context: Context, index: int) -> tuple[geo.Place | None, geo.Mention | None]:
    """The place named in the event's sentence, else the nearest one named before it, else the
    first one after it; a town wins over a region, a region over a country."""
    order = [index, *range(index - 1, -1, -1), *range(index + 1, len(context.places))]
    for kind in ("town", "admin1", "country"):
        for i in order:
            for mention in context.places[i]:
                within = context.within.get(mention.start, frozenset())
                place = geo.best_place(mention, context.country, context.regions, within)
                if place and place.kind == kind:
                    return place, mention
    return None, None


def event_country(context: Context, candidate: Candidate) -> str | None:
    """The country of the event's place; without one, the article's (its actors' home)."""
    return candidate.place.country_code if candidate.place else context.country


def candidate_features(context: Context, candidate: Candidate) -> tuple[set[str], int | None]:
    """The classifier's inputs for a candidate, and the inter code of its first armed actor."""
    country = event_country(context, candidate)
    armed = sorted(
        (m for m in candidate.actors if m.inter in roles.ARMED), key=lambda m: not m.agent
    )
    resolved = [roles.resolve(m, country, context.group) for m in candidate.actors]
    first = roles.resolve(armed[0], country, context.group)[1] if armed else None
    fatal = bool(candidate.count and candidate.count.value)
    return features(candidate.concepts, resolved, first, fatal), first


def code(context: Context, candidate: Candidate) -> Coded:
    """Type the candidate and give its actors their roles and final names."""
    country = event_country(context, candidate)
    found, first = candidate_features(context, candidate)
    decision = decide(found, candidate.concepts, first)
    frontline = "FRONT" in candidate.concepts
    assigned = roles.assign_roles(decision.sub_event_type, candidate.actors, frontline)
    kind = assigned.sub_event_type
    rule_inter = roles.resolve(assigned.actor1, country, context.group)[1]
    first_actor, second_actor = assigned.actor1, assigned.actor2
    guessed = first_actor.start is None  # no actor1 named: the rules fell back to a default
    inter = actor1_type(found, kind, rule_inter) if guessed else rule_inter
    if inter != rule_inter:
        first_actor, second_actor = recast(candidate, inter, assigned, country, context.group)
    actor1 = (*roles.resolve(first_actor, country, context.group), first_actor)
    actor2 = None
    if second_actor:
        actor2 = (*roles.resolve(second_actor, country, context.group), second_actor)
        if actor2[0] == actor1[0] and kind != "Mob violence":
            actor2 = None
    return Coded(candidate, decision._replace(sub_event_type=kind), actor1, actor2)


def recast(candidate, inter, assigned, country, group) -> tuple:
    """Actor1 of the inter code the classifier expects: a mentioned actor of that type, else
    the generic actor of it; the displaced actor1 becomes actor2 when there was none."""
    named = [m for m in candidate.actors if roles.resolve(m, country, group)[1] == inter]
    if named:
        chosen = named[0]
    elif inter in roles.GENERIC_ACTORS:
        chosen = roles.generic_actor(inter)
    else:
        return assigned.actor1, assigned.actor2
    second = assigned.actor2
    if second is None or second.name == chosen.name:
        second = assigned.actor1 if assigned.actor1.name != chosen.name else None
    return chosen, second


def to_event(context: Context, item: Coded, rank: int) -> Event:
    candidate, parts = item.candidate, [item.candidate, *item.merged]
    place = candidate.place
    country = countries().get(event_country(context, candidate) or "")
    sub_event_type = item.decision.sub_event_type
    count = event_toll(parts, sub_event_type)
    return Event(
        event_date=candidate.date.date,
        time_precision=candidate.date.precision,
        date_assumed=candidate.date.assumed,
        event_type=taxonomy.event_type_of(sub_event_type),
        sub_event_type=sub_event_type,
        actor1=item.actor1[0],
        inter1=item.actor1[1],
        actor2=item.actor2[0] if item.actor2 else None,
        inter2=item.actor2[1] if item.actor2 else None,
        country=country.name if country else None,
        iso3=country.iso3 if country else None,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        location=place.name if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geonames_id=place.geonames_id if place else None,
        geo_precision=geo_precision(candidate),
        fatalities=count.value if count else 0,
        sources=[Source.of(context.document)],
        evidence=evidence(context, item, parts, count),
        confidence=confidence(context, item, rank),
        notes=note(item, count, place),
    )


def event_toll(parts: list[Candidate], sub_event_type: str) -> Count | None:
    """The lowest non-zero toll of the merged mentions (ACLED's lowest estimate); a peaceful
    protest has none by definition: deaths make it a protest with intervention or excessive
    force, and a death that caused it is another event."""
    if sub_event_type == "Peaceful protest":
        return None
    counts = [p.count for p in parts if p.count and p.count.value]
    if counts:
        return min(counts, key=lambda c: c.value)
    return next((p.count for p in parts if p.count), None)


def geo_precision(candidate: Candidate) -> int | None:
    if candidate.place is None:
        return None
    if candidate.place.kind in ("country", "admin1"):
        return 3
    return 2 if candidate.place_mention.near else 1


def trigger_span(item: Coded) -> tuple[int, int]:
    """The words that decided the type: a trigger of the deciding concept, else the first one."""
    triggers = [t for p in [item.candidate, *item.merged] for t in p.triggers]
    best = next((t for t in triggers if item.decision.because in t.labels), triggers[0])
    return best.start, best.end


def evidence(
    context: Context, item: Coded, parts: list[Candidate], count: Count | None
) -> list[Evidence]:
    """One span per coded field; a field coded by default points at the words that imply it."""
    trigger = trigger_span(item)
    candidate = item.candidate
    sentence = context.sentences[candidate.index]
    spans = {
        "event_type": trigger,
        "sub_event_type": trigger,
        "actor1": actor_span(item.actor1[2], trigger),
        "event_date": (candidate.date.start, candidate.date.end),
        "fatalities": (count.start, count.end) if count else (sentence.start, sentence.end),
    }
    if candidate.date.assumed and candidate.date.start is None:
        del spans["event_date"]  # no words of the source give it: `date_assumed` says so
    if item.actor2:
        spans["actor2"] = actor_span(item.actor2[2], trigger)
    if candidate.place_mention:
        spans["location"] = (candidate.place_mention.start, candidate.place_mention.end)
    return [span_evidence(context.document, f, *span) for f, span in spans.items()]


def actor_span(actor: roles.ActorMention, trigger: tuple[int, int]) -> tuple[int, int]:
    return (actor.start, actor.end) if actor.start is not None else trigger


def span_evidence(document: Document, field: str, start: int | None, end: int | None) -> Evidence:
    if start is None:
        return Evidence(doc_id=document.id, field=field, text=document.published or "")
    return Evidence(
        doc_id=document.id, field=field, text=document.text[start:end], start=start, end=end
    )


def confidence(context: Context, item: Coded, rank: int) -> float:
    """How sure the coding is: the type decision, and whether the sentence itself names the
    doer, the place and the day; the document's first event is usually its main one."""
    candidate = item.candidate
    sentence = context.sentences[candidate.index]
    named = item.actor1[2].start is not None
    here = (
        bool(candidate.place_mention)
        and sentence.start <= candidate.place_mention.start < sentence.end
    )
    dated = (
        candidate.date.start is not None and sentence.start <= candidate.date.start < sentence.end
    )
    score = 0.3 + 0.3 * item.decision.probability + 0.1 * named + 0.1 * here + 0.1 * dated
    return round(min(score + (0.1 if rank == 0 else 0), 1.0), 2)


def note(item: Coded, count: Count | None, place: geo.Place | None) -> str:
    """An ACLED-style one-sentence summary: 'On 23 January 2022, X attacked Y in Z, killing 2.'"""
    date = item.candidate.date
    when = (
        f"On {date.date.day} {date.date:%B %Y}"
        if date.precision == DAY
        else f"In {date.date:%B %Y}"
    )
    if date.precision == 2:
        when = f"Around {date.date.day} {date.date:%B %Y}"
    with_actor2, without_actor2 = taxonomy.note_phrases()[item.decision.sub_event_type]
    actor2 = item.actor2[0] if item.actor2 else None
    text = (with_actor2 if actor2 else without_actor2).format(actor1=item.actor1[0], actor2=actor2)
    where = ""
    if place:
        where = f" {'near' if item.candidate.place_mention.near else 'in'} {place.name}"
    killed = f", killing {count.value}" if count and count.value else ""
    return f"{when}, {text}{where}{killed}."
