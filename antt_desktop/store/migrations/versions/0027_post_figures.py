"""Covering indexes for the upper unit's screens: the assessments written for a window of
periods, and the assessments a newer one supersedes or settles, are read from the indexes
alone, as are an open dossier's current assessments (the overview comparing 30 posts, each periodic report, the overdue list)

Revision ID: 0027
Revises: 0024
Create Date: 2026-12-06 12:45:00
"""

from alembic import op

revision = "0027"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_assessments_live_written",
            ["period_start", "deleted", "dossier_id", "period", "written_on", "id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_assessments_supersedes_live", ["supersedes_id", "deleted", "id"], unique=False
        )
        batch_op.create_index(
            "ix_assessments_settles_live", ["settles_id", "deleted", "id"], unique=False
        )
        batch_op.create_index(
            "ix_assessments_dossier_live", ["dossier_id", "deleted", "period", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_index("ix_assessments_dossier_live")
        batch_op.drop_index("ix_assessments_settles_live")
        batch_op.drop_index("ix_assessments_supersedes_live")
        batch_op.drop_index("ix_assessments_live_written")
