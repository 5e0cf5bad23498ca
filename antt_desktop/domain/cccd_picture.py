"""Finding a citizen ID card's QR code in a picture: a photo or scan of the card, or a frame
of a webcam (decoded by zxing-cpp).

A chosen file is hostile input, as a resident's photo is (``domain.photo``): the same size
and pixel limits, decoded by Pillow only as JPEG or PNG, a decompression bomb refused.
"""

from __future__ import annotations

from datetime import date

import zxingcpp
from PIL import Image

from antt_desktop.domain import photo
from antt_desktop.domain.cccd import CardData, parse_card
from antt_desktop.domain.errors import Problem, ValidationFailed

FIELD = "cccd_picture"
FORMATS = ("JPEG", "PNG")
#: A picture is searched at most this wide or high first (a phone photo is 4000-8000 pixels;
#: the card's code in it is still hundreds), then at full size if nothing was found.
SEARCH_SIDE = 2000


def _problem(code: str, **params: object) -> list[Problem]:
    return [Problem(FIELD, code, params)]


def open_picture(data: bytes) -> Image.Image | list[Problem]:
    """``data`` decoded as a JPEG or PNG picture within the photo limits, or the problem."""
    try:
        return photo.open_picture(data, FORMATS)
    except ValidationFailed as refused:
        return [Problem(FIELD, p.code, p.params) for p in refused.problems]


def codes_in(image: Image.Image) -> list[str]:
    """The texts of the QR codes zxing finds in ``image`` (smaller first, then full size)."""
    gray = image.convert("L")
    tries = [gray]
    if max(gray.size) > SEARCH_SIDE:
        small = gray.copy()
        small.thumbnail((SEARCH_SIDE, SEARCH_SIDE), Image.Resampling.BILINEAR)
        tries.insert(0, small)
    qr = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)  # not kept: nanobind warns
    for picture in tries:
        found = zxingcpp.read_barcodes(picture, formats=qr)
        texts = [code.text for code in found if code.valid and code.text]
        if texts:
            return texts
    return []


def card_in(image: Image.Image, *, today: date | None = None) -> CardData | list[Problem]:
    """The card whose QR code is in ``image``, or why none was read: ``cccd.no_code``
    when there is no QR code, the problems of :func:`parse_card` when there is one (a
    bank's, a damaged card's) that is not a card's."""
    problems: list[Problem] | None = None
    for text in codes_in(image):
        result = parse_card(text, today=today)
        if isinstance(result, CardData):
            return result
        problems = problems or result
    return problems or _problem("cccd.no_code")


def card_in_file(data: bytes, *, today: date | None = None) -> CardData | list[Problem]:
    """The card whose QR code is in a picture file's ``data`` (read at most
    ``MAX_PHOTO_FILE_BYTES``), or why none was read."""
    image = open_picture(data)
    if isinstance(image, list):
        return image
    return card_in(image, today=today)
