"""Writes need the token, checked before the request body is read: FastAPI reads and parses a
body before any route dependency runs, so without this a caller with no token could make the
server read and parse 8 MB. (The body's size is bounded by FastAPI's `max_body_size`.)"""

from __future__ import annotations

import hmac

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

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
