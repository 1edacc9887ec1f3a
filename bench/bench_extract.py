"""Extraction speed on one core: documents of about 2 KB, German and English.

    .venv/bin/python bench/bench_extract.py

English documents are ACLED notes joined to ~2 KB; German ones are the news reports in
data/corpus/de (0.6–2 KB). Resources (lexicons, gazetteer, spaCy, lingua) are loaded before
timing starts. Prints a table: documents, KB, seconds, documents per second.
"""

from __future__ import annotations

import time
from pathlib import Path

from shared import acled_dev

from lagebild import geo
from lagebild.extraction import extract, load_language
from lagebild.language import with_language
from lagebild.models import Document
from lagebild.read import read_paths

ROOT = Path(__file__).parents[1]
TARGET = 2000


def english_documents() -> list[Document]:
    notes = [d for d in read_paths([acled_dev()])]
    documents, text, n = [], "", 0
    for note in notes:
        text += note.text + "\n\n"
        if len(text) >= TARGET:
            documents.append(
                Document(id=f"en-{n}", text=text, published=note.published, language="en")
            )
            text, n = "", n + 1
    return documents


def german_documents() -> list[Document]:
    return list(read_paths([ROOT / "data" / "corpus" / "de"]))


def run(name: str, documents: list[Document], detect: bool) -> tuple:
    if detect:
        documents = [d.model_copy(update={"language": None}) for d in documents]
    start = time.perf_counter()
    for document in documents:
        extract(with_language(document) if detect else document)
    seconds = time.perf_counter() - start
    kb = sum(len(d.text.encode()) for d in documents) / 1024
    return name + (" (+ language detection)" if detect else ""), len(documents), kb, seconds


def main() -> None:
    load_language("en"), load_language("de"), geo.default_gazetteer()
    english, german = english_documents(), german_documents()
    for document in english[:3] + german[:3]:
        extract(with_language(document))  # warm caches: spaCy pipelines, lingua models
    rows = [
        run("en ACLED notes", english, False),
        run("de news", german * 10, False),
        run("en ACLED notes", english, True),
        run("de news", german * 10, True),
    ]
    print(f"| {'documents':32} | {'n':>5} | {'KB':>7} | {'seconds':>7} | {'docs/s':>7} |")
    print(f"|{'-' * 34}|{'-' * 7}|{'-' * 9}|{'-' * 9}|{'-' * 9}|")
    for name, n, kb, seconds in rows:
        print(f"| {name:32} | {n:5} | {kb:7.0f} | {seconds:7.2f} | {n / seconds:7.0f} |")


if __name__ == "__main__":
    main()
