"""The upper unit's edits of a post's records kept at the post as proposals
(đề nghị sửa từ cấp trên), accepted or rejected by the post's officer

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 11:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_proposals",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("proposed", sa.JSON(), nullable=False),
        sa.Column("current", sa.JSON(), nullable=False),
        sa.Column("proposer_node", sa.String(length=36), nullable=False),
        sa.Column("proposer_unit", sa.String(length=200), nullable=False),
        sa.Column("proposed_by", sa.String(length=200), nullable=True),
        sa.Column("proposed_at", sa.String(length=32), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.String(length=32), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_node", sa.String(length=36), nullable=False),
        sa.Column("version_vector", sa.JSON(), nullable=False),
        sa.Column("created_stamp", sa.JSON(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("hlc", sa.Integer(), nullable=False),
        sa.Column("local_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "state IN ('pending','accepted','rejected')", name=op.f("ck_sync_proposals_state")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_sync_proposals_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_proposals")),
    )
    with op.batch_alter_table("sync_proposals", schema=None) as batch_op:
        batch_op.create_index("ix_sync_proposals_record", ["table_name", "row_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_proposals_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_sync_proposals_local_seq"), ["local_seq"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_proposals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_proposals_local_seq"))
        batch_op.drop_index(batch_op.f("ix_sync_proposals_unit_id"))
        batch_op.drop_index("ix_sync_proposals_record")
    op.drop_table("sync_proposals")
