"""What the sync pages read: whether this node has its keys, where a sync file can go, and
whether the unit has one above it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services import sync_rows
from antt_desktop.services.context import Actor
from antt_desktop.store.models import SyncPeer
from antt_desktop.sync import identity

Ctxs = Callable[..., Any]
VIEWER = Actor("xem1", "viewer")


def peer(node: str, code: str, name: str, status: str = "active") -> SyncPeer:
    return SyncPeer(
        node_id=node,
        unit_code=code,
        unit_name=name,
        role="post",
        relation="downstream",
        sign_public="k" * 43,
        age_recipient="age1" + "x" * 58,
        fingerprint="f" * 32,
        status=status,
        enrolled_at="2026-11-01T08:00:00Z",
    )


def test_the_keys_are_made_once_and_then_found(write: Ctxs, read: Ctxs) -> None:
    with read() as ctx:
        assert sync_rows.has_identity(ctx) is False
    with write() as ctx:
        identity.ensure(ctx.session)
    with read(VIEWER) as ctx:
        assert sync_rows.has_identity(ctx) is True


def test_a_sync_file_can_go_to_the_units_not_revoked_by_code(write: Ctxs, read: Ctxs) -> None:
    with write() as ctx:
        ctx.session.add_all(
            [
                peer("n-3", "00073", "Công an phường Cửa Nam"),
                peer("n-1", "00071", "Công an phường Ba Đình"),
                peer("n-2", "00072", "Công an phường Hàng Bạc", status="revoked"),
            ]
        )
    with read() as ctx:
        rows = sync_rows.active_peers(ctx)
    assert [(p.node_id, p.unit_code, p.unit_name) for p in rows] == [
        ("n-1", "00071", "Công an phường Ba Đình"),
        ("n-3", "00073", "Công an phường Cửa Nam"),
    ]


def test_the_post_has_an_upper_unit_and_the_upper_unit_none(read: Ctxs) -> None:
    with read() as ctx:
        post = ctx.local_unit()
        assert sync_rows.has_upper_unit(ctx, post.id) is True
        assert sync_rows.has_upper_unit(ctx, post.parent_id) is False
        assert sync_rows.has_upper_unit(ctx, None) is False


def test_a_role_that_may_not_read_is_refused(read: Ctxs) -> None:
    with read(Actor("cu", "retired")) as ctx, pytest.raises(PermissionDenied):
        sync_rows.active_peers(ctx)
