"""On a PostgreSQL server: the households' foreign key to their head (``head_person_id`` ->
``persons``), which revision 0001 declares ``use_alter`` (households and persons refer to
each other): SQLite writes it into the table, Alembic's ``create_table`` leaves it out on a
server, so the server never enforced it (found by ``antt check``, store/postgresql_check.py).

Added ``NOT VALID`` (the rows written meanwhile are not read under the lock), then
validated; should a household name a head that is not there, the constraint is left not
validated — enforced for every new write — and ``antt check`` names it, the full check the
rows. Nothing on SQLite.

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-06 21:20:00
"""

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None

NAME = "fk_households_head_person_id_persons"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    bind.exec_driver_sql(
        f"ALTER TABLE households ADD CONSTRAINT {NAME} FOREIGN KEY (head_person_id)"
        " REFERENCES persons (id) NOT VALID"
    )
    try:
        with bind.begin_nested():
            bind.exec_driver_sql(f"ALTER TABLE households VALIDATE CONSTRAINT {NAME}")
    except DBAPIError:
        pass  # a head not there: left not validated, named by antt check


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(f"ALTER TABLE households DROP CONSTRAINT IF EXISTS {NAME}")
