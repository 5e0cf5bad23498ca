"""The household page: adding households, members and pledges, and signing a whole area."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import func, select

from antt_desktop.gui.common import form_support
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.lazy_model import ID_ROLE
from antt_desktop.gui.households.model import HouseholdListModel
from antt_desktop.gui.households.page import HouseholdsPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import households, pledges, units
from antt_desktop.services.changes import Kind, of_kinds
from antt_desktop.services.context import Actor
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import Household, Person, Pledge
from tests.conftest import CHIEF, connect_unlocked

# The offscreen platform of the tests warns that it cannot resize windows to their layouts.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def app(db):
    return AppContext(
        db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: date(2026, 11, 22)
    )


@pytest.fixture
def area(write):
    with write() as ctx:
        return units.add_area(ctx, name="Tổ dân phố số 3", kind="to_dan_pho").id


def _person(write, name, born="1975"):
    with write() as ctx:
        return add_person(ctx, PersonInput(full_name=name, born=born, sex="M")).person.id


def _household(write, number, area_id, head_id=None):
    with write() as ctx:
        data = households.HouseholdInput(number=number, head_person_id=head_id, area_id=area_id)
        return households.add_household(ctx, data).id


@pytest.fixture
def page(qtbot, app):
    page = HouseholdsPage(app)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def _column(page, column):
    model = page.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _type(qtbot, edit, text):
    """Type into a line edit; Vietnamese letters arrive whole, as an input method sends them."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


def _accept(dialog):
    """The Save button: saved and closed."""
    dialog.try_save()
    assert dialog.problem_text() == ""
    assert not dialog.isVisible()


def _save(qtbot, dialog):
    """Ctrl+S, as the officer presses it."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_add_a_household_with_its_head_and_see_it_in_the_list(qtbot, page, write, read, area):
    head = _person(write, "Nguyễn Văn Hòa")
    page.new_record()
    dialog = page.dialog
    assert dialog.ui.numberEdit.text() == ""
    qtbot.keyClicks(dialog.ui.numberEdit, "HK-101")
    qtbot.keyClicks(dialog.head.edit, "nguyen hoa")
    qtbot.waitUntil(lambda: dialog.head.results.count() == 1)
    qtbot.keyClick(dialog.head.edit, Qt.Key.Key_Return)
    assert dialog.head.value == head
    dialog.ui.areaCombo.setCurrentIndex(dialog.ui.areaCombo.findData(area))
    _type(qtbot, dialog.ui.addressEdit, "Số 5, phố Hàng Bạc")
    _save(qtbot, dialog)

    qtbot.waitUntil(lambda: page.stack.currentIndex() == 1)
    assert "HK-101" in page.view.title.text() and "Nguyễn Văn Hòa" in page.view.title.text()
    assert page.view.members.item(0, 1).text() == "Chủ hộ"
    page.show_list()
    assert _column(page, 0) == ["HK-101"]
    assert _column(page, 1) == ["Nguyễn Văn Hòa"]
    assert _column(page, 2) == ["Tổ dân phố số 3"]
    assert _column(page, 4) == ["1"]
    assert _column(page, 5) == ["chưa ký"]
    with read() as ctx:
        saved = ctx.session.execute(select(Household)).scalar_one()
        assert (saved.number, saved.head_person_id) == ("HK-101", head)


def test_a_taken_number_is_named_while_typing_and_nothing_is_saved(qtbot, page, write, read, area):
    _household(write, "12", area)
    page.new_record()
    dialog = page.dialog
    dialog.ui.numberEdit.clear()
    qtbot.keyClicks(dialog.ui.numberEdit, "12")
    qtbot.waitUntil(lambda: dialog.problem_text() != "")
    assert dialog.problem_text() == "Số hộ: số hộ 12 đã được sử dụng trong đơn vị"
    assert "số hộ 12 đã được sử dụng" in dialog.field_problem("number")
    dialog.try_save()
    assert dialog.isVisible()
    with read() as ctx:
        assert ctx.session.execute(select(func.count(Household.id))).scalar() == 1


def test_esc_asks_before_dropping_typed_changes(qtbot, page, monkeypatch):
    page.new_record()
    dialog = page.dialog
    _type(qtbot, dialog.ui.addressEdit, "Số 7")
    answers = iter([form_support.Answer.BACK, form_support.Answer.DISCARD])
    monkeypatch.setattr(form_support, "ask_save_changes", lambda *a, **k: next(answers))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_search_as_you_type_ignores_accents_and_finds_numbers(qtbot, page, write, area):
    _household(write, "0007", area, _person(write, "Trần Thị Thủy"))
    _household(write, "0008", area, _person(write, "Lê Văn Đức"))
    page.model.reload()
    qtbot.keyClicks(page.search_edit, "thuy")
    qtbot.waitUntil(lambda: _column(page, 1) == ["Trần Thị Thủy"])
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "008")
    qtbot.waitUntil(lambda: _column(page, 0) == ["0008"])
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.stack.currentIndex() == 1
    assert "Lê Văn Đức" in page.view.title.text()


def test_sign_a_whole_area_reports_the_counts_and_fills_the_pledge_column(
    qtbot, page, write, read, area
):
    first = _household(write, "0001", area, _person(write, "Nguyễn Văn An"))
    _household(write, "0002", area, _person(write, "Phạm Thị Bình"))
    _household(write, "0003", area)  # no head: nobody to sign
    with write() as ctx:
        pledges.record_pledge(
            ctx,
            first,
            2026,
            signed_on="02/03/2026",
            signer_name="Nguyễn Văn An",
            officer_name="Đỗ Minh Tâm",
        )
    page.model.reload()
    assert _column(page, 5) == ["đã ký", "chưa ký", "chưa ký"]

    page.sign_area()
    dialog = page.dialog
    assert dialog.ui.areaCombo.currentData() == area
    assert dialog.ui.signedOnEdit.text() == "22/11/2026"
    _type(qtbot, dialog.ui.officerEdit, "Đỗ Minh Tâm")
    _save(qtbot, dialog)

    qtbot.waitUntil(lambda: page.message is not None)
    assert page.message.text() == ("Đã ghi 1 hộ, 1 hộ đã có cam kết, 1 hộ chưa có chủ hộ: 0003.")
    qtbot.waitUntil(lambda: _column(page, 5) == ["đã ký", "đã ký", "chưa ký"])
    assert page.model.headerData(5, Qt.Orientation.Horizontal) == "Cam kết năm 2026"
    with read() as ctx:
        assert ctx.session.execute(select(func.count(Pledge.id))).scalar() == 2
    page.pledge_combo.setCurrentIndex(page.pledge_combo.findData("none"))
    assert _column(page, 0) == ["0003"]


def test_the_sign_area_dialog_checks_as_the_officer_types_while_another_desk_writes(
    qtbot, page, db, write, read, area
):
    # Checking reads: the officer sees what is wrong at once even while a sync import or
    # another desk holds the database's write lock (a dry-run signing waited for it, then
    # failed), and nothing is signed before Sign is pressed.
    _household(write, "0001", area, _person(write, "Nguyễn Văn An"))
    page.sign_area()
    dialog = page.dialog
    other_desk = connect_unlocked(db.path)
    other_desk.isolation_level = None
    other_desk.execute("BEGIN IMMEDIATE")
    try:
        dialog.ui.signedOnEdit.setText("05/04/2025")
        qtbot.waitUntil(lambda: "không thuộc năm cam kết" in dialog.field_problem("signed_on"))
        dialog.ui.signedOnEdit.setText("05/04/2026")
        qtbot.waitUntil(lambda: dialog.field_problem("signed_on") == "")
    finally:
        other_desk.rollback()
        other_desk.close()
    with read() as ctx:
        assert ctx.session.execute(select(func.count(Pledge.id))).scalar() == 0
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: page.message is not None)
    with read() as ctx:
        assert ctx.session.execute(select(func.count(Pledge.id))).scalar() == 1


def test_members_head_pledges_and_poverty_from_the_household_view(
    qtbot, page, write, read, area, monkeypatch
):
    head = _person(write, "Hoàng Văn Sơn", "1960")
    son = _person(write, "Hoàng Văn Nam", "1990")
    household = _household(write, "0042", area, head)
    other = _household(write, "0043", area, _person(write, "Vũ Thị Lan"))
    page.model.reload()
    page.open_record(household)
    view = page.view

    view.add_member_button.click()
    dialog = view.handler.dialog
    qtbot.keyClicks(dialog.person.edit, "hoang nam")
    qtbot.waitUntil(lambda: dialog.person.results.count() == 1)
    qtbot.keyClick(dialog.person.edit, Qt.Key.Key_Return)
    dialog.ui.relationCombo.setCurrentText("Con")
    _accept(dialog)
    qtbot.waitUntil(lambda: view.members.rowCount() == 2)
    assert [view.members.item(r, 0).text() for r in range(2)] == ["Hoàng Văn Sơn", "Hoàng Văn Nam"]

    view.members.selectRow(1)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Bố", True))
    view.make_head_button.click()
    qtbot.waitUntil(lambda: "Hoàng Văn Nam" in view.title.text())
    with read() as ctx:
        assert ctx.session.get(Person, head).relation_to_head == "Bố"

    view.record_pledge_button.click()
    dialog = view.handler.dialog
    assert dialog.ui.signerEdit.text() == "Hoàng Văn Nam"
    dialog.ui.signedOnEdit.setText("31/12/2025")
    qtbot.waitUntil(lambda: "Ngày ký" in dialog.problem_text())
    dialog.ui.signedOnEdit.setText("05/02/2026")
    qtbot.waitUntil(lambda: dialog.problem_text() == "")
    _accept(dialog)
    qtbot.waitUntil(lambda: view.pledges.rowCount() == 1)
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *a, **k: ("Đánh bạc tại nhà", True)
    )
    view.pledges.selectRow(0)
    view.violated_button.click()
    qtbot.waitUntil(lambda: view.pledges.item(0, 1).text() == "vi phạm cam kết")

    view.poverty_button.click()
    dialog = view.handler.dialog
    dialog.ui.statusCombo.setCurrentIndex(dialog.ui.statusCombo.findData("near_poor"))
    _accept(dialog)
    qtbot.waitUntil(lambda: view.poverty.rowCount() == 1)
    assert view.poverty.item(0, 1).text() == "hộ cận nghèo"

    view.members.selectRow(1)
    view.move_member_button.click()
    dialog = view.handler.dialog
    qtbot.keyClicks(dialog.target.edit, "0043")
    qtbot.waitUntil(lambda: dialog.target.results.count() >= 1)
    qtbot.keyClick(dialog.target.edit, Qt.Key.Key_Return)
    dialog.ui.relationCombo.setCurrentText("Anh")
    _accept(dialog)
    qtbot.waitUntil(lambda: view.members.rowCount() == 1)
    with read() as ctx:
        assert ctx.session.get(Person, head).household_id == other
        assert ctx.session.get(Person, son).household_id == household


def test_removing_the_head_is_refused_with_the_reason(qtbot, page, write, read, area, monkeypatch):
    head = _person(write, "Đinh Văn Hải")
    household = _household(write, "0050", area, head)
    page.open_record(household)
    page.view.members.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.view.remove_member_button.click()
    boxes = [b for b in page.view.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    assert "Nhân khẩu" in boxes[0].text() or "chủ hộ" in boxes[0].text()
    with read() as ctx:
        assert ctx.session.get(Person, head).household_id == household


def test_household_list_model_passes_the_model_tester(qtmodeltester, app, write, area):
    for n in range(3):
        _household(write, f"00{n}", area, _person(write, f"Nguyễn Văn Tư {n}"))
    model = HouseholdListModel(app)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(0, 0).data(ID_ROLE)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.sort(4, Qt.SortOrder.AscendingOrder)
    model.sort(2)
    model.sort(5)
    assert model.rowCount() == 3


def test_post_filter_shows_only_with_several_posts_and_columns_are_remembered(
    qtbot, app, write, area
):
    _household(write, "0001", area, _person(write, "Nguyễn Văn Một"))
    page = HouseholdsPage(app)
    qtbot.addWidget(page)
    page.show()
    assert not page.unit_combo.isVisible()
    with write(CHIEF) as ctx:
        other = units.add_unit(ctx, code="00073", name="Công an phường Cửa Nam")
        other_area = units.add_area(ctx, name="Tổ dân phố số 9", unit_id=other.id).id
        head = add_person(ctx, PersonInput(full_name="Lê Thị Hai", born="1980"), unit_id=other.id)
        households.add_household(
            ctx,
            households.HouseholdInput(
                number="0001", head_person_id=head.person.id, area_id=other_area
            ),
            unit_id=other.id,
        )
    page.refresh(of_kinds(Kind.UNIT, Kind.HOUSEHOLD))
    assert page.unit_combo.isVisible()
    assert page.model.rowCount() == 2
    page.unit_combo.setCurrentIndex(page.unit_combo.findData(other.id))
    assert _column(page, 1) == ["Lê Thị Hai"]
    assert page.area_combo.itemText(1) == "Tổ dân phố số 9"

    page.set_column_shown(3, False)
    again = HouseholdsPage(app)
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().isSectionHidden(3)
    assert not again.table.horizontalHeader().isSectionHidden(2)


def test_focus_search_and_open_first_record(qtbot, page, write, area):
    _household(write, "0001", area, _person(write, "Nguyễn Văn Một"))
    page.model.reload()
    assert page.open_first_record()
    assert page.stack.currentIndex() == 1
    page.focus_search()
    assert page.stack.currentIndex() == 0
    assert page.search_edit.hasFocus()
