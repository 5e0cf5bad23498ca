"""``antt sync export``: everything a peer has not acknowledged, plus our acknowledgements.

The bundle is written in the data folder first, then copied to the stick (``.part``, flush,
rename, read back). Only after that is the export logged; nothing that decides what the
peer receives next time moves, so a lost stick costs only a new export.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete

from antt_desktop.store import audit
from antt_desktop.store.database import Database
from antt_desktop.store.models import LocalNode, SyncBundle, SyncEcho, SyncIdentity, SyncPeer
from antt_desktop.sync import (
    attachments,
    audit_head,
    bundle,
    capture,
    conflict_store,
    container,
    identity,
    proposals,
    stick,
)
from antt_desktop.sync.canonical import now_iso
from antt_desktop.sync.errors import SyncProblem
from antt_desktop.sync.rights import UPSTREAM_ROLES
from antt_desktop.sync.roster import find_peer

DEFAULT_VOLUME_BYTES = 512 * 1024 * 1024
Progress = Callable[[str, int, int], bool]


@dataclass
class ExportResult:
    peer_unit: str
    seq: int
    files: list[Path] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    bytes: int = 0

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    def to_dict(self) -> dict[str, object]:
        return {
            "peer_unit": self.peer_unit,
            "seq": self.seq,
            "files": [str(f) for f in self.files],
            "rows": self.rows,
            "total": self.total,
            "bytes": self.bytes,
        }


def outbox(db: Database) -> Path:
    return db.path.parent / "outbox"


def export(
    db: Database,
    peer_ref: str,
    out_dir: Path,
    *,
    actor: str = "system",
    volume_bytes: int = DEFAULT_VOLUME_BYTES,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the bundle(s) for ``peer_ref`` (node id or unit code) into ``out_dir``."""
    with db.write() as session:
        identity.ensure(session)
    with db.read() as session:
        me = identity.load(session)
        peer = find_peer(session, peer_ref)
        if peer.status != "active":
            raise SyncProblem("sync.peer.revoked", unit=peer.unit_name)
        node = session.get(LocalNode, 1)
        ident = session.get(SyncIdentity, 1)
        assert node is not None and ident is not None
        window = capture.Window(capture.cursor_of(peer, me), node.seq, ident.baseline_seq)
        if progress is not None:
            progress("capture", 0, 3)
        records = capture.capture(session.connection(), me, peer, window)
        shown = conflict_store.outgoing(session.connection(), records)
        if shown:
            records[conflict_store.CONFLICTS] = shown
        if me.role in UPSTREAM_ROLES:  # who proposed the changes of posts' records
            authors = proposals.outgoing_authors(session.connection(), records, me.node_id)
            if authors:
                records[proposals.AUTHORS] = authors
        photos = attachments.photos_of(records)
        files = attachments.read_all(session, set(photos.values()))
        common = {
            "sender": me.node_id,
            "recipient": peer.node_id,
            "epoch": me.replica_id,
            "range": [window.cursor, window.upto],
            "acks": {
                "applied_seq": peer.applied_seq,
                "applied_epoch": peer.applied_epoch,
                "in_seq": peer.in_seq,
            },
            "roster_version": ident.roster_version,
            "sender_role": me.role,
        }
        seq = peer.out_seq + 1
        head_fields = audit_head.header_fields(session, peer)
        peer_node, peer_unit, recipient_key = peer.node_id, peer.unit_name, peer.age_recipient
        today = datetime.now().date()
    # a reader refuses a volume whose records unpack to more (payload.MAX_VOLUME_RECORDS)
    volumes = bundle.split(records, files, photos, min(volume_bytes, DEFAULT_VOLUME_BYTES))
    export_id = str(uuid.uuid4())
    result = ExportResult(peer_unit, seq)
    folder = outbox(db)
    folder.mkdir(parents=True, exist_ok=True)
    local: list[tuple[Path, dict[str, object], int]] = []
    for number, volume in enumerate(volumes, start=1):
        header = bundle.new_header(me.node_id, peer_node, seq, export_id, number, len(volumes))
        header.update(head_fields)  # signed with the rest of the header
        body, lines = bundle.manifest(volume, {**common, **header})
        name = container.bundle_name(
            me.unit_code, me.unit_name, peer_unit, seq, today, number, len(volumes)
        )
        path = folder / name
        bundle.write_volume(path, me, recipient_key, header, body, lines, volume.attachments)
        local.append((path, header, volume.rows))
        for table, batch in volume.records.items():
            result.rows[table] = result.rows.get(table, 0) + len(batch)
        if progress is not None:
            progress("write", number, len(volumes))
    for path, _header, _rows in local:
        result.files.append(stick.copy_verified(path, out_dir))
        result.bytes += path.stat().st_size
    with db.write() as session:
        for path, header, count in local:
            session.add(
                SyncBundle(
                    bundle_id=header["bundle_id"],
                    direction="out",
                    peer_node=peer_node,
                    seq=seq,
                    export_id=export_id,
                    volume=header["volume"],
                    volumes=header["volumes"],
                    from_seq=window.cursor,
                    to_seq=window.upto,
                    rows=count,
                    file_name=path.name,
                    at=now_iso(),
                )
            )
        stored = session.get(SyncPeer, peer_node)
        assert stored is not None
        stored.out_seq = max(stored.out_seq, seq)
        stored.last_export_at = now_iso()
        session.execute(
            delete(SyncEcho).where(
                SyncEcho.peer_node == peer_node, SyncEcho.seq_to <= window.cursor
            )
        )
        audit.append(
            session,
            actor,
            "sync_export",
            "unit",
            stored.unit_id,
            [],
            f"bundle {seq} to {stored.unit_code}: {result.total} rows",
        )
    for path, _header, _rows in local:
        path.unlink(missing_ok=True)
    return result
