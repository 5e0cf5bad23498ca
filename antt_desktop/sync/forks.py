"""Two corrections of one assessment made on two nodes before either saw the other's (a
fork): both rows are kept (append-only, merged as a union), one is current by the rule of
:func:`~antt_desktop.services.dossier_summary.version_rank` on every node, and a conflict of
kind ``fork`` shows both texts until an officer chooses (``conflicts.resolve``).

The conflict is found again by every node that holds both rows, with the same id, so it
needs no travelling; it closes on every node when the correction that settles it arrives
(a new version superseding the chosen one and naming the other in ``settles_id``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from antt_desktop.services.dossier_summary import VersionTree, version_trees
from antt_desktop.store.base import natural_id
from antt_desktop.sync import rows
from antt_desktop.sync.canonical import now_iso
from antt_desktop.sync.merge import Conflict, stamp_of
from antt_desktop.sync.tables import by_name

TABLE = "assessments"
KIND = "fork"
FIELD = "content"
#: What a conflict shows of each version.
SHOWN = ("id", "period", "written_on", "author", "content", "rating", "next_steps")


@dataclass(frozen=True)
class _Version:
    id: str
    written_on: str
    supersedes_id: str | None
    settles_id: str | None
    row: dict[str, Any]


def conflict_id(root_id: str, current_id: str, other_id: str) -> str:
    """The same fork found on two nodes has the same id."""
    return natural_id("sync_conflicts", TABLE, root_id, KIND, current_id, other_id)


def shown(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in SHOWN}


def _trees(conn: Connection, dossier_ids: set[str]) -> list[VersionTree[_Version]]:
    """The version trees of these dossiers' live assessments. Only the columns the trees
    are drawn from are read (a whole row opens its sealed text); the rows a fork shows are
    read afterwards, for the trees that have one (:func:`_with_rows`)."""
    if not dossier_ids:
        return []
    wanted = sorted(dossier_ids)
    versions: dict[str, list[_Version]] = {}
    for start in range(0, len(wanted), rows.BATCH):
        chunk = wanted[start : start + rows.BATCH]
        for ident, dossier, written_on, supersedes, settles in conn.exec_driver_sql(
            f"SELECT id, dossier_id, written_on, supersedes_id, settles_id FROM {TABLE}"
            f" WHERE deleted = 0 AND dossier_id IN ({','.join('?' * len(chunk))})",
            tuple(chunk),
        ):
            versions.setdefault(dossier, []).append(
                _Version(ident, str(written_on), supersedes, settles, {})
            )
    return [t for group in versions.values() for t in version_trees(group)]


def _with_rows(conn: Connection, trees: list[VersionTree[_Version]]) -> None:
    """Fill in the whole rows of the versions a fork shows (its current one and the others)."""
    shown_ids = {v.id for t in trees for v in (t.current, *t.forks)}
    stored = rows.fetch(conn, by_name()[TABLE], sorted(shown_ids))
    for t in trees:
        for v in (t.current, *t.forks):
            v.row.update(stored[v.id])


def refresh(conn: Connection, merged: list[dict[str, Any]], peer: str) -> int:
    """After assessments were written: record the forks among their dossiers' versions and
    close those no longer open (settled, or a better version arrived). Returns how many new
    conflicts were recorded."""
    dossier_ids = {str(r["dossier_id"]) for r in merged if r.get("dossier_id")}
    trees = _trees(conn, dossier_ids)
    _with_rows(conn, [t for t in trees if t.forks])
    found: dict[str, tuple[str, Conflict]] = {}
    for t in trees:
        for other in t.forks:
            found[conflict_id(t.root.id, t.current.id, other.id)] = (
                t.root.id,
                Conflict(
                    FIELD,
                    KIND,
                    shown(t.current.row),
                    stamp_of(t.current.row, FIELD),
                    shown(other.row),
                    stamp_of(other.row, FIELD),
                ),
            )
    roots = sorted({t.root.id for t in trees})
    open_ids: set[str] = set()
    for start in range(0, len(roots), rows.BATCH):
        chunk = roots[start : start + rows.BATCH]
        open_ids.update(
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT id FROM sync_conflicts WHERE status = 'open' AND kind = ?"
                f" AND table_name = ? AND row_id IN ({','.join('?' * len(chunk))})",
                (KIND, TABLE, *chunk),
            )
        )
    closed = sorted(open_ids - set(found))
    if closed:
        conn.exec_driver_sql(
            "UPDATE sync_conflicts SET status = 'superseded', resolved_at = ? WHERE id = ?",
            [(now_iso(), cid) for cid in closed],
        )
    known = {
        r[0]
        for cid in found
        for r in conn.exec_driver_sql("SELECT id FROM sync_conflicts WHERE id = ?", (cid,))
    }
    new = {cid: item for cid, item in found.items() if cid not in known}
    if new:
        at = now_iso()
        conn.exec_driver_sql(
            "INSERT INTO sync_conflicts (id, table_name, row_id, field, kind, status,"
            " kept_value, kept_stamp, other_value, other_stamp, peer_node, detected_at)"
            " VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)",
            [
                (
                    cid,
                    TABLE,
                    root_id,
                    c.field,
                    c.kind,
                    _dumps(c.kept_value),
                    _dumps(c.kept_stamp),
                    _dumps(c.other_value),
                    _dumps(c.other_stamp),
                    peer,
                    at,
                )
                for cid, (root_id, c) in new.items()
            ],
        )
    return len(new)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
