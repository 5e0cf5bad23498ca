"""Photos that travel with a person's record, in a bundle's attachment section.

They are read from and written to the photos table of the encrypted database (no loose file
anywhere). A received photo is checked again before anything is written: its name is its
SHA-256, it is within the size limit, and it decodes as an accepted picture.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.photo import Photo, check_stored
from antt_desktop.store import photos
from antt_desktop.store.models.photos import MAX_STORED_BYTES
from antt_desktop.sync.errors import BundleRefused

_SHA = re.compile(r"^[0-9a-f]{64}$")
#: The largest photo a bundle may carry (what the photos table may hold).
MAX_PHOTO = MAX_STORED_BYTES


#: Tables whose exported rows name a photo that travels with them.
PHOTO_TABLES = ("persons", "sync_conflicts")


def photos_of(records: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """row id -> photo hash: the exported people that have one, and the open conflicts over
    a photo (the value not kept travels too, so the peer can still choose it)."""
    found = {
        r["id"]: r["photo_sha256"]
        for r in records.get("persons", [])
        if isinstance(r.get("photo_sha256"), str) and _SHA.match(r["photo_sha256"])
    }
    for c in records.get("sync_conflicts", []):
        other = c.get("other_value")
        if c.get("field") == "photo_sha256" and isinstance(other, str) and _SHA.match(other):
            found[c["id"]] = other
    return found


def read_all(session: Session, hashes: set[str]) -> dict[str, bytes]:
    """The stored photos among ``hashes`` (a photo not on this computer is skipped)."""
    return photos.read_many(session, hashes)


def check_all(files: dict[str, bytes], name: str) -> list[Photo]:
    """Check every received photo; BundleRefused naming the first that fails (nothing is
    written before this)."""
    checked: list[Photo] = []
    for sha, data in sorted(files.items()):
        if not _SHA.match(sha):
            raise BundleRefused("attachment", file=name, name=sha[:12])
        if len(data) > MAX_PHOTO:
            raise BundleRefused("too_large", file=name, member=f"attachments/{sha[:12]}")
        try:
            checked.append(check_stored(data, sha))
        except ValidationFailed as exc:
            code = exc.problems[0].code if exc.problems else "photo.damaged"
            if code == "photo.hash":
                raise BundleRefused("attachment", file=name, name=sha[:12]) from exc
            raise BundleRefused("attachment_picture", file=name, name=sha[:12]) from exc
    return checked


def store(session: Session, checked: list[Photo]) -> int:
    """Keep the checked photos in the import's transaction; returns how many were new."""
    return sum(1 for photo in checked if photos.put(session, photo))
