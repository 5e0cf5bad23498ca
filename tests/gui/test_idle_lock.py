"""The idle lock: after the idle period (a few milliseconds here), or at Ctrl+L, every window
is covered and the same account's password is asked for; wrong passwords wait as at the
login; an open editor's typed text is there after the unlock; all of it is in the audit log."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from antt_desktop.gui.common import idle_lock
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.idle_lock import LockCover
from antt_desktop.gui.common.login_dialog import KEY_FILE_EDITED
from antt_desktop.gui.common.qt_translation import LanguageSwitch
from antt_desktop.gui.common.settings_store import Preferences
from antt_desktop.gui.main_window import MainWindow
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.gui.settings.page import SettingsPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.security import keyfile_seal
from antt_desktop.security.keyslots import key_file_path
from antt_desktop.services.context import Actor
from antt_desktop.store.models import AuditEntry
from tests.conftest import TEST_PASSWORD
from tests.gui.conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
SHOTS = os.environ.get("ANTT_SCREENSHOTS")  # a folder to keep the picture in (else the test's)


class Clock:
    """The clock of the wait after wrong passwords, moved by hand."""

    def __init__(self) -> None:
        self.now = 1_790_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def chief(db) -> AppContext:
    """The post's chief 'admin' (whose key slot opens with TEST_PASSWORD)."""
    return AppContext(db, Actor("admin", "chief"), Translator("vi"), today=lambda: TODAY)


@pytest.fixture
def chief_prefs(qapp, qt_state, chief, settings_store):
    languages = LanguageSwitch(qapp, chief)
    yield Preferences(settings_store, qapp, languages, chief.db.path.parent)
    languages.uninstall()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def window(qtbot, chief, settings_store, chief_prefs, clock) -> MainWindow:
    w = MainWindow(chief, settings_store, prefs=chief_prefs)
    qtbot.addWidget(w)
    w.idle_lock.now = clock
    w.resize(1100, 700)
    with qtbot.waitActive(w):
        w.show()
    return w


def audit(app: AppContext) -> list[tuple[str, str, str | None]]:
    with app.read() as ctx:
        rows = ctx.session.execute(
            select(AuditEntry.action, AuditEntry.actor, AuditEntry.detail)
            .where(AuditEntry.action.in_(("lock", "unlock", "login_failed")))
            .order_by(AuditEntry.seq)
        )
        return [tuple(r) for r in rows]


def type_password(qtbot, dialog, password: str) -> None:
    dialog.ui.passwordEdit.setText(password)
    qtbot.mouseClick(dialog.ui.loginButton, Qt.MouseButton.LeftButton)


def test_an_open_editors_text_survives_the_idle_lock(qtbot, window, chief, tmp_path) -> None:
    editor = PersonEditor(chief, parent=window)  # the window owns it (and closes it)
    editor.show()
    qtbot.keyClicks(editor.ui.full_name, "Nguyen Van Duc")  # typed (QtTest types ASCII)
    editor.ui.notes.setPlainText("Chưa lưu: đang ghi dở")
    lock = window.idle_lock

    with qtbot.waitSignal(lock.locked) as locked:
        lock.set_interval_ms(5)  # the period, shortened: the real timer fires
    assert locked.args == ["idle"]

    dialog = lock.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.ApplicationModal
    assert dialog.ui.userEdit.text() == "admin" and dialog.ui.userEdit.isReadOnly()
    assert dialog.ui.quitButton.isHidden()
    assert editor.isVisible()  # nothing was closed
    assert editor.windowTitle() == window.windowTitle() == "ANTT Desktop — đã khóa phiên làm việc"
    covered = {c.parentWidget() for c in window.findChildren(LockCover)}
    covered |= {c.parentWidget() for c in editor.findChildren(LockCover)}
    assert covered == {window, editor}
    shots = Path(SHOTS) if SHOTS else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(shots / "idle-lock.png"))

    dialog.reject()  # Esc does not lift the lock
    assert lock.is_locked and dialog.isVisible()
    type_password(qtbot, dialog, "sai-mat-khau")
    assert lock.is_locked
    assert dialog.ui.problemsLabel.text().startswith("Sai tên đăng nhập hoặc mật khẩu.")

    with qtbot.waitSignal(lock.unlocked):
        type_password(qtbot, dialog, TEST_PASSWORD)

    assert not lock.is_locked
    assert editor.isVisible()
    assert editor.ui.full_name.text() == "Nguyen Van Duc"
    assert editor.ui.notes.toPlainText() == "Chưa lưu: đang ghi dở"
    assert editor.windowTitle() == "Thêm nhân khẩu"
    assert window.windowTitle().startswith("ANTT Desktop — Công an")
    assert not [c for c in window.findChildren(LockCover) if c.isVisible()]
    assert [(a, who) for a, who, _ in audit(chief)] == [
        ("lock", "admin"),
        ("login_failed", "admin"),
        ("unlock", "admin"),
    ]
    assert audit(chief)[0][2] == "idle"
    assert lock.timer.isActive()  # counting again
    editor.done(0)  # the test's own unsaved work: dropped without the guard's question


def test_ctrl_l_locks_at_once_and_wrong_passwords_wait_longer(qtbot, window, chief, clock) -> None:
    with qtbot.waitSignal(window.idle_lock.locked) as locked:
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert locked.args == ["by hand"]
    dialog = window.idle_lock.dialog
    assert dialog is not None
    for _ in range(3):  # three wrong passwords: the next try waits 2 seconds
        type_password(qtbot, dialog, "sai-mat-khau")
    type_password(qtbot, dialog, TEST_PASSWORD)  # the button is off during the wait
    assert window.idle_lock.is_locked
    assert dialog.ui.problemsLabel.text().endswith("Vui lòng chờ 2 giây…")

    clock.now += 2
    dialog.wait_timer.timeout.emit()
    with qtbot.waitSignal(window.idle_lock.unlocked):
        type_password(qtbot, dialog, TEST_PASSWORD)
    entries = audit(chief)
    assert entries[0] == ("lock", "admin", "by hand")
    assert [a for a, _, _ in entries].count("login_failed") == 3
    assert entries[-1][0] == "unlock"


def test_activity_restarts_the_period(qtbot, window) -> None:
    lock = window.idle_lock
    lock.timer.stop()
    qtbot.mouseMove(window.nav)
    QApplication.processEvents()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert lock.timer.isActive() and not lock.is_locked


def test_the_chief_sets_the_period_in_settings_and_it_is_audited(
    qtbot, window, chief, chief_prefs, settings_store
) -> None:
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    spin = page.ui.idleLockSpin
    assert spin.value() == 10 and spin.isEnabled()

    spin.setValue(5)
    spin.editingFinished.emit()

    assert settings_store.idle_lock_minutes == 5
    assert window.idle_lock.timer.interval() == 5 * 60_000
    with chief.read() as ctx:
        detail = ctx.session.execute(
            select(AuditEntry.detail).where(AuditEntry.action == "setting")
        ).scalar_one()
    assert detail == "idle_lock_minutes = 5"
    with qtbot.waitSignal(window.idle_lock.locked):
        page.ui.lockNowButton.click()


def test_an_officer_may_not_change_the_period(qtbot, app_ctx, prefs) -> None:
    page = SettingsPage(app_ctx, prefs=prefs)
    qtbot.addWidget(page)
    assert not page.ui.idleLockSpin.isEnabled()
    assert not page.audit_setting("idle_lock_minutes", 60)  # the service refuses too
    assert "không có quyền" in page.ui.backupStatusLabel.text()


def test_a_window_opened_while_locked_is_covered_too(qtbot, window) -> None:
    from PySide6.QtWidgets import QMessageBox

    window.idle_lock.lock()
    message = QMessageBox(QMessageBox.Icon.Warning, "In", "Máy in không sẵn sàng", parent=window)
    message.open()  # as a print finishing in the background would

    assert [c.isVisible() for c in message.findChildren(LockCover)] == [True]
    assert message.windowTitle() == "ANTT Desktop — đã khóa phiên làm việc"
    dialog = window.idle_lock.dialog
    assert dialog is not None and not dialog.findChildren(LockCover)
    with qtbot.waitSignal(window.idle_lock.unlocked):
        type_password(qtbot, dialog, TEST_PASSWORD)
    assert message.windowTitle() == "In"
    message.done(0)


def test_failures_wiped_from_the_key_file_while_locked_are_warned_about_at_the_unlock(
    qtbot, window, chief, monkeypatch
) -> None:
    """Someone types wrong passwords at the locked desk, then edits the key file to wipe
    them: the unlock finds it, says so in the window (as the login does) and logs it."""
    said: list[str] = []
    monkeypatch.setattr(
        idle_lock.QMessageBox,
        "warning",
        lambda _parent, _title, text: said.append(text) or QMessageBox.StandardButton.Ok,
    )
    with qtbot.waitSignal(window.idle_lock.locked):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = window.idle_lock.dialog
    for _ in range(2):
        type_password(qtbot, dialog, "sai-mat-khau")
    keys = key_file_path(chief.db.path)
    doc = json.loads(keys.read_text("utf-8"))
    doc["pending_audit"] = []  # the two failures, gone
    keys.write_text(json.dumps(doc), "utf-8")

    with qtbot.waitSignal(window.idle_lock.unlocked):
        type_password(qtbot, dialog, TEST_PASSWORD)

    assert said == [chief.tr(KEY_FILE_EDITED)]
    assert said[0].startswith("Số lần nhập sai mật khẩu ghi trong tệp khóa đã bị sửa")
    with chief.read() as ctx:
        actions = ctx.session.execute(select(AuditEntry.action)).scalars().all()
    assert keyfile_seal.EDITED in actions
