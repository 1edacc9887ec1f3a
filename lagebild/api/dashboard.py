"""The dashboard: one page and its static files, served with the API so that it works with no
connection beyond this server. The page's scripts read the same API as everyone else."""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from ..errors import ConfigError

STATIC = Path(__file__).parents[1] / "dashboard" / "static"
CONFIG_MARK = "<!-- config -->"
TILE_HOST = re.compile(r"[A-Za-z0-9.:{}-]+")


def static_files() -> StaticFiles:
    return StaticFiles(directory=STATIC)


def router(tile_url: str = "", tile_attribution: str = "") -> APIRouter:
    api = APIRouter(include_in_schema=False)
    page = index_page(tile_url, tile_attribution)
    headers = {"Content-Security-Policy": content_policy(tile_url), "Cache-Control": "no-cache"}

    @api.api_route("/", methods=["GET", "HEAD"])
    def index() -> HTMLResponse:
        return HTMLResponse(page, headers=headers)

    return api


def index_page(tile_url: str, tile_attribution: str) -> str:
    """The page with the map settings in meta tags (escaped: they come from the environment)."""
    meta = "\n".join(
        f'<meta name="lagebild-{name}" content="{html.escape(value, quote=True)}">'
        for name, value in (("tiles", tile_url), ("tile-attribution", tile_attribution))
    )
    return template().replace(CONFIG_MARK, meta)


@cache
def template() -> str:
    return (STATIC / "index.html").read_text(encoding="utf-8")


def tile_origin(tile_url: str) -> str:
    """Where the tiles come from, as the policy names it ("https://*.tile.example.org" for
    Leaflet's {s} subdomains); anything but a plain http(s) address is refused."""
    parts = urlsplit(tile_url)
    if parts.scheme not in ("http", "https") or not TILE_HOST.fullmatch(parts.netloc):
        raise ConfigError(
            "LAGEBILD_TILE_URL must be an http(s) address such as "
            f"https://tile.example.org/{{z}}/{{x}}/{{y}}.png, not {tile_url!r}"
        )
    host = parts.netloc
    if "{s}" in host:
        host = "*." + host.split(".", 1)[-1]
    return f"{parts.scheme}://{host}"


def content_policy(tile_url: str) -> str:
    """Scripts, styles and data from this server only (tiles from their server too), so that
    nothing a news text holds can run or load anything even if it reached the page as HTML."""
    images = "'self' data:"
    if tile_url:
        images += f" {tile_origin(tile_url)}"
    return (
        f"default-src 'self'; img-src {images}; script-src 'self'; style-src 'self'; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
