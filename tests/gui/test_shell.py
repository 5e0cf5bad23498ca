"""The application shell: window, navigation, shortcuts, language, preferences, first run."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from antt_desktop.gui import main_window as main_window_module
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.navigation import PAGES, PageEntry, page_class
from antt_desktop.gui.common.page import Page
from antt_desktop.gui.common.settings_store import Preferences, SettingsStore
from antt_desktop.gui.main_window import MainWindow
from antt_desktop.gui.settings.page import SettingsPage
from antt_desktop.gui.sync.page import SyncPage
from antt_desktop.services.changes import EVERYTHING, Changes
from antt_desktop.store.models import LocalNode

# dialogs and the completer's popup ask the offscreen test platform for what it cannot do
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

VIETNAMESE_NAV = [
    "Tổng quan",
    "Hồ sơ đối tượng",
    "Hộ gia đình",
    "Mô hình",
    "Tổ ANTT",
    "Khen thưởng",
    "Báo cáo",
    "Đồng bộ",
    "Cài đặt",
]
ENGLISH_NAV = [
    "Overview",
    "Managed persons",
    "Households",
    "Initiatives",
    "Security teams",
    "Commendations",
    "Reports",
    "Sync",
    "Settings",
]


def nav_texts(window: MainWindow) -> list[str]:
    return [window.nav.item(row).text() for row in range(window.nav.count())]


def test_the_window_opens_on_the_post(
    main_window: MainWindow, app_ctx: AppContext, tmp_path: Path
) -> None:
    assert main_window.windowTitle() == "ANTT Desktop — Công an phường Hoàn Kiếm"
    assert nav_texts(main_window) == VIETNAMESE_NAV
    status = " | ".join(w.text() for w in main_window.statusBar().findChildren(QLabel) if w.text())
    assert "Công an phường Hoàn Kiếm (00070)" in status
    assert "Người dùng: canbo1" in status
    tips = [w.toolTip() for w in main_window.statusBar().findChildren(QLabel)]
    assert any(str(app_ctx.db.path) in tip for tip in tips)  # whole, even when cut in the bar
    assert app_ctx.db.path.name in status
    assert main_window.grab().save(str(tmp_path / "window.png"))


def test_every_navigation_entry_switches_the_page(qtbot: QtBot, main_window: MainWindow) -> None:
    for row, entry in enumerate(PAGES):
        qtbot.keyClick(main_window.nav, Qt.Key.Key_Home) if row == 0 else None
        main_window.nav.setCurrentRow(row)
        shown = main_window.stack.currentWidget()
        assert shown is main_window.pages[entry.key]
        if isinstance(shown, QLabel):  # only while that page's module is not in the build
            assert "chưa có" in shown.text()
        else:
            assert isinstance(shown, Page)
    assert main_window.page_errors == {}


def test_ctrl_and_a_number_opens_that_page(qtbot: QtBot, main_window: MainWindow) -> None:
    qtbot.keyClick(main_window.nav, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_key == "sync"
    assert isinstance(main_window.stack.currentWidget(), SyncPage)
    qtbot.keyClick(main_window.nav, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(main_window.stack.currentWidget(), SettingsPage)


class RecordingPage(Page):
    """A page that notes the commands the window sends it."""

    def __init__(self, app: AppContext, parent: QWidget | None = None, **_: object) -> None:
        super().__init__(app, parent)
        self.calls: list[str] = []

    def new_record(self) -> None:
        self.calls.append("new")

    def focus_search(self) -> None:
        self.calls.append("search")

    def refresh(self, changes: Changes) -> None:
        self.calls.append("refresh everything" if changes == EVERYTHING else "refresh some")


def test_ctrl_n_ctrl_f_and_f5_reach_the_current_page(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    app_ctx: AppContext,
    settings_store: SettingsStore,
    prefs: Preferences,
) -> None:
    monkeypatch.setattr(main_window_module, "page_class", lambda entry: RecordingPage)
    window = MainWindow(app_ctx, settings_store, prefs=prefs)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    page = window.current_page()
    assert isinstance(page, RecordingPage)
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window.nav, Qt.Key.Key_N, ctrl)
    qtbot.keyClick(window.nav, Qt.Key.Key_F, ctrl)
    qtbot.keyClick(window.nav, Qt.Key.Key_F5)
    assert page.calls == ["new", "search", "refresh everything"]


def test_switching_to_english_and_back_relabels_everything(
    qtbot: QtBot, main_window: MainWindow, settings_store: SettingsStore
) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    assert [b.text() for b in buttons.buttons()] == ["Đồng ý", "Hủy"]
    page = main_window.show_page("settings")
    assert isinstance(page, SettingsPage)
    assert page.ui.languageLabel.text() == "&Ngôn ngữ:"

    page.ui.languageCombo.setCurrentIndex(page.ui.languageCombo.findData("en"))
    assert nav_texts(main_window) == ENGLISH_NAV
    assert page.ui.languageLabel.text() == "&Language:"
    assert main_window.menuBar().actions()[0].text() == "&File"
    assert settings_store.language == "en"
    qtbot.waitUntil(lambda: [b.text() for b in buttons.buttons()] == ["OK", "Cancel"])

    page.ui.languageCombo.setCurrentIndex(page.ui.languageCombo.findData("vi"))
    assert nav_texts(main_window) == VIETNAMESE_NAV
    assert page.ui.backupButton.text() == "&Sao lưu ngay"
    assert settings_store.language == "vi"
    qtbot.waitUntil(lambda: [b.text() for b in buttons.buttons()] == ["Đồng ý", "Hủy"])


def test_the_font_size_applies_at_once_and_is_remembered(
    qtbot: QtBot, main_window: MainWindow, settings_store: SettingsStore
) -> None:
    page = main_window.show_page("settings")
    assert isinstance(page, SettingsPage)
    page.ui.fontSizeCombo.setCurrentIndex(page.ui.fontSizeCombo.findData("large"))
    qtbot.waitUntil(lambda: page.ui.backupButton.font().pointSize() == 12)
    assert main_window.nav.font().pointSize() == 14  # the navigation stays a size larger
    assert settings_store.font_size == "large"


def test_geometry_and_last_page_are_remembered(
    qtbot: QtBot, app_ctx: AppContext, settings_store: SettingsStore, prefs: Preferences
) -> None:
    first = MainWindow(app_ctx, settings_store, prefs=prefs)
    qtbot.addWidget(first)
    first.resize(780, 540)  # within the offscreen test screen (800×600)
    first.show()
    first.show_page("sync")
    first.close()
    again = MainWindow(app_ctx, settings_store, prefs=prefs)
    qtbot.addWidget(again)
    assert again.current_key == "sync"
    assert (again.width(), again.height()) == (780, 540)


def test_the_sync_page_shows_who_this_computer_is(qtbot: QtBot, app_ctx: AppContext) -> None:
    page = SyncPage(app_ctx)
    qtbot.addWidget(page)
    with app_ctx.read() as ctx:
        node_id = ctx.session.get(LocalNode, 1).node_id
    assert page.overview.node_value.text() == node_id
    assert page.overview.unit_value.text() == "Công an phường Hoàn Kiếm (00070)"
    assert "Chưa đăng ký đồng bộ với đơn vị nào" in page.overview.peers_text.text()
    assert len(page.overview.fingerprint_value.text().split()) == 8
    # the catalogues as the upper unit last sent them (here: as shipped)
    catalogues = page.overview.catalogues_value.text().splitlines()
    assert len(catalogues) == 4
    assert catalogues[0] == "Nhóm đối tượng: phiên bản 1 ngày 01/07/2026"


def test_back_up_now_writes_a_sound_copy(
    qtbot: QtBot, main_window: MainWindow, app_ctx: AppContext
) -> None:
    page = main_window.show_page("settings")
    assert isinstance(page, SettingsPage)
    qtbot.mouseClick(page.ui.backupButton, Qt.MouseButton.LeftButton)
    assert page.last_backup is not None
    assert page.last_backup.parent == app_ctx.db.path.parent / "backups"
    assert page.ui.backupStatusLabel.text() == f"Đã sao lưu vào {page.last_backup}"
    from antt_desktop.security.backups import backup_info

    assert backup_info(page.last_backup).unit_code == "00070"


def test_a_page_module_not_in_the_build_shows_a_placeholder() -> None:
    from antt_desktop.gui.common.navigation import PageMissing

    with pytest.raises(PageMissing):
        page_class(PageEntry("nothing", "navigation|Nothing", "no_such_page", "NoPage"))


def test_log_out_asks_first_then_asks_for_a_login_again(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tệp > Đăng xuất with an editor holding typed text: the one question (Quay lại keeps the
    window and the text), then Không lưu closes the window and the login is asked again."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from antt_desktop.gui.app import main as app_main
    from antt_desktop.gui.common.login_dialog import LoginDialog
    from antt_desktop.gui.people.editor import PersonEditor
    from antt_desktop.store.files import DB_FILENAME
    from tests.conftest import TEST_KDF, TEST_PASSWORD, make_post

    make_post(tmp_path / "data" / DB_FILENAME)
    seen: list[str] = []
    loop = QEventLoop()  # the window's event loop (ending the application's would end others)
    monkeypatch.setattr(QApplication, "exec", lambda *_: loop.exec())

    def officer() -> None:
        login = QApplication.activeModalWidget()
        if isinstance(login, LoginDialog) and login.isVisible():
            if seen:  # the login asked again after the logout: the officer leaves
                seen.append(f"login again: {login.ui.userEdit.text() or 'empty'}")
                login.reject()
                return
            login.ui.userEdit.setText("admin")
            login.ui.passwordEdit.setText(TEST_PASSWORD)
            login.try_login()
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows:
            QTimer.singleShot(20, officer)
            return
        window = windows[0]
        editor = PersonEditor(window.app, parent=window)
        editor.show()
        editor.ui.notes.setPlainText("Đang ghi dở")
        question = window.log_out()
        assert question is not None
        seen.append(question.informativeText().splitlines()[1])
        question.go_back.click()
        seen.append(f"back: {window.isVisible()} {editor.ui.notes.toPlainText()}")
        question = window.log_out()
        assert question is not None
        question.dont_save.click()
        seen.append(f"out: {window.isVisible()} {window.logged_out}")
        QTimer.singleShot(20, officer)  # the next login
        loop.quit()

    QTimer.singleShot(0, officer)
    code = app_main(["--data-dir", str(tmp_path / "data"), "--today", "2026-11-22"], kdf=TEST_KDF)
    assert code == 0
    assert seen == [
        "• Thêm nhân khẩu",
        "back: True Đang ghi dở",
        "out: False True",
        "login again: empty",
    ]
