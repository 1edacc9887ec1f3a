"""Events keep the details of their first report's text (the names and figures
`lagebild.merge.details` finds), which the merge compares: stored events get them from their
documents.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from lagebild.merge import details
from lagebild.models import Document

revision = "0006"
down_revision = "0005"

BATCH = 1000


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("details", sa.Text))
    connection = op.get_bind()
    events = sa.table("events", sa.column("event_id"), sa.column("details"))
    sources = sa.table(
        "event_sources", sa.column("event_id"), sa.column("doc_id"), sa.column("merged_by")
    )
    documents = sa.table(
        "documents",
        *(sa.column(name) for name in ("doc_id", "text", "body_start", "title", "language")),
    )
    first_reports = (
        sa.select(sources.c.event_id, documents)
        .join(documents, documents.c.doc_id == sources.c.doc_id)
        .where(sources.c.merged_by.is_(None))
        .order_by(sources.c.event_id)
    )
    updates, seen, found = [], set(), {}  # found: each document's details, worked out once
    streamed = first_reports.execution_options(stream_results=True, yield_per=BATCH)
    for row in connection.execute(streamed).mappings():  # texts a batch at a time
        if row["event_id"] in seen:
            continue
        seen.add(row["event_id"])
        if row["doc_id"] not in found:
            fields = {k: row[k] for k in ("text", "body_start", "title", "language")}
            document = Document(id=row["doc_id"], **fields)
            found[row["doc_id"]] = " ".join(sorted(details(document)))
        updates.append({"id": row["event_id"], "details": found[row["doc_id"]]})
        if len(updates) == BATCH:
            write(connection, events, updates)
            updates = []
    write(connection, events, updates)


def write(connection, events, updates: list[dict]) -> None:
    if updates:
        statement = events.update().where(events.c.event_id == sa.bindparam("id"))
        connection.execute(statement.values(details=sa.bindparam("details")), updates)


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("details")
