"""On a PostgreSQL server: the given-name search's index covers what the search reads (the
live people only, their ids included), so it is answered from the index alone
(store/postgresql_schema.py ``GIVEN_NAME_INDEX``). Nothing on SQLite, whose plain index
already answers it in a few milliseconds.

Revision ID: 0036
Revises: 0035
Create Date: 2026-12-06 23:50:00
"""

from alembic import op

from antt_desktop.store.postgresql_schema import GIVEN_NAME_INDEX, GIVEN_NAME_INDEX_BEFORE

revision = "0036"
down_revision = "0035"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for statement in GIVEN_NAME_INDEX:
            bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for statement in GIVEN_NAME_INDEX_BEFORE:
            bind.exec_driver_sql(statement)
