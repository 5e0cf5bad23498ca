"""The key file beside the database: each account's key pair and the keys wrapped to them.

Version 2 (docs/KEYS.md). Each account's slot holds its own X25519 private key, encrypted
(AES-256-GCM) under a key derived from its password (:mod:`kdf`), with the account name and
its public key bound in as associated data, so a slot cannot be moved to another name. The
post's secret keys — the database key (SQLCipher) and the fields key (sensitive columns) —
are each wrapped to the public key of every account entitled to it (:mod:`keywrap`), under
a kind and a generation number (``id``). Only accounts whose role reads sensitive data get
the fields key. A rotation (:mod:`rotation`) adds a new generation beside the old one, then
drops the old one once the database is rekeyed, so no step leaves a database no slot opens.

A version 1 file (every slot the database key wrapped under its password) is still read: its
slots stay as *legacy* slots (:class:`KeySlot`) until their account logs in once
(``security.login``); a rotation drops the legacy slots left, whose key it retires.

The file also keeps the failed-attempt counters, the failed logins not yet copied into the
audit log (the database cannot be written before someone unlocks it), and which post this
is, for the login screen. None of that is secret, and none of it is trusted for a decision:
the role of an account, and the public key each account is given keys under, are read from
inside the encrypted database after the unlock.

Format (JSON, UTF-8, at most :data:`MAX_BYTES`)::

    {"format": "antt-keyslots", "version": 2,
     "post": {"unit_code": "05611", "unit_name": "...", "demo": false},
     "slots": {"<username>": {"kdf": {...}, "salt": b64, "nonce": b64,
                              "wrapped_private": b64, "public": b64}},
     "keys": [{"kind": "db" | "fields", "id": n,
               "to": {"<username>": {"ephemeral": b64, "nonce": b64, "wrapped": b64}},
               "tags": {"<username>": hex}}],  # fields only: who a holder vouched for
     "failures": {"<username>": {"count": n, "last": unix_seconds}},
     "attempts": n,
     "pending_audit": [{"at": iso, "actor": name, "action": "login_failed", "detail": ...}],
     "seal": {"generation": n, "attempts": n, "failures": {...}, "pending": n, "mac": hex}}

A legacy slot is ``{"kdf", "salt", "nonce", "wrapped_key"}`` (the version 1 slot).
``attempts`` counts every failed login ever (never lowered); ``seal`` is the HMAC the
program writes whenever it holds the database key (:mod:`keyfile_seal`).

Written atomically: a temporary file in the same folder, flushed to disk, then renamed.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import filelock
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from antt_desktop.security import keywrap
from antt_desktop.security.errors import KeyFileInvalid, KeyFileMissing
from antt_desktop.security.kdf import (
    KEY_BYTES,
    SALT_BYTES,
    Derive,
    KdfParams,
    KdfParamsInvalid,
    derive_key,
)
from antt_desktop.store.private_files import PRIVATE_FILE, open_private, private_dir

FORMAT = "antt-keyslots"
VERSION = 2
#: Versions this program reads (1: before the key hierarchy, every slot a legacy slot).
READABLE_VERSIONS = (1, 2)
SUFFIX = ".keys"
MAX_BYTES = 1024 * 1024
MAX_SLOTS = 500
MAX_PENDING = 200
#: Wrapped keys (kinds × generations) kept at once: two of each kind during a rotation.
MAX_WRAPPED = 16
#: The kinds of key wrapped to accounts.
DB, FIELDS = "db", "fields"
NONCE_BYTES = 12
LOCK_TIMEOUT_S = 10


def key_file_path(db_path: Path) -> Path:
    """``antt.sqlite3`` → ``antt.sqlite3.keys`` in the same folder."""
    return db_path.with_name(db_path.name + SUFFIX)


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, size: int | None = None) -> bytes:
    if not isinstance(value, str) or len(value) > 256:
        raise KeyFileInvalid(reason="a slot value is not text")
    try:
        data = base64.b64decode(value, validate=True)
    except binascii.Error as exc:
        raise KeyFileInvalid(reason="a slot value is not base64") from exc
    if size is not None and len(data) != size:
        raise KeyFileInvalid(reason="a slot value has the wrong length")
    return data


def _aad(username: str) -> bytes:
    return f"{FORMAT}:1:{username}".encode()


@dataclass(frozen=True)
class KeySlot:
    """A legacy (version 1) slot: the database key wrapped under one account's password."""

    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    @classmethod
    def wrap(cls, db_key: bytes, username: str, password: str, params: KdfParams) -> KeySlot:
        salt = secrets.token_bytes(SALT_BYTES)
        nonce = secrets.token_bytes(NONCE_BYTES)
        kek = derive_key(password, salt, params)
        wrapped = AESGCM(kek).encrypt(nonce, db_key, _aad(username))
        return cls(params, salt, nonce, wrapped)

    def unwrap(self, username: str, password: str, derive: Derive = derive_key) -> bytes | None:
        """The database key, or None when the password is wrong (the tag does not verify)."""
        kek = derive(password, self.salt, self.kdf)
        try:
            return AESGCM(kek).decrypt(self.nonce, self.wrapped_key, _aad(username))
        except InvalidTag:
            return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kdf": self.kdf.to_dict(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        }

    @classmethod
    def from_dict(cls, data: Any) -> KeySlot:
        if not isinstance(data, dict):
            raise KeyFileInvalid(reason="a slot is not an object")
        try:
            params = KdfParams.from_dict(data.get("kdf"))
        except KdfParamsInvalid as exc:
            raise KeyFileInvalid(reason=str(exc)) from exc
        return cls(
            params,
            _unb64(data.get("salt"), SALT_BYTES),
            _unb64(data.get("nonce"), NONCE_BYTES),
            _unb64(data.get("wrapped_key"), KEY_BYTES + 16),
        )


@dataclass(frozen=True)
class AccountSlot:
    """An account's X25519 private key wrapped under its password; its public key beside."""

    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_private: bytes
    public: bytes

    @staticmethod
    def _aad(username: str, public: bytes) -> bytes:
        return f"{FORMAT}:2:{username}:".encode() + public

    @classmethod
    def wrap(cls, private: bytes, username: str, password: str, params: KdfParams) -> AccountSlot:
        salt = secrets.token_bytes(SALT_BYTES)
        nonce = secrets.token_bytes(NONCE_BYTES)
        public = keywrap.public_of(private)
        kek = derive_key(password, salt, params)
        wrapped = AESGCM(kek).encrypt(nonce, private, cls._aad(username, public))
        return cls(params, salt, nonce, wrapped, public)

    def unwrap(self, username: str, password: str, derive: Derive = derive_key) -> bytes | None:
        """The account's private key, or None when the password is wrong."""
        kek = derive(password, self.salt, self.kdf)
        try:
            private = AESGCM(kek).decrypt(
                self.nonce, self.wrapped_private, self._aad(username, self.public)
            )
        except InvalidTag:
            return None
        return private if keywrap.public_of(private) == self.public else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kdf": self.kdf.to_dict(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped_private": _b64(self.wrapped_private),
            "public": _b64(self.public),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AccountSlot:
        try:
            params = KdfParams.from_dict(data.get("kdf"))
        except KdfParamsInvalid as exc:
            raise KeyFileInvalid(reason=str(exc)) from exc
        return cls(
            params,
            _unb64(data.get("salt"), SALT_BYTES),
            _unb64(data.get("nonce"), NONCE_BYTES),
            _unb64(data.get("wrapped_private"), KEY_BYTES + 16),
            _unb64(data.get("public"), keywrap.PUBLIC_BYTES),
        )


Slot = KeySlot | AccountSlot


def slot_from_dict(data: Any) -> Slot:
    if not isinstance(data, dict):
        raise KeyFileInvalid(reason="a slot is not an object")
    return AccountSlot.from_dict(data) if "wrapped_private" in data else KeySlot.from_dict(data)


@dataclass
class WrappedKey:
    """One generation of one kind of key, wrapped to each entitled account's public key."""

    kind: str
    id: int
    to: dict[str, keywrap.Sealed] = field(default_factory=dict)
    #: fields key only: who was entitled to this generation, each vouched for by a holder of
    #: the key (an HMAC under it, :mod:`hierarchy`), so an account whose role was raised by
    #: editing the database is not given the key by a later login or rotation
    tags: dict[str, str] = field(default_factory=dict)

    def aad(self, username: str) -> bytes:
        return f"antt-keywrap:{self.kind}:{self.id}:{username}".encode()

    def give(self, key: bytes, username: str, public: bytes) -> None:
        self.to[username] = keywrap.wrap(key, public, self.aad(username))

    def open(self, username: str, private: bytes) -> bytes | None:
        sealed = self.to.get(username)
        return keywrap.unwrap(sealed, private, self.aad(username)) if sealed else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "to": {
                name: {
                    "ephemeral": _b64(s.ephemeral),
                    "nonce": _b64(s.nonce),
                    "wrapped": _b64(s.wrapped),
                }
                for name, s in sorted(self.to.items())
            },
            **({"tags": dict(sorted(self.tags.items()))} if self.tags else {}),
        }

    @classmethod
    def from_dict(cls, data: Any) -> WrappedKey:
        if not isinstance(data, dict):
            raise KeyFileInvalid(reason="a wrapped key is not an object")
        kind, ident, to = data.get("kind"), data.get("id"), data.get("to")
        if kind not in (DB, FIELDS) or type(ident) is not int or not 1 <= ident < 2**31:
            raise KeyFileInvalid(reason="a wrapped key has no kind or generation")
        if not isinstance(to, dict) or len(to) > MAX_SLOTS:
            raise KeyFileInvalid(reason="a wrapped key's accounts")
        tags = data.get("tags", {})
        if not isinstance(tags, dict) or len(tags) > MAX_SLOTS:
            raise KeyFileInvalid(reason="a wrapped key's accounts")
        result = cls(kind, ident, tags={str(k): str(v)[:64] for k, v in tags.items()})
        for name, s in to.items():
            if not isinstance(s, dict):
                raise KeyFileInvalid(reason="a wrapped key is not an object")
            result.to[str(name)] = keywrap.Sealed(
                _unb64(s.get("ephemeral"), keywrap.PUBLIC_BYTES),
                _unb64(s.get("nonce"), NONCE_BYTES),
                _unb64(s.get("wrapped"), KEY_BYTES + 16),
            )
        return result


@dataclass
class Failures:
    count: int = 0
    last: float = 0.0


@dataclass(frozen=True)
class PostLabel:
    """Which post the file opens, shown before the login (not trusted for anything else)."""

    unit_code: str = ""
    unit_name: str = ""
    demo: bool = False

    @classmethod
    def from_dict(cls, data: Any) -> PostLabel:
        if not isinstance(data, dict):
            return cls()
        return cls(
            str(data.get("unit_code", ""))[:16],
            str(data.get("unit_name", ""))[:200],
            data.get("demo") is True,
        )


@dataclass
class KeyFile:
    post: PostLabel = field(default_factory=PostLabel)
    slots: dict[str, Slot] = field(default_factory=dict)
    failures: dict[str, Failures] = field(default_factory=dict)
    pending_audit: list[dict[str, str]] = field(default_factory=list)
    #: failed logins ever made (only ever raised; sealed, see :mod:`keyfile_seal`)
    attempts: int = 0
    seal: dict[str, Any] | None = None
    #: the post's keys, each generation wrapped to its accounts (empty in a version 1 file)
    wrapped: list[WrappedKey] = field(default_factory=list)

    def generations(self, kind: str) -> list[WrappedKey]:
        """The wrapped generations of ``kind``, newest first."""
        return sorted((w for w in self.wrapped if w.kind == kind), key=lambda w: -w.id)

    def to_json(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "post": dict(self.post.__dict__),
            "slots": {name: slot.to_dict() for name, slot in sorted(self.slots.items())},
            "keys": [w.to_dict() for w in sorted(self.wrapped, key=lambda w: (w.kind, w.id))],
            "failures": {
                name: {"count": f.count, "last": f.last} for name, f in self.failures.items()
            },
            "attempts": self.attempts,
            "pending_audit": self.pending_audit[-MAX_PENDING:],
        }
        if self.seal is not None:
            doc["seal"] = self.seal
        return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> KeyFile:
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise KeyFileInvalid(reason="not JSON") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise KeyFileInvalid(reason="not a key file")
        if doc.get("version") not in READABLE_VERSIONS:
            raise KeyFileInvalid(reason=f"format version {doc.get('version')!r} is unknown")
        slots, failures, pending = (
            doc.get("slots"),
            doc.get("failures", {}),
            doc.get("pending_audit", []),
        )
        if not isinstance(slots, dict) or len(slots) > MAX_SLOTS:
            raise KeyFileInvalid(reason="slots")
        if not isinstance(failures, dict) or not isinstance(pending, list):
            raise KeyFileInvalid(reason="failure records")
        wrapped = doc.get("keys", []) if doc.get("version") == 2 else []
        if not isinstance(wrapped, list) or len(wrapped) > MAX_WRAPPED:
            raise KeyFileInvalid(reason="wrapped keys")
        result = cls(post=PostLabel.from_dict(doc.get("post")))
        for name, slot in slots.items():
            result.slots[str(name)] = (
                slot_from_dict(slot) if doc.get("version") == 2 else KeySlot.from_dict(slot)
            )
        result.wrapped = [WrappedKey.from_dict(w) for w in wrapped]
        if len({(w.kind, w.id) for w in result.wrapped}) != len(result.wrapped):
            raise KeyFileInvalid(reason="a wrapped key is there twice")
        for name, rec in list(failures.items())[:MAX_SLOTS]:
            if isinstance(rec, dict):
                count, last = rec.get("count", 0), rec.get("last", 0.0)
                if isinstance(count, int) and isinstance(last, int | float):
                    result.failures[str(name)] = Failures(count, float(last))
        attempts, seal = doc.get("attempts", 0), doc.get("seal")
        result.attempts = attempts if isinstance(attempts, int) and attempts >= 0 else 0
        result.seal = seal if isinstance(seal, dict) else None
        result.pending_audit = [
            {str(k): str(v)[:200] for k, v in entry.items()}
            for entry in pending[-MAX_PENDING:]
            if isinstance(entry, dict)
        ]
        return result


class KeyStore:
    """Where the key file's document is kept when it is not a file beside the database: a
    post on a PostgreSQL server keeps it in the database (security/server_keys.py)."""

    def read(self) -> KeyFile:
        raise NotImplementedError

    def write(self, keys: KeyFile) -> None:
        raise NotImplementedError

    def updating(self, *, create: bool = False) -> AbstractContextManager[KeyFile]:
        raise NotImplementedError


#: The key file beside a SQLite database, or the document a server's database keeps.
KeyPlace = Path | KeyStore


def read_key_file(path: KeyPlace) -> KeyFile:
    """The key file at ``path``; KeyFileMissing or KeyFileInvalid (never a traceback)."""
    if isinstance(path, KeyStore):
        return path.read()
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise KeyFileMissing(path=str(path)) from exc
    if len(raw) > MAX_BYTES:
        raise KeyFileInvalid(path=str(path), reason="too big")
    try:
        return KeyFile.from_json(raw)
    except KeyFileInvalid as exc:
        exc.params.setdefault("path", str(path))
        raise


def write_key_file(path: KeyPlace, keys: KeyFile) -> None:
    """Replace the key file in one step: a crash leaves the old file or the new, never half."""
    if isinstance(path, KeyStore):
        path.write(keys)
        return
    private_dir(path.parent)
    partial = path.with_name(f"{path.name}.{secrets.token_hex(4)}.part")
    try:
        with open_private(partial) as fh:  # 0600: the wrapped database keys
            fh.write(keys.to_json())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


@contextmanager
def updating(path: KeyPlace, *, create: bool = False) -> Iterator[KeyFile]:
    """Read, change and write the key file while holding its lock (CLI and window alike).

    The file is written only when the block ends without an exception.
    """
    if isinstance(path, KeyStore):  # the server's row, held by its own lock
        with path.updating(create=create) as kept:
            yield kept
        return
    lock = filelock.FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_S, mode=PRIVATE_FILE)
    with lock:
        keys = KeyFile() if create and not path.exists() else read_key_file(path)
        yield keys
        write_key_file(path, keys)
