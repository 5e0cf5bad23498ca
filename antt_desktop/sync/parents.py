"""Rows whose parent record is neither here nor arriving now wait in the pending table.

A reference is satisfied by a row already stored (tombstones count) or by a row of the same
import that is itself not waiting; waiting spreads to children until nothing changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection

from antt_desktop.sync import rows
from antt_desktop.sync.tables import SyncTable

Key = tuple[str, str]  # (table, row id)


def waiting(
    conn: Connection,
    tables: Mapping[str, SyncTable],
    writes: Mapping[str, Mapping[str, dict[str, Any]]],
) -> dict[Key, list[list[str]]]:
    """``(table, id) -> [[parent table, value], ...]`` for every row that must wait."""
    stored: dict[tuple[str, str], set[Any]] = {}

    def in_db(table: str, column: str, values: set[Any]) -> set[Any]:
        key = (table, column)
        known = stored.setdefault(key, set())
        unknown = {v for v in values if v not in known}
        if unknown:
            known.update(rows.existing(conn, table, column, unknown))
        return known

    # what each write needs that the writes themselves might provide
    needs: dict[Key, list[tuple[str, str, Any]]] = {}
    for name, batch in writes.items():
        t = tables[name]
        for ident, row in batch.items():
            refs = [
                (fk.table, fk.target, row[fk.column])
                for fk in t.foreign_keys
                if row.get(fk.column) is not None
                and not (fk.table == name and fk.target == "id" and row[fk.column] == ident)
            ]
            if refs:
                needs[(name, ident)] = refs
    # references to rows already stored never make anything wait
    by_target: dict[tuple[str, str], set[Any]] = {}
    for refs in needs.values():
        for table, column, value in refs:
            by_target.setdefault((table, column), set()).add(value)
    for (table, column), values in by_target.items():
        in_db(table, column, values)
    provided: dict[tuple[str, str], dict[Any, set[Key]]] = {}
    for table, column in by_target:
        index: dict[Any, set[Key]] = {}
        for ident, row in writes.get(table, {}).items():
            value = row.get(column)
            if value is not None:
                index.setdefault(value, set()).add((table, ident))
        provided[(table, column)] = index
    blocked: dict[Key, list[list[str]]] = {}
    changed = True
    while changed:
        changed = False
        for key, refs in needs.items():
            if key in blocked:
                continue
            missing = [
                [table, str(value)]
                for table, column, value in refs
                if value not in stored[(table, column)]
                and not any(p not in blocked for p in provided[(table, column)].get(value, set()))
            ]
            if missing:
                blocked[key] = missing
                changed = True
    return blocked
