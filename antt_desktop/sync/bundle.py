"""Write and open bundle files: manifest and records in a tar, encrypted with age to the
recipient's key, framed by the signed header of :mod:`container`."""

from __future__ import annotations

import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

import pyrage

from antt_desktop import __version__
from antt_desktop.store.database import SCHEMA_HEAD
from antt_desktop.sync import container, payload
from antt_desktop.sync.attachments import PHOTO_TABLES
from antt_desktop.sync.canonical import now_iso
from antt_desktop.sync.errors import BundleRefused
from antt_desktop.sync.identity import Identity
from antt_desktop.sync.spool import SealedSpool

#: The oldest database schema that can read what this version writes.
MIN_READER_SCHEMA = "0004"
#: payloads up to this size stay in memory; beyond, only ciphertext goes to disk (spool.py)
SPOOL = 64 * 1024 * 1024


@dataclass
class Volume:
    """One volume's content before it is written."""

    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    attachments: dict[str, bytes] = field(default_factory=dict)
    size: int = 0

    @property
    def rows(self) -> int:
        return sum(len(r) for r in self.records.values())


def split(
    records: dict[str, list[dict[str, Any]]],
    attachments: dict[str, bytes],
    photo_of: dict[str, str],
    limit: int,
) -> list[Volume]:
    """Cut the rows (parents first) into volumes of about ``limit`` bytes of records."""
    volumes = [Volume()]
    for table, batch in records.items():
        for row in batch:
            line = len(payload.line_of(row)) + 1
            photo = photo_of.get(row["id"]) if table in PHOTO_TABLES else None
            extra = len(attachments[photo]) if photo in attachments else 0
            current = volumes[-1]
            if current.size and current.size + line + extra > limit:
                current = Volume()
                volumes.append(current)
            current.records.setdefault(table, []).append(row)
            current.size += line + extra
            if photo is not None and photo in attachments:
                current.attachments[photo] = attachments[photo]
    return volumes


def manifest(volume: Volume, common: dict[str, Any]) -> tuple[dict[str, Any], dict[str, bytes]]:
    lines = {t: payload.encode_rows(r) for t, r in volume.records.items()}
    body = {
        **common,
        "app_version": __version__,
        "schema": SCHEMA_HEAD,
        "min_reader_schema": MIN_READER_SCHEMA,
        "tables": {
            t: {"count": len(volume.records[t]), "sha256": payload.table_digest(data)}
            for t, data in lines.items()
        },
        "attachments": sorted(volume.attachments),
        "sanity": {"rows": volume.rows},
    }
    return body, lines


def write_volume(
    path: Path,
    key: Identity,
    recipient_key: str,
    header: dict[str, Any],
    body: dict[str, Any],
    lines: dict[str, bytes],
    attachments: dict[str, bytes],
) -> None:
    """Write one volume file: tar → age → signed frame. The signed header declares how
    large the records unpack to, so a reader never inflates more."""
    header = {**header, "records_size": sum(len(data) for data in lines.values())}
    with SealedSpool(SPOOL) as clear, tempfile.SpooledTemporaryFile(SPOOL) as sealed:
        payload.write(cast(IO[bytes], clear), body, lines, attachments)  # a file-like enough
        clear.seek(0)
        pyrage.encrypt_io(clear, sealed, [pyrage.x25519.Recipient.from_str(recipient_key)])
        container.write(path, header, key, sealed)


def new_header(
    sender: str, recipient: str, seq: int, export_id: str, volume: int, volumes: int
) -> dict[str, Any]:
    return {
        "bundle_id": str(uuid.uuid4()),
        "export_id": export_id,
        "sender": sender,
        "recipient": recipient,
        "seq": seq,
        "created_at": now_iso(),
        "volume": volume,
        "volumes": volumes,
    }


def decrypt(
    fh: IO[bytes],
    header: container.Header,
    key: Identity,
    name: str,
    held: payload.Held | None = None,
    known: payload.Known | None = None,
) -> payload.Payload:
    """Decrypt the payload into a sealed spool and read it (age finds truncation); lines
    ``held`` says this node holds exactly are kept aside unparsed, tables ``known`` to have
    been merged here as they are are not read."""
    declared = header.fields.get("records_size")
    if declared is not None and declared > payload.MAX_VOLUME_RECORDS:
        raise BundleRefused("unpacks_too_large", file=name, max=payload.MAX_VOLUME_RECORDS // 2**20)
    with SealedSpool(SPOOL) as clear:
        fh.seek(header.payload_offset)
        try:
            key.decrypt_io(fh, clear)
        except Exception as exc:  # pyrage raises DecryptError or OSError
            raise BundleRefused("decrypt", file=name) from exc
        clear.seek(0)
        try:
            return payload.read(cast(IO[bytes], clear), name, declared, held, known)
        except MemoryError as exc:  # what the limits let through, on a computer short of it
            raise BundleRefused("memory", file=name) from exc
