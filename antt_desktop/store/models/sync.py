"""Sync state of this node (SYNC.md): its keys, its peers, the bundle log, conflicts waiting
for a person, rows waiting for a parent, fields a newer version sent, and dossier transfers
(the one synced table here).

Everything but :class:`DossierTransfer` is local to the installation and never travels.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from antt_desktop.store.base import Base, Synced


class SyncIdentity(Base):
    """This node's sync keys (one row). Private keys live here, under the database key."""

    __tablename__ = "sync_identity"
    __table_args__ = (CheckConstraint("singleton = 1", name="one_row"),)

    singleton: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    node_id: Mapped[str] = mapped_column(String(36), nullable=False)
    sign_private: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    sign_public: Mapped[str] = mapped_column(String(64), nullable=False)
    age_identity: Mapped[str] = mapped_column(Text, nullable=False)
    age_recipient: Mapped[str] = mapped_column(String(100), nullable=False)
    created_at: Mapped[str] = mapped_column(String(32), nullable=False)
    #: changes up to this sequence number were made by setting up the node (catalogues)
    baseline_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    #: the node whose rosters this node trusts (its upper unit), once confirmed
    upstream_node: Mapped[str | None] = mapped_column(String(36))
    roster_version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    roster: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class SyncPeer(Base):
    """A node this one exchanges bundles with, and how far each side has got."""

    __tablename__ = "sync_peers"
    __table_args__ = (
        CheckConstraint("role IN ('post','upper','province')", name="role"),
        CheckConstraint("relation IN ('downstream','upstream')", name="relation"),
        CheckConstraint("status IN ('active','revoked')", name="status"),
    )

    node_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_id: Mapped[str | None] = mapped_column(String(36))
    unit_code: Mapped[str] = mapped_column(String(16), nullable=False)
    unit_name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = mapped_column(String(8), nullable=False)
    relation: Mapped[str] = mapped_column(String(10), nullable=False)
    sign_public: Mapped[str] = mapped_column(String(64), nullable=False)
    age_recipient: Mapped[str] = mapped_column(String(100), nullable=False)
    fingerprint: Mapped[str] = mapped_column(String(64), nullable=False)
    status: Mapped[str] = mapped_column(String(8), nullable=False, default="active")
    enrolled_at: Mapped[str] = mapped_column(String(32), nullable=False)
    revoked_at: Mapped[str | None] = mapped_column(String(32))
    #: highest of *our* change sequence numbers the peer has durably applied, in our epoch
    acked_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    acked_epoch: Mapped[str | None] = mapped_column(String(36))
    #: sequence number of the peer's bundle whose acknowledgements we took last
    ack_bundle_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    #: highest of the *peer's* change sequence numbers applied here, in the peer's epoch
    applied_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    applied_epoch: Mapped[str | None] = mapped_column(String(36))
    #: the peer's earlier epochs (before its restores): their bundles move no sync state
    retired_epochs: Mapped[list[str] | None] = mapped_column(JSON)
    out_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    in_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_export_at: Mapped[str | None] = mapped_column(String(32))
    last_import_at: Mapped[str | None] = mapped_column(String(32))
    #: the peer's audit head (entries, last hash) in its latest bundle (store/audit.py)
    audit_count: Mapped[int | None] = mapped_column(Integer)
    audit_hash: Mapped[str | None] = mapped_column(String(64))
    #: the latest head that went backwards or diverged: ``"<old count> <new count> <at>"``
    audit_alert: Mapped[str | None] = mapped_column(Text)
    #: the head of *our* log the peer acknowledged receiving
    audit_acked_count: Mapped[int | None] = mapped_column(Integer)
    audit_acked_hash: Mapped[str | None] = mapped_column(String(64))


class SyncBundle(Base):
    """One bundle file (one volume) written for, or imported from, a peer."""

    __tablename__ = "sync_bundles"
    __table_args__ = (
        CheckConstraint("direction IN ('in','out')", name="direction"),
        Index("ix_sync_bundles_peer", "peer_node", "direction", "seq"),
    )

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3), nullable=False)
    peer_node: Mapped[str] = mapped_column(String(36), nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    export_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    volume: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    volumes: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    from_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    to_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rows: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    file_name: Mapped[str] = mapped_column(String(200), nullable=False)
    at: Mapped[str] = mapped_column(String(32), nullable=False)


class SyncTableDigest(Base):
    """A table's rows as a peer last sent them, named by their count and digest (the
    manifest's), when every one of them was merged here (none refused, none waiting for a
    parent): the same rows sent again (a lost acknowledgement, a file exported twice) are
    then known at once and not read again."""

    __tablename__ = "sync_table_digests"

    peer_node: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    rows: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    at: Mapped[str] = mapped_column(String(32), nullable=False)


class SyncEcho(Base):
    """A range of our sequence numbers that holds rows exactly as a peer sent them: the
    peer has them already, so exports to it skip the range."""

    __tablename__ = "sync_echo"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    peer_node: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    seq_from: Mapped[int] = mapped_column(Integer, nullable=False)
    seq_to: Mapped[int] = mapped_column(Integer, nullable=False)


class SyncConflict(Base):
    """Two nodes changed the same thing without seeing each other's change.

    ``kept`` is the provisional winner (the same on every node), ``other`` the value set
    aside; a person resolves it with a new write that syncs like any other.
    """

    __tablename__ = "sync_conflicts"
    __table_args__ = (
        CheckConstraint("kind IN ('field','delete','late_edit','duplicate','fork')", name="kind"),
        CheckConstraint("status IN ('open','resolved','superseded')", name="status"),
        Index("ix_sync_conflicts_row", "table_name", "row_id", "status"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40), nullable=False)
    row_id: Mapped[str] = mapped_column(String(36), nullable=False)
    field: Mapped[str] = mapped_column(String(60), nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False, default="field")
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="open")
    kept_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    kept_stamp: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    other_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    other_stamp: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    peer_node: Mapped[str | None] = mapped_column(String(36))
    detected_at: Mapped[str] = mapped_column(String(32), nullable=False)
    resolved_at: Mapped[str | None] = mapped_column(String(32))
    resolved_by: Mapped[str | None] = mapped_column(String(64))


class SyncPending(Base):
    """A received row whose parent record has not arrived yet (retried on every import)."""

    __tablename__ = "sync_pending"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    row: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    peer_node: Mapped[str] = mapped_column(String(36), nullable=False)
    reason: Mapped[str] = mapped_column(String(16), nullable=False, default="parent")
    missing: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    received_at: Mapped[str] = mapped_column(String(32), nullable=False)


class SyncExtra(Base):
    """Fields of a received row that this version does not know (a newer minor version sent
    them): kept here and relayed unchanged, with their stamps (SYNC.md "Versions")."""

    __tablename__ = "sync_extra"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)


class DossierTransfer(Synced, Base):
    """A dossier moving from one post to another (chuyển hồ sơ), recorded by the upper unit.

    Append-only: a ``requested`` row, then an ``approved`` row pointing at it.
    """

    __tablename__ = "dossier_transfers"
    __table_args__ = (CheckConstraint("step IN ('requested','approved')", name="step"),)
    append_only = True

    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), nullable=False, index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), nullable=False, index=True)
    from_unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), nullable=False, index=True)
    to_unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), nullable=False, index=True)
    from_node: Mapped[str] = mapped_column(String(36), nullable=False)
    to_node: Mapped[str] = mapped_column(String(36), nullable=False)
    step: Mapped[str] = mapped_column(String(10), nullable=False)
    request_id: Mapped[str | None] = mapped_column(ForeignKey("dossier_transfers.id"), index=True)
    on_date: Mapped[date] = mapped_column(Date, nullable=False)
    note: Mapped[str | None] = mapped_column(Text)
