"""The periodic report the chief finishes: the texts typed for the period printed in the order
of a báo cáo with the figures under part II, the closing sentence before Nơi nhận and the
signature; the same report as a Word file (same parts, tables, fonts and margins) and the
figures as a workbook whose numbers are the report's."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from antt_desktop.domain.periods import Period
from antt_desktop.i18n.translator import Translator
from antt_desktop.printing.report import periodic_report, report_content
from antt_desktop.printing.report_docx import report_docx
from antt_desktop.printing.report_xlsx import report_xlsx
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.report_narratives import SECTIONS, NarrativeInput, save_narrative
from antt_desktop.services.units import add_area
from tests.conftest import TODAY

Q3 = Period.parse("2026-Q3")
SITUATION = "Tình hình an ninh chính trị trên địa bàn phường ổn định."
RESULTS = "Công an phường triển khai đồng bộ các mặt công tác, kết quả như sau:"
SHORTCOMINGS = "- Một số kỳ nhận xét còn chậm.\n- Vận động giao nộp vũ khí chưa thường xuyên."
RECOMMENDATION = "Đề nghị bổ sung kinh phí lắp camera tại các tổ dân phố."
PARTS = (
    "I. TÌNH HÌNH AN NINH, TRẬT TỰ",
    "II. KẾT QUẢ CÔNG TÁC",
    "III. TỒN TẠI, HẠN CHẾ",
    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
    "V. KIẾN NGHỊ, ĐỀ XUẤT",
)
CLOSING = (
    "Trên đây là báo cáo kết quả công tác bảo đảm an ninh, trật tự quý III/2026 của"
    " Công an phường Hoàn Kiếm./."
)


#: A line of dots to write on (the text is 110 dots wide).
DOTTED = re.compile(r"\.{40,}")


def _flat(text: str) -> str:
    return "".join(text.replace("\u00a0", " ").split())


def _in_order(text: str, needles: list[str]) -> list[str]:
    """The needles missing from ``text`` after the one before them."""
    flat, at, missing = _flat(text), 0, []
    for needle in needles:
        found = flat.find(_flat(needle), at)
        if found < 0:
            missing.append(needle)
        else:
            at = found + len(_flat(needle))
    return missing


@pytest.fixture
def written(post: dict[str, str], write: Any) -> None:
    """The chief wrote every part of Q3 but the direction (left to the pen)."""
    with write() as ctx:
        texts = NarrativeInput(
            situation=SITUATION,
            results=RESULTS,
            shortcomings=SHORTCOMINGS,
            recommendations=RECOMMENDATION,
        )
        save_narrative(ctx, Q3, texts)


def _content(read: Any) -> Any:
    with read() as ctx:
        return report_content(ctx.session, Q3, today=TODAY, options=PrintOptions())


def test_the_pdf_states_the_parts_in_order_then_closes_and_signs(
    written: None, read: Any, pdf: Any
) -> None:
    with read() as ctx:
        doc = pdf(periodic_report(ctx.session, Q3, today=TODAY).pdf)
    text = "\n".join(doc.text(n) for n in range(doc.pages))
    needles = [
        "Kết quả công tác bảo đảm an ninh, trật tự quý III/2026",
        PARTS[0], SITUATION,
        PARTS[1], RESULTS, "1. Đối tượng quản lý", "2. Nhận xét, đánh giá",
        PARTS[2], "- Một số kỳ nhận xét còn chậm.", "- Vận động giao nộp vũ khí",
        PARTS[3], "." * 40,
        PARTS[4], RECOMMENDATION,
        CLOSING,
    ]  # fmt: skip
    assert _in_order(text, needles) == []
    part_iv = text[text.index(PARTS[3]) : text.index(PARTS[4])]
    assert len(DOTTED.findall(part_iv)) == 3  # three lines to write on by hand
    last = doc.lines(doc.pages - 1)
    assert _in_order("\n".join(last), [CLOSING, "Nơi nhận:", "TRƯỞNG CÔNG AN PHƯỜNG"]) == []
    assert "0/0" not in text
    assert _flat("Đạt chuẩn không có lượt đánh giá nào trong kỳ") in _flat(text)


def test_a_report_nobody_wrote_prints_every_part_as_lines_to_fill(
    post: dict[str, str], read: Any, pdf: Any
) -> None:
    with read() as ctx:
        doc = pdf(periodic_report(ctx.session, Q3, today=TODAY).pdf)
    text = "\n".join(doc.text(n) for n in range(doc.pages))
    assert _in_order(text, [*PARTS, CLOSING]) == []
    assert len(DOTTED.findall(text)) == 3 * 4  # parts I, III, IV, V; part II has its figures


def test_the_word_file_has_the_same_parts_tables_fonts_and_margins(
    written: None, read: Any
) -> None:
    content = _content(read)
    word = Document(io.BytesIO(report_docx(content, Translator("vi"))))
    body = "\n".join(p.text for p in word.paragraphs)
    assert _in_order(body, ["BÁO CÁO", PARTS[0], SITUATION, PARTS[1], RESULTS]) == []
    assert _in_order(body, [PARTS[2], "- Một số kỳ", PARTS[3], PARTS[4], CLOSING]) == []
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]
    # the header table: the issuer left, the national title right, "Số" and the date below
    header = word.tables[0]
    assert "CÔNG AN PHƯỜNG HOÀN KIẾM" in header.cell(0, 0).text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header.cell(0, 1).text
    assert "Độc lập - Tự do - Hạnh phúc" in header.cell(0, 1).text
    assert header.cell(1, 0).text.startswith("Số:") and "/BC-CA" in header.cell(1, 0).text
    assert header.cell(1, 1).text.startswith("Hoàn Kiếm, ngày 22 tháng 11 năm 2026")
    # one ruled table per table of the figures, with the PDF's rows
    report = content.doc.report
    grids = word.tables[1:-1]
    assert len(grids) == sum(bool(s.lines) + (s.table is not None) for s in report.sections)
    managed = next(s for s in report.sections if s.key == "managed")
    assert managed.table is not None
    table = grids[1]
    assert [c.text for c in table.rows[0].cells] == list(managed.table.headers)
    assert [[c.text for c in r.cells] for r in table.rows[1:]] == [
        [v.text for v in row] for row in managed.table.rows
    ]
    # Nơi nhận beside the signature, last
    foot = word.tables[-1]
    assert foot.cell(0, 0).text.startswith("Nơi nhận:") and "Lưu: VT." in foot.cell(0, 0).text
    assert "TRƯỞNG CÔNG AN PHƯỜNG" in foot.cell(0, 1).text
    # Times New Roman everywhere: 13 in the header's issuer, 14 in the body, 12 in tables
    runs = [r for p in word.paragraphs for r in p.runs]
    runs += [r for t in word.tables for c in t._cells for p in c.paragraphs for r in p.runs]
    assert runs and {r.font.name for r in runs} == {"Times New Roman"}
    issuer = header.cell(0, 0).paragraphs[1].runs[0]
    assert (issuer.font.size.pt, issuer.font.bold) == (13, True)
    heading = next(p for p in word.paragraphs if p.text == PARTS[0])
    assert (heading.runs[0].font.size.pt, heading.runs[0].font.bold) == (14, True)
    assert {r.font.size.pt for c in table._cells for p in c.paragraphs for r in p.runs} == {12}
    # the rules' borders where Word's schema wants them (out of order: "the file is damaged")
    schema = {"pPr": ("pBdr", ("spacing", "ind", "jc")), "tblPr": ("tblBorders", ("tblLook",))}
    checked = 0
    for props, (border, later) in schema.items():
        for element in word.element.body.iter(qn(f"w:{props}")):
            tags = [child.tag for child in element]
            if qn(f"w:{border}") in tags:
                at = tags.index(qn(f"w:{border}"))
                assert all(tags.index(qn(f"w:{t}")) > at for t in later if qn(f"w:{t}") in tags)
                checked += 1
    assert checked >= 5  # the rules under the issuer, the motto, the subject; two bare tables


def test_the_workbook_holds_the_reports_figures_as_numbers(
    post: dict[str, str], write: Any, read: Any
) -> None:
    with write() as ctx:  # a second area, named to run as a formula in a spreadsheet
        area = add_area(ctx, name='=HYPERLINK("http://x.example","Bấm")')
        add_household(ctx, HouseholdInput(number="99", area_id=area.id))
    report = _content(read).doc.report
    data, rows = report_xlsx(report, Translator("vi"))
    book = load_workbook(io.BytesIO(data))
    info = book.worksheets[0]
    assert info.title == "Thông tin chung"
    assert [info["A1"].value, info["B1"].value] == ["Đơn vị", "Công an phường Hoàn Kiếm"]
    sheets = book.worksheets[1:]
    expected = [
        (s, part)
        for s in report.sections
        for part in (s.lines and "lines", s.table is not None and "table")
        if part
    ]
    assert len(sheets) == len(expected)
    counted = 0
    for sheet, (section, part) in zip(sheets, expected, strict=True):
        assert section.title[:20] in sheet.title
        values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
        if part == "lines":
            assert [c.value for c in sheet[1]] == ["Chỉ tiêu", "Số liệu"]
            want = [line.value for line in section.lines]
            got = [row[1] for row in values]
        else:
            assert section.table is not None
            assert [c.value for c in sheet[1]] == list(section.table.headers)
            want = [v for row in section.table.rows for v in row[1:]]
            got = [v for row in values for v in row[1:]]
        assert got == [v.number if v.number is not None else v.text for v in want]
        counted += len(values)
    assert rows == counted
    numbers = [
        v for s in sheets for row in s.iter_rows(min_row=2) for c in row[1:] if (v := c.value)
    ]
    assert any(isinstance(v, int) and v > 1 for v in numbers)  # counts are numbers, not text
    pledges = next(s for s in sheets if "Cam kết" in s.title and s.max_column == 4)
    names = [c for c in pledges["A"][1:]]
    hostile = next(c for c in names if "HYPERLINK" in str(c.value))
    assert str(hostile.value).startswith("'=") and hostile.data_type == "s"


def test_the_longest_texts_print_and_the_signature_is_never_alone(
    post: dict[str, str], write: Any, read: Any, pdf: Any
) -> None:
    sentence = "Tiếp tục nắm chắc tình hình, giữ vững an ninh trật tự trên địa bàn. "
    long = (sentence * 200)[:9_999]
    with write() as ctx:
        save_narrative(ctx, Q3, NarrativeInput(**dict.fromkeys(SECTIONS, long)))
    with read() as ctx:
        doc = pdf(periodic_report(ctx.session, Q3, today=TODAY).pdf)
    last = doc.lines(doc.pages - 1)
    assert doc.pages >= 12
    assert "Nơi nhận:" in last
    assert last.index("Nơi nhận:") >= 2  # the closing lines travel with the signature
    assert _flat("Công an phường Hoàn Kiếm./.") in _flat("".join(last))
