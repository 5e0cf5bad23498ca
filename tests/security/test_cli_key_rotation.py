"""``antt user passwd``, ``user disable`` and ``user role`` rotate the data keys: a copy of
the key file made before, with the password of then, opens nothing (exit 5, no traceback)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from antt_desktop.security.keyslots import key_file_path
from tests.conftest import TEST_PASSWORD

OFFICER, OLD, NEW = "canbo1", "mat-khau-cua-can-bo-2026", "mat-khau-moi-tuoi-xanh-2026"


def _with_officer(post, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ANTT_NEW_PASSWORD", OLD)
    assert post("user", "add", OFFICER, "--role", "officer", "--full-name", "Lê Văn Công").code == 0
    monkeypatch.setenv("ANTT_PASSWORD", OLD)
    assert post("--user", OFFICER, "search", "duc").code == 0  # its first login
    monkeypatch.setenv("ANTT_PASSWORD", TEST_PASSWORD)  # the chief's
    keys = key_file_path(post.data_dir / "antt.sqlite3")
    old_copy = post.data_dir.parent / "old.keys"
    shutil.copy(keys, old_copy)
    return old_copy


def _old_copy_refused(post, monkeypatch, old_copy: Path) -> None:  # type: ignore[no-untyped-def]
    keys = key_file_path(post.data_dir / "antt.sqlite3")
    current = keys.read_bytes()
    shutil.copy(old_copy, keys)
    monkeypatch.setenv("ANTT_PASSWORD", OLD)
    r = post("--user", OFFICER, "search", "duc")
    assert r.code == 5, r.err
    assert f"sai tên tài khoản hoặc mật khẩu của '{OFFICER}'" in r.err
    assert "Traceback" not in r.err
    keys.write_bytes(current)


@pytest.mark.parametrize(
    ("args", "rotated"),
    [
        (("--user", OFFICER, "user", "passwd"), True),
        (("user", "passwd", OFFICER), True),
        (("user", "disable", OFFICER), True),
        (("user", "role", OFFICER, "viewer"), True),
        (("user", "role", OFFICER, "chief"), False),
    ],
)
def test_a_change_rotates_the_keys_and_the_old_copy_opens_nothing(  # type: ignore[no-untyped-def]
    post, monkeypatch, args, rotated
) -> None:
    old_copy = _with_officer(post, monkeypatch)
    monkeypatch.setenv("ANTT_PASSWORD", OLD if args[0] == "--user" else TEST_PASSWORD)
    monkeypatch.setenv("ANTT_NEW_PASSWORD", NEW)
    r = post(*args)
    assert r.code == 0, r.err
    assert ("Đã đổi khóa dữ liệu" in r.out) is rotated
    if rotated:
        _old_copy_refused(post, monkeypatch, old_copy)
    monkeypatch.setenv("ANTT_PASSWORD", TEST_PASSWORD)
    checked = post("check")
    assert checked.code == 0, checked.out + checked.err
