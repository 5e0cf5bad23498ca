"""What the window shows: no mnemonic "&" shown as a character (a label without a buddy, a
translation with "&" where nothing processes it), and in English no Vietnamese words."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from antt_desktop.gui.main_window import PAGES, MainWindow
from antt_desktop.gui.sync.export import ExportDialog
from antt_desktop.services.context import Actor
from tests.helpers.shown_text import literal_ampersands

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _every_page(window) -> list[str]:
    found = []
    for entry in PAGES:
        window.show_page(entry.key)
        QApplication.processEvents()
        found += [f"{entry.key}: {t}" for t in literal_ampersands(window)]
    return sorted(set(found))


@pytest.fixture
def chief_window(qtbot, app_ctx, settings_store, prefs) -> MainWindow:
    """The main window of the chief (every page, the audit log and accounts included)."""
    app_ctx.actor = Actor("admin", "chief")
    window = MainWindow(app_ctx, settings_store, prefs=prefs)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.slow
def test_no_page_shows_a_mnemonic_ampersand(chief_window) -> None:
    assert _every_page(chief_window) == []


def test_the_export_dialog_shows_no_ampersand(qtbot, app_ctx) -> None:
    dialog = ExportDialog(app_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert literal_ampersands(dialog) == []
    assert dialog.peer_label.text() == "Gửi cho đơn &vị:"  # its mnemonic, underlined
    assert dialog.peer_label.buddy() is dialog.peer_box
