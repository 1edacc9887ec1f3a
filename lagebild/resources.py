"""Reading lagebild's data files: tab-separated tables with a header row and `#` comments."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .errors import ResourceError

LANG_ROOT = Path(__file__).parent / "lang"


def read_table(path: Path, columns: tuple[str, ...]) -> Iterator[dict[str, str]]:
    """Yield the rows of a TSV file as dicts, checking that its header names `columns`."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ResourceError(f"{path}: cannot read ({error.strerror})") from error
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line and not line.startswith("#")]
    if not numbered:
        raise ResourceError(f"{path}: no header row")
    header_line, header = numbered[0]
    names = tuple(header.split("\t"))
    if names[: len(columns)] != columns:
        raise ResourceError(f"{path}:{header_line}: header {names} should start with {columns}")
    for number, line in numbered[1:]:
        cells = line.split("\t")
        if len(cells) > len(names):
            raise ResourceError(f"{path}:{number}: {len(cells)} cells, header has {len(names)}")
        cells += [""] * (len(names) - len(cells))
        yield dict(zip(names, (cell.strip() for cell in cells), strict=True))


def lang_file(lang: str, name: str) -> Path:
    """The path of a data file in `lang/<lang>/`."""
    return LANG_ROOT / lang / name
