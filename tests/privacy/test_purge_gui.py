"""The chief opens "Đề xuất hủy hồ sơ" from the Hồ sơ đối tượng page, ticks a dossier, is
asked to confirm with the person named, and the dossier leaves both lists."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.dossiers.page import DossiersPage
from antt_desktop.gui.dossiers.purge_dialog import PurgeDialog
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Actor
from antt_desktop.store.database import Database
from antt_desktop.store.models import Dossier
from tests.privacy.test_purge import closed_dossier


def _app(db: Database, role: str) -> AppContext:
    return AppContext(
        db, Actor("truongcong", role), Translator("vi"), today=lambda: date(2026, 11, 22)
    )


def _page(qtbot: Any, db: Database, tmp_path: Path, role: str) -> DossiersPage:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    page = DossiersPage(_app(db, role), settings=settings)
    qtbot.addWidget(page)
    return page


def _shot(widget: Any, name: str) -> None:
    if os.environ.get("ANTT_SHOTS"):
        folder = Path(os.environ["ANTT_SHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(folder / name))


def test_only_the_chief_sees_the_purge_proposals(qtbot: Any, db: Database, tmp_path: Path) -> None:
    assert _page(qtbot, db, tmp_path, "officer").purge_button.isHidden()
    chief = _page(qtbot, db, tmp_path, "chief")
    assert chief.purge_button.text() == "Đề &xuất hủy hồ sơ…"  # "Lập &hồ sơ…" has h
    assert not chief.purge_button.isHidden()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's own note
def test_the_chief_purges_a_dossier_after_confirming_the_names(
    qtbot: Any, db: Database, write: Any, read: Any, tmp_path: Path
) -> None:
    due = closed_dossier(write, "Hà Văn Lợi", "DRUG_USER", "05/01/2021", "10/01/2022")
    closed_dossier(write, "Đinh Văn Kha", "SUSPENDED", "01/02/2022", "01/06/2023")  # kept
    page = _page(qtbot, db, tmp_path, "chief")
    qtbot.mouseClick(page.purge_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, PurgeDialog)
    dialog.resize(1100, 360)
    assert dialog.table.rowCount() == 1
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert row[:5] == ["Hà Văn Lợi", "Người sử dụng trái phép chất ma túy", "10/01/2022", "3",
                       "10/01/2025"]  # fmt: skip
    assert row[5].startswith("Hủy cả thông tin nhân khẩu")
    assert not dialog.purge_button.isEnabled()
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    assert dialog.purge_button.isEnabled()
    _shot(dialog, "purge-proposals.png")

    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    box = dialog.question
    assert isinstance(box, QMessageBox)
    assert box.text() == "Hủy vĩnh viễn các hồ sơ này?"
    assert "Hồ sơ của: Hà Văn Lợi." in box.informativeText()
    _shot(box, "purge-question.png")
    go_back = next(b for b in box.buttons() if b.text() == "Quay lại")
    go_back.click()  # the first answer: no
    with read() as ctx:
        assert not ctx.session.get(Dossier, due["dossier"]).deleted

    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    box = dialog.question
    assert box is not None
    next(b for b in box.buttons() if b.text() == "Hủy vĩnh viễn").click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
    assert dialog.message.text().startswith("Đã hủy 1 hồ sơ")
    with read() as ctx:
        assert ctx.session.get(Dossier, due["dossier"]).deleted
