"""Merges of two records of one person (gộp hồ sơ trùng) arriving in a bundle.

A merge travels as the absorbed record's tombstone naming its survivor (``merged_into``).
Each node that receives it re-points its own rows that name the absorbed record
(:func:`antt_desktop.store.person_refs.redirect`, the same step the merge service took), and
rows that arrive naming a record merged away — written before the sender knew of the merge —
are re-pointed before they are merged, so every node ends with the same rows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from antt_desktop.store import person_refs
from antt_desktop.sync import rows

#: Columns of incoming rows that name a person: (table, column, condition on the row).
_COLUMNS: tuple[tuple[str, str, tuple[str, str] | None], ...] = (
    *((t, c, None) for t, c in sorted(person_refs.REFERENCES)),
    ("commendations", "recipient_id", ("recipient_kind", "person")),
)
#: A chain of merges (A into B, B into C) is followed at most this far.
_DEPTH = 16


def _merged(conn: Connection, incoming: dict[str, dict[str, dict[str, Any]]]) -> dict[str, str]:
    """absorbed id -> survivor id, for every person the incoming rows name that was merged
    (known here or told in this bundle)."""
    named: set[str] = set()
    for table, column, _when in _COLUMNS:
        named.update(r[column] for r in incoming.get(table, {}).values() if r.get(column))
    merged = {
        ident: r["merged_into"]
        for ident, r in incoming.get("persons", {}).items()
        if r.get("merged_into")
    }
    named -= set(merged)
    found = list(named)
    for start in range(0, len(found), rows.BATCH):
        chunk = found[start : start + rows.BATCH]
        merged.update(
            (str(ident), str(survivor))
            for ident, survivor in conn.exec_driver_sql(
                "SELECT id, merged_into FROM persons WHERE merged_into IS NOT NULL"
                f" AND id IN ({','.join('?' * len(chunk))})",
                tuple(chunk),
            )
        )
    return merged


def _survivor(merged: dict[str, str], ident: str) -> str:
    for _ in range(_DEPTH):
        if ident not in merged:
            break
        ident = merged[ident]
    return ident


def redirect_incoming(conn: Connection, incoming: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Re-point, in place, incoming rows that name a person merged into another."""
    merged = _merged(conn, incoming)
    if not merged:
        return
    for table, column, when in _COLUMNS:
        for r in incoming.get(table, {}).values():
            value = r.get(column)
            if value in merged and (when is None or r.get(when[0]) == when[1]):
                r[column] = _survivor(merged, value)


def apply_written(conn: Connection, persons: list[dict[str, Any]]) -> None:
    """Re-point this node's rows naming each person the written rows merged away."""
    for p in persons:
        if p.get("merged_into"):
            person_refs.redirect(conn, p["id"], p["merged_into"])
