"""A citizen ID card scanned into a search box: its holder opens, or the officer is offered
"Thêm người mới từ thẻ"; a foreign code is named, and the search box keeps what it had."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.dossiers.page import DossiersPage
from antt_desktop.gui.households.page import HouseholdsPage
from antt_desktop.gui.people.editor import PersonEditor
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import households, units
from antt_desktop.services.context import Actor
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import Person

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CARD = (
    "001090012345|123456789|Nguyễn Văn An|01021990|Nam|"
    "Thôn 3, Xã Phú Lương, Huyện Đại Từ, Thái Nguyên|15082021"
)


@pytest.fixture
def app(db) -> AppContext:
    return AppContext(
        db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: date(2026, 11, 22)
    )


@pytest.fixture
def dossiers(qtbot, app, tmp_path: Path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    page = DossiersPage(app, settings=settings)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: not page.dossier_model.loading and not page.people_model.loading)
    yield page
    if isinstance(page.dialog, PersonEditor) and shiboken6.isValid(page.dialog):
        page.dialog.dirty = False
        page.dialog.close()


def scan(widget: QWidget, text: str) -> None:
    """What a USB scanner does: every character as a key, then Enter."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        enter = QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, enter)


def holder(write, **extra: str) -> str:
    with write() as ctx:
        data = PersonInput(full_name="Nguyễn Văn An", id_number="001090012345", **extra)
        return add_person(ctx, data).person.id


@pytest.mark.parametrize("tab", ["people", "dossiers"])
def test_a_scanned_card_opens_its_holder(qtbot, dossiers, write, tab) -> None:
    pid = holder(write, born="01/02/1990", sex="M")
    search = getattr(dossiers, tab).search
    search.setText("ng")

    scan(search, CARD)

    editor = dossiers.dialog
    assert isinstance(editor, PersonEditor) and editor.isVisible()
    assert editor.person_id == pid
    assert editor.windowTitle() == "Nhân khẩu: Nguyễn Văn An"
    assert search.text() == "ng"  # the search box kept what the officer had typed


def test_an_unknown_card_offers_to_add_the_person(qtbot, dossiers, read) -> None:
    scan(dossiers.people.search, CARD)

    box = dossiers.card_lookup.message
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == (
        "Chưa có người mang số định danh 001090012345 (Nguyễn Văn An, sinh ngày 01/02/1990)"
        " trong sổ."
    )
    add = next(b for b in box.buttons() if b.text() == "&Thêm người mới từ thẻ")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)

    editor = dossiers.dialog
    assert isinstance(editor, PersonEditor) and editor.person_id is None
    assert editor.ui.full_name.text() == "Nguyễn Văn An"
    assert editor.ui.id_number.text() == "001090012345"
    assert editor.ui.born.text() == "01/02/1990"
    assert editor.save_button.isEnabled()
    editor.try_save()
    with read() as ctx:
        saved = ctx.session.query(Person).filter_by(id_number="001090012345").one()
    assert (saved.full_name, saved.sex, saved.legacy_id) == ("Nguyễn Văn An", "M", "123456789")


def test_a_foreign_code_in_a_search_box_is_named(qtbot, dossiers) -> None:
    scan(dossiers.dossiers.search, "https://vietqr.net/a|b|c|d|e|f|g")
    assert dossiers.card_lookup.message is None  # no card's number: an ordinary search

    scan(dossiers.dossiers.search, "001090012345|123456789|Nguyễn Văn An|01021990")
    assert dossiers.card_lookup.message is None  # too few parts to be a scan: a search

    scan(dossiers.dossiers.search, CARD.replace("|Nam|", "|Nữ|"))
    box = dossiers.card_lookup.message
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "Không đọc được thẻ"
    assert "chữ số thứ 4 cho biết giới tính nam nhưng trên thẻ ghi nữ" in box.text()
    box.close()


def test_an_account_without_id_numbers_is_told(qtbot, app, tmp_path, write) -> None:
    holder(write)
    viewer = replace(app, actor=Actor("xem", "viewer"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    page = DossiersPage(viewer, settings=settings)
    qtbot.addWidget(page)

    scan(page.people.search, CARD)

    box = page.card_lookup.message
    assert isinstance(box, QMessageBox)
    assert box.text() == "Tài khoản của bạn không được tra cứu người theo số định danh cá nhân."
    box.close()


def test_the_households_search_opens_the_holders_household(qtbot, app, write) -> None:
    pid = holder(write, born="01/02/1990", sex="M")
    with write() as ctx:
        area = units.add_area(ctx, name="Thôn 3", kind="thon").id
        data = households.HouseholdInput(number="HK-07", head_person_id=pid, area_id=area)
        household_id = households.add_household(ctx, data).id
    page = HouseholdsPage(app)
    qtbot.addWidget(page)
    page.show()

    scan(page.search_edit, CARD)

    assert page.stack.currentIndex() == 1
    assert page.view.record_id == household_id


def test_the_households_search_adds_an_unknown_card_holder(qtbot, app) -> None:
    page = HouseholdsPage(app)
    qtbot.addWidget(page)
    page.show()

    scan(page.search_edit, CARD)
    box = page.card_lookup.message
    assert isinstance(box, QMessageBox)
    add = next(b for b in box.buttons() if b.text() == "&Thêm người mới từ thẻ")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)

    editor = page.dialog
    assert isinstance(editor, PersonEditor) and editor.isVisible()
    assert editor.ui.permanent_address.text() == "Thôn 3, Xã Phú Lương, Huyện Đại Từ, Thái Nguyên"
    editor.dirty = False
    editor.close()
