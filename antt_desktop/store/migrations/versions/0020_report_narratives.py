"""The written parts of a periodic report (situation, results, shortcomings, direction,
recommendations), kept per unit and period and synced up as the post's own record

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 11:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_narratives",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("situation", sa.Text(), nullable=True),
        sa.Column("results", sa.Text(), nullable=True),
        sa.Column("shortcomings", sa.Text(), nullable=True),
        sa.Column("direction", sa.Text(), nullable=True),
        sa.Column("recommendations", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_node", sa.String(length=36), nullable=False),
        sa.Column("version_vector", sa.JSON(), nullable=False),
        sa.Column("created_stamp", sa.JSON(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("hlc", sa.Integer(), nullable=False),
        sa.Column("local_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_report_narratives_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_narratives")),
        sa.UniqueConstraint(
            "unit_id", "period", name=op.f("uq_report_narratives_unit_id_period")
        ),
    )
    with op.batch_alter_table("report_narratives", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_report_narratives_local_seq"), ["local_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_report_narratives_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report_narratives", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_narratives_unit_id"))
        batch_op.drop_index(batch_op.f("ix_report_narratives_local_seq"))
    op.drop_table("report_narratives")
