"""Conflict records: written when a merge sets a value aside, closed when a later write
that saw both values arrives (or a person resolves them here)."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from antt_desktop.store.base import natural_id
from antt_desktop.sync.canonical import now_iso
from antt_desktop.sync.merge import Conflict, seen, stamp_of

_dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
BATCH = 500


def conflict_id(table: str, row_id: str, c: Conflict) -> str:
    """The same conflict found on two nodes has the same id."""
    return natural_id("sync_conflicts", table, row_id, c.field, c.kept_stamp, c.other_stamp)


def duplicate(columns: Sequence[str], holder: str, ident: str) -> Conflict:
    return Conflict(",".join(columns), "duplicate", holder, [], ident, [])


def record(conn: Connection, items: list[tuple[str, str, Conflict]], peer: str) -> None:
    if not items:
        return
    at = now_iso()
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO sync_conflicts (id, table_name, row_id, field, kind, status,"
        " kept_value, kept_stamp, other_value, other_stamp, peer_node, detected_at)"
        " VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)",
        [
            (
                conflict_id(table, row_id, c),
                table,
                row_id,
                c.field,
                c.kind,
                _dumps(c.kept_value),
                _dumps(c.kept_stamp),
                _dumps(c.other_value),
                _dumps(c.other_stamp),
                peer,
                at,
            )
            for table, row_id, c in items
        ],
    )


def supersede(conn: Connection, table: str, merged: list[dict[str, Any]]) -> None:
    """Close open conflicts of these rows that a later write (seeing both sides) settled."""
    if not merged:
        return
    if not conn.exec_driver_sql(
        "SELECT 1 FROM sync_conflicts WHERE status = 'open' AND table_name = ? LIMIT 1", (table,)
    ).first():
        return
    by_id = {r["id"]: r for r in merged}
    ids = list(by_id)
    settled: list[tuple[str, str]] = []
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        for cid, row_id, fld, kind, kept, other in conn.exec_driver_sql(
            "SELECT id, row_id, field, kind, kept_stamp, other_stamp FROM sync_conflicts"
            " WHERE status = 'open' AND table_name = ?"
            f" AND row_id IN ({','.join('?' * len(chunk))})",
            (table, *chunk),
        ):
            if kind not in ("field", "delete"):
                continue
            row = by_id[row_id]
            kept_s, other_s = json.loads(kept), json.loads(other)
            now = stamp_of(row, fld)
            vector = row["version_vector"]
            if now not in (kept_s, other_s) and seen(vector, kept_s) and seen(vector, other_s):
                settled.append((now_iso(), cid))
    if settled:
        conn.exec_driver_sql(
            "UPDATE sync_conflicts SET status = 'superseded', resolved_at = ? WHERE id = ?",
            settled,
        )
