"""A resident's photo: set, replace and remove it from a picture file; hostile and damaged
files are refused with a message naming the problem, and the database is left as it was."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.photo import MAX_PHOTO_FILE_BYTES
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.photos import photo_of, read_picture_file, remove_photo, set_photo
from antt_desktop.store.models import AuditEntry, Person, StoredPhoto
from tests.conftest import Actor
from tests.pictures import damaged_jpeg, png_bomb, portrait, rotated_jpeg

VI, EN = Translator("vi"), Translator("en")
VIEWER = Actor("xem1", "viewer")


@pytest.fixture
def resident(write):
    with write() as ctx:
        return add_person(ctx, PersonInput(full_name="Nguyễn Văn Ảnh", born="1985")).person.id


def _state(read, pid):
    """What a refusal must leave untouched: the record's photo, the photos, the audit log
    (but for the entries recording the refusals themselves)."""
    with read() as ctx:
        count = ctx.session.execute(select(func.count()).select_from(StoredPhoto)).scalar_one()
        audit = ctx.session.execute(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action != "refused")
        ).scalar_one()
        return ctx.session.get(Person, pid).photo_sha256, count, audit


def _picture(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_a_photo_is_stored_as_a_modest_jpeg_and_shown_back(write, read, resident):
    original = portrait(1800, 2400, "PNG")
    with write() as ctx:
        photo = set_photo(ctx, resident, original)
    with read() as ctx:
        stored = photo_of(ctx, resident)
        person = ctx.session.get(Person, resident)
        entries = ctx.session.execute(
            select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(2)
        ).scalars()
        seen, made = [(e.action, e.entity_id, e.fields) for e in entries]
    assert stored == photo.data and stored != original
    assert person.photo_sha256 == hashlib.sha256(stored).hexdigest()
    picture = _picture(stored)
    assert picture.format == "JPEG" and picture.size == (600, 800)
    assert "photo_sha256" in person.field_stamps  # a synced change, stamped like any edit
    assert made == ("edit", resident, ["photo_sha256"])
    assert seen == ("view", resident, ["photo_sha256"])  # seeing it is recorded too


def test_the_exif_orientation_is_applied(write, resident):
    with write() as ctx:
        photo = set_photo(ctx, resident, rotated_jpeg())
    assert (photo.width, photo.height) == (600, 800)  # the landscape file stood upright


def test_replacing_a_photo_deletes_the_old_one_and_removing_deletes_the_last(write, read, resident):
    with write() as ctx:
        first = set_photo(ctx, resident, portrait(colour="#ff0000"))
    with write() as ctx:
        second = set_photo(ctx, resident, portrait(colour="#00aa00", fmt="BMP"))
    with read() as ctx:
        kept = set(ctx.session.execute(select(StoredPhoto.sha256)).scalars())
        assert ctx.session.get(Person, resident).photo_sha256 == second.sha256
    assert kept == {second.sha256} and first.sha256 != second.sha256
    with write() as ctx:
        assert remove_photo(ctx, resident) is True
    with write() as ctx:
        assert remove_photo(ctx, resident) is False
    with read() as ctx:
        assert ctx.session.get(Person, resident).photo_sha256 is None
        assert photo_of(ctx, resident) is None
        assert ctx.session.execute(select(func.count()).select_from(StoredPhoto)).scalar() == 0
        details = list(
            ctx.session.execute(
                select(AuditEntry.detail).where(AuditEntry.entity_id == resident)
            ).scalars()
        )
    assert details[-3:] == [None, "photo replaced", "photo removed"]


def test_a_webp_picture_is_accepted(write, resident):
    with write() as ctx:
        photo = set_photo(ctx, resident, portrait(300, 400, "WEBP"))
    assert _picture(photo.data).size == (300, 400)  # a small picture is not enlarged


@pytest.mark.parametrize(
    ("make", "code", "vietnamese"),
    [
        (lambda: portrait(fmt="PNG")[:40], "photo.damaged", "ảnh bị hỏng"),
        (lambda: portrait(200, 200, "GIF"), "photo.format", "không nhận ảnh định dạng GIF"),
        (lambda: b"%PDF-1.7 not a picture at all", "photo.not_image", "tệp không phải là ảnh"),
        (damaged_jpeg, "photo.damaged", "ảnh bị hỏng, không mở được"),
        (png_bomb, "photo.bomb", "ảnh quá lớn, không mở được (vượt quá 50 triệu điểm ảnh)"),
        (lambda: png_bomb(9000, 9000), "photo.too_many_pixels", "9000×9000 điểm ảnh"),
    ],
    ids=["png-header-only", "gif", "pdf", "cut-jpeg", "bomb", "81-megapixels"],
)
def test_hostile_or_damaged_pictures_are_refused_and_nothing_changes(
    write, read, resident, make, code, vietnamese
):
    with write() as ctx:
        set_photo(ctx, resident, portrait())
    before = _state(read, resident)
    with pytest.raises(ValidationFailed) as caught, write() as ctx:
        set_photo(ctx, resident, make())
    [problem] = caught.value.problems
    assert (problem.field, problem.code) == ("photo", code)
    assert vietnamese in describe(problem, VI) and describe(problem, VI).startswith("Ảnh: ")
    assert describe(problem, EN).startswith("Photo: ")
    assert _state(read, resident) == before


def test_a_file_over_the_limit_is_refused_before_it_is_read(write, read, resident, tmp_path):
    big = tmp_path / "anh-qua-lon.jpg"
    with big.open("wb") as fh:
        fh.write(portrait())
        fh.truncate(MAX_PHOTO_FILE_BYTES + 1)
    before = _state(read, resident)
    with pytest.raises(ValidationFailed) as caught:
        read_picture_file(big)
    assert describe(caught.value.problems[0], VI) == (
        "Ảnh: tệp lớn hơn 10 MB; hãy chọn ảnh có dung lượng nhỏ hơn"
    )
    with pytest.raises(ValidationFailed), write() as ctx:  # the bytes themselves, too
        set_photo(ctx, resident, big.read_bytes())
    assert _state(read, resident) == before


def test_a_missing_file_is_named(tmp_path: Path):
    with pytest.raises(ValidationFailed) as caught:
        read_picture_file(tmp_path / "khong-co.jpg")
    assert describe(caught.value.problems[0], VI) == "Ảnh: không đọc được tệp khong-co.jpg"


def test_setting_needs_write_and_seeing_needs_the_sensitive_permission(write, read, resident):
    with write() as ctx:
        set_photo(ctx, resident, portrait())
    before = _state(read, resident)
    with pytest.raises(ValidationFailed) as caught, write(VIEWER) as ctx:
        set_photo(ctx, resident, portrait(colour="#000000"))
    assert caught.value.problems[0].field == "account"
    with pytest.raises(ValidationFailed), write(VIEWER) as ctx:
        remove_photo(ctx, resident)
    with pytest.raises(ValidationFailed), read(VIEWER) as ctx:
        photo_of(ctx, resident)
    assert _state(read, resident) == before
