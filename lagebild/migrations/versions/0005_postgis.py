"""Where PostgreSQL has PostGIS, events get a point geometry with a spatial (GiST) index, kept
in step with latitude and longitude by a trigger, for bounding-box queries. Elsewhere (SQLite,
PostgreSQL without the extension) nothing changes: the store filters on the coordinates.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"

POSTGIS = [
    "CREATE EXTENSION IF NOT EXISTS postgis",
    "ALTER TABLE events ADD COLUMN geom geometry(Point, 4326)",
    "UPDATE events SET geom = ST_SetSRID(ST_MakePoint(longitude, latitude), 4326) "
    "WHERE latitude IS NOT NULL AND longitude IS NOT NULL",
    "CREATE INDEX ix_events_geom ON events USING gist (geom)",
    "CREATE FUNCTION events_geom() RETURNS trigger AS $$ BEGIN "
    "NEW.geom := CASE WHEN NEW.latitude IS NULL OR NEW.longitude IS NULL THEN NULL "
    "ELSE ST_SetSRID(ST_MakePoint(NEW.longitude, NEW.latitude), 4326) END; "
    "RETURN NEW; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER events_geom BEFORE INSERT OR UPDATE OF latitude, longitude ON events "
    "FOR EACH ROW EXECUTE FUNCTION events_geom()",
]


def postgis_available(connection) -> bool:
    if connection.dialect.name != "postgresql":
        return False
    query = sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")
    return connection.execute(query).first() is not None


def upgrade() -> None:
    connection = op.get_bind()
    if postgis_available(connection):
        for statement in POSTGIS:
            op.execute(statement)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS events_geom ON events")
        op.execute("DROP FUNCTION IF EXISTS events_geom()")
        op.execute("ALTER TABLE events DROP COLUMN IF EXISTS geom")
