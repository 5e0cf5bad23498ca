"""The window on a post kept on a PostgreSQL server: the login dialog logs in with the
server's URL (its database keeps the keys), every page opens on a small demo post there, and
the idle lock is lifted by the password checked against the server."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.login_dialog import LoginDialog
from antt_desktop.gui.common.navigation import PAGES
from antt_desktop.gui.common.qt_translation import LanguageSwitch
from antt_desktop.gui.main_window import MainWindow
from antt_desktop.gui.self_test import run_self_test
from antt_desktop.i18n.translator import Translator
from tests.conftest import TEST_KDF, TEST_PASSWORD
from tests.postgresql import server
from tests.postgresql.server_posts import CHIEF, TODAY, log_in, make_post

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support", "pipewire")


@pytest.fixture
def url(postgresql_server: str, tmp_path: Path) -> Iterator[str]:
    """A small demo post on the test server, its chief :data:`CHIEF`."""
    made = make_post(postgresql_server, tmp_path / "setup", demo=True)
    yield made
    server.drop_database(postgresql_server, made)


def test_the_window_opens_every_page_of_a_post_on_a_server(
    qtbot: QtBot, qapp: QApplication, url: str, tmp_path: Path
) -> None:
    post = log_in(qtbot, url, tmp_path / "desk1")
    app = AppContext(post.db, post.actor, Translator("vi"), today=lambda: TODAY, keys=post.keys)
    languages = LanguageSwitch(qapp, app)
    window = MainWindow(app, None)
    qtbot.addWidget(window)
    out = io.StringIO()
    try:
        code = run_self_test(window, languages, out=out)
    finally:
        languages.uninstall()
        window.close()
        post.close()
    assert code == 0, out.getvalue()
    assert f"{len(PAGES)} of {len(PAGES)} pages passed" in out.getvalue()


def test_a_wrong_password_at_a_server_login_is_told_and_nothing_opens(
    qtbot: QtBot, url: str, tmp_path: Path
) -> None:
    dialog = LoginDialog(Translator("vi"), url, kdf=TEST_KDF, local_dir=tmp_path / "desk1")
    qtbot.addWidget(dialog)
    dialog.ui.userEdit.setText(CHIEF)
    dialog.ui.passwordEdit.setText("khong-phai-mat-khau")
    dialog.try_login()
    assert dialog.session is None
    assert "mật khẩu" in dialog.ui.problemsLabel.text().lower()


def test_the_idle_lock_on_a_server_counts_a_wrong_password_and_opens_with_the_right_one(
    qtbot: QtBot, qapp: QApplication, url: str, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from antt_desktop.store.models import AuditEntry

    post = log_in(qtbot, url, tmp_path / "desk1")
    app = AppContext(post.db, post.actor, Translator("vi"), today=lambda: TODAY, keys=post.keys)
    window = MainWindow(app, None)
    qtbot.addWidget(window)
    try:
        dialog = window.idle_lock.lock()
        assert dialog is not None and window.idle_lock.is_locked
        dialog.ui.passwordEdit.setText("khong-phai-mat-khau")
        dialog.try_login()
        assert window.idle_lock.is_locked  # still covered, the failure counted on the server
        dialog.wait_until = 0.0  # the wait after a wrong password, over
        dialog.ui.passwordEdit.setText(TEST_PASSWORD)
        with qtbot.waitSignal(window.idle_lock.unlocked):
            dialog.try_login()
        assert not window.idle_lock.is_locked
        with app.read() as ctx:
            actions = ctx.session.scalars(
                select(AuditEntry.action).where(
                    AuditEntry.action.in_(("lock", "unlock", "login_failed"))
                )
            ).all()
        assert {"lock", "login_failed", "unlock"} <= set(actions)
    finally:
        window.close()
        post.close()


def test_antt_desktop_database_opens_the_window_on_the_servers_post(
    qapp: QApplication, url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from antt_desktop.gui.app import main as app_main

    seen: dict[str, str] = {}
    window_loop = QEventLoop()  # the window's own loop (ending the application's ends tests)
    monkeypatch.setattr(QApplication, "exec", lambda *_: window_loop.exec())

    def officer() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, LoginDialog):
            seen["post"] = widget.ui.postLabel.text()
            widget.ui.userEdit.setText(CHIEF)
            widget.ui.passwordEdit.setText(TEST_PASSWORD)
            widget.try_login()
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if shown and shown[0].isVisible():
            seen["title"] = shown[0].windowTitle()
            seen["server"] = str(shown[0].app.db.url)
            window_loop.quit()
        else:
            QTimer.singleShot(20, officer)

    QTimer.singleShot(0, officer)
    code = app_main(
        ["--database", url, "--data-dir", str(tmp_path / "desk"), "--today", "2026-11-22"],
        kdf=TEST_KDF,
    )
    assert code == 0
    assert seen["post"] == "Đơn vị: Công an xã Phú Lương (05611)"
    assert seen["title"] == "ANTT Desktop — Công an xã Phú Lương"
    assert seen["server"].startswith("postgresql")
    assert not (tmp_path / "desk" / "antt.sqlite3").exists()  # no file post made beside it


def test_the_settings_page_backs_a_servers_post_up_and_sends_its_restore_to_the_command_line(
    qtbot: QtBot, qapp: QApplication, url: str, tmp_path: Path
) -> None:
    from antt_desktop.gui.settings.page import SettingsPage
    from antt_desktop.security.backups import backup_info

    post = log_in(qtbot, url, tmp_path / "desk1")
    app = AppContext(post.db, post.actor, Translator("vi"), today=lambda: TODAY, keys=post.keys)
    window = MainWindow(app, None)
    qtbot.addWidget(window)
    try:
        page = window.show_page("settings")
        assert isinstance(page, SettingsPage)
        assert page.ui.databaseEdit.text().startswith("postgresql")  # where the data is
        made = page.backup_now(tmp_path / "saoluu" / "antt.anttbak")
        assert made is not None, page.ui.backupStatusLabel.text()
        info = backup_info(made)
        assert info.engine == "postgresql" and info.unit_code == "05611"
        shown: list[str] = []
        page.restorer.show = shown.append
        assert page.restorer.restore(made) is False
        assert "bằng dòng lệnh" in shown[0] and "--into" in shown[0]
    finally:
        window.close()
        post.close()
