"""Backups made with SQLite's online backup API, checked before a restore replaces anything."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from datetime import datetime
from pathlib import Path

from antt_desktop.store.database import Database, head_revision
from antt_desktop.store.errors import KnownError


class BackupInvalid(KnownError):
    code = "backup.invalid"
    exit_code = 3


def backup(db: Database, target: Path) -> Path:
    """Copy the open database consistently to ``target`` (written aside, then renamed)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    raw = db.engine.raw_connection()
    try:
        dst = sqlite3.connect(partial)
        try:
            raw.driver_connection.backup(dst)  # type: ignore[union-attr]
        finally:
            dst.close()
    finally:
        raw.close()
    check_backup(partial)
    partial.replace(target)
    return target


def check_backup(path: Path) -> str:
    """The schema revision of a backup file; BackupInvalid if it is not a sound post database."""
    if not path.is_file():
        raise BackupInvalid(path=str(path), reason="missing")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            node = conn.execute("SELECT count(*) FROM local_node").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupInvalid(path=str(path), reason=str(exc)) from exc
    if ok != "ok" or revision is None or node != 1:
        raise BackupInvalid(path=str(path), reason=f"integrity {ok}, node rows {node}")
    if revision[0] != head_revision():
        # an older backup is upgraded when opened; a newer one is refused by open_database
        pass
    return str(revision[0])


def restore(db_path: Path, source: Path) -> Path:
    """Replace the database at ``db_path`` with ``source``; the current file is kept aside.

    The caller must hold the write lock and have closed its engine. The restored copy starts
    a new replica epoch (a fresh replica id) so its old sync stamps are never reused.
    Returns the path where the replaced database was kept.
    """
    check_backup(source)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix}")
    staging = db_path.with_name(db_path.name + ".restore")
    shutil.copy2(source, staging)
    conn = sqlite3.connect(staging)
    try:
        conn.execute("UPDATE local_node SET replica_id = ?", (str(uuid.uuid4()),))
        conn.commit()
    finally:
        conn.close()
    if db_path.exists():
        with sqlite3.connect(db_path) as live:
            live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(db_path, kept)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    staging.replace(db_path)
    return kept
