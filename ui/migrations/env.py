"""Run by Alembic for every command: migrate over the connection ``ui.migrations`` passes."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy.types import TypeDecorator

from ui.logbook import metadata


def render_item(kind: str, item: Any, autogen: AutogenContext) -> str | Literal[False]:
    """Our column types as the plain SQL type they store: a migration must not import the
    application's code, which will have moved on by the time the migration runs again."""
    if kind == "type" and isinstance(item, TypeDecorator):
        return f"sa.{item.impl_instance!r}"  # "sa.DateTime()", "sa.String(length=64)"
    return False  # Alembic's own rendering


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through ui.migrations (upgrade, new_revision)")
# render_as_batch: SQLite alters a table by copying it, which batch mode writes for us.
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
