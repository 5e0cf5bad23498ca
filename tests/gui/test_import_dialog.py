"""Tệp > Nhập danh sách: the file is checked first, refused rows are named, then imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from antt_desktop.gui.settings.import_dialog import ImportDialog
from antt_desktop.services.changes import Kind
from antt_desktop.store.models import Person
from tests.importers.conftest import cccd

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def people_count(app_ctx) -> int:
    with app_ctx.read() as ctx:
        return ctx.session.scalar(select(func.count()).select_from(Person)) or 0


@pytest.fixture
def dialog(qtbot, app_ctx) -> ImportDialog:
    widget = ImportDialog(app_ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def finish(qtbot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.operation is not None and not dialog.operation.running)


def test_check_then_import_the_valid_rows_and_save_the_refused_ones(
    qtbot, dialog, app_ctx, tmp_path
):
    path = workbook(
        tmp_path / "danh_sach.xlsx",
        [
            ["Nguyễn Văn An", "02/03/1985", "Nam", cccd(1985, "M", 1)],
            ["Trần Thị Bình", "31/02/1990", "Nữ", cccd(1990, "F", 2)],
            ["Lê Văn Cường", "1979", "Nam", cccd(1979, "M", 3)],
        ],
    )
    before = people_count(app_ctx)
    assert not dialog.import_button.isEnabled()  # nothing can be imported before a check

    dialog.path_edit.setText(str(path))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)

    assert "3 dòng: có thể nhập 2, đã có trong sổ 0, bị từ chối 1" in dialog.summary.text()
    assert people_count(app_ctx) == before  # the check wrote nothing
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "3"  # the spreadsheet's own line number
    assert dialog.table.item(0, 1).text() == "bị từ chối"
    assert "Ngày sinh" in dialog.table.item(0, 2).text()
    assert dialog.import_button.text().replace("&", "") == "Nhập 2 dòng"

    saved = dialog.write_refused(tmp_path / "can_sua.xlsx")
    sheet = load_workbook(saved).active
    assert [c.value for c in sheet[2]][:1] == ["Trần Thị Bình"]

    with qtbot.waitSignal(app_ctx.changes.changed) as changed:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        finish(qtbot, dialog)
    assert changed.args[0].touches(Kind.PERSON)
    assert people_count(app_ctx) == before + 2
    assert "3 dòng: đã nhập 2," in dialog.summary.text()
    assert not dialog.import_button.isEnabled()  # the same rows cannot be imported twice


def test_a_file_that_is_not_a_list_is_refused_with_the_reason(qtbot, dialog, tmp_path):
    path = tmp_path / "anh.png"
    path.write_bytes(b"\x89PNG\r\n")
    dialog.path_edit.setText(str(path))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert "Không nhập được tệp này" in dialog.summary.text()
    assert ".xlsx" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_no_file_named_is_said_before_anything_runs(qtbot, dialog):
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.operation is None
    assert "Tệp" in dialog.summary.text()


def test_another_file_forgets_the_last_check(qtbot, dialog, tmp_path):
    path = workbook(tmp_path / "a.xlsx", [["Nguyễn Văn An", "1985", "Nam", cccd(1985)]])
    dialog.path_edit.setText(str(path))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    dialog.kind_box.setCurrentIndex(1)  # households now: the check said nothing about that
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.text() == ""


def test_ctrl_i_opens_the_import_from_the_file_menu(qtbot, main_window):
    qtbot.keyClick(main_window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: main_window.findChild(ImportDialog) is not None)
    found = main_window.findChild(ImportDialog)
    assert found.windowTitle() == "Nhập danh sách"
    found.reject()
