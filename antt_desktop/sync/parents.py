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
    if _none_wait(conn, tables, writes):
        return {}
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
        fks = [(fk.table, fk.target, fk.column) for fk in tables[name].foreign_keys]
        if not fks:
            continue
        for ident, row in batch.items():
            refs = [
                (table, target, value)
                for table, target, column in fks
                if (value := row.get(column)) is not None
                and not (table == name and target == "id" and value == ident)
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
            missing: list[list[str]] | None = None
            for table, column, value in refs:
                if value in stored[(table, column)]:
                    continue
                givers = provided[(table, column)].get(value)
                if givers and (not blocked or any(p not in blocked for p in givers)):
                    continue  # a row of this import that is not waiting itself
                if missing is None:
                    missing = []
                missing.append([table, str(value)])
            if missing:
                blocked[key] = missing
                changed = True
    return blocked


def _none_wait(
    conn: Connection,
    tables: Mapping[str, SyncTable],
    writes: Mapping[str, Mapping[str, dict[str, Any]]],
) -> bool:
    """True when every reference is to a row of this import or to a row stored here (the
    usual import: nothing waits, and :func:`waiting` has nothing to work out). Any other
    reference sends the import through the whole computation."""
    given: dict[tuple[str, str], set[Any]] = {}
    unresolved: dict[tuple[str, str], set[Any]] = {}
    for name, batch in writes.items():
        for fk in tables[name].foreign_keys:
            target = (fk.table, fk.target)
            if target not in given:
                column = fk.target
                given[target] = {
                    v for r in writes.get(fk.table, {}).values() if (v := r.get(column)) is not None
                }
            have = given[target]
            self_id = fk.table == name and fk.target == "id"
            col = fk.column
            missing = {
                v
                for ident, row in batch.items()
                if (v := row.get(col)) is not None
                and v not in have
                and not (self_id and v == ident)
            }
            if missing:
                unresolved.setdefault(target, set()).update(missing)
    for (table, column), values in unresolved.items():
        if not values <= rows.existing(conn, table, column, values):
            return False
    return True
