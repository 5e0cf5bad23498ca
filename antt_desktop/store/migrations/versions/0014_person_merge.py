"""Merging two records of one person (gộp hồ sơ trùng): the absorbed record keeps, as a
tombstone, the id of the record it was merged into, so a post or upper unit that receives it
redirects every reference (and any that arrives later) to the survivor; and an index on the
old card number (CMND), by which likely duplicates are found

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite adds a column with a REFERENCES clause in place (NULL default): no table copy
    op.execute(
        "ALTER TABLE persons ADD COLUMN merged_into VARCHAR(36)"
        " CONSTRAINT fk_persons_merged_into_persons REFERENCES persons (id)"
    )
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_persons_merged_into"), ["merged_into"], unique=False)
        batch_op.create_index(
            "ix_persons_legacy_id",
            ["legacy_id"],
            unique=False,
            sqlite_where=sa.text("legacy_id IS NOT NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_index("ix_persons_legacy_id")
        batch_op.drop_index(batch_op.f("ix_persons_merged_into"))
        batch_op.drop_column("merged_into")
