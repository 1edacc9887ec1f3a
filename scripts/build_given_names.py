"""Build lagebild/lang/base/given_names.txt: given names common somewhere in the world.

    pip install -e '.[build]' && python scripts/build_given_names.py

From names-dataset (Philippe Rémy's names dataset, Apache 2.0), the first names that rank
among the 1,000 most frequent of at least one country, in Latin letters and of three letters
or more. The geoparser reads a place name after one of them as part of a person's name
("Governor Vitaly Kim", "Ruth Medina").
"""

from __future__ import annotations

import gzip
import pickle
import re
from importlib import resources
from pathlib import Path

OUT = Path(__file__).parents[1] / "lagebild" / "lang" / "base" / "given_names.txt"
MAX_RANK = 1000
LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ'-]{3,}")


def main() -> None:
    source = resources.files("names_dataset") / "v3" / "first_names.pkl.gz"
    with gzip.open(str(source)) as handle:
        names = pickle.load(handle)
    kept = sorted(
        name
        for name, info in names.items()
        if LATIN.fullmatch(name) and info["rank"] and min(info["rank"].values()) <= MAX_RANK
    )
    header = (
        "# Given names among the 1,000 most frequent of at least one country (names-dataset,\n"
        "# Apache 2.0), built by scripts/build_given_names.py.\n"
    )
    OUT.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} names written to {OUT}")


if __name__ == "__main__":
    main()
