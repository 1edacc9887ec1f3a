"""Events keep the details of their first report's text (the names and figures
`lagebild.merge.details` finds), which the merge compares. Working them out is the merge's
business, not the schema's: events stored before this revision keep NULL until the next ingest
gives them theirs (`lagebild.ingest.complete_details`).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("details", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("details")
