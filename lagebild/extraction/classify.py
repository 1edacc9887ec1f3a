"""Decide an event's sub-event type from language-independent features of what a sentence
says: its concepts (ATTACK, PROTEST, DISPERSE, …), the kinds of actor it names, whether people
died. Rare types follow rules (`lang/base/rules.tsv`); the rest a multinomial logistic
regression trained on English ACLED notes (`scripts/train_coder.py`, weights in
`lang/base/coder.json`), which serves every language because its inputs are concepts.
"""

from __future__ import annotations

import json
import math
from functools import cache
from typing import NamedTuple

from ..errors import ResourceError
from ..resources import lang_file
from .lexicon import required_concepts, rules

STATE, REBEL, POLITICAL, IDENTITY, EXTERNAL = 1, 2, 3, 4, 8
HOW_DONE = frozenset(
    """ATTACK CLASH FIGHT SHOOT FIRE SHELL AIRSTRIKE DRONE BOMBING IED BLAST SUICIDE GRENADE
    CHEMICAL SEXUAL ABDUCT ARREST SEIZE RECAPTURE PROTEST RIOT MOB BEAT STAB LOOT ARSON DESTROY
    DEPLOY INTERCEPT AGREE BASE""".split()
)  # words that say how force was used; a foreign army's bare "attack" says none
# concepts whose combinations tell types apart (small arms with mortars: a clash, not shelling)
PROTESTS = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
PAIRED = {
    "CLASH", "ATTACK", "SHOOT", "FIRE", "SHELL", "BLAST", "AIRSTRIKE", "IED", "KILL", "PROTEST",
}  # fmt: skip


class Decision(NamedTuple):
    sub_event_type: str
    probability: float
    because: str  # the concept that weighed most for the decision


class Model(NamedTuple):
    classes: list[str]
    weights: dict[str, list[float]]
    intercept: list[float]


def features(
    concepts: set[str], actors: list[tuple[str, int]], first_inter: int | None, fatal: bool
) -> set[str]:
    """The classifier's inputs; every language produces the same ones. `actors` are the
    (name, inter code) of the actors in order of mention, `first_inter` that of the first
    armed one."""
    inters = [inter for _, inter in actors]
    found = {f"c:{c}" for c in concepts} | {f"a:{i}" for i in inters}
    if first_inter:
        found.add(f"first:{first_inter}")
    if inters:
        found.add(f"subject:{inters[0]}")
    armed = {name for name, i in actors if i in (STATE, REBEL, POLITICAL, IDENTITY, EXTERNAL)}
    target = "two_sides" if len(armed) >= 2 else "civilians" if 7 in inters else "one_side"
    found.add(target)
    found |= {f"c:{c}|{target}" for c in concepts}
    kinds = sorted(concepts & PAIRED)
    found |= {f"c:{a}&{b}" for i, a in enumerate(kinds) for b in kinds[i + 1 :]}
    if fatal:
        found.add("fatal")
    return found


@cache
def models() -> dict[str, Model]:
    """The trained models by what they predict: "sub_event_type" and "inter1"."""
    path = lang_file("base", "coder.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ResourceError(f"{path}: cannot load classifier weights ({error})") from error
    return {name: to_model(part) for name, part in data.items()}


def to_model(data: dict) -> Model:
    weights = {f: [row[j] for row in data["coef"]] for j, f in enumerate(data["features"])}
    return Model(data["classes"], weights, data["intercept"])


def scores(m: Model, found: set[str]) -> list[float]:
    totals = list(m.intercept)
    for feature in found & m.weights.keys():
        for k, weight in enumerate(m.weights[feature]):
            totals[k] += weight
    return totals


def by_rule(concepts: set[str]) -> str | None:
    for rule in rules():
        if rule.concepts <= concepts and not rule.unless & concepts:
            return rule.sub_event_type
    return None


def decide(found: set[str], concepts: set[str], first_inter: int | None) -> Decision:
    """The sub-event type: a rule's if one applies, else the classifier's most probable."""
    ruled = by_rule(concepts)
    if ruled:
        return Decision(ruled, 1.0, next(iter(sorted(concepts))))
    if first_inter == EXTERNAL and concepts & HOW_DONE <= {"ATTACK"}:
        return Decision("Air/drone strike", 1.0, "ATTACK")  # "US-Angriff auf einen Stützpunkt"
    if "SEIZE" in concepts and not concepts & {"ATTACK", "CLASH", "KILL", "SHELL", "AIRSTRIKE"}:
        state = first_inter in (STATE, EXTERNAL)
        territory = (
            "Government regains territory" if state else "Non-state actor overtakes territory"
        )
        return Decision(territory, 1.0, "SEIZE")
    return classify(found, concepts)


def classify(found: set[str], concepts: set[str]) -> Decision:
    """The most probable type among those the text has words for (`lang/base/evidence.tsv`)."""
    m = models()["sub_event_type"]
    totals = scores(m, found)
    needs = required_concepts()
    allowed = [k for k, kind in enumerate(m.classes) if needs.get(kind, concepts) & concepts]
    best = max(allowed or range(len(totals)), key=totals.__getitem__)
    total = sum(math.exp(t - totals[best]) for t in totals)
    concept_features = [f for f in found & m.weights.keys() if f.startswith("c:")]
    because = max(concept_features, key=lambda f: m.weights[f][best], default="c:")[2:]
    return Decision(m.classes[best], 1 / total, because)


def inter_features(found: set[str], sub_event_type: str, rule_inter: int) -> set[str]:
    return found | {f"type:{sub_event_type}", f"rule_inter:{rule_inter}"}


def actor1_type(found: set[str], sub_event_type: str, rule_inter: int) -> int:
    """ACLED's inter code for actor1 as the notes taught it, given what the role rules chose
    (it learns conventions no rule states: fire reported across a front is the state's). Air
    strikes by an unnamed doer are flown by a state: armed groups fly drones, not warplanes; a
    protest's actor1 is its protesters by definition."""
    m = models().get("inter1")
    if m is None or sub_event_type in PROTESTS:
        return rule_inter
    totals = scores(m, inter_features(found, sub_event_type, rule_inter))
    ranked = sorted(range(len(totals)), key=totals.__getitem__, reverse=True)
    if sub_event_type == "Air/drone strike" and "c:DRONE" not in found:
        ranked = [k for k in ranked if int(m.classes[k]) in (STATE, EXTERNAL)] or ranked
    return int(m.classes[ranked[0]])
