"""A resident's photo (ảnh chân dung): set or replace it from a picture file, remove it, see it.

The picture is checked and drawn again as a modest JPEG (:mod:`antt_desktop.domain.photo`)
before anything is written; the JPEG goes into the photos table of the encrypted database,
the person's ``photo_sha256`` names it (a stamped, synced field), and the change is audited.
A photo no record names any more is deleted with the change that dropped it.
"""

from __future__ import annotations

from pathlib import Path

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.photo import (
    FIELD,
    MAX_PHOTO_FILE_BYTES,
    Photo,
    prepare,
    read_limited,
    too_large,
)
from antt_desktop.services.audit_events import record_view
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.ownership import require_owned
from antt_desktop.store import photos as store
from antt_desktop.store.models import Person


def read_picture_file(path: Path) -> bytes:
    """The bytes of a chosen picture file, refused before reading when it is too large.

    Raises:
        ValidationFailed: ``photo.too_large``, or ``photo.unreadable`` (no such file, or the
            file cannot be read).
    """
    path = Path(path)
    try:
        if not path.is_file():
            raise ValidationFailed.single(FIELD, "photo.unreadable", file=path.name)
        if path.stat().st_size > MAX_PHOTO_FILE_BYTES:  # refused unread
            raise too_large()
        with path.open("rb") as fh:  # and again while reading (a file that grew meanwhile)
            return read_limited(fh, MAX_PHOTO_FILE_BYTES)
    except OSError as exc:
        raise ValidationFailed.single(FIELD, "photo.unreadable", file=path.name) from exc


def set_photo(ctx: Ctx, person_id: str, picture: bytes | Photo) -> Photo:
    """Set or replace the person's photo with ``picture`` (a file's bytes, or a photo
    :func:`~antt_desktop.domain.photo.prepare` already made).

    Raises:
        ValidationFailed: the account may not write, the person belongs to another post, or
            the picture is refused (field ``photo``); nothing is written then.
    """
    ctx.require(Permission.WRITE)
    person = ctx.get(Person, person_id, "person")
    require_owned(ctx, person, "person_id")
    photo = picture if isinstance(picture, Photo) else prepare(picture)
    old = person.photo_sha256
    if old == photo.sha256:
        return photo
    store.put(ctx.session, photo)
    person.photo_sha256 = photo.sha256
    ctx.session.flush()
    store.forget_unused(ctx.session, old)
    ctx.audit("edit", "person", person.id, ["photo_sha256"], "photo replaced" if old else None)
    return photo


def remove_photo(ctx: Ctx, person_id: str) -> bool:
    """Remove the person's photo (and its bytes, when no other record names them).
    Returns False when the person had none."""
    ctx.require(Permission.WRITE)
    person = ctx.get(Person, person_id, "person")
    require_owned(ctx, person, "person_id")
    old = person.photo_sha256
    if old is None:
        return False
    person.photo_sha256 = None
    ctx.session.flush()
    store.forget_unused(ctx.session, old)
    ctx.audit("edit", "person", person.id, ["photo_sha256"], "photo removed")
    return True


def photo_of(ctx: Ctx, person_id: str) -> bytes | None:
    """The person's photo (a JPEG), or None when they have none or it has not arrived.

    Seeing it is a view of sensitive data: it needs that permission and is audited.
    """
    ctx.require(Permission.READ_SENSITIVE)
    person = ctx.get(Person, person_id, "person")
    if person.photo_sha256 is None:
        return None
    data = store.get(ctx.session, person.photo_sha256)
    if data is not None:
        record_view(ctx, "person", person.id, ["photo_sha256"])
    return data


def prepare_file(path: Path) -> Photo:
    """Read and check a chosen picture file and make the JPEG to store (no database needed:
    the window does this on a worker thread, then :func:`set_photo` writes it)."""
    return prepare(read_picture_file(path))
