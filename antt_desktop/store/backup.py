"""Backups made with SQLite's online backup API, checked before a restore replaces anything.

A copy of an encrypted database is encrypted with the same key (``Database.key``); the
security layer wraps such a copy, with the key slots, into the backup file officers keep.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from antt_desktop.store.database import Database, connect_raw
from antt_desktop.store.errors import KnownError


@dataclass(frozen=True)
class PostIdentity:
    """Which post a database holds: its unit (đơn vị) and this installation's node."""

    unit_code: str
    unit_name: str
    node_id: str


class BackupInvalid(KnownError):
    code = "backup.invalid"
    exit_code = 3


class BackupTooLarge(KnownError):
    """The file is larger than a backup may be (refused before it is read)."""

    code = "backup.too_large"
    exit_code = 3


class BackupTampered(KnownError):
    """The database copy was changed after the backup was made (its seal or SQLCipher's page
    checks fail): refused before anything is replaced."""

    code = "backup.tampered"
    exit_code = 3


class BackupNoRoom(KnownError):
    """The disk beside the database has no room to unpack the backup (nothing written)."""

    code = "backup.no_room"
    exit_code = 3


def _database_errors() -> tuple[type[Exception], ...]:
    # WORKAROUND: SQLCipher reports some pages it cannot decrypt as "out of memory", which
    # Python raises as MemoryError; from a file of outside that means a damaged file.
    errors: list[type[Exception]] = [sqlite3.DatabaseError, MemoryError]
    try:
        import sqlcipher3.dbapi2 as sqlcipher

        errors.append(sqlcipher.DatabaseError)
    except ImportError:  # pragma: no cover - encryption not installed
        pass
    return tuple(errors)


def backup(db: Database, target: Path) -> Path:
    """Copy the open database consistently to ``target`` (written aside, then renamed)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    raw = db.engine.raw_connection()
    try:
        dst = connect_raw(partial, db.key)
        try:
            raw.driver_connection.backup(dst)  # type: ignore[union-attr]
        finally:
            dst.close()
    finally:
        raw.close()
    try:
        check_backup(partial, db.key)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return target


def check_backup(path: Path, key: bytes | None = None) -> str:
    """The schema revision of a backup file; BackupInvalid if it is not a sound post database."""
    if not path.is_file():
        raise BackupInvalid(path=str(path), reason="missing")
    try:
        conn: Any = connect_raw(path, key, read_only=True)
        try:
            # a file from outside: its schema may not call functions, and every page's
            # cells are checked as they are read
            conn.execute("PRAGMA trusted_schema = OFF")
            conn.execute("PRAGMA cell_size_check = ON")
            if key is not None:
                # every page's HMAC, free pages too (integrity_check reads only used ones)
                damaged = conn.execute("PRAGMA cipher_integrity_check").fetchall()
                if damaged:
                    raise BackupTampered(path=str(path))
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            node = conn.execute("SELECT count(*) FROM local_node").fetchone()[0]
        finally:
            conn.close()
    except _database_errors() as exc:
        raise BackupInvalid(path=str(path), reason=str(exc)) from exc
    if ok != "ok" or revision is None or node != 1:
        raise BackupInvalid(path=str(path), reason=f"integrity {ok}, node rows {node}")
    # an older backup is upgraded when opened; a newer one is refused by open_database
    return str(revision[0])


def post_identity(path: Path, key: bytes | None) -> PostIdentity:
    """The unit and node of the post database at ``path`` (BackupInvalid if it holds none)."""
    try:
        conn: Any = connect_raw(path, key, read_only=True)
        try:
            row = conn.execute(
                "SELECT u.code, u.name, n.node_id FROM local_node n"
                " JOIN units u ON u.id = n.unit_id"
            ).fetchone()
        finally:
            conn.close()
    except _database_errors() as exc:
        raise BackupInvalid(path=str(path), reason=str(exc)) from exc
    if row is None:
        raise BackupInvalid(path=str(path), reason="no unit")
    return PostIdentity(str(row[0]), str(row[1]), str(row[2]))


def kept_path(db_path: Path, why: str) -> Path:
    """A name beside the database for a copy kept aside, taken by no file yet."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = db_path.with_name(f"{db_path.stem}.{why}-{stamp}{db_path.suffix}")
    n = 1
    while kept.exists():  # twice in one second: never over an earlier safety copy
        n += 1
        kept = db_path.with_name(f"{db_path.stem}.{why}-{stamp}-{n}{db_path.suffix}")
    return kept


def keep_aside(db_path: Path, why: str, kept: Path | None = None) -> Path:
    """Copy the database file (and its write-ahead log) aside before it is replaced."""
    kept = kept or kept_path(db_path, why)
    if db_path.exists():
        shutil.copy2(db_path, kept)
        wal = Path(str(db_path) + "-wal")
        if wal.exists():  # committed changes not yet folded into the file
            shutil.copy2(wal, Path(str(kept) + "-wal"))
    return kept


def new_epoch(path: Path, key: bytes | None) -> None:
    """A restored copy starts a new replica epoch so its old sync stamps are never reused."""
    conn = connect_raw(path, key)
    try:
        conn.execute("UPDATE local_node SET replica_id = ?", (str(uuid.uuid4()),))
        conn.commit()
    finally:
        conn.close()


def restore(db_path: Path, source: Path, key: bytes | None = None) -> Path:
    """Replace the database at ``db_path`` with ``source``; the current file is kept aside.

    The caller must hold the write lock and have closed its engine. Returns the path where
    the replaced database was kept.
    """
    check_backup(source, key)
    kept = keep_aside(db_path, "before-restore")
    staging = db_path.with_name(db_path.name + ".restore")
    shutil.copy2(source, staging)
    new_epoch(staging, key)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    staging.replace(db_path)
    return kept
