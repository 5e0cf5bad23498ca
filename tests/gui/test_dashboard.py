"""The overview (Tổng quan): tiles, charts and lists from records made through the services,
click-through to the records behind a figure, and the upper unit's comparison of posts.

The post 00070 sits under CAT-HN; today is 22/11/2026.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPointF, Qt

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.reports.dashboard_models import ID_ROLE, ComparisonModel
from antt_desktop.gui.reports.dashboard_page import DashboardPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.activities import ActivityInput, record_activity
from antt_desktop.services.changes import Kind, of_kinds
from antt_desktop.services.context import Actor
from antt_desktop.services.dossier_records import (
    AssessmentInput,
    ViolationInput,
    add_violation,
    assess,
)
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.indicators import record_indicator
from antt_desktop.services.initiatives import InitiativeInput, add_initiative
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.pledges import record_pledge
from antt_desktop.services.units import add_area, add_unit
from tests.conftest import CHIEF

TODAY = date(2026, 11, 22)
# the offscreen platform warns that it cannot pass on size hints or raise a tooltip
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def person(ctx, name, unit_id=None):
    return add_person(ctx, PersonInput(full_name=name, born="1990"), unit_id=unit_id).person


def dossier(ctx, who, category, opened, classification=None):
    data = DossierInput(
        person_id=who.id, category_code=category, opened_on=opened, classification=classification
    )
    return open_dossier(ctx, data)


def households(ctx, area_name, count, signed, unit_id=None, prefix=""):
    area = add_area(ctx, name=area_name, unit_id=unit_id)
    for i in range(count):
        h = add_household(
            ctx,
            HouseholdInput(number=f"{prefix}{area_name[-3:]}-{i}", area_id=area.id),
            unit_id=unit_id,
        )
        if i < signed:
            record_pledge(
                ctx,
                h.id,
                2026,
                signed_on=date(2026, 3, 1),
                signer_name="Nguyễn Văn Hộ",
                officer_name="Lê Văn Hùng",
            )
    return area


def post_records(write):
    """Five managed persons, one overdue assessment, 5 of 6 households pledged, one
    initiative with two activities, crime tips 7 (2025) then 4 (2026), one re-offence."""
    with write() as ctx:
        an = person(ctx, "Nguyễn Văn An")
        d = dossier(ctx, an, "SUSPENDED", date(2026, 9, 10))
        assess(
            ctx,
            AssessmentInput(
                dossier_id=d.id,
                period="2026-09",
                written_on=date(2026, 10, 3),
                author="Thượng úy Lê Văn Hùng",
                content="Chấp hành tốt nghĩa vụ",
                rating="Chấp hành tốt",
            ),
        )
        dossier(ctx, person(ctx, "Trần Văn Bình"), "DRUG_USER", date(2026, 11, 1))
        dossier(ctx, person(ctx, "Phạm Thị Em"), "DRUG_USER", date(2026, 11, 5))
        dossier(ctx, person(ctx, "Lê Văn Cường"), "RELEASED", date(2026, 10, 1), "A")
        dung = person(ctx, "Hoàng Văn Dũng")
        released = dossier(ctx, dung, "RELEASED", date(2026, 10, 1), "B")
        add_violation(
            ctx,
            ViolationInput(
                person_id=dung.id,
                dossier_id=released.id,
                occurred_on=date(2026, 10, 20),
                kind="criminal",
                description="Trộm cắp tài sản",
                is_reoffence=True,
            ),
        )
        households(ctx, "Thôn Đông", 4, 3)
        households(ctx, "Thôn Tây", 2, 2)
        ini = add_initiative(
            ctx,
            InitiativeInput(
                name="Camera an ninh khu dân cư",
                type_code="BASE_SECURITY",
                launched_on="01/01/2026",
            ),
        )
        record_activity(
            ctx,
            ActivityInput(
                initiative_id=ini.id,
                held_on=date(2026, 10, 15),
                kind="meeting",
                participants=120,
                tips_of_value=3,
            ),
        )
        record_activity(
            ctx,
            ActivityInput(
                initiative_id=ini.id,
                held_on=date(2026, 6, 10),
                kind="weapon_collection",
                guns=1,
                bullets=5,
            ),
        )
        record_indicator(ctx, None, "2025", "crime_tips", 7)
        record_indicator(ctx, None, "2026", "crime_tips", 4)


@pytest.fixture
def app(db):
    return AppContext(db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: TODAY)


def open_page(qtbot, app):
    page = DashboardPage(app)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.data is not None and not page.loader.busy)
    return page


def tile(page, key):
    t = page.tiles.tiles[key]
    return t.value.text(), t.detail.text()


def test_tiles_show_the_posts_figures(qtbot, app, write):
    post_records(write)
    page = open_page(qtbot, app)
    assert page.heading.text() == "Tổng quan"
    assert tile(page, "managed") == ("5", "Trong tháng 11/2026: lập mới 2, kết thúc 0")
    assert tile(page, "due") == ("3", "Đã nhận xét 0")
    assert tile(page, "overdue") == ("1", "Đã quá hạn, cần nhận xét ngay")
    assert page.tiles.tiles["overdue"].alert
    assert page.tiles.tiles["managed"].alert is False
    assert tile(page, "coverage") == ("83,3%", "5/6 hộ đã ký cam kết")
    assert tile(page, "initiatives")[0] == "1"
    assert tile(page, "tips") == ("3", "Hòa giải 0 vụ việc")
    assert tile(page, "participants") == ("120", "qua 2 buổi tổ chức")
    assert tile(page, "weapons") == ("6", "Súng 1, đạn 5")
    assert not page.unit_box.isVisible()  # one post: nothing to choose
    assert not page.comparison.isVisible()


def test_figures_are_read_on_a_worker_while_the_page_says_loading(qtbot, app, write):
    post_records(write)
    page = DashboardPage(app)
    qtbot.addWidget(page)
    # the result comes back by a queued signal: nothing is shown before the event loop runs
    assert page.loader.busy
    assert page.status.text() == "Đang tải…"
    assert page.tiles.tiles["managed"].value.text() == "…"
    with qtbot.waitSignal(page.loader.loaded, timeout=10_000):
        pass
    assert page.status.text() == ""
    assert tile(page, "managed")[0] == "5"


def test_overdue_list_names_person_category_period_and_due_date(qtbot, app, write, qtmodeltester):
    post_records(write)
    page = open_page(qtbot, app)
    model = page.overdue.model
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == ["Nguyễn Văn An", "Người được hưởng án treo", "Tháng 10/2026", "05/11/2026", "17"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == [
        "Đối tượng",
        "Nhóm đối tượng",
        "Kỳ nhận xét",
        "Hạn nhận xét",
        "Số ngày quá hạn",
    ]
    with qtbot.waitSignal(page.navigate) as sent:
        rect = page.overdue.view.visualRect(model.index(0, 0))
        qtbot.mouseClick(page.overdue.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page_key, filters = sent.args
    assert page_key == "dossiers"
    assert filters["dossier_id"] == model.index(0, 0).data(ID_ROLE)
    qtmodeltester.check(model)


def test_a_post_without_records_shows_zeros_and_no_alert(qtbot, app):
    page = open_page(qtbot, app)
    assert tile(page, "managed")[0] == "0"
    assert tile(page, "overdue") == ("0", "Không có kỳ nào quá hạn")
    assert not page.tiles.tiles["overdue"].alert
    assert tile(page, "coverage")[0] == "—"
    assert page.overdue.empty.isVisible()
    assert page.overdue.empty.text() == "Không có kỳ nhận xét, đánh giá nào quá hạn."


def test_clicking_the_category_bar_opens_that_categorys_dossiers(qtbot, app, write):
    post_records(write)
    page = open_page(qtbot, app)
    chart = page.category_chart
    labels = chart.chart().axes(Qt.Orientation.Vertical)[0].categories()
    # catalogue order from the top: released, suspended, drug users (the chart holds them
    # bottom-up)
    assert [text.rsplit(" (", 1)[1] for text in labels] == ["2)", "1)", "2)"]
    assert chart.label_tip(0).startswith("Người sử dụng trái phép")  # whole in its tooltip
    series = chart.chart().series()[0]
    # DRUG_USER is the last category in catalogue order: drawn at the bottom (position 0)
    point = chart.chart().mapToPosition(QPointF(1.0, 0.0), series)
    with qtbot.waitSignal(page.navigate) as sent:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.mapFromScene(point))
    assert sent.args == ["dossiers", {"category": "DRUG_USER"}]


def test_clicking_a_tile_or_an_area_bar_leads_to_the_records(qtbot, app, write):
    post_records(write)
    page = open_page(qtbot, app)
    with qtbot.waitSignal(page.navigate) as sent:
        qtbot.mouseClick(page.tiles.tiles["overdue"], Qt.MouseButton.LeftButton)
    assert sent.args == ["dossiers", {"assessment": "overdue"}]
    page.tiles.tiles["coverage"].setFocus()
    with qtbot.waitSignal(page.navigate) as sent:
        qtbot.keyClick(page.tiles.tiles["coverage"], Qt.Key.Key_Return)
    assert sent.args == ["households", {"year": 2026}]
    assert page.coverage_chart.bars.count() == 2  # Thôn Đông 75%, Thôn Tây 100%
    with qtbot.waitSignal(page.navigate) as sent:
        page.coverage_chart.bars.clicked.emit(1)  # drawn bottom-up: Thôn Đông
    page_key, filters = sent.args
    assert page_key == "households" and filters["year"] == 2026 and filters["area_id"]


def test_refresh_recomputes_after_a_change(qtbot, app, write):
    post_records(write)
    page = open_page(qtbot, app)
    page.refresh(of_kinds(Kind.ACCOUNT))  # nothing the overview shows
    assert not page.loader.busy
    with app.write() as ctx:  # announces what it wrote, as every change in the window does
        dossier(ctx, person(ctx, "Đỗ Văn Phúc"), "WANTED", date(2026, 11, 10))
    qtbot.waitUntil(lambda: tile(page, "managed")[0] == "6")


def test_language_switch_re_renders_without_reading_again(qtbot, app, write):
    post_records(write)
    page = open_page(qtbot, app)
    app.tr = Translator("en")
    app.changes.language_changed.emit()
    assert not page.loader.busy
    assert page.heading.text() == "Overview"
    assert tile(page, "coverage") == ("83.3%", "5 of 6 households signed")
    assert page.tiles.tiles["overdue"].caption.text() == "Overdue assessments"


# --- the upper unit: posts side by side ----------------------------------------------------


def second_post(write):
    """Post 00071 under CAT-HN: a dossier with three overdue months, one unsigned household."""
    with write(CHIEF) as ctx:
        q = add_unit(
            ctx,
            code="00071",
            name="Công an phường Ba Đình",
            parent_id=ctx.unit_by_code("CAT-HN").id,
        )
        who = person(ctx, "Vũ Văn Giang", unit_id=q.id)
        dossier(ctx, who, "SUSPENDED", date(2026, 8, 1))
        households(ctx, "Tổ dân phố 5", 1, 0, unit_id=q.id, prefix="B")
        return q.id


def comparison_rows(model):
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_upper_unit_compares_its_posts(qtbot, app, write, qtmodeltester):
    post_records(write)
    q = second_post(write)
    page = open_page(qtbot, app)
    assert page.comparison.isVisible()
    assert page.unit_box.isVisible()
    assert page.unit_box.currentText() == "Tất cả các đơn vị"
    assert page.subtitle.text().startswith("Công an thành phố Hà Nội")
    assert tile(page, "managed")[0] == "6"  # both posts together
    assert tile(page, "overdue")[0] == "4"
    model = page.comparison.model
    qtmodeltester.check(model)
    assert comparison_rows(model) == [
        # the year's assessments owed (through December) and those already overdue
        ["Phường Ba Đình", "1", "5", "3", "0/1 = 0,0%", "0", "0", "0", "0"],
        ["Phường Hoàn Kiếm", "5", "10", "1", "5/6 = 83,3%", "1", "2", "3", "6"],
    ]
    # sort by overdue, most first, as the officer clicks the header twice
    page.comparison.table.sortByColumn(ComparisonModel.COL_OVERDUE, Qt.SortOrder.DescendingOrder)
    assert [(r[0], r[3]) for r in comparison_rows(model)] == [
        ("Phường Ba Đình", "3"),
        ("Phường Hoàn Kiếm", "1"),
    ]
    # the grouped chart follows the table (the chart draws its first category at the bottom)
    axis = page.comparison.chart.chart().axes(Qt.Orientation.Vertical)[0]
    assert axis.categories()[::-1] == ["Phường Ba Đình", "Phường Hoàn Kiếm"]
    page.comparison.table.sortByColumn(ComparisonModel.COL_COVERAGE, Qt.SortOrder.DescendingOrder)
    assert [r[4] for r in comparison_rows(model)] == ["5/6 = 83,3%", "0/1 = 0,0%"]
    qtmodeltester.check(model)
    assert page.comparison.chart.counts.count() == 2
    # choosing a post in the table shows that post alone
    rect = page.comparison.table.visualRect(model.index(1, 0))
    qtbot.mouseClick(page.comparison.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.data.unit.id == q and not page.loader.busy)
    assert page.unit_box.currentText() == "Công an phường Ba Đình (00071)"
    assert tile(page, "overdue")[0] == "3"
    assert page.comparison.model.rowCount() == 2  # the comparison stays in view
    with qtbot.waitSignal(page.navigate) as sent:
        qtbot.mouseClick(page.tiles.tiles["managed"], Qt.MouseButton.LeftButton)
    assert sent.args == ["dossiers", {"status": "open", "unit_id": q}]
