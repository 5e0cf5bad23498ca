"""Photos that travel with a person's record, stored by their SHA-256 in the data folder."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Any

_SHA = re.compile(r"^[0-9a-f]{64}$")
MAX_PHOTO = 20 * 1024 * 1024


def folder(data_dir: Path) -> Path:
    return Path(data_dir) / "attachments"


def photos_of(records: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """person id -> photo hash, for the exported people that have one."""
    return {
        r["id"]: r["photo_sha256"]
        for r in records.get("persons", [])
        if isinstance(r.get("photo_sha256"), str) and _SHA.match(r["photo_sha256"])
    }


def read_all(data_dir: Path, hashes: set[str]) -> dict[str, bytes]:
    """The stored photos among ``hashes`` (a photo not on this computer is skipped)."""
    found: dict[str, bytes] = {}
    for sha in sorted(hashes):
        path = folder(data_dir) / sha
        if path.is_file() and path.stat().st_size <= MAX_PHOTO:
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() == sha:
                found[sha] = data
    return found


def store(data_dir: Path, files: dict[str, bytes]) -> int:
    """Write checked photos: each to a temporary file first, then renamed into place."""
    target = folder(data_dir)
    written = 0
    for sha, data in files.items():
        if not _SHA.match(sha) or hashlib.sha256(data).hexdigest() != sha:
            raise ValueError(sha)
        final = target / sha
        if final.exists():
            continue
        target.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(temp, final)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        written += 1
    return written
