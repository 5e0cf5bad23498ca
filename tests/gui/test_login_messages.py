"""The login's refusals read as sentences, and the wait after wrong passwords counts down
second by second on a clock the test moves; the button works again at zero."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from antt_desktop.gui.common.login_dialog import LoginDialog
from antt_desktop.i18n.messages import full_sentence
from antt_desktop.i18n.translator import Translator
from tests.conftest import TEST_KDF, TEST_PASSWORD

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


class Clock:
    def __init__(self) -> None:
        self.now = 1_790_000_000.0

    def __call__(self) -> float:
        return self.now


def _dialog(qtbot, db, lang: str = "vi") -> tuple[LoginDialog, Clock]:
    clock = Clock()
    dialog = LoginDialog(Translator(lang), db.path, unlock_user="admin", kdf=TEST_KDF, now=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, clock


def _try(qtbot, dialog: LoginDialog, password: str) -> None:
    dialog.ui.passwordEdit.setText(password)
    qtbot.mouseClick(dialog.ui.loginButton, Qt.MouseButton.LeftButton)


def test_a_wrong_password_is_said_in_a_sentence(qtbot, db) -> None:
    dialog, _clock = _dialog(qtbot, db)
    _try(qtbot, dialog, "sai-mat-khau")
    text = dialog.ui.problemsLabel.text()
    assert text == "Sai tên đăng nhập hoặc mật khẩu. Hãy kiểm tra lại."
    assert dialog.ui.loginButton.isEnabled()


def test_the_wait_counts_down_and_the_button_comes_back_at_zero(qtbot, db) -> None:
    dialog, clock = _dialog(qtbot, db)
    for _ in range(3):  # the third wrong password starts a wait of 2 seconds
        _try(qtbot, dialog, "sai-mat-khau")
    label, button = dialog.ui.problemsLabel, dialog.ui.loginButton
    assert label.text().startswith("Sai tên đăng nhập hoặc mật khẩu.")
    assert label.text().endswith("Vui lòng chờ 2 giây…")
    assert not button.isEnabled() and dialog.wait_timer.isActive()
    assert dialog.wait_timer.interval() == 1000

    clock.now += 1
    dialog.wait_timer.timeout.emit()
    assert label.text().endswith("Vui lòng chờ 1 giây…")
    assert not button.isEnabled()

    clock.now += 1
    dialog.wait_timer.timeout.emit()
    assert button.isEnabled() and not dialog.wait_timer.isActive()
    assert label.text().endswith("Bây giờ có thể đăng nhập lại.")
    _try(qtbot, dialog, TEST_PASSWORD)
    assert dialog.keys is not None  # the right password now opens


def test_in_english_the_wait_is_english(qtbot, db) -> None:
    dialog, _clock = _dialog(qtbot, db, "en")
    for _ in range(3):
        _try(qtbot, dialog, "wrong-password")
    assert dialog.ui.problemsLabel.text() == (
        "Wrong account name or password. Check both and try again. Please wait 2 seconds…"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sai mật khẩu; chưa mở dữ liệu nào", "Sai mật khẩu; chưa mở dữ liệu nào."),
        ("Đã lưu.", "Đã lưu."),
        ("  đợi…", "Đợi…"),
        ("", ""),
    ],
)
def test_a_fragment_becomes_a_sentence(text: str, expected: str) -> None:
    assert full_sentence(text) == expected
