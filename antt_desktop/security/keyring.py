"""The open database's key and the key file it is wrapped in: add, rewrap, remove slots."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from antt_desktop.security import keyfile_seal
from antt_desktop.security.kdf import PRODUCTION, KdfParams
from antt_desktop.security.keyslots import KeyFile, KeySlot, read_key_file, updating


@dataclass(frozen=True)
class KeyRing:
    """The database key of an unlocked post and where its slots live.

    ``kdf`` is the cost of every slot this ring writes (lowered only by tests).
    """

    path: Path
    db_key: bytes
    kdf: KdfParams = PRODUCTION

    def with_kdf(self, kdf: KdfParams) -> KeyRing:
        return KeyRing(self.path, self.db_key, kdf)

    def names(self) -> set[str]:
        """Account names that have a slot (that can log in)."""
        return set(read_key_file(self.path).slots)

    def set_password(self, username: str, password: str) -> None:
        """Give ``username`` a slot opened by ``password`` (a new one, or a rewrap)."""
        slot = KeySlot.wrap(self.db_key, username, password, self.kdf)
        with updating(self.path) as keys:
            self._check(keys, username)
            keys.slots[username] = slot
            keys.failures.pop(username, None)
            keyfile_seal.seal(keys, self.db_key)

    def remove(self, username: str) -> None:
        with updating(self.path) as keys:
            self._check(keys, username)
            keys.slots.pop(username, None)
            keys.failures.pop(username, None)
            keyfile_seal.seal(keys, self.db_key)

    def _check(self, keys: KeyFile, username: str) -> None:
        """An edit of the failed-login record made before this change is kept (pending for
        the audit log, with the next login), not sealed over."""
        at = datetime.now(UTC).isoformat(timespec="seconds")
        keyfile_seal.note_edits(keys, self.db_key, username, at)

    def failures(self, username: str) -> int:
        record = read_key_file(self.path).failures.get(username)
        return record.count if record else 0
