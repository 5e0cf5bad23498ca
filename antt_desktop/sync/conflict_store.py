"""Conflict records: written when a merge sets a value aside, closed when a later write
that saw both values arrives (or a person resolves them here)."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from antt_desktop.store import field_crypto, sealed_json
from antt_desktop.store.base import natural_id
from antt_desktop.store.spelling import Spelling
from antt_desktop.sync.canonical import now_iso
from antt_desktop.sync.merge import Conflict, seen, stamp_of

_dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
BATCH = 500
#: Kinds of conflict that travel with their rows, so the peer shows the same one.
TRAVELLING = ("field", "delete", "late_edit")
#: The "field" of a flag on a whole record (one the old post added after a transfer).
WHOLE_ROW = "*"


def conflict_id(table: str, row_id: str, c: Conflict) -> str:
    """The same conflict found on two nodes has the same id."""
    return natural_id("sync_conflicts", table, row_id, c.field, c.kept_stamp, c.other_stamp)


def duplicate(columns: Sequence[str], holder: str, ident: str) -> Conflict:
    return Conflict(",".join(columns), "duplicate", holder, [], ident, [])


def _sealed(conn: Connection, table: str, cid: str, c: Conflict) -> tuple[Any, Any]:
    """Both values as stored: sealed under this node's fields key for a sealed field (the
    database key alone must not give an ID number a conflict holds)."""
    if not sealed_json.conflict_seals(table, c.field, c.kind):
        return c.kept_value, c.other_value
    cipher = field_crypto.require_cipher(conn)
    return tuple(
        sealed_json.seal_conflict_value(cipher, cid, column, value)
        for column, value in zip(
            sealed_json.CONFLICT_VALUES, (c.kept_value, c.other_value), strict=True
        )
    )


def record(conn: Connection, items: list[tuple[str, str, Conflict]], peer: str) -> None:
    if not items:
        return
    at = now_iso()
    rows = []
    for table, row_id, c in items:
        cid = conflict_id(table, row_id, c)
        kept, other = _sealed(conn, table, cid, c)
        rows.append((cid, table, row_id, c, kept, other))
    conn.exec_driver_sql(
        Spelling(conn).insert_ignoring(
            "sync_conflicts (id, table_name, row_id, field, kind, status,"
            " kept_value, kept_stamp, other_value, other_stamp, peer_node, detected_at)"
            " VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)"
        ),
        [
            (
                cid,
                table,
                row_id,
                c.field,
                c.kind,
                _dumps(kept),
                _dumps(c.kept_stamp),
                _dumps(other),
                _dumps(c.other_stamp),
                peer,
                at,
            )
            for cid, table, row_id, c, kept, other in rows
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
    loads = Spelling(conn).json_reader()
    settled: list[tuple[str, str]] = []
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        for cid, row_id, fld, kind, kept, other in conn.exec_driver_sql(
            "SELECT id, row_id, field, kind, kept_stamp, other_stamp FROM sync_conflicts"
            " WHERE status = 'open' AND table_name = ?"
            f" AND row_id IN ({','.join('?' * len(chunk))})",
            (table, *chunk),
        ):
            if kind not in TRAVELLING or fld == WHOLE_ROW:
                continue
            row = by_id[row_id]
            kept_s, other_s = loads(kept), loads(other)
            now = stamp_of(row, fld)
            vector = row["version_vector"]
            if now not in (kept_s, other_s) and seen(vector, kept_s) and seen(vector, other_s):
                settled.append((now_iso(), cid))
    if settled:
        conn.exec_driver_sql(
            "UPDATE sync_conflicts SET status = 'superseded', resolved_at = ? WHERE id = ?",
            settled,
        )


CONFLICTS = "sync_conflicts"
_FIELDS = ("id", "table_name", "row_id", "field", "kind", "kept_value", "kept_stamp")
_MORE = ("other_value", "other_stamp")


def outgoing(conn: Connection, records: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Open conflicts of the rows being exported: the peer shows the same conflict. Also the
    flags on whole records that a person reviewed here, so every node closes them (such a
    record never changes again, so no later write can close them)."""
    found: list[dict[str, Any]] = [
        {"id": cid, "status": "resolved", "resolved_by": by, "resolved_at": at}
        for cid, by, at in conn.exec_driver_sql(
            "SELECT id, resolved_by, resolved_at FROM sync_conflicts WHERE status = 'resolved'"
            " AND kind = 'late_edit' AND field = ? ORDER BY id",
            (WHOLE_ROW,),
        )
    ]
    if not conn.exec_driver_sql("SELECT 1 FROM sync_conflicts WHERE status = 'open'").first():
        return found
    loads = Spelling(conn).json_reader()
    for table, batch in records.items():
        ids = [r["id"] for r in batch]
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            for values in conn.exec_driver_sql(
                f"SELECT {', '.join(_FIELDS + _MORE)} FROM sync_conflicts"
                " WHERE status = 'open' AND kind IN ('field', 'delete', 'late_edit')"
                " AND table_name = ?"
                f" AND row_id IN ({','.join('?' * len(chunk))})",
                (table, *chunk),
            ):
                item = dict(zip(_FIELDS + _MORE, values, strict=True))
                for key in ("kept_value", "kept_stamp", "other_value", "other_stamp"):
                    item[key] = loads(item[key]) if item[key] is not None else None
                for key in sealed_json.CONFLICT_VALUES:  # bundles are encrypted whole
                    item[key] = sealed_json.open_conflict_value(
                        field_crypto.cipher_of(conn), item["id"], key, item[key]
                    )
                found.append(item)
    return found


def incoming(conn: Connection, items: list[dict[str, Any]], peer: str) -> None:
    """Record the sender's open conflicts whose provisional winner is still the value here."""
    from antt_desktop.sync import rows
    from antt_desktop.sync.tables import by_name

    tables = by_name()
    keep: list[tuple[str, str, Conflict]] = []
    reviewed = [
        (str(i.get("resolved_at") or now_iso())[:32], str(i.get("resolved_by") or "")[:64], i["id"])
        for i in items
        if i.get("status") == "resolved" and isinstance(i.get("id"), str)
    ]
    if reviewed:
        conn.exec_driver_sql(
            "UPDATE sync_conflicts SET status = 'resolved', resolved_at = ?, resolved_by = ?"
            " WHERE id = ? AND status = 'open' AND kind = 'late_edit'",
            reviewed,
        )
    for item in items:
        if item.get("status") == "resolved":
            continue
        t = tables.get(str(item.get("table_name")))
        if t is None or item.get("kind") not in TRAVELLING:
            continue
        whole = item.get("kind") == "late_edit" and item.get("field") == WHOLE_ROW
        if not isinstance(item.get("field"), str) or (
            item["field"] not in t.merge_fields and not whole
        ):
            continue
        stored = rows.fetch(conn, t, [str(item.get("row_id"))])
        row = stored.get(str(item.get("row_id")))
        if row is None or stamp_of(row, item["field"]) != item.get("kept_stamp"):
            continue
        keep.append(
            (
                t.name,
                row["id"],
                Conflict(
                    item["field"],
                    item["kind"],
                    item.get("kept_value"),
                    item["kept_stamp"],
                    item.get("other_value"),
                    item.get("other_stamp") or [],
                ),
            )
        )
    record(conn, keep, peer)
