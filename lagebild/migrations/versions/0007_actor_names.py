"""The actor filter looks names up in a table of every actor name, then the events of those
names by an index per side: a part of a name no longer means reading every event.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    op.create_table("actor_names", sa.Column("name", sa.Text, primary_key=True))
    op.execute(
        "INSERT INTO actor_names (name) SELECT actor1 FROM events "
        "UNION SELECT actor2 FROM events WHERE actor2 IS NOT NULL"
    )
    op.create_index("ix_events_actor1", "events", ["actor1", "country", "event_date", "event_id"])
    op.create_index("ix_events_actor2", "events", ["actor2", "country", "event_date", "event_id"])


def downgrade() -> None:
    op.drop_index("ix_events_actor2", table_name="events")
    op.drop_index("ix_events_actor1", table_name="events")
    op.drop_table("actor_names")
