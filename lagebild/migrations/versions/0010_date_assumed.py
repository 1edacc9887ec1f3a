"""Events say whether their date was assumed: the source gave none, so the event is dated to
the month it was coded in.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"


def upgrade() -> None:  # a plain ADD COLUMN: SQLite need not copy the table
    op.add_column(
        "events", sa.Column("date_assumed", sa.Boolean, nullable=False, server_default=sa.false())
    )


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("date_assumed")
