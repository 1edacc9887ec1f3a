"""The API's ASGI middleware: writes need the token, checked before the request body is read
(FastAPI reads and parses a body before any route dependency runs, so without this a caller
with no token could make the server read and parse 8 MB; the body's size is bounded by
FastAPI's `max_body_size`); every answer tells browsers not to sniff its type; answers to
reads are kept while the store does not change."""

from __future__ import annotations

import hmac
from collections import OrderedDict
from collections.abc import Callable
from typing import NamedTuple

import anyio.to_thread
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

READS = {"GET", "HEAD", "OPTIONS"}


def token_refusal(authorization: str | None, token: str) -> tuple[int, str] | None:
    """Why a write with this Authorization header is refused (status, reason), or None."""
    if not token:
        return 403, "writes are off: set LAGEBILD_TOKEN to accept documents"
    scheme, _, given = (authorization or "").partition(" ")
    matches = hmac.compare_digest(given.strip().encode(), token.encode())
    if scheme.lower() != "bearer" or not matches:
        return 401, "a valid token is needed: Authorization: Bearer <LAGEBILD_TOKEN>"
    return None


class TokenGuard:
    """Refuse a write (any method but GET, HEAD, OPTIONS) without the token: 403 when writes
    are off, 401 for a missing or wrong token."""

    def __init__(self, app: ASGIApp, token: str):
        self.app, self.token = app, token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in READS:
            refusal = token_refusal(Headers(scope=scope).get("authorization"), self.token)
            if refusal:
                status, reason = refusal
                headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
                response = JSONResponse({"detail": reason}, status_code=status, headers=headers)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class NoSniff:
    """Browsers must take JSON as JSON, never as HTML, whatever text a source holds."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", ()), (b"x-content-type-options", b"nosniff")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, sending)


class Answer(NamedTuple):
    version: int
    start: Message
    body: bytes


class ResponseCache:
    """Answers to GET requests of the event routes, kept by URL while the store's version
    (`Store.version`, moved on by every write) stays the same: a dashboard's map, timeline
    and first page, asked for by every user, are worked out once per change. Answers over
    `max_answer` bytes and streamed exports are not kept; all kept answers together hold at
    most `max_bytes`, the least recently used going first."""

    PATHS = ("/events", "/points", "/stats", "/documents/")

    def __init__(
        self,
        app: ASGIApp,
        version: Callable[[], int],
        max_bytes: int = 32 << 20,
        max_answer: int = 4 << 20,
    ):
        self.app, self.version = app, version
        self.max_bytes, self.max_answer = max_bytes, max_answer
        self.answers: OrderedDict[tuple, Answer] = OrderedDict()
        self.size = 0
        self.limiter = anyio.CapacityLimiter(2)  # version lookups never wait behind requests

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not (scope["type"] == "http" and scope["method"] == "GET"):
            await self.app(scope, receive, send)
            return
        if not scope["path"].startswith(self.PATHS):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope["query_string"])
        version = await anyio.to_thread.run_sync(self.version, limiter=self.limiter)
        kept = self.answers.get(key)
        if kept and kept.version == version:
            self.answers.move_to_end(key)
            await send(kept.start)
            await send({"type": "http.response.body", "body": kept.body})
            return
        start, parts, whole = None, [], True

        async def keeping(message: Message) -> None:
            nonlocal start, whole
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
                whole = whole and not message.get("more_body", False)
            await send(message)

        await self.app(scope, receive, keeping)
        body = b"".join(parts)
        if start and start["status"] == 200 and whole and len(body) <= self.max_answer:
            self.keep(key, Answer(version, start, body))

    def keep(self, key: tuple, answer: Answer) -> None:
        if key in self.answers:
            self.size -= len(self.answers.pop(key).body)
        self.answers[key] = answer
        self.size += len(answer.body)
        while self.size > self.max_bytes:
            _, dropped = self.answers.popitem(last=False)
            self.size -= len(dropped.body)
