"""The unlocked post's keys and the key file they are wrapped in (docs/KEYS.md).

A :class:`KeyRing` is what a login yields: the current database key and, for an account
whose role reads sensitive data, the current fields key, with their generations. The ring is
changed in place by a rotation (:mod:`rotation`), so the window and the command line, which
hold it, keep the keys the database is at.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from antt_desktop.security import hierarchy, keyfile_seal
from antt_desktop.security.kdf import PRODUCTION, KdfParams
from antt_desktop.security.keyslots import (
    DB,
    FIELDS,
    AccountSlot,
    KeyFile,
    KeyPlace,
    read_key_file,
    updating,
)


@dataclass
class KeyRing:
    """The keys of an unlocked post and where its slots live.

    ``kdf`` is the cost of every slot this ring writes (lowered only by tests).
    ``fields_key`` is None for an account whose role does not read sensitive data (or that
    has not been given it yet, after an upgrade: docs/KEYS.md).
    """

    #: the key file, or the document a server's database keeps (security/server_keys.py)
    path: KeyPlace
    db_key: bytes
    kdf: KdfParams = PRODUCTION
    fields_key: bytes | None = None
    db_key_id: int = 1
    fields_key_id: int | None = None
    #: the key the file's counters were last sealed with (the oldest database key it holds,
    #: :mod:`keyfile_seal`), when a rotation cut short left an older one there
    sealed_with: bytes | None = field(default=None, repr=False)

    def seal_key(self) -> bytes:
        return self.sealed_with or self.db_key

    def reseal(self, keys: KeyFile) -> None:
        """Seal ``keys`` after :meth:`tidy` (only the ring's database key is left)."""
        keyfile_seal.seal(keys, self.db_key)
        self.sealed_with = self.db_key

    def with_kdf(self, kdf: KdfParams) -> KeyRing:
        return replace(self, kdf=kdf)

    def names(self, trusted: dict[str, bytes] | None = None) -> set[str]:
        """Account names whose slot opens the database today: a slot of the first key file
        version, or a key pair holding a copy of the current database key — and, where the
        database recorded the account's public key at its login (``trusted``, from
        :func:`hierarchy.trusted_publics`), that same key pair (a public key swapped into
        the file receives nothing, so its account cannot log in)."""
        keys = read_key_file(self.path)
        generations = keys.generations(DB)
        current = generations[-1].to if generations else {}
        known = trusted or {}
        return {
            name
            for name, slot in keys.slots.items()
            if not isinstance(slot, AccountSlot)
            or (name in current and known.get(name, slot.public) == slot.public)
        }

    def failures(self, username: str) -> int:
        record = read_key_file(self.path).failures.get(username)
        return record.count if record else 0

    def tidy(self, keys: KeyFile) -> None:
        """Keep only the generations the database is at (the ring's): what a rotation cut
        short left behind goes (only a writer holds a ring that changes the file)."""
        hierarchy.keep_only(keys, DB, self.db_key_id)
        if self.fields_key_id is not None:  # known to every account (the database says it)
            hierarchy.keep_only(keys, FIELDS, self.fields_key_id)

    def set_password(self, session: Session, username: str, password: str, role: str) -> None:
        """Give ``username`` a new key pair opened by ``password`` and the current keys its
        role is entitled to (a new account, or one enabled again). The public key is
        recorded in the database in ``session``'s transaction."""
        fields = {}
        if hierarchy.entitled(role) and self.fields_key and self.fields_key_id is not None:
            fields = {self.fields_key_id: self.fields_key}
        with updating(self.path) as keys:
            self._check(keys, username)
            self.tidy(keys)
            public = hierarchy.new_account_slot(
                keys,
                username,
                password,
                self.kdf,
                db_keys={self.db_key_id: self.db_key},
                fields_keys=fields,
            )
            keys.failures.pop(username, None)
            self.reseal(keys)
        hierarchy.record_public(session, username, public)

    def grant_fields_key(self, session: Session, username: str) -> bool:
        """Wrap the current fields key to ``username`` (a role that now reads sensitive
        data), to the public key its login proved; False when this ring has no fields key
        or the account has not logged in with a key pair yet (its next login by an account
        holding the key gives it then)."""
        if self.fields_key is None or self.fields_key_id is None:
            return False
        trusted = hierarchy.trusted_publics(session).get(username)
        with updating(self.path) as keys:
            self._check(keys, username)
            public = hierarchy.public_of(keys, username)
            if public is None or public != trusted:  # vouched for: given at a later login
                hierarchy.vouch(keys, self.fields_key_id, self.fields_key, username)
                return False
            hierarchy.give(keys, FIELDS, self.fields_key_id, self.fields_key, username, public)
            keyfile_seal.seal(keys, self.seal_key())
        return True

    def _check(self, keys: KeyFile, username: str) -> None:
        """An edit of the failed-login record made before this change is kept (pending for
        the audit log, with the next login), not sealed over."""
        at = datetime.now(UTC).isoformat(timespec="seconds")
        keyfile_seal.note_edits(keys, self.seal_key(), username, at)
