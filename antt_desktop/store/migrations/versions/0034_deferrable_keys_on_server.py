"""On a PostgreSQL server: every foreign key ``DEFERRABLE INITIALLY IMMEDIATE``, so a sync
import can defer them to its commit as SQLite's ``PRAGMA defer_foreign_keys`` does (a bundle
may point a unit at a parent unit it inserts later; sync/apply.py). Checked at each
statement as before everywhere else. Nothing on SQLite.

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-06 21:30:00
"""

from alembic import op

from antt_desktop.store.postgresql_schema import deferrable_foreign_keys

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        deferrable_foreign_keys(bind)


def downgrade() -> None:
    pass  # deferrable keys are checked at each statement unless deferred: nothing to undo
