"""Enrolment as the command line and the window both do it: write this node's card, enrol
a post's card, issue the roster, accept the upper unit's roster, revoke a node. Each takes
the service context and records its audit entry in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from antt_desktop.services.context import Ctx, Permission
from antt_desktop.store.models import SyncPeer
from antt_desktop.sync import card, documents, roster


@dataclass(frozen=True)
class Written:
    path: Path
    fingerprint: str
    doc: dict[str, Any]


def write_card(ctx: Ctx, path: Path) -> Written:
    """This node's enrolment card in ``path``, and the fingerprint to read out."""
    ctx.require(Permission.SYNC)
    doc = card.make_card(ctx.session)
    documents.write(path, doc)
    ctx.audit("sync_card", detail=str(Path(path).name))
    return Written(Path(path), card.card_fingerprint(doc), doc)


def enrol(ctx: Ctx, path: Path, fingerprint: str) -> SyncPeer:
    """Enrol the node of the card in ``path`` once its fingerprint is confirmed."""
    ctx.require(Permission.SYNC)
    doc = card.read_card(path)
    peer = card.import_card(ctx.session, doc, fingerprint)
    ctx.audit("sync_enrol", "unit", peer.unit_id, [], f"{peer.unit_code} {peer.node_id}")
    return peer


def issue_roster(ctx: Ctx, path: Path) -> Written:
    """The roster of the nodes below this one, signed, in ``path``."""
    ctx.require(Permission.SYNC)
    doc = roster.issue(ctx.session, ctx.today)
    documents.write(path, doc)
    ctx.audit("sync_roster", detail=f"version {doc['version']}")
    return Written(Path(path), roster.roster_fingerprint(doc), doc)


def accept_roster(ctx: Ctx, path: Path, fingerprint: str | None) -> tuple[SyncPeer, int]:
    """Take the upper unit's roster in ``path`` (the first one needs its fingerprint)."""
    ctx.require(Permission.SYNC)
    doc = roster.read_roster(path)
    peer = roster.import_roster(ctx.session, doc, ctx.today, fingerprint or None)
    ctx.audit("sync_roster", "unit", peer.unit_id, [], f"version {doc['version']}")
    return peer, int(doc["version"])


def revoke(ctx: Ctx, node_or_code: str) -> SyncPeer:
    ctx.require(Permission.SYNC)
    peer = roster.revoke(ctx.session, node_or_code)
    ctx.audit("sync_revoke", "unit", peer.unit_id, [], peer.node_id)
    return peer
