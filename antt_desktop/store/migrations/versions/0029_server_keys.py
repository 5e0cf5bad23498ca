"""On a PostgreSQL server: the accounts' keys, table ``server_keys`` holding what a desk's key
file holds on SQLite (store/postgresql_keys.py, docs/KEYS.md); the ranked search's words,
``search_fts.doc`` with its GIN index (store/postgresql_search.py). Nothing on SQLite.

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-06 15:10:00
"""

from alembic import op

from antt_desktop.store import postgresql_keys, postgresql_search

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        postgresql_keys.upgrade(bind)
        postgresql_search.upgrade(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        postgresql_search.downgrade(bind)
        postgresql_keys.downgrade(bind)
