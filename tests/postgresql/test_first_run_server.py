"""The first-run assistant's "Máy chủ dữ liệu…": the officer types the address of the post's
database on a PostgreSQL server; a post there is logged in to (and the address remembered for
the next starts), an empty database gets the post set up there, and an address that is not
one, holds a password or reaches no server is refused by name, nothing kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from antt_desktop.gui.app import main as app_main
from antt_desktop.gui.common.login_dialog import LoginDialog
from antt_desktop.gui.common.settings_store import SettingsStore
from antt_desktop.gui.first_run import FirstRunDialog
from antt_desktop.gui.main_window import MainWindow
from antt_desktop.gui.server_dialog import ServerDialog
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.server_post import create_server_post
from tests.conftest import TEST_KDF, TEST_PASSWORD
from tests.postgresql import server

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support", "pipewire")

CHIEF = "truongcong"


@pytest.fixture
def empty(postgresql_server: str) -> Iterator[str]:
    made = server.create_database(postgresql_server)
    yield made
    server.drop_database(postgresql_server, made)


@pytest.fixture
def with_post(empty: str, tmp_path: Path) -> str:
    create_server_post(
        empty,
        password=TEST_PASSWORD,
        kdf=TEST_KDF,
        local_dir=tmp_path / "setup",
        unit_code="05611",
        unit_name="Công an xã Phú Lương",
        admin=CHIEF,
        admin_name="Nguyễn Văn Trưởng",
    ).close()
    return empty


def _start(
    qapp: QApplication, data: Path, monkeypatch: pytest.MonkeyPatch, act: Callable[[], bool]
) -> int:
    """Run the application; ``act`` plays the officer until it returns True (the window is
    up: the window's loop ends)."""
    window_loop = QEventLoop()  # ending the application's own loop would end later tests'
    monkeypatch.setattr(QApplication, "exec", lambda *_: window_loop.exec())

    def officer() -> None:
        if act():
            window_loop.quit()
        else:
            QTimer.singleShot(20, officer)

    QTimer.singleShot(0, officer)
    return app_main(["--data-dir", str(data), "--today", "2026-11-22"], kdf=TEST_KDF)


def _window() -> MainWindow | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return shown[0] if shown and shown[0].isVisible() else None


def _log_in(widget: object) -> None:
    if isinstance(widget, LoginDialog):
        widget.ui.userEdit.setText(CHIEF)
        widget.ui.passwordEdit.setText(TEST_PASSWORD)
        widget.try_login()


def _choose_server(widget: object, seen: dict[str, str], url: str) -> bool:
    """The assistant's "Máy chủ dữ liệu…" pressed once, then ``url`` typed in its dialog and
    checked; whether ``widget`` was one of those two."""
    if isinstance(widget, FirstRunDialog) and "asked" not in seen:
        seen["asked"] = "server"
        QTimer.singleShot(0, widget.serverButton.click)  # its dialog is modal: a turn later
        return True
    if isinstance(widget, ServerDialog):
        widget.address.setText(url)
        widget.check()
        return True
    return False


def test_the_officer_chooses_the_server_logs_in_and_the_next_start_goes_there(
    qapp: QApplication, with_post: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "desk"
    seen: dict[str, str] = {}

    def act() -> bool:
        widget = QApplication.activeModalWidget()
        if not _choose_server(widget, seen, with_post):
            _log_in(widget)
        window = _window()
        if window is not None:
            seen["title"] = window.windowTitle()
            seen["server"] = str(window.app.db.url)
        return window is not None

    assert _start(qapp, data, monkeypatch, act) == 0
    assert seen["title"] == "ANTT Desktop — Công an xã Phú Lương"
    assert seen["server"].startswith("postgresql")
    assert SettingsStore.at(data / "settings.ini").server_url == with_post
    assert not (data / "antt.sqlite3").exists()

    again: list[str] = []

    def second() -> bool:  # no assistant now: the server's login at once
        widget = QApplication.activeModalWidget()
        assert not isinstance(widget, FirstRunDialog)
        if isinstance(widget, LoginDialog):
            again.append(widget.ui.postLabel.text())
        _log_in(widget)
        return _window() is not None

    assert _start(qapp, data, monkeypatch, second) == 0
    assert again[0] == "Đơn vị: Công an xã Phú Lương (05611)"


def test_an_empty_database_on_the_server_gets_the_post_set_up_there(
    qapp: QApplication, empty: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "desk"
    seen: dict[str, str] = {}

    def act() -> bool:
        widget = QApplication.activeModalWidget()
        if _choose_server(widget, seen, empty):
            pass
        elif isinstance(widget, FirstRunDialog) and "intro" in seen:
            raise AssertionError(widget.ui.problemsLabel.text())  # the setup was refused
        elif isinstance(widget, FirstRunDialog) and "trên máy chủ" in widget.ui.introLabel.text():
            seen["intro"] = widget.ui.introLabel.text()
            widget._pick(widget.ui.provinceCombo, "thai nguyen")
            widget._pick(widget.ui.wardCombo, "phu luong")
            widget.ui.adminNameEdit.setText("Hoàng Minh Tuấn")
            widget.ui.adminEdit.setText(CHIEF)
            widget.ui.passwordEdit.setText(TEST_PASSWORD)
            widget.ui.repeatEdit.setText(TEST_PASSWORD)
            widget.create_post()
        window = _window()
        if window is not None:
            seen["server"] = str(window.app.db.url)
            seen["title"] = window.windowTitle()
        return window is not None

    assert _start(qapp, data, monkeypatch, act) == 0
    assert "trên máy chủ" in seen["intro"]
    assert seen["title"] == "ANTT Desktop — Công an xã Phú Lương"
    assert seen["server"].startswith("postgresql")
    assert SettingsStore.at(data / "settings.ini").server_url == empty
    assert not (data / "antt.sqlite3").exists()


def test_an_address_that_is_not_one_holds_a_password_or_reaches_nothing_is_refused(
    qapp: QApplication,
) -> None:
    dialog = ServerDialog(Translator("vi"))
    for address, told in (
        ("may-chu/antt_05611", "bắt đầu bằng postgresql://"),
        ("postgresql://may1:bimat@127.0.0.1/antt", "Đừng ghi mật khẩu"),
        ("postgresql://may1@127.0.0.1:1/antt_khong_co", "127.0.0.1"),
    ):
        dialog.address.setText(address)
        dialog.check()
        assert told in dialog.problems.text(), (address, dialog.problems.text())
        assert dialog.result() == 0 and dialog.url == ""
    dialog.deleteLater()
