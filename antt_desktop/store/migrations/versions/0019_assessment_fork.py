"""Two corrections of one assessment made on two nodes: the correction an officer writes to
settle them names the one it sets aside (``settles_id``), and such a fork is a conflict of
its own kind

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_KINDS = "'field','delete','late_edit','duplicate'"


def upgrade() -> None:
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("settles_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_assessments_settles_id"), ["settles_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_assessments_settles_id_assessments"), "assessments", ["settles_id"], ["id"]
        )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_sync_conflicts_kind"), type_="check")
        batch_op.create_check_constraint("kind", f"kind IN ({_KINDS},'fork')")


def downgrade() -> None:
    op.execute("DELETE FROM sync_conflicts WHERE kind = 'fork'")
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_sync_conflicts_kind"), type_="check")
        batch_op.create_check_constraint("kind", f"kind IN ({_KINDS})")
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_constraint("fk_assessments_settles_id_assessments", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_assessments_settles_id"))
        batch_op.drop_column("settles_id")
