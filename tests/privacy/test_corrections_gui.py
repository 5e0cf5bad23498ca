"""In the resident window a correction asks for its reason, and the dossier window shows the
correction history (tab "Lịch sử đính chính")."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.dossiers.view import DossierView
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Actor
from antt_desktop.store.database import Database
from antt_desktop.store.models import Person
from tests.privacy.conftest import MASKED

NEW_ID = "001090054321"


def _app(db: Database, role: str = "officer") -> AppContext:
    return AppContext(db, Actor("canbo1", role), Translator("vi"), today=lambda: date(2026, 11, 22))


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, Vietnamese letters too (QTest only types ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _shot(widget: Any, name: str) -> None:
    folder = Path(os.environ.get("ANTT_SHOTS", "")) if os.environ.get("ANTT_SHOTS") else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(folder / name))


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's own note
def test_a_correction_asks_its_reason_then_shows_in_the_dossier_window(
    qtbot: Any, db: Database, read: Any, sensitive_person: dict[str, str]
) -> None:
    app = _app(db)
    editor = PersonEditor(app, sensitive_person["person"])
    qtbot.addWidget(editor)
    editor.show()
    assert editor.reason.isVisible()
    assert editor.reason_label.text().replace("&", "").startswith("Lý do đính chính")
    editor.ui.id_number.selectAll()
    qtbot.keyClicks(editor.ui.id_number, NEW_ID)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.field_problem("correction_reason") != "")
    assert editor.field_problem("correction_reason") == (
        "✖ phải ghi khi sửa thông tin đã có (đính chính)"
    )
    assert editor.isVisible()
    with read() as ctx:
        assert ctx.session.get(Person, sensitive_person["person"]).id_number != NEW_ID
    _shot(editor, "person-editor-reason.png")

    type_text(editor.reason, "Theo thẻ căn cước cấp ngày 01/02/2025")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.isVisible())

    view = DossierView(app, sensitive_person["dossier"])
    qtbot.addWidget(view)
    view.resize(1180, 560)
    view.show()
    view.tabs.setCurrentIndex(view.tabs.count() - 1)
    assert view.tabs.tabText(view.tabs.count() - 1) == "Lịch sử đính &chính"
    assert view.corrections.cell_texts() == [
        [
            "22/11/2026",
            "Số định danh cá nhân",
            "001090012345",
            NEW_ID,
            "Theo thẻ căn cước cấp ngày 01/02/2025",
            "canbo1",
        ]
    ]
    _shot(view, "dossier-corrections.png")

    viewer = DossierView(_app(db, "viewer"), sensitive_person["dossier"])
    qtbot.addWidget(viewer)
    [row] = viewer.corrections.cell_texts()
    assert row[2:4] == [MASKED, "•••••••••321"]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_resident_window_opens_the_history(
    qtbot: Any, db: Database, write: Any, sensitive_person: dict[str, str]
) -> None:
    from antt_desktop.services.people import edit_person

    with write() as ctx:
        edit_person(ctx, sensitive_person["person"], {"phone": "0912345678"})
    editor = PersonEditor(_app(db), sensitive_person["person"])
    qtbot.addWidget(editor)
    assert editor.history_button.text() == "&Lịch sử đính chính…"
    dialog = editor.show_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Lịch sử đính chính: Nguyễn Văn Đức"
    [row] = dialog.history.cell_texts()
    assert row[1:4] == ["Số điện thoại", "—", "0912345678"]
