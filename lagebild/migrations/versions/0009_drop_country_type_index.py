"""The country-and-type index goes: the country-and-date index, which holds the type too,
answers those queries within milliseconds at a million events, and every index costs each
stored event a write.

Revision ID: 0009
Revises: 0008
"""

from alembic import op

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    op.drop_index("ix_events_country_type_date", table_name="events")


def downgrade() -> None:
    op.create_index(
        "ix_events_country_type_date", "events", ["country", "event_type", "event_date"]
    )
