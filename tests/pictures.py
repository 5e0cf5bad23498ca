"""Picture files for the photo tests, made here: portraits, hostile files, damaged ones."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageDraw


def portrait(
    width: int = 900, height: int = 1200, fmt: str = "JPEG", colour: str = "#3a6ea5", **save: object
) -> bytes:
    """A plain portrait-like picture: a coloured background, a head and shoulders."""
    mode = "RGBA" if fmt == "PNG" else "RGB"
    image = Image.new(mode, (width, height), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((width * 0.3, height * 0.15, width * 0.7, height * 0.5), fill="#e8c39e")
    draw.rectangle((width * 0.15, height * 0.55, width * 0.85, height), fill="#2f4f2f")
    out = io.BytesIO()
    image.save(out, fmt, **save)
    return out.getvalue()


def rotated_jpeg() -> bytes:
    """A landscape JPEG whose EXIF says "turn it 90°": shown upright it is a portrait."""
    image = Image.new("RGB", (800, 600), "#aa3333")
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int = 30_000, height: int = 30_000) -> bytes:
    """A small PNG that says it is ``width``×``height`` (a decompression bomb: a few hundred
    bytes that would decode to gigabytes)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (width + 1) * 8, 9)  # a few rows; the rest would follow
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", rows)
        + _chunk(b"IEND", b"")
    )


def damaged_jpeg() -> bytes:
    """A JPEG cut off after its first bytes of picture data."""
    whole = portrait(fmt="JPEG")
    return whole[: len(whole) // 6]
