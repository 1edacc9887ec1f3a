"""Train the sub-event-type classifier on the 'tune' half of the ACLED development notes.

    python scripts/train_coder.py [ACLED.csv]

Each note's first event candidate (the sentence that opens it) is turned into concept
features by the English lexicon; a multinomial logistic regression learns the note's ACLED
sub-event type from them. The weights go to lagebild/lang/base/coder.json. The 'heldout'
half (evaluate.acled_part) is never read here, so `lagebild eval --acled FILE --part heldout`
measures the coder on notes it has not seen. Needs the `build` extra (scikit-learn).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.preprocessing import MultiLabelBinarizer

from lagebild import geo
from lagebild.evaluate import acled_part, read_acled_gold
from lagebild.extraction import coder, load_language
from lagebild.read import read_paths

ROOT = Path(__file__).parents[1]
DEFAULT = ROOT / "data" / "acled" / "acled-2020-05-dev.csv"
OUT = ROOT / "lagebild" / "lang" / "base" / "coder.json"
C = 1.0


def examples(path: Path) -> tuple[list[set[str]], list[str]]:
    labels = {g.doc: g.sub_event_type for g in read_acled_gold(path)}
    lexicon, gazetteer = load_language("en"), geo.default_gazetteer()
    rows, targets = [], []
    for document in read_paths([path]):
        if acled_part(document.id) != "tune":
            continue
        context = coder.build_context(document, lexicon, gazetteer)
        found = coder.candidates(context)
        if found:
            rows.append(coder.candidate_features(context, found[0])[0])
            targets.append(labels[document.id])
    return rows, targets


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    rows, targets = examples(path)
    binarizer = MultiLabelBinarizer()
    matrix = binarizer.fit_transform(rows)
    model = LogisticRegression(C=C, max_iter=5000)
    scores = cross_val_score(model, matrix, targets, cv=5)
    model.fit(matrix, targets)
    OUT.write_text(
        json.dumps(
            {
                "trained_on": f"{path.name}, part 'tune' ({len(rows)} notes with a candidate)",
                "classes": list(model.classes_),
                "features": list(binarizer.classes_),
                "coef": [[round(w, 5) for w in row] for row in model.coef_],
                "intercept": [round(b, 5) for b in model.intercept_],
            },
            indent=1,
        )
        + "\n"
    )
    print(f"{len(rows)} examples, {len(binarizer.classes_)} features, classes {Counter(targets)}")
    print(f"5-fold accuracy on the tune half: {scores.mean():.3f} ± {scores.std():.3f}")


if __name__ == "__main__":
    main()
