"""The one login path, for the command line and the window alike.

``login`` checks the wait after failed attempts, unwraps the account's key slot with the
password, opens the encrypted database with the key, checks that the account is active and
reads its role, and writes the login (and any failed attempts since the last login) to the
audit log. A wrong password opens nothing and writes only the failure counter in the key
file. ``verify`` does the same check without opening anything (the idle lock uses it).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, text

from antt_desktop.security import keyfile_seal
from antt_desktop.security.errors import LoginDelayed, WrongCredentials
from antt_desktop.security.kdf import PRODUCTION, SALT_BYTES, KdfParams, derive_key
from antt_desktop.security.keyring import KeyRing
from antt_desktop.security.keyslots import Failures, key_file_path, read_key_file, updating
from antt_desktop.security.lockout import seconds_left
from antt_desktop.security.roles import Actor, Permission, allows
from antt_desktop.store import audit
from antt_desktop.store.clock import WallClock, wall_ms
from antt_desktop.store.database import Database, open_database
from antt_desktop.store.errors import DatabaseMissing
from antt_desktop.store.field_crypto import placeholder_key
from antt_desktop.store.models import User

Clock = Callable[[], float]
NAME_LIMIT = 64


@dataclass
class Unlocked:
    """A post opened by a login: the database, who logged in, and the keys to re-wrap."""

    db: Database
    actor: Actor
    keys: KeyRing
    #: the key file's failed-login record was found changed outside the program (the
    #: window warns; the audit log and ``antt check`` keep it)
    key_file_edited: bool = False

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Unlocked:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")


def _unlock_key(key_path: Path, username: str, password: str, now: Clock) -> bytes:
    """The database key for this account and password; records a failure otherwise."""
    name = username.strip()[:NAME_LIMIT]
    read_key_file(key_path)  # KeyFileMissing / KeyFileInvalid before any lock or counter
    with updating(key_path) as keys:
        left = seconds_left(keys.failures.get(name), now())
        if left:
            db_key = None
        else:
            slot = keys.slots.get(name)
            if slot is not None:
                db_key = slot.unwrap(name, password)
            else:  # the same work as a real slot, so timing does not tell names apart
                derive_key(password, secrets.token_bytes(SALT_BYTES), PRODUCTION)
                db_key = None
            if db_key is None:
                record = keys.failures.setdefault(name, Failures())
                record.count += 1
                record.last = now()
                keys.attempts += 1
                keys.pending_audit.append(
                    {"at": _iso(record.last), "actor": name, "action": "login_failed"}
                )
            else:  # the key is at hand: check the record against its seal, then seal it
                keyfile_seal.note_edits(keys, db_key, name, _iso(now()))
                keys.failures.pop(name, None)
                keyfile_seal.seal(keys, db_key)
    if left:
        raise LoginDelayed(seconds=left, user=name)
    if db_key is None:
        raise WrongCredentials(user=name)
    return db_key


def verify(
    db_path: Path,
    username: str,
    password: str,
    *,
    now: Clock = time.time,
    kdf: KdfParams = PRODUCTION,
) -> KeyRing:
    """Check the password (with the same waits and counters) without opening the database.

    ``kdf`` is the cost of slots the returned ring writes later (tests lower it).
    """
    key_path = key_file_path(db_path)
    return KeyRing(key_path, _unlock_key(key_path, username, password, now), kdf)


def _move_pending_into_audit(
    db: Database, key_path: Path, actor: Actor, action: str = "login"
) -> bool:
    """Copy the pending entries into the audit log, with the login; True when the key
    file's failed-login record was found edited (by its seal, or because its seal is older
    than the generation the database last saw)."""
    keys = read_key_file(key_path)
    pending, generation = keys.pending_audit, keyfile_seal.generation(keys)
    edited = False
    with db.journal() as session:
        for entry in pending:  # only failures and edits are kept there, whatever the file says
            if entry.get("action") == keyfile_seal.EDITED:
                edited = True
                audit.append(
                    session,
                    entry.get("actor", "?"),
                    keyfile_seal.EDITED,
                    detail=entry.get("detail"),
                )
            else:
                audit.append(
                    session, entry.get("actor", "?"), "login_failed", detail=entry.get("at")
                )
        known = session.execute(text("SELECT keyfile_seal_generation FROM local_node"))
        if generation <= int(known.scalar_one_or_none() or 0):  # sealed just now: it grew
            edited = True
            audit.append(
                session, actor.username, keyfile_seal.EDITED, detail=keyfile_seal.WORDS["older"]
            )
        session.execute(
            text("UPDATE local_node SET keyfile_seal_generation = :g"), {"g": generation}
        )
        audit.append(session, actor.username, action, "user", None, detail=actor.role)
    if pending:
        with updating(key_path) as kept:
            kept.pending_audit = [e for e in kept.pending_audit if e not in pending]
            if db.key is not None:
                # sealed moments ago by the unlock: only the entries just copied are gone
                keyfile_seal.seal(kept, db.key)
    return edited


def record_unlock(db: Database, actor: Actor) -> bool:
    """The idle lock was lifted by ``actor``'s password (checked with :func:`verify`): the
    wrong passwords typed meanwhile and the unlock go into the audit log. True when the key
    file's failed-login record was found edited (see :func:`login`)."""
    return _move_pending_into_audit(db, key_file_path(db.path), actor, "unlock")


def login(
    db_path: Path,
    username: str,
    password: str,
    *,
    write: bool = True,
    now: Clock = time.time,
    wall: WallClock = wall_ms,
    kdf: KdfParams = PRODUCTION,
) -> Unlocked:
    """Open the post at ``db_path`` as ``username``.

    Raises:
        WrongCredentials, LoginDelayed, KeyFileMissing, KeyFileInvalid (all exit code 5),
        DatabaseMissing, DatabaseLocked, DatabaseTooNew.
    """
    db_path = Path(db_path)
    if not db_path.exists():
        raise DatabaseMissing(path=str(db_path))
    keys = verify(db_path, username, password, now=now, kdf=kdf)
    name = username.strip()
    db = open_database(db_path, key=keys.db_key, write=write, wall=wall)
    try:
        with db.read() as session:
            user = session.execute(
                select(User).where(User.username == name, User.deleted.is_(False))
            ).scalar_one_or_none()
            role = user.role if user is not None and user.active else None
        if role is None:  # a slot left behind by an account that was disabled
            raise WrongCredentials(user=name)
        actor = Actor(name, role)
        db.unlock_fields(
            placeholder_key(keys.db_key) if allows(role, Permission.READ_SENSITIVE) else None
        )
        edited = _move_pending_into_audit(db, keys.path, actor)
    except BaseException:
        db.close()
        raise
    return Unlocked(db, actor, keys, key_file_edited=edited)
