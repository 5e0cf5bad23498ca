"""On a PostgreSQL server: ``antt_analyze``, the planner's statistics of the tables a bulk
load grew (the demo generator, a sync import), run with the owner's rights and given to the
desks' role by ``server grant-desks`` (store/postgresql_schema.py). Nothing on SQLite.

Revision ID: 0035
Revises: 0034
Create Date: 2026-12-06 23:10:00
"""

from alembic import op

from antt_desktop.store.postgresql_schema import statistics_function

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        schema = bind.exec_driver_sql("SELECT current_schema()").scalar_one()
        for statement in statistics_function(schema):
            bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql("DROP FUNCTION IF EXISTS antt_analyze(text[], bigint[])")
