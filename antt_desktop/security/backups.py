"""The backup file: the encrypted database copy and its key slots, in one file.

Nothing in it is readable without a password that was valid when the backup was made: the
database copy is encrypted with the database key, and the key is there only wrapped in the
accounts' slots. Restoring needs the password of an account that was an active chief in the
backup, and gives back the passwords of that time.

Layout: :data:`MAGIC`, the header length (4 bytes, big-endian), the header (JSON: format
version, creation time, unit code and name, node id, schema revision, size and SHA-256 of
the copy, the key file, and the seal), then the database copy. Every read is bounded and
checked before anything is replaced.

The seal (format 2) is an HMAC-SHA256 of the header (all but the seal and the SHA-256) and
of the copy, under a key derived from the database key: only someone who could open the post
could have made it, so bytes changed afterwards (with the SHA-256 recomputed) are refused
before SQLCipher reads a page. A format 1 backup (no seal, no unit name or node) still
restores: its unit code is in its header, the name and node are read from inside once it is
unlocked, and SQLCipher's own page HMACs (``PRAGMA cipher_integrity_check``, keyed by the
same database key) stand in for the seal. A sealed backup relabelled as format 1 is caught
the same way; only its creation time is then unchecked.

A format 3 backup holds a post's database on a PostgreSQL server (``"engine": "postgresql"``
in its header, with the facts of its ``pg_dump``): the dump encrypted in chunks under a key
derived from the same database (post) key, sealed the same way
(:mod:`antt_desktop.security.server_backups`). Each kind is restored only where it belongs:
a server's dump to a server, a file's copy to a file.

Which post a backup belongs to is decided by what is inside the unlocked copy, not only by
the header: a header that names another unit than its copy is a tampered file.
"""

from __future__ import annotations

import hashlib
import hmac
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
from sqlalchemy import text

from antt_desktop.security import hierarchy, keyfile_seal
from antt_desktop.security.keyslots import (
    DB,
    KeyFile,
    key_file_path,
    read_key_file,
    write_key_file,
)
from antt_desktop.security.keyslots import (
    MAX_BYTES as MAX_KEY_FILE_BYTES,
)
from antt_desktop.security.roles import Role
from antt_desktop.store import audit
from antt_desktop.store import backup as raw_backup
from antt_desktop.store.backup import (
    BackupInvalid,
    BackupNoRoom,
    BackupTampered,
    BackupTooLarge,
    PostIdentity,
)
from antt_desktop.store.database import Database, connect_raw, open_database
from antt_desktop.store.errors import DatabaseLocked, KnownError

MAGIC = b"ANTT-BACKUP\x00"
FORMAT = "antt-backup"
VERSION = 2
#: A post's database on a PostgreSQL server, dumped (security/server_backups.py).
SERVER_VERSION = 3
#: The header's ``engine`` of a server's dump (a file's copy has none).
SERVER_ENGINE = "postgresql"
#: Formats this program restores (1: before the unit name, the node and the seal).
READABLE_VERSIONS = (1, 2, SERVER_VERSION)
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


class BackupOtherUnit(KnownError):
    """The backup holds another unit than this post: refused unless a chief confirms."""

    code = "backup.other_unit"
    exit_code = 4


class BackupWrongPassword(KnownError):
    """No active chief of the backup has this account name and password."""

    code = "backup.wrong_password"
    exit_code = 5


class BackupOfServer(KnownError):
    """A backup of a post's database on a PostgreSQL server, offered to a database file."""

    code = "backup.of_server"
    exit_code = 3


class BackupOfFile(KnownError):
    """A backup of a post's database file (SQLite), offered to a PostgreSQL server."""

    code = "backup.of_file"
    exit_code = 3


class PostUnreadable(KnownError):
    """The post to be replaced cannot be opened at all (its key file is missing or damaged,
    or the file does not open): no one can log in to it."""

    code = "backup.post_unreadable"
    exit_code = 5


@dataclass(frozen=True)
class BackupInfo:
    """What a backup's header says about itself (``unit_name`` and ``node_id`` are empty in
    a format 1 backup; ``sealed`` is False there)."""

    path: Path
    created: str
    unit_code: str
    schema: str
    size: int
    unit_name: str = ""
    node_id: str = ""
    sealed: bool = False
    #: ``sqlite`` (a copy of the file) or ``postgresql`` (a server's dump)
    engine: str = "sqlite"


@dataclass(frozen=True)
class Staged:
    """A backup unpacked beside the database, unlocked and checked: ready to swap in."""

    path: Path
    keys: KeyFile
    db_key: bytes
    info: BackupInfo
    post: PostIdentity  # read from inside the copy
    #: the generation of ``db_key`` in ``keys`` (0: a version 1 key file)
    db_key_id: int = 0


@dataclass(frozen=True)
class Restored:
    kept: Path
    info: BackupInfo
    post: PostIdentity
    replaced: PostIdentity | None
    at: str


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _seal_key(db_key: bytes) -> bytes:
    return hmac.new(db_key, b"antt-backup-seal", hashlib.sha256).digest()


def _canonical(doc: dict[str, Any]) -> bytes:
    """The header as the seal covers it, keys sorted: without the seal, and without the
    SHA-256, since the seal covers the copy itself (both are made in one reading)."""
    rest = {k: v for k, v in doc.items() if k not in ("seal", "database_sha256")}
    return json.dumps(rest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _header_doc(keys: KeyFile, post: PostIdentity, schema: str, size: int) -> dict[str, Any]:
    keys_doc = json.loads(KeyFile(keys.post, keys.slots, wrapped=keys.wrapped).to_json())
    return {
        "format": FORMAT,
        "version": VERSION,
        "created": _now(),
        "unit_code": post.unit_code,
        "unit": {"code": post.unit_code, "name": post.unit_name},
        "node": {"id": post.node_id},
        "schema": schema,
        "database_bytes": size,
        "keys": keys_doc,
    }


def _digests(path: Path, seal: Any) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            seal.update(chunk)
    return digest.hexdigest()


def write_backup(db: Database, target: Path) -> Path:
    """Back the open (encrypted) post up into ``target`` (written aside, then renamed); the
    header names the unit and node read from the copy, and seals it."""
    if db.key is None:
        raise BackupInvalid(path=str(db.path), reason="the database is not encrypted")
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    copy = target.with_name(f"{target.name}.{secrets.token_hex(4)}.db")
    partial = target.with_name(target.name + ".part")
    try:
        raw_backup.backup(db, copy)
        schema = raw_backup.check_backup(copy, db.key)
        post = raw_backup.post_identity(copy, db.key)
        keys = read_key_file(key_file_path(db.path))
        doc = _header_doc(keys, post, schema, copy.stat().st_size)
        seal = hmac.new(_seal_key(db.key), _canonical(doc), hashlib.sha256)
        doc["database_sha256"] = _digests(copy, seal)
        doc["seal"] = seal.hexdigest()
        _assemble(doc, copy, partial, target)
    finally:
        copy.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    return target


def _assemble(doc: dict[str, Any], body: Path, partial: Path, target: Path) -> None:
    """The backup file: the header ``doc`` then ``body``, written to ``partial`` and on the
    disk before it takes ``target``'s name (a power cut leaves the old backup or the new)."""
    header = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    with partial.open("wb") as out, body.open("rb") as src:
        out.write(MAGIC + struct.pack(">I", len(header)) + header)
        shutil.copyfileobj(src, out, CHUNK)
        out.flush()
        os.fsync(out.fileno())
    partial.replace(target)


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
    if doc.get("version") not in READABLE_VERSIONS:
        raise _invalid(path, f"backup format version {doc.get('version')!r} is unknown")
    size, digest = doc.get("database_bytes"), doc.get("database_sha256")
    if type(size) is not int or not size > 0 or not isinstance(digest, str):
        raise _invalid(path, "damaged header")
    if size > MAX_DATABASE_BYTES:
        raise _too_large(path)
    if doc["version"] >= 2 and not isinstance(doc.get("seal"), str):
        raise _invalid(path, "damaged header")
    server = doc["version"] == SERVER_VERSION
    if server != (doc.get("engine") == SERVER_ENGINE) or (
        server and not isinstance(doc.get("dump"), dict)
    ):
        raise _invalid(path, "damaged header")
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
    return _info(path, doc)


def _text(doc: Any, *names: str) -> str:
    for name in names:
        doc = doc.get(name) if isinstance(doc, dict) else None
    return doc if isinstance(doc, str) else ""


def _info(path: Path, doc: dict[str, Any]) -> BackupInfo:
    return BackupInfo(
        path,
        _text(doc, "created"),
        _text(doc, "unit_code"),
        _text(doc, "schema"),
        int(doc["database_bytes"]),
        unit_name=_text(doc, "unit", "name"),
        node_id=_text(doc, "node", "id"),
        sealed="seal" in doc,
        engine=SERVER_ENGINE if doc.get("engine") == SERVER_ENGINE else "sqlite",
    )


def _check_room(folder: Path, size: int) -> None:
    """BackupNoRoom unless the copy and some spare fit on the disk (before writing it)."""
    free = shutil.disk_usage(folder).free
    if free < size + SPARE_DISK_BYTES:
        raise BackupNoRoom(
            folder=str(folder), need=_gigabytes(size + SPARE_DISK_BYTES), free=_gigabytes(free)
        )


def other_unit(path: Path, backup: PostIdentity, here: PostIdentity) -> BackupOtherUnit:
    return BackupOtherUnit(
        path=str(path),
        backup_name=backup.unit_name or backup.unit_code,
        backup_code=backup.unit_code,
        this_name=here.unit_name,
        this_code=here.unit_code,
    )


@contextmanager
def staged_backup(
    source: Path,
    folder: Path,
    username: str,
    password: str,
    *,
    expect: PostIdentity | None,
    replace_unit: bool = False,
) -> Iterator[Staged]:
    """The backup ``source`` unpacked into a staging file of ``folder``, unlocked with the
    password of an active chief in it, its seal (or its pages' HMACs) and integrity checked,
    and its unit compared with ``expect`` (the current post; None: there is none). Nothing
    is replaced; the staging file is gone when the block ends.

    Raises:
        BackupInvalid, BackupTampered, BackupTooLarge, BackupNoRoom (exit 3),
        BackupOtherUnit (exit 4: another unit, and ``replace_unit`` not given),
        BackupWrongPassword (exit 5).
    """
    source = Path(source)
    if not source.is_file():
        raise _invalid(source, "missing")
    _check_size(source)
    staging = folder / f".restore-{secrets.token_hex(6)}.db"
    try:
        with source.open("rb") as fh:
            doc = _read_header(source, fh)
            info = _info(source, doc)
            if info.engine != "sqlite":
                raise BackupOfServer(path=str(source))
            claimed = PostIdentity(info.unit_code, info.unit_name, info.node_id)
            if expect is not None and not replace_unit and claimed.unit_code != expect.unit_code:
                raise other_unit(source, claimed, expect)  # before a password is tried
            try:
                keys = KeyFile.from_json(json.dumps(doc.get("keys")).encode("utf-8"))
            except Exception as exc:
                raise _invalid(source, "damaged key slots") from exc
            # the keys the password valid when the backup was made opens (docs/KEYS.md)
            opened = hierarchy.open_account(keys, username, password)
            if opened is None:
                raise BackupWrongPassword(user=username, path=str(source))
            _check_room(folder, info.size)
            seals = {
                ident: hmac.new(_seal_key(key), _canonical(doc), hashlib.sha256)
                for ident, key in opened.db_keys.items()
            }
            digest = hashlib.sha256()
            with staging.open("wb") as out:
                left = info.size
                while left and (chunk := fh.read(min(CHUNK, left))):
                    digest.update(chunk)
                    for seal in seals.values():
                        seal.update(chunk)
                    out.write(chunk)
                    left -= len(chunk)
        if digest.hexdigest() != doc["database_sha256"]:
            raise _invalid(source, "the database copy does not match its checksum")
        db_id = max(opened.db_keys)  # a backup made during a rotation holds two
        if info.sealed:
            sealed_by = [
                i
                for i, seal in seals.items()
                if hmac.compare_digest(seal.hexdigest(), str(doc["seal"]))
            ]
            if not sealed_by:
                raise BackupTampered(path=str(source))
            db_id = sealed_by[0]
        db_key = opened.db_keys[db_id]
        try:
            raw_backup.check_backup(staging, db_key)
            post = raw_backup.post_identity(staging, db_key)
        except BackupTampered as exc:
            raise BackupTampered(path=str(source)) from exc
        except BackupInvalid as exc:  # named by the file the officer chose, not the staging
            if not info.sealed:  # no seal: a page SQLCipher cannot read was changed
                raise BackupTampered(path=str(source)) from exc
            raise _invalid(source, str(exc.params.get("reason"))) from exc
        if post.unit_code != info.unit_code or (info.sealed and post != claimed):
            raise BackupTampered(path=str(source))  # a header naming another post
        if expect is not None and not replace_unit and post.unit_code != expect.unit_code:
            raise other_unit(source, post, expect)
        if not _chief_in(staging, db_key, username):
            raise BackupWrongPassword(user=username, path=str(source))
        yield Staged(staging, keys, db_key, info, post, db_id if keys.wrapped else 0)
    finally:
        staging.unlink(missing_ok=True)


def _chief_in(copy: Path, key: bytes, username: str) -> bool:
    conn = connect_raw(copy, key)
    try:
        row = conn.execute(
            "SELECT role, active FROM users WHERE username = ? AND deleted = 0", (username,)
        ).fetchone()
    finally:
        conn.close()
    return row is not None and row[0] == Role.CHIEF.value and bool(row[1])


def _audit_detail(restored: Restored) -> str:
    info, post, old = restored.info, restored.post, restored.replaced
    made = f"made at {info.created}" if info.created else "made at an unknown time"
    text = (
        f"restored from backup {info.path} of {post.unit_code} {post.unit_name}"
        f" (node {post.node_id}), {made}"
    )
    if old is not None:
        text += (
            f"; replacing {old.unit_code} {old.unit_name} (node {old.node_id})"
            f" as it was at {restored.at}"
        )
    return f"{text}; the replaced database is kept as {restored.kept}"


def swap_in(
    db_path: Path,
    staged: Staged,
    *,
    actor: str,
    replacing: PostIdentity | None,
    current_key: bytes | None = None,
) -> Restored:
    """Put a staged backup in place of the post at ``db_path`` (the current file and its key
    file kept aside first), then record the restore in the restored database's log, the one
    that is kept. With ``current_key`` the current database's log records first that it is
    being replaced, so its safety copy says by what.

    Raises:
        DatabaseLocked: the post is open elsewhere (nothing replaced).
    """
    db_path = Path(db_path)
    kept = raw_backup.kept_path(db_path, "before-restore")
    if current_key is not None and db_path.exists():
        info, post = staged.info, staged.post
        with open_database(db_path, key=current_key) as db, db.journal() as session:
            audit.append(
                session,
                actor,
                "restore",
                detail=f"replaced by backup {info.path} of {post.unit_code} {post.unit_name}"
                f" (node {post.node_id}), made at {info.created}; this database is kept as"
                f" {kept}",
            )
    lock = filelock.FileLock(str(db_path) + ".lock", timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout as exc:
        raise DatabaseLocked(path=str(db_path)) from exc
    try:
        at = _now()
        raw_backup.new_epoch(staged.path, staged.db_key)
        key_path = key_file_path(db_path)
        raw_backup.keep_aside(db_path, "before-restore", kept)
        if key_path.exists():
            shutil.copy2(key_path, Path(str(kept) + ".keys"))
        for suffix in ("-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        staged.path.replace(db_path)
        # a backup keeps no failed-login record: the restored one starts sealed, and the
        # restored database learns its generation (else the next login reads a replaced file)
        if staged.db_key_id:  # only the database key the copy is under is kept
            hierarchy.keep_only(staged.keys, DB, staged.db_key_id)
        generation = keyfile_seal.seal(staged.keys, staged.db_key)
        write_key_file(key_path, staged.keys)
    finally:
        lock.release()
    restored = Restored(kept, staged.info, staged.post, replacing, at)
    with open_database(db_path, key=staged.db_key) as db, db.journal() as session:
        session.execute(
            text("UPDATE local_node SET keyfile_seal_generation = :g"), {"g": generation}
        )
        audit.append(session, actor, "restore", detail=_audit_detail(restored))
    return restored


def restore_backup(
    db_path: Path,
    source: Path,
    username: str,
    password: str,
    *,
    expect: PostIdentity | None = None,
    replace_unit: bool = False,
    actor: str | None = None,
    current_key: bytes | None = None,
) -> Restored:
    """Replace the post at ``db_path`` with the backup ``source``, on the password of a
    chief in the backup (:func:`staged_backup`, then :func:`swap_in`)."""
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with staged_backup(
        source, db_path.parent, username, password, expect=expect, replace_unit=replace_unit
    ) as staged:
        return swap_in(
            db_path, staged, actor=actor or username, replacing=expect, current_key=current_key
        )


def record_refusal(db: Database, actor: str, source: Path, exc: KnownError) -> None:
    """A refused restore, in the log of the post it would have replaced."""
    with db.journal() as session:
        audit.append(session, actor, "restore_refused", detail=f"{source}: {exc.code}")


def made_at(info: BackupInfo) -> str:
    """When the backup was made, in this computer's time as officers write it (dd/mm/yyyy
    HH:MM); the header's text as it is when it is not a time."""
    try:
        return datetime.fromisoformat(info.created).astimezone().strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return info.created or "?"
