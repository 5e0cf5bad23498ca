"""Index of the people who have a photo: finding whether any record still names a photo

A photo no record names is deleted (after a removal, a replacement, or an import that
replaced it); the check reads this small partial index instead of every resident.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 05:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_persons_photo",
        "persons",
        ["photo_sha256"],
        sqlite_where=sa.text("photo_sha256 IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_persons_photo", table_name="persons")
