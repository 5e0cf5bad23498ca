"""The key file's seal generation seen at the last login: a seal removed from the key file,
or an older copy of the file put back, shows at the next login

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-10 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("local_node", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("keyfile_seal_generation", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("local_node", schema=None) as batch_op:
        batch_op.drop_column("keyfile_seal_generation")
