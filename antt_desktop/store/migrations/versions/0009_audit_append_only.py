"""The audit log is append-only in the database itself: updating or deleting an entry aborts

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 04:40:00
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# The same statements as antt_desktop.store.audit.GUARDS (a revision is frozen in time).
GUARDS = {
    "audit_entries_no_update": "UPDATE",
    "audit_entries_no_delete": "DELETE",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # a shared PostgreSQL database takes the rights away from the app's role instead
    for name, event in GUARDS.items():
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {event} ON audit_entries"
            " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in GUARDS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
