"""Key rotation: what an account could unwrap is replaced when it is disabled, its role
lowered or its password changed, so an old key-file copy and an old password open nothing
current (docs/KEYS.md).

A rotation runs inside the service's write transaction, in this order, so that a crash at
any point leaves a database some slot opens:

1. the key file gets the new database key (and, when the account concerned could read
   sensitive data, a new fields key) wrapped to every remaining entitled account, *beside*
   the old generations; the account concerned loses its slot (disabled), its fields key
   (role lowered), or gets a new key pair under its new password;
2. in the transaction: the sensitive columns are resealed from the old fields key to the
   new (``on_fields_key_change``), the database records the new fields generation;
3. after the commit: ``PRAGMA rekey`` re-encrypts the file under the new database key;
4. the old generations are dropped from the key file, which is sealed with the new key.

A crash after 1 leaves both generations in the file: a login tries the newer database key
first, and takes the fields generation the database records. The next writer's change
drops what is left over (:meth:`KeyRing.tidy`).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.security import hierarchy, keyfile_seal
from antt_desktop.security.kdf import KEY_BYTES
from antt_desktop.security.keyring import KeyRing
from antt_desktop.security.keyslots import DB, FIELDS, AccountSlot, updating
from antt_desktop.store import audit
from antt_desktop.store.database import REKEY, SET_FIELDS_KEY

#: (session, old fields key, new fields key) → rows resealed; runs in the write transaction
FieldsKeyHook = Callable[[Session, bytes, bytes], int]


def no_reseal(_session: Session, _old: bytes, _new: bytes) -> int:
    """Nothing to reseal (no column is sealed under the fields key in this build)."""
    return 0


@dataclass(frozen=True)
class Change:
    """What happens to the account concerned: its new password (a new key pair), its role
    from now on (None: disabled), and whether it could read the fields key before."""

    username: str
    role: str | None
    password: str | None = None
    could_read_fields: bool = False


@dataclass(frozen=True)
class Rotation:
    """What a rotation did (the audit entry's detail)."""

    db_key_id: int
    fields_key_id: int | None
    resealed: int
    dropped_legacy: tuple[str, ...]

    def detail(self) -> str:
        text_ = f"database key generation {self.db_key_id}"
        if self.fields_key_id is not None:
            text_ += f", fields key generation {self.fields_key_id} ({self.resealed} resealed)"
        if self.dropped_legacy:
            text_ += "; slots not upgraded since, removed: " + ", ".join(self.dropped_legacy)
        return text_


def _next_id(keys_ids: list[int], current: int | None) -> int:
    return max([*keys_ids, current or 0]) + 1


def rotate(
    session: Session,
    ring: KeyRing,
    change: Change,
    *,
    actor: str,
    on_fields_key_change: FieldsKeyHook = no_reseal,
) -> Rotation:
    """Rotate what ``change.username`` could unwrap (see the module's steps), in
    ``session``'s transaction; the rekey and the clean-up follow its commit.

    Raises:
        ValidationFailed: the fields key must change but the acting account does not hold
        it (an upgrade not finished: docs/KEYS.md); nothing is written.
    """
    rekey = session.info.get(REKEY)
    if not callable(rekey):  # a bug: never leave the file under a key nobody holds
        raise RuntimeError("this session cannot rekey its database (open it through Database)")
    name = change.username
    roles = hierarchy.active_roles(session)  # after the service's change (autoflush)
    trusted = hierarchy.trusted_publics(session)
    fields_id = hierarchy.fields_key_id(session)
    old_fields = ring.fields_key if ring.fields_key_id == fields_id else None
    rotate_fields = change.could_read_fields and fields_id is not None
    if rotate_fields and old_fields is None:
        raise ValidationFailed.single("username", "keys.no_fields_key", value=name)
    new_db = secrets.token_bytes(KEY_BYTES)
    new_fields = secrets.token_bytes(KEY_BYTES) if rotate_fields else None
    at = datetime.now(UTC).isoformat(timespec="seconds")
    with updating(ring.path) as keys:
        keyfile_seal.note_edits(keys, ring.seal_key(), actor, at)
        # numbers never reused, not even those of a rotation cut short (tidied away now)
        new_db_id = _next_id([w.id for w in keys.generations(DB)], ring.db_key_id)
        new_fields_id = (
            _next_id([w.id for w in keys.generations(FIELDS)], fields_id)
            if rotate_fields
            else fields_id
        )
        ring.tidy(keys)
        # who may have the new fields key: those a holder vouched for (not a role raised by
        # editing the database), still active with a role that reads sensitive data
        holders: set[str] = set()
        if rotate_fields and old_fields is not None and fields_id is not None:
            holders = hierarchy.vouched(keys, fields_id, old_fields)
        dropped = hierarchy.drop_legacy(keys)
        for legacy in dropped:
            hierarchy.record_public(session, legacy, None)
        if change.role is None:
            hierarchy.forget(keys, name)
            hierarchy.record_public(session, name, None)
        elif not hierarchy.entitled(change.role):
            hierarchy.take_fields_key(keys, name)
        if change.role is not None and change.password is not None:
            fields: dict[int, bytes] = {}
            if hierarchy.entitled(change.role) and old_fields is not None and fields_id:
                fields[fields_id] = old_fields
            public = hierarchy.new_account_slot(
                keys,
                name,
                change.password,
                ring.kdf,
                db_keys={ring.db_key_id: ring.db_key},
                fields_keys=fields,
            )
            keys.failures.pop(name, None)
            hierarchy.record_public(session, name, public)
            trusted[name] = public
        for account, slot in keys.slots.items():
            if not isinstance(slot, AccountSlot) or account not in roles:
                continue
            if trusted.get(account) != slot.public:  # not the key its login proved
                continue
            hierarchy.give(keys, DB, new_db_id, new_db, account, slot.public)
            if (
                new_fields is not None
                and new_fields_id
                and account in holders
                and hierarchy.entitled(roles[account])
            ):
                hierarchy.give(keys, FIELDS, new_fields_id, new_fields, account, slot.public)
        ring.reseal(keys)  # with the old key (tidied: the oldest left): the file is under it
    resealed = 0
    if new_fields is not None and old_fields is not None:
        resealed = on_fields_key_change(session, old_fields, new_fields)
        hierarchy.set_fields_key_id(session, new_fields_id)
    # the audit chain keeps its key: the file holds it from now on, whatever its key
    session.execute(
        text("UPDATE local_node SET audit_secret = :k WHERE audit_secret IS NULL"),
        {"k": audit.session_audit_key(session)},
    )
    old_db = ring.db_key
    # a server's data is not encrypted with the post key: nothing to rekey there
    server = session.get_bind().dialect.name == "postgresql"

    set_fields = session.info.get(SET_FIELDS_KEY)

    def finish(_session: Session) -> None:
        if new_fields is not None:
            ring.fields_key, ring.fields_key_id = new_fields, new_fields_id
            if callable(set_fields):  # the open database reads the columns resealed
                set_fields(new_fields)
        if not server:
            rekey(new_db)
        ring.db_key, ring.db_key_id = new_db, new_db_id
        with updating(ring.path) as done:
            keyfile_seal.note_edits(done, old_db, actor, at)
            ring.tidy(done)
            ring.reseal(done)

    event.listen(session, "after_commit", finish, once=True)
    return Rotation(
        new_db_id,
        new_fields_id if rotate_fields else None,
        resealed,
        tuple(dropped),
    )
