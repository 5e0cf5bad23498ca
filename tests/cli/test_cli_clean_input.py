"""``antt`` refuses arguments that are not UTF-8 and text with control characters: exit 3,
a message naming the argument or the field, no log of a crash, nothing written."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from antt_desktop.store.models import Person


def _people(post) -> int:
    db = post.open_db()
    try:
        with db.read() as s:
            return s.query(Person).count()
    finally:
        db.close()


def _logs(post) -> list[str]:
    folder = post.data_dir / "logs"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_bytes_that_are_not_utf8_exit_3_naming_the_argument(post) -> None:
    before = _people(post)
    # what Python hands over for the bytes b"L\xea \xff" on Linux (surrogate escapes)
    r = post("person", "add", "--name", "L\udcea \udcff", "--born", "1980")
    assert r.code == 3
    assert r.err.strip() == (
        "Lỗi: tham số dòng lệnh --name không phải văn bản UTF-8 hợp lệ (vị trí 2); hãy gõ lại"
        " hoặc kiểm tra bảng mã của cửa sổ lệnh (chưa thay đổi gì)"
    )
    assert _logs(post) == []
    assert _people(post) == before


def test_a_terminal_escape_in_a_name_exits_3_naming_the_field(post) -> None:
    before = _people(post)
    r = post("person", "add", "--name", "Lê\x1b[2J An", "--born", "1980")
    assert r.code == 3
    assert "Họ và tên: có ký tự điều khiển không hợp lệ (vị trí 3, U+001B)" in r.err
    assert _logs(post) == []
    assert _people(post) == before


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="Windows hands over UTF-16 arguments")
def test_the_real_command_given_raw_bytes_exits_3(post) -> None:
    command = [
        sys.executable,
        "-c",
        "from antt_desktop.cli.app import run; run()",
        "--data-dir",
        os.fsencode(post.data_dir),
        "person",
        "add",
        "--name",
        b"L\xff",
    ]
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONUTF8": "1"}
    done = subprocess.run(command, capture_output=True, env=env, timeout=60, check=False)
    assert done.returncode == 3
    assert "--name" in done.stderr.decode("utf-8")
    assert "Traceback" not in done.stderr.decode("utf-8")
    assert _logs(post) == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_antt_init_creates_user_only_files_and_restores_the_umask(antt) -> None:
    import stat

    from tests.cli.conftest import INIT

    old = os.umask(0o022)  # the usual desktop umask: new files readable by everyone
    try:
        assert antt(*INIT).code == 0
        created = [antt.data_dir, *antt.data_dir.rglob("*")]
        modes = {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in created}
        assert len(modes) > 2
        assert all(int(m, 8) & 0o077 == 0 for m in modes.values()), modes
        assert os.umask(0o022) == 0o022  # the process is left as it was found
    finally:
        os.umask(old)
