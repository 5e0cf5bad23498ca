"""The key file's failed-login record sealed at each login: edited counters or removed
failures are found at the next login, written to the audit log, warned about in the window
and named by ``antt check``; an untouched file raises nothing."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from antt_desktop.gui.common import login_dialog
from antt_desktop.gui.common.login_dialog import LoginDialog
from antt_desktop.i18n.translator import Translator
from antt_desktop.security.errors import WrongCredentials
from antt_desktop.security.keyslots import key_file_path
from antt_desktop.security.login import login
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.services.post_rows import database_problems
from antt_desktop.store.models import AuditEntry
from tests.conftest import TEST_KDF, TEST_PASSWORD, TODAY, make_post

CHIEF = "truongcong"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    make_post(tmp_path / "post.sqlite3", chief=CHIEF)
    login(tmp_path / "post.sqlite3", CHIEF, TEST_PASSWORD, kdf=TEST_KDF).close()  # sealed
    return tmp_path / "post.sqlite3"


def _fail(path: Path, times: int, user: str = "canbo9") -> None:
    """Wrong passwords an hour apart (no wait refuses them before the check)."""
    hours = itertools.count(1_800_000_000.0, 3600.0)
    for _ in range(times):
        with pytest.raises(WrongCredentials):
            login(path, user, "not the password", kdf=TEST_KDF, now=lambda: next(hours))


def _edit(path: Path, change: Any) -> None:
    """What someone at the keyboard does between the failures and the next login."""
    keys = key_file_path(path)
    doc = json.loads(keys.read_text("utf-8"))
    change(doc)
    keys.write_text(json.dumps(doc), "utf-8")


def _entries(post: Any) -> list[tuple[str, str, str | None]]:
    with post.db.read() as s:
        rows = s.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
        return [(e.actor, e.action, e.detail) for e in rows]


def _check(post: Any) -> tuple[str, ...]:
    with post.db.read() as s:
        return database_problems(Ctx(s, Actor(CHIEF, "chief"), TODAY))


def test_an_untouched_file_logs_the_failures_and_warns_of_nothing(path: Path) -> None:
    _fail(path, 3)

    with login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF) as post:
        assert not post.key_file_edited
        actions = [a for _, a, _ in _entries(post)]
        assert actions.count("login_failed") == 3
        assert "keyfile_edited" not in actions
        assert _check(post) == ()


def test_a_counter_lowered_between_failures_and_the_login_is_audited(path: Path) -> None:
    _fail(path, 2)
    login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF).close()  # sealed with canbo9 at 2
    _fail(path, 4)

    def lower(doc: dict[str, Any]) -> None:  # hide the 4 new guesses and 1 old one
        doc["failures"]["canbo9"]["count"] = 1
        doc["attempts"] -= 5
        doc["pending_audit"] = []

    _edit(path, lower)

    with login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF) as post:
        assert post.key_file_edited
        edited = [e for e in _entries(post) if e[1] == "keyfile_edited"]
        assert edited == [
            (CHIEF, "keyfile_edited", "a failure counter is lower than when it was last sealed")
        ]
        problems = _check(post)
    assert len(problems) == 1
    assert problems[0].startswith(
        "key file: the failed-login record was changed outside the program"
    )


def test_failures_removed_but_not_the_counters_are_found(path: Path) -> None:
    _fail(path, 3)

    _edit(path, lambda doc: doc.update(pending_audit=doc["pending_audit"][:1]))

    with login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF) as post:
        assert post.key_file_edited
        details = [d for _, a, d in _entries(post) if a == "keyfile_edited"]
        assert details == ["the counters disagree with the failed logins recorded since the seal"]


def test_a_forged_seal_or_a_removed_one_is_found(path: Path, tmp_path: Path) -> None:
    _edit(path, lambda doc: doc["seal"].update(attempts=0, mac="0" * 64))
    with login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF) as post:
        assert post.key_file_edited
    _edit(path, lambda doc: doc.pop("seal"))
    with login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF) as post:
        details = [d for _, a, d in _entries(post) if a == "keyfile_edited"]
    assert details == [
        "its seal does not match (the counters or pending failures were edited)",
        "the seal is missing or older than the database knows (the file was replaced)",
    ]


def test_an_older_copy_of_the_key_file_put_back_is_found(path: Path, tmp_path: Path) -> None:
    old = tmp_path / "copy.keys"
    shutil.copy(key_file_path(path), old)
    _fail(path, 2)
    login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF).close()
    _fail(path, 5)

    shutil.copy(old, key_file_path(path))  # every trace of the 5 guesses gone

    with login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF) as post:
        assert post.key_file_edited
        assert _check(post)


def test_a_clean_login_after_the_edit_was_reported_warns_no_more(path: Path) -> None:
    _fail(path, 2)
    _edit(path, lambda doc: doc.update(pending_audit=[]))
    login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF).close()

    with login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF) as post:
        assert not post.key_file_edited  # resealed; the log keeps the one entry
        assert [a for _, a, _ in _entries(post)].count("keyfile_edited") == 1


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_window_warns_at_login(qtbot, path: Path, monkeypatch) -> None:
    _fail(path, 3)
    _edit(path, lambda doc: doc.update(pending_audit=[]))
    said: list[str] = []
    monkeypatch.setattr(
        login_dialog.QMessageBox,
        "warning",
        lambda _parent, _title, text: said.append(text) or QMessageBox.StandardButton.Ok,
    )
    dialog = LoginDialog(Translator("vi"), path, kdf=TEST_KDF)
    qtbot.addWidget(dialog)
    dialog.ui.userEdit.setText(CHIEF)
    dialog.ui.passwordEdit.setText(TEST_PASSWORD)

    dialog.try_login()

    assert dialog.session is not None
    dialog.session.close()
    assert said == [
        "Số lần nhập sai mật khẩu ghi trong tệp khóa đã bị sửa bên ngoài phần mềm: có thể đã"
        " có lần nhập sai bị xóa dấu vết. Việc này đã được ghi vào nhật ký hệ thống. Đề nghị"
        " báo cáo lãnh đạo đơn vị."
    ]
