"""Where an event happened, as a news article says it: the role each place name plays, and
the place an event's sentences give it.

A place name is the event's place unless the text gives it another role: the dateline before
the story ("BAGHDAD (Reuters) –"), the seat of an authority that speaks ("Sprecher der Polizei
Aachen", "Gaza's civil defence agency"), a reference point ("60 km north of Baghdad", "west of
Ramadi"), the country across a border ("near the border with Niger"), or part of a person's
name ("Governor Vitaly Kim", "Ruth Medina"). What a language calls an authority, a title, a
reference direction or a border is its data (`place_cues.tsv`); given names are
`lang/base/given_names.txt`.
"""

from __future__ import annotations

from functools import cache

from .. import geo
from ..resources import lang_file
from ..text import Token
from .lexicon import Lexicon

DATELINE, AUTHORITY, REFERENCE, BORDER, PERSON = (
    "dateline", "authority", "reference", "border", "person"
)  # fmt: skip
RANK = {
    None: 0,
    REFERENCE: 1,
    AUTHORITY: 2,
    DATELINE: 2,
    BORDER: 2,
}  # lower: likelier the event's place
KIND = {"town": 0, "admin2": 0, "admin1": 1, "country": 2}  # a district is named by its seat
SEPARATORS = {"–", "—", "-", ":"}
TEASER = 1  # sentences between the headline and a dateline ("Weitere sechs Soldaten verletzt")
DATELINE_REACH = 12  # tokens of the first sentence a dateline may take
AUTHORITY_REACH = 3  # tokens between "Gaza" and "… agency" in "Gaza's civil defence agency"
SMALL_TOWN = 20_000  # a given name that is also a town this small is still a given name


@cache
def given_names() -> frozenset[str]:
    path = lang_file("base", "given_names.txt")
    return frozenset(
        line.strip().casefold()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


def place_roles(
    tokens: list[list[Token]],
    mentions: list[list[geo.Mention]],
    lexicon: Lexicon,
    cues: geo.Cues,
    first: int = 0,
) -> dict[int, str]:
    """The role of each place name that is not (only) where something happened, by its start.
    `first` is the index of the body's first sentence, where a dateline stands (or the one
    after, below a teaser line)."""
    found: dict[int, str] = {}
    surnames: set[str] = set()
    for index, (sentence, names) in enumerate(zip(tokens, mentions, strict=True)):
        if first <= index <= first + TEASER and DATELINE not in found.values():
            found |= {m.start: DATELINE for m in dateline(sentence, names)}
        position = {t.start: i for i, t in enumerate(sentence)}
        for mention in names:
            at = position.get(mention.start)
            if at is None or mention.start in found:
                continue
            role = person(sentence, at, mention, names, lexicon, surnames, cues)
            role = role or authority(sentence, at, mention, lexicon, cues)
            role = role or reference(sentence, at, lexicon)
            if role:
                found[mention.start] = role
    return found


def dateline(sentence: list[Token], names: list[geo.Mention]) -> list[geo.Mention]:
    """The place names before the story begins: "Niamey, Bamako – …", "KANO, Nigeria: …",
    "Peshawar (AFP) …". Only place names, commas and a bracketed agency may come before the
    dash, colon or bracket that ends it."""
    inside = {i for i, t in enumerate(sentence) for m in names if m.start <= t.start < m.end}
    for i, token in enumerate(sentence[:DATELINE_REACH]):
        ends = (
            token.text in SEPARATORS
            or token.text == ")"
            and "(" in {t.text for t in sentence[max(0, i - 3) : i]}
        )
        if not ends:
            continue
        before = sentence[:i]
        opened = next((j for j, t in enumerate(before) if t.text == "("), len(before))
        allowed = all(
            j in inside or j >= opened or t.text in {",", "/"} or t.text[:1].isupper()
            for j, t in enumerate(before)
        )  # anything in the agency's brackets: "(dpa-AFX)"
        named = [m for m in names if m.end <= token.start]
        return named if allowed and named and 0 in inside else []
    return []


def person(sentence, at, mention, names, lexicon: Lexicon, surnames: set[str], cues) -> str | None:
    """A place name that is part of a person's name: after a given name or a title ("Governor
    Kim", "Innenminister Fiqi"), or a surname the text gave a person before ("Kim said")."""
    word = mention.text.casefold()
    if word in surnames:
        return PERSON
    if at > 1 and sentence[at - 1].text == ".":
        at -= 1  # an abbreviated title: "St. Stephen's", "Gen. Kim"
    if at == 0:
        return None
    before = sentence[at - 1]
    if not before.text[:1].isupper() and not is_title(before.folded, lexicon):
        return None
    if is_title(before.folded, lexicon) or is_given_name(before, names, cues):
        surnames.add(mention.text.split()[-1].casefold())
        return PERSON
    return None


def is_title(word: str, lexicon: Lexicon) -> bool:
    """A title before a name ("governor"), also at a German compound's end ("Innenminister")."""
    return lexicon.ends_in(word, lexicon.cue_words("title"))


def is_given_name(token: Token, names: list[geo.Mention], cues: geo.Cues) -> bool:
    """A given name, not a place of some size ("Santiago Chile" names two places)."""
    if token.folded not in given_names() or token.folded in cues.vocabulary:
        return False
    own = next((m for m in names if m.start <= token.start < m.end), None)
    return own is None or max(p.population for p in own.candidates) < SMALL_TOWN


def authority(sentence, at, mention, lexicon: Lexicon, cues) -> str | None:
    """The seat of an authority: right after its word ("Polizei Aachen", "governor of
    Kharkiv") or a few words before it ("the Aachen police", "Gaza's civil defence agency"),
    not of one's building ("Barachatti police station")."""
    words = lexicon.cue_words("authority")
    previous = [t.folded for t in sentence[max(0, at - 2) : at]]
    if previous and previous[-1] in words:
        return AUTHORITY
    if len(previous) == 2 and previous[0] in words and previous[1] in ("of", "von", "in"):
        return None if previous[1] == "in" else AUTHORITY
    end = next((i for i, t in enumerate(sentence) if t.start >= mention.end), len(sentence))
    following = [t.folded for t in sentence[end : end + AUTHORITY_REACH + 1]]
    possessive = mention.text.endswith(("'s", "’s")) or following[:1] in (["'s"], ["’s"])
    following = following[1:] if following[:1] in (["'s"], ["’s"], ["'"]) else following
    reach = AUTHORITY_REACH if possessive else 1  # "Gaza's civil defence agency", "Aachen police"
    for i, word in enumerate(following[:reach]):
        if word in words:  # "Barachatti police station": a building there, not an authority
            after = following[i + 1] if i + 1 < len(following) else None
            return None if after in lexicon.cue_words("facility") else AUTHORITY
        if word in cues.stop or not word.isalpha():
            return None
    return None


def reference(sentence, at, lexicon: Lexicon) -> str | None:
    """A reference point: after a direction and "of"/"von" ("north of", "nordöstlich von");
    the country across a border ("near the border with Niger", "an der Grenze zu Venezuela"),
    which places the event only if nothing else does."""
    previous = [t.folded for t in sentence[max(0, at - 2) : at]]
    if len(previous) < 2:
        return None
    if previous[1] in ("of", "von") and previous[0] in lexicon.cue_words("reference"):
        return REFERENCE
    if " ".join(previous) in lexicon.cue_words("border"):
        return BORDER
    return None


def preference(mention: geo.Mention, place: geo.Place, roles: dict[int, str]) -> tuple:
    """How good an event place a name is: by its role, then by the kind of place."""
    return RANK.get(roles.get(mention.start), 9), KIND[place.kind]
