"""The one login path, for the command line and the window alike.

``login`` checks the wait after failed attempts, opens the account's key slot with the
password (its private key, then the keys wrapped to it: docs/KEYS.md), opens the encrypted
database with the database key, checks that the account is active and reads its role, and
writes the login (and any failed attempts since the last login) to the audit log. A wrong
password opens nothing and writes only the failure counter in the key file; so does a key
file whose keys open nothing current (an old copy put back). ``verify`` does the same check
without opening the database for writing (the idle lock uses it).

The login also settles the key hierarchy: a legacy (version 1) slot becomes a key pair under
the same password; the database records the public key the password proved; an account that
holds the fields key wraps it to entitled accounts that have none yet (after an upgrade).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, text

from antt_desktop.security import hierarchy, keyfile_seal, server_keys
from antt_desktop.security.errors import LoginDelayed, WrongCredentials
from antt_desktop.security.kdf import (
    KEY_BYTES,
    PRODUCTION,
    SALT_BYTES,
    Derive,
    KdfParams,
    derive_key,
)
from antt_desktop.security.keyring import KeyRing
from antt_desktop.security.keyslots import (
    FIELDS,
    AccountSlot,
    Failures,
    KeyFile,
    KeyPlace,
    key_file_path,
    read_key_file,
    updating,
)
from antt_desktop.security.lockout import seconds_left
from antt_desktop.security.roles import Actor
from antt_desktop.store import audit
from antt_desktop.store.clock import WallClock, wall_ms
from antt_desktop.store.database import SET_FIELDS_KEY, Database, open_database
from antt_desktop.store.errors import DatabaseMissing
from antt_desktop.store.models import User
from antt_desktop.store.postgresql_url import is_url

Clock = Callable[[], float]
NAME_LIMIT = 64


@dataclass
class Unlocked:
    """A post opened by a login: the database, who logged in, and the keys to re-wrap."""

    db: Database
    actor: Actor
    #: the database key and, for a role that reads sensitive data, the fields key
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


def _unlock_key(
    key_path: KeyPlace,
    username: str,
    password: str,
    now: Clock,
    convert: KdfParams | None = None,
    derive: Derive = derive_key,
) -> hierarchy.Opened:
    """The keys this account's slot gives with this password; records a failure otherwise.
    With ``convert`` (the cost of new slots), a legacy slot becomes a key pair."""
    name = username.strip()[:NAME_LIMIT]
    read_key_file(key_path)  # KeyFileMissing / KeyFileInvalid before any lock or counter
    opened: hierarchy.Opened | None = None
    with updating(key_path) as keys:
        left = seconds_left(keys.failures.get(name), now())
        if not left:
            if name in keys.slots:
                opened = hierarchy.open_account(keys, name, password, derive)
            else:  # the same work as a real slot, so timing does not tell names apart
                derive_key(password, secrets.token_bytes(SALT_BYTES), PRODUCTION)
            if opened is None:
                record = keys.failures.setdefault(name, Failures())
                record.count += 1
                record.last = now()
                keys.attempts += 1
                keys.pending_audit.append(
                    {"at": _iso(record.last), "actor": name, "action": "login_failed"}
                )
            else:  # the key is at hand: check the record against its seal, then seal it
                keyfile_seal.note_edits(keys, opened.seal_key(), name, _iso(now()))
                keys.failures.pop(name, None)
                if opened.private is None and convert is not None:
                    hierarchy.new_account_slot(
                        keys,
                        name,
                        password,
                        convert,
                        db_keys=opened.db_keys,
                        fields_keys={},
                    )
                keyfile_seal.seal(keys, opened.seal_key())
    if left:
        raise LoginDelayed(seconds=left, user=name)
    if opened is None:
        raise WrongCredentials(user=name)
    return opened


def _unlock_server(
    place: KeyPlace, username: str, password: str, now: Clock, derive: Derive = derive_key
) -> hierarchy.Opened:
    """:func:`_unlock_key` on a server, where every desk shares the document: the password
    is checked (Argon2id) on a copy read without a lock, so desks logging in together, or a
    desk typing wrong passwords, do not hold the others up; only the counters and the seal
    are written under the row's lock, on the document as it is then."""
    name = username.strip()[:NAME_LIMIT]
    seen = read_key_file(place)
    left = seconds_left(seen.failures.get(name), now())
    opened: hierarchy.Opened | None = None
    if not left:
        if name in seen.slots:
            opened = hierarchy.open_account(seen, name, password, derive)
        else:  # the same work as a real slot, so timing does not tell names apart
            derive_key(password, secrets.token_bytes(SALT_BYTES), PRODUCTION)
        with updating(place) as keys:
            if opened is None:
                record = keys.failures.setdefault(name, Failures())
                record.count += 1
                record.last = now()
                keys.attempts += 1
                keys.pending_audit.append(
                    {"at": _iso(record.last), "actor": name, "action": "login_failed"}
                )
            else:
                keyfile_seal.note_edits(keys, opened.seal_key(), name, _iso(now()))
                keys.failures.pop(name, None)
                keyfile_seal.seal(keys, opened.seal_key())
    if left:
        raise LoginDelayed(seconds=left, user=name)
    if opened is None:
        raise WrongCredentials(user=name)
    return opened


def _ring(db_path: Path, opened: hierarchy.Opened, kdf: KdfParams) -> KeyRing:
    """The keys the database at hand is at; WrongCredentials when the slot's keys open
    nothing current (an old copy of the key file, from before a rotation)."""
    return _ring_at(key_file_path(db_path), hierarchy.probe(db_path, opened), opened, kdf)


def _ring_at(
    place: KeyPlace, current: hierarchy.Current | None, opened: hierarchy.Opened, kdf: KdfParams
) -> KeyRing:
    if current is None:
        raise WrongCredentials(user=opened.username)
    fields = opened.fields_keys.get(current.fields_id) if current.fields_id else None
    return KeyRing(
        place,
        current.db_key,
        kdf,
        fields_key=fields,
        db_key_id=current.db_id,
        fields_key_id=current.fields_id,
        sealed_with=opened.seal_key(),
    )


def verify(
    db_path: Path,
    username: str,
    password: str,
    *,
    now: Clock = time.time,
    kdf: KdfParams = PRODUCTION,
    db: Database | None = None,
) -> KeyRing:
    """Check the password (with the same waits and counters) without opening the database
    for writing. ``kdf`` is the cost of slots the returned ring writes later (tests lower it).
    ``db``: the open post, when it is on a server (its database keeps the slots; the idle
    lock of a desk there checks them, counting failures across desks).
    """
    if db is not None and db.url is not None:
        place = server_keys.ServerKeys(db.engine, db.url)
        opened = _unlock_server(place, username, password, now)
        return _ring_at(place, server_keys.current(db, read_key_file(place), opened), opened, kdf)
    key_path = key_file_path(db_path)
    return _ring(Path(db_path), _unlock_key(key_path, username, password, now), kdf)


def _settle_keys(db: Database, ring: KeyRing, actor: Actor) -> None:
    """After the login: the database records the public key this password proved; the
    fields key is made (after an upgrade, by the first entitled account) or wrapped to the
    entitled accounts that have none yet, when this account holds it."""
    key_path = ring.path
    slot = read_key_file(key_path).slots.get(actor.username)
    if not isinstance(slot, AccountSlot):
        return
    with db.journal() as session:
        if hierarchy.trusted_publics(session).get(actor.username) != slot.public:
            hierarchy.record_public(session, actor.username, slot.public)
        if ring.fields_key_id is None and not hierarchy.entitled(actor.role):
            return
        if ring.fields_key_id is not None and ring.fields_key is None:
            return  # the current fields key is not this account's to give
        trusted = hierarchy.trusted_publics(session)
        roles = hierarchy.active_roles(session)

        def waiting(keys: KeyFile) -> list[str]:
            """Accounts a holder vouched for, entitled and with a proved key pair, that lack
            the current fields key."""
            ident, key = ring.fields_key_id, ring.fields_key
            assert ident is not None and key is not None
            held = next((w.to for w in keys.generations(FIELDS) if w.id == ident), {})
            return [
                name
                for name in sorted(hierarchy.vouched(keys, ident, key) - set(held))
                if isinstance(keys.slots.get(name), AccountSlot)
                and hierarchy.entitled(roles.get(name))
                and trusted.get(name) == hierarchy.public_of(keys, name)
            ]

        if ring.fields_key_id is not None and not waiting(read_key_file(key_path)):
            return  # the usual login: nothing to write
        with updating(key_path) as keys:
            if ring.fields_key_id is None:  # none yet: this entitled account makes it
                made = max((w.id for w in keys.generations(FIELDS)), default=0) + 1
                ring.fields_key_id, ring.fields_key = made, secrets.token_bytes(KEY_BYTES)
                hierarchy.set_fields_key_id(session, made)
                # after an upgrade the roles the database holds are all there is to go by
                for name, role in roles.items():
                    if hierarchy.entitled(role) and name in keys.slots:
                        hierarchy.vouch(keys, made, ring.fields_key, name)
            assert ring.fields_key is not None and ring.fields_key_id is not None
            for name in waiting(keys):
                public = hierarchy.public_of(keys, name)
                assert public is not None
                hierarchy.give(keys, FIELDS, ring.fields_key_id, ring.fields_key, name, public)
        made_now = session.info.get(SET_FIELDS_KEY) if ring.fields_key else None
    if callable(made_now):  # the database was opened before the key existed
        made_now(ring.fields_key)


def _move_pending_into_audit(
    db: Database,
    key_path: KeyPlace,
    actor: Actor,
    action: str = "login",
    seal_key: bytes | None = None,
) -> bool:
    """Copy the pending entries into the audit log, with the login; True when the key
    file's failed-login record was found edited (by its seal, or because its seal is older
    than the generation the database last saw)."""
    keys = read_key_file(key_path)
    pending, generation = keys.pending_audit, keyfile_seal.generation(keys)
    edited = False
    server = db.url is not None

    def drop_copied() -> None:
        if server and seal_key is None:  # nothing to seal with: left for the next login
            return
        with updating(key_path) as kept:
            kept.pending_audit = [e for e in kept.pending_audit if e not in pending]
            key = seal_key or db.key
            if key is not None:
                # sealed moments ago by the unlock: only the entries just copied are gone
                keyfile_seal.seal(kept, key)

    with db.journal() as session:
        if server:  # desks take turns in here (the write lock): what none has copied yet
            session.connection()  # the transaction begins now, with the lock
            keys = read_key_file(key_path)
            pending, generation = keys.pending_audit, keyfile_seal.generation(keys)
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
        # on a server the document is in the database itself (no older copy to put back
        # beside it), and other desks' logins seal it meanwhile: the seal alone says it
        if generation <= int(known.scalar_one_or_none() or 0) and db.url is None:
            edited = True
            audit.append(
                session, actor.username, keyfile_seal.EDITED, detail=keyfile_seal.WORDS["older"]
            )
        session.execute(
            text("UPDATE local_node SET keyfile_seal_generation = :g"), {"g": generation}
        )
        audit.append(session, actor.username, action, "user", None, detail=actor.role)
        if pending and server:  # gone before the next desk's turn: copied once
            drop_copied()
    if pending and not server:
        drop_copied()
    return edited


def record_unlock(db: Database, actor: Actor, keys: KeyRing | None = None) -> bool:
    """The idle lock was lifted by ``actor``'s password (checked with :func:`verify`): the
    wrong passwords typed meanwhile and the unlock go into the audit log. True when the key
    file's failed-login record was found edited (see :func:`login`). ``keys``: the desk's
    ring, which seals the record again on a server (a SQLite file's key does there)."""
    seal_key = keys.seal_key() if keys is not None else None
    return _move_pending_into_audit(
        db, server_keys.place_of(db), actor, "unlock", seal_key=seal_key
    )


def login(
    db_path: Path | str,
    username: str,
    password: str,
    *,
    write: bool = True,
    now: Clock = time.time,
    wall: WallClock = wall_ms,
    kdf: KdfParams = PRODUCTION,
    derive: Derive = derive_key,
    local_dir: Path | None = None,
) -> Unlocked:
    """Open the post at ``db_path`` as ``username`` (``derive``: the password's key
    derivation, begun ahead by the command line). ``db_path`` may be a PostgreSQL server's
    URL: the keys are then the document its database keeps (security/server_keys.py), and
    ``local_dir`` is the desk's own folder.

    Raises:
        WrongCredentials, LoginDelayed, KeyFileMissing, KeyFileInvalid (all exit code 5),
        DatabaseMissing, DatabaseLocked, DatabaseTooNew. On a server: ServerKeysMissing
        and what ``open_database`` raises there.
    """
    if is_url(db_path):
        return _login_server(
            str(db_path),
            username,
            password,
            write=write,
            now=now,
            wall=wall,
            kdf=kdf,
            derive=derive,
            local_dir=local_dir,
        )
    db_path = Path(db_path)
    if not db_path.exists():
        raise DatabaseMissing(path=str(db_path))
    key_path = key_file_path(db_path)
    keys = _ring(
        db_path, _unlock_key(key_path, username, password, now, convert=kdf, derive=derive), kdf
    )
    db = open_database(db_path, key=keys.db_key, write=write, wall=wall)
    return _enter(db, keys, username)


def _login_server(
    url: str,
    username: str,
    password: str,
    *,
    write: bool,
    now: Clock,
    wall: WallClock,
    kdf: KdfParams,
    derive: Derive,
    local_dir: Path | None,
) -> Unlocked:
    """:func:`login` on a server: the database first (its document holds the slots), the
    same checks, counters and settling as with a key file."""
    db = open_database(url, write=write, wall=wall, local_dir=local_dir)
    try:
        place = server_keys.ServerKeys(db.engine, db.url or url)
        opened = _unlock_server(place, username, password, now, derive)
        current = server_keys.current(db, read_key_file(place), opened)
        keys = _ring_at(place, current, opened, kdf)
    except BaseException:
        db.close()
        raise
    unlocked = _enter(db, keys, username)
    server_keys.guard_writes(db, keys)  # another desk's rotation: no write under the old key
    return unlocked


def _enter(db: Database, keys: KeyRing, username: str) -> Unlocked:
    """The account must be active; its login goes into the audit log, the keys are settled
    and the fields key held (the database closed on any failure)."""
    name = username.strip()
    try:
        with db.read() as session:
            user = session.execute(
                select(User).where(User.username == name, User.deleted.is_(False))
            ).scalar_one_or_none()
            role = user.role if user is not None and user.active else None
        if role is None:  # a slot left behind by an account that was disabled
            raise WrongCredentials(user=name)
        actor = Actor(name, role)
        edited = _move_pending_into_audit(db, keys.path, actor, seal_key=keys.seal_key())
        _settle_keys(db, keys, actor)  # after an upgrade, may make the fields key
        db.unlock_fields(keys.fields_key)  # None for a role not entitled to it
    except BaseException:
        db.close()
        raise
    return Unlocked(db, actor, keys, key_file_edited=edited)
