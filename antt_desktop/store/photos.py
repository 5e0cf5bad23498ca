"""Reading and writing the photos table, and adopting the photo files older versions kept
unencrypted in the data folder (``attachments/<sha256>``)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.photo import Photo, check_stored
from antt_desktop.store.models import Person, StoredPhoto
from antt_desktop.store.models.photos import MAX_STORED_BYTES

if TYPE_CHECKING:
    from antt_desktop.store.database import Database

log = logging.getLogger(__name__)
SHA256 = re.compile(r"^[0-9a-f]{64}$")
#: Where versions before schema 0007 kept photos, beside the database file.
LEGACY_FOLDER = "attachments"


def get(session: Session, sha256: str) -> bytes | None:
    """The photo's bytes, or None when this computer does not hold it."""
    return session.execute(
        select(StoredPhoto.data).where(StoredPhoto.sha256 == sha256)
    ).scalar_one_or_none()


def read_many(session: Session, hashes: Iterable[str]) -> dict[str, bytes]:
    """The stored photos among ``hashes`` (a photo not on this computer is left out)."""
    wanted = sorted({h for h in hashes if SHA256.match(h)})
    found: dict[str, bytes] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = session.execute(
            select(StoredPhoto.sha256, StoredPhoto.data).where(StoredPhoto.sha256.in_(chunk))
        )
        found.update({sha: data for sha, data in rows})
    return found


def put(session: Session, photo: Photo) -> bool:
    """Keep ``photo`` (already checked); False when it was already there."""
    if session.get(StoredPhoto, photo.sha256) is not None:
        return False
    session.add(
        StoredPhoto(
            sha256=photo.sha256,
            data=photo.data,
            width=photo.width,
            height=photo.height,
            added_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
    )
    session.flush()
    return True


def forget_unused(session: Session, sha256: str | None) -> bool:
    """Delete the photo when no person's record names it any more (a removed photo is gone,
    not kept unseen). Returns whether it was deleted."""
    if not sha256:
        return False
    used = session.execute(select(exists().where(Person.photo_sha256 == sha256))).scalar()
    if used:
        return False
    result = session.execute(delete(StoredPhoto).where(StoredPhoto.sha256 == sha256))
    return bool(getattr(result, "rowcount", 0))


def adopt_legacy_files(db: Database) -> int:
    """Move the photo files of older versions into the table, then delete them.

    Each file is checked as any received photo is (name is its hash, size, decodes as a
    picture); one that fails stays where it is and is logged. Returns how many moved.
    """
    folder = db.path.parent / LEGACY_FOLDER
    if not folder.is_dir():
        return 0
    moved: list[Path] = []
    with db.write() as session:
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
