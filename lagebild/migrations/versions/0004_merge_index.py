"""The merge's candidate index holds the time precision too: which dates a stored event may
have depends on it, and the index then answers that without reading the event.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.drop_index("ix_events_cell_date", table_name="events")
    op.create_index("ix_events_cell_date", "events", ["cell", "event_date", "time_precision"])


def downgrade() -> None:
    op.drop_index("ix_events_cell_date", table_name="events")
    op.create_index("ix_events_cell_date", "events", ["cell", "event_date"])
