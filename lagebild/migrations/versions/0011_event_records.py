"""Events keep their record as JSON, in a table of their own, which reads send as it is
instead of building it from the rows each time. Events stored before are read as before until
the next ingest writes their records (`Store.complete_records`).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"


def upgrade() -> None:
    op.create_table(
        "event_records",
        sa.Column("event_id", sa.String(40), sa.ForeignKey("events.event_id"), primary_key=True),
        sa.Column("record", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("event_records")
