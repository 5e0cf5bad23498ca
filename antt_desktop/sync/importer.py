"""``antt sync import``: the import steps of SYNC.md.

1. Read the header; check the sender is enrolled and not revoked, the signature, and that
   this node is the recipient. A bundle already imported is a no-op that says so.
2. Check the payload's size and hash, decrypt it as a stream (age finds truncation). Rows
   this node already holds byte for byte (the same rows sent again after a lost
   acknowledgement) are found by primary key in batches as each table is read, in one read
   snapshot, and never decoded or merged: they count as unchanged. If anything was written
   here between that snapshot and the import's transaction, they are merged as usual.
3. Check the whole payload (manifest, counts, hashes, every row) before any write.
4. Check every photo again (hash, size, decodes as a picture).
5. One ``BEGIN IMMEDIATE`` transaction: merge the rows, record the bundle and the
   acknowledgements, keep the photos, commit. A dry run does all of it and rolls back.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from antt_desktop.store import audit
from antt_desktop.store import photos as photo_store
from antt_desktop.store.database import SCHEMA_HEAD, Database
from antt_desktop.store.models import (
    LocalNode,
    SyncBundle,
    SyncEcho,
    SyncPeer,
    SyncTableDigest,
)
from antt_desktop.sync import (
    attachments,
    audit_head,
    bundle,
    container,
    identity,
    payload,
    proposals,
    rows,
)
from antt_desktop.sync.apply import apply
from antt_desktop.sync.canonical import now_iso
from antt_desktop.sync.errors import BundleRefused, SyncProblem
from antt_desktop.sync.report import ImportReport
from antt_desktop.sync.rights import Receiver, Sender
from antt_desktop.sync.tables import by_name

Progress = Callable[[str, int, int], bool]
#: a peer's earlier epochs remembered (one per restore from a backup)
RETIRED_KEPT = 50


class _DryRun(Exception):
    """Raised at the end of a dry run so the transaction rolls back."""


def _peer_checks(
    session: Session, header: container.Header, name: str
) -> tuple[identity.Identity, SyncPeer]:
    me = identity.load(session)
    peer = session.get(SyncPeer, header["sender"])
    if peer is None:
        raise BundleRefused("unknown_sender", file=name, sender=header["sender"])
    container.check_signature(header, peer.sign_public, name)
    if peer.status != "active":
        raise BundleRefused(
            "revoked_sender", file=name, unit=peer.unit_name, at=peer.revoked_at or ""
        )
    if header["recipient"] != me.node_id:
        raise BundleRefused(
            "wrong_recipient", file=name, recipient=header["recipient"], node=me.node_id
        )
    return me, peer


def _check_manifest(manifest: dict[str, Any], header: container.Header, name: str) -> None:
    for key in ("bundle_id", "export_id", "sender", "recipient", "seq", "volume", "volumes"):
        if manifest.get(key) != header[key]:
            raise BundleRefused("invalid", file=name, detail=f"the manifest disagrees on {key}")
    needed = manifest.get("min_reader_schema")
    if not isinstance(needed, str) or needed > SCHEMA_HEAD:
        raise BundleRefused("newer_schema", file=name, schema=str(needed), ours=SCHEMA_HEAD)
    rng = manifest.get("range")
    if not (isinstance(rng, list) and len(rng) == 2 and all(isinstance(v, int) for v in rng)):
        raise BundleRefused("invalid", file=name, detail="the manifest has no change range")
    if not isinstance(manifest.get("epoch"), str) or not isinstance(manifest.get("acks"), dict):
        raise BundleRefused("invalid", file=name, detail="the manifest has no acknowledgements")
    if manifest.get("sanity", {}).get("rows") != sum(
        t["count"] for t in manifest["tables"].values()
    ):
        raise BundleRefused("invalid", file=name, detail="row totals disagree")


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector held off while a bundle is read and merged: the tens of
    thousands of rows it parses would have it walk them again and again as they grow (7 %
    of a commune's import); what it would free is freed by the next collection after."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def import_bundle(
    db: Database,
    path: Path,
    *,
    dry_run: bool = False,
    actor: str = "system",
    progress: Progress | None = None,
    now_ms: Callable[[], int] | None = None,
) -> ImportReport:
    """Import one bundle file (one volume); returns the per-table report.

    Raises:
        BundleRefused: the file is not accepted; nothing was written.
    """
    with _collector_paused():
        return _import(db, path, dry_run, actor, progress, now_ms)


def _import(
    db: Database,
    path: Path,
    dry_run: bool,
    actor: str,
    progress: Progress | None,
    now_ms: Callable[[], int] | None,
) -> ImportReport:
    path = Path(path)
    name = path.name
    report = ImportReport(file=name, dry_run=dry_run)
    if not path.is_file():
        raise SyncProblem("sync.file.missing", path=str(path))
    if path.stat().st_size > container.MAX_BUNDLE_BYTES:
        raise BundleRefused("file_too_large", file=name, max=container.MAX_BUNDLE_GB)
    with path.open("rb") as fh:
        header = container.read_header(fh, name)
        with db.write() as session:
            me, peer = _peer_checks(session, header, name)
            sender = Sender(peer.node_id, peer.role, peer.unit_id, peer.unit_name)
            report.bundle_id, report.seq = header["bundle_id"], header["seq"]
            report.sender, report.sender_unit = peer.node_id, peer.unit_name
            report.volume, report.volumes = header["volume"], header["volumes"]
            # nothing from a peer that never sent a bundle is looked for here as held (a
            # new post's rows are all new; any row held all the same is merged as usual)
            compare = peer.last_import_at is not None
        # a damaged copy of a bundle imported before says so, not "already imported"
        container.check_payload(fh, header, name)
        with db.read() as session:
            if session.get(SyncBundle, header["bundle_id"]) is not None:
                report.already_imported = True
                return report
            # rows this node holds exactly (the same rows sent again) are compared by
            # primary key in batches while the payload is read, and never decoded
            conn = session.connection()
            held_at = _change_seq(conn)
            known = _known_tables(session, sender.node_id)
            content = bundle.decrypt(
                fh, header, me, name, _held_by(conn) if compare else None, known
            )
    _check_manifest(content.manifest, header, name)
    sender = dataclasses.replace(
        sender,
        replicas=frozenset(
            {content.manifest["epoch"], *(peer.retired_epochs or [])}
            | ({peer.applied_epoch} if peer.applied_epoch else set())
        ),
    )
    photos = attachments.check_all(content.attachments, name)
    try:
        with db.write() as session:
            if session.get(SyncBundle, header["bundle_id"]) is not None:
                report.already_imported = True
                return report
            stored = attachments.store(session, photos)
            report.attachments = 0 if dry_run else stored
            conn = session.connection()
            if content.held and _change_seq(conn) != held_at:
                content.parse_held()  # written to since the comparison: merged as usual
            clock = now_ms or db.wall
            receiver = Receiver(me.role, me.unit_id, me.node_id)
            replaced = photo_store.replaced_by(session, _held_here(conn, content.records))
            for table, lines in content.held.items():
                report.table(table).unchanged += len(lines)
            for table, count in content.known.items():
                report.table(table).unchanged += count
            applied = apply(conn, content.records, sender, receiver, report, clock(), progress)
            _remember_tables(session, sender.node_id, content.manifest, report)
            for sha in replaced:  # a photo the sender replaced or removed is not kept here
                photo_store.forget_unused(session, sha)
            _record(
                session, me, header, content.manifest, report, applied.echo_from, applied.echo_to
            )
            for obj in list(session.identity_map.values()):
                if isinstance(obj, LocalNode):
                    session.expire(obj)
            proposals.take(
                session,
                applied.arrived,
                unit_id=me.unit_id,
                proposer_node=peer.node_id,
                proposer_unit=peer.unit_name,
                bundle_id=header["bundle_id"],
                report=report,
            )
            totals = report.totals()
            audit.append(
                session,
                actor,
                "sync_import",
                "unit",
                peer.unit_id,
                [],
                f"bundle {header['seq']} from {peer.unit_code}: {totals.new} new,"
                f" {totals.updated} updated, {totals.refused} refused, {totals.pending} waiting",
            )
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    except OperationalError as exc:
        if "full" in str(exc.orig):
            raise BundleRefused("disk_full", file=name) from exc
        raise
    except IntegrityError as exc:
        raise BundleRefused("database", file=name, detail=str(exc.orig)[:200]) from exc
    if not dry_run:  # a new post's first bundle: the server plans with its rows from now on
        db.refresh_statistics({t: r.new + r.updated for t, r in report.tables.items()})
    return report


def _held_here(conn: Connection, records: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The incoming people this node holds already: only their photos can be replaced (a
    new post's residents are all new, and are not looked up one by one)."""
    people = [
        p for p in records.get("persons", []) if "photo_sha256" in p and type(p.get("id")) is str
    ]  # (a row with any other id is refused by the checks, and nothing is written)
    held = rows.existing(conn, "persons", "id", (p["id"] for p in people))
    return [p for p in people if p["id"] in held]


def _known_tables(session: Session, peer_node: str) -> payload.Known | None:
    """Which tables, by row count and digest, this node merged from ``peer_node`` exactly
    so, every row of them (:class:`SyncTableDigest`); None when none."""
    merged = {
        d.table_name: (d.rows, d.sha256)
        for d in session.scalars(
            select(SyncTableDigest).where(SyncTableDigest.peer_node == peer_node)
        )
    }
    if not merged:
        return None
    return lambda table, rows, sha256: merged.get(table) == (rows, sha256)


def _remember_tables(
    session: Session, peer_node: str, manifest: dict[str, Any], report: ImportReport
) -> None:
    """Keep each table's count and digest when every one of its rows was merged here
    (none refused, none waiting for a parent): the same rows sent again are known at once.
    A table with a row refused or waiting is compared again the next time (and forgotten)."""
    synced = by_name()
    for table, entry in manifest["tables"].items():
        if table not in synced:
            continue
        done = report.table(table)
        kept = session.get(SyncTableDigest, (peer_node, table))
        if done.refused or done.pending:
            if kept is not None:
                session.delete(kept)
            continue
        if kept is None:
            kept = SyncTableDigest(peer_node=peer_node, table_name=table)
            session.add(kept)
        kept.rows, kept.sha256, kept.at = entry["count"], entry["sha256"], now_iso()


def _change_seq(conn: Connection) -> int:
    """This node's change sequence: every write of a synced row moves it on."""
    return int(conn.exec_driver_sql("SELECT seq FROM local_node WHERE singleton = 1").scalar_one())


def _held_by(conn: Connection) -> payload.Held:
    tables = by_name()

    def held(table: str, lines: list[bytes]) -> set[int]:
        t = tables.get(table)
        return rows.held_lines(conn, t, lines) if t is not None else set()

    return held


def _record(
    session: Session,
    me: identity.Identity,
    header: container.Header,
    manifest: dict[str, Any],
    report: ImportReport,
    echo_from: int,
    echo_to: int,
) -> None:
    """Log the bundle and move the acknowledgement state (SYNC.md "Acknowledgements")."""
    peer = session.get(SyncPeer, header["sender"])
    assert peer is not None
    seq = header["seq"]
    epoch = manifest["epoch"]
    newer = seq > peer.in_seq or epoch not in (peer.applied_epoch, *(peer.retired_epochs or []))
    audit_head.take(session, peer, header, report, newer=newer)
    if epoch in (peer.retired_epochs or []):
        # written before the peer was restored from a backup: its rows were merged like any
        # others, but what it says about either side's holdings is no longer true
        report.warn("sync.warning.before_restore", unit=peer.unit_name)
        peer.last_import_at = now_iso()
        return
    if epoch != peer.applied_epoch:
        # a new replica epoch: the peer was restored from a backup (or this is its first
        # bundle); its numbering starts again and it may lack what it had sent us
        if peer.applied_epoch is not None:
            report.warn("sync.warning.peer_restored", unit=peer.unit_name)
            retired = [e for e in peer.retired_epochs or [] if e != peer.applied_epoch]
            peer.retired_epochs = [*retired, peer.applied_epoch][-RETIRED_KEPT:]
        peer.applied_seq, peer.applied_epoch = 0, epoch
        peer.in_seq = peer.ack_bundle_seq = 0
        session.execute(delete(SyncEcho).where(SyncEcho.peer_node == peer.node_id))
        session.execute(
            delete(SyncBundle).where(
                SyncBundle.peer_node == peer.node_id, SyncBundle.direction == "in"
            )
        )
    previous = set(
        session.execute(
            select(SyncBundle.seq).where(
                SyncBundle.peer_node == peer.node_id, SyncBundle.direction == "in"
            )
        ).scalars()
    )
    if seq in previous or seq < peer.in_seq:
        report.warn("sync.warning.old_bundle", seq=seq, newest=peer.in_seq)
    elif seq > peer.in_seq + 1:
        lost = [n for n in range(peer.in_seq + 1, seq) if n not in previous]
        if lost:
            report.warn("sync.warning.gap", missing=lost, unit=peer.unit_name)
    peer.in_seq = max(peer.in_seq, seq)
    acks = manifest["acks"]
    if seq > peer.ack_bundle_seq:
        acked = acks.get("applied_seq") if acks.get("applied_epoch") == me.replica_id else 0
        acked = acked if isinstance(acked, int) else 0
        if acked < peer.acked_seq:
            report.warn("sync.warning.ack_backwards", unit=peer.unit_name)
            session.execute(delete(SyncEcho).where(SyncEcho.peer_node == peer.node_id))
        peer.acked_seq, peer.acked_epoch, peer.ack_bundle_seq = acked, me.replica_id, seq
    session.add(
        SyncBundle(
            bundle_id=header["bundle_id"],
            direction="in",
            peer_node=peer.node_id,
            seq=seq,
            export_id=header["export_id"],
            volume=header["volume"],
            volumes=header["volumes"],
            from_seq=manifest["range"][0],
            to_seq=manifest["range"][1],
            rows=report.totals().total,
            file_name=report.file,
            at=now_iso(),
        )
    )
    session.flush()
    have = session.execute(
        select(func.count(func.distinct(SyncBundle.volume))).where(
            SyncBundle.export_id == header["export_id"], SyncBundle.direction == "in"
        )
    ).scalar_one()
    low, high = manifest["range"]
    if have < header["volumes"]:
        report.warn("sync.warning.volumes_missing", have=have, volumes=header["volumes"])
    elif low <= peer.applied_seq:
        peer.applied_seq = max(peer.applied_seq, high)
    if echo_to:
        session.add(SyncEcho(peer_node=peer.node_id, seq_from=echo_from, seq_to=echo_to))
    peer.last_import_at = now_iso()
    session.flush()
