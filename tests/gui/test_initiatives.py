"""The initiative page: adding an initiative with its funding, recording activities and
scoring evaluations, as an officer does it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.initiatives.model import InitiativeListModel
from antt_desktop.gui.initiatives.page import InitiativesPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import initiatives, units
from antt_desktop.services.commendations import CommendationInput, add_commendation
from antt_desktop.services.context import Actor
from antt_desktop.services.initiative_lines import FundingLine
from antt_desktop.store.models import Activity, Evaluation, Initiative

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
        return units.add_area(ctx, name="Tổ dân phố số 4", kind="to_dan_pho").id


def _initiative(write, name="Camera giám sát ANTT", type_code="CAMERA", launched="15/03/2024"):
    with write() as ctx:
        data = initiatives.InitiativeInput(
            name=name,
            type_code=type_code,
            launched_on=launched,
            funding=[FundingLine(1_500_000_000, "community", None)],
        )
        return initiatives.add_initiative(ctx, data).id


@pytest.fixture
def page(qtbot, app):
    page = InitiativesPage(app)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def _column(page, column):
    model = page.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _save(dialog):
    dialog.try_save()
    assert dialog.problem_text() == ""
    assert not dialog.isVisible()


def test_add_an_initiative_with_its_funding(qtbot, page, area, read):
    page.new_record()
    dialog = page.dialog
    ui = dialog.ui
    ui.nameEdit.insert("Camera giám sát an ninh tổ dân phố số 4")
    ui.typeCombo.setCurrentIndex(ui.typeCombo.findData("CAMERA"))
    qtbot.keyClicks(ui.launchedEdit, "01/06/2025")
    ui.areasList.item(0).setCheckState(Qt.CheckState.Checked)
    ui.addFundingButton.click()
    ui.fundingTable.item(0, 0).setText("1.500.000.000")
    ui.addAssetButton.click()
    ui.assetsTable.item(0, 0).setText("Camera")
    ui.assetsTable.item(0, 1).setText("372")
    _save(dialog)

    qtbot.waitUntil(lambda: page.stack.currentIndex() == 1)
    view = page.view
    assert view.title.text() == "Camera giám sát an ninh tổ dân phố số 4"
    assert view.info_labels["areas"][1].text() == "Tổ dân phố số 4"
    assert view.funding.item(0, 0).text() == "Xã hội hóa"
    assert view.funding.item(0, 1).text() == "1.500.000.000 ₫"
    assert view.funding_total.text() == "Tổng kinh phí: 1.500.000.000 ₫"
    assert (view.assets.item(0, 0).text(), view.assets.item(0, 1).text()) == ("Camera", "372")
    page.show_list()
    assert _column(page, 0) == ["Camera giám sát an ninh tổ dân phố số 4"]
    assert _column(page, 2) == ["Đang hoạt động"]
    with read() as ctx:
        assert ctx.session.execute(select(func.count(Initiative.id))).scalar() == 1


def test_a_missing_type_is_named_while_typing_and_nothing_is_saved(qtbot, page, read):
    page.new_record()
    dialog = page.dialog
    dialog.ui.nameEdit.insert("Tổ tự quản")
    qtbot.keyClicks(dialog.ui.launchedEdit, "01/06/2025")
    dialog.validate_now()
    assert dialog.problem_text() == ""  # the type was not touched yet
    dialog.try_save()
    assert dialog.isVisible()
    assert "Loại mô hình: không được để trống" in dialog.problem_text()
    assert dialog.field_problem("type_code").endswith("không được để trống")
    with read() as ctx:
        assert ctx.session.execute(select(func.count(Initiative.id))).scalar() == 0


def test_record_an_activity_and_see_the_totals(qtbot, page, write, read):
    ident = _initiative(write, name="Tổ tự quản ANTT")
    page.model.reload()
    assert _column(page, 5) == ["0"]
    page.open_first_record()
    view = page.view
    view.activity_button.click()
    dialog = view.dialog
    assert view.tabs.currentWidget() is view.activities_tab
    ui = dialog.ui
    ui.heldOnEdit.clear()
    qtbot.keyClicks(ui.heldOnEdit, "10/03/2024")  # before the launch
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("weapon_collection"))
    qtbot.waitUntil(lambda: dialog.field_problem("held_on") != "")
    assert dialog.problem_text() == (
        "Ngày thực hiện: ngày 10/03/2024 trước ngày triển khai mô hình (15/03/2024)"
    )
    dialog.try_save()
    assert dialog.isVisible()
    with read() as ctx:
        assert ctx.session.execute(select(func.count(Activity.id))).scalar() == 0
    ui.heldOnEdit.clear()
    qtbot.keyClicks(ui.heldOnEdit, "12/10/2026")
    ui.participantsSpin.setValue(120)
    ui.gunsSpin.setValue(2)
    ui.bulletsSpin.setValue(30)
    ui.notesEdit.setPlainText("Vận động nhân dân giao nộp vũ khí")
    qtbot.waitUntil(lambda: dialog.problem_text() == "")
    _save(dialog)

    tab = view.activities_tab
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    assert tab.summary.text() == (
        "Từ khi triển khai: 1 hoạt động, 120 lượt người tham gia; Súng: 2, Đạn: 30"
    )
    assert tab.table.item(0, 0).text() == "12/10/2026"
    assert tab.table.item(0, 3).text() == "Súng: 2, Đạn: 30"
    qtbot.waitUntil(lambda: _column(page, 5) == ["1"])
    with read() as ctx:
        activity = ctx.session.execute(select(Activity)).scalar_one()
        assert (activity.initiative_id, activity.guns, activity.participants) == (ident, 2, 120)


def test_problems_show_as_the_officer_types_while_another_change_is_being_saved(
    qtbot, page, write, db
):
    """Checking what is typed only reads: an import saving on the worker thread holds the
    database for writing, and the editors still name each problem at once (they used to
    wait for the write lock on the window's thread, then fail with "database is locked")."""
    _initiative(write, name="Tổ tự quản ANTT")
    page.model.reload()
    page.open_first_record()
    view = page.view
    view.activity_button.click()
    activity = view.dialog
    activity.ui.kindCombo.setCurrentIndex(activity.ui.kindCombo.findData("meeting"))
    with db.write() as session:
        session.connection()  # BEGIN IMMEDIATE: the write lock is held from here on
        activity.ui.heldOnEdit.clear()
        qtbot.keyClicks(activity.ui.heldOnEdit, "10/03/2024")
        activity.validate_now()
        assert activity.field_problem("held_on") == (
            "✖ ngày 10/03/2024 trước ngày triển khai mô hình (15/03/2024)"
        )


def test_the_scoring_dialog_checks_while_another_change_is_being_saved(qtbot, page, write, db):
    _initiative(write)
    page.model.reload()
    page.open_first_record()
    page.view.evaluate_button.click()
    scoring = page.view.dialog
    with db.write() as session:
        session.connection()  # the write lock is held from here on
        qtbot.keyClicks(scoring.ui.decisionDateEdit, "01/01/2026")
        scoring.ui.evaluatedOnEdit.clear()
        qtbot.keyClicks(scoring.ui.evaluatedOnEdit, "20/03/2026")
        scoring.validate_now()
        assert scoring.problem_text() == (
            "Ngày ban hành quyết định: ngày 01/01/2026 trước ngày chấm điểm, đánh giá (20/03/2026)"
        )


def test_the_initiative_editor_checks_while_another_change_is_being_saved(qtbot, page, write, db):
    _initiative(write, name="Camera giám sát ANTT")
    page.model.reload()
    page.new_record()
    dialog = page.dialog
    with db.write() as session:
        session.connection()  # the write lock is held from here on
        qtbot.keyClicks(dialog.ui.nameEdit, "camera giam sat antt")
        dialog.validate_now()
        assert dialog.problem_text() == (
            "Tên: đơn vị đã có mô hình mang tên 'camera giam sat antt'"
        )


def test_score_an_evaluation_live_and_see_98_of_110(qtbot, page, write, read):
    _initiative(write)
    page.model.reload()
    page.open_first_record()
    view = page.view
    view.evaluate_button.click()
    dialog = view.dialog
    ui = dialog.ui
    assert ui.rubricCombo.currentData() == "ANCS_2021"
    assert ui.totalLabel.text() == "0/110"
    assert ui.resultLabel.text() == "Chưa đạt chuẩn (mức đạt 80 điểm)"
    points = {"leadership": 20, "propaganda": 15, "forces": 15, "crime": 23, "management": 15}
    for code, value in points.items():
        spin = dialog.spins[code]
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin, str(value))
    assert ui.totalLabel.text() == "88/110"
    qtbot.keyClicks(dialog.spins["results"], "10")
    assert ui.totalLabel.text() == "98/110"
    assert ui.resultLabel.text() == "Đạt chuẩn (mức đạt 80 điểm)"
    qtbot.keyClicks(ui.decisionNumberEdit, "844/QD-UBND")
    qtbot.keyClicks(ui.decisionDateEdit, "01/04/2026")
    ui.evaluatedOnEdit.clear()
    qtbot.keyClicks(ui.evaluatedOnEdit, "20/03/2026")
    qtbot.waitUntil(lambda: dialog.problem_text() == "")
    _save(dialog)

    tab = view.evaluations_tab
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    assert tab.table.item(0, 1).text() == "98/110"
    assert tab.table.item(0, 2).text() == "đạt chuẩn"
    assert tab.summary.text() == "Lần đánh giá gần nhất: 98/110 điểm ngày 20/03/2026, đạt chuẩn"
    with read() as ctx:
        saved = ctx.session.execute(select(Evaluation)).scalar_one()
        assert (saved.total, saved.max_total, saved.meets_standard) == (98, 110, True)


def test_the_commendations_tab_lists_the_initiatives_commendations(qtbot, page, write):
    ident = _initiative(write)
    with write() as ctx:
        add_commendation(
            ctx,
            CommendationInput(
                kind="giay_khen",
                issuer="Chủ tịch UBND phường Hoàn Kiếm",
                decision_number="28/QĐ-UBND",
                decision_date="26/01/2026",
                recipient_kind="initiative",
                recipient_id=ident,
                achievement="Thành tích xuất sắc trong phong trào TDBVANTQ",
            ),
        )
    page.model.reload()
    page.open_record(ident)
    table = page.view.commendations_tab.table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(3)] == ["28/QĐ-UBND", "26/01/2026", "giấy khen"]


def test_search_and_filters_narrow_the_list(qtbot, page, write):
    _initiative(write, name="Camera giám sát ANTT")
    _initiative(write, name="Tổ liên gia an toàn PCCC", type_code="FIRE_WATCH")
    page.model.reload()
    assert _column(page, 0) == ["Camera giám sát ANTT", "Tổ liên gia an toàn PCCC"]
    qtbot.keyClicks(page.search_edit, "lien gia")
    qtbot.waitUntil(lambda: _column(page, 0) == ["Tổ liên gia an toàn PCCC"])
    page.search_edit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.type_combo.setCurrentIndex(page.type_combo.findData("CAMERA"))
    assert _column(page, 0) == ["Camera giám sát ANTT"]
    page.status_combo.setCurrentIndex(page.status_combo.findData("ended"))
    assert page.model.rowCount() == 0


def test_initiative_list_model_passes_the_model_tester(qtmodeltester, app, write, area):
    for n in range(3):
        _initiative(write, name=f"Mô hình số {n}")
    model = InitiativeListModel(app)
    model.reload()
    qtmodeltester.check(model)
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.DescendingOrder)
        assert model.rowCount() == 3
    qtmodeltester.check(model)
