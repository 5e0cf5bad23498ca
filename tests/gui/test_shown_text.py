"""What the window shows: no mnemonic "&" shown as a character (a label without a buddy, a
translation with "&" where nothing processes it), and in English no Vietnamese words."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from antt_desktop.gui.main_window import PAGES, MainWindow
from antt_desktop.gui.sync.export import ExportDialog
from antt_desktop.services import post_rows
from antt_desktop.services.context import Actor
from tests.helpers.shown_text import literal_ampersands, shown_texts

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


#: Letters only Vietnamese writes (with their tone marks): a data value may hold them (a
#: name, a place), a label of the program may not.
VIETNAMESE = re.compile(
    "[ăâđêôơưĂÂĐÊÔƠƯ"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]"
)
#: Kinds of text that are the program's words (data shows in cells, items and choices).
LABELS = ("label", "title", "button", "group", "tab", "header", "placeholder")


def vietnamese_labels(root, data: tuple[str, ...]) -> list[str]:
    """The program's words with Vietnamese letters (the ``data`` values taken out first)."""
    found = []
    for w, what, text in shown_texts(root):
        words = text
        for value in data:
            words = words.replace(value, "")
        if what in LABELS and VIETNAMESE.search(words):
            found.append(f"{type(w).__name__} {w.objectName() or '?'} ({what}): {text}")
    return found


@pytest.mark.slow
def test_in_english_no_page_shows_vietnamese_words(qtbot, chief_window, prefs, app_ctx) -> None:
    prefs.set_language("en")
    with app_ctx.read() as ctx:
        data = (post_rows.this_post(ctx).name,)  # the post's name is data, not a label
    found = []
    for entry in PAGES:
        chief_window.show_page(entry.key)
        QApplication.processEvents()
        found += [f"{entry.key}: {t}" for t in vietnamese_labels(chief_window, data)]
    dialog = ExportDialog(app_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    found += [f"export: {t}" for t in vietnamese_labels(dialog, data)]
    assert sorted(set(found)) == []
