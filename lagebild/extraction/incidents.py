"""From mentions to incidents: a document's mentions of one incident become one event, as
ACLED codes it.

A mention is first typed and given its actors (`code`). It may then be part of the latest
incident that fits it: one family of types (political violence; demonstrations; a strategic
development fits any), the same or an unnamed place, the same or an unstated day, a doer who
takes part in it. It joins that incident when it only says that someone attacked or killed,
repeats the incident's type, is a strategic development in it (arrests at a protest), or is a
concurrent tactic of the same sides on the same day (air support in a ground battle, tear gas
at a protest): the incident then takes the higher type. Otherwise it is another act of the
same story (a suicide bombing and the clashes after it, told without a day; the massacre of
guards beside the battle) and an incident of its own. A mention that fits no incident opens
one when it tells the news (the headline and the first sentences), or when it has its own
place (a town) or day and something concrete (a toll, a weapon, a named doer); otherwise it is
a detail of the story and codes nothing. An incident takes the most specific place its
mentions name, the day its first dated mention gives, and the toll its first mention states.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .. import geo, taxonomy
from . import actors as roles
from . import places
from .classify import Decision, actor1_type, decide, features
from .context import Context
from .dates import DAY
from .mentions import Candidate, places_in
from .numbers import Count

REMOTE = "Explosions/Remote violence"
NEAR_KM = 30  # two places this close are one place of an incident
SURE = 0.5  # a mention typed with less confidence leads only an incident of such guesses
CROWD_ORDER = [
    "Excessive force against protesters", "Violent demonstration", "Mob violence",
    "Protest with intervention", "Peaceful protest",
]  # fmt: skip
FAMILIES = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "crowd",
    "Riots": "crowd",
    "Strategic developments": "any",
}


@dataclass
class Coded:
    """A mention with its type and its actors' roles and final names."""

    candidate: Candidate
    decision: Decision
    actor1: tuple[str, int, roles.ActorMention]
    actor2: tuple[str, int, roles.ActorMention] | None

    @property
    def family(self) -> str:
        return FAMILIES[taxonomy.event_type_of(self.decision.sub_event_type)]

    def names(self) -> set[str]:
        """The actors the text names (not those the rules supplied for want of a name)."""
        named = [a for a in (self.actor1, self.actor2) if a and a[2].start is not None]
        return {a[0] for a in named}

    @property
    def doer(self) -> str | None:
        """Actor1's name if the text names it (not a generic actor the rules supplied)."""
        return self.actor1[0] if self.actor1[2].start is not None else None


@dataclass
class Incident:
    """The mentions of one incident, in order. A tentative one (a specific act told with no
    place or day of its own) becomes an incident only when a later mention joins it."""

    members: list[Coded] = field(default_factory=list)
    tentative: bool = False
    span: range = range(0)  # its sentences: from its first mention to the next incident's

    @property
    def lead(self) -> Coded:
        """The mention whose type the incident takes: of the highest type among those that say
        how it was done (an "attack" only says that it was; failing them, those that name who
        took part) and were typed with confidence, the first of them on ties (a guess from "16
        explosions observed" does not outrank "fired 122mm artillery", nor "the attack caused
        damage" the arson told first); a strategic development (arrests at a protest) leads
        only an incident of nothing else, or one it opens."""
        first = self.members[0]
        sure = [
            m
            for m in self.members
            if m.decision.probability >= SURE and (m.family != "any" or m is first)
        ]
        told = telling(sure or self.members, first)
        return min(told, key=lambda m: precedence(m.decision.sub_event_type))

    @property
    def family(self) -> str:
        kinds = {m.family for m in self.members} - {"any"}
        return kinds.pop() if len(kinds) == 1 else "any"

    def places(self) -> list[geo.Place]:
        return [m.candidate.place for m in self.members if m.candidate.own_place]

    def days(self) -> list:
        return [m.candidate.date for m in self.members if m.candidate.own_date]

    def names(self) -> set[str]:
        return set().union(*(m.names() for m in self.members))

    def doers(self) -> set[str]:
        return {m.doer for m in self.members if m.doer}

    def sides(self) -> set[str]:
        return {side(n) for n in self.names()} - {None}


def telling(members: list[Coded], first: Coded) -> list[Coded]:
    """The mentions that say how it was done, else those that name who took part; "der
    Anschlag" only points back to what was told (the arson), and tells nothing of its own."""
    told = [m for m in members if m is first or not (m.candidate.anaphoric and m.candidate.generic)]
    acts = [m for m in told if m.family != "any"] or told or members
    specific = (
        [m for m in acts if not m.candidate.generic] or [m for m in acts if m.names()] or acts
    )
    told = [m for m in specific if m is first or not m.candidate.anaphoric]
    return told or specific  # "die Bomben" points back to what it names again


def precedence(sub_event_type: str) -> int:
    """ACLED's order of concurrent tactics: its taxonomy's, but a demonstration in which the
    crowd was violent is a riot however the police met it, unless they used lethal force."""
    if sub_event_type in CROWD_ORDER:
        return taxonomy.rank(CROWD_ORDER[0]) + CROWD_ORDER.index(sub_event_type)
    return taxonomy.rank(sub_event_type)


def code(context: Context, candidate: Candidate, story: Coded | None = None) -> Coded:
    """Type the mention and give its actors their roles and final names; a mention that only
    says someone attacked takes the tactic (and, naming none, the doer unless it names that
    doer as the target) of the `story` it is part of."""
    if (
        story
        and story.doer
        and not any(m.inter in roles.ARMED and not m.victim for m in candidate.actors)
        and not any(m.victim and m.name == story.doer for m in candidate.actors)
    ):
        candidate = replace(candidate, actors=[*candidate.actors, story.actor1[2]])
    country = event_country(context, candidate)
    found, first = candidate_features(context, candidate)
    decision = decide(found, candidate.concepts, first)
    if story:
        decision = story.decision
    frontline = "FRONT" in candidate.concepts
    assigned = roles.assign_roles(decision.sub_event_type, candidate.actors, frontline)
    kind = assigned.sub_event_type
    rule_inter = roles.resolve(assigned.actor1, country, context.group)[1]
    first_actor, second_actor = assigned.actor1, assigned.actor2
    guessed = first_actor.start is None  # no actor1 named: the rules fell back to a default
    inter = actor1_type(found, kind, rule_inter) if guessed else rule_inter
    if inter in victim_types(candidate, country, context.group):
        inter = rule_inter  # the killed soldiers are not who attacked
    if inter != rule_inter:
        first_actor, second_actor = recast(candidate, inter, assigned, country, context.group)
    actor1 = (*roles.resolve(first_actor, country, context.group), first_actor)
    actor2 = None
    if second_actor:
        actor2 = (*roles.resolve(second_actor, country, context.group), second_actor)
        if actor2[0] == actor1[0] and kind != "Mob violence":
            actor2 = None
    return Coded(candidate, decision._replace(sub_event_type=kind), actor1, actor2)


def follow_stories(context: Context, coded: list[Coded]) -> list[Coded]:
    """Mentions that only say someone attacked, in a story of remote violence ("Angriffe gab
    es auch in Krasnohrad" after missile strikes on Kharkiv), coded as that violence: the
    nearest mention that says how violence was done tells the story's tactic, unless those it
    was done to struck here ("Bewaffnete töteten 51 Soldaten" before the army's air strikes)."""
    told = [m for m in coded if m.family == "violence" and not m.candidate.generic]
    followed = []
    for item in coded:
        story = nearest(told, item.candidate.index) if unspecified_attack(item) else None
        kind = story.decision.sub_event_type if story else None
        remote = kind and taxonomy.event_type_of(kind) == REMOTE
        other_tactic = item.family == "violence" and item.decision.sub_event_type != kind
        struck_back = bool(story and item.actor2 and item.actor2[0] == story.actor1[0])
        if kind and not struck_back and (item.family == "crowd" or remote and other_tactic):
            item = code(context, item.candidate, story)
        followed.append(item)
    return followed


def unspecified_attack(item: Coded) -> bool:
    """The mention says there was an attack, and no more of how (not a shooting, a massacre)."""
    labels = {c for t in item.candidate.triggers for c in t.labels}
    return item.candidate.generic and "ATTACK" in labels and "SHOOT" not in labels


def nearest(mentions: list[Coded], index: int) -> Coded | None:
    """The mention nearest sentence `index`, the earlier on ties."""
    return min(mentions, key=lambda m: abs(m.candidate.index - index), default=None)


def event_country(context: Context, candidate: Candidate) -> str | None:
    """The country of the event's place; without one, the article's (its actors' home)."""
    return candidate.place.country_code if candidate.place else context.country


def candidate_features(context: Context, candidate: Candidate) -> tuple[set[str], int | None]:
    """The classifier's inputs for a mention, and the inter code of its first armed actor."""
    country = event_country(context, candidate)
    armed = sorted(
        (m for m in candidate.actors if m.inter in roles.ARMED and not m.victim),
        key=lambda m: not m.agent,
    )
    resolved = [roles.resolve(m, country, context.group) for m in candidate.actors]
    first = roles.resolve(armed[0], country, context.group)[1] if armed else None
    fatal = bool(candidate.count and candidate.count.value)
    return features(candidate.concepts, resolved, first, fatal), first


def victim_types(candidate: Candidate, country, group) -> set[int]:
    return {roles.resolve(m, country, group)[1] for m in candidate.actors if m.victim}


def recast(candidate, inter, assigned, country, group) -> tuple:
    """Actor1 of the inter code the classifier expects: a mentioned actor of that type (not a
    victim), else the generic actor of it; the displaced actor1 becomes actor2 when there was
    none."""
    named = [
        m for m in candidate.actors if not m.victim and roles.resolve(m, country, group)[1] == inter
    ]
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


def incidents(coded: list[Coded], sentences: int) -> list[Incident]:
    """Group a document's mentions (in order) into its incidents (see the module's doc); each
    incident spans its sentences up to the next incident's first (of `sentences` in all)."""
    found: list[Incident] = []
    for item in coded:
        fitting = [i for i in reversed(found) if fits(i, item)]
        joined = next((i for i in fitting if joins(i, item)), None)
        if joined is not None:
            joined.members.append(item)
            joined.tentative = False
        elif any(not i.tentative and another_act(i, item) for i in fitting) or opens(item, found):
            found.append(Incident([item]))
        elif item.doer or not item.candidate.generic:
            found.append(Incident([item], tentative=True))
    found = [i for i in found if not i.tentative]
    starts = sorted({i.members[0].candidate.index for i in found} | {sentences})
    for incident in found:
        start = incident.members[0].candidate.index
        incident.span = range(start, next(s for s in starts if s > start))
    return found


def another_act(incident: Incident, item: Coded) -> bool:
    """A mention that fits a told incident but does not join it is another act of its story,
    unless it is told on a day of its own before the incident's with no place finer than a
    country: an earlier incident recalled ("Last week at least 13 civilians were killed in
    northern Burkina Faso")."""
    candidate = item.candidate
    vague_place = candidate.place is None or candidate.place.is_country
    earlier = candidate.date.date < incident_date(incident).date
    return not (candidate.own_date and vague_place and earlier)


def opens(item: Coded, found: list[Incident]) -> bool:
    return item.candidate.lede or tells_another(item, found)


def fits(incident: Incident, item: Coded) -> bool:
    """The mention may be part of the incident: its family, place, day and doer fit."""
    if "any" not in (item.family, incident.family) and item.family != incident.family:
        return False
    candidate = item.candidate
    if candidate.own_place and incident.places():
        if not any(same_place(candidate.place, p) for p in most_specific(incident.places())):
            return False
    if candidate.own_date and incident.days():
        if not any(same_day(candidate.date, day) for day in incident.days()):
            return False
    if refers_back(item):
        return True
    doer, doers = item.doer, {side(d) for d in incident.doers()} - {None}
    return not (doer and doers and side(doer) not in incident.sides() | {None})


def most_specific(found: list[geo.Place]) -> list[geo.Place]:
    """The towns among places, else the regions, else the countries: "in Norte de Santander"
    is not in an incident placed in Arauca, though both are in Colombia."""
    for kind in ("town", "admin2", "admin1"):
        if of_kind := [p for p in found if p.kind == kind]:
            return of_kind
    return found


def refers_back(item: Coded) -> bool:
    """A mention pointing back ("der Anschlag", "the attack", "die Bomben") that only says
    there was an attack, or names no town or day of its own, is the incident told before,
    whoever else its sentence names."""
    candidate = item.candidate
    if not candidate.anaphoric:
        return False
    own_town = candidate.own_place and candidate.place.kind == "town"
    return candidate.generic or not (own_town or candidate.own_date)


def joins(incident: Incident, item: Coded) -> bool:
    """The mention is one more telling of the incident, not another act of its story (one it
    says happened "also", where or when it says): it brings no side the incident lacks and
    only says that someone attacked or killed, or repeats the incident's type; or it says how
    an incident only called an attack was done; or it is a strategic development in it; or a
    concurrent tactic; or it tells a tentative incident's place or day, by the same doer."""
    if item.family == "any" or incident.tentative and item.doer in incident.doers():
        return True
    if refers_back(item):
        return True
    if item.candidate.also and (item.candidate.own_place or item.candidate.own_date):
        return False  # "Bei einer ersten Demonstration am Donnerstag wurden ebenfalls …"
    if not item.candidate.generic and all(m.candidate.generic for m in incident.members):
        return True  # "an attack" told first, how it was done after
    mine, theirs = item_sides(item), incident.sides()
    kinds = {m.decision.sub_event_type for m in incident.members}
    same = item.candidate.generic or item.decision.sub_event_type in kinds
    if item.candidate.lede and any(m.candidate.lede for m in incident.members):
        if item.decision.sub_event_type in kinds or mine <= theirs or theirs <= mine:
            return True  # the headline and the lede tell the news once
    if same and item_sides(item) <= incident.sides():
        return True
    return concurrent(incident, item)


def item_sides(item: Coded) -> set[str]:
    return {side(n) for n in item.names()} - {None}


def concurrent(incident: Incident, item: Coded) -> bool:
    """Tactics of one engagement: the same day, and sides that are the incident's (or all of
    them)."""
    if item.candidate.date.precision != DAY:
        return False
    days = [m.candidate.date for m in incident.members if m.candidate.date.precision == DAY]
    if not any(day.date == item.candidate.date.date for day in days):
        return False
    mine, theirs = item_sides(item), incident.sides()
    return mine <= theirs or theirs <= mine


def side(name: str) -> str | None:
    """What a name says about a side: a crowd is one, called protesters or rioters; an
    unidentified armed group may be any side."""
    if name.startswith(("Protesters", "Rioters")):
        return "crowd" + name[name.find("(") :]
    return None if name.startswith("Unidentified") else name


def same_place(a: geo.Place, b: geo.Place) -> bool:
    """One place, near one another, or one a region or country the other lies in."""
    if a.geonames_id == b.geonames_id or a.country_code != b.country_code:
        return a.geonames_id == b.geonames_id
    if "country" in (a.kind, b.kind):
        return True
    if "admin1" in (a.kind, b.kind):
        return a.admin1 == b.admin1
    if "admin2" in (a.kind, b.kind) and (a.admin1, a.admin2) == (b.admin1, b.admin2):
        return True
    return geo_distance(a, b) <= NEAR_KM


def geo_distance(a: geo.Place, b: geo.Place) -> float:
    from ..merge import haversine

    return haversine(a.latitude, a.longitude, b.latitude, b.longitude)


def same_day(a, b) -> bool:
    """Two dates of one incident: a day apart at most, or within a vaguer one's span."""
    if DAY in (a.precision, b.precision) and a.precision == b.precision:
        return abs((a.date - b.date).days) <= 1
    return abs((a.date - b.date).days) <= 15


def tells_another(item: Coded, found: list[Incident]) -> bool:
    """A mention outside the news that reports an incident of its own: at a town, or on a
    day of its own in a region or another country than the `found` incidents', with a toll, a
    weapon or a named doer ("last week 13 civilians were killed in northern Burkina Faso", in
    an article on Burkina Faso, is background)."""
    candidate, place = item.candidate, item.candidate.place
    countries = {p.country_code for i in found for p in i.places()}
    placed = place is not None and not (place.is_country and place.country_code in countries)
    own = candidate.own_place and place.kind == "town" or candidate.own_date and placed
    concrete = bool(candidate.count and candidate.count.value) or not candidate.generic
    return bool(own and (concrete or item.doer))


def incident_place(incident: Incident, context: Context):
    """The best place the incident's mentions name (their own: by role, kind, order), else
    the lead mention's; a region or country refined by the first town or district in it that
    the incident's sentences name ("im Bundesstaat Niger … in Kagara")."""
    roles_of = context.place_roles
    options = [
        (places.preference(m.candidate.place_mention, m.candidate.place, roles_of), order, m)
        for order, m in enumerate(incident.members)
        if m.candidate.own_place and m.candidate.place
    ]
    if options:
        chosen = min(options, key=lambda option: option[:2])[2].candidate
    else:
        chosen = incident.lead.candidate
    place, mention = chosen.place, chosen.place_mention
    if place is None or place.kind == "town":
        return place, mention
    for index in incident.span:
        if context.quoted[index]:
            continue
        for town, named in places_in(context, index, places.RANK[places.REFERENCE]):
            if town.kind in ("town", "admin2") and same_place(town, place):
                return town, named
    return place, mention


def incident_actors(incident: Incident) -> tuple[tuple, tuple | None]:
    """Actor1: the first doer the text names in a mention of the lead's type (the news is told
    first), else the lead's, else the first doer another of its mentions of the same family
    names ("the attack" in the headline, "a Russian missile strike" in the lede). Actor2: the
    lead's, else the first other mention's that differs."""
    lead = incident.lead
    kind = lead.decision.sub_event_type
    told = (m.actor1 for m in incident.members if m.doer and m.decision.sub_event_type == kind)
    actor1 = next(told, lead.actor1)
    if actor1[2].start is None:
        named = (m.actor1 for m in incident.members if m.doer and m.family == lead.family)
        actor1 = next(named, actor1)
    seconds = [lead.actor2, *(m.actor2 for m in incident.members)]
    actor2 = next((a for a in seconds if a and a[0] != actor1[0]), None)
    return actor1, actor2


def incident_date(incident: Incident):
    """The day the first mention that names one gives, else the lead's."""
    dated = next((m.candidate for m in incident.members if m.candidate.own_date), None)
    return (dated or incident.lead.candidate).date


def incident_toll(incident: Incident, sub_event_type: str) -> Count | None:
    """The toll its first mention that states one gives (the headline's and the lede's
    before the body's), a figure before a vague lower bound ("rund 60" over the headline's
    "Dutzende"); a stated "no fatalities" when none states a death; a peaceful protest has
    none by definition (deaths make it another sub-type, and a death that caused it is
    another event)."""
    if sub_event_type == "Peaceful protest":
        return None
    counts = [m.candidate.count for m in incident.members if m.candidate.count]
    deaths = sorted((c for c in counts if c.value), key=lambda c: c.vague)
    return next(iter(deaths), counts[0] if counts else None)
