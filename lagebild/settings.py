"""Every setting once: name, default, help, the environment variable that overrides it, and
how its value is read, so that a bad value fails once, at start, naming the variable."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import NamedTuple

from .errors import ConfigError


def text(value: str) -> str:
    return value


def number(low: float, high: float) -> Callable[[str], float]:
    def read(value: str) -> float:
        try:
            parsed = float(value)
        except ValueError:
            raise ValueError("is not a number") from None
        if not low <= parsed <= high:  # NaN fails this too
            raise ValueError(f"is not between {low:g} and {high:g}")
        return parsed

    return read


def integer(low: int, high: int) -> Callable[[str], int]:
    def read(value: str) -> int:
        try:
            parsed = int(value)
        except ValueError:
            raise ValueError("is not a whole number") from None
        if not low <= parsed <= high:
            raise ValueError(f"is not between {low:,} and {high:,}")
        return parsed

    return read


MAX_PAGE = 1000  # events per page of /events at most
PORTS = integer(1, 65535)


class Setting(NamedTuple):
    name: str
    default: str
    help: str
    parse: Callable[[str], object] = text

    @property
    def env(self) -> str:
        return f"LAGEBILD_{self.name.upper()}"

    def value(self):
        """The setting's value from the environment (else its default), read by `parse`."""
        raw = os.environ.get(self.env, self.default)
        try:
            return self.parse(raw.strip())
        except ValueError as error:
            raise ConfigError(f"{self.env}={raw!r} {error}") from None


SETTINGS = {
    s.name: s
    for s in [
        Setting(
            "database_url", "sqlite:///lagebild.db", "SQLite file or database URL of the store."
        ),
        Setting("host", "127.0.0.1", "Address `lagebild serve` listens on."),
        Setting("port", "8000", "Port `lagebild serve` listens on (1-65535).", PORTS),
        Setting(
            "page_size",
            "100",
            f"Events per page of /events unless `limit` says otherwise (1-{MAX_PAGE}).",
            integer(1, MAX_PAGE),
        ),
        Setting(
            "token",
            "",
            "Bearer token POST /documents asks for; empty (the default) turns writes off.",
        ),
        Setting(
            "max_body_bytes",
            str(8 * 1024 * 1024),
            "Largest request body the API reads (POST /documents); larger ones get a 413.",
            integer(1024, 1 << 30),
        ),
        Setting(
            "processes",
            str(os.cpu_count() or 1),
            "Server processes of `lagebild serve`, which share what they load (1-64; default:"
            " the machine's cores).",
            integer(1, 64),
        ),
        Setting(
            "threads",
            "4",
            "Requests each server process works on at once; the others wait their turn (1-64).",
            integer(1, 64),
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
            "A document's events below this confidence (0-1) are left out (its best one never is).",
            number(0, 1),
        ),
    ]
}


def setting(name: str):
    return SETTINGS[name].value()


def check_settings() -> None:
    """Read every setting once, so that a bad value stops a command before it starts."""
    for item in SETTINGS.values():
        item.value()
