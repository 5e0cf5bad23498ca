"""Covering indexes for the upper unit's figures: the dossiers a period's figures and the
overdue list count, the activities of a period and the members of the teams are read from
the indexes alone (a district's overview no longer reads the dossier, activity and member
rows page by page, which a loaded machine paid for in disk reads)

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-06 14:15:00
"""

from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

#: (table, index, columns): the figures' reads find every column they need in the index.
INDEXES = (
    (
        "dossiers",
        "ix_dossiers_figures",
        [
            "unit_id",
            "deleted",
            "status",
            "category_code",
            "opened_on",
            "closed_on",
            "close_reason",
            "classification",
            "person_id",
            "id",
        ],
    ),
    (
        "dossiers",
        "ix_dossiers_open",
        ["status", "deleted", "unit_id", "category_code", "opened_on", "person_id", "id"],
    ),
    (
        "activities",
        "ix_activities_figures",
        [
            "initiative_id",
            "deleted",
            "held_on",
            "kind",
            "participants",
            "tips_of_value",
            "cases_mediated",
            "surrendered",
            "guns",
            "rudimentary_weapons",
            "explosives",
            "bullets",
            "grenades",
            "fireworks",
            "support_tools",
            "id",
        ],
    ),
    ("team_members", "ix_team_members_figures", ["team_id", "deleted", "joined_on", "left_on", "id"]),
)


def upgrade() -> None:
    for table, name, columns in INDEXES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    for table, name, _columns in reversed(INDEXES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(name)
