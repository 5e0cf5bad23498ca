"""What the program creates is readable by the officer's account only: 0600 files and
0700 folders on Linux and macOS, a user-only access list on Windows."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from antt_desktop.cli.app import _log_failure
from antt_desktop.security.keyslots import KeyFile, key_file_path, write_key_file
from antt_desktop.store import private_files
from antt_desktop.store.database import open_database
from antt_desktop.store.private_files import icacls_command, private_dir, restrict_to_user

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """The usual desktop umask (022: new files readable by everyone) during the test."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@posix_only
def test_a_new_post_is_the_users_alone_whatever_the_umask(tmp_path, open_umask) -> None:
    data = tmp_path / "home" / "antt"
    db = open_database(data / "antt.sqlite3", create=True)
    try:
        with db.write() as s:  # a write: SQLite makes its journal files beside the database
            s.execute(text("CREATE TABLE scratch (x)"))
        write_key_file(key_file_path(data / "antt.sqlite3"), KeyFile())
        log = _log_failure(data)
        created = [data, *data.rglob("*")]
        modes = {p.relative_to(tmp_path).as_posix(): oct(_mode(p)) for p in created}
        assert modes[data.relative_to(tmp_path).as_posix()] == "0o700"
        assert _mode(data.parent) == 0o700  # the missing parent made with it
        assert {k: v for k, v in modes.items() if not (tmp_path / k).is_dir()} == {
            k: "0o600" for k, v in modes.items() if not (tmp_path / k).is_dir()
        }
        assert log.parent.name == "logs" and _mode(log.parent) == 0o700
    finally:
        db.close()


@posix_only
def test_a_data_folder_left_open_by_an_older_version_is_narrowed(tmp_path, open_umask) -> None:
    folder = tmp_path / "antt"
    folder.mkdir(mode=0o755)
    private_dir(folder)
    assert _mode(folder) == 0o700


def test_windows_gets_a_user_only_access_list_through_icacls(tmp_path, monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(private_files, "is_windows", lambda: True)
    monkeypatch.setenv("USERNAME", "canbo")
    monkeypatch.setenv("USERDOMAIN", "CAXA")
    assert restrict_to_user(tmp_path, run=lambda cmd, **kw: calls.append(cmd))
    assert calls == [
        ["icacls", str(tmp_path), "/inheritance:r", "/grant:r", "CAXA\\canbo:(OI)(CI)F"]
    ]
    assert icacls_command(tmp_path, "canbo")[-1] == "canbo:(OI)(CI)F"


def test_no_icacls_leaves_the_folder_as_it_was_and_the_program_running(
    tmp_path, monkeypatch
) -> None:
    def missing(cmd, **kw):
        raise FileNotFoundError(cmd[0])

    monkeypatch.setattr(private_files, "is_windows", lambda: True)
    assert restrict_to_user(tmp_path, run=missing) is False


@pytest.mark.skipif(sys.platform == "win32", reason="the mode is the check there")
def test_elsewhere_nothing_is_run() -> None:
    assert restrict_to_user(Path("."), run=lambda *a, **k: pytest.fail("ran")) is False
