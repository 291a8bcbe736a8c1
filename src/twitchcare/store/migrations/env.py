"""Alembic environment: always driven from :func:`twitchcare.store.engine.upgrade`.

The caller passes an open connection already inside a locked transaction, so two processes that
open a fresh diary at the same moment cannot both create the tables.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
