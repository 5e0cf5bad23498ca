"""Backups are hostile input: a file larger than a backup may be, a header that claims too
big a copy, and a disk without room are refused with a Vietnamese message; nothing of the
post changes and no staging file is left."""

from __future__ import annotations

import json
import shutil
import struct
from pathlib import Path
from typing import Any

from antt_desktop.security import backups


def _state(antt: Any) -> tuple[int, list[str]]:
    with antt.connect() as conn:
        people = conn.execute("SELECT count(*) FROM persons").fetchone()[0]
    return people, sorted(p.name for p in antt.data_dir.iterdir() if "restore" in p.name)


def test_a_file_larger_than_a_backup_may_be_is_refused_unread(post, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    post("person", "add", "--name", "Lê Văn Tám")
    big = tmp_path / "qua-lon.anttbak"
    with big.open("wb") as fh:  # sparse: no disk is used for the hole
        fh.write(backups.MAGIC)
        fh.truncate(backups.MAX_BACKUP_BYTES + 1)
    before = _state(post)
    r = post("restore", str(big))
    assert r.code == 3
    assert "lớn hơn mức cho phép của một bản sao lưu (cơ sở dữ liệu đơn vị tối đa 64 GB)" in r.err
    assert _state(post) == before


def test_a_header_claiming_too_big_a_copy_is_refused(post, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    post("person", "add", "--name", "Lê Văn Tám")
    header = json.dumps(
        {
            "format": backups.FORMAT,
            "version": backups.VERSION,
            "database_bytes": backups.MAX_DATABASE_BYTES + 1,
            "database_sha256": "0" * 64,
        }
    ).encode()
    forged = tmp_path / "gia.anttbak"
    forged.write_bytes(backups.MAGIC + struct.pack(">I", len(header)) + header + b"x" * 100)
    before = _state(post)
    r = post("--lang", "en", "restore", str(forged))
    assert r.code == 3
    assert "is larger than a backup may be (a post database of at most 64 GB)" in r.err
    assert _state(post) == before


def test_no_room_on_the_disk_refuses_before_writing(post, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    post("person", "add", "--name", "Lê Văn Tám")
    copy = tmp_path / "ban-sao.anttbak"
    assert post("backup", "--out", str(copy)).code == 0
    post("person", "add", "--name", "Phạm Thị Bảy")
    before = _state(post)
    real = shutil.disk_usage
    monkeypatch.setattr(shutil, "disk_usage", lambda p: real(p)._replace(free=10 * 1024 * 1024))
    r = post("restore", str(copy))
    assert r.code == 3
    assert "không đủ chỗ trống để phục hồi bản sao lưu này" in r.err
    assert "còn trống 0,0 GB" in r.err
    assert _state(post) == before == (2, [])
