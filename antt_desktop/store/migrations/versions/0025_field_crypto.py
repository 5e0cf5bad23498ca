"""Sensitive fields sealed under the fields key: the blind index of ID numbers (unique in
place of the number), the plain last three digits of the mask; ID numbers leave the
full-text index

The upgrade runs when the database is opened, before anyone has logged in, so it cannot hold
the fields key: it leaves the values plain and marks the file (``PRAGMA user_version = 1``);
the first login of an account that holds the key seals them in one transaction
(``store/resealing.seal_plain``). Until then a role without the key still sees only the
masks and blanks (``antt_open`` gives nothing plain to it).

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06 11:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

_SEALED = {
    "persons": ("id_number", "legacy_id", "ethnic_code", "religion_code"),
    "dossiers": ("risk_notes",),
    "violations": ("description",),
    "person_corrections": ("old_value", "new_value"),
}


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _without_foreign_keys() -> None:
    """The table copy drops ``persons`` while households, dossiers... point at it, which
    SQLite allows only with foreign keys off, and that pragma is ignored inside a
    transaction: end the one the earlier revisions wrote in (they are done and recorded),
    turn the keys off, and go on in a new one. :func:`_foreign_keys_back` checks them.
    PostgreSQL alters the table in place: nothing to do there."""
    if not _sqlite():
        return
    bind = op.get_bind()
    bind.exec_driver_sql("COMMIT")
    bind.exec_driver_sql("PRAGMA foreign_keys = OFF")
    bind.exec_driver_sql("BEGIN IMMEDIATE")


def _foreign_keys_back() -> None:
    if not _sqlite():
        return
    bind = op.get_bind()
    broken = bind.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        raise RuntimeError(f"foreign key broken by the upgrade: {tuple(broken)}")
    bind.exec_driver_sql("COMMIT")
    bind.exec_driver_sql("PRAGMA foreign_keys = ON")
    bind.exec_driver_sql("BEGIN IMMEDIATE")


def upgrade() -> None:
    _without_foreign_keys()
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_persons_id_number_digits"), type_="check")
        batch_op.drop_constraint(batch_op.f("ck_persons_legacy_id_digits"), type_="check")
        batch_op.drop_constraint(batch_op.f("uq_persons_id_number"), type_="unique")
        batch_op.drop_index("ix_persons_legacy_id")
        batch_op.add_column(sa.Column("id_number_bidx", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("id_last3", sa.String(length=3), nullable=True))
        batch_op.add_column(sa.Column("legacy_id_bidx", sa.String(length=32), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_persons_id_number_bidx"), ["id_number_bidx"])
        batch_op.create_check_constraint(
            "id_last3_digits",
            "id_last3 IS NULL OR (length(id_last3) = 3 AND id_last3 NOT GLOB '*[^0-9]*')",
        )
        batch_op.create_index(
            "ix_persons_legacy_id_bidx",
            ["legacy_id_bidx"],
            unique=False,
            sqlite_where=sa.text("legacy_id_bidx IS NOT NULL"),
        )
    last3 = "substr(id_number, -3)" if _sqlite() else "right(id_number, 3)"
    op.execute(f"UPDATE persons SET id_last3 = {last3} WHERE id_number IS NOT NULL")
    bind = op.get_bind()
    # the full-text index kept ID numbers in its identity column: a person's keeps the phone
    if _sqlite() and bind.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = 'search_fts'"
    ).first():
        op.execute(
            "UPDATE search_fts SET ident = coalesce((SELECT p.phone FROM search_docs d"
            " JOIN persons p ON p.id = d.ref WHERE d.docid = search_fts.rowid), '')"
            " WHERE rowid IN (SELECT docid FROM search_docs WHERE kind = 'person')"
        )
    _foreign_keys_back()
    plain = " OR ".join(
        f"EXISTS (SELECT 1 FROM {t} WHERE {' OR '.join(f'{c} IS NOT NULL' for c in cs)})"
        for t, cs in _SEALED.items()
    )
    if _sqlite() and bind.exec_driver_sql(f"SELECT {plain} OR EXISTS (SELECT 1 FROM photos)").scalar():
        op.execute("PRAGMA user_version = 1")  # resealing.PENDING: the first key holder seals


def downgrade() -> None:
    _without_foreign_keys()
    # sealed values cannot be opened without the key: a downgrade keeps only plain values
    for table, columns in _SEALED.items() if _sqlite() else ():
        for column in columns:
            if table == "violations":
                op.execute(f"UPDATE {table} SET {column} = '' WHERE typeof({column}) = 'blob'")
            else:
                op.execute(f"UPDATE {table} SET {column} = NULL WHERE typeof({column}) = 'blob'")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_index("ix_persons_legacy_id_bidx", sqlite_where=sa.text("legacy_id_bidx IS NOT NULL"))
        batch_op.drop_constraint(batch_op.f("ck_persons_id_last3_digits"), type_="check")
        batch_op.drop_constraint(batch_op.f("uq_persons_id_number_bidx"), type_="unique")
        batch_op.drop_column("legacy_id_bidx")
        batch_op.drop_column("id_last3")
        batch_op.drop_column("id_number_bidx")
        batch_op.create_index(
            "ix_persons_legacy_id",
            ["legacy_id"],
            unique=False,
            sqlite_where=sa.text("legacy_id IS NOT NULL"),
        )
        batch_op.create_unique_constraint(batch_op.f("uq_persons_id_number"), ["id_number"])
        batch_op.create_check_constraint(
            "legacy_id_digits",
            "legacy_id IS NULL OR ((length(legacy_id) = 9 OR length(legacy_id) = 12)"
            " AND legacy_id NOT GLOB '*[^0-9]*')",
        )
        batch_op.create_check_constraint(
            "id_number_digits",
            "id_number IS NULL OR (length(id_number) = 12 AND id_number NOT GLOB '*[^0-9]*')",
        )
    _foreign_keys_back()
