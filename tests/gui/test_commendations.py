"""The commendation page: one decision recorded for many recipients, all or nothing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.initiatives.commendation_model import CommendationListModel
from antt_desktop.gui.initiatives.commendations_page import CommendationsPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import teams
from antt_desktop.services.changes import Kind, of_kinds
from antt_desktop.services.commendations import CommendationInput, add_commendation
from antt_desktop.services.context import Actor
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import Commendation

# The offscreen platform of the tests warns that it cannot resize windows to their layouts.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def app(db):
    return AppContext(
        db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: date(2026, 11, 22)
    )


@pytest.fixture
def page(qtbot, app):
    page = CommendationsPage(app)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


@pytest.fixture
def recipients(write):
    with write() as ctx:
        person = add_person(ctx, PersonInput(full_name="Nguyễn Minh Hưng", born="1979")).person
        team = teams.add_team(ctx, "grassroots_security", "Tổ bảo vệ ANTT tổ dân phố số 4")
        return person.id, team.id


def _count(read):
    with read() as ctx:
        return ctx.session.execute(select(func.count(Commendation.id))).scalar()


def _column(page, column):
    model = page.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _fill_decision(qtbot, ui):
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("giay_khen"))
    ui.issuerEdit.insert("Chủ tịch UBND phường Hoàn Kiếm")
    ui.decisionNumberEdit.insert("107/QĐ-UBND")
    qtbot.keyClicks(ui.decisionDateEdit, "26/01/2026")
    ui.achievementEdit.setPlainText("Đã có thành tích xuất sắc trong phong trào TDBVANTQ năm 2025")


def _add_person(qtbot, dialog, text):
    ui = dialog.ui
    ui.recipientKindCombo.setCurrentIndex(ui.recipientKindCombo.findData("person"))
    qtbot.keyClicks(dialog.chooser.person.edit, text)
    qtbot.waitUntil(lambda: dialog.chooser.person.results.count() == 1)
    qtbot.keyClick(dialog.chooser.person.edit, Qt.Key.Key_Return)
    ui.addRowButton.click()


def test_record_one_decision_for_two_recipients(qtbot, page, read, recipients):
    person, team = recipients
    page.new_record()
    dialog = page.dialog
    ui = dialog.ui
    _fill_decision(qtbot, ui)
    _add_person(qtbot, dialog, "minh hung")
    ui.goldenBookEdit.insert("561")
    ui.recipientKindCombo.setCurrentIndex(ui.recipientKindCombo.findData("team"))
    dialog.chooser.team.setCurrentIndex(dialog.chooser.team.findData(team))
    ui.rowAchievementEdit.insert("Hoàn thành xuất sắc nhiệm vụ năm 2025")
    ui.addRowButton.click()
    assert ui.recipientsTable.rowCount() == 2
    assert ui.recipientsTable.item(0, 1).text() == "Nguyễn Minh Hưng"
    assert ui.recipientsTable.item(1, 4).text() == "có"
    dialog.try_save()
    assert not dialog.isVisible()

    qtbot.waitUntil(lambda: page.stack.currentIndex() == 1)
    view = page.view
    assert view.title.text() == "Quyết định số 107/QĐ-UBND ngày 26/01/2026"
    names = [view.recipients.item(r, 0).text() for r in range(view.recipients.rowCount())]
    assert names == ["Tổ bảo vệ ANTT tổ dân phố số 4", "Nguyễn Minh Hưng"]
    page.show_list()
    assert _column(page, 0) == ["107/QĐ-UBND"]
    assert _column(page, 2) == ["giấy khen"]
    assert _column(page, 4) == ["2"]
    with read() as ctx:
        rows = ctx.session.execute(select(Commendation).order_by(Commendation.recipient_kind))
        saved = [(c.recipient_kind, c.recipient_id, c.achievement) for c in rows.scalars()]
    assert saved == [
        ("person", person, "Đã có thành tích xuất sắc trong phong trào TDBVANTQ năm 2025"),
        ("team", team, "Hoàn thành xuất sắc nhiệm vụ năm 2025"),
    ]


def test_a_problem_on_one_line_saves_nothing_and_names_the_line(
    qtbot, page, write, read, recipients
):
    person, _team = recipients
    with write() as ctx:
        add_commendation(
            ctx,
            CommendationInput(
                kind="giay_khen",
                issuer="Chủ tịch UBND phường Hoàn Kiếm",
                decision_number="107/QĐ-UBND",
                decision_date="26/01/2026",
                recipient_kind="person",
                recipient_id=person,
                achievement="Đã có thành tích",
            ),
        )
    before = _count(read)
    page.new_record()
    dialog = page.dialog
    ui = dialog.ui
    _fill_decision(qtbot, ui)
    ui.recipientKindCombo.setCurrentIndex(ui.recipientKindCombo.findData("text"))
    dialog.chooser.text.insert("Chi đoàn thanh niên tổ dân phố số 3")
    ui.collectiveCheck.setChecked(True)
    ui.addRowButton.click()
    _add_person(qtbot, dialog, "minh hung")  # already commended by this decision
    qtbot.waitUntil(lambda: ui.rowProblemLabel.isVisible())
    assert ui.rowProblemLabel.text() == (
        "✖ Dòng 2 (Nguyễn Minh Hưng): Đối tượng được khen thưởng: Nguyễn Minh Hưng"
        " đã được khen thưởng theo quyết định số 107/QĐ-UBND"
    )
    dialog.try_save()
    assert dialog.isVisible()
    assert ui.recipientsTable.item(1, 0).background().color().name() == "#fde7e7"
    assert _count(read) == before

    ui.recipientsTable.selectRow(1)
    ui.removeRowButton.click()
    qtbot.waitUntil(lambda: not ui.rowProblemLabel.isVisible())
    dialog.try_save()
    assert not dialog.isVisible()
    assert _count(read) == before + 1


def test_lines_are_checked_while_another_change_is_being_saved(qtbot, page, write, db, recipients):
    """Checking the list only reads: a change saving meanwhile (an import on the worker
    thread) does not hold up the officer, nor make the check fail."""
    person, _team = recipients
    with write() as ctx:
        add_commendation(
            ctx,
            CommendationInput(
                kind="giay_khen",
                issuer="Chủ tịch UBND phường Hoàn Kiếm",
                decision_number="107/QĐ-UBND",
                decision_date="26/01/2026",
                recipient_kind="person",
                recipient_id=person,
                achievement="Đã có thành tích",
            ),
        )
    page.new_record()
    dialog = page.dialog
    _fill_decision(qtbot, dialog.ui)
    with db.write() as session:
        session.connection()  # the write lock is held from here on
        _add_person(qtbot, dialog, "minh hung")
        dialog.validate_now()
        assert dialog.ui.rowProblemLabel.text() == (
            "✖ Dòng 1 (Nguyễn Minh Hưng): Đối tượng được khen thưởng: Nguyễn Minh Hưng"
            " đã được khen thưởng theo quyết định số 107/QĐ-UBND"
        )


def test_a_decision_without_recipients_is_refused(qtbot, page, read):
    page.new_record()
    dialog = page.dialog
    _fill_decision(qtbot, dialog.ui)
    dialog.try_save()
    assert dialog.isVisible()
    assert dialog.problem_text() == "Danh sách được khen thưởng: không được để trống"
    assert _count(read) == 0


def test_filters_and_search_by_recipient(qtbot, page, write, recipients):
    person, team = recipients
    for number, day, kind, who in (
        ("28/QĐ-UBND", "26/01/2025", "giay_khen", ("person", person)),
        ("1442/QĐ-UBND", "20/02/2026", "bang_khen", ("team", team)),
    ):
        with write() as ctx:
            add_commendation(
                ctx,
                CommendationInput(
                    kind=kind,
                    issuer="Chủ tịch UBND thành phố Hà Nội",
                    decision_number=number,
                    decision_date=day,
                    recipient_kind=who[0],
                    recipient_id=who[1],
                    achievement="Thành tích xuất sắc",
                ),
            )
    page.refresh(of_kinds(Kind.COMMENDATION))
    assert _column(page, 0) == ["1442/QĐ-UBND", "28/QĐ-UBND"]  # the latest first
    page.year_combo.setCurrentIndex(page.year_combo.findData(2025))
    assert _column(page, 0) == ["28/QĐ-UBND"]
    page.year_combo.setCurrentIndex(0)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("bang_khen"))
    assert _column(page, 0) == ["1442/QĐ-UBND"]
    page.kind_combo.setCurrentIndex(0)
    qtbot.keyClicks(page.search_edit, "minh hung")
    qtbot.waitUntil(lambda: _column(page, 0) == ["28/QĐ-UBND"])


def test_commendation_list_model_passes_the_model_tester(qtmodeltester, app, write, recipients):
    person, _team = recipients
    for n in range(3):
        with write() as ctx:
            add_commendation(
                ctx,
                CommendationInput(
                    kind="giay_khen",
                    issuer="Giám đốc Công an thành phố Hà Nội",
                    decision_number=f"{n + 1}/QĐ-CAT",
                    decision_date="22/01/2026",
                    recipient_kind="person",
                    recipient_id=person,
                    achievement="Thành tích",
                ),
            )
    model = CommendationListModel(app)
    model.reload()
    qtmodeltester.check(model)
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_the_signer_and_each_recipients_position_are_recorded_for_the_certificate(
    qtbot, page, read, recipients
):
    page.new_record()
    dialog = page.dialog
    ui = dialog.ui
    _fill_decision(qtbot, ui)
    assert dialog.signer_label.text() == "Họ tên ngườ&i ký:"
    dialog.signer_edit.insert("Đại tá Phạm Văn Hùng")
    dialog.position_edit.insert("Tổ trưởng Tổ bảo vệ ANTT tổ dân phố số 4")
    _add_person(qtbot, dialog, "minh hung")
    assert dialog.position_edit.text() == ""  # cleared for the next recipient
    assert ui.recipientsTable.item(0, 1).text() == (
        "Nguyễn Minh Hưng\nTổ trưởng Tổ bảo vệ ANTT tổ dân phố số 4"
    )
    dialog.try_save()
    assert not dialog.isVisible()
    with read() as ctx:
        [saved] = ctx.session.execute(select(Commendation)).scalars()
        assert (saved.signer_name, saved.recipient_position) == (
            "Đại tá Phạm Văn Hùng",
            "Tổ trưởng Tổ bảo vệ ANTT tổ dân phố số 4",
        )
