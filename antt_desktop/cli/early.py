"""What the command line reads before it loads its database layer: where the post is, who
logs in, and that account's key derivation, begun at once.

Importing SQLAlchemy and the models takes about half a second; Argon2 (C code that lets go of
Python's lock) takes a few tenths more. When ``$ANTT_PASSWORD`` gives the password — scripts,
scheduled tasks — the derivation runs on a thread meanwhile, so a command waits for the
longer of the two rather than their sum. This module imports only what reading the key file
needs (no SQLAlchemy, no Qt).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from antt_desktop.security.errors import KeyFileInvalid, KeyFileMissing
from antt_desktop.security.kdf import Derive, DerivedAhead, KdfParams, derive_key
from antt_desktop.security.keyslots import KeyFile, key_file_path, read_key_file
from antt_desktop.store.files import DB_FILENAME

APP_NAME = "ANTT Desktop"
PASSWORD_VAR = "ANTT_PASSWORD"
USER_VAR = "ANTT_USER"
NEW_PASSWORD_VAR = "ANTT_NEW_PASSWORD"


def default_data_dir() -> Path:
    env = os.environ.get("ANTT_DATA_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def begin_derivation(
    data_dir: Path | None, user: str | None, database: str | None = None
) -> Derive:
    """The login's key derivation for the account named (``--user`` or ``$ANTT_USER``) with
    ``$ANTT_PASSWORD``, begun now; :func:`derive_key` itself when there is nothing to begin
    (no password given, no key file, no slot of that name — the login then says what is
    wrong, as it always has). On a server (``database``: its URL) the slots are in the
    database: read on the thread first, through the driver alone."""
    password = os.environ.get(PASSWORD_VAR)
    name = (user or os.environ.get(USER_VAR) or "").strip()
    if not password or not name:
        return derive_key
    if database:
        return DerivedAhead(password, find=lambda: _server_slot(database, name))
    try:
        keys = read_key_file(key_file_path((data_dir or default_data_dir()) / DB_FILENAME))
    except (KeyFileMissing, KeyFileInvalid, OSError):
        return derive_key
    slot = keys.slots.get(name)
    if slot is None:
        return derive_key
    return DerivedAhead(password, slot.salt, slot.kdf)


def _server_slot(url: str, name: str) -> tuple[bytes, KdfParams] | None:
    """The salt and cost of ``name``'s slot on the server at ``url`` (None: no such slot)."""
    from antt_desktop.store.postgresql_early import key_document

    doc = key_document(url)
    slot = KeyFile.from_json(doc).slots.get(name) if doc is not None else None
    return (slot.salt, slot.kdf) if slot is not None else None
