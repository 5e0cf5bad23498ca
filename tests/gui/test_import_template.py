"""The import dialog names the columns it reads for each kind of list, and "Tải mẫu .xlsx"
saves a template that the dialog's own check finds ready to import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from antt_desktop.gui.settings.import_dialog import ImportDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _columns(dialog: ImportDialog) -> list[tuple[str, str]]:
    t = dialog.columns
    return [(t.item(r, 0).text(), t.item(r, 1).text()) for r in range(t.rowCount())]


def test_the_dialog_lists_the_columns_and_its_template_imports_as_it_is(
    qtbot: Any, app_ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ImportDialog(app_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = _columns(dialog)
    assert shown[0] == ("Họ và tên *", "ghi như trong giấy khai sinh")
    assert ("Số định danh cá nhân", "12 chữ số trên thẻ căn cước") in shown
    assert dialog.columns.item(0, 0).font().bold()
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("households"))
    assert _columns(dialog)[:2] == [
        ("Số hộ *", "không trùng với hộ khác của xã"),
        ("Chủ hộ", "họ và tên; tìm trong nhân khẩu đã có, chưa có thì thêm mới"),
    ]
    assert dialog.template_button.text() == "Tải &mẫu .xlsx…"
    dialog.resize(1024 - 40, 600 - 60)
    dialog.grab().save("/tmp/merge-people-import.png")

    target = tmp_path / "mau-ho-gia-dinh"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    saved = target.with_suffix(".xlsx")
    assert saved.is_file() and str(saved) in dialog.summary.text()

    dialog.path_edit.setText(str(saved))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.operation is not None and not dialog.operation.running)
    assert "1 dòng: có thể nhập 1, đã có trong sổ 0, bị từ chối 0" in dialog.summary.text()
    assert dialog.table.rowCount() == 0  # nothing to correct
    assert dialog.import_button.isEnabled()
