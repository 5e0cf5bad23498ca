"""The administrative format every document shares (Decree 30/2020/NĐ-CP): A4, margins,
the two-column header, embedded fonts, page numbers from page 2 on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from reportlab.lib.units import mm

from antt_desktop.domain.periods import Period
from antt_desktop.printing.booklet import booklet
from antt_desktop.printing.document import Printed
from antt_desktop.printing.person_sheet import person_sheet
from antt_desktop.printing.pledge_form import pledge_form, pledge_forms_for_area
from antt_desktop.printing.pledge_register import pledge_register
from antt_desktop.printing.report import periodic_report
from antt_desktop.printing.text import PrintOptions
from tests.printing.conftest import PRINT_DAY

A4 = (595.28, 841.89)
TOP, BOTTOM, LEFT, RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
OPTIONS = PrintOptions(number="05/BC-CAX", signer_name="Đại úy Hoàng Minh Tuấn")

DOCUMENTS: dict[str, Callable[[Any, dict[str, str]], Printed]] = {
    "booklet": lambda s, ids: booklet(s, ids["dossier"], today=PRINT_DAY, options=OPTIONS),
    "pledge_form": lambda s, ids: pledge_form(
        s, ids["household"], 2026, today=PRINT_DAY, options=OPTIONS
    ),
    "pledge_forms": lambda s, ids: pledge_forms_for_area(
        s, ids["area"], 2026, today=PRINT_DAY, options=OPTIONS
    ),
    "pledge_register": lambda s, ids: pledge_register(
        s, ids["area"], 2026, today=PRINT_DAY, options=OPTIONS
    ),
    "report": lambda s, ids: periodic_report(
        s, Period.parse("2026-Q1"), today=PRINT_DAY, options=OPTIONS
    ),
    "person_sheet": lambda s, ids: person_sheet(s, ids["person"], today=PRINT_DAY, options=OPTIONS),
}


def _page_number(run: Any, height: float) -> bool:
    return run.y > height - TOP and run.text.isdigit()


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_document_is_a4_with_embedded_fonts_and_text_inside_the_margins(
    name: str, post: dict[str, str], read: Any, pdf: Any
) -> None:
    with read() as ctx:
        printed = DOCUMENTS[name](ctx.session, post)
    doc = pdf(printed.pdf)
    assert doc.pages == printed.pages >= 1
    fonts = doc.fonts()
    assert fonts and all(fonts.values()), fonts  # every font carries its /FontFile2
    for page in range(doc.pages):
        width, height = doc.size(page)
        assert (round(width, 2), round(height, 2)) == A4
        runs = doc.runs(page)
        assert runs
        for run in runs:
            if _page_number(run, height):
                continue
            assert run.x >= LEFT - 0.5, (page, run)
            assert run.end - run.slack <= width - RIGHT + 0.5, (page, run)
            assert BOTTOM - 0.5 <= run.y <= height - TOP - run.size * 0.7, (page, run)


@pytest.mark.parametrize("name", ["booklet", "report", "person_sheet"])
def test_page_numbers_sit_in_the_top_margin_from_page_two(
    name: str, post: dict[str, str], read: Any, pdf: Any
) -> None:
    with read() as ctx:
        doc = pdf(DOCUMENTS[name](ctx.session, post).pdf)
    assert doc.pages >= 2
    for page in range(doc.pages):
        width, height = doc.size(page)
        in_margin = [r for r in doc.runs(page) if r.y > height - TOP]
        if page == 0:
            assert in_margin == []
            continue
        assert [r.text for r in in_margin] == [str(page + 1)]
        number = in_margin[0]
        centre = LEFT + (width - LEFT - RIGHT) / 2
        assert abs((number.x + number.end) / 2 - centre) < 1
        assert number.size == 13


def test_header_reads_as_decree_30_prescribes(post: dict[str, str], read: Any, pdf: Any) -> None:
    with read() as ctx:
        doc = pdf(
            pledge_register(ctx.session, post["area"], 2026, today=PRINT_DAY, options=OPTIONS).pdf
        )
    lines = doc.lines(0)
    assert lines[0] == "CÔNG AN THÀNH PHỐ HÀ NỘI"
    for line in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/BC-CAX",
        "Hoàn Kiếm, ngày 05 tháng 02 năm 2026",
    ):
        assert line in lines[:8]
    runs = {r.text: r for r in doc.runs(0)}
    national = runs["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    motto = runs["Độc lập - Tự do - Hạnh phúc"]
    assert national.font.endswith("Bold") and motto.font.endswith("Bold")
    assert 12 <= national.size <= 13 and 13 <= motto.size <= 14
    parent = runs["CÔNG AN THÀNH PHỐ HÀ NỘI"]
    assert not parent.font.endswith("Bold") and 12 <= parent.size <= 13
    # the issuing body: bold, under the parent body, on one line or two balanced ones
    number = runs["Số: 05/BC-CAX"]
    issuer = [
        r for r in doc.runs(0) if r.font.endswith("Bold") and r.end < national.x and r.y > number.y
    ]
    assert " ".join(r.text for r in issuer) == "CÔNG AN PHƯỜNG HOÀN KIẾM"
    assert all(12 <= r.size <= 13 for r in issuer)
    date_line = runs["Hoàn Kiếm, ngày 05 tháng 02 năm 2026"]
    assert date_line.font.endswith("Italic")
    # the left column is left of the right column; "Số" and the date share a baseline
    assert parent.end < national.x
    assert abs(number.y - date_line.y) < 2
    # the motto and the national title are centred on one axis
    assert abs((national.x + national.end) / 2 - (motto.x + motto.end) / 2) < 1


def test_document_type_and_signature_are_bold_capitals(
    post: dict[str, str], read: Any, pdf: Any
) -> None:
    with read() as ctx:
        doc = pdf(
            periodic_report(
                ctx.session, Period.parse("2026-Q1"), today=PRINT_DAY, options=OPTIONS
            ).pdf
        )
    runs = [r for page in range(doc.pages) for r in doc.runs(page)]
    by_text = {r.text: r for r in runs}
    assert by_text["BÁO CÁO"].font.endswith("Bold") and by_text["BÁO CÁO"].size == 14
    assert by_text["TRƯỞNG CÔNG AN PHƯỜNG"].font.endswith("Bold")
    assert by_text["Đại úy Hoàng Minh Tuấn"].font.endswith("Bold")
    recipients = by_text["Nơi nhận:"]
    assert recipients.font.endswith("BoldItalic") and recipients.size == 12
    assert by_text["- Lưu: VT."].size == 11
