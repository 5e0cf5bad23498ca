"""Enrolment cards (phiếu đăng ký nút đồng bộ): how a post introduces itself offline.

The post exports a card (unit, node id, both public keys, a self-signature) and reads its
fingerprint to the upper unit by phone; the upper unit imports the card with the fingerprint
the officer confirmed, and the post becomes a peer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from antt_desktop.store.models import SyncPeer
from antt_desktop.sync import documents, identity
from antt_desktop.sync.canonical import now_iso
from antt_desktop.sync.errors import EnrolmentRefused

KIND = "antt-enrolment-card"
ROLES = ("post", "upper", "province")


def make_card(session: Session) -> dict[str, Any]:
    key = identity.load(session)
    body = {
        "kind": KIND,
        "version": 1,
        "node_id": key.node_id,
        "unit_id": key.unit_id,
        "unit_code": key.unit_code,
        "unit_name": key.unit_name,
        "role": key.role,
        "sign_public": key.sign_public,
        "age_recipient": key.age_recipient,
        "created_at": now_iso(),
    }
    return documents.signed(body, key)


def card_fingerprint(card: dict[str, Any]) -> str:
    return identity.fingerprint(card["node_id"], card["sign_public"], card["age_recipient"])


def read_card(path: Path) -> dict[str, Any]:
    """A card whose fields are sound and whose self-signature holds."""
    card = documents.read(path, KIND, "sync.card.invalid")
    try:
        for name in ("node_id", "unit_id", "unit_code", "unit_name", "sign_public"):
            documents.text(card, name)
        documents.text(card, "age_recipient")
        if card.get("role") not in ROLES:
            raise ValueError("role")
        if not identity.valid_sign_public(card["sign_public"]):
            raise ValueError("sign_public")
        if not identity.valid_recipient(card["age_recipient"]):
            raise ValueError("age_recipient")
    except ValueError as exc:
        raise EnrolmentRefused("sync.card.invalid", file=Path(path).name, detail=str(exc)) from exc
    if not documents.signature_ok(card, card["sign_public"]):
        raise EnrolmentRefused("sync.card.invalid", file=Path(path).name, detail="signature")
    return card


def import_card(session: Session, card: dict[str, Any], typed_fingerprint: str) -> SyncPeer:
    """Enrol the node of ``card`` as a peer below this one, once the fingerprint matches."""
    actual = card_fingerprint(card)
    if not identity.same_fingerprint(typed_fingerprint, actual):
        raise EnrolmentRefused(
            "sync.card.fingerprint_mismatch", typed=typed_fingerprint, actual=actual
        )
    me = identity.load(session)
    if card["node_id"] == me.node_id:
        raise EnrolmentRefused("sync.card.own_card")
    peer = session.get(SyncPeer, card["node_id"])
    if peer is not None and peer.relation == "upstream":
        raise EnrolmentRefused("sync.card.is_upstream", unit=peer.unit_name)
    if peer is None:
        peer = SyncPeer(node_id=card["node_id"], enrolled_at=now_iso(), relation="downstream")
        session.add(peer)
    peer.unit_id = card["unit_id"]
    peer.unit_code = card["unit_code"]
    peer.unit_name = card["unit_name"]
    peer.role = card["role"]
    peer.sign_public = card["sign_public"]
    peer.age_recipient = card["age_recipient"]
    peer.fingerprint = actual
    peer.status = "active"
    peer.revoked_at = None
    session.flush()
    return peer
