"""Folded given name on persons, indexed: the fast path of searching people by name

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 04:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("given_folded", sa.String(length=40), server_default="", nullable=False)
        )
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name_folded FROM persons")).fetchall()
    if rows:
        conn.execute(
            sa.text("UPDATE persons SET given_folded = :g WHERE id = :i"),
            [{"i": ident, "g": folded.rsplit(" ", 1)[-1]} for ident, folded in rows],
        )
    op.create_index(
        "ix_persons_given_sort", "persons", ["given_folded", "sort_key", "name_folded"]
    )


def downgrade() -> None:
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_index("ix_persons_given_sort")
        batch_op.drop_column("given_folded")
