"""The audit chain keyed, its head exchanged by sync: how many entries were written before
the key (they keep their plain hashes), each peer's last audit head and its warning, and the
head of ours the upper unit acknowledged

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-08 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("local_node", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("audit_legacy_entries", sa.Integer(), nullable=False, server_default="0")
        )
    # the entries already written keep their unkeyed hashes; every later one is keyed
    op.execute("UPDATE local_node SET audit_legacy_entries = (SELECT count(*) FROM audit_entries)")
    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("audit_count", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("audit_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("audit_alert", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("audit_acked_count", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("audit_acked_hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        for name in ("audit_acked_hash", "audit_acked_count", "audit_alert", "audit_hash"):
            batch_op.drop_column(name)
        batch_op.drop_column("audit_count")
    with op.batch_alter_table("local_node", schema=None) as batch_op:
        batch_op.drop_column("audit_legacy_entries")
