"""The assessment booklet of a dossier: cover, person, assessments table that breaks between
rows, commitments, support, violations and the two signatures."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from antt_desktop.domain.periods import Period
from antt_desktop.printing.booklet import booklet
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services.dossier_records import AssessmentInput, assess
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.errors import NotFound
from tests.conftest import TODAY
from tests.printing.conftest import OFFICER_NAME

CHIEF = "Đại úy Hoàng Minh Tuấn"


def _flat(text: str) -> str:
    return "".join(text.split())


def _pair(lines: list[str], label: str, value: str) -> bool:
    """Whether ``value`` is printed right after ``label`` (same line or the next)."""
    text = "\n".join(lines)
    return f"{label} {value}" in text or f"{label}\n{value}" in text


def _long_dossier(write: Any, count: int, content: Any) -> tuple[str, list[str]]:
    """A monthly dossier opened in June 2023 with ``count`` assessments, from June 2023."""
    with write() as ctx:
        person = add_person(ctx, PersonInput(full_name="Lò Thị Ưởng", born="1990")).person
        dossier = open_dossier(ctx, DossierInput(person.id, "SUSPENDED", "01/06/2023"))
        period, texts = Period.parse("2023-06"), []
        for i in range(count):
            text = content(i, period)
            texts.append(text)
            written = min(period.end, TODAY)
            assess(
                ctx,
                AssessmentInput(
                    dossier.id, period.label(), written, OFFICER_NAME, text, "Chấp hành tốt"
                ),
            )
            period = period.next()
        return dossier.id, texts


def test_booklet_prints_the_dossier_from_cover_to_signatures(
    post: dict[str, str], read: Any, pdf: Any
) -> None:
    with read() as ctx:
        printed = booklet(
            ctx.session, post["dossier"], today=TODAY, options=PrintOptions(signer_name=CHIEF)
        )
    doc = pdf(printed.pdf)
    cover = doc.lines(0)
    assert "SỔ THEO DÕI, NHẬN XÉT, ĐÁNH GIÁ" in cover
    assert "Diện quản lý: Người được hưởng án treo" in cover
    assert _pair(cover, "Họ và tên:", "NGUYỄN VĂN ĐỨC")
    assert "CÔNG AN THÀNH PHỐ HÀ NỘI" in cover
    lines = doc.all_lines()
    assert "Ảnh 4x6" in lines  # no photo: the box to glue one in
    assert _pair(lines, "Số định danh cá nhân:", "001085012345")
    table_page = next(n for n in range(doc.pages) if "Nội dung nhận xét" in doc.lines(n))
    for title in ("Kỳ (ngày viết)", "Nội dung nhận xét", "Xếp loại", "Người nhận xét (ký"):
        assert _flat(title) in doc.flat(table_page)
    flat = "".join(doc.flat(n) for n in range(doc.pages))  # table cells wrap their text
    for cell in (
        "Tháng 07/2026",
        "31/07/2026",
        "Kỳ 2026-07: chấp hành tốt nghĩa vụ, có việc làm ổn định.",
        "HCD-05",
        "15.000.000 đồng",
        "Gây rối trật tự công cộng tại chợ",
    ):
        assert _flat(cell) in flat
    last = doc.lines(doc.pages - 1)
    assert "Hoàn Kiếm, ngày 22 tháng 11 năm 2026" in last
    assert "CÁN BỘ QUẢN LÝ" in last and "TRƯỞNG CÔNG AN PHƯỜNG" in last
    assert OFFICER_NAME in last and CHIEF in last
    assert "(Ký, ghi rõ họ tên)" in last


def test_forty_assessments_break_across_pages_without_cutting_a_row(
    write: Any, read: Any, pdf: Any
) -> None:
    def content(i: int, period: Period) -> str:
        return (
            f"Nhận xét số {i + 1} kỳ {period.label()}: chấp hành nghiêm các nghĩa vụ, có mặt"
            " đầy đủ khi được triệu tập, làm việc ổn định tại xưởng mộc của gia đình, tham"
            " gia sinh hoạt tại khu dân cư và không vi phạm pháp luật."
        )

    dossier_id, texts = _long_dossier(write, 40, content)
    with read() as ctx:
        doc = pdf(booklet(ctx.session, dossier_id, today=TODAY).pdf)
    flat_pages = [doc.flat(n) for n in range(doc.pages)]
    holding = set()
    for text in texts:
        pages = [n for n, page in enumerate(flat_pages) if _flat(text) in page]
        assert len(pages) == 1, text  # the whole text on one page, never split
        holding.add(pages[0])
    assert len(holding) >= 3  # the table really spans pages...
    for n in holding:  # ...and each of them repeats the header row
        assert "Nội dung nhận xét" in doc.lines(n)


def test_an_assessment_longer_than_a_page_continues_on_the_next(
    write: Any, read: Any, pdf: Any
) -> None:
    words = " ".join(f"ý{i}" for i in range(1400))
    dossier_id, _ = _long_dossier(write, 1, lambda i, p: f"Mở đầu {words} kết thúc.")
    with read() as ctx:
        doc = pdf(booklet(ctx.session, dossier_id, today=TODAY).pdf)
    assert doc.pages >= 4
    words = [w for n in range(doc.pages) for w in doc.text(n).split() if w.startswith("ý")]
    assert words == [f"ý{i}" for i in range(1400)]  # every word, once, in order


def test_unknown_dossier_is_not_found(read: Any) -> None:
    with read() as ctx, pytest.raises(NotFound):
        booklet(ctx.session, "no-such-dossier", today=date(2026, 11, 22))


#: A typical assessment of the demo post: its text runs to about 280 characters (the
#: median of the demo's generator) and its next steps to about 60.
TYPICAL = (
    "Qua kiểm tra, xác minh tại nơi cư trú trong {p}, bản thân chấp hành nghiêm chủ trương,"
    " chính sách của Đảng, pháp luật của Nhà nước, tham gia đầy đủ các buổi họp của thôn"
    " Đồng Tâm, thực hiện việc trình diện đầy đủ, có việc làm ổn định tại xưởng mộc của"
    " gia đình. Gia đình quan tâm, động viên."
)
STEPS = "Đề nghị UBND xã Động Đạt xem xét hỗ trợ vay vốn phát triển kinh tế."


def _typical_dossier(write: Any, count: int) -> str:
    with write() as ctx:
        person = add_person(ctx, PersonInput(full_name="Lò Thị Ưởng", born="1990")).person
        dossier = open_dossier(ctx, DossierInput(person.id, "SUSPENDED", "01/06/2025"))
        period = Period.parse("2025-06")
        for _ in range(count):
            assess(
                ctx,
                AssessmentInput(
                    dossier.id,
                    period.label(),
                    min(period.end, TODAY),
                    OFFICER_NAME,
                    TYPICAL.format(p=f"tháng {period.start.month}/{period.start.year}"),
                    "Chấp hành tốt",
                    next_steps=STEPS,
                ),
            )
            period = period.next()
        return dossier.id


def test_each_assessment_has_a_signature_place_and_five_fit_on_a_page(
    write: Any, read: Any, pdf: Any
) -> None:
    dossier_id = _typical_dossier(write, 12)
    with read() as ctx:
        doc = pdf(booklet(ctx.session, dossier_id, today=TODAY).pdf)
    per_page = [doc.flat(n).count(_flat("Qua kiểm tra, xác minh")) for n in range(doc.pages)]
    assert sum(per_page) == 12
    assert max(per_page) >= 5, per_page
    table_pages = [n for n, count in enumerate(per_page) if count]
    full = table_pages[1:-1]  # the pages the table fills from top to bottom
    assert full and all(per_page[n] >= 5 for n in full), per_page
    page = full[0]
    assert _flat("Người nhận xét (ký, ghi rõ họ tên)") in doc.flat(page)
    assert doc.flat(page).count(_flat(OFFICER_NAME)) == per_page[page]  # a name under each
    assert _flat("Kỳ (ngày viết)") in doc.flat(page)


def test_a_cut_assessment_repeats_its_period_on_the_next_page(
    write: Any, read: Any, pdf: Any
) -> None:
    words = " ".join(f"ý{i}" for i in range(1400))
    dossier_id, _ = _long_dossier(write, 1, lambda i, p: f"Mở đầu {words} kết thúc.")
    with read() as ctx:
        doc = pdf(booklet(ctx.session, dossier_id, today=TODAY).pdf)
    first = next(n for n in range(doc.pages) if "Mởđầu" in doc.flat(n))
    assert _flat("Tháng 06/2023") in doc.flat(first)
    for n in range(first + 1, doc.pages):
        if "ý1" in doc.text(n):
            assert _flat("Tháng 06/2023 (tiếp)") in doc.flat(n), n
