"""The HTTP API: FastAPI app over a Store."""

from .app import create_app

__all__ = ["create_app"]
