"""The window's account dialogs: one's own password (after the current one), and the chief's
table of accounts with adding, resetting, disabling and enabling."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.main_window import MainWindow
from antt_desktop.gui.settings.accounts_dialog import AccountsDialog
from antt_desktop.gui.settings.page import SettingsPage
from antt_desktop.gui.settings.password_dialog import PasswordDialog, change_own_password
from antt_desktop.i18n.translator import Translator
from antt_desktop.security.errors import PermissionDenied, WrongCredentials
from antt_desktop.security.login import Unlocked, login
from antt_desktop.services import accounts
from antt_desktop.store.models import AuditEntry
from tests.conftest import TEST_KDF, TEST_PASSWORD, make_post

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CHIEF = "truongcong"
NEW_PASSWORD = "trang-moi-2026-xanh"
SHOTS = os.environ.get("ANTT_SCREENSHOTS")  # a folder: the dialogs are saved there too


@pytest.fixture
def post_path(tmp_path: Path) -> Path:
    path = tmp_path / "post.sqlite3"
    make_post(path, chief=CHIEF)
    return path


def _context(post: Unlocked) -> AppContext:
    return AppContext(post.db, post.actor, Translator("vi"), keys=post.keys)


@pytest.fixture
def chief(post_path: Path) -> Iterator[AppContext]:
    post = login(post_path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF)
    yield _context(post)
    post.close()


def _shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _type(qtbot: QtBot, dialog: QWidget, name: str, text: str) -> None:
    edit = dialog.findChild(QLineEdit, name)
    assert edit is not None, name
    edit.clear()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:  # QTest types ASCII keys only
        edit.setText(text)


def _problem(dialog: QWidget, field: str) -> str:
    label = dialog.findChild(QLabel, f"{field}_problem")
    assert label is not None
    return label.text() if label.isVisibleTo(dialog) else ""


def _press_ok(dialog: PasswordDialog) -> None:
    dialog.ok_button.click()


def test_an_officer_changes_the_password_and_logs_in_with_the_new_one(
    qtbot: QtBot, chief: AppContext, post_path: Path
) -> None:
    with chief.write() as ctx:
        assert chief.keys is not None
        accounts.add_account(
            ctx, chief.keys, username="canbo1", role="officer", password=TEST_PASSWORD
        )
    chief.db.close()  # the officer's window holds the write lock now
    post = login(post_path, "canbo1", TEST_PASSWORD, kdf=TEST_KDF)
    app = _context(post)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = change_own_password(app, parent)
    qtbot.waitExposed(dialog)
    _type(qtbot, dialog, "current_password", TEST_PASSWORD)
    _type(qtbot, dialog, "new_password", "ngan")
    assert "phải có ít nhất 10 ký tự (mới có 4)" in _problem(dialog, "new_password")
    _type(qtbot, dialog, "new_password", NEW_PASSWORD)
    assert _problem(dialog, "new_password") == ""
    _type(qtbot, dialog, "password_repeat", NEW_PASSWORD[:-1])
    assert "không giống mật khẩu mới" in _problem(dialog, "password_repeat")
    _type(qtbot, dialog, "password_repeat", NEW_PASSWORD)
    _shot(dialog, "change-password")
    _press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    box = dialog.done_box  # type: ignore[attr-defined]
    assert "Đã đổi mật khẩu của canbo1" in box.text()
    box.close()
    post.close()
    with login(post_path, "canbo1", NEW_PASSWORD, kdf=TEST_KDF, write=False) as again:
        assert again.actor.role == "officer"
    with pytest.raises(WrongCredentials):
        login(post_path, "canbo1", TEST_PASSWORD, kdf=TEST_KDF, write=False)


def test_a_wrong_current_password_changes_nothing(
    qtbot: QtBot, chief: AppContext, post_path: Path
) -> None:
    dialog = change_own_password(chief)
    qtbot.addWidget(dialog)
    _type(qtbot, dialog, "current_password", "khong-phai-mat-khau")
    _type(qtbot, dialog, "new_password", NEW_PASSWORD)
    _type(qtbot, dialog, "password_repeat", NEW_PASSWORD)
    _press_ok(dialog)
    assert dialog.isVisible()
    assert "không phải mật khẩu của tài khoản này" in _problem(dialog, "current_password")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    chief.db.close()
    with login(post_path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF, write=False) as again:
        assert again.actor.username == CHIEF
    with pytest.raises(WrongCredentials):
        login(post_path, CHIEF, NEW_PASSWORD, kdf=TEST_KDF, write=False)


def test_guessing_the_current_password_meets_the_logins_growing_wait(
    qtbot: QtBot, chief: AppContext
) -> None:
    dialog = change_own_password(chief)
    qtbot.addWidget(dialog)
    _type(qtbot, dialog, "new_password", NEW_PASSWORD)
    _type(qtbot, dialog, "password_repeat", NEW_PASSWORD)
    for guess in ("doan-thu-mot", "doan-thu-hai", "doan-thu-ba"):
        _type(qtbot, dialog, "current_password", guess)
        _press_ok(dialog)
    _type(qtbot, dialog, "current_password", TEST_PASSWORD)  # even the right one must wait
    _press_ok(dialog)
    assert dialog.isVisible()
    assert f"nhập sai mật khẩu của '{CHIEF}' quá nhiều lần" in _problem(dialog, "current_password")


def _accounts(qtbot: QtBot, app: AppContext) -> AccountsDialog:
    dialog = AccountsDialog(app)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _cells(dialog: AccountsDialog) -> list[list[str]]:
    m = dialog.model
    return [
        [str(m.index(r, c).data()) for c in range(m.columnCount())] for r in range(m.rowCount())
    ]


def test_a_chief_adds_an_officer_who_can_then_log_in(
    qtbot: QtBot, chief: AppContext, post_path: Path
) -> None:
    dialog = _accounts(qtbot, chief)
    assert _cells(dialog) == [[CHIEF, CHIEF, "", "lãnh đạo đơn vị", "còn dùng", "0"]]
    add = dialog.add()
    qtbot.waitExposed(add)
    _type(qtbot, add, "username", "canbo2")
    _type(qtbot, add, "full_name", "Nguyễn Văn Hai")
    _type(qtbot, add, "title", "Thượng úy")
    add.role.setCurrentIndex(add.role.findData("officer"))
    assert "Xem và ghi hồ sơ của đơn vị" in add.role_hint.text()
    _type(qtbot, add, "password", "ngan")
    qtbot.waitUntil(lambda: "phải có ít nhất 10 ký tự" in _problem(add, "password"))
    _type(qtbot, add, "password", NEW_PASSWORD)
    qtbot.waitUntil(lambda: _problem(add, "password") == "")
    _type(qtbot, add, "password_repeat", NEW_PASSWORD)
    _shot(add, "add-account")
    add.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not add.isVisible())
    assert ["canbo2", "Nguyễn Văn Hai", "Thượng úy", "cán bộ", "còn dùng", "0"] in _cells(dialog)
    assert "Đã thêm tài khoản canbo2" in dialog.message.text()
    _shot(dialog, "accounts")
    with login(post_path, "canbo2", NEW_PASSWORD, kdf=TEST_KDF, write=False) as officer:
        assert officer.actor.role == "officer"


def test_an_account_name_taken_is_refused_naming_the_field(qtbot: QtBot, chief: AppContext) -> None:
    add = _accounts(qtbot, chief).add()
    _type(qtbot, add, "username", CHIEF)
    _type(qtbot, add, "password", NEW_PASSWORD)
    _type(qtbot, add, "password_repeat", NEW_PASSWORD)
    add.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert add.isVisible()
    assert f"đã có tài khoản tên '{CHIEF}'" in _problem(add, "username")
    assert [row[0] for row in _cells(_accounts(qtbot, chief))] == [CHIEF]


def test_a_taken_name_and_a_different_repeat_show_as_typed_and_nothing_is_added(
    qtbot: QtBot, chief: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from antt_desktop.gui.common import form_support

    add = _accounts(qtbot, chief).add()
    qtbot.waitExposed(add)
    _type(qtbot, add, "username", CHIEF)
    qtbot.waitUntil(lambda: _problem(add, "username") != "")
    assert _problem(add, "username") == f"✖ đã có tài khoản tên '{CHIEF}'"
    assert _problem(add, "password") == ""  # not typed yet: nothing said about it
    _type(qtbot, add, "password", NEW_PASSWORD)
    _type(qtbot, add, "password_repeat", NEW_PASSWORD[:-1])
    qtbot.waitUntil(lambda: "không giống mật khẩu mới" in _problem(add, "password_repeat"))
    asked: list[bool] = []

    def discard(*_a: object, **_k: object) -> form_support.Answer:
        asked.append(True)
        return form_support.Answer.DISCARD

    monkeypatch.setattr(form_support, "ask_save_changes", discard)
    qtbot.keyClick(add, Qt.Key.Key_Escape)
    assert asked == [True] and not add.isVisible()
    assert [row[0] for row in _cells(_accounts(qtbot, chief))] == [CHIEF]


def test_disabling_the_last_chief_is_refused_with_the_services_message(
    qtbot: QtBot, chief: AppContext, post_path: Path
) -> None:
    dialog = _accounts(qtbot, chief)
    dialog.select(CHIEF)
    box = dialog.ask_disable()
    assert box is not None
    assert f"Khóa tài khoản {CHIEF}" in box.text()
    yes = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    yes.click()
    assert "là tài khoản lãnh đạo đơn vị cuối cùng còn hoạt động" in dialog.message.text()
    _shot(dialog, "accounts-refused")
    assert _cells(dialog)[0][4] == "còn dùng"


def test_a_disabled_account_is_enabled_again_with_a_new_password(
    qtbot: QtBot, chief: AppContext, post_path: Path
) -> None:
    assert chief.keys is not None
    with chief.write() as ctx:
        accounts.add_account(
            ctx, chief.keys, username="canbo3", role="viewer", password=TEST_PASSWORD
        )
    dialog = _accounts(qtbot, chief)
    dialog.select("canbo3")
    assert dialog.disable("canbo3")
    assert ["canbo3", "canbo3", "", "chỉ xem", "đã khóa", "0"] in _cells(dialog)
    with pytest.raises(WrongCredentials):
        login(post_path, "canbo3", TEST_PASSWORD, kdf=TEST_KDF, write=False)
    dialog.select("canbo3")
    assert dialog.enable_button.isEnabled() and not dialog.disable_button.isEnabled()
    dialog.enable()
    editor = dialog.editor
    assert isinstance(editor, PasswordDialog)
    _type(qtbot, editor, "new_password", NEW_PASSWORD)
    _type(qtbot, editor, "password_repeat", NEW_PASSWORD)
    _press_ok(editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert "Đã mở lại tài khoản canbo3" in dialog.message.text()
    with login(post_path, "canbo3", NEW_PASSWORD, kdf=TEST_KDF, write=False) as viewer:
        assert viewer.actor.role == "viewer"


def test_the_chief_resets_an_officers_password_and_sees_its_wrong_attempts(
    qtbot: QtBot, chief: AppContext, post_path: Path
) -> None:
    assert chief.keys is not None
    with chief.write() as ctx:
        accounts.add_account(
            ctx, chief.keys, username="canbo4", role="officer", password=TEST_PASSWORD
        )
    with pytest.raises(WrongCredentials):
        login(post_path, "canbo4", "quen-mat-khau-roi", kdf=TEST_KDF, write=False)
    dialog = _accounts(qtbot, chief)
    assert ["canbo4", "canbo4", "", "cán bộ", "còn dùng", "1"] in _cells(dialog)
    dialog.select("canbo4")
    dialog.reset_password()
    editor = dialog.editor
    assert isinstance(editor, PasswordDialog)
    assert editor.windowTitle() == "Đặt mật khẩu mới cho canbo4"
    assert editor.findChild(QLineEdit, "current_password") is None  # no current one asked
    _type(qtbot, editor, "new_password", "canbo4-moi-2026")
    assert "không được chứa tên tài khoản canbo4" in _problem(editor, "new_password")
    _type(qtbot, editor, "new_password", NEW_PASSWORD)
    _type(qtbot, editor, "password_repeat", NEW_PASSWORD)
    _press_ok(editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert ["canbo4", "canbo4", "", "cán bộ", "còn dùng", "0"] in _cells(dialog)
    with login(post_path, "canbo4", NEW_PASSWORD, kdf=TEST_KDF, write=False) as officer:
        assert officer.actor.username == "canbo4"


def test_an_officer_sees_change_password_but_not_accounts(
    qtbot: QtBot, chief: AppContext, post_path: Path
) -> None:
    assert chief.keys is not None
    with chief.write() as ctx:
        accounts.add_account(
            ctx, chief.keys, username="canbo1", role="officer", password=TEST_PASSWORD
        )
    chief_page = SettingsPage(chief)
    qtbot.addWidget(chief_page)
    assert chief_page.ui.accountsButton.isVisibleTo(chief_page)
    chief_page.resize(1000, 600)
    _shot(chief_page, "settings")
    with login(post_path, "canbo1", TEST_PASSWORD, kdf=TEST_KDF, write=False) as post:
        officer = _context(post)
        page = SettingsPage(officer)
        qtbot.addWidget(page)
        assert page.ui.changePasswordButton.isVisibleTo(page)
        assert page.ui.changePasswordButton.text() == "Đổ&i mật khẩu…"
        assert not page.ui.accountsButton.isVisibleTo(page)
        with officer.read() as ctx, pytest.raises(PermissionDenied):  # the service refuses too
            accounts.accounts(ctx, post.keys)


def test_the_file_menu_changes_ones_own_password(qtbot: QtBot, chief: AppContext) -> None:
    window = MainWindow(chief)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    action = next(a for a in file_menu.actions() if a.text() == "Đổ&i mật khẩu…")
    action.trigger()
    dialog = window.findChild(PasswordDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == f"Đổi mật khẩu của {CHIEF}"
    dialog.reject()


def test_the_accounts_model_passes_the_model_tester(qtmodeltester, chief: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = AccountsDialog(chief)
    qtmodeltester.check(dialog.model)
    dialog.deleteLater()


def test_the_chief_sets_an_accounts_full_name_and_title(qtbot: QtBot, chief: AppContext) -> None:
    dialog = _accounts(qtbot, chief)
    dialog.select(CHIEF)
    editor = dialog.edit_name()
    assert editor is not None
    qtbot.waitExposed(editor)
    assert editor.findChild(QLineEdit, "full_name").text() == ""  # only the account name so far
    _type(qtbot, editor, "title", "Trưởng Công an phường")
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert editor.isVisible()  # the full name is required
    assert "không được để trống" in _problem(editor, "full_name")
    _type(qtbot, editor, "full_name", "Hoàng Minh Tuấn")
    qtbot.waitUntil(lambda: _problem(editor, "full_name") == "")
    _shot(editor, "account-name")
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert _cells(dialog)[0][:3] == [CHIEF, "Hoàng Minh Tuấn", "Trưởng Công an phường"]
    assert "Trưởng Công an phường Hoàng Minh Tuấn" in dialog.message.text()
    with chief.read() as ctx:
        entry = ctx.session.execute(
            select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)
        ).scalar_one()
    assert (entry.action, entry.actor, entry.fields) == (
        "account_edit",
        CHIEF,
        ["full_name", "title"],
    )
