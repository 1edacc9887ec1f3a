"""Reports of one event in several documents: each source keeps its own fatality figure, the
rule that merged it and the id its own coding had; events get a blocking cell for the merge
and indexes for the API's filters.

The cells are those of the grid `lagebild.merge.cell_key` had when this revision was written
(copied here, `cell_key`): a change to the grid needs a revision that recomputes them.

Revision ID: 0002
Revises: 0001
"""

import math

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"

CELL_DEGREES = 0.25


def cell_key(latitude: float, longitude: float) -> int:
    """Rows of 0.25° latitude, columns as wide as a row is high, as one integer."""
    row = math.floor(latitude / CELL_DEGREES)
    middle = math.radians((row + 0.5) * CELL_DEGREES)
    width = min(360.0, CELL_DEGREES / max(math.cos(middle), 0.01))
    return row * 100_000 + math.floor(longitude / width)


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("cell", sa.BigInteger))
    with op.batch_alter_table("event_sources") as batch:
        batch.add_column(sa.Column("fatalities", sa.Integer))
        batch.add_column(sa.Column("merged_by", sa.Text))
        batch.add_column(sa.Column("report_event_id", sa.String(40)))
    connection = op.get_bind()
    events = sa.table(
        "events",
        sa.column("event_id"),
        sa.column("latitude"),
        sa.column("longitude"),
        sa.column("fatalities"),
        sa.column("cell"),
    )
    sources = sa.table(
        "event_sources",
        sa.column("event_id"),
        sa.column("fatalities"),
        sa.column("report_event_id"),
    )
    located = connection.execute(
        sa.select(events.c.event_id, events.c.latitude, events.c.longitude).where(
            events.c.latitude.is_not(None), events.c.longitude.is_not(None)
        )
    ).all()
    for event_id, latitude, longitude in located:
        connection.execute(
            events.update()
            .where(events.c.event_id == event_id)
            .values(cell=cell_key(latitude, longitude))
        )
    own = sa.select(events.c.fatalities).where(events.c.event_id == sources.c.event_id)
    connection.execute(
        sources.update().values(
            fatalities=own.scalar_subquery(), report_event_id=sources.c.event_id
        )
    )
    op.create_index("ix_events_cell_date", "events", ["cell", "event_date"])
    op.create_index("ix_events_fatalities", "events", ["fatalities"])
    op.create_index("ix_events_latitude", "events", ["latitude"])
    op.create_index("ix_event_sources_report_event_id", "event_sources", ["report_event_id"])


def downgrade() -> None:
    for name, table in [
        ("ix_event_sources_report_event_id", "event_sources"),
        ("ix_events_latitude", "events"),
        ("ix_events_fatalities", "events"),
        ("ix_events_cell_date", "events"),
    ]:
        op.drop_index(name, table_name=table)
    with op.batch_alter_table("event_sources") as batch:
        for column in ("report_event_id", "merged_by", "fatalities"):
            batch.drop_column(column)
    with op.batch_alter_table("events") as batch:
        batch.drop_column("cell")
