"""Gộp hồ sơ trùng in the window: from the residents list, pick the other record (offered
as a likely duplicate or found by search), compare, confirm, and the list shows one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.people.merge_dialog import MergeDialog
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.store.models import Dossier, Person
from tests.gui.test_dossiers import make_page, names, person
from tests.importers.conftest import cccd

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def app(app_ctx: AppContext) -> AppContext:
    return app_ctx


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _table(dialog: MergeDialog) -> list[list[str]]:
    t = dialog.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def _answer(qtbot: Any, dialog: MergeDialog, button: QMessageBox.StandardButton) -> str:
    qtbot.waitUntil(lambda: dialog.confirm_box is not None and dialog.confirm_box.isVisible())
    box = dialog.confirm_box
    assert box is not None
    text = box.text()
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    return text


def test_a_likely_duplicate_is_compared_and_merged_from_the_residents_list(
    qtbot: Any,
    write: Any,
    read: Any,
    app: Any,
    settings: Any,
) -> None:
    kept = person(write, "Trần Văn Bình", "12/03/1990", phone="0912345678")
    other = person(write, "Tran Van Binh", "12/03/1990", id_number=cccd(1990), occupation="Thợ xây")
    with write() as ctx:
        open_dossier(ctx, DossierInput(other, "DRUG_USER", "01/02/2026"))
    page = make_page(qtbot, app, settings)
    page.tabs.setCurrentWidget(page.people)
    assert page.people.select_id(kept)
    assert page.merge_button.text() == "&Gộp hồ sơ trùng…"
    page.merge_button.click()
    dialog = page.dialog
    assert isinstance(dialog, MergeDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Gộp hồ sơ trùng"
    assert dialog.suggested.count() == 1
    assert (
        dialog.suggested.item(0).text() == "Tran Van Binh (trùng họ tên và ngày sinh, 12/03/1990)"
    )
    qtbot.mouseClick(
        dialog.suggested.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.suggested.visualItemRect(dialog.suggested.item(0)).center(),
    )
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    rows = {r[0]: r[1:] for r in _table(dialog)}
    assert rows["Họ và tên"] == ["Trần Văn Bình", "Tran Van Binh", "Trần Văn Bình"]
    assert rows["Số điện thoại"] == ["0912345678", "", "0912345678"]
    assert rows["Nghề nghiệp"] == ["", "Thợ xây", "Thợ xây"]
    assert "1 hồ sơ quản lý" in dialog.moves.text()
    dialog.resize(1024 - 40, 600 - 60)
    dialog.grab().save("/tmp/merge-people-dialog.png")

    dialog.try_save()  # Ctrl+S or the Gộp button: a question first
    text = _answer(qtbot, dialog, QMessageBox.StandardButton.No)
    assert "Tran Van Binh" in text and "không thể hoàn tác" in text
    with read() as ctx:
        assert not ctx.session.get(Person, other).deleted  # not merged on "Huỷ"
    dialog.try_save()
    _answer(qtbot, dialog, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with read() as ctx:
        assert ctx.session.get(Person, other).merged_into == kept
        assert ctx.session.get(Person, kept).occupation == "Thợ xây"
        assert [d.person_id for d in ctx.session.query(Dossier)] == [kept]
    qtbot.waitUntil(lambda: not page.people_model.loading and page.people_model.rowCount() == 1)
    assert names(page.people_model) == ["Trần Văn Bình"]


def test_a_refused_merge_is_named_under_the_duplicate_and_nothing_is_written(
    qtbot: Any,
    write: Any,
    read: Any,
    app: Any,
) -> None:
    kept = person(write, "Lê Thị Hoa", "1985", id_number=cccd(1985, "F", 3))
    other = person(write, "Lê Thị Hoa", "1985", id_number=cccd(1985, "F", 4))
    dialog = MergeDialog(app, kept)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.picker.edit, cccd(1985, "F", 4))
    qtbot.waitUntil(lambda: dialog.picker.results.count() == 1)
    qtbot.keyClick(dialog.picker.edit, Qt.Key.Key_Return)
    assert dialog.picker.value == other
    qtbot.waitUntil(lambda: dialog.field_problem("absorbed_id") != "")
    assert "hai hồ sơ có số định danh khác nhau" in dialog.field_problem("absorbed_id")
    dialog.try_save()
    assert dialog.confirm_box is None and dialog.isVisible()
    with read() as ctx:
        assert not ctx.session.get(Person, other).deleted
    dialog.swap_button.click()  # keep the other one: the same refusal
    assert dialog.kept_name.text() == "Lê Thị Hoa" and dialog.picker.value == kept
