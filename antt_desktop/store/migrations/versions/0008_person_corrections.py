"""Corrections of a person's data with their history (đính chính thông tin)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 04:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_corrections",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("corrected_by", sa.String(length=64), nullable=False),
        sa.Column("corrected_on", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_node", sa.String(length=36), nullable=False),
        sa.Column("version_vector", sa.JSON(), nullable=False),
        sa.Column("created_stamp", sa.JSON(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("hlc", sa.Integer(), nullable=False),
        sa.Column("local_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_person_corrections_person_id_persons"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_corrections")),
    )
    with op.batch_alter_table("person_corrections", schema=None) as batch_op:
        batch_op.create_index(
            "ix_person_corrections_person_order", ["person_id", "corrected_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_person_corrections_local_seq"), ["local_seq"], unique=False
        )


def downgrade() -> None:
    op.drop_table("person_corrections")
