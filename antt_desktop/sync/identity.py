"""This node's sync identity: an Ed25519 signing key and an X25519 (age) encryption key.

Created at ``antt init`` (or on first use by an older database) and stored in the
``sync_identity`` row, under the database key when the database is encrypted. A fingerprint
of the public part is what officers read to each other by phone to confirm an enrolment.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, cast

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy.orm import Session

from antt_desktop.store.models import LocalNode, SyncIdentity, Unit
from antt_desktop.sync.canonical import b64, canonical, now_iso, unb64

ROLE_OF_KIND = {"commune_post": "post", "upper_unit": "upper", "province": "province"}
FINGERPRINT_GROUPS = 8


@dataclass(frozen=True)
class Identity:
    """The keys of this node, ready to sign and decrypt."""

    node_id: str
    sign_public: str
    age_recipient: str
    signing: Ed25519PrivateKey
    age_identity: Any  # pyrage.x25519.Identity
    role: str
    unit_id: str
    unit_code: str
    unit_name: str
    replica_id: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.node_id, self.sign_public, self.age_recipient)

    def sign(self, data: bytes) -> bytes:
        return self.signing.sign(data)

    def decrypt_io(self, source: Any, target: Any) -> None:
        pyrage.decrypt_io(source, target, [self.age_identity])


def fingerprint(node_id: str, sign_public: str, age_recipient: str) -> str:
    """Forty digits in groups of five ("04711 93820 ..."): easy to read out by phone."""
    digest = hashlib.sha256(canonical([node_id, sign_public, age_recipient])).digest()
    number = int.from_bytes(digest[:17], "big") % 10 ** (5 * FINGERPRINT_GROUPS)
    digits = f"{number:0{5 * FINGERPRINT_GROUPS}d}"
    return " ".join(digits[i : i + 5] for i in range(0, len(digits), 5))


def same_fingerprint(typed: str, actual: str) -> bool:
    """Compare what an officer typed with the real fingerprint, ignoring spaces and dashes."""
    return "".join(c for c in typed if c.isdigit()) == "".join(c for c in actual if c.isdigit())


def verify(sign_public: str, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(unb64(sign_public)).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def ensure(session: Session) -> SyncIdentity:
    """The identity row, made now if this database has none yet (call inside a write)."""
    row = session.get(SyncIdentity, 1)
    if row is not None:
        return row
    node = session.get(LocalNode, 1)
    if node is None:
        raise RuntimeError("database has no local node row: it was not initialised")
    signing = Ed25519PrivateKey.generate()
    age_identity = pyrage.x25519.Identity.generate()
    row = SyncIdentity(
        singleton=1,
        node_id=node.node_id,
        sign_private=signing.private_bytes_raw(),
        sign_public=b64(signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)),
        age_identity=str(age_identity),
        age_recipient=str(age_identity.to_public()),
        created_at=now_iso(),
        baseline_seq=node.seq,
    )
    session.add(row)
    session.flush()
    return row


def load(session: Session) -> Identity:
    """This node's keys (made first if missing, so call it inside a write)."""
    row = ensure(session)
    node = cast(LocalNode, session.get(LocalNode, 1))
    unit = session.get(Unit, node.unit_id) if node.unit_id else None
    return Identity(
        node_id=row.node_id,
        sign_public=row.sign_public,
        age_recipient=row.age_recipient,
        signing=Ed25519PrivateKey.from_private_bytes(row.sign_private),
        age_identity=pyrage.x25519.Identity.from_str(row.age_identity),
        role=ROLE_OF_KIND.get(unit.kind, "post") if unit else "post",
        unit_id=unit.id if unit else "",
        unit_code=unit.code if unit else "",
        unit_name=unit.name if unit else "",
        replica_id=node.replica_id,
    )


def valid_recipient(text: str) -> bool:
    try:
        pyrage.x25519.Recipient.from_str(text)
    except Exception:
        return False
    return True


def valid_sign_public(text: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(unb64(text))
    except ValueError:
        return False
    return True
