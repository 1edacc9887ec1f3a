"""Run the revisions in versions/ on the connection, and in the transaction, of store.migrate.

Adding a revision is adding a file to versions/ whose `down_revision` is the latest one
(`alembic revision -m "…" --rev-id 0002` writes it); every Store applies it when it opens.
"""

from alembic import context

context.configure(connection=context.config.attributes["connection"])
with context.begin_transaction():
    context.run_migrations()
