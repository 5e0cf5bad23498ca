"""The upper unit's edits of a post's own records arrive at the post as proposals
(đề nghị sửa từ cấp trên), never as writes (SYNC.md "Ownership").

At the post, a field of a record it owns that carries a write of the upper unit (or the
province, relayed) the post has not seen, with another value than the post's, is not
merged: the record keeps the post's value, and a :class:`~antt_desktop.store.models.
SyncProposal` keeps the value proposed and the value the post held. The post then writes
its own values again (same values, a new stamp that has seen the upper unit's), so the
upper unit takes the post's values back at the next exchange and both nodes hold the same
record whatever the officer later decides; the proposal row travels up with that write and
tells the upper unit what became of its edit.

What the upper unit writes directly is untouched: catalogues, units and transfer approvals
(``tables.UPPER_WRITTEN``, taken as they come), rows it adds itself (its assessments and
review remarks, evaluation scores, commendations: append-only or owned by it), and the
change of owner a transfer makes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from antt_desktop.store import field_crypto
from antt_desktop.store.base import natural_id
from antt_desktop.store.clock import physical_ms
from antt_desktop.store.models import SyncProposal
from antt_desktop.store.models.proposals import WITHHELD
from antt_desktop.sync import records
from antt_desktop.sync.canonical import now_iso
from antt_desktop.sync.merge import max_vector, seen, stamp_key, stamp_of
from antt_desktop.sync.report import ImportReport
from antt_desktop.sync.tables import SyncTable

TABLE = SyncProposal.__tablename__
#: Columns computed from others (a name's folded and sort forms): never proposed by
#: themselves, the service computes them again from what it is given.
DERIVED = {
    "persons": frozenset({"name_folded", "given_folded", "sort_key", "birth_year"}),
}
_NEVER = frozenset({"owner_node"})


@dataclass(frozen=True)
class Arrived:
    """One upper-unit edit of one record owned here, found while merging a bundle."""

    table: str
    row_id: str
    proposed: dict[str, Any]
    current: dict[str, Any]
    stamps: dict[str, list[Any]]
    vector: dict[str, int]
    author: str | None = None

    @property
    def proposal_id(self) -> str:
        """The same edit, however often it arrives, is one proposal."""
        marks = ",".join(f"{k}={self.stamps[k]}" for k in sorted(self.stamps))
        return natural_id(TABLE, self.table, self.row_id, marks)


def applies(t: SyncTable, local: dict[str, Any], merged: dict[str, Any], me_node: str) -> bool:
    """The row is a record of this post's that stays its own (not a catalogue, not a row
    the upper unit adds, not a proposal itself, not a transfer away)."""
    return (
        not t.upper_written
        and not t.append_only
        and t.name != TABLE
        and local.get("owner_node") == me_node
        and merged.get("owner_node") == me_node
    )


def fields_of(
    t: SyncTable, local: dict[str, Any], incoming: dict[str, Any], writers: frozenset[str]
) -> list[str]:
    """Fields holding a write of the sender (one of its replicas ``writers``) this node has
    not seen, with another value than here. Writes of others the sender relays (an old post's
    late edits after a transfer) merge as usual."""
    derived = DERIVED.get(t.name, frozenset())
    found = []
    for name in t.merge_fields:
        if name in _NEVER or name in derived or name not in incoming:
            continue
        if incoming.get(name) == local.get(name):
            continue
        stamp = stamp_of(incoming, name)
        if str(stamp[1]) not in writers or seen(local["version_vector"], stamp):
            continue
        found.append(name)
    return found


def arrived(
    t: SyncTable,
    local: dict[str, Any],
    incoming: dict[str, Any],
    names: list[str],
    author: str | None = None,
) -> Arrived:
    sealed = field_crypto.SEALED.get(t.name, ())

    def kept(row: dict[str, Any], name: str) -> Any:
        return dict(WITHHELD) if name in sealed else row.get(name)

    return Arrived(
        t.name,
        str(local["id"]),
        {n: kept(incoming, n) for n in names},
        {n: kept(local, n) for n in names},
        {n: list(stamp_of(incoming, n)) for n in names},
        {str(k): int(v) for k, v in (incoming.get("version_vector") or {}).items()},
        author,
    )


def _when(stamps: dict[str, list[Any]]) -> str:
    newest = max(stamps.values(), key=stamp_key)
    ms = physical_ms(int(newest[0]))
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="seconds")


def take(
    session: Session,
    found: list[Arrived],
    *,
    unit_id: str,
    proposer_node: str,
    proposer_unit: str,
    bundle_id: str,
    report: ImportReport,
) -> int:
    """Keep each edit as a proposal (once) and write the post's own values again over it.

    Runs in the import's transaction, after the merged rows are written; the store stamps
    the new rows and the rewritten fields. Returns how many proposals are new.
    """
    classes = records.classes()
    new = 0
    for item in found:
        if session.get(SyncProposal, item.proposal_id) is None:
            session.add(
                SyncProposal(
                    id=item.proposal_id,
                    unit_id=unit_id,
                    table_name=item.table,
                    row_id=item.row_id,
                    proposed=item.proposed,
                    current=item.current,
                    proposer_node=proposer_node,
                    proposer_unit=proposer_unit[:200],
                    proposed_by=item.author,
                    proposed_at=_when(item.stamps),
                    bundle_id=bundle_id,
                    received_at=now_iso(),
                    state="pending",
                )
            )
            new += 1
        obj = session.get(classes[item.table], item.row_id)
        if obj is None:  # cannot happen: the row was read in this transaction
            continue
        obj.version_vector = max_vector(obj.version_vector or {}, item.vector)
        for name in sorted(item.proposed):  # written again: a stamp that saw the proposal
            flag_modified(obj, name)
    session.flush()
    if found:
        report.proposals += len(found)
        report.warn("sync.warning.proposals", unit=proposer_unit, count=len(found))
    return new


#: The side list of a bundle from an upper unit naming who last changed each post record
#: it carries (the officer's name, from the upper unit's audit log).
AUTHORS = "sync_authors"


def outgoing_authors(
    conn: Connection, records_out: dict[str, list[dict[str, Any]]], me_node: str
) -> list[dict[str, str]]:
    """Who at this (upper) unit last changed each record of another node being sent."""
    found: list[dict[str, str]] = []
    for table, batch in records_out.items():
        entity = records.ENTITY.get(table)
        theirs = [r["id"] for r in batch if r.get("owner_node") not in (None, me_node)]
        if entity is None or not theirs:
            continue
        for start in range(0, len(theirs), 500):
            chunk = theirs[start : start + 500]
            rows = conn.exec_driver_sql(
                "SELECT a.entity_id, COALESCE(NULLIF(u.full_name, ''), a.actor)"
                " FROM audit_entries a LEFT JOIN users u ON u.username = a.actor"
                " WHERE a.action = 'edit' AND a.entity = ?"
                f" AND a.entity_id IN ({','.join('?' * len(chunk))})"
                " AND a.seq = (SELECT MAX(b.seq) FROM audit_entries b WHERE b.action = 'edit'"
                " AND b.entity = a.entity AND b.entity_id = a.entity_id)",
                (entity, *chunk),
            )
            found += [{"table": table, "id": str(i), "by": str(by)[:200]} for i, by in rows]
    return found


def author_map(items: list[Any]) -> dict[tuple[str, str], str]:
    """The sender's side list read defensively: (table, id) -> name."""
    out: dict[tuple[str, str], str] = {}
    for item in items:
        if isinstance(item, dict) and all(
            isinstance(item.get(k), str) for k in ("table", "id", "by")
        ):
            out[(item["table"], item["id"])] = item["by"][:200]
    return out
