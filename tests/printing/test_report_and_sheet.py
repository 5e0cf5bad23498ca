"""The periodic report (figures from the statistics, a chart, before/after) and the personal
data sheet (everything held about one person)."""

from __future__ import annotations

from typing import Any

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.periods import Period
from antt_desktop.printing.person_sheet import person_sheet
from antt_desktop.printing.report import periodic_report
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services.indicators import record_indicator
from antt_desktop.store.errors import NotFound
from tests.conftest import TODAY
from tests.printing.conftest import OFFICER_NAME


def _flat(text: str) -> str:
    return "".join(text.split())


def test_report_states_the_figures_of_the_period(
    post: dict[str, str], write: Any, read: Any, pdf: Any
) -> None:
    with write() as ctx:
        record_indicator(ctx, None, "2026-Q2", "crime_tips", 7)
        record_indicator(ctx, None, "2026-Q3", "crime_tips", 4)
    options = PrintOptions(number="05/BC-CAX", recipients=("Đảng ủy phường Hoàn Kiếm",))
    with read() as ctx:
        printed = periodic_report(
            ctx.session, Period.parse("2026-Q3"), today=TODAY, options=options
        )
    doc = pdf(printed.pdf)
    lines = doc.all_lines()
    assert "BÁO CÁO" in lines
    assert "Kết quả công tác bảo đảm an ninh, trật tự quý III/2026" in lines
    assert "Số: 05/BC-CAX" in lines
    assert "II. KẾT QUẢ CÔNG TÁC" in lines and "1. Đối tượng quản lý" in lines
    flat = "".join(doc.flat(n) for n in range(doc.pages))
    # the dossier opened in June is under management at the end of Q3
    assert _flat("Người được hưởng án treo 1 0 0") in flat
    assert _flat("Biểu đồ: số người đang quản lý cuối kỳ theo diện đối tượng") in flat
    assert _flat("Tỷ lệ hộ ký cam kết 2/3 = 66,7%") in flat
    assert _flat("Tin báo, tố giác về tội phạm 7 4 giảm 42,9% (4/7)") in flat
    last = doc.lines(doc.pages - 1)
    assert "Nơi nhận:" in last and "- Công an thành phố Hà Nội;" in last
    assert "- Đảng ủy phường Hoàn Kiếm;" in last and "- Lưu: VT." in last
    assert "TRƯỞNG CÔNG AN PHƯỜNG" in last


def test_report_draws_a_bar_per_category_with_people_under_management(
    post: dict[str, str], read: Any, pdf: Any
) -> None:
    with read() as ctx:
        doc = pdf(periodic_report(ctx.session, Period.parse("2026-Q3"), today=TODAY).pdf)
    page = next(n for n in range(doc.pages) if "Biểu đồ" in doc.text(n))
    content = doc.reader.pages[page].get_contents().get_data()
    assert b" re" in content  # the bar is a filled rectangle
    labels = [r for r in doc.runs(page) if r.text == "Người được hưởng án treo" and r.size == 11]
    assert labels  # the chart's own label, beside its bar


def test_report_of_an_unknown_unit_is_refused(post: dict[str, str], read: Any) -> None:
    with read() as ctx, pytest.raises(ValidationFailed) as caught:
        periodic_report(ctx.session, Period.parse("2026-Q3"), unit_id="XX-99", today=TODAY)
    assert caught.value.problems[0].field == "unit"


def test_person_sheet_holds_everything_known_about_the_person(
    post: dict[str, str], read: Any, pdf: Any
) -> None:
    with read() as ctx:
        printed = person_sheet(ctx.session, post["person"], today=TODAY)
    doc = pdf(printed.pdf)
    lines = doc.all_lines()
    assert "PHIẾU THÔNG TIN CÁ NHÂN" in lines
    for section in (
        "I. NHÂN THÂN",
        "II. HỘ GIA ĐÌNH",
        "III. HỒ SƠ QUẢN LÝ",
        "IV. VI PHẠM, TÁI PHẠM",
        "VI. KHEN THƯỞNG",
    ):
        assert section in lines
    flat = "".join(doc.flat(n) for n in range(doc.pages))
    for fact in (
        "Họ và tên: NGUYỄN VĂN ĐỨC",
        "Ngày sinh: 02/03/1985",
        "Giới tính: Nam",
        "Dân tộc: Kinh",
        "Nơi ở hiện tại: Xóm 3, Thôn Đồng Tâm",
        "Số hộ: 12",
        "Người được hưởng án treo 10/06/2026 Đang quản lý",
        OFFICER_NAME,
        "Gây rối trật tự công cộng tại chợ",
        "2026 12 15/03/2026 Đã ký",  # the pledge he signed as head
        "844/QĐ-UBND (01/04/2026)",
        "Ảnh 4x6",
    ):
        assert _flat(fact) in flat, fact


def test_unknown_person_is_not_found(read: Any) -> None:
    with read() as ctx, pytest.raises(NotFound):
        person_sheet(ctx.session, "nobody", today=TODAY)
