"""The key file of a post on a PostgreSQL server, kept in its database (docs/KEYS.md, "On a
server").

On SQLite each desk's key file sits beside the database file. Desks sharing a server share
its accounts, so what the key file holds — each account's slot, the keys wrapped to them,
the failed-login counters and the failures not yet in the audit log — is one document in
the database (``store/postgresql_keys.py``), the same JSON, read and changed by every desk:
an account logs in at any desk with its own password, and its failures count across desks.

The server holds no SQLCipher key: the server's rights and TLS protect the data. The "db"
key of the hierarchy stays, as the post key every active account holds: it proves a slot
is current (a rotation gives a new one to the remaining accounts only) and seals the failure
counters. The fields key is what matters: wrapped only to accounts whose role reads
sensitive data, never stored in the clear, so the server never reads the sealed fields.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from antt_desktop.security import hierarchy
from antt_desktop.security.errors import KeyFileInvalid
from antt_desktop.security.keyring import KeyRing
from antt_desktop.security.keyslots import (
    DB,
    MAX_BYTES,
    KeyFile,
    KeyPlace,
    KeyStore,
    key_file_path,
)
from antt_desktop.store import postgresql_keys
from antt_desktop.store.database import Database


@dataclass(frozen=True, eq=False)
class ServerKeys(KeyStore):
    """The key document of the post on the server ``engine`` reaches (``shown``: its URL
    without the password, for messages)."""

    engine: Engine
    shown: str

    def _parse(self, raw: bytes | None) -> KeyFile:
        if raw is None:
            raise postgresql_keys.ServerKeysMissing(path=self.shown)
        if len(raw) > MAX_BYTES:
            raise KeyFileInvalid(path=self.shown, reason="too big")
        try:
            return KeyFile.from_json(raw)
        except KeyFileInvalid as exc:
            exc.params.setdefault("path", self.shown)
            raise

    def exists(self) -> bool:
        with self.engine.connect() as conn:
            return postgresql_keys.read(conn) is not None

    def read(self) -> KeyFile:
        with self.engine.connect() as conn:
            return self._parse(postgresql_keys.read(conn))

    def write(self, keys: KeyFile) -> None:
        with self.engine.begin() as conn:
            postgresql_keys.write(conn, keys.to_json())

    @contextmanager
    def updating(self, *, create: bool = False) -> Iterator[KeyFile]:
        with postgresql_keys.updating(self.engine) as (raw, written):
            keys = KeyFile() if create and raw is None else self._parse(raw)
            yield keys
            written.append(keys.to_json())


def place_of(db: Database) -> KeyPlace:
    """Where the keys of the open post ``db`` are: its server's document, or the key file
    beside its SQLite file."""
    if db.url is not None:
        return ServerKeys(db.engine, db.url)
    return key_file_path(Path(db.path))


def current(db: Database, keys: KeyFile, opened: hierarchy.Opened) -> hierarchy.Current | None:
    """What :func:`hierarchy.probe` says of a file, for a server: the newest post-key
    generation the document holds, when this account's slot opened it (a rotation gives it
    to the remaining accounts only), and the fields generation the database records."""
    generations = keys.generations(DB)
    if not generations or generations[0].id not in opened.db_keys:
        return None
    with db.read() as session:
        fields = hierarchy.fields_key_id(session)
    newest = generations[0].id
    return hierarchy.Current(newest, opened.db_keys[newest], fields)


def guard_writes(db: Database, ring: KeyRing) -> None:
    """Refuse this desk's writes once another desk rotated the fields key (KeysChanged):
    each write transaction, as it takes the write lock, finds the generation the database
    is sealed under still the one ``ring`` holds. A rotation made at this desk updates
    ``ring`` after its commit, so its next write goes on. A role without the fields key
    seals nothing: its writes are not held up."""

    @event.listens_for(db.engine, "begin")
    def _check(conn: Any) -> None:
        if conn.get_execution_options().get("antt_begin") != "IMMEDIATE":
            return  # a read
        if ring.fields_key is None:
            return
        if postgresql_keys.fields_key_id(conn) != ring.fields_key_id:
            raise postgresql_keys.KeysChanged(path=db.url or "")
