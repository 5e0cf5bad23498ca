"""PostgreSQL's counterparts of SQLite's own schema objects: the search index as tables of
folded text with pg_trgm indexes, the post figures' and the audit log's triggers in plpgsql,
the sealed fields' SQL functions (store/postgresql_schema.py). Nothing on SQLite.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-06 14:30:00
"""

from alembic import op

from antt_desktop.store import postgresql_schema

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        postgresql_schema.upgrade(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        postgresql_schema.downgrade(bind)
