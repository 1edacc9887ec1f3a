"""Train the sub-event-type classifier on the 'tune' half of the ACLED development notes.

    python scripts/train_coder.py [ACLED.csv]

Each note's first event candidate (the sentence that opens it) is turned into concept
features by the English lexicon; a multinomial logistic regression learns the note's ACLED
sub-event type from them, and a second one actor1's inter code (given those features, the
type and the inter code the role rules chose; the coder asks it only when no actor1 is named).
The weights go to lagebild/lang/base/coder.json. The 'heldout' half (evaluate.acled_part) is
never read here, so `lagebild eval --acled FILE --part heldout` measures the coder on notes it
has not seen. Needs the `build` extra (scikit-learn).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from shared import ACLED_DEV, ROOT
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.preprocessing import MultiLabelBinarizer

from lagebild import geo
from lagebild.evaluate import acled_part, read_acled_gold
from lagebild.extraction import classify, context, incidents, load_language, mentions
from lagebild.read import read_paths

OUT = ROOT / "lagebild" / "lang" / "base" / "coder.json"
C = 1.0


def candidates(path: Path):
    """(note id, context, first candidate) of each note of the 'tune' half that has one."""
    lexicon, gazetteer = load_language("en"), geo.default_gazetteer()
    for document in read_paths([path]):
        if acled_part(document.id) != "tune":
            continue
        read = context.build_context(document, lexicon, gazetteer)
        found = mentions.candidates(read)
        if found:
            yield document.id, read, found[0]


def fit(rows: list[set[str]], targets: list) -> tuple[dict, float]:
    """A logistic regression as JSON-ready weights, and its 5-fold accuracy."""
    binarizer = MultiLabelBinarizer()
    matrix = binarizer.fit_transform(rows)
    model = LogisticRegression(C=C, max_iter=5000)
    accuracy = cross_val_score(model, matrix, targets, cv=5).mean()
    model.fit(matrix, targets)
    weights = {
        "classes": [str(c) for c in model.classes_],
        "features": list(binarizer.classes_),
        "coef": [[round(w, 5) for w in row] for row in model.coef_],
        "intercept": [round(b, 5) for b in model.intercept_],
    }
    return weights, accuracy


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ACLED_DEV
    golds = {g.doc: g for g in read_acled_gold(path)}
    notes = list(candidates(path))
    features = [incidents.candidate_features(read, c)[0] for _, read, c in notes]
    types, type_accuracy = fit(features, [golds[doc].sub_event_type for doc, _, _ in notes])
    OUT.write_text(json.dumps({"sub_event_type": types}) + "\n")
    classify.models.cache_clear()
    inter_rows = []
    for (_, read, candidate), found in zip(notes, features, strict=True):
        coded = incidents.code(read, candidate)  # with the type model just trained
        inter_rows.append(
            classify.inter_features(found, coded.decision.sub_event_type, coded.actor1[1])
        )
    inters, inter_accuracy = fit(inter_rows, [golds[doc].inter1 for doc, _, _ in notes])
    OUT.write_text(json.dumps({"sub_event_type": types, "inter1": inters}, indent=1) + "\n")
    print(f"{len(notes)} notes of the tune half with a candidate")
    print(f"5-fold accuracy: sub-event type {type_accuracy:.3f}, inter1 {inter_accuracy:.3f}")


if __name__ == "__main__":
    main()
