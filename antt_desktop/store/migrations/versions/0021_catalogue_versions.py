"""Catalogues kept without code: each catalogue's version (number, date, issuing unit), entries
retired instead of deleted, entries marked "to be checked"; the shipped legal bases name the
laws in force from 1 July 2026 on every post that has not edited them

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 12:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_TABLES = ("catalogue_items", "dossier_categories", "rubrics")
_SHIPPED_KINDS = (
    "'propaganda','meeting','patrol','mediation','weapon_collection','tip','support','other'"
)
_THAHS = "Luật Thi hành án hình sự số 127/2025/QH15 (hiệu lực từ 01/7/2026)"
_DRUGS = "Luật Phòng, chống ma túy số 120/2025/QH15 (hiệu lực từ 01/7/2026)"
# Written out here, not read from resources/: a revision must not change when the data does.
# code: (text shipped before, text shipped now, still to be checked)
LEGAL_BASES = {
    "RELEASED": (
        "Nghị định 49/2020/NĐ-CP; Thông tư 10/2024/TT-BCA (cần kiểm tra)",
        f"{_THAHS}; Nghị định 49/2020/NĐ-CP về tái hòa nhập cộng đồng",
        True,
    ),
    "SUSPENDED": (
        "Luật Thi hành án hình sự 2019; Luật 127/2025/QH15 từ 01/7/2026 (cần kiểm tra)",
        _THAHS,
        False,
    ),
    "NON_CUSTODIAL": ("Luật Thi hành án hình sự 2019 (cần kiểm tra)", _THAHS, False),
    "PAROLE": ("Luật Thi hành án hình sự 2019 (cần kiểm tra)", _THAHS, False),
    "PROBATION": ("Luật Thi hành án hình sự 2019 (cần kiểm tra)", _THAHS, False),
    "COMMUNE_EDUCATION": (
        "Nghị định 120/2021/NĐ-CP (cần kiểm tra)",
        "Luật Xử lý vi phạm hành chính năm 2012, sửa đổi, bổ sung năm 2020 và 2025;"
        " Nghị định 120/2021/NĐ-CP",
        True,
    ),
    "DRUG_USER": (
        "Luật Phòng, chống ma túy 2021 điều 23; Nghị định 105/2021/NĐ-CP (cần kiểm tra)",
        _DRUGS,
        False,
    ),
    "POST_REHAB": ("Nghị định 116/2021/NĐ-CP (cần kiểm tra)", _DRUGS, False),
    "MINOR": (
        "Luật Tư pháp người chưa thành niên 59/2024/QH15 (cần kiểm tra)",
        "Luật Tư pháp người chưa thành niên số 59/2024/QH15 (hiệu lực từ 01/01/2026)",
        False,
    ),
}
RUBRIC_NAMES = {
    "ANCS_2021": (
        "Tiêu chí mô hình An ninh cơ sở (thang 110 điểm, cần kiểm tra)",
        "Tiêu chí mô hình An ninh cơ sở (thang 110 điểm)",
    ),
    "KDC_ANTT": (
        "Khu dân cư đạt chuẩn an toàn về ANTT (thang 100 điểm, cần kiểm tra)",
        "Khu dân cư đạt chuẩn an toàn về ANTT (thang 100 điểm)",
    ),
}


def _flag_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("retired", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("to_check", sa.Boolean(), server_default="0", nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "catalogue_versions",
        sa.Column("catalogue", sa.String(length=40), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_node", sa.String(length=36), nullable=False),
        sa.Column("version_vector", sa.JSON(), nullable=False),
        sa.Column("created_stamp", sa.JSON(), nullable=False),
        sa.Column("field_stamps", sa.JSON(), nullable=False),
        sa.Column("hlc", sa.Integer(), nullable=False),
        sa.Column("local_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.CheckConstraint("number >= 1", name=op.f("ck_catalogue_versions_number")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_versions")),
        sa.UniqueConstraint("catalogue", name=op.f("uq_catalogue_versions_catalogue")),
    )
    with op.batch_alter_table("catalogue_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_catalogue_versions_local_seq"), ["local_seq"], unique=False
        )
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in _flag_columns():
                batch_op.add_column(column)
    # activity kinds are a catalogue's codes now: the upper unit may add one
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_activities_kind"), type_="check")
    # Entries the post (or its upper unit) edited keep their text; only the shipped ones move.
    for code, (before, now, to_check) in LEGAL_BASES.items():
        op.execute(
            sa.text(
                "UPDATE dossier_categories SET legal_basis = :now, to_check = :check"
                " WHERE code = :code AND legal_basis = :before"
            ).bindparams(now=now, check=to_check, code=code, before=before)
        )
    for code, (before, now) in RUBRIC_NAMES.items():
        op.execute(
            sa.text(
                "UPDATE rubrics SET name_vi = :now, to_check = 1"
                " WHERE code = :code AND name_vi = :before"
            ).bindparams(now=now, code=code, before=before)
        )
    # An edited text that still says so is still to be checked.
    op.execute(
        "UPDATE dossier_categories SET to_check = 1 WHERE legal_basis LIKE '%cần kiểm tra%'"
    )
    op.execute("UPDATE rubrics SET to_check = 1 WHERE name_vi LIKE '%cần kiểm tra%'")


def downgrade() -> None:
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_check_constraint("kind", f"kind IN ({_SHIPPED_KINDS})")
    for code, (before, now, _check) in LEGAL_BASES.items():
        op.execute(
            sa.text(
                "UPDATE dossier_categories SET legal_basis = :before"
                " WHERE code = :code AND legal_basis = :now"
            ).bindparams(now=now, code=code, before=before)
        )
    for code, (before, now) in RUBRIC_NAMES.items():
        op.execute(
            sa.text(
                "UPDATE rubrics SET name_vi = :before WHERE code = :code AND name_vi = :now"
            ).bindparams(now=now, code=code, before=before)
        )
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("to_check")
            batch_op.drop_column("retired")
    with op.batch_alter_table("catalogue_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_catalogue_versions_local_seq"))
    op.drop_table("catalogue_versions")
