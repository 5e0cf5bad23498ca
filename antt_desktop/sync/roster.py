"""Rosters (danh sách nút đồng bộ): the signed list of nodes an upper unit vouches for.

The upper unit issues a roster of the posts it enrolled: their keys, roles, scope, validity
and revocations. A post trusts one issuer, its upper unit, whose fingerprint the officer
confirms when the first roster is imported; later rosters must come from the same keys and
be newer. A stolen laptop is answered by revoking its node: the next roster says so, and its
bundles are refused from then on.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.store.models import SyncIdentity, SyncPeer
from antt_desktop.sync import documents, identity
from antt_desktop.sync.canonical import now_iso
from antt_desktop.sync.errors import EnrolmentRefused, SyncProblem

KIND = "antt-roster"
VALID_DAYS = 400


def _entry(peer: SyncPeer) -> dict[str, Any]:
    return {
        "node_id": peer.node_id,
        "unit_id": peer.unit_id,
        "unit_code": peer.unit_code,
        "unit_name": peer.unit_name,
        "role": peer.role,
        "sign_public": peer.sign_public,
        "age_recipient": peer.age_recipient,
        "scope": [peer.unit_id] if peer.unit_id else [],
        "status": peer.status,
        "revoked_at": peer.revoked_at,
    }


def issue(session: Session, today: date) -> dict[str, Any]:
    """A roster of the nodes enrolled below this one, signed by this node."""
    me = identity.load(session)
    peers = session.execute(
        select(SyncPeer).where(SyncPeer.relation == "downstream").order_by(SyncPeer.unit_code)
    ).scalars()
    body = {
        "kind": KIND,
        "version": int(datetime.now(UTC).timestamp() * 1000),
        "issued_at": now_iso(),
        "valid_until": (today + timedelta(days=VALID_DAYS)).isoformat(),
        "issuer": {
            "node_id": me.node_id,
            "unit_id": me.unit_id,
            "unit_code": me.unit_code,
            "unit_name": me.unit_name,
            "role": me.role,
            "sign_public": me.sign_public,
            "age_recipient": me.age_recipient,
        },
        "nodes": [_entry(p) for p in peers],
    }
    return documents.signed(body, me)


def read_roster(path: Path) -> dict[str, Any]:
    doc = documents.read(path, KIND, "sync.roster.invalid")
    try:
        issuer = doc["issuer"]
        if not isinstance(issuer, dict) or not isinstance(doc.get("nodes"), list):
            raise ValueError("issuer")
        for name in ("node_id", "unit_code", "unit_name", "sign_public", "age_recipient"):
            documents.text(issuer, name)
        if issuer.get("role") not in ("upper", "province"):
            raise ValueError("issuer role")
        if not isinstance(doc.get("version"), int):
            raise ValueError("version")
        date.fromisoformat(documents.text(doc, "valid_until"))
        if not identity.valid_sign_public(issuer["sign_public"]):
            raise ValueError("sign_public")
        if not identity.valid_recipient(issuer["age_recipient"]):
            raise ValueError("age_recipient")
    except (KeyError, TypeError, ValueError) as exc:
        raise EnrolmentRefused(
            "sync.roster.invalid", file=Path(path).name, detail=str(exc)
        ) from exc
    if not documents.signature_ok(doc, issuer["sign_public"]):
        raise EnrolmentRefused("sync.roster.invalid", file=Path(path).name, detail="signature")
    return doc


def roster_fingerprint(doc: dict[str, Any]) -> str:
    i = doc["issuer"]
    return identity.fingerprint(i["node_id"], i["sign_public"], i["age_recipient"])


def import_roster(
    session: Session, doc: dict[str, Any], today: date, typed_fingerprint: str | None = None
) -> SyncPeer:
    """Accept a roster from this node's upper unit; returns the upper unit as a peer.

    The first roster needs the issuer's fingerprint as confirmed by phone or in person.
    """
    me = identity.load(session)
    row = session.get(SyncIdentity, 1)
    assert row is not None
    issuer = doc["issuer"]
    actual = roster_fingerprint(doc)
    if row.upstream_node is None:
        if typed_fingerprint is None:
            raise EnrolmentRefused("sync.roster.fingerprint_required", actual=actual)
        if not identity.same_fingerprint(typed_fingerprint, actual):
            raise EnrolmentRefused(
                "sync.roster.fingerprint_mismatch", typed=typed_fingerprint, actual=actual
            )
    else:
        trusted = session.get(SyncPeer, row.upstream_node)
        if (
            trusted is None
            or issuer["node_id"] != trusted.node_id
            or issuer["sign_public"] != trusted.sign_public
        ):
            raise EnrolmentRefused(
                "sync.roster.untrusted",
                issuer=issuer["unit_name"],
                trusted=trusted.unit_name if trusted else "?",
            )
        if typed_fingerprint is not None and not identity.same_fingerprint(
            typed_fingerprint, actual
        ):
            raise EnrolmentRefused(
                "sync.roster.fingerprint_mismatch", typed=typed_fingerprint, actual=actual
            )
        if doc["version"] <= row.roster_version:
            raise EnrolmentRefused(
                "sync.roster.old", version=doc["version"], current=row.roster_version
            )
    if date.fromisoformat(doc["valid_until"]) < today:
        raise EnrolmentRefused("sync.roster.expired", valid_until=doc["valid_until"])
    mine = [n for n in doc["nodes"] if isinstance(n, dict) and n.get("node_id") == me.node_id]
    if not mine:
        raise EnrolmentRefused("sync.roster.not_listed", issuer=issuer["unit_name"])
    peer = session.get(SyncPeer, issuer["node_id"])
    if peer is None:
        peer = SyncPeer(node_id=issuer["node_id"], enrolled_at=now_iso())
        session.add(peer)
    peer.relation = "upstream"
    peer.unit_id = issuer.get("unit_id")
    peer.unit_code = issuer["unit_code"]
    peer.unit_name = issuer["unit_name"]
    peer.role = issuer["role"]
    peer.sign_public = issuer["sign_public"]
    peer.age_recipient = issuer["age_recipient"]
    peer.fingerprint = actual
    peer.status = "active"
    row.upstream_node = issuer["node_id"]
    row.roster_version = doc["version"]
    row.roster = doc
    session.flush()
    return peer


def revoke(session: Session, node_or_code: str) -> SyncPeer:
    """Refuse the bundles of a node from now on; the next roster lists it as revoked."""
    peer = find_peer(session, node_or_code)
    peer.status = "revoked"
    peer.revoked_at = now_iso()
    session.flush()
    return peer


def find_peer(session: Session, node_or_code: str) -> SyncPeer:
    """A peer by node id or unit code."""
    peer = session.get(SyncPeer, node_or_code)
    if peer is None:
        peer = session.execute(
            select(SyncPeer).where(SyncPeer.unit_code == node_or_code)
        ).scalar_one_or_none()
    if peer is None:
        raise SyncProblem("sync.peer.unknown", value=node_or_code)
    return peer
