"""Putting a finished file on a removable drive so that a pulled stick never leaves a file
that looks complete: copy as ``.part``, flush to the device, rename, read back, compare."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
from pathlib import Path
from typing import BinaryIO

from antt_desktop.sync.errors import SyncProblem

CHUNK = 1024 * 1024


def digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its rename is durable enough
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _copy(src: BinaryIO, dst: BinaryIO) -> None:
    shutil.copyfileobj(src, dst, CHUNK)


def copy_verified(source: Path, folder: Path) -> Path:
    """Copy ``source`` into ``folder`` safely; returns the final path.

    Raises:
        SyncProblem: the drive is full (``sync.stick.full``), cannot be written
            (``sync.stick.unwritable``) or gave back different bytes (``sync.stick.verify``).
    """
    folder = Path(folder)
    target = folder / source.name
    partial = folder / (source.name + ".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with source.open("rb") as src, partial.open("wb") as dst:
            _copy(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        partial.replace(target)
        _fsync_dir(folder)
    except OSError as exc:
        # the stick may be gone: only the .part can remain, never a complete-looking file
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise SyncProblem("sync.stick.full", exit_code=1, path=str(folder)) from exc
        raise SyncProblem(
            "sync.stick.unwritable", exit_code=1, path=str(folder), detail=exc.strerror or str(exc)
        ) from exc
    if digest(target) != digest(source):
        raise SyncProblem("sync.stick.verify", exit_code=1, path=str(target))
    return target
