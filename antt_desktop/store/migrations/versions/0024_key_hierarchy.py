"""The key hierarchy's facts kept inside the encrypted file: which fields-key generation the
sensitive columns are sealed under, the public key each account proved at its login, and the
audit chain's key once the database key has been rotated (docs/KEYS.md)

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06 11:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("local_node", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fields_key_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("account_keys", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("audit_secret", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("local_node", schema=None) as batch_op:
        batch_op.drop_column("audit_secret")
        batch_op.drop_column("account_keys")
        batch_op.drop_column("fields_key_id")
