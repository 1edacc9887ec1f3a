"""Every setting once: name, default, help, and the environment variable that overrides it."""

from __future__ import annotations

import os
from typing import NamedTuple


class Setting(NamedTuple):
    name: str
    default: str
    help: str

    @property
    def env(self) -> str:
        return f"LAGEBILD_{self.name.upper()}"

    def value(self) -> str:
        return os.environ.get(self.env, self.default)


SETTINGS = {
    s.name: s
    for s in [
        Setting(
            "database_url", "sqlite:///lagebild.db", "SQLite file or database URL of the store."
        ),
        Setting("host", "127.0.0.1", "Address `lagebild serve` listens on."),
        Setting("port", "8000", "Port `lagebild serve` listens on."),
        Setting("page_size", "100", "Events per page of /events unless `limit` says otherwise."),
        Setting(
            "token",
            "",
            "Bearer token POST /documents asks for; empty (the default) turns writes off.",
        ),
        Setting("cache_dir", "~/.cache/lagebild", "Where the compiled gazetteer is cached."),
        Setting(
            "tile_url",
            "",
            "Map tiles for the dashboard ({z}/{x}/{y} URL); empty: the bundled offline map only.",
        ),
        Setting(
            "tile_attribution",
            "",
            "Credit shown on the dashboard map for those tiles (HTML, as Leaflet shows it).",
        ),
        Setting(
            "min_confidence",
            "0.5",
            "A document's events below this confidence are left out (its best one never is).",
        ),
    ]
}


def setting(name: str) -> str:
    return SETTINGS[name].value()
