"""The search index's entries of a post by their number, so that a search within one post
of a district reads only that post's stretch of the full-text index (its first and last
entry: two index lookups) instead of every post's matches one by one (a unit's typed
"n t" 57 ms → 0.3 ms on the district's copy).

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-06 15:30:00
"""

from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # PostgreSQL's search index is its own
        op.execute("CREATE INDEX IF NOT EXISTS ix_search_docs_unit ON search_docs (unit_id, docid)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP INDEX IF EXISTS ix_search_docs_unit")
