"""Covering indexes for the residents list in Vietnamese order (all posts, or one)

The list streams every id of the filter in ``sort_key`` order. Over the plain ``sort_key``
index each id cost a lookup in the table (9 s for 450,000 people); these indexes hold the
id and the tombstone flag, so the read is index-only. They replace the one-column indexes on
``sort_key`` and ``unit_id``, which are their prefixes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 22:40:00
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_persons_list_order", "persons", ["sort_key", "deleted", "id"])
    op.create_index(
        "ix_persons_unit_list_order", "persons", ["unit_id", "sort_key", "deleted", "id"]
    )
    op.drop_index("ix_persons_sort_key", table_name="persons")
    op.drop_index("ix_persons_unit_id", table_name="persons")


def downgrade() -> None:
    op.create_index("ix_persons_unit_id", "persons", ["unit_id"])
    op.create_index("ix_persons_sort_key", "persons", ["sort_key"])
    op.drop_index("ix_persons_unit_list_order", table_name="persons")
    op.drop_index("ix_persons_list_order", table_name="persons")
