"""The bundle file: a clear, signed header, then the age-encrypted payload.

Layout: ``ANTTSYNC`` | format major, minor (1 byte each) | header length (4 bytes, big
endian) | header (canonical JSON) | signature length (2 bytes) | Ed25519 signature over
everything before it | payload (age ciphertext). The header names the sender, the
recipient, the sequence number, the volume and the SHA-256 and size of the payload, so a
flipped byte or a truncated file is found before anything is decrypted.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from antt_desktop.domain.text import fold
from antt_desktop.sync import identity
from antt_desktop.sync.canonical import canonical, loads_object
from antt_desktop.sync.errors import BundleRefused

MAGIC = b"ANTTSYNC"
MAJOR, MINOR = 1, 0
MAX_HEADER = 64 * 1024
SIGNATURE_BYTES = 64
SUFFIX = ".anttsync"
CHUNK = 1024 * 1024
#: FAT32 cannot hold a file of 4 GiB; no volume comes near it
MAX_BUNDLE_BYTES = 4 * 1024**3 - 1
MAX_BUNDLE_GB = 4

_TEXT_FIELDS = ("bundle_id", "export_id", "sender", "recipient", "created_at", "payload_sha256")
_INT_FIELDS = ("seq", "volume", "volumes", "payload_size")


@dataclass(frozen=True)
class Header:
    """The clear header of a bundle, as signed by its sender."""

    fields: dict[str, Any]
    signed_bytes: bytes
    signature: bytes
    payload_offset: int

    def __getitem__(self, name: str) -> Any:
        return self.fields[name]


#: Words a unit's name starts with that say what kind of unit it is, not which one.
_UNIT_WORDS = re.compile(
    r"^(cong an|ca)\s+(tinh|thanh pho|tp|quan|huyen|thi xa|xa|phuong|thi tran|dac khu)\s+"
)


def short_name(unit_name: str, limit: int = 20) -> str:
    """``PhuLuong`` of ``Công an xã Phú Lương``: the place, ASCII, words run together."""
    place = _UNIT_WORDS.sub("", fold(unit_name))
    words = re.findall(r"[a-z0-9]+", place)
    return "".join(w[:1].upper() + w[1:] for w in words)[:limit] or "DonVi"


def _safe(code: str) -> str:
    return re.sub(r"[^A-Za-z0-9-]+", "", code)[:16] or "0"


def bundle_name(
    sender_code: str,
    sender_name: str,
    recipient_name: str,
    seq: int,
    day: date,
    volume: int = 1,
    volumes: int = 1,
) -> str:
    """``05611_PhuLuong-ThaiNguyen_0007_2026-12-06.anttsync`` (``-v2of3`` for volumes): the
    sender's unit code, the two units' places, the sequence number and the day, so an
    officer recognises the file. The ids are inside the signed header; nothing reads the
    name back (a renamed file imports the same), and it holds no personal data."""
    tail = f"-v{volume}of{volumes}" if volumes > 1 else ""
    units = f"{short_name(sender_name)}-{short_name(recipient_name)}"
    return f"{_safe(sender_code)}_{units}_{seq:04d}_{day.isoformat()}{tail}{SUFFIX}"


def write(path: Path, fields: dict[str, Any], key: identity.Identity, payload: IO[bytes]) -> None:
    """Write a bundle to ``path``: header with the payload's hash and size, then payload."""
    payload.seek(0)
    digest = hashlib.sha256()
    size = 0
    while chunk := payload.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    header = canonical({**fields, "payload_sha256": digest.hexdigest(), "payload_size": size})
    prefix = MAGIC + bytes([MAJOR, MINOR]) + len(header).to_bytes(4, "big") + header
    signature = key.sign(prefix)
    payload.seek(0)
    with path.open("wb") as out:
        out.write(prefix)
        out.write(len(signature).to_bytes(2, "big"))
        out.write(signature)
        shutil.copyfileobj(payload, out, CHUNK)
        out.flush()
        os.fsync(out.fileno())


def _exact(fh: IO[bytes], n: int, name: str) -> bytes:
    data = fh.read(n)
    if len(data) != n:
        raise BundleRefused("damaged", file=name, detail="the file is cut short")
    return data


def read_header(fh: IO[bytes], name: str) -> Header:
    """Parse the clear header; refuses what is not a bundle, a newer format or a damaged one.

    The signature is not checked here (the sender's key comes from the peers).
    """
    start = fh.read(len(MAGIC))
    if start != MAGIC:
        raise BundleRefused("not_a_bundle", file=name)
    version = _exact(fh, 2, name)
    if version[0] > MAJOR:
        raise BundleRefused("newer_format", file=name, version=f"{version[0]}.{version[1]}")
    if version[0] != MAJOR:
        raise BundleRefused("not_a_bundle", file=name)
    length_bytes = _exact(fh, 4, name)
    length = int.from_bytes(length_bytes, "big")
    if length > MAX_HEADER:
        raise BundleRefused("damaged", file=name, detail="the header is too long")
    header = _exact(fh, length, name)
    sig_length = int.from_bytes(_exact(fh, 2, name), "big")
    if sig_length != SIGNATURE_BYTES:
        raise BundleRefused("damaged", file=name, detail="the signature is missing")
    signature = _exact(fh, sig_length, name)
    try:
        fields = loads_object(header)
        for key in _TEXT_FIELDS:
            if not isinstance(fields.get(key), str) or len(fields[key]) > 100:
                raise ValueError(key)
        for key in _INT_FIELDS:
            if not isinstance(fields.get(key), int) or fields[key] < 0:
                raise ValueError(key)
        if not 1 <= fields["volume"] <= fields["volumes"] <= 10_000:
            raise ValueError("volume")
        declared = fields.get("records_size")  # written since 1.0 bundles of December 2026
        if declared is not None and (type(declared) is not int or declared < 0):
            raise ValueError("records_size")
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleRefused("damaged", file=name, detail="the header is unreadable") from exc
    prefix = MAGIC + version + length_bytes + header
    return Header(fields, prefix, signature, len(prefix) + 2 + sig_length)


def check_signature(header: Header, sign_public: str, name: str) -> None:
    if not identity.verify(sign_public, header.signature, header.signed_bytes):
        raise BundleRefused("signature", file=name, sender=header["sender"])


def check_payload(fh: IO[bytes], header: Header, name: str) -> None:
    """The payload's size and SHA-256 match the signed header (truncation, flipped bytes)."""
    fh.seek(header.payload_offset)
    digest = hashlib.sha256()
    size = 0
    while chunk := fh.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if size > header["payload_size"]:
            break
    if size != header["payload_size"]:
        raise BundleRefused("damaged", file=name, detail="the file is cut short or too long")
    if digest.hexdigest() != header["payload_sha256"]:
        raise BundleRefused("damaged", file=name, detail="its content was changed")
    fh.seek(header.payload_offset)
