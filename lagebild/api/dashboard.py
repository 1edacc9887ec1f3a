"""The dashboard: one page and its static files, served with the API so that it works with no
connection beyond this server. The page's scripts read the same API as everyone else."""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parents[1] / "dashboard" / "static"
CONFIG_MARK = "<!-- config -->"


def static_files() -> StaticFiles:
    return StaticFiles(directory=STATIC)


def router(tile_url: str = "", tile_attribution: str = "") -> APIRouter:
    api = APIRouter(include_in_schema=False)
    page = index_page(tile_url, tile_attribution)
    headers = {"Content-Security-Policy": content_policy(tile_url), "Cache-Control": "no-cache"}

    @api.get("/")
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


def content_policy(tile_url: str) -> str:
    """Scripts, styles and data from this server only (tiles from their server too), so that
    nothing a news text holds can run or load anything even if it reached the page as HTML."""
    images = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url)
        host = parts.netloc
        if "{s}" in host:  # Leaflet's subdomains: a.tile…, b.tile…
            host = "*." + host.split(".", 1)[-1]
        images += f" {parts.scheme}://{host}"
    return (
        f"default-src 'self'; img-src {images}; script-src 'self'; style-src 'self'; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
