"""Change capture: every row the peer has not acknowledged and may receive.

A peer's cursor is the highest of our change sequence numbers it has durably applied (in
our current replica epoch; after a restore from backup the cursor counts as zero). Rows go
if they changed after the cursor, belong to the peer's scope (a post receives its own unit's
records and the shared catalogues), and are not copies of what the peer itself sent us.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from antt_desktop.store import field_crypto
from antt_desktop.store.models import SyncPeer
from antt_desktop.sync import extras, rows, transfer_capture
from antt_desktop.sync.identity import Identity
from antt_desktop.sync.tables import SyncTable, synced_tables


@dataclass(frozen=True)
class Window:
    """Which of our changes an export to one peer covers."""

    cursor: int  # exclusive
    upto: int  # inclusive
    baseline: int  # changes made by setting up this node


def cursor_of(peer: SyncPeer, me: Identity) -> int:
    return peer.acked_seq if peer.acked_epoch == me.replica_id else 0


def _where(
    t: SyncTable, me: Identity, peer: SyncPeer, window: Window
) -> tuple[str, dict[str, Any]]:
    clauses = ["local_seq > :cursor", "local_seq <= :upto"]
    params: dict[str, Any] = {
        "cursor": window.cursor,
        "upto": window.upto,
        "peer": peer.node_id,
        "baseline": window.baseline,
        "own": me.unit_id,
        "unit": peer.unit_id or "",
    }
    scope = t.scope()
    if peer.relation == "downstream" and peer.role == "post" and scope is not None:
        if t.name == "dossier_transfers":
            clauses.append("(to_unit_id = :unit OR from_unit_id = :unit)")
        else:
            clauses.append(f"{scope} = :unit")
    if t.upper_written and peer.relation == "upstream":
        # what setting up this node wrote (catalogues, the upper unit's row) is not news
        # to the unit above, which holds its own copy
        own = " OR id = :own" if t.name == "units" else ""
        clauses.append(f"(local_seq > :baseline{own})")
    clauses.append(
        "NOT EXISTS (SELECT 1 FROM sync_echo e WHERE e.peer_node = :peer"
        f" AND {t.name}.local_seq BETWEEN e.seq_from AND e.seq_to)"
    )
    return " AND ".join(clauses), params


def capture(
    conn: Connection, me: Identity, peer: SyncPeer, window: Window
) -> dict[str, list[dict[str, Any]]]:
    """Rows to send, table by table (parents first), in travelling form without local_seq."""
    field_crypto.require_cipher(conn)  # rows travel plain: opened with the fields key
    out: dict[str, list[dict[str, Any]]] = {}
    for t in synced_tables():
        where, params = _where(t, me, peer, window)
        found: list[dict[str, Any]] = list(rows.iterate_encoded(conn, t, where, params))
        if found:
            out[t.name] = found
    if peer.relation == "downstream" and peer.role == "post":
        transfer_capture.add_transferred(conn, out, peer.node_id, window.cursor, window.upto)
    for name, batch in out.items():
        extras.unfold(conn, name, batch)
    return out


def unacknowledged(conn: Connection, me: Identity, peer: SyncPeer, upto: int, baseline: int) -> int:
    """How many rows an export to ``peer`` would carry now."""
    window = Window(cursor_of(peer, me), upto, baseline)
    total = 0
    for t in synced_tables():
        where, params = _where(t, me, peer, window)
        total += conn.exec_driver_sql(
            f"SELECT count(*) FROM {t.name} WHERE {where}", params
        ).scalar_one()
    return total
