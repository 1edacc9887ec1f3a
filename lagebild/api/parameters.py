"""Query parameters a route does not read are refused, so that a misspelt filter is an error
rather than silently left out."""

from __future__ import annotations

from fastapi import Request
from fastapi.exceptions import RequestValidationError


def query_names(dependant) -> set[str]:
    """The query parameters a route reads, its dependencies' too."""
    found = {p.alias for p in dependant.query_params}
    for dependency in dependant.dependencies:
        found |= query_names(dependency)
    return found


async def known_parameters(request: Request) -> None:
    """A misspelt parameter is an error, not a filter silently left out ("countyr=Syria")."""
    known = query_names(request.scope["route"].dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        listed = ", ".join(sorted(known)) or "none"
        raise RequestValidationError(
            [
                {
                    "type": "extra_forbidden",
                    "loc": ("query", name),
                    "msg": f"unknown parameter; known: {listed}",
                }
                for name in unknown
            ]
        )
