"""In the window, resetting a password or disabling an account rotates the data keys: the
window goes on reading the post under the new key, says what changed, and an old copy of
the key file with the old password opens nothing."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.settings.accounts_dialog import AccountsDialog
from antt_desktop.gui.settings.password_dialog import PasswordDialog
from antt_desktop.i18n.translator import Translator
from antt_desktop.security.errors import WrongCredentials
from antt_desktop.security.login import login
from antt_desktop.services import accounts
from tests.conftest import TEST_KDF, TEST_PASSWORD, make_post

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CHIEF, OFFICER = "truongcong", "canbo4"
NEW_PASSWORD = "trang-moi-2026-xanh"
SHOTS = os.environ.get("ANTT_SCREENSHOTS")


@pytest.fixture
def chief(tmp_path: Path) -> Iterator[AppContext]:
    path = tmp_path / "post.sqlite3"
    make_post(path, chief=CHIEF)
    post = login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF)
    app = AppContext(post.db, post.actor, Translator("vi"), keys=post.keys)
    assert app.keys is not None
    with app.write() as ctx:
        accounts.add_account(
            ctx, app.keys, username=OFFICER, role="officer", password=TEST_PASSWORD
        )
    yield app
    post.close()


def _dialog(qtbot: QtBot, app: AppContext) -> AccountsDialog:
    dialog = AccountsDialog(app)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _old_copy_refused(app: AppContext, old_copy: Path) -> None:
    assert app.keys is not None
    current = app.keys.path.read_bytes()
    shutil.copy(old_copy, app.keys.path)
    try:
        with pytest.raises(WrongCredentials):
            login(app.db.path, OFFICER, TEST_PASSWORD, kdf=TEST_KDF, write=False)
    finally:
        app.keys.path.write_bytes(current)


def test_a_reset_in_the_window_rotates_the_keys(
    qtbot: QtBot, chief: AppContext, tmp_path: Path
) -> None:
    assert chief.keys is not None
    old_copy = tmp_path / "old.keys"
    shutil.copy(chief.keys.path, old_copy)
    before = chief.keys.db_key
    dialog = _dialog(qtbot, chief)
    dialog.select(OFFICER)
    dialog.reset_password()
    editor = dialog.editor
    assert isinstance(editor, PasswordDialog)
    for name in ("new_password", "password_repeat"):
        field = editor.findChild(QLineEdit, name)
        assert field is not None
        field.setText(NEW_PASSWORD)
    editor.ok_button.click()
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert "Đã đổi khóa dữ liệu" in dialog.message.text()
    assert chief.keys.db_key != before and chief.db.key == chief.keys.db_key
    if SHOTS:
        for w, h in ((1366, 768), (1024, 600)):
            dialog.resize(min(900, w - 80), min(520, h - 80))
            dialog.grab().save(str(Path(SHOTS) / f"keys-reset-{w}.png"))
    # the window reads the post under the new key; the old copy opens nothing
    dialog.reload()
    assert dialog.model.rowCount() == 2
    _old_copy_refused(chief, old_copy)
    with login(chief.db.path, OFFICER, NEW_PASSWORD, kdf=TEST_KDF, write=False) as officer:
        assert officer.keys.fields_key == chief.keys.fields_key


def test_disabling_in_the_window_rotates_the_keys(
    qtbot: QtBot, chief: AppContext, tmp_path: Path
) -> None:
    assert chief.keys is not None
    old_copy = tmp_path / "old.keys"
    shutil.copy(chief.keys.path, old_copy)
    dialog = _dialog(qtbot, chief)
    dialog.select(OFFICER)
    assert dialog.disable(OFFICER)
    assert "Đã đổi khóa dữ liệu" in dialog.message.text()
    _old_copy_refused(chief, old_copy)
