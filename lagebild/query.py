"""Which stored events a user asks for: filters, sort order and cursors, and the timeline's
counts, as SQLAlchemy Core expressions that run on SQLite and PostgreSQL alike."""

from __future__ import annotations

import base64
import datetime as dt
import json
import unicodedata
from collections.abc import Callable
from typing import Literal, NamedTuple

import sqlalchemy as sa
from pydantic import BaseModel, Field, ValidationError, field_validator

from .errors import ConfigError

SORTS = {
    "-date": ("event_date", True),
    "date": ("event_date", False),
    "-fatalities": ("fatalities", True),
    "fatalities": ("fatalities", False),
}
Sort = Literal["-date", "date", "-fatalities", "fatalities"]
Period = Literal["day", "week", "month"]
NAMED = ("country", "admin1", "event_type", "sub_event_type")  # filters that name a value
MAX_INT = 2**31 - 1  # the largest integer the fatalities column holds on both databases


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
    min_fatalities: int | None = Field(None, ge=0, le=MAX_INT)
    located: bool | None = Field(
        None,
        description="true: events with coordinates; false: those placed only by country or region.",
    )

    @field_validator("bbox", mode="before")
    @classmethod
    def parse_bbox(cls, value):
        if isinstance(value, str):
            try:
                west, south, east, north = (float(part) for part in value.split(","))
            except ValueError:
                raise ValueError("bbox needs four numbers: west,south,east,north") from None
            return west, south, east, north
        return value

    @field_validator("bbox")
    @classmethod
    def check_bbox(cls, value):
        if value:
            west, south, east, north = value
            if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
                raise ValueError("bbox must be west,south,east,north within ±180/±90")
        return value

    @field_validator("date_to")
    @classmethod
    def check_dates(cls, value, info):
        start = info.data.get("date_from")
        if value and start and start > value:
            raise ValueError("date_to is before date_from")
        return value

    @field_validator("country", "admin1", "event_type", "sub_event_type", "actor", "text")
    @classmethod
    def no_nul(cls, value):
        """PostgreSQL cannot compare text holding NUL: refuse it here, for both databases."""
        if value and "\x00" in value:
            raise ValueError("must not contain NUL characters")
        return value


def event_filter(given: dict) -> EventFilter:
    """The filter of options given outside the API (the CLI's), refused in one sentence that
    names the option, as `--date-from`."""
    try:
        return EventFilter(**given)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        option = "--" + str(first["loc"][0]).replace("_", "-") if first["loc"] else "a filter"
        raise ConfigError(f"{option}: {first['msg']}") from None


class Matchers(NamedTuple):
    """The store's clauses for the filters that need more than the events table: events one of
    whose sources holds words, events with an actor whose name holds them, events in a box
    that does not cross the antimeridian (None: the coordinates decide), and events whose
    column holds a name however it is cased and accented (None: exactly as given)."""

    text: Callable[[str], sa.ColumnElement]
    actor: Callable[[str], sa.ColumnElement]
    box: Callable[..., sa.ColumnElement] | None = None
    named: Callable[[str, str], sa.ColumnElement] | None = None  # see `plain`


def contains(column, words: str, dialect: str):
    """Words anywhere in a column, without regard to case: SQLite's LIKE already ignores ASCII
    case (ILIKE would lower every row first), PostgreSQL needs ILIKE."""
    pattern = f"%{escape_like(words)}%"
    if dialect == "postgresql":
        return column.ilike(pattern, escape="\\")
    return column.like(pattern, escape="\\")


def conditions(
    f: EventFilter, events: sa.Table, matchers: Matchers, dialect: str = "sqlite"
) -> list:
    """The WHERE clauses of a filter."""
    c = events.c
    box_match = matchers.box
    found = []
    if f.date_from:
        found.append(c.event_date >= f.date_from)
    if f.date_to:
        found.append(c.event_date <= f.date_to)
    if f.bbox and box_match and f.bbox[0] <= f.bbox[2]:
        found.append(box_match(*f.bbox))
    elif f.bbox:
        west, south, east, north = f.bbox
        found.append(c.latitude.between(south, north))
        if west <= east:
            found.append(c.longitude.between(west, east))
        else:  # across the antimeridian
            found.append(sa.or_(c.longitude >= west, c.longitude <= east))
    for field in NAMED:
        if name := getattr(f, field):
            found.append(matchers.named(field, name) if matchers.named else c[field] == name)
    if f.actor:
        found.append(matchers.actor(f.actor))
    if f.min_fatalities is not None:
        found.append(c.fatalities >= f.min_fatalities)
    if f.located is not None:
        found.append(c.latitude.is_not(None) if f.located else c.latitude.is_(None))
    if f.text:
        found.append(sa.or_(contains(c.notes, f.text, dialect), matchers.text(f.text)))
    return found


def plain(name: str) -> str:
    """A name as a user may type it: "syria" asks for Syria, "Ninawa" for Ninawā."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def escape_like(words: str) -> str:
    return words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def order(sort: Sort, events: sa.Table) -> list:
    """The sort column, then the id in the same direction, so one index scan can serve both."""
    column, descending = SORTS[sort]
    keys = [events.c[column], events.c.event_id]
    return [key.desc() if descending else key.asc() for key in keys]


def after_cursor(sort: Sort, cursor: str, events: sa.Table):
    """Events after the cursor's (value, id) in the sort order: keyset paging, as fast on the
    thousandth page as on the first."""
    column, descending = SORTS[sort]
    value, event_id = decode_cursor(sort, cursor)
    key = events.c[column]
    if descending:
        return sa.or_(key < value, sa.and_(key == value, events.c.event_id < event_id))
    return sa.or_(key > value, sa.and_(key == value, events.c.event_id > event_id))


def encode_cursor(sort: Sort, row) -> str:
    column, _ = SORTS[sort]
    value = row[column]
    payload = [value.isoformat() if isinstance(value, dt.date) else value, row["event_id"]]
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def decode_cursor(sort: Sort, cursor: str) -> tuple:
    """The (value, event id) of a cursor, checked against the sort: a cursor comes from the
    user, so anything but what `encode_cursor` wrote for this sort is refused."""
    column, _ = SORTS[sort]
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value, event_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if column == "event_date":
            value = dt.date.fromisoformat(value)
        elif type(value) is not int or not 0 <= value <= MAX_INT:
            raise ValueError
        if not isinstance(event_id, str) or "\x00" in event_id:
            raise ValueError
        return value, event_id
    except (ValueError, TypeError) as error:
        raise ConfigError(
            f"cursor {cursor!r} is not one this API gave out for sort={sort}"
        ) from error


def period_start(period: Period, day: dt.date) -> dt.date:
    """The first day of the day, week (Monday) or month a date falls in."""
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return day
