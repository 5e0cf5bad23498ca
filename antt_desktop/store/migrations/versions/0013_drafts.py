"""Drafts of the long texts typed in an editor, kept inside the encrypted database

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 08:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("account", sa.String(length=64), nullable=False),
        sa.Column("editor", sa.String(length=200), nullable=False),
        sa.Column("opened_with", sa.JSON(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("length(label) > 0", name=op.f("ck_drafts_label")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drafts")),
    )
    op.create_index("ix_drafts_account", "drafts", ["account"])


def downgrade() -> None:
    op.drop_index("ix_drafts_account", table_name="drafts")
    op.drop_table("drafts")
