"""Which stored events a user asks for: filters, sort order and cursors, and the timeline's
counts, as SQLAlchemy Core expressions that run on SQLite and PostgreSQL alike."""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Literal

import sqlalchemy as sa
from pydantic import BaseModel, Field, field_validator, model_validator

from .errors import ConfigError

SORTS = {
    "-date": ("event_date", True),
    "date": ("event_date", False),
    "-fatalities": ("fatalities", True),
    "fatalities": ("fatalities", False),
}
Sort = Literal["-date", "date", "-fatalities", "fatalities"]
Period = Literal["day", "week", "month"]


class EventFilter(BaseModel):
    """What an analyst narrows the events to; every field is optional and they combine."""

    date_from: dt.date | None = Field(None, description="First event date (inclusive).")
    date_to: dt.date | None = Field(None, description="Last event date (inclusive).")
    bbox: tuple[float, float, float, float] | None = Field(
        None, description="west,south,east,north in degrees."
    )
    country: str | None = Field(None, max_length=100, description="ACLED country name.")
    admin1: str | None = Field(None, max_length=100)
    event_type: str | None = Field(None, max_length=100)
    sub_event_type: str | None = Field(None, max_length=100)
    actor: str | None = Field(None, max_length=200, description="Part of actor1 or actor2.")
    text: str | None = Field(None, max_length=200, description="Words in notes or sources.")
    min_fatalities: int | None = Field(None, ge=0)

    @field_validator("bbox", mode="before")
    @classmethod
    def parse_bbox(cls, value):
        if isinstance(value, str):
            parts = value.split(",")
            if len(parts) != 4:
                raise ValueError("bbox needs four numbers: west,south,east,north")
            return tuple(float(p) for p in parts)
        return value

    @model_validator(mode="after")
    def check(self) -> EventFilter:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from is after date_to")
        if self.bbox:
            west, south, east, north = self.bbox
            if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
                raise ValueError("bbox must be west,south,east,north within ±180/±90")
        return self


def conditions(f: EventFilter, events: sa.Table, text_match) -> list:
    """The WHERE clauses of a filter; `text_match(words)` gives the dialect's full-text clause
    over the events' source documents."""
    c = events.c
    found = []
    if f.date_from:
        found.append(c.event_date >= f.date_from)
    if f.date_to:
        found.append(c.event_date <= f.date_to)
    if f.bbox:
        west, south, east, north = f.bbox
        found.append(c.latitude.between(south, north))
        if west <= east:
            found.append(c.longitude.between(west, east))
        else:  # across the antimeridian
            found.append(sa.or_(c.longitude >= west, c.longitude <= east))
    for field in ("country", "admin1", "event_type", "sub_event_type"):
        if getattr(f, field):
            found.append(c[field] == getattr(f, field))
    if f.actor:
        pattern = f"%{escape_like(f.actor)}%"
        found.append(
            sa.or_(c.actor1.ilike(pattern, escape="\\"), c.actor2.ilike(pattern, escape="\\"))
        )
    if f.min_fatalities is not None:
        found.append(c.fatalities >= f.min_fatalities)
    if f.text:
        pattern = f"%{escape_like(f.text)}%"
        found.append(sa.or_(c.notes.ilike(pattern, escape="\\"), text_match(f.text)))
    return found


def escape_like(words: str) -> str:
    return words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def order(sort: Sort, events: sa.Table) -> list:
    column, descending = SORTS[sort]
    first = events.c[column].desc() if descending else events.c[column].asc()
    return [first, events.c.event_id.asc()]


def after_cursor(sort: Sort, cursor: str, events: sa.Table):
    """Events after the cursor's (value, id) in the sort order: keyset paging, as fast on the
    thousandth page as on the first."""
    column, descending = SORTS[sort]
    value, event_id = decode_cursor(cursor)
    if column == "event_date":
        value = dt.date.fromisoformat(value)
    key = events.c[column]
    beyond = key < value if descending else key > value
    return sa.or_(beyond, sa.and_(key == value, events.c.event_id > event_id))


def encode_cursor(sort: Sort, row) -> str:
    column, _ = SORTS[sort]
    value = row[column]
    payload = [value.isoformat() if isinstance(value, dt.date) else value, row["event_id"]]
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value, event_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(event_id, str) or not isinstance(value, (str, int)):
            raise ValueError
        return value, event_id
    except (ValueError, TypeError, UnicodeDecodeError) as error:
        raise ConfigError(f"cursor {cursor!r} is not one this API gave out") from error


def period_start(period: Period, column, dialect: str):
    """The first day of the day/week (Monday)/month a date falls in, as an ISO date string."""
    if dialect == "postgresql":
        if period == "day":
            return sa.func.to_char(column, "YYYY-MM-DD")
        return sa.func.to_char(sa.func.date_trunc(period, column), "YYYY-MM-DD")
    if period == "day":
        return sa.func.date(column)
    if period == "week":
        return sa.func.date(column, "-6 days", "weekday 1")
    return sa.func.date(column, "start of month")
