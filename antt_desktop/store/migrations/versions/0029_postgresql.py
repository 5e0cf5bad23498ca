"""PostgreSQL's counterparts of SQLite's own schema objects: the search index as tables of
folded text with pg_trgm indexes, the post figures' and the audit log's triggers in plpgsql,
the sealed fields' SQL functions (store/postgresql_schema.py). Nothing on SQLite.

Revision ID: 0029
Revises: 0026
Create Date: 2026-12-06 14:30:00
"""

from alembic import op

from antt_desktop.store import postgresql_schema

revision = "0029"
down_revision = "0026"
branch_labels = None
depends_on = None

# the tables sealed in part when this revision was written (store/field_crypto.SEALED_WHERE)
PARTLY_SEALED = ("person_corrections",)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        postgresql_schema.upgrade(bind, PARTLY_SEALED)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        postgresql_schema.downgrade(bind)
