"""The pending table: rows received before their parent (or blocked by a duplicate value),
kept in travelling form and retried on every import."""

from __future__ import annotations

import functools
import json
from typing import Any

from sqlalchemy import Connection

from antt_desktop.store import field_crypto, sealed_json
from antt_desktop.store.spelling import Spelling
from antt_desktop.sync.canonical import now_iso

_dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))


def load(conn: Connection) -> dict[tuple[str, str], dict[str, Any]]:
    """The rows waiting, their sensitive values opened (they are sealed while they wait)."""
    cipher = field_crypto.cipher_of(conn)
    loads = Spelling(conn).json_reader()
    return {
        (table, ident): sealed_json.open_pending_row(cipher, table, loads(row))
        for table, ident, row in conn.exec_driver_sql(
            "SELECT table_name, row_id, row FROM sync_pending ORDER BY table_name, row_id"
        )
    }


def save(
    conn: Connection,
    waiting: dict[tuple[str, str], dict[str, Any]],
    done: set[tuple[str, str]],
    peer: str,
) -> None:
    if done:
        conn.exec_driver_sql(
            "DELETE FROM sync_pending WHERE table_name = ? AND row_id = ?", sorted(done)
        )
    if waiting:
        cipher = field_crypto.cipher_of(conn)
        at = now_iso()
        conn.exec_driver_sql(
            Spelling(conn).insert_replacing(
                "sync_pending (table_name, row_id, row, peer_node, reason, missing, received_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                ("table_name", "row_id"),
                ("row", "peer_node", "reason", "missing", "received_at"),
            ),
            [
                (
                    t,
                    i,
                    _dumps(sealed_json.seal_pending_row(cipher, t, v["row"])),
                    peer,
                    v["reason"],
                    _dumps(v["missing"]),
                    at,
                )
                for (t, i), v in sorted(waiting.items())
            ],
        )
