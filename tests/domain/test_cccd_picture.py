"""Finding the card's QR code in a photo or scan: generated codes, photographed-like
variants (small, slightly turned, on a larger background, blurred, JPEG), and hostile files."""

from __future__ import annotations

import io
from datetime import date

import pytest
import segno
from PIL import Image, ImageFilter

from antt_desktop.domain.cccd import CardData
from antt_desktop.domain.cccd_picture import card_in, card_in_file, codes_in, open_picture
from antt_desktop.domain.photo import MAX_PHOTO_FILE_BYTES

CARD = (
    "001090012345|123456789|Nguyễn Văn An|01021990|Nam|"
    "Thôn 3, Xã Phú Lương, Huyện Đại Từ, Thái Nguyên|15082021"
)
TODAY = date(2026, 11, 22)


def qr_picture(text: str = CARD, scale: int = 4) -> Image.Image:
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=4)
    buffer.seek(0)
    with Image.open(buffer) as image:
        return image.convert("RGB")


def on_card_photo(code: Image.Image, *, turn: float, size: tuple[int, int]) -> Image.Image:
    """The code placed on a grey "desk" with a light "card" around it, slightly turned."""
    card = Image.new("RGB", (code.width * 3, code.height * 2), (235, 230, 220))
    card.paste(code, (card.width - code.width - 20, 20))
    turned = card.rotate(turn, expand=True, fillcolor=(90, 90, 90), resample=Image.BICUBIC)
    desk = Image.new("RGB", size, (90, 90, 90))
    desk.paste(turned, ((size[0] - turned.width) // 3, (size[1] - turned.height) // 2))
    return desk


def file_bytes(image: Image.Image, kind: str = "JPEG") -> bytes:
    out = io.BytesIO()
    image.save(out, kind, quality=85) if kind == "JPEG" else image.save(out, kind)
    return out.getvalue()


def test_a_clean_code_is_read() -> None:
    assert codes_in(qr_picture()) == [CARD]
    card = card_in(qr_picture(), today=TODAY)
    assert isinstance(card, CardData)
    assert card.full_name == "Nguyễn Văn An"


@pytest.mark.parametrize("turn", [0, 4, -7, 90, 180])
def test_a_photographed_card_is_read(turn: float) -> None:
    photo = on_card_photo(qr_picture(scale=5), turn=turn, size=(1600, 1200))
    photo = photo.filter(ImageFilter.GaussianBlur(1))

    card = card_in_file(file_bytes(photo), today=TODAY)

    assert isinstance(card, CardData), card
    assert card.id_number == "001090012345"


def test_a_large_phone_photo_is_searched_smaller_first() -> None:
    photo = on_card_photo(qr_picture(scale=12), turn=3, size=(4000, 3000))

    card = card_in_file(file_bytes(photo), today=TODAY)

    assert isinstance(card, CardData), card


def test_a_tiny_code_upscaled_from_a_scan_is_read() -> None:
    code = qr_picture(scale=2)
    scan = code.resize((code.width * 3 // 2, code.height * 3 // 2), Image.Resampling.BILINEAR)

    assert isinstance(card_in_file(file_bytes(scan, "PNG"), today=TODAY), CardData)


def test_a_picture_without_a_code_says_so() -> None:
    empty = Image.new("RGB", (400, 300), (200, 200, 200))

    problems = card_in_file(file_bytes(empty), today=TODAY)

    assert isinstance(problems, list)
    assert [p.code for p in problems] == ["cccd.no_code"]


def test_a_bank_code_in_a_picture_is_not_a_card() -> None:
    problems = card_in(qr_picture("00020101021238570010A00000072701270006970422"), today=TODAY)

    assert isinstance(problems, list)
    assert [p.code for p in problems] == ["cccd.not_card"]


def test_hostile_files_are_refused_before_decoding() -> None:
    too_big = open_picture(b"\xff\xd8\xff" + bytes(MAX_PHOTO_FILE_BYTES))
    not_image = open_picture(b"%PDF-1.7 not a picture")
    gif = io.BytesIO()
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    damaged = open_picture(file_bytes(qr_picture())[:200])

    assert [p.code for p in too_big] == ["photo.too_large"]  # type: ignore[union-attr]
    assert [p.code for p in not_image] == ["photo.not_image"]  # type: ignore[union-attr]
    assert isinstance(open_picture(gif.getvalue()), list)
    assert isinstance(damaged, list)


def test_a_decompression_bomb_is_refused() -> None:
    bomb = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(bomb, "PNG")  # 144 million pixels, a small file

    problems = open_picture(bomb.getvalue())

    assert isinstance(problems, list)
    assert problems[0].code in ("photo.too_many_pixels", "photo.bomb")
