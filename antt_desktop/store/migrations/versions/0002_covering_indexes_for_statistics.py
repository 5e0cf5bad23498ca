"""Indexes for the statistics (pledge coverage, household counts, assessments) and the
duplicate-person lookup

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 03:25:13.423661
"""

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.create_index('ix_assessments_period_lookup', ['period_start', 'dossier_id', 'period', 'written_on'], unique=False)

    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.create_index('ix_persons_name_born', ['name_folded', 'born'], unique=False)

    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.create_index('ix_households_unit_area_live', ['unit_id', 'area_id', 'deleted', 'id'], unique=False)

    with op.batch_alter_table('pledges', schema=None) as batch_op:
        batch_op.create_index('ix_pledges_household_year_status', ['household_id', 'year', 'deleted', 'status', 'cultured_family'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('pledges', schema=None) as batch_op:
        batch_op.drop_index('ix_pledges_household_year_status')

    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_index('ix_persons_name_born')

    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.drop_index('ix_households_unit_area_live')

    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_index('ix_assessments_period_lookup')

