"""Indexes for the API's filters at a million events: each common filter (date range with a
bounding box, country, event type) leads an index that also orders by date. They replace the
single-column indexes on event_date, event_type and country, which are their prefixes. And the
timeline's counts per day, country and type, kept up to date by the store (event_days), so
/stats need not count a million rows.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"

NEW = {
    "ix_events_date": ["event_date", "event_type", "fatalities", "latitude", "longitude"],
    "ix_events_country_date": ["country", "event_date", "event_type", "fatalities"],
    "ix_events_country_type_date": ["country", "event_type", "event_date"],
    "ix_events_type_date": ["event_type", "event_date"],
}
OLD = {
    "ix_events_event_date": ["event_date"],
    "ix_events_event_type": ["event_type"],
    "ix_events_country": ["country"],
}


def upgrade() -> None:
    for name, columns in NEW.items():
        op.create_index(name, "events", columns)
    for name in OLD:
        op.drop_index(name, table_name="events")
    op.create_table(
        "event_days",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("country", sa.Text, primary_key=True),  # "" when unknown
        sa.Column("event_type", sa.Text, primary_key=True),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("fatalities", sa.Integer, nullable=False),
    )
    op.execute(
        "INSERT INTO event_days (day, country, event_type, events, fatalities) "
        "SELECT event_date, coalesce(country, ''), event_type, count(*), sum(fatalities) "
        "FROM events GROUP BY event_date, coalesce(country, ''), event_type"
    )


def downgrade() -> None:
    op.drop_table("event_days")
    for name, columns in OLD.items():
        op.create_index(name, "events", columns)
    for name in NEW:
        op.drop_index(name, table_name="events")
