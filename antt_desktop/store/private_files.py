"""Files and folders the program makes are readable by the officer's account only.

The data folder holds the database, its key file, backups, logs and settings; the files the
officer saves elsewhere (printed records, reports, photos, sync bundles) hold personal data
too. So, on Linux and macOS:

* while ``antt`` or the window runs, new files are created 0600 and new folders 0700
  (:func:`private_umask`: SQLite's journal files, backups, bundles and PDFs included), and
* the data folder, the database, the key file and the logs are made so explicitly
  (:func:`private_dir`, :func:`write_private`), whoever calls them.

On Windows, where modes mean little, the data folder gets an access list of the officer's
account alone, inherited by everything inside it (:func:`restrict_to_user`, ``icacls``).
"""

from __future__ import annotations

import contextlib
import getpass
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
#: Bits a new file or folder never gets while the program runs (group and others: nothing).
UMASK = 0o077

Runner = Callable[..., object]


def is_windows() -> bool:
    return sys.platform == "win32"


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """Create every new file 0600 and folder 0700 inside the block, then restore the mask
    (tests run the program in-process)."""
    if is_windows():
        yield
        return
    old = os.umask(UMASK)
    try:
        yield
    finally:
        os.umask(old)


def icacls_command(path: Path, user: str) -> list[str]:
    """The ``icacls`` call that leaves ``path`` (and what it will hold) to ``user`` alone:
    inherited entries removed, full control granted to the user, inherited by files (OI)
    and folders (CI) made inside later."""
    return ["icacls", str(path), "/inheritance:r", "/grant:r", f"{user}:(OI)(CI)F"]


def restrict_to_user(path: Path, *, run: Runner = subprocess.run) -> bool:
    """On Windows, give ``path`` an access list of the current account alone; True when it
    was set. Elsewhere (modes do it) nothing is run and it returns False. A failure (no
    ``icacls``, a folder on a FAT stick) leaves the folder as it was: the program still runs.
    """
    if not is_windows():
        return False
    user = os.environ.get("USERNAME") or getpass.getuser()
    domain = os.environ.get("USERDOMAIN")
    who = f"{domain}\\{user}" if domain else user
    try:
        run(
            icacls_command(path, who),
            check=True,
            capture_output=True,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except (OSError, subprocess.CalledProcessError):
        return False
    return True


def private_dir(path: Path) -> Path:
    """Make the folder ``path`` (and its missing parents) readable by the user only.

    Parents made here get 0700 too; an existing folder is narrowed to 0700 (a data folder
    made by an older version was 0755). On Windows the folder gets the user-only access
    list when it is made.
    """
    path = Path(path)
    existed = path.is_dir()
    if not existed:
        with private_umask():
            path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if is_windows():
        if not existed:
            restrict_to_user(path)
    else:
        os.chmod(path, PRIVATE_DIR)
    return path


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and 0600 if it does not exist (before SQLite opens it, so the
    journal files it makes beside it take the same mode)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def open_private(path: Path) -> BinaryIO:
    """``open(path, "wb")``, the file created 0600 (an existing file is narrowed to 0600
    before anything is written to it)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, PRIVATE_FILE)
    if not is_windows():
        os.fchmod(fd, PRIVATE_FILE)
    return os.fdopen(fd, "wb")


def write_private(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path``, the file readable by the user only (text as UTF-8)."""
    with open_private(path) as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
    return Path(path)
