"""Mentions of events: a sentence that reports violence (an event concept not negated, hedged,
habitual or background) opens one; the sentences after it that report no event of their own
add their actors and death tolls ("… attackierte einen Konvoi. Dabei starben zwei
SDF-Kämpfer."). Background is no mention: a sentence dated long before the article, a total
counted "since 2015", the words of someone quoted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import geo
from ..models import MAX_FATALITIES
from . import actors as roles
from . import places
from .context import Context, place_cues
from .dates import DAY, WEEK, DateMention, ahead, alternatives, sentence_date
from .lexicon import EVENT_CONCEPTS, Lexicon
from .matcher import Match
from .numbers import Count, death_counts, stated_count

FOLLOWERS = 2  # sentences after an event sentence that may add its toll and actors
ROLE_CUES = {"ANAPHOR", "TARGET", "ALSO"}  # how a sentence refers, not what happened
BACKGROUND_DAYS = 31  # ACLED notes are uploaded up to a few weeks after the event
TOTAL = 1000  # a toll this high with no day of its own counts many events ("Tausende")
ALSO_REACH = 3  # "auch" and the act it adds: "hätten auch geächtete Fassbomben abgeworfen"
CLAUSE_MARKS = {",", ";", ":", "–", "—", "-"}  # "… durch Raketenangriffe – auch diese Angaben"
ANAPHOR_REACH = 2  # a pointing determiner, an adjective, the event word ("dem blutigen Anschlag")
GENERIC_CONCEPTS = {"ATTACK", "KILL", "SHOOT", "DEAD", "BODY", "DEPLOY", "FRONT"}
PROTEST_COURSE = {
    "DISPERSE", "ARREST", "RIOT", "ARSON", "DESTROY", "LETHAL", "KILL", "CLASH", "BEAT", "SHOOT",
    "FIRE", "ATTACK", "LOOT",
}  # fmt: skip


@dataclass
class Candidate:
    """One mention of an event before coding: what its sentences say, with where they say it."""

    index: int
    window: list[int]
    triggers: list[Match]
    concepts: set[str]
    actors: list[roles.ActorMention]
    date: DateMention
    place: geo.Place | None
    place_mention: geo.Mention | None
    count: Count | None
    own_date: bool  # its sentence names the day
    own_place: bool  # its sentences name the place (else it is the nearest one named)
    lede: bool  # in the headline or the body's first sentences
    anaphoric: bool = False  # "der Anschlag", "the attack": an incident told already
    also: bool = False  # "ebenfalls", "auch in Krasnohrad": one more act, not one told again

    @property
    def generic(self) -> bool:
        """Only says that someone attacked or killed, not how (so may be part of another)."""
        return {c for t in self.triggers for c in t.labels} <= GENERIC_CONCEPTS


def candidates(context: Context) -> list[Candidate]:
    """Mentions in sentence order. Sentences dated long before the article, counting since a
    year or over months ("seit 2015", "since 2006", "von Januar bis August"), giving a toll in
    the thousands for no day, or in quotation marks are background, totals or someone's words
    (DESIGN.md), and open none."""
    found, last_date = [], None
    for index, sentence in enumerate(context.sentences):
        date = sentence_date(sentence.text, sentence.start, context.lexicon, context.reference)
        background = is_background(date, context.reference)
        if not background:
            last_date = date or last_date  # the next sentences tell of that day, not of the past
        if found and index in found[-1].window or not context.triggers[index]:
            continue
        if background or counts_since(sentence.text, sentence.start, context.lexicon, date):
            continue
        if ahead(sentence.text, context.lexicon) or only_talk(context, index):
            continue
        if context.quoted[index]:
            continue
        candidate = open_candidate(context, index, date, last_date or context.reference)
        if not (candidate.count and candidate.count.value >= TOTAL and not candidate.own_date):
            found.append(candidate)
    return found


def only_talk(context: Context, index: int) -> bool:
    """The sentence speaks of a truce or a deal but says none was made ("Waffenstillstand oder
    Verhandlungen?", "the truce agreement included …")."""
    labels = {c for m in context.triggers[index] for c in m.labels}
    sealed = any("SEAL" in m.labels for m in context.concepts[index])
    return labels <= {"AGREE"} and not sealed


def is_background(date: DateMention | None, reference: DateMention) -> bool:
    """Dated well before the article (whose own date may be only a week or month); an article
    without a date of its own has nothing to be older than."""
    if date is None or reference.assumed:
        return False
    slack = {DAY: 0, WEEK: 7}.get(reference.precision, 31)
    return (reference.date - date.date).days > BACKGROUND_DAYS + slack


@cache
def since_pattern(lexicon: Lexicon) -> re.Pattern:
    """ "seit 2015", "since the start of the year", "in den vergangenen Jahren", "von Januar
    bis August": a total over time."""
    since, spans = alternatives(lexicon.dated("since")), alternatives(lexicon.dated("span"))
    months = alternatives(lexicon.months)
    return re.compile(
        rf"\b(?:{since})\s+(?:\w+\s+){{0,3}}?(?:\d{{4}}\b|(?:{spans})\b)"
        rf"|\b(?:{months})\s+(?:\d{{4}}\s+)?(?:-|–|bis|to|and|und|through)\s+(?:{months})\b",
        re.I,
    )


def counts_since(text: str, offset: int, lexicon: Lexicon, date: DateMention | None) -> bool:
    """The sentence counts over time, unless it names the day of what it tells outside that
    span: "On 5 May, workers protested over wages unpaid since March" is that day's news."""
    span = since_pattern(lexicon).search(text)
    if not span or date is None or date.precision != DAY or date.start is None:
        return bool(span)
    return offset + span.start() <= date.start < offset + span.end()


def open_candidate(
    context: Context, index: int, stated: DateMention | None, date: DateMention
) -> Candidate:
    window = [index]
    crowd = bool({"PROTEST", "GATHER"} & {c for m in context.triggers[index] for c in m.labels})
    for following in range(index + 1, min(len(context.sentences), index + 1 + FOLLOWERS)):
        if new_paragraph(context, following) or context.in_lede(following) != context.in_lede(
            index
        ):
            break
        if not (only_deaths(context, following) or crowd and tells_course(context, following)):
            break
        window.append(following)
    concepts = {c for i in window for m in context.concepts[i] for c in m.labels} - ROLE_CUES
    mentioned = list(context.actors[index])
    if not any(m.inter in roles.ARMED for m in mentioned) and index > 0:
        mentioned = context.actors[index - 1] + mentioned
    mentioned += [m for i in window[1:] for m in context.actors[i]]
    place, place_mention, own = event_place(context, window)
    return Candidate(
        index,
        window,
        context.triggers[index],
        concepts,
        mentioned,
        stated or date,
        place,
        place_mention,
        toll(context, window),
        own_date=stated is not None and stated.start is not None,
        own_place=own,
        lede=context.in_lede(index),
        anaphoric=points_back(context, index),
        also=says_also(context, index),
    )


def says_also(context: Context, index: int) -> bool:
    """An "also" next to the sentence's event word ("wurden ebenfalls Polizeiautos
    angegriffen", "Angriffe gab es auch in Krasnohrad"): one more act of the story."""
    tokens = context.tokens[index]
    position = {t.start: i for i, t in enumerate(tokens)}
    cues = [position[m.start] for m in context.concepts[index] if "ALSO" in m.labels]
    words = [position.get(m.start, -99) for m in context.triggers[index]]
    return any(
        abs(word - cue) <= ALSO_REACH
        and not any(t.text in CLAUSE_MARKS for t in tokens[min(word, cue) : max(word, cue)])
        for word in words
        for cue in cues
    )


def points_back(context: Context, index: int) -> bool:
    """The sentence's event word follows a determiner that points back ("der Anschlag", "bei
    dem Attentat", "the attack"): it tells an incident the text has told."""
    position = {t.start: i for i, t in enumerate(context.tokens[index])}
    pointers = [
        position[m.start]
        for m in context.concepts[index]
        if "ANAPHOR" in m.labels and m.start in position
    ]
    words = [position.get(m.start, -99) for m in context.triggers[index]]
    return any(0 < word - pointer <= ANAPHOR_REACH for word in words for pointer in pointers)


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


def event_place(
    context: Context, window: list[int]
) -> tuple[geo.Place | None, geo.Mention | None, bool]:
    """The place the mention's sentences name (their own: True), else the nearest one named
    before them, else the first one after. Within a sentence a name in no other role wins
    (not a dateline, an authority's seat, a reference point), then a town over a region, a
    region over a country; a person's name is no place."""
    index = window[0]
    order = [*window, *range(index - 1, -1, -1), *range(window[-1] + 1, len(context.places))]
    for worst in (places.RANK[places.REFERENCE], places.RANK[places.DATELINE]):
        for i in order:
            best = best_in_sentence(context, i, worst)
            if best:
                return (*best, i in window)
    return None, None, False


def best_in_sentence(
    context: Context, index: int, worst: int
) -> tuple[geo.Place, geo.Mention] | None:
    """The sentence's best place whose role ranks no worse than `worst`."""
    options = [
        (places.preference(mention, place, context.place_roles), place, mention)
        for place, mention in places_in(context, index, worst)
    ]
    if not options:
        return None
    _, place, mention = min(options, key=lambda option: option[0])
    return place, mention


def places_in(context: Context, index: int, worst: int) -> list[tuple[geo.Place, geo.Mention]]:
    """The places a sentence names in a role no worse than `worst`, in order. A village no
    gazetteer has in the district named after it ("Shahpur (Poonch district)", "Badah town
    (Larkana, Sindh)") leaves that district, as near it (ACLED's precision 2)."""
    found = []
    unplaced = False
    for mention in context.places[index]:
        role = context.place_roles.get(mention.start)
        if role == places.PERSON or places.RANK[role] > worst:
            continue
        within = context.within.get(mention.start, frozenset())
        place = geo.best_place(mention, context.country, context.regions, within, context.nearby)
        if place:
            near = unplaced or after_unknown_name(context, index, mention)
            found.append((place, mention._replace(near=True) if near else mention))
        unplaced = place is None and bool(within)
    return found


def after_unknown_name(context: Context, index: int, mention: geo.Mention) -> bool:
    """Whether the place opens brackets right after a name no gazetteer has: a capitalised
    word, no word of the language, among the two before the bracket."""
    tokens = context.tokens[index]
    at = next((i for i, t in enumerate(tokens) if t.start == mention.start), 0)
    if at < 2 or tokens[at - 1].text != "(":
        return False
    named = [(m.start, m.end) for m in context.places[index]]
    cues = place_cues(context.lexicon.language)
    return any(
        t.text[:1].isupper()
        and t.folded not in cues.vocabulary
        and not any(start <= t.start < end for start, end in named)
        for t in tokens[max(0, at - 3) : at - 1]
    )
