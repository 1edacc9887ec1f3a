"""Where the build scripts find what lagebild does not ship: the project's shared folder
(LAGEBILD_SHARED, default ../shared beside the repository) holds ACLED's development notes,
whose terms do not allow redistributing them, and UCDP's event data the scripts compile from."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LAGEBILD_SHARED", ROOT.parent / "shared"))
ACLED_DEV = SHARED / "data" / "acled" / "acled-2020-05-dev.csv"
UCDP_GED = SHARED / "data" / "ucdp" / "ged191-syria.csv"
