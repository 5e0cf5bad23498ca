"""The drives a sync file can be written to: USB sticks first, as Qt sees them mounted.

Qt does not say whether a volume is removable, so the order comes from what a USB stick
looks like on each system: a FAT or exFAT file system, a mount point under a removable-media
folder (``/media``, ``/run/media``, ``/Volumes``), or a Windows drive other than the system
one. Read-only, pseudo and system volumes are left out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo

_STICK_FS = {"vfat", "fat", "fat32", "msdos", "exfat", "fuseblk"}
_PSEUDO_FS = {"tmpfs", "devtmpfs", "proc", "sysfs", "squashfs", "ramfs", "efivarfs"}
_MEDIA = ("/media/", "/run/media/", "/Volumes/", "/mnt/")


@dataclass(frozen=True)
class Drive:
    """A place to write a sync file."""

    root: Path
    label: str
    free_bytes: int
    removable: bool


def looks_removable(root: str, fs_type: str, is_root: bool) -> bool:
    """A volume that is probably a USB stick or card."""
    if is_root:
        return False
    if fs_type.lower() in _STICK_FS:
        return True
    if os.name == "nt":
        system = os.environ.get("SYSTEMDRIVE", "C:").upper()
        return not root.upper().startswith(system)
    return root.startswith(_MEDIA)


def drives() -> list[Drive]:
    """Writable mounted volumes, removable-looking ones first, then by name."""
    found = []
    for volume in QStorageInfo.mountedVolumes():
        if not (volume.isValid() and volume.isReady()) or volume.isReadOnly():
            continue
        fs_type = bytes(volume.fileSystemType().data()).decode(errors="replace")
        if fs_type.lower() in _PSEUDO_FS:
            continue
        root = volume.rootPath()
        removable = looks_removable(root, fs_type, volume.isRoot())
        if not removable and not volume.isRoot() and root.startswith(("/boot", "/snap", "/sys")):
            continue
        found.append(
            Drive(Path(root), volume.displayName() or root, volume.bytesAvailable(), removable)
        )
    return sorted(found, key=lambda d: (not d.removable, d.label.lower(), str(d.root)))
