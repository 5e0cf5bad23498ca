"""Which stored rows belong to a post's unit (SYNC.md "Ownership": the records of a post's
unit are written by that post).

An upper unit may hold its own copy of such a record when it wrote it directly, before it
had the post's (a household's pledge of a year: both sides make the same id). The post's
writes of it are still the owner's writes: merged, with conflicts shown, never refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection

from antt_desktop.sync.merge import Merged, stamp_of
from antt_desktop.sync.tables import SyncTable

BATCH = 500


def of_unit(conn: Connection, t: SyncTable, ids: Iterable[str], unit_id: str | None) -> set[str]:
    """The ids among ``ids`` of rows stored here that belong to ``unit_id``."""
    scope = t.scope()
    wanted = list(ids)
    if scope is None or not unit_id or not wanted:
        return set()
    found: set[str] = set()
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start : start + BATCH]
        marks = ", ".join(f":i{i}" for i in range(len(chunk)))
        params: dict[str, str] = {f"i{i}": v for i, v in enumerate(chunk)}
        params["unit"] = unit_id
        found.update(
            conn.exec_driver_sql(
                f"SELECT id FROM {t.name} WHERE id IN ({marks}) AND {scope} = :unit", params
            ).scalars()
        )
    return found


def owned_by_post(
    t: SyncTable,
    m: Merged,
    local: dict[str, Any],
    incoming: dict[str, Any],
    post_node: str,
    upstream: str,
) -> None:
    """Keep the post as the owner of a record of its unit that it and the unit above it
    (node ``upstream``) both wrote.

    Which node owns the record is no value for a person to choose: the post it is, with
    its stamp, on every node alike (no conflict). A record moved to another post (a
    transfer) is no such case and merges as usual.
    """
    if {local.get("owner_node"), incoming.get("owner_node")} != {post_node, upstream}:
        return
    m.conflicts = [c for c in m.conflicts if c.field != "owner_node"]
    if m.row.get("owner_node") == post_node:
        return
    source = next((r for r in (local, incoming) if r.get("owner_node") == post_node), None)
    if source is None:
        return
    stamp = stamp_of(source, "owner_node")
    stamps = {**m.row["field_stamps"], "owner_node": stamp}
    if stamp == list(m.row["created_stamp"]):
        del stamps["owner_node"]
    m.row["owner_node"] = post_node
    m.row["field_stamps"] = dict(sorted(stamps.items()))
    m.taken = [f for f in m.taken if f != "owner_node"] + (
        ["owner_node"] if source is incoming else []
    )

    def same(other: dict[str, Any]) -> bool:
        return list(m.row["created_stamp"]) == list(other["created_stamp"]) and all(
            m.row.get(n) == other.get(n) and stamp_of(m.row, n) == stamp_of(other, n)
            for n in t.merge_fields
        )

    m.changed = not same(local)
    m.equals_incoming = same(incoming) and m.row["version_vector"] == dict(
        incoming["version_vector"]
    )
