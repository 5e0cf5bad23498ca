"""Alembic environment: always run programmatically on a connection we pass in."""

from __future__ import annotations

from alembic import context

from antt_desktop.store import models  # noqa: F401 - registers the tables
from antt_desktop.store.base import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for `alembic revision --autogenerate`
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url") or "sqlite://"
    connection = create_engine(url).connect()

if connection.dialect.name == "postgresql":
    from antt_desktop.store import postgresql

    postgresql.install_ddl_translation(connection)

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=lambda obj, name, kind, *_: not (kind == "table" and name.startswith("search_")),
)
with context.begin_transaction():
    context.run_migrations()
