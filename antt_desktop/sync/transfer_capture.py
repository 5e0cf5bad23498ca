"""What an export to a post carries because of a dossier transfer, beyond its cursor.

Until a post acknowledges an approved transfer, every export to it carries, whatever its
cursor says: for the receiving post, the whole dossier (the dossier, its person, their
assessments, commitments, support and violations, and the person's photo with them); for
the post it leaves, the dossier and person rows, which tell it the record now belongs to
another post.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from antt_desktop.sync import rows
from antt_desktop.sync.tables import by_name, synced_tables

#: The rest of a whole dossier, each as SQL over ``(person_id, dossier_id)`` (the person's
#: id cast: a server wants to know the type of a value it only tests for NULL).
_WHOLE = {
    "assessments": "SELECT id FROM assessments WHERE CAST(? AS TEXT) IS NOT NULL"
    " AND dossier_id = ?",
    "supports": "SELECT id FROM supports WHERE CAST(? AS TEXT) IS NOT NULL AND dossier_id = ?",
    "commitments": "SELECT id FROM commitments WHERE CAST(? AS TEXT) IS NOT NULL"
    " AND dossier_id = ?",
    "violations": "SELECT id FROM violations WHERE person_id = ?"
    " AND (dossier_id IS NULL OR dossier_id = ?)",
}


def _wanted(conn: Connection, peer_node: str, cursor: int, upto: int) -> dict[str, set[str]]:
    wanted: dict[str, set[str]] = {}
    for dossier_id, person_id, to_node in conn.exec_driver_sql(
        "SELECT dossier_id, person_id, to_node FROM dossier_transfers"
        " WHERE step = 'approved' AND local_seq > ? AND local_seq <= ?"
        " AND (to_node = ? OR from_node = ?)",
        (cursor, upto, peer_node, peer_node),
    ):
        wanted.setdefault("dossiers", set()).add(dossier_id)
        wanted.setdefault("persons", set()).add(person_id)
        if to_node != peer_node:
            continue
        for table, sql in _WHOLE.items():
            found = conn.exec_driver_sql(sql, (person_id, dossier_id))
            wanted.setdefault(table, set()).update(i for (i,) in found)
    return wanted


def add_transferred(
    conn: Connection,
    out: dict[str, list[dict[str, Any]]],
    peer_node: str,
    cursor: int,
    upto: int,
) -> None:
    """Add to ``out`` (table -> rows) the transferred rows the post must receive."""
    wanted = _wanted(conn, peer_node, cursor, upto)
    if not wanted:
        return
    tables = by_name()
    merged: dict[str, list[dict[str, Any]]] = {}
    for t in synced_tables():  # parents first, as capture gives them
        batch = out.get(t.name, [])
        have = {r["id"] for r in batch}
        extra = [i for i in sorted(wanted.get(t.name, ())) if i not in have]
        if extra:
            found = rows.fetch(conn, tables[t.name], extra)
            for ident in extra:
                row = found.get(ident)
                if row is not None:
                    row.pop("local_seq", None)
                    batch = [*batch, row]
        if batch:
            merged[t.name] = batch
    out.clear()
    out.update(merged)
