"""Who holds which key: opening an account's slot, giving keys to accounts, and the
facts about keys the encrypted database keeps (docs/KEYS.md).

The key file says what is wrapped to whom; the database (readable only with its key) says
which fields-key generation its sensitive columns are sealed under
(``local_node.fields_key_id``), and which public key each account proved it holds
(``local_node.account_keys``: recorded by its own login, which unwrapped the matching
private key). Keys are only ever wrapped to a public key the database records, so a public
key swapped into the plain key file receives nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from antt_desktop.security import keywrap
from antt_desktop.security.kdf import Derive, KdfParams, derive_key
from antt_desktop.security.keyslots import (
    DB,
    FIELDS,
    AccountSlot,
    KeyFile,
    KeySlot,
    WrappedKey,
)
from antt_desktop.security.roles import Permission, allows
from antt_desktop.store.database import connect_raw
from antt_desktop.store.errors import DatabaseMissing
from antt_desktop.store.models import User

_ENTITLED = b"antt fields entitlement"


@dataclass
class Opened:
    """What one account's password opens in a key file: generation → key, per kind."""

    username: str
    db_keys: dict[int, bytes] = field(default_factory=dict)
    fields_keys: dict[int, bytes] = field(default_factory=dict)
    #: None: a legacy (version 1) slot, converted by the login that opened it
    private: bytes | None = None

    def seal_key(self) -> bytes:
        """The key the file's counters are sealed with: the oldest database key held
        (every account holds every database generation kept, see :func:`keep_only`)."""
        return self.db_keys[min(self.db_keys)]


def open_account(
    keys: KeyFile, username: str, password: str, derive: Derive = derive_key
) -> Opened | None:
    """The keys ``username``'s slot gives with ``password``; None when it gives nothing."""
    slot = keys.slots.get(username)
    if isinstance(slot, KeySlot):
        db_key = slot.unwrap(username, password, derive)
        if db_key is None:
            return None
        gens = keys.generations(DB)  # no rotation since (a rotation drops legacy slots)
        return Opened(username, {gens[-1].id if gens else 1: db_key})
    if not isinstance(slot, AccountSlot):
        return None
    private = slot.unwrap(username, password, derive)
    if private is None:
        return None
    opened = Opened(username, private=private)
    for w in keys.wrapped:
        key = w.open(username, private)
        if key is not None:
            (opened.db_keys if w.kind == DB else opened.fields_keys)[w.id] = key
    return opened if opened.db_keys else None


def _entry(keys: KeyFile, kind: str, ident: int) -> WrappedKey:
    entry = next((w for w in keys.wrapped if (w.kind, w.id) == (kind, ident)), None)
    if entry is None:
        entry = WrappedKey(kind, ident)
        keys.wrapped.append(entry)
    return entry


def _tag(fields_key: bytes, ident: int, username: str, public: bytes | None) -> str:
    """A holder of the fields key vouches that ``username`` (with this public key, or any
    it proves later when None) is entitled to generation ``ident``."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_ENTITLED)
    data = f"{ident}:{username}:".encode() + (public or b"")
    return hmac.new(hkdf.derive(fields_key), data, hashlib.sha256).hexdigest()


def give(keys: KeyFile, kind: str, ident: int, key: bytes, username: str, public: bytes) -> None:
    """Wrap generation ``ident`` of ``kind`` to ``username``'s public key (for the fields
    key, vouched for with a tag under it)."""
    entry = _entry(keys, kind, ident)
    entry.give(key, username, public)
    if kind == FIELDS:
        entry.tags[username] = _tag(key, ident, username, public)


def vouch(keys: KeyFile, ident: int, key: bytes, username: str) -> None:
    """``username`` is entitled to fields generation ``ident`` but has no key pair yet (a
    slot not upgraded): the next login of a holder wraps it to the key pair it proves."""
    _entry(keys, FIELDS, ident).tags[username] = _tag(key, ident, username, None)


def vouched(keys: KeyFile, ident: int, key: bytes) -> set[str]:
    """The accounts a holder of fields generation ``ident`` vouched for: with the public
    key of their slot now, or before they had one."""
    entry = next((w for w in keys.generations(FIELDS) if w.id == ident), None)
    if entry is None:
        return set()
    found = set()
    for name, tag in entry.tags.items():
        public = public_of(keys, name)
        for candidate in ([public] if public else []) + [None]:
            if hmac.compare_digest(tag, _tag(key, ident, name, candidate)):
                found.add(name)
    return found


def new_account_slot(
    keys: KeyFile,
    username: str,
    password: str,
    kdf: KdfParams,
    *,
    db_keys: dict[int, bytes],
    fields_keys: dict[int, bytes],
) -> bytes:
    """A new key pair for ``username`` under ``password``, given exactly these keys (what it
    held before is taken back); returns its public key."""
    private, public = keywrap.new_key_pair()
    forget(keys, username)
    keys.slots[username] = AccountSlot.wrap(private, username, password, kdf)
    for ident, key in db_keys.items():
        give(keys, DB, ident, key, username, public)
    for ident, key in fields_keys.items():
        give(keys, FIELDS, ident, key, username, public)
    return public


def forget(keys: KeyFile, username: str) -> None:
    """``username`` has no slot and no wrapped key any more."""
    keys.slots.pop(username, None)
    for w in keys.wrapped:
        w.to.pop(username, None)


def take_fields_key(keys: KeyFile, username: str) -> None:
    for w in keys.generations(FIELDS):
        w.to.pop(username, None)


def keep_only(keys: KeyFile, kind: str, ident: int | None) -> None:
    """Drop every generation of ``kind`` but ``ident`` (all of them when None)."""
    keys.wrapped = [w for w in keys.wrapped if w.kind != kind or w.id == ident]


def drop_legacy(keys: KeyFile) -> list[str]:
    """Remove the legacy slots left (their key is being retired); the names removed."""
    names = [n for n, s in keys.slots.items() if isinstance(s, KeySlot)]
    for name in names:
        keys.slots.pop(name)
    return names


def public_of(keys: KeyFile, username: str) -> bytes | None:
    slot = keys.slots.get(username)
    return slot.public if isinstance(slot, AccountSlot) else None


# --- what the database keeps -------------------------------------------------------------


def trusted_publics(session: Session) -> dict[str, bytes]:
    """The public key each account proved at its login (``local_node.account_keys``)."""
    raw = session.execute(text("SELECT account_keys FROM local_node")).scalar_one_or_none()
    try:
        doc = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return {}
    if not isinstance(doc, dict):
        return {}
    found: dict[str, bytes] = {}
    for name, value in doc.items():
        try:
            found[str(name)] = base64.b64decode(str(value), validate=True)
        except ValueError:
            continue
    return found


def record_public(session: Session, username: str, public: bytes | None) -> None:
    """Record (or with None forget) the public key ``username`` holds, in the database."""
    doc = {k: base64.b64encode(v).decode() for k, v in trusted_publics(session).items()}
    if public is None:
        doc.pop(username, None)
    else:
        doc[username] = base64.b64encode(public).decode()
    session.execute(
        text("UPDATE local_node SET account_keys = :k"), {"k": json.dumps(doc, sort_keys=True)}
    )


def fields_key_id(session: Session) -> int | None:
    value = session.execute(text("SELECT fields_key_id FROM local_node")).scalar_one_or_none()
    return int(value) if value is not None else None


def set_fields_key_id(session: Session, ident: int | None) -> None:
    session.execute(text("UPDATE local_node SET fields_key_id = :i"), {"i": ident})


def entitled(role: str | None) -> bool:
    """Whether an account of ``role`` is given the fields key (reads sensitive data)."""
    return role is not None and allows(role, Permission.READ_SENSITIVE)


def active_roles(session: Session) -> dict[str, str]:
    """Each active account's role (a disabled or deleted account holds nothing)."""
    rows = session.execute(
        select(User.username, User.role).where(User.active.is_(True), User.deleted.is_(False))
    )
    return {name: role for name, role in rows}


@dataclass(frozen=True)
class Current:
    """Which generations the database at hand is at."""

    db_id: int
    db_key: bytes
    fields_id: int | None


def probe(db_path: Path, opened: Opened) -> Current | None:
    """The database key of ``opened`` that opens ``db_path`` (newest first: during a
    rotation both are kept) and the fields generation the file records; None when none
    opens it. A bare connection, no lock, nothing written.

    Raises:
        DatabaseMissing: there is no file (a connection would create an empty one).
    """
    if not db_path.is_file():
        raise DatabaseMissing(path=str(db_path))
    for ident in sorted(opened.db_keys, reverse=True):
        key = opened.db_keys[ident]
        try:
            conn: Any = connect_raw(db_path, key, read_only=True)
        except Exception:
            return None
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except Exception:
            conn.close()
            continue
        try:
            row = conn.execute("SELECT fields_key_id FROM local_node").fetchone()
            fields = int(row[0]) if row and row[0] is not None else None
        except Exception:
            fields = None
        finally:
            conn.close()
        return Current(ident, key, fields)
    return None
