"""What the sync pages read beside the sync layer's own views (``sync.status``,
``sync.conflicts``, ``sync.transfer``): whether this node has its keys yet, the units it
exchanges files with, and whether its unit has one above it.

Unit names and codes only, nothing sensitive: the check is ``Permission.READ``; exporting
and importing check ``Permission.SYNC`` themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from antt_desktop.services.context import Ctx, Permission
from antt_desktop.store.models import SyncIdentity, SyncPeer, Unit


@dataclass(frozen=True)
class PeerRow:
    """A unit this node exchanges sync files with (đơn vị đồng bộ)."""

    node_id: str
    unit_code: str
    unit_name: str


def has_identity(ctx: Ctx) -> bool:
    """Whether this node's sync keys are made (a page makes them, in a write, when not)."""
    ctx.require(Permission.READ)
    return ctx.session.get(SyncIdentity, 1) is not None


def active_peers(ctx: Ctx) -> tuple[PeerRow, ...]:
    """The enrolled units not revoked, by unit code: where a sync file can go."""
    ctx.require(Permission.READ)
    rows = ctx.session.execute(
        select(SyncPeer.node_id, SyncPeer.unit_code, SyncPeer.unit_name)
        .where(SyncPeer.status == "active")
        .order_by(SyncPeer.unit_code)
    )
    return tuple(PeerRow(*row) for row in rows)


def has_upper_unit(ctx: Ctx, unit_id: str | None) -> bool:
    """Whether the unit ``unit_id`` is recorded under another (an upper unit that itself
    reports to a province enrols with it, as a post does)."""
    ctx.require(Permission.READ)
    if not unit_id:
        return False
    parent = ctx.session.execute(select(Unit.parent_id).where(Unit.id == unit_id)).scalar()
    return parent is not None
