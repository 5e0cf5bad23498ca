"""A resident's photo (ảnh chân dung): the checks a picture file passes, and what is kept.

A chosen file is hostile input: it is size-limited before it is read, decoded by Pillow only
as JPEG, PNG, BMP or WebP, refused when its pixel count would make a decompression bomb,
turned upright by its EXIF orientation, then drawn again as a modest JPEG. What is stored is
that new JPEG, never the original bytes (no metadata, no location, no hostile payload).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO

from PIL import Image, ImageOps, UnidentifiedImageError

from antt_desktop.domain.errors import Problem, ValidationFailed

#: The largest picture file that is read at all (a phone camera photo is 2-6 MB).
MAX_PHOTO_FILE_BYTES = 10 * 1024 * 1024
#: The most pixels a picture may decode to (a 48-megapixel phone photo passes; a
#: decompression bomb, a small file that decodes to gigabytes, does not).
MAX_PHOTO_PIXELS = 50_000_000
#: The stored photo fits within this box (3×4 portrait, enough for a 4×6 cm print at 300 dpi).
STORED_BOX = (600, 800)
JPEG_QUALITY = 85
#: The picture formats accepted, as Pillow names them.
FORMATS = ("JPEG", "PNG", "BMP", "WEBP")
#: Picture formats named in a refusal (only their header is read, to say which it is).
OTHER_FORMATS = ("GIF", "TIFF", "ICO", "PPM", "JPEG2000")
FIELD = "photo"


@dataclass(frozen=True)
class Photo:
    """The photo as stored: a JPEG, its SHA-256 and its size in pixels."""

    data: bytes
    sha256: str
    width: int
    height: int


def _refuse(code: str, **params: object) -> ValidationFailed:
    return ValidationFailed([Problem(FIELD, code, params)])


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".replace(".", ",").replace(",0", "")


def too_large(limit: int = MAX_PHOTO_FILE_BYTES) -> ValidationFailed:
    return _refuse("photo.too_large", max=_megabytes(limit))


def read_limited(fh: IO[bytes], limit: int = MAX_PHOTO_FILE_BYTES) -> bytes:
    """At most ``limit`` bytes of ``fh``; ValidationFailed (photo.too_large) past that."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise too_large(limit)
    return data


def open_picture(data: bytes, formats: Sequence[str] = FORMATS) -> Image.Image:
    """Decode ``data`` fully, as one of ``formats``, within :data:`MAX_PHOTO_PIXELS`: any
    chosen picture file is hostile input (a decompression bomb, a damaged file).

    Raises:
        ValidationFailed: field ``photo``, code ``photo.too_large``, ``photo.too_many_pixels``,
            ``photo.bomb``, ``photo.damaged``, ``photo.format`` or ``photo.not_image``.
    """
    if len(data) > MAX_PHOTO_FILE_BYTES:
        raise too_large()
    try:
        with warnings.catch_warnings():
            # Pillow warns (and past twice its own limit raises) on a decompression bomb
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(formats))
            width, height = image.size
            if width * height > MAX_PHOTO_PIXELS:
                raise _refuse(
                    "photo.too_many_pixels",
                    width=width,
                    height=height,
                    max=MAX_PHOTO_PIXELS // 1_000_000,
                )
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _refuse("photo.bomb", max=MAX_PHOTO_PIXELS // 1_000_000) from exc
    except UnidentifiedImageError as exc:
        if _looks_accepted(data, formats):  # the signature of a picture, then nothing readable
            raise _refuse("photo.damaged") from exc
        found = _other_format(data, formats)
        if found:
            raise _refuse("photo.format", format=found) from exc
        raise _refuse("photo.not_image") from exc
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
        raise _refuse("photo.damaged") from exc
    if width <= 0 or height <= 0:
        raise _refuse("photo.damaged")
    return image


def _looks_accepted(data: bytes, formats: Sequence[str] = FORMATS) -> bool:
    """``data`` starts as a file of one of ``formats`` does."""
    starts = {
        "JPEG": data.startswith(b"\xff\xd8\xff"),
        "PNG": data.startswith(b"\x89PNG\r\n\x1a\n"),
        "BMP": data.startswith(b"BM"),
        "WEBP": data[:4] == b"RIFF" and data[8:12] == b"WEBP",
    }
    return any(starts.get(f, False) for f in formats)


def _other_format(data: bytes, formats: Sequence[str] = FORMATS) -> str | None:
    """The name of a picture format we do not accept (GIF, TIFF...), to say so."""
    others = [f for f in (*FORMATS, *OTHER_FORMATS) if f not in formats]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data), formats=others) as other:
                return str(other.format or "") or None
    except Exception:  # anything else unreadable is simply "not a picture"
        return None


def prepare(data: bytes) -> Photo:
    """Check a chosen picture and make the JPEG that is stored.

    Raises:
        ValidationFailed: on field ``photo``: too large, not a picture, a format not
            accepted, too many pixels, or damaged. Nothing is kept of the input then.
    """
    image = open_picture(data)
    # a damaged orientation tag leaves the picture as it was drawn
    with contextlib.suppress(OSError, SyntaxError, ValueError, KeyError, TypeError):
        image = ImageOps.exif_transpose(image) or image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    else:
        image = image.convert("RGB")
    image.thumbnail(STORED_BOX, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    stored = out.getvalue()
    return Photo(stored, hashlib.sha256(stored).hexdigest(), image.width, image.height)


def check_stored(data: bytes, sha256: str) -> Photo:
    """Check a photo that arrives already made (a sync bundle, a file of an older version):
    its hash, its size and that it decodes as an accepted picture. It is kept as it is, since
    the person's record names it by that hash.

    Raises:
        ValidationFailed: as :func:`prepare`, or ``photo.hash`` when the bytes are not the
            photo the record names.
    """
    if hashlib.sha256(data).hexdigest() != sha256:
        raise _refuse("photo.hash", name=sha256[:12])
    image = open_picture(data)
    return Photo(data, sha256, image.width, image.height)
