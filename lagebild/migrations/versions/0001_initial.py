"""The schema lagebild had before it used migrations.

Every statement is IF NOT EXISTS, so a database that that code made is taken over in place:
its rows stay, it is marked as at this revision, and on PostgreSQL it gains the full-text index.
The tables are spelt out here, not taken from lagebild.store, so that this revision keeps
building the same schema when later revisions change the tables there.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None

SQLITE_FULL_TEXT = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
    "title, text, content='documents', content_rowid='rowid')",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
]
POSTGRES_FULL_TEXT = (
    "CREATE INDEX IF NOT EXISTS documents_fts ON documents "
    "USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text))"
)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", sa.Text, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("body_start", sa.Integer, nullable=False),
        sa.Column("published", sa.String(10)),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("language", sa.String(8)),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        if_not_exists=True,
    )
    op.create_table(
        "events",
        sa.Column("event_id", sa.String(40), primary_key=True),
        sa.Column("event_date", sa.Date, nullable=False),
        sa.Column("time_precision", sa.SmallInteger, nullable=False),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("sub_event_type", sa.Text, nullable=False),
        sa.Column("actor1", sa.Text, nullable=False),
        sa.Column("actor2", sa.Text),
        sa.Column("assoc_actor_1", sa.Text),
        sa.Column("assoc_actor_2", sa.Text),
        sa.Column("inter1", sa.SmallInteger, nullable=False),
        sa.Column("inter2", sa.SmallInteger),
        sa.Column("interaction", sa.SmallInteger, nullable=False),
        sa.Column("disorder_type", sa.Text, nullable=False),
        sa.Column("civilian_targeting", sa.Boolean, nullable=False),
        sa.Column("country", sa.Text),
        sa.Column("iso3", sa.String(3)),
        sa.Column("admin1", sa.Text),
        sa.Column("admin2", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geonames_id", sa.Integer),
        sa.Column("geo_precision", sa.SmallInteger),
        sa.Column("fatalities", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        if_not_exists=True,
    )
    for column in ["event_date", "event_type", "country"]:
        op.create_index(f"ix_events_{column}", "events", [column], if_not_exists=True)
    op.create_table(
        "event_sources",
        sa.Column("event_id", sa.String(40), sa.ForeignKey("events.event_id"), primary_key=True),
        sa.Column("doc_id", sa.Text, sa.ForeignKey("documents.doc_id"), primary_key=True),
        if_not_exists=True,
    )
    op.create_index("ix_event_sources_doc_id", "event_sources", ["doc_id"], if_not_exists=True)
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(40), sa.ForeignKey("events.event_id"), nullable=False),
        sa.Column("doc_id", sa.Text, sa.ForeignKey("documents.doc_id"), nullable=False),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        if_not_exists=True,
    )
    op.create_index("ix_evidence_event_id", "evidence", ["event_id"], if_not_exists=True)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_FULL_TEXT:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute(POSTGRES_FULL_TEXT)
