"""The first-run assistant: a post set up from the official list, typed without accents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from antt_desktop.gui.first_run import FirstRunDialog
from antt_desktop.i18n.translator import Translator
from antt_desktop.store.models import LocalNode, Unit, User
from tests.conftest import TEST_KDF, TEST_PASSWORD

# the dialog and the completer's popup ask the offscreen test platform for what it cannot do
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _type_and_enter(qtbot: QtBot, widget: QWidget, text: str) -> None:
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


@pytest.fixture
def first_run(qtbot: QtBot, tmp_path: Path) -> Iterator[FirstRunDialog]:
    """The assistant over a database path that does not exist yet."""
    dialog = FirstRunDialog(Translator("vi"), tmp_path / "post" / "antt.sqlite3", kdf=TEST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    for combo in (dialog.ui.provinceCombo, dialog.ui.wardCombo):
        completer = combo.completer()
        if completer is not None:
            completer.popup().hide()
    dialog.close()


def test_first_run_sets_up_the_post_from_typed_names(
    qtbot: QtBot, first_run: FirstRunDialog
) -> None:
    dialog = first_run
    ui = dialog.ui
    _type_and_enter(qtbot, ui.provinceCombo.lineEdit(), "thai nguyen")
    assert ui.provinceCombo.currentText() == "Thái Nguyên"
    _type_and_enter(qtbot, ui.wardCombo.lineEdit(), "phu luong")
    assert ui.wardCombo.currentText() == "Xã Phú Lương"
    assert ui.unitNameEdit.text() == "Công an xã Phú Lương"
    assert ui.unitCodeEdit.text() == "05611"
    assert ui.upperNameEdit.text() == "Công an tỉnh Thái Nguyên"
    assert ui.upperCodeEdit.text() == "CAT-TN"
    ui.adminNameEdit.insert("Hoàng  Minh Tuấn")  # keyClicks types only ASCII
    ui.adminTitleEdit.insert("Trưởng Công an xã")
    qtbot.keyClicks(ui.adminEdit, "truongcong")
    qtbot.keyClicks(ui.passwordEdit, TEST_PASSWORD)
    qtbot.keyClicks(ui.repeatEdit, TEST_PASSWORD)
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)

    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    db = dialog.database
    assert db is not None
    try:
        with db.read() as session:
            unit = session.get(Unit, session.get(LocalNode, 1).unit_id)
            assert (unit.code, unit.name, unit.place_name) == (
                "05611",
                "Công an xã Phú Lương",
                "Phú Lương",
            )
            upper = session.get(Unit, unit.parent_id)
            assert (upper.code, upper.name) == ("CAT-TN", "Công an tỉnh Thái Nguyên")
            assert session.execute(
                select(User.username, User.role, User.full_name, User.title)
            ).all() == [("truongcong", "chief", "Hoàng Minh Tuấn", "Trưởng Công an xã")]
    finally:
        db.close()


def test_the_completer_finds_names_without_accents(qtbot: QtBot, first_run: FirstRunDialog) -> None:
    dialog = first_run
    line = dialog.ui.provinceCombo.lineEdit()
    line.insert("THÁI nguyen")  # QTest types only ASCII; insert() is what typing does
    qtbot.keyClick(line, Qt.Key.Key_Return)
    completer = dialog.ui.wardCombo.completer()
    completer.setCompletionPrefix("phu luong")
    found = {
        completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())
    }
    assert found == {"Xã Phú Lương"}


def test_first_run_refuses_a_bad_account_name_and_writes_nothing(
    qtbot: QtBot, first_run: FirstRunDialog
) -> None:
    dialog = first_run
    ui = dialog.ui
    _type_and_enter(qtbot, ui.provinceCombo.lineEdit(), "ha noi")
    _type_and_enter(qtbot, ui.wardCombo.lineEdit(), "hoan kiem")
    ui.adminNameEdit.insert("Hoàng Minh Tuấn")
    ui.adminEdit.insert("Trưởng Công")
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)
    assert dialog.result() != FirstRunDialog.DialogCode.Accepted
    assert ui.problemsLabel.text().startswith("Tài khoản quản trị:")
    assert dialog.session is None
    assert not dialog.db_path.exists()  # no database, no key file: nothing was written
    assert not dialog.db_path.parent.exists() or not any(dialog.db_path.parent.iterdir())


def test_first_run_asks_for_the_ward_before_anything(
    qtbot: QtBot, first_run: FirstRunDialog
) -> None:
    qtbot.mouseClick(first_run.ui.createButton, Qt.MouseButton.LeftButton)
    assert "xã, phường" in first_run.ui.problemsLabel.text()
    assert not first_run.db_path.exists()


def test_first_run_offers_the_demo_post(qtbot: QtBot, first_run: FirstRunDialog) -> None:
    dialog = first_run
    assert dialog.ui.demoButton.text() == "Mở đơn vị &mẫu"
    qtbot.mouseClick(dialog.ui.demoButton, Qt.MouseButton.LeftButton)
    assert dialog.wants_demo and dialog.database is None


def test_first_run_asks_for_the_chiefs_full_name_and_writes_nothing_without_it(
    qtbot: QtBot, first_run: FirstRunDialog
) -> None:
    dialog = first_run
    ui = dialog.ui
    _type_and_enter(qtbot, ui.provinceCombo.lineEdit(), "ha noi")
    _type_and_enter(qtbot, ui.wardCombo.lineEdit(), "hoan kiem")
    qtbot.keyClicks(ui.adminEdit, "truongcong")
    qtbot.keyClicks(ui.passwordEdit, TEST_PASSWORD)
    qtbot.keyClicks(ui.repeatEdit, TEST_PASSWORD)
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)
    assert dialog.result() != FirstRunDialog.DialogCode.Accepted
    assert ui.problemsLabel.text().startswith("Họ tên trưởng công an: không được để trống")
    assert not dialog.db_path.exists()
