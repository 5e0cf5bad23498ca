"""The backup file: the encrypted database copy and its key slots, in one file.

Nothing in it is readable without a password that was valid when the backup was made: the
database copy is encrypted with the database key, and the key is there only wrapped in the
accounts' slots. Restoring needs the password of an account that was an active chief in the
backup, and gives back the passwords of that time.

Layout: :data:`MAGIC`, the header length (4 bytes, big-endian), the header (JSON: format
version, creation time, unit, schema revision, size and SHA-256 of the copy, the key file),
then the database copy. Every read is bounded and checked before anything is replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

import filelock

from antt_desktop.security.errors import WrongCredentials
from antt_desktop.security.keyslots import (
    MAX_BYTES as MAX_KEY_FILE_BYTES,
)
from antt_desktop.security.keyslots import (
    KeyFile,
    key_file_path,
    read_key_file,
    write_key_file,
)
from antt_desktop.security.roles import Role
from antt_desktop.store import backup as raw_backup
from antt_desktop.store.backup import BackupInvalid, BackupNoRoom, BackupTooLarge
from antt_desktop.store.database import Database, connect_raw
from antt_desktop.store.errors import DatabaseLocked

MAGIC = b"ANTT-BACKUP\x00"
FORMAT = "antt-backup"
VERSION = 1
SUFFIX = ".anttbak"
#: The header (key slots and facts about the copy) is read into memory only up to this.
MAX_HEADER_BYTES = MAX_KEY_FILE_BYTES + 64 * 1024
#: The database copy a backup may hold (streamed to a staging file, never held in memory).
MAX_DATABASE_BYTES = 64 * 1024**3
#: The largest backup file read at all: refused on its size before a byte is read.
MAX_BACKUP_BYTES = len(MAGIC) + 4 + MAX_HEADER_BYTES + MAX_DATABASE_BYTES
#: Room left on the disk after unpacking a backup, besides the copy itself.
SPARE_DISK_BYTES = 64 * 1024 * 1024
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: str
    unit_code: str
    schema: str
    size: int


def _header(keys: KeyFile, unit_code: str, schema: str, size: int, digest: str) -> bytes:
    keys_doc = json.loads(KeyFile(keys.post, keys.slots).to_json())  # no counters
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "unit_code": unit_code,
        "schema": schema,
        "database_bytes": size,
        "database_sha256": digest,
        "keys": keys_doc,
    }
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_backup(db: Database, unit_code: str, target: Path) -> Path:
    """Back the open (encrypted) post up into ``target`` (written aside, then renamed)."""
    if db.key is None:
        raise BackupInvalid(path=str(db.path), reason="the database is not encrypted")
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    copy = target.with_name(f"{target.name}.{secrets.token_hex(4)}.db")
    partial = target.with_name(target.name + ".part")
    try:
        raw_backup.backup(db, copy)
        schema = raw_backup.check_backup(copy, db.key)
        keys = read_key_file(key_file_path(db.path))
        header = _header(keys, unit_code, schema, copy.stat().st_size, _sha256(copy))
        with partial.open("wb") as out, copy.open("rb") as src:
            out.write(MAGIC + struct.pack(">I", len(header)) + header)
            shutil.copyfileobj(src, out, CHUNK)
            out.flush()
            os.fsync(out.fileno())
        partial.replace(target)
    finally:
        copy.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    return target


def _invalid(path: Path, reason: str) -> BackupInvalid:
    return BackupInvalid(path=str(path), reason=reason)


def _gigabytes(n: int) -> str:
    return f"{n / 1024**3:.1f}".replace(".", ",")


def _too_large(path: Path) -> BackupTooLarge:
    return BackupTooLarge(path=str(path), max=_gigabytes(MAX_DATABASE_BYTES).replace(",0", ""))


def _check_size(path: Path) -> None:
    if path.stat().st_size > MAX_BACKUP_BYTES:
        raise _too_large(path)


def _read_header(path: Path, fh: BinaryIO) -> dict[str, Any]:
    if fh.read(len(MAGIC)) != MAGIC:
        raise _invalid(path, "not an ANTT Desktop backup file")
    raw_len = fh.read(4)
    if len(raw_len) != 4:
        raise _invalid(path, "cut short")
    (length,) = struct.unpack(">I", raw_len)
    if length > MAX_HEADER_BYTES:
        raise _invalid(path, "header too big")
    raw = fh.read(length)
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _invalid(path, "damaged header") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _invalid(path, "damaged header")
    if doc.get("version") != VERSION:
        raise _invalid(path, f"backup format version {doc.get('version')!r} is unknown")
    size, digest = doc.get("database_bytes"), doc.get("database_sha256")
    if type(size) is not int or not size > 0 or not isinstance(digest, str):
        raise _invalid(path, "damaged header")
    if size > MAX_DATABASE_BYTES:
        raise _too_large(path)
    if path.stat().st_size != len(MAGIC) + 4 + length + size:
        raise _invalid(path, "the file is cut short or has extra bytes")
    return doc


def backup_info(path: Path) -> BackupInfo:
    """What a backup file says about itself (checks its header only)."""
    path = Path(path)
    if not path.is_file():
        raise _invalid(path, "missing")
    _check_size(path)
    with path.open("rb") as fh:
        doc = _read_header(path, fh)
    return BackupInfo(
        path,
        str(doc.get("created")),
        str(doc.get("unit_code")),
        str(doc.get("schema")),
        int(doc["database_bytes"]),
    )


@contextmanager
def _unpacked(path: Path, folder: Path) -> Iterator[tuple[Path, KeyFile]]:
    """The database copy of a backup in a staging file of ``folder``, checked against its
    hash, and the backup's key slots. The staging file is gone when the block ends."""
    staging = folder / f".restore-{secrets.token_hex(6)}.db"
    if not path.is_file():
        raise _invalid(path, "missing")
    _check_size(path)
    try:
        with path.open("rb") as fh:
            doc = _read_header(path, fh)
            _check_room(folder, int(doc["database_bytes"]))
            try:
                keys = KeyFile.from_json(json.dumps(doc.get("keys")).encode("utf-8"))
            except Exception as exc:
                raise _invalid(path, "damaged key slots") from exc
            digest = hashlib.sha256()
            with staging.open("wb") as out:
                left = int(doc["database_bytes"])
                while left and (chunk := fh.read(min(CHUNK, left))):
                    digest.update(chunk)
                    out.write(chunk)
                    left -= len(chunk)
        if digest.hexdigest() != doc["database_sha256"]:
            raise _invalid(path, "the database copy does not match its checksum")
        yield staging, keys
    finally:
        staging.unlink(missing_ok=True)


def _check_room(folder: Path, size: int) -> None:
    """BackupNoRoom unless the copy and some spare fit on the disk (before writing it)."""
    free = shutil.disk_usage(folder).free
    if free < size + SPARE_DISK_BYTES:
        raise BackupNoRoom(
            folder=str(folder), need=_gigabytes(size + SPARE_DISK_BYTES), free=_gigabytes(free)
        )


def _chief_in(copy: Path, key: bytes, username: str) -> bool:
    conn = connect_raw(copy, key)
    try:
        row = conn.execute(
            "SELECT role, active FROM users WHERE username = ? AND deleted = 0", (username,)
        ).fetchone()
    finally:
        conn.close()
    return row is not None and row[0] == Role.CHIEF.value and bool(row[1])


def restore_backup(db_path: Path, source: Path, username: str, password: str) -> Path:
    """Replace the post at ``db_path`` with the backup ``source``, on a chief's password.

    The current database (with its key file) is kept aside first. Returns where.

    Raises:
        BackupInvalid, BackupTooLarge, BackupNoRoom (nothing replaced), WrongCredentials
        (not a chief's password in that backup), DatabaseLocked (the post is open elsewhere).
    """
    db_path, source = Path(db_path), Path(source)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(str(db_path) + ".lock", timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout as exc:
        raise DatabaseLocked(path=str(db_path)) from exc
    try:
        with _unpacked(source, db_path.parent) as (staging, keys):
            slot = keys.slots.get(username)
            db_key = slot.unwrap(username, password) if slot else None
            if db_key is None:
                raise WrongCredentials(user=username)
            raw_backup.check_backup(staging, db_key)
            if not _chief_in(staging, db_key, username):
                raise WrongCredentials(user=username)
            raw_backup.new_epoch(staging, db_key)
            key_path = key_file_path(db_path)
            kept = raw_backup.keep_aside(db_path, "before-restore")
            if key_path.exists():
                shutil.copy2(key_path, Path(str(kept) + ".keys"))
            for suffix in ("-wal", "-shm"):
                Path(str(db_path) + suffix).unlink(missing_ok=True)
            staging.replace(db_path)
            write_key_file(key_path, keys)
    finally:
        lock.release()
    return kept
