"""Write the index of the vendored first-level regions: each country file's bounding box, so
that the dashboard fetches only the countries in view.

    python3 scripts/admin1_index.py lagebild/dashboard/static/vendor/admin1
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def bounds(topology: dict) -> list[float]:
    """west, south, east, north of a quantized TopoJSON topology's arcs."""
    (scale_x, scale_y), (left, bottom) = topology["transform"].values()
    xs, ys = [], []
    for arc in topology["arcs"]:
        x = y = 0
        for position in arc:
            x, y = x + position[0], y + position[1]
            xs.append(left + x * scale_x)
            ys.append(bottom + y * scale_y)
    return [round(min(xs), 3), round(min(ys), 3), round(max(xs), 3), round(max(ys), 3)]


def main(folder: Path) -> None:
    index = {}
    for path in sorted(folder.glob("*.topo.json")):
        topology = json.loads(path.read_text(encoding="utf-8"))
        if topology["arcs"]:
            index[path.name.removesuffix(".topo.json")] = bounds(topology)
    (folder / "index.json").write_text(json.dumps(index, separators=(",", ":")) + "\n")
    print(f"{len(index)} countries indexed in {folder / 'index.json'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
