"""A 32-byte key wrapped to an account's public key (X25519 + HKDF-SHA256 + AES-256-GCM).

The construction is the usual ECIES one (the same steps as HPKE's base mode, RFC 9180,
without its framing): a fresh ephemeral X25519 key pair per wrap; the shared secret of the
ephemeral private key and the recipient's public key goes through HKDF-SHA256 (salt: the
ephemeral public key followed by the recipient's, info :data:`INFO`) into a one-time
AES-256-GCM key; the wrapped key is encrypted under it with a random nonce, and the
associated data names what it is (kind, generation, account), so a wrapped copy cannot be
moved to another account, kind or generation.

Anyone can wrap to a public key; only the holder of the private key (an account's slot,
opened by its password) unwraps. That is what lets a rotation give the new keys to every
account without knowing their passwords.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

INFO = b"antt key wrap v1"
KEY_BYTES = 32
NONCE_BYTES = 12
PUBLIC_BYTES = 32


@dataclass(frozen=True)
class Sealed:
    """One wrapped copy: the ephemeral public key, the nonce and the ciphertext (+ tag)."""

    ephemeral: bytes
    nonce: bytes
    wrapped: bytes


def new_key_pair() -> tuple[bytes, bytes]:
    """A fresh X25519 (private, public) pair, raw 32 bytes each."""
    private = X25519PrivateKey.generate()
    raw = private.private_bytes_raw()
    return raw, public_of(raw)


def public_of(private: bytes) -> bytes:
    key = X25519PrivateKey.from_private_bytes(private)
    return key.public_key().public_bytes_raw()


def _kek(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    hkdf = HKDF(hashes.SHA256(), length=KEY_BYTES, salt=ephemeral + recipient, info=INFO)
    return hkdf.derive(shared)


def wrap(key: bytes, public: bytes, aad: bytes) -> Sealed:
    """``key`` wrapped so that only the private key of ``public`` opens it."""
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    nonce = secrets.token_bytes(NONCE_BYTES)
    return Sealed(epk, nonce, AESGCM(_kek(shared, epk, public)).encrypt(nonce, key, aad))


def unwrap(sealed: Sealed, private: bytes, aad: bytes) -> bytes | None:
    """The wrapped key, or None when it was not wrapped to this private key (or changed)."""
    me = X25519PrivateKey.from_private_bytes(private)
    public = public_of(private)
    try:
        shared = me.exchange(X25519PublicKey.from_public_bytes(sealed.ephemeral))
        return AESGCM(_kek(shared, sealed.ephemeral, public)).decrypt(
            sealed.nonce, sealed.wrapped, aad
        )
    except (InvalidTag, ValueError):  # ValueError: an all-zero shared secret (a bad point)
        return None
