"""Backups of a post's database on a PostgreSQL server: the file officers keep, as on SQLite.

The same file as a SQLite backup (:mod:`antt_desktop.security.backups`: the magic, the
header with the unit, the node, the schema revision and the accounts' key slots, the seal),
marked as a server's dump (format 3, ``"engine": "postgresql"``, the ``pg_dump`` and server
versions). What follows the header is ``pg_dump``'s custom-format archive, encrypted as it
leaves ``pg_dump`` (nothing of it is written in the clear): chunks of up to 1 MiB, each
sealed with AES-256-GCM under a key derived (HKDF-SHA256, the header's random salt) from
the post key — the "db" key every active account holds — with a counter and a last-chunk
flag in the nonce, so chunks cannot be reordered, dropped or cut off. The sealed fields
stay sealed in the dump: the server never held the fields key.

A restore needs the password of an account that was an active chief when the backup was
made, reads the whole file once to check its checksum and seal before a byte reaches the
server, and restores into an empty database only (made when the address names none yet):
``pg_restore`` and ``psql`` run it in one transaction with the checks of what the copy
holds, so a refusal or a failure leaves nothing (store/postgresql_backup.py).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from antt_desktop.security import hierarchy
from antt_desktop.security.backups import (
    CHUNK,
    SERVER_ENGINE,
    SERVER_VERSION,
    BackupInfo,
    BackupOfFile,
    BackupWrongPassword,
    _assemble,
    _canonical,
    _check_size,
    _header_doc,
    _info,
    _invalid,
    _read_header,
    _seal_key,
    other_unit,
)
from antt_desktop.security.keyring import KeyRing
from antt_desktop.security.keyslots import DB, KeyFile
from antt_desktop.store import audit, postgresql_backup, postgresql_keys
from antt_desktop.store.backup import BackupInvalid, BackupTampered, PostIdentity
from antt_desktop.store.database import Database, open_database
from antt_desktop.store.errors import KnownError
from antt_desktop.store.postgresql_url import shown_url

#: The chunk cipher of a server's dump (the header names it).
CIPHER = "AES-256-GCM-chunked"
#: The archive inside (the header names it).
ARCHIVE = "pg_dump-custom"
_KEY_INFO = b"antt-backup-dump"
_TAG = 16


class RestoreFromCommandLine(KnownError):
    """The window restores a file's post; a server's is restored into a new database from
    the command line (its desks are then pointed at it)."""

    code = "backup.server_restore_in_window"
    exit_code = 4


def _dump_key(db_key: bytes, salt: bytes) -> AESGCM:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_KEY_INFO)
    return AESGCM(hkdf.derive(db_key))


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class _Sealer:
    """``pg_dump``'s bytes, encrypted chunk by chunk into ``out`` as they come."""

    def __init__(self, key: AESGCM, out: BinaryIO) -> None:
        self.key, self.out = key, out
        self.buffer = bytearray()
        self.counter = 0

    def _emit(self, data: bytes, last: bool) -> None:
        sealed = self.key.encrypt(_nonce(self.counter, last), data, _KEY_INFO)
        self.out.write(struct.pack(">I", len(sealed)) + sealed)
        self.counter += 1

    def write(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) > CHUNK:  # one is always held back: the last is flagged
            self._emit(bytes(self.buffer[:CHUNK]), last=False)
            del self.buffer[:CHUNK]

    def close(self) -> None:
        self._emit(bytes(self.buffer), last=True)
        self.buffer.clear()


def _opened_chunks(source: Path, fh: BinaryIO, size: int, key: AESGCM) -> Iterator[bytes]:
    """The archive's bytes, each chunk opened before it is handed on (BackupTampered when one
    does not open, is out of place or the last is missing)."""
    left, counter = size, 0
    while left > 0:
        head = fh.read(4)
        if len(head) != 4:
            raise BackupTampered(path=str(source))
        (length,) = struct.unpack(">I", head)
        if not _TAG <= length <= CHUNK + _TAG or length + 4 > left:
            raise BackupTampered(path=str(source))
        sealed = fh.read(length)
        left -= 4 + length
        try:
            yield key.decrypt(_nonce(counter, left == 0), sealed, _KEY_INFO)
        except InvalidTag as exc:
            raise BackupTampered(path=str(source)) from exc
        counter += 1


def _server_url(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def server_post_identity(db: Database) -> PostIdentity:
    """The unit and node of the post on the server ``db`` is open on."""
    with db.engine.connect() as conn:
        facts = postgresql_backup.post_facts(conn)
    if facts is None:
        raise BackupInvalid(path=db.url or "", reason="no unit")
    return PostIdentity(facts[0], facts[1], facts[2])


def write_server_backup(db: Database, target: Path, ring: KeyRing) -> Path:
    """Back the post on the server ``db`` is open on up into ``target`` (written aside, then
    renamed): ``pg_dump``'s archive encrypted as it is read, the header's facts read in the
    snapshot the dump is made from, sealed under the post key ``ring`` holds.

    Raises:
        ServerToolMissing, ServerToolTooOld, ServerDumpFailed, KeysChanged (the post key was
        rotated at another desk since this login: log in again).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    body = target.with_name(f"{target.name}.{secrets.token_hex(4)}.dump")
    partial = target.with_name(target.name + ".part")
    salt = secrets.token_bytes(16)
    try:
        with postgresql_backup.snapshot(db.engine) as snap:
            raw_keys = postgresql_keys.read(snap.conn)
            facts = postgresql_backup.post_facts(snap.conn)
            if raw_keys is None or facts is None:
                raise BackupInvalid(path=db.url or "", reason="no post")
            keys = KeyFile.from_json(raw_keys)
            if ring.db_key_id not in {w.id for w in keys.generations(DB)}:
                raise postgresql_keys.KeysChanged(path=db.url or "")
            with body.open("wb") as out:
                sealer = _Sealer(_dump_key(ring.db_key, salt), out)
                tool = postgresql_backup.dump(_server_url(db), snap, sealer.write)
                sealer.close()
                out.flush()
                os.fsync(out.fileno())
            server = snap.server_version
        post = PostIdentity(facts[0], facts[1], facts[2])
        doc = _header_doc(keys, post, facts[3], body.stat().st_size)
        doc["version"] = SERVER_VERSION
        doc["engine"] = SERVER_ENGINE
        doc["dump"] = {
            "archive": ARCHIVE,
            "cipher": CIPHER,
            "salt": salt.hex(),
            "chunk": CHUNK,
            "pg_dump": tool.version,
            "pg_dump_major": tool.major,
            "server_version_num": server,
        }
        seal = hmac.new(_seal_key(ring.db_key), _canonical(doc), hashlib.sha256)
        digest = hashlib.sha256()
        with body.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
                seal.update(chunk)
        doc["database_sha256"] = digest.hexdigest()
        doc["seal"] = seal.hexdigest()
        _assemble(doc, body, partial, target)
    finally:
        body.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    return target


def check_target(url: str) -> None:
    """RestoreTargetNotEmpty unless the database at ``url`` is empty or does not exist yet
    (said before a password is asked; the restore checks it again)."""
    if postgresql_backup.target_state(url) == "holds":
        raise postgresql_backup.RestoreTargetNotEmpty(path=shown_url(url))


@dataclass(frozen=True)
class ServerRestored:
    #: the database restored into (its URL without the password)
    into: str
    info: BackupInfo
    post: PostIdentity
    #: the post whose chief restored it elsewhere (left as it was), None: none
    replaced: PostIdentity | None
    at: str
    #: whether the database was made for the restore
    created: bool


def _int(doc: dict[str, Any], name: str) -> int:
    value = doc.get(name)
    if type(value) is not int or value < 0:
        raise ValueError(name)
    return value


def restore_server_backup(
    url: str,
    source: Path,
    username: str,
    password: str,
    *,
    expect: PostIdentity | None = None,
    replace_unit: bool = False,
    actor: str | None = None,
) -> ServerRestored:
    """Restore the server's backup ``source`` into the empty database at ``url`` (made when
    the server has none of that name), on the password of an active chief in the backup;
    ``expect``: the post whose chief restores it (another unit is refused unless
    ``replace_unit``). The restore is recorded in the restored database's log.

    Raises:
        BackupInvalid, BackupTampered, BackupTooLarge, BackupOfFile (a file's backup),
        BackupOtherUnit, BackupWrongPassword, RestoreTargetNotEmpty, RestoreServerOlder,
        ServerToolMissing, ServerToolTooOld, ServerRestoreFailed, ServerUnreachable.
    """
    source = Path(source)
    shown = shown_url(url)
    if not source.is_file():
        raise _invalid(source, "missing")
    _check_size(source)
    with source.open("rb") as fh:
        doc = _read_header(source, fh)
        info = _info(source, doc)
        if info.engine != SERVER_ENGINE:
            raise BackupOfFile(path=str(source))
        claimed = PostIdentity(info.unit_code, info.unit_name, info.node_id)
        if expect is not None and not replace_unit and claimed.unit_code != expect.unit_code:
            raise other_unit(source, claimed, expect)  # before a password is tried
        dump = doc["dump"]
        try:
            keys = KeyFile.from_json(json.dumps(doc.get("keys")).encode("utf-8"))
            salt = bytes.fromhex(str(dump.get("salt")))
            dump_major = _int(dump, "pg_dump_major")
            made_on = _int(dump, "server_version_num")
        except Exception as exc:  # a header not of this program's making
            raise _invalid(source, "damaged header") from exc
        if dump.get("archive") != ARCHIVE or dump.get("cipher") != CIPHER or len(salt) != 16:
            raise _invalid(source, "damaged header")
        opened = hierarchy.open_account(keys, username, password)
        if opened is None:
            raise BackupWrongPassword(user=username, path=str(source))
        # the whole file checked before a byte reaches the server
        start = fh.tell()
        seals = {
            ident: hmac.new(_seal_key(key), _canonical(doc), hashlib.sha256)
            for ident, key in opened.db_keys.items()
        }
        digest = hashlib.sha256()
        left = info.size
        while left and (chunk := fh.read(min(CHUNK, left))):
            digest.update(chunk)
            for seal in seals.values():
                seal.update(chunk)
            left -= len(chunk)
        if digest.hexdigest() != doc["database_sha256"]:
            raise _invalid(source, "the database copy does not match its checksum")
        sealed_by = [
            i for i, seal in seals.items() if hmac.compare_digest(seal.hexdigest(), doc["seal"])
        ]
        if not sealed_by:
            raise BackupTampered(path=str(source))
        db_key = opened.db_keys[sealed_by[0]]
        state = postgresql_backup.target_state(url)
        if state == "holds":
            raise postgresql_backup.RestoreTargetNotEmpty(path=shown)
        created = state == "missing"
        if created:
            postgresql_backup.create_database(url)
        fh.seek(start)
        try:
            postgresql_backup.restore(
                url,
                _opened_chunks(source, fh, info.size, _dump_key(db_key, salt)),
                postgresql_backup.Expected(claimed.unit_code, claimed.node_id, username),
                dump_major=dump_major,
                made_on=made_on,
            )
        except postgresql_backup.CopyRefused as exc:
            if created:
                postgresql_backup.drop_database(url)
            if exc.params.get("check") == "chief":
                raise BackupWrongPassword(user=username, path=str(source)) from exc
            raise BackupTampered(path=str(source)) from exc  # another post than its header's
        except BaseException:
            if created:
                postgresql_backup.drop_database(url)
            raise
    at = datetime.now(UTC).isoformat(timespec="seconds")
    restored = ServerRestored(shown, info, claimed, expect, at, created)
    with open_database(url, write=False) as db, db.journal() as session:
        audit.append(session, actor or username, "restore", detail=_audit_detail(restored))
    return restored


def _audit_detail(restored: ServerRestored) -> str:
    info, post, old = restored.info, restored.post, restored.replaced
    made = f"made at {info.created}" if info.created else "made at an unknown time"
    text = (
        f"restored from backup {info.path} of {post.unit_code} {post.unit_name}"
        f" (node {post.node_id}), {made}, into {restored.into}"
    )
    if old is not None:
        text += f", at the request of {old.unit_code} {old.unit_name} (node {old.node_id})"
    return text
