"""The HTTP API: the app, its error handling and health; the routes are in `events`,
`documents` and `dashboard` (the page at `/`)."""

from __future__ import annotations

import gc
import json
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import Depends, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from .. import __version__
from ..errors import LagebildError
from ..pipeline import warm_up
from ..store import Store
from . import dashboard, documents, events
from .events import json_response
from .middleware import NoSniff, ResponseCache, TokenGuard
from .parameters import known_parameters


class ASCIIJSONResponse(JSONResponse):
    """JSON with every non-ASCII character escaped, lone surrogates too, which UTF-8 cannot
    encode but a request's JSON body may hold."""

    def render(self, content) -> bytes:
        return json.dumps(content, separators=(",", ":")).encode("ascii")


class Health(BaseModel):
    status: str
    version: str
    events: int
    documents: int


def create_app(
    store: Store,
    page_size: int = 100,
    token: str = "",
    tile_url: str = "",
    tile_attribution: str = "",
    max_body_bytes: int = 8 * 1024 * 1024,
    threads: int = 4,
) -> FastAPI:
    """The API and the dashboard over a store; `token` is the bearer token writes need (none:
    no writes), `tile_url` a tile server the dashboard's map may use besides its own map.

    At most `threads` requests are worked on at once (the store's pool should hold as many
    connections); the others wait their turn rather than fail, and memory stays bounded. Few
    threads serve more: Python runs one at a time, and more only contend for it."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        """Bound the worker threads; when writes are on, load what coding a document needs
        before the first one arrives (once, not in each of several threads at once)."""
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        if token:
            await anyio.to_thread.run_sync(warm_up)
        gc.freeze()  # what is loaded now lives as long as the server: the collector skips it
        yield

    app = FastAPI(
        title="lagebild",
        version=__version__,
        description="Conflict events coded from news, ACLED-style, with evidence for every field.",
        max_body_size=max_body_bytes,
        lifespan=lifespan,
        docs_url=None,  # served by `dashboard` from the package: FastAPI's loads from a CDN
        redoc_url=None,
    )

    @app.exception_handler(LagebildError)
    async def lagebild_error(_request: Request, error: LagebildError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=error.http_status)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        """FastAPI's 422 without the rejected input (which may be megabytes of text)."""
        kept = [{k: e[k] for k in ("type", "loc", "msg") if k in e} for e in error.errors()]
        return ASCIIJSONResponse({"detail": jsonable_encoder(kept)}, status_code=422)

    @app.get("/health", response_model=Health, dependencies=[Depends(known_parameters)])
    def health() -> Response:
        counts = {"events": store.count_events(), "documents": store.count_documents()}
        return json_response(Health(status="ok", version=__version__, **counts))

    app.state.store = store
    checked = [Depends(known_parameters)]
    app.include_router(events.router(store, page_size), dependencies=checked)
    app.include_router(documents.router(store), dependencies=checked)
    app.include_router(dashboard.router(tile_url, tile_attribution))
    app.mount("/static", dashboard.static_files(), name="static")
    app.add_middleware(ResponseCache, version=store.version)
    app.add_middleware(TokenGuard, token=token)
    app.add_middleware(NoSniff)
    return app
