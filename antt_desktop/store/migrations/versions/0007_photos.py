"""Residents' photos inside the encrypted database (the loose attachments folder retires)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 04:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "photos",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_photos_sha256")),
        sa.CheckConstraint(
            "length(data) BETWEEN 1 AND 10485760", name=op.f("ck_photos_size")
        ),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_photos")),
    )


def downgrade() -> None:
    op.drop_table("photos")
