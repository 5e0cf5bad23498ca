"""Reading and writing the photos table, and adopting the photo files older versions kept
unencrypted in the data folder (``attachments/<sha256>``)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.photo import Photo, check_stored
from antt_desktop.store.field_crypto import (
    SESSION_KEY,
    FieldCipher,
    FieldsHolder,
    FieldsLocked,
    is_sealed_photo,
)
from antt_desktop.store.models import StoredPhoto
from antt_desktop.store.models.photos import MAX_STORED_BYTES
from antt_desktop.store.spelling import Spelling

log = logging.getLogger(__name__)
SHA256 = re.compile(r"^[0-9a-f]{64}$")
#: Where versions before schema 0007 kept photos, beside the database file.
LEGACY_FOLDER = "attachments"


def _cipher(session: Session) -> FieldCipher | None:
    holder = session.info.get(SESSION_KEY)
    return holder.cipher if isinstance(holder, FieldsHolder) else None


def _opened(session: Session, sha256: str, data: bytes | None) -> bytes | None:
    """A stored photo's bytes, opened with the fields key (sealed, store/field_crypto.py);
    None without the key: a photo is sensitive data."""
    if data is None:
        return None
    cipher = _cipher(session)
    if cipher is None:
        return None
    data = bytes(data)
    if is_sealed_photo(data):
        return cipher.open_bytes(data, "photos", "data", sha256)
    return data  # left plain by the schema upgrade, until the first key holder seals it


def get(session: Session, sha256: str) -> bytes | None:
    """The photo's bytes, or None when this computer does not hold it (or this login may
    not see photos).

    Raises:
        FieldUnreadable: the stored photo does not open (damaged or not this post's).
    """
    data = session.execute(
        select(StoredPhoto.data).where(StoredPhoto.sha256 == sha256)
    ).scalar_one_or_none()
    return _opened(session, sha256, data)


def read_many(session: Session, hashes: Iterable[str]) -> dict[str, bytes]:
    """The stored photos among ``hashes`` (a photo not on this computer is left out)."""
    wanted = sorted({h for h in hashes if SHA256.match(h)})
    found: dict[str, bytes] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = session.execute(
            select(StoredPhoto.sha256, StoredPhoto.data).where(StoredPhoto.sha256.in_(chunk))
        )
        for sha, data in rows:
            opened = _opened(session, sha, data)
            if opened is not None:
                found[sha] = opened
    return found


def put(session: Session, photo: Photo) -> bool:
    """Keep ``photo`` (already checked); False when it was already there."""
    if session.get(StoredPhoto, photo.sha256) is not None:
        return False
    cipher = _cipher(session)
    if cipher is None:
        raise FieldsLocked(table="photos", column="data")
    session.add(
        StoredPhoto(
            sha256=photo.sha256,
            data=cipher.seal_bytes(photo.data, "photos", "data", photo.sha256),
            width=photo.width,
            height=photo.height,
            added_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
    )
    session.flush()
    return True


#: A photo still named by a record: a person's row, an open conflict over the photo field
#: (either side may be chosen), or a received row waiting for its parent.
def _named(sp: Spelling) -> str:
    return f"""
    EXISTS (SELECT 1 FROM persons WHERE persons.photo_sha256 = photos.sha256)
    OR EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.status = 'open'
               AND c.field = 'photo_sha256'
               AND photos.sha256 IN ({sp.json_value("c.kept_value")},
                                     {sp.json_value("c.other_value")}))
    OR EXISTS (SELECT 1 FROM sync_pending p WHERE p.table_name = 'persons'
               AND {sp.json_value('p."row"', "photo_sha256")} = photos.sha256)
"""


def forget_unused(session: Session, sha256: str | None) -> bool:
    """Delete the photo when no record names it any more (a removed photo is gone, not
    kept unseen). Returns whether it was deleted."""
    if not sha256:
        return False
    result = session.execute(
        text(f"DELETE FROM photos WHERE sha256 = :sha AND NOT ({_named(Spelling(session))})"),
        {"sha": sha256},
    )
    return bool(getattr(result, "rowcount", 0))


def replaced_by(session: Session, rows: list[dict[str, Any]]) -> set[str]:
    """The stored photos that incoming person ``rows`` would stop naming (to forget after
    they are applied, when nothing else names them)."""
    incoming = {r["id"]: r["photo_sha256"] for r in rows if "photo_sha256" in r and "id" in r}
    if not incoming:
        return set()
    ids = list(incoming)
    found: set[str] = set()
    for start in range(0, len(ids), 500):  # by primary key: the rows held here do not count
        chunk = ids[start : start + 500]
        marks = ",".join(f":i{i}" for i in range(len(chunk)))
        named = session.execute(
            text(f"SELECT id, photo_sha256 FROM persons WHERE id IN ({marks})"),
            {f"i{i}": v for i, v in enumerate(chunk)},
        )
        found.update(sha for pid, sha in named if sha is not None and incoming[pid] != sha)
    return found


def adopt_legacy_files(data_dir: Path, write: Callable[[], AbstractContextManager[Session]]) -> int:
    """Move the photo files of older versions (in ``data_dir``) into the table, in one
    ``write()`` transaction of the opened database, then delete them.

    Each file is checked as any received photo is (name is its hash, size, decodes as a
    picture); one that fails stays where it is and is logged. Returns how many moved.
    """
    folder = data_dir / LEGACY_FOLDER
    if not folder.is_dir():
        return 0
    moved: list[Path] = []
    with write() as session:
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".incoming-"):  # a copy an interrupted import left
                moved.append(path)
                continue
            if not SHA256.match(path.name) or not path.is_file():
                continue
            if path.stat().st_size > MAX_STORED_BYTES:
                log.warning("photo file %s is too large to keep; left in place", path.name)
                continue
            try:
                photo = check_stored(path.read_bytes(), path.name)
            except ValidationFailed as exc:
                log.warning("photo file %s refused (%s); left in place", path.name, exc)
                continue
            put(session, photo)
            moved.append(path)
    for path in moved:
        path.unlink(missing_ok=True)
    if not any(folder.iterdir()):
        folder.rmdir()
    return sum(1 for p in moved if SHA256.match(p.name))
