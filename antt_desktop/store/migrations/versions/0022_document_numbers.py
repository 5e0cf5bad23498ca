"""The register of document numbers (per unit, year and type of document), and on a
commendation the recipient's position line and the name of the issuer who signs

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06 11:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_numbers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("doc_type", sa.String(length=10), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("document", sa.String(length=120), nullable=False),
        sa.Column("record_key", sa.String(length=120), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("cancelled_on", sa.Date(), nullable=True),
        sa.Column("cancel_reason", sa.String(length=300), nullable=True),
        sa.CheckConstraint("seq > 0", name=op.f("ck_document_numbers_seq")),
        sa.CheckConstraint(
            "state IN ('issued','cancelled')", name=op.f("ck_document_numbers_state")
        ),
        sa.CheckConstraint("length(doc_type) > 0", name=op.f("ck_document_numbers_doc_type")),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_document_numbers_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_numbers")),
        sa.UniqueConstraint(
            "unit_id", "year", "doc_type", "seq", name=op.f("uq_document_numbers_unit_id_year_doc_type_seq")
        ),
    )
    op.create_index("ix_document_numbers_unit_id", "document_numbers", ["unit_id"])
    op.create_index("ix_document_numbers_record_key", "document_numbers", ["record_key"])
    with op.batch_alter_table("commendations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recipient_position", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("signer_name", sa.String(length=120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("commendations", schema=None) as batch_op:
        batch_op.drop_column("signer_name")
        batch_op.drop_column("recipient_position")
    op.drop_index("ix_document_numbers_record_key", table_name="document_numbers")
    op.drop_index("ix_document_numbers_unit_id", table_name="document_numbers")
    op.drop_table("document_numbers")
