"""Text compared byte by byte on a server, as SQLite's BINARY collation does: every text
column declared ``COLLATE "C"`` whatever collation the database was made with (the folded
names and sort keys are made for that order, and their range searches count on it). New
columns get it from their declaration (store/postgresql.py); this brings the columns made
before. Nothing to do on SQLite.

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-06 21:10:00
"""

from alembic import op

from antt_desktop.store.postgresql_schema import compare_bytes

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        compare_bytes(bind)


def downgrade() -> None:
    pass  # byte order is right under any collation the database was made with
