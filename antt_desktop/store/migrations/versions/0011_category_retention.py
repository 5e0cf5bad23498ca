"""Retention period of each dossier category (years kept after closing, then proposed for
purging)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 05:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# Written out here, not read from resources/: a revision must not change when the data does.
YEARS = {
    "RELEASED": 5,
    "SUSPENDED": 5,
    "NON_CUSTODIAL": 5,
    "PAROLE": 5,
    "PROBATION": 5,
    "COMMUNE_EDUCATION": 3,
    "DRUG_USER": 3,
    "POST_REHAB": 3,
    "MINOR": 2,
    "YOUTH_RISK": 2,
    "WANTED": 5,
}


def upgrade() -> None:
    with op.batch_alter_table("dossier_categories", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("retention_years", sa.Integer(), server_default="5", nullable=False)
        )
    for code, years in YEARS.items():
        op.execute(
            sa.text("UPDATE dossier_categories SET retention_years = :y WHERE code = :c").bindparams(
                y=years, c=code
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("dossier_categories", schema=None) as batch_op:
        batch_op.drop_column("retention_years")
