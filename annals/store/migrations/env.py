"""Alembic environment: runs on the connection annals gives it (see annals/store/database.py)."""
from alembic import context

from annals.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - run from the alembic command line
    from sqlalchemy import create_engine

    connection = create_engine(context.config.get_main_option("sqlalchemy.url")).connect()

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
