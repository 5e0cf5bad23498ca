"""Changes from a post that reach this node after one of its dossiers was transferred away.

The old post may have kept working on the dossier before it learned of the transfer. Its
changes are not refused: they are merged by the usual rule and flagged (conflict records of
kind ``late_edit``) for the new post to review; the flags travel with their rows. Taking the
dossier back (a new owner or unit from the old post) is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from antt_desktop.sync import conflict_store
from antt_desktop.sync.merge import Conflict, Merged, stamp_of
from antt_desktop.sync.report import ImportReport
from antt_desktop.sync.tables import SyncTable

WHOLE_ROW = conflict_store.WHOLE_ROW
_OWNERSHIP = ("owner_node", "unit_id")


@dataclass
class Moved:
    """Dossiers and people that were transferred away from one sender."""

    dossiers: set[str] = field(default_factory=set)
    persons: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.dossiers or self.persons)

    def holds(self, t: SyncTable, row_id: str) -> bool:
        """The row is a transferred dossier or person."""
        return (t.name == "dossiers" and row_id in self.dossiers) or (
            t.name == "persons" and row_id in self.persons
        )

    def parent_of(self, t: SyncTable, row: dict[str, Any]) -> bool:
        """The row belongs to a transferred dossier (or, for violations, person)."""
        if row.get("dossier_id") in self.dossiers:
            return True
        return t.name == "violations" and row.get("person_id") in self.persons


def moved_from(conn: Connection, sender_node: str) -> Moved:
    moved = Moved()
    for dossier_id, person_id in conn.exec_driver_sql(
        "SELECT dossier_id, person_id FROM dossier_transfers"
        " WHERE step = 'approved' AND from_node = ?",
        (sender_node,),
    ):
        moved.dossiers.add(dossier_id)
        moved.persons.add(person_id)
    return moved


def takes_back(m: Merged) -> bool:
    """The old post's version would change who holds the record: refused."""
    return any(name in m.taken for name in _OWNERSHIP)


def field_flags(local: dict[str, Any], incoming: dict[str, Any], m: Merged) -> list[Conflict]:
    """One flag per field whose late value was taken (fields in true conflict excepted)."""
    disputed = {c.field for c in m.conflicts}
    return [
        Conflict(
            name,
            "late_edit",
            incoming.get(name),
            stamp_of(incoming, name),
            local.get(name),
            stamp_of(local, name),
        )
        for name in m.taken
        if name not in disputed
    ]


def row_flag(row: dict[str, Any]) -> Conflict:
    """A whole record (an assessment...) the old post added: to be looked at."""
    return Conflict(WHOLE_ROW, "late_edit", None, list(row["created_stamp"]), None, [])


def note(report: ImportReport, unit: str) -> None:
    """Tell the officer once per import that late changes were flagged."""
    if not any(w.code == "sync.warning.late_edit" for w in report.warnings):
        report.warn("sync.warning.late_edit", unit=unit)
