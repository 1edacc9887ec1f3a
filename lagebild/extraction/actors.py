"""Who did what to whom: actor names in text → ACLED actors with inter codes and roles."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from .. import taxonomy
from ..text import Token
from .lexicon import Lexicon, countries
from .matcher import Match

STATE, REBEL, POLITICAL, IDENTITY, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)
ARMED = {STATE, REBEL, POLITICAL, IDENTITY, EXTERNAL}
GROUP = "{group}"
STATE_FORCES = "Military Forces of {country}"
STRIKE_CONCEPTS = {
    "ATTACK", "AIRSTRIKE", "BOMBING", "SHELL", "DRONE", "STRIKE", "SHOOT", "FIRE", "CLASH", "KILL",
}  # fmt: skip
HEADING_WORDS = 5
UNKNOWN_GROUP = "Unidentified Armed Group ({country})"
GENERIC_ACTORS = {  # the actor ACLED names when it knows only the kind
    STATE: "Military Forces of {country}",
    POLITICAL: UNKNOWN_GROUP,
    IDENTITY: "Communal Militia ({country})",
    RIOTERS: "Rioters ({country})",
    PROTESTERS: "Protesters ({country})",
    CIVILIANS: "Civilians ({country})",
}
ADJECTIVE_ENDINGS = ("ischen", "ische", "ischer", "isches", "ischem", "isch", "schen", "sche")
SUBJECT_WORDS = {"die", "der", "the", "und", "and"}


class ActorMention(NamedTuple):
    """An actor named in text; `name` may still hold `{country}` to be filled from the place."""

    name: str
    inter: int
    start: int | None
    end: int | None
    country: str | None = None  # ISO code named with it ("türkische Armee"), if any
    agent: bool = False  # introduced as the doer of a passive ("by gunmen", "von Soldaten")
    home: str | None = None  # the home country of a named group ("Houthi": YE)
    victim: bool = False  # counted among the dead or hurt ("140 Houthi-Rebellen getötet")


def is_generic(name: str) -> bool:
    return "{" in name


def salient_group(mentions: list[ActorMention]) -> ActorMention | None:
    """The named non-state armed group a document mentions most (what "the militants" are)."""
    named = Counter(
        m.name
        for m in mentions
        if m.inter in (REBEL, POLITICAL, IDENTITY) and not is_generic(m.name)
    )
    if not named:
        return None
    name = named.most_common(1)[0][0]
    return next(m for m in mentions if m.name == name)


def find_actors(
    tokens: list[Token],
    text: str,
    offset: int,
    lexicon: Lexicon,
    concepts: list[Match],
    country_marks: list[tuple[str, int, int, str]],
) -> list[ActorMention]:
    """Actors in a sentence, in order: named groups, state forces (with their country when an
    adjective or name among `country_marks` says it: "Turkish forces", "die Türkei", or when a
    country's adjective names who struck: "Russian missile strike", "israelischer
    Luftangriff", "US-Angriff"), and generic words.

    A generic word right after a named group, or before it in a genitive ("Kämpfer der SDF"),
    belongs to that group and is dropped.
    """
    agents = [m for m in concepts if "AGENT" in m.labels]
    heading = heading_end(tokens)
    matches = [m for m in lexicon.actors.find(text, offset) if m.start >= heading]
    mentions = []
    for i, match in enumerate(matches):
        name = match.labels[0]
        info = lexicon.actor_info[name]
        if is_generic(name) and part_of_named(match, matches, i, tokens):
            continue
        if describes_next(match, matches, i, tokens):
            continue
        country = adjacent_country(match, country_marks, tokens)
        agent = any(0 <= token_gap(tokens, a.end, match.start) <= 1 for a in agents)
        for code, start in coordinated(country, match, country_marks, tokens):
            mentions.append(
                ActorMention(named_for(name, code), info.inter, start, match.end, code, agent)
            )
        mentions.append(
            ActorMention(
                named_for(name, country), info.inter, match.start, match.end, country, agent,
                info.home,
            )
        )  # fmt: skip
    taken = [(m.start, m.end) for m in mentions]
    strikes = [m for m in concepts if set(m.labels) & STRIKE_CONCEPTS]
    for code, start, end, kind in country_marks:
        if start < heading or overlaps(start, end, taken):
            continue  # "Mali: 48 Tote …" labels the news with its country
        if located(tokens, start, lexicon):
            continue
        if (
            kind == "names"
            and acts(tokens, start, end, lexicon)
            or strikes_with(tokens, start, end, strikes)
        ):
            mentions.append(ActorMention(STATE_FORCES, STATE, start, end, code))
            taken.append((start, end))
    return sorted(mentions, key=lambda m: m.start)


def mark_victims(
    mentions: list[ActorMention],
    tokens: list[Token],
    counted: list[range],
    targets: list[range] = (),
) -> list[ActorMention]:
    """Armed actors named among those counted dead or hurt (`counted`: token index ranges)
    are victims, not doers: "mehr als 140 Rebellen der Houthi getötet", "10 Taliban were
    killed by an airstrike", "killing three SDF fighters". Among whom an act was done to
    (`targets`), even an agent is: it holds the place struck ("Luftangriffe auf die von
    Rebellen kontrollierte Provinz", "strikes on areas held by rebels")."""
    index = {t.start: i for i, t in enumerate(tokens)}

    def within(m: ActorMention, spans: list[range]) -> bool:
        return any(index.get(m.start) in r for r in spans)

    return [
        m._replace(victim=True, agent=False)
        if m.inter in ARMED and (within(m, targets) or not m.agent and within(m, counted))
        else m
        for m in mentions
    ]


def located(tokens: list[Token], start: int, lexicon: Lexicon) -> bool:
    """A country named after a locative word is where something happened, not who did it
    ("im Jemen getötet", "killed in Yemen")."""
    previous = [t for t in tokens if t.end <= start]
    return bool(previous) and "locative" in lexicon.place_cues.get(previous[-1].folded, ())


def strikes_with(tokens: list[Token], start: int, end: int, strikes: list[Match]) -> bool:
    """A country's name or adjective right before (or fused with) the words of a strike, an
    attack or a weapon: "Russian missile strike", "russischen Raketenangriffen", "US-Angriff"."""
    return any(0 <= token_gap(tokens, end, m.start) <= 1 or m.start < end <= m.end for m in strikes)


def country_mentions(tokens, text, offset, lexicon) -> list[tuple[str, int, int, str]]:
    """(code, start, end, 'names'|'adjectives') for country names and adjectives in text."""
    found = []
    for match in lexicon.countries.find(text, offset):
        code, kind = match.labels[0].split(":")
        found.append((code, match.start, match.end, kind))
    for token in tokens:  # the head of a compound: "US-Angriff", "Türkei-nahe"
        head = token.text.split("-")[0]
        if head != token.text and not overlaps(token.start, token.end, [f[1:3] for f in found]):
            for match in lexicon.countries.find(head, token.start):
                if match.end == token.start + len(head):
                    code, kind = match.labels[0].split(":")
                    found.append((code, match.start, match.end, kind))
    if lexicon.adjective_stems:
        taken = [(s, e) for _, s, e, _ in found]
        for token in tokens:
            code = stem_country(token.folded, lexicon.adjective_stems, lexicon.directions)
            if code and not overlaps(token.start, token.end, taken):
                found.append((code, token.start, token.end, "adjectives"))
    return found


def stem_country(word: str, stems: dict[str, str], directions=()) -> str | None:
    """The country of an adjective grown from a stem: "jemenitischen" → YE (via "jemen"),
    also behind a direction: "südjemenitischen", "nordsyrischen"."""
    for direction in directions:
        if word.startswith(direction) and len(word) > len(direction) + 3:
            found = stem_country(word[len(direction) :], stems)
            if found:
                return found
    for ending in ADJECTIVE_ENDINGS:
        if word.endswith(ending):
            base = word[: -len(ending)]
            for length in range(len(base), 2, -1):
                if base[:length] in stems and length >= len(base) - 5:
                    return stems[base[:length]]
            return None
    return None


def heading_end(tokens: list[Token]) -> int:
    """Where a sentence's label ends ("Movement of forces: On 2 May …"): the offset after a
    colon among its first words, else its start. Actor words in a label name no actor."""
    for token in tokens[:HEADING_WORDS]:
        if token.text == ":":
            return token.end
    return tokens[0].start if tokens else 0


def named_for(name: str, country: str | None) -> str:
    """A template filled with a country named with it: two armies stay two."""
    if country in countries() and "{country}" in name:
        return name.replace("{country}", countries()[country].name)
    return name


def coordinated(country: str | None, match: Match, marks, tokens) -> list[tuple[str, int]]:
    """Countries joined to the adjacent one by "and"/"und"/",": "Turkish and Russian forces"
    are two armies, the first named first. Returns (code, start) in text order."""
    if country is None:
        return []
    found, end = [], match.start
    for code, start, mark_end, _ in sorted(marks, key=lambda m: -m[1]):
        if mark_end > end:
            continue
        between = [t.folded for t in tokens if mark_end <= t.start and t.end <= end]
        if found or between:
            if between not in (["and"], ["und"], [","]) or code == country:
                break
            found.append((code, start))
        end = start
    return found[::-1]


def adjacent_country(match: Match, marks, tokens) -> str | None:
    """The country named just before an actor word ("Turkish forces", "die türkische Armee")
    or just after it in a genitive ("military forces of Armenia", "Armee Malis")."""
    for code, start, end, _ in marks:
        if end <= match.start and token_gap(tokens, end, match.start) <= 1:
            return code
        if start >= match.end:
            between = [t.folded for t in tokens if match.end <= t.start and t.end <= start]
            if between in ([], ["of"], ["der"], ["des"], ["von"]):
                return code
    return None


def describes_next(match: Match, matches: list[Match], i: int, tokens: list[Token]) -> bool:
    """A named actor right before another named one describes it: "anti-Houthi National
    Resistance forces", "pro-Turkey JWS"."""
    after = matches[i + 1] if i + 1 < len(matches) else None
    return bool(
        after
        and not is_generic(match.labels[0])
        and not is_generic(after.labels[0])
        and token_gap(tokens, match.end, after.start) == 0
    )


def part_of_named(match: Match, matches: list[Match], i: int, tokens: list[Token]) -> bool:
    before = matches[i - 1] if i > 0 else None
    if (
        before
        and not is_generic(before.labels[0])
        and token_gap(tokens, before.end, match.start) <= 1
    ):
        return True
    after = matches[i + 1] if i + 1 < len(matches) else None
    if after and not is_generic(after.labels[0]):
        between = [t.folded for t in tokens if match.end <= t.start and t.end <= after.start]
        apposition = not between  # "die Terrormiliz IS", "the militant group Al Shabaab"
        return apposition or len(between) <= 4 and bool({"der", "des", "of"} & set(between))
    return False


def acts(tokens: list[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    """A country name acts (is an actor) at the start of a sentence or after an article, unless
    a word after it makes it a modifier ("the US dollar") or a noun before the article makes it
    a genitive ("im Osten der Ukraine")."""
    previous = [t for t in tokens if t.end <= start]
    following = next((t for t in tokens if t.start >= end), None)
    if following and "modifier" in lexicon.place_cues.get(following.folded, ()):
        return False
    last = next((t for t in tokens if t.start < end <= t.end), None)
    if last and last.text.endswith(("'s", "’s")):
        return False  # "Sudan's RSF": the name modifies what follows
    if not previous:
        return True
    genitive = len(previous) > 2 and previous[-2].text[:1].isupper()
    return previous[-1].folded in SUBJECT_WORDS and not genitive


def token_gap(tokens: list[Token], end: int, start: int) -> int:
    """How many tokens lie between two spans (−1 if they overlap or are out of order)."""
    if start < end:
        return -1
    return sum(1 for t in tokens if end <= t.start and t.end <= start)


def overlaps(start: int, end: int, spans) -> bool:
    return any(s < end and start < e for s, e in spans)


class Roles(NamedTuple):
    sub_event_type: str
    actor1: ActorMention
    actor2: ActorMention | None


def assign_roles(
    sub_event_type: str, mentions: list[ActorMention], frontline: bool = False
) -> Roles:
    """Actor1 and actor2 as ACLED codes them for the event's type.

    The doer comes first (a passive's agent before anyone else, a counted victim last);
    civilians are the target of
    violence against civilians; crowd events have the generic Protesters or Rioters as actor1
    and any state force that met them as actor2. Fire across a frontline that no one is named
    for is the state's forces' (a front has them on one side), else an unidentified group's.
    """
    event_type = taxonomy.event_type_of(sub_event_type)
    armed = sorted((m for m in mentions if m.inter in ARMED), key=lambda m: (not m.agent, m.victim))
    state = [m for m in armed if m.inter == STATE]
    civilians = [m for m in mentions if m.inter == CIVILIANS]
    crowd = [m for m in mentions if m.inter in (RIOTERS, PROTESTERS)]
    if event_type == "Protests":
        actor1 = generic_actor(PROTESTERS, crowd[0] if crowd else None)
        met = state[0] if state and sub_event_type != "Peaceful protest" else None
        return Roles(sub_event_type, actor1, met)
    if event_type == "Riots":
        rioters = [m for m in crowd if m.inter == RIOTERS]
        actor1 = rioters[0] if rioters else generic_actor(RIOTERS, crowd[0] if crowd else None)
        if sub_event_type == "Mob violence":
            targets = civilians or [m for m in armed if m.name != actor1.name]
            return Roles(sub_event_type, actor1, targets[0] if targets else None)
        return Roles(sub_event_type, actor1, state[0] if state else None)
    doers = [m for m in armed if not m.victim]
    actor1 = doers[0] if doers else generic_actor(STATE if frontline else POLITICAL)
    if event_type == "Violence against civilians":
        target = civilians[0] if civilians else generic_actor(CIVILIANS)
        return Roles(sub_event_type, actor1, target)
    others = [m for m in armed + civilians + crowd if m.name != actor1.name]
    return Roles(sub_event_type, actor1, others[0] if others else None)


def generic_actor(inter: int, span: ActorMention | None = None) -> ActorMention:
    """ACLED's generic actor of a kind, at the words that name the crowd if there are any."""
    start, end = (span.start, span.end) if span else (None, None)
    return ActorMention(GENERIC_ACTORS[inter], inter, start, end)


def resolve(
    mention: ActorMention, event_country: str | None, group: ActorMention | None
) -> tuple[str, int]:
    """The actor's final name and inter code: templates filled, foreign state forces external."""
    name, inter = mention.name, mention.inter
    if name == GROUP:
        name, inter = (group.name, group.inter) if group else (UNKNOWN_GROUP, POLITICAL)
    code = mention.country or event_country
    country = countries()[code].name if code in countries() else "Unknown"
    if inter == STATE and mention.country and event_country and mention.country != event_country:
        inter = EXTERNAL
    return name.format(country=country), inter
