"""The title of an account's officer (chức vụ, cấp bậc: "Trưởng Công an xã", "Thượng úy"),
printed with the full name in signature blocks

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 08:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title", sa.String(length=120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("title")
