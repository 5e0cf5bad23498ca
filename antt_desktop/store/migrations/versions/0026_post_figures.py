"""Figures kept per post for the upper unit's screens (the overview comparing 30 posts, each
periodic report, the overdue list): households and their pledges counted by unit, area,
year and status, kept by triggers (store/post_figures.py) and filled here; and covering
indexes so the assessments written for a window of periods, the ones a newer assessment
supersedes or settles, and an open dossier's current ones are read from the indexes alone

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-06 12:45:00
"""

import sqlalchemy as sa
from alembic import op

from antt_desktop.store import post_figures

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "post_pledge_figures",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("area_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("cultured", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "unit_id", "area_id", "year", "status", "cultured", name=op.f("pk_post_pledge_figures")
        ),
    )
    # SQLite's triggers; on PostgreSQL their plpgsql counterparts come with revision 0029
    if op.get_bind().dialect.name == "sqlite":
        for _name, statement in post_figures.TRIGGERS:
            op.execute(statement)
        for statement in post_figures.REBUILD:
            op.execute(statement)
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
    if op.get_bind().dialect.name == "sqlite":
        for name, _statement in post_figures.TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("post_pledge_figures")
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_index("ix_assessments_dossier_live")
        batch_op.drop_index("ix_assessments_settles_live")
        batch_op.drop_index("ix_assessments_supersedes_live")
        batch_op.drop_index("ix_assessments_live_written")
