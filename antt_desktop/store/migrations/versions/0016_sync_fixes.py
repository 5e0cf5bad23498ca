"""Sync: the epochs a peer left behind when it was restored from a backup, so that a bundle
it wrote before the restore, imported again later, moves no acknowledgement

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("retired_epochs", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        batch_op.drop_column("retired_epochs")
