"""Every reference to a person, and moving them from one record to another when two records
of the same person are merged (gộp hồ sơ trùng).

The merge service and the sync import call :func:`redirect` alike, so every node that learns
of a merge re-points the same rows the same way (append-only rows included: they are never
updated by a bundle, each node re-points its own copy) and the nodes converge.
"""

from __future__ import annotations

from sqlalchemy import Connection

from antt_desktop.store import models  # noqa: F401 - every table registered
from antt_desktop.store.base import Base

#: Each column that names a person, and why moving it to the survivor is right. A test
#: compares this with the schema's foreign keys: a new one fails it until it is listed here.
REFERENCES: dict[tuple[str, str], str] = {
    ("dossiers", "person_id"): "the survivor keeps every dossier, open or closed",
    ("violations", "person_id"): "violations are the person's, whichever record they were on",
    ("person_corrections", "person_id"): "the history of both records stays readable",
    ("dossier_transfers", "person_id"): "a transfer moved the person's dossier",
    ("team_members", "person_id"): "the survivor is the team member",
    ("households", "head_person_id"): "the survivor heads the household",
}
#: A person's own link to the record it was merged into: never moved.
NOT_MOVED = frozenset({("persons", "merged_into")})
#: References the schema cannot declare: (table, column, condition).
SOFT_REFERENCES = (("commendations", "recipient_id", "recipient_kind = 'person'"),)


def schema_references() -> set[tuple[str, str]]:
    """(table, column) of every foreign key to ``persons.id`` the models declare."""
    return {
        (table.name, fk.parent.name)
        for table in Base.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table.name == "persons" and fk.column.name == "id"
    } - NOT_MOVED


def redirect(conn: Connection, absorbed: str, survivor: str) -> dict[str, list[str]]:
    """Re-point every row that names ``absorbed`` at ``survivor`` (in the caller's
    transaction, without new sync stamps: each node does the same). Returns table -> ids."""
    moved: dict[str, list[str]] = {}
    targets = [(t, c, f"{c} = ?") for (t, c) in sorted(REFERENCES)]
    targets += [(t, c, f"{c} = ? AND {cond}") for t, c, cond in SOFT_REFERENCES]
    for table, column, where in targets:
        ids = [
            r for (r,) in conn.exec_driver_sql(f"SELECT id FROM {table} WHERE {where}", (absorbed,))
        ]
        if ids:
            conn.exec_driver_sql(
                f"UPDATE {table} SET {column} = ? WHERE {where}", (survivor, absorbed)
            )
            moved.setdefault(table, []).extend(ids)
    return moved


def count(conn: Connection, person: str) -> dict[str, int]:
    """How many rows of each table name ``person`` (what a merge would move)."""
    counts: dict[str, int] = {}
    targets = [(t, c, f"{c} = ?") for (t, c) in sorted(REFERENCES)]
    targets += [(t, c, f"{c} = ? AND {cond}") for t, c, cond in SOFT_REFERENCES]
    for table, _column, where in targets:
        n = conn.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE {where}", (person,)).scalar()
        counts[table] = counts.get(table, 0) + int(n or 0)
    return counts


#: The optional facts a person's record holds beside its name, in the order a comparison
#: shows them: what a purge clears and what a merge fills into the survivor's blanks.
DETAILS = (
    "other_names",
    "born",
    "sex",
    "id_number",
    "id_override_reason",
    "legacy_id",
    "ethnic_code",
    "religion_code",
    "birth_place",
    "permanent_area_id",
    "permanent_address",
    "current_area_id",
    "current_address",
    "occupation",
    "phone",
    "photo_sha256",
    "household_id",
    "relation_to_head",
    "notes",
)
