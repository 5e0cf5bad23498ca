"""``antt sync status``: who this node exchanges with and how far each exchange has got."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antt_desktop.store.models import (
    LocalNode,
    SyncBundle,
    SyncConflict,
    SyncIdentity,
    SyncPeer,
    SyncPending,
    SyncProposal,
)
from antt_desktop.sync import audit_head, capture, identity


@dataclass
class PeerStatus:
    node_id: str
    unit_code: str
    unit_name: str
    role: str
    relation: str
    status: str
    fingerprint: str
    last_export_at: str | None
    last_import_at: str | None
    unacknowledged: int
    acked_seq: int
    applied_seq: int
    bundles_in: int
    missing_bundles: list[int] = field(default_factory=list)
    #: when this node wrote the newest export the peer has confirmed it holds
    acked_at: str | None = None
    #: entries in the peer's audit log at its latest bundle, and the kept warning that it
    #: went backwards or diverged (sync/audit_head.py)
    audit_entries: int | None = None
    audit_alert: dict[str, Any] | None = None


@dataclass
class SyncStatus:
    node_id: str
    fingerprint: str
    unit: str
    role: str
    seq: int
    upstream: str | None
    peers: list[PeerStatus]
    pending: int
    open_conflicts: int
    #: proposals from the upper unit this node has to decide
    proposals: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def missing_bundles(session: Session, peer: SyncPeer) -> list[int]:
    """Bundle numbers from ``peer`` that never arrived below the newest one."""
    seen = set(
        session.execute(
            select(SyncBundle.seq).where(
                SyncBundle.peer_node == peer.node_id, SyncBundle.direction == "in"
            )
        ).scalars()
    )
    return [n for n in range(1, peer.in_seq) if n not in seen]


def acked_at(session: Session, peer: SyncPeer, cursor: int) -> str | None:
    """When the newest export whose changes the peer confirmed was written."""
    if cursor <= 0:
        return None
    return session.execute(
        select(func.max(SyncBundle.at)).where(
            SyncBundle.peer_node == peer.node_id,
            SyncBundle.direction == "out",
            SyncBundle.to_seq <= cursor,
            SyncBundle.to_seq > 0,
        )
    ).scalar()


def status(session: Session) -> SyncStatus:
    me = identity.load(session)
    node = session.get(LocalNode, 1)
    ident = session.get(SyncIdentity, 1)
    assert node is not None and ident is not None
    conn = session.connection()
    peers = []
    for peer in session.execute(select(SyncPeer).order_by(SyncPeer.unit_code)).scalars():
        cursor = capture.cursor_of(peer, me)
        peers.append(
            PeerStatus(
                node_id=peer.node_id,
                unit_code=peer.unit_code,
                unit_name=peer.unit_name,
                role=peer.role,
                relation=peer.relation,
                status=peer.status,
                fingerprint=peer.fingerprint,
                last_export_at=peer.last_export_at,
                last_import_at=peer.last_import_at,
                unacknowledged=capture.unacknowledged(conn, me, peer, node.seq, ident.baseline_seq),
                acked_seq=cursor,
                applied_seq=peer.applied_seq,
                bundles_in=peer.in_seq,
                missing_bundles=missing_bundles(session, peer),
                acked_at=acked_at(session, peer, cursor),
                audit_entries=peer.audit_count,
                audit_alert=audit_head.alert(peer),
            )
        )
    return SyncStatus(
        node_id=me.node_id,
        fingerprint=me.fingerprint,
        unit=f"{me.unit_name} ({me.unit_code})",
        role=me.role,
        seq=node.seq,
        upstream=ident.upstream_node,
        peers=peers,
        pending=session.execute(select(func.count()).select_from(SyncPending)).scalar_one(),
        open_conflicts=session.execute(
            select(func.count()).select_from(SyncConflict).where(SyncConflict.status == "open")
        ).scalar_one(),
        proposals=session.execute(
            select(func.count())
            .select_from(SyncProposal)
            .where(SyncProposal.state == "pending", SyncProposal.owner_node == me.node_id)
        ).scalar_one(),
    )
