"""The tables a peer last sent whose rows were all merged, by their count and digest: the
same rows sent again in a new file (a lost acknowledgement, a file exported twice) are known
at once and not read again (sync/importer.py).

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-06 17:55:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_table_digests",
        sa.Column("peer_node", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("peer_node", "table_name", name=op.f("pk_sync_table_digests")),
    )


def downgrade() -> None:
    op.drop_table("sync_table_digests")
