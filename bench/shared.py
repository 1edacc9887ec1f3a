"""Where the benchmarks find what lagebild does not ship: ACLED's development notes, whose
terms do not allow redistributing them, are read from the project's shared folder
(LAGEBILD_SHARED, default ../shared beside the repository)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LAGEBILD_SHARED", ROOT.parent / "shared"))
ACLED_DEV = SHARED / "data" / "acled" / "acled-2020-05-dev.csv"


def acled_dev() -> Path:
    """The ACLED notes, or an exit that says where they were looked for."""
    if not ACLED_DEV.is_file():
        sys.exit(
            f"{ACLED_DEV} is not there: set LAGEBILD_SHARED to the folder that holds data/acled"
        )
    return ACLED_DEV
