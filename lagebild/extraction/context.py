"""What the coder knows of a whole document before it codes an event: its sentences (the
headline first, where the text has one) with their tokens, concepts, live triggers, actors and
place names, the role each place name plays, which sentences quote someone, and the
article's country, regions and date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from .. import geo
from ..models import Document, Notice, Sentence
from ..sentences import pipeline, split_sentences
from ..text import Token, tokenize
from . import actors as roles
from . import places
from .dates import DateMention, document_date
from .lexicon import CUE_REACH, CUES, EVENT_CONCEPTS, Lexicon, inflected_forms, vocabulary
from .matcher import Match
from .numbers import circumstance, counted_spans

ADJECTIVE_VOTE = 0.75  # a country adjective ("irakischen Provinz") in the article's country vote
ARABIC_ARTICLES = frozenset(
    {"al", "el", "ad", "as", "ar", "an", "ash", "at", "az", "asch", "esch", "es", "ed", "et", "ez"}
)  # English and German transliterations
QUOTES = (("„", "“"), ("«", "»"), ("»", "«"), ("“", "”"), ('"', '"'))
LEDE = 2  # the body's first sentences, which with the headline tell the main news
MIN_QUOTE = 20  # characters within quotation marks that may be a sentence, not a name
TARGET_WORDS = 4  # words after "Angriff auf" / "attack on" that may name whom it was done to


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
    place_roles: dict[int, str]  # a place name's start → "dateline", "authority", "reference", …
    country: str | None
    regions: set[tuple[str, str]]
    within: dict[int, frozenset]  # regions named right after a place name, by its start
    nearby: frozenset  # the regions of the towns the text names without doubt
    reference: DateMention
    group: roles.ActorMention | None
    headline: bool  # the first sentence is the document's title
    quoted: list[bool]  # the sentence is someone's words in quotation marks
    notices: list[Notice] = field(default_factory=list)

    def notice(self, offset: int | None, message: str) -> None:
        self.notices.append(Notice(self.document.location(offset), message))

    def in_lede(self, index: int) -> bool:
        """The headline or one of the body's first sentences: where the news is told."""
        return index < LEDE + self.headline


def build_context(
    document: Document, lexicon: Lexicon, gazetteer: geo.Gazetteer, today: dt.date | None = None
) -> Context:
    headline = title_sentence(document)
    sentences = ([headline] if headline else []) + split_sentences(document)
    tokens = [tokenize(s.text, s.start) for s in sentences]
    concepts = [lexicon.concepts.find(s.text, s.start) for s in sentences]
    triggers = [live_triggers(m, t) for m, t in zip(concepts, tokens, strict=True)]
    marks = [
        roles.country_mentions(t, s.text, s.start, lexicon)
        for s, t in zip(sentences, tokens, strict=True)
    ]
    actors = [
        roles.mark_victims(
            roles.find_actors(t, s.text, s.start, lexicon, a, m),
            t,
            victim_spans(t, a, lexicon),
            target_spans(t, a, lexicon),
        )
        for s, t, a, m in zip(sentences, tokens, concepts, marks, strict=True)
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
    cue_words = place_cues(lexicon.language)
    first = int(bool(headline))
    found, country, regions = document_places(
        tokens, actors, cues, gazetteer, lexicon, cue_words, first
    )
    place_roles = places.place_roles(tokens, found, lexicon, cue_words, first)
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
        found,
        place_roles,
        country,
        regions,
        {k: v for ms in found for k, v in geo.qualifying_regions(ms, country).items()},
        geo.town_regions([m for ms in found for m in ms], country),
        document_date(document, today),
        group,
        headline=bool(headline),
        quoted=quoted_sentences(document.text, sentences),
    )


def victim_spans(tokens: list[Token], concepts: list[Match], lexicon: Lexicon) -> list[range]:
    """Where the sentence names whom it counts among the dead or hurt (token indexes): also
    the whole of a sentence that only says who was among the victims ("Der Polizeichef ist
    unter den Opfern")."""
    hurt = [m for m in concepts if {"DEAD", "INJURE"} & set(m.labels)]
    labels = {c for m in concepts for c in m.labels}
    if "VICTIM" in labels and not labels & (EVENT_CONCEPTS - {"KILL"}):
        return [range(len(tokens))]
    return counted_spans(tokens, hurt, lexicon)


def target_spans(tokens: list[Token], concepts: list[Match], lexicon: Lexicon) -> list[range]:
    """Whom an act is done to, named right after it ("Angriff auf israelische Soldaten",
    "attacks on army posts"): up to a word that says where or how."""
    index = {t.start: i for i, t in enumerate(tokens)}
    acts = {m.end for m in concepts if set(m.labels) & EVENT_CONCEPTS}
    spans = []
    for target in (m for m in concepts if "TARGET" in m.labels and m.start in index):
        first = index[target.start]
        if first == 0 or tokens[first - 1].end not in acts:
            continue
        end = min(len(tokens), first + 1 + TARGET_WORDS)
        stop = next(
            (
                i
                for i in range(first + 1, end)
                if tokens[i].text in ",.;:" or circumstance(tokens[i], lexicon)
            ),
            end,
        )
        spans.append(range(first + 1, stop))
    return spans


def title_sentence(document: Document) -> Sentence | None:
    """The title as a sentence, where the text holds it (a `title` header line); an editor's
    note in square brackets in its place is none."""
    if not document.title or document.title.startswith("["):
        return None
    start = document.text.find(document.title, 0, document.body_start)
    if start < 0:
        return None
    return Sentence(start, start + len(document.title), document.title)


def quoted_sentences(text: str, sentences: list[Sentence]) -> list[bool]:
    """Whether each sentence lies within quotation marks: a speaker's words ("No attack will go
    unpunished"), not the report's."""
    spans = []
    for opening, closing in QUOTES:
        if opening == closing:  # '"' closes the quote it opened: pair the marks in order
            marks = [m.start() for m in re.finditer(re.escape(opening), text)]
            pairs = zip(marks[::2], marks[1::2], strict=False)  # an odd last mark opens none
            spans += [(start, end + 1) for start, end in pairs if end - start > MIN_QUOTE]
            continue
        for match in re.finditer(rf"{re.escape(opening)}[^{re.escape(closing)}]{{{MIN_QUOTE},}}?"
                                 rf"{re.escape(closing)}", text):  # fmt: skip
            spans.append((match.start(), match.end()))
    return [
        any(start <= s.start + 1 and s.end - 1 <= end for start, end in spans) for s in sentences
    ]


def document_places(
    tokens, actors, named, gazetteer: geo.Gazetteer, lexicon: Lexicon, cues: geo.Cues, first
):
    """Each sentence's place names, the article's country (from them but persons' names, its
    actors and `named` countries), and the regions it names; once the country is known, its
    regions in other spellings too."""
    taken = [actor_token_indexes(t, a) for t, a in zip(tokens, actors, strict=True)]
    found = [geo.find_places(t, gazetteer, cues, s) for t, s in zip(tokens, taken, strict=True)]
    named = [*named, *((a.country, 1.0) for sentence in actors for a in sentence if a.country)]
    named += [(a.home, 1.0) for sentence in actors for a in sentence if a.home]
    roles_of = places.place_roles(tokens, found, lexicon, cues, first)
    voters = [m for ms in found for m in ms if roles_of.get(m.start) != places.PERSON]
    country = geo.document_country(voters, named)
    if country is None:  # "in Quamishli city": a big town spelt otherwise names the country
        added = respelt(found, tokens, taken, gazetteer, cues, None)
        country = geo.document_country(voters + added, named)
    if country:
        regions = geo.named_regions([m for ms in found for m in ms], country)
        respelt(found, tokens, taken, gazetteer, cues, country, regions)
    return found, country, geo.named_regions([m for ms in found for m in ms], country)


def respelt(found, tokens, taken, gazetteer, cues, country, regions=()) -> list[geo.Mention]:
    """Add to each sentence's place names those spelt unlike the gazetteer (`find_regions`:
    in `country`, or big towns anywhere where it is None); the mentions added."""
    added = []
    for sentence_tokens, skip, mentions in zip(tokens, taken, found, strict=True):
        new = geo.find_regions(sentence_tokens, gazetteer, country, cues, skip, mentions, regions)
        mentions += new
        mentions.sort(key=lambda m: m.start)
        added += new
    return added


@cache
def place_cues(language: str) -> geo.Cues:
    """What the language tells the geoparser: "near" words, words never a place on their own
    (stop words, month and weekday names, titles, the Arabic article of "Al Jah"), articles, and
    inflected forms of common words (spaCy's lookup lemmas)."""
    from .lexicon import load_language

    lexicon = load_language(language)
    stop = frozenset(pipeline(language).Defaults.stop_words) | ARABIC_ARTICLES
    stop |= lexicon.months.keys() | lexicon.weekdays.keys() | set(lexicon.cue_words("title"))
    return geo.Cues(
        near=frozenset(lexicon.cue_words("near")),
        stop=stop,
        articles=frozenset(lexicon.cue_words("article")),
        inflected=inflected_forms(language),
        vocabulary=vocabulary(language),
        modifiers=frozenset(lexicon.cue_words("modifier")),
        city_suffixes=lexicon.cue_words("city_suffix"),
        directions=lexicon.cue_words("direction"),
        lowercase_nouns="names" in lexicon.cue_words("capitalises"),
        introducers=frozenset(lexicon.cue_words("in") + lexicon.cue_words("near")),
        regions=frozenset(lexicon.cue_words("region")),
        features=lexicon.place_features,
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
