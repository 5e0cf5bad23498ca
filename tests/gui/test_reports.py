"""The reports page (Báo cáo): choose a period and a unit, read the report, export its CSV.

Records are made through the services in the post 00070 (under CAT-HN); today is 22/11/2026.
"""

from __future__ import annotations

import csv
from datetime import date

import pytest
from PySide6.QtCore import Qt

from antt_desktop.domain.periods import Period
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.reports.page import ReportsPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Actor
from antt_desktop.services.dossier_records import ViolationInput, add_violation
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.indicators import record_indicator
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.pledges import record_pledge
from antt_desktop.services.units import add_area, add_unit
from tests.conftest import CHIEF

TODAY = date(2026, 11, 22)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def released(ctx, name, classification, unit_id=None):
    who = add_person(ctx, PersonInput(full_name=name, born="1985"), unit_id=unit_id).person
    data = DossierInput(
        person_id=who.id,
        category_code="RELEASED",
        opened_on=date(2026, 2, 1),
        classification=classification,
    )
    return who, open_dossier(ctx, data)


@pytest.fixture
def records(write):
    """Seven released persons (two re-offend this year), 3 of 4 households pledged for 2026,
    crime tips 7 in 2025 and 4 in 2026."""
    with write() as ctx:
        people = [
            released(ctx, f"Lê Văn Hải {i}", cls)
            for i, cls in enumerate(["A", "A", "A", "B", "B", "C", "D"])
        ]
        for who, d in people[:2]:
            add_violation(
                ctx,
                ViolationInput(
                    person_id=who.id,
                    dossier_id=d.id,
                    occurred_on=date(2026, 9, 12),
                    kind="criminal",
                    description="Trộm cắp tài sản",
                    is_reoffence=True,
                ),
            )
        area = add_area(ctx, name="Thôn Đoài")
        for i in range(4):
            h = add_household(ctx, HouseholdInput(number=f"D-{i}", area_id=area.id))
            if i < 3:
                record_pledge(
                    ctx,
                    h.id,
                    2026,
                    signed_on=date(2026, 2, 20),
                    signer_name="Nguyễn Văn Hộ",
                    officer_name="Lê Văn Hùng",
                )
        record_indicator(ctx, None, "2025", "crime_tips", 7)
        record_indicator(ctx, None, "2026", "crime_tips", 4)


@pytest.fixture
def app(db):
    return AppContext(db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: TODAY)


@pytest.fixture
def page(qtbot, app):
    widget = ReportsPage(app)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def wait_report(qtbot, page):
    qtbot.waitUntil(lambda: page.report is not None and not page.loader.busy)
    return page.browser.toPlainText()


def test_the_years_report_states_before_after_and_reoffence(qtbot, records, page):
    assert page.heading.text() == "Báo cáo"
    page.open_first_record()
    text = wait_report(qtbot, page)
    assert "BÁO CÁO SỐ LIỆU" in text
    assert "Kỳ báo cáo: Năm 2026" in text
    assert "Đơn vị: Công an phường Hoàn Kiếm" in text
    assert "(Số liệu tính đến ngày 22/11/2026)" in text
    assert "giảm 42,9% (4/7)" in text
    assert "Tin báo, tố giác về tội phạm" in text
    assert "2/7 = 28,6%" in text  # re-offence among released persons
    assert "3/4 = 75,0%" in text  # pledge coverage
    # the outline of the printed report: parts I–V, the figures numbered under part II
    for heading in (
        "I. TÌNH HÌNH AN NINH, TRẬT TỰ",
        "II. KẾT QUẢ CÔNG TÁC",
        "1. Đối tượng quản lý",
        "2. Nhận xét, đánh giá",
        "3. Phân loại người chấp hành xong án phạt tù",
        "4. Tỷ lệ tái phạm của người chấp hành xong án phạt tù",
        "5. Cam kết của hộ gia đình",
        "So sánh với kỳ trước",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
    ):
        assert heading in text
    assert text.count("Chưa viết: bản in để trống các dòng chấm") == 4  # II has its figures
    sections = {s.key: s for s in page.report.sections}
    classes = {line.label: line.value.text for line in sections["classification"].lines}
    assert classes["Loại A"] == "3" and classes["Loại D"] == "1"
    managed = sections["managed"].table
    assert managed.rows[0][0].text.startswith("Người chấp hành xong án phạt tù")
    assert [v.text for v in managed.rows[0][1:]] == ["7", "7", "0"]  # at the end, opened, closed


def test_choosing_a_quarter_with_the_controls(qtbot, records, page):
    chooser = page.period
    chooser.kind_box.setCurrentIndex(chooser.kind_box.findData("quarter"))
    chooser.index_box.setCurrentIndex(2)  # quý III
    chooser.year_box.setValue(2026)
    assert chooser.index_box.currentText() == "Quý III"
    assert not page.export_button.isEnabled()
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Đang tải…"  # computed on the worker meanwhile
    assert not page.show_button.isEnabled()
    text = wait_report(qtbot, page)
    assert page.status.text() == ""
    assert chooser.period() == Period("quarter", 2026, 3)
    assert "Kỳ báo cáo: Quý III/2026" in text
    assert "2/7 = 28,6%" in text  # both re-offences fall in September
    assert "SO SÁNH VỚI KỲ TRƯỚC" not in text  # no quarterly counts recorded
    assert page.export_button.isEnabled()


def test_export_csv_writes_the_figures_with_vietnamese_headers(qtbot, records, page, tmp_path):
    page.show_report(Period("year", 2026, 1))
    wait_report(qtbot, page)
    assert page.suggested_file_name() == "bao-cao-nam-2026-00070.csv"
    target = page.export_csv(tmp_path / "bao-cao.csv")
    assert target == tmp_path / "bao-cao.csv"
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["Mục", "Chỉ tiêu", "Số liệu"]
    assert ["Thông tin chung", "Đơn vị", "Công an phường Hoàn Kiếm"] in rows
    assert ["Thông tin chung", "Kỳ báo cáo", "Năm 2026"] in rows
    assert [
        "Đối tượng quản lý",
        "Số người đang quản lý (mỗi người tính một lần)",
        "7",
    ] in rows
    reoffence = "Tỷ lệ tái phạm của người chấp hành xong án phạt tù"
    assert [reoffence, reoffence, "2/7 = 28,6%"] in rows
    assert ["Cam kết của hộ gia đình", "Tỷ lệ hộ ký cam kết", "3/4 = 75,0%"] in rows
    before_after = [r for r in rows if r[0] == "So sánh với kỳ trước"]
    assert before_after == [
        ["So sánh với kỳ trước", "Tin báo, tố giác về tội phạm — Năm 2025", "7"],
        ["So sánh với kỳ trước", "Tin báo, tố giác về tội phạm — Năm 2026", "4"],
        ["So sánh với kỳ trước", "Tin báo, tố giác về tội phạm — Tăng, giảm", "giảm 42,9% (4/7)"],
    ]
    assert "Đã lưu vào" in page.status.text()


def test_nothing_to_export_before_a_report(page, tmp_path):
    assert page.export_csv(tmp_path / "x.csv") is None
    assert not (tmp_path / "x.csv").exists()
    assert "Xem báo cáo" in page.browser.toPlainText()


def test_english_re_renders_the_report(qtbot, records, page, app):
    page.open_first_record()
    wait_report(qtbot, page)
    app.tr = Translator("en")
    app.changes.language_changed.emit()
    text = page.browser.toPlainText()
    assert "REPORT OF FIGURES" in text
    assert "down 42.9% (4/7)" in text
    assert page.show_button.text() == "&Show report"


def test_upper_unit_reports_all_posts_side_by_side(qtbot, records, write, app):
    with write(CHIEF) as ctx:
        q = add_unit(
            ctx,
            code="00071",
            name="Công an phường Ba Đình",
            parent_id=ctx.unit_by_code("CAT-HN").id,
        )
        released(ctx, "Vũ Văn Giang", "A", unit_id=q.id)
    page = ReportsPage(app)
    qtbot.addWidget(page)
    units = [page.unit_box.itemText(i) for i in range(page.unit_box.count())]
    assert units == [
        "Tất cả các đơn vị (Công an thành phố Hà Nội)",
        "Công an phường Hoàn Kiếm (00070)",
        "Công an phường Ba Đình (00071)",
    ]
    page.open_first_record()
    text = wait_report(qtbot, page)
    assert "2/8 = 25,0%" in text  # re-offence over both posts
    assert "So sánh giữa các đơn vị" in text
    table = {s.key: s for s in page.report.sections}["compare_units"].table
    assert [row[0].text for row in table.rows] == [
        "Công an phường Hoàn Kiếm",
        "Công an phường Ba Đình",
    ]
    assert [row[1].text for row in table.rows] == ["7", "1"]  # persons under management
    page.show_report(Period("year", 2026, 1), q.id)
    text = wait_report(qtbot, page)
    assert "Đơn vị: Công an phường Ba Đình" in text
    assert "0/1 = 0,0%" in text  # its one released person has not re-offended
