"""Each event is indexed by a rare name of its details (a village, a person), so that a new
report finds stored events whose texts name it too, wherever they were placed.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"

BATCH = 10_000
RARE_MARK = "!"  # how `lagebild.merge.details` marked a rare name when this was written


def indexed_name(details: frozenset[str]) -> str | None:
    """The first rare name in alphabetical order, as `lagebild.merge.indexed_name` chose it."""
    return min((d[1:] for d in details if d.startswith(RARE_MARK)), default=None)


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("rare_name", sa.Text))
    connection = op.get_bind()
    events = sa.table("events", sa.column("event_id"), sa.column("details"), sa.column("rare_name"))
    named = connection.execute(
        sa.select(events.c.event_id, events.c.details).where(events.c.details.is_not(None))
    ).all()
    updates = [
        {"id": event_id, "name": name}
        for event_id, details in named
        if (name := indexed_name(frozenset(details.split())))
    ]
    statement = events.update().where(events.c.event_id == sa.bindparam("id"))
    for start in range(0, len(updates), BATCH):
        connection.execute(
            statement.values(rare_name=sa.bindparam("name")), updates[start : start + BATCH]
        )
    op.create_index("ix_events_rare_name", "events", ["rare_name", "event_date"])


def downgrade() -> None:
    op.drop_index("ix_events_rare_name", table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("rare_name")
