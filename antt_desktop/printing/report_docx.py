"""The periodic report as an editable Word file (.docx), laid out as the PDF is: A4 with the
margins of Decree 30 (top and bottom 20 mm, left 30 mm, right 15 mm), Times New Roman 14 (13
in the header, 12 in tables), the two-column header table (the issuer on the left with the
"Số" line, the national title and motto on the right with the place and date), "BÁO CÁO" and
the subject, the five parts with the figures as ruled tables, the closing sentence, then
"Nơi nhận" beside the signature, kept on the page of the last lines.

The chief finishes it in Word (the parts left as dotted lines, the number), then prints and
signs it. The bar chart of the PDF is left out: its figures are in the table above it.
"""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from sqlalchemy.orm import Session

from antt_desktop.domain.periods import Period
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.report_document import BLANK_LINES, ReportDocument
from antt_desktop.presenters.report_model import Section, Table
from antt_desktop.printing.layout import BODY_SIZE, PORTRAIT, TABLE_SIZE
from antt_desktop.printing.report import ReportContent, report_content
from antt_desktop.printing.signature import Signer
from antt_desktop.printing.text import PrintOptions, place_date, upper

#: The font of every run (Decree 30: a Unicode Times New Roman).
FONT = "Times New Roman"
#: Dots of a line left to the pen, at 14 pt across the text width.
DOTS = 110
PT = 1 / 72 * 25.4  # one point in millimetres
SUB = "\u00a0\u00a0\u00a0- "  # a detail under the line above


#: The elements a paragraph's or a table's properties may hold after its borders, in the
#: schema's order (an element out of order makes Word call the file damaged).
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_AFTER_TBLBORDERS = (
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
    "w:tblPrChange",
)  # fmt: skip


def _font(run_or_style: object, size: float, *, bold: bool = False, italic: bool = False) -> None:
    font = run_or_style.font  # type: ignore[attr-defined]
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    element = getattr(run_or_style, "element", None)
    r_pr = element.get_or_add_rPr() if element is not None else None
    if r_pr is not None:  # Vietnamese letters are "complex" to Word only by accident
        fonts = r_pr.get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)


def _para(
    where: DocxDocument | _Cell,
    text: str,
    size: float = BODY_SIZE,
    *,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT,
    indent: bool = False,
    after: float = 0,
    before: float = 0,
) -> Paragraph:
    p = where.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(before)
    fmt.line_spacing = 1.15 if size >= BODY_SIZE else 1.0
    if indent:
        fmt.first_line_indent = Mm(10)
    if text:
        _font(p.add_run(text), size, bold=bold, italic=italic)
    return p


def _first(cell: _Cell) -> None:
    """Drop the empty paragraph a new cell starts with (after its content was added)."""
    first = cell.paragraphs[0]
    if not first.text and len(cell.paragraphs) > 1:
        first._element.getparent().remove(first._element)


def _rule(where: DocxDocument | _Cell, share: float, width_mm: float, after: float = 0) -> None:
    """A line ``share`` of ``width_mm`` long and centred, under the paragraph above (the
    rule under the issuer, the motto and the subject): the bottom border of a paragraph
    two points high."""
    p = _para(where, "", 2, after=after)
    p.paragraph_format.line_spacing = Pt(2)
    p_pr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.insert_element_before(borders, *_AFTER_PBDR)  # Word reads pPr's children in order
    side = Mm(max(width_mm * (1 - share) / 2, 0))
    p.paragraph_format.left_indent = side
    p.paragraph_format.right_indent = side


def _no_borders(table: DocxTable) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.insert_element_before(borders, *_AFTER_TBLBORDERS)


def _widths(table: DocxTable, widths_mm: list[float]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _keep_rows(table: DocxTable, *, header: bool) -> None:
    """Rows never split across pages; the header row repeats on the next page."""
    for i, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if header and i == 0:
            tr_pr.append(OxmlElement("w:tblHeader"))


def _page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    g = PORTRAIT
    section.top_margin, section.bottom_margin = Mm(g.top * PT), Mm(g.bottom * PT)
    section.left_margin, section.right_margin = Mm(g.left * PT), Mm(g.right * PT)
    section.header_distance = Mm(10)
    _font(doc.styles["Normal"], BODY_SIZE)
    # page numbers in the top margin from page 2 on, as the PDF has them
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    number._p.append(field)


def _header(doc: DocxDocument, c: ReportContent, tr: Translator, width: float) -> None:
    h = c.heading
    national = tr(N_("SOCIALIST REPUBLIC OF VIET NAM"))
    motto = tr(N_("Independence - Freedom - Happiness"))
    parent = upper(h.parent_body) if h.parent_body else ""
    if h.ministry:
        parent = upper(tr(N_("Ministry of Public Security")))
    left_w = width * 0.42
    table = doc.add_table(rows=2, cols=2)
    _no_borders(table)
    _widths(table, [left_w, width - left_w])
    centre = WD_ALIGN_PARAGRAPH.CENTER
    left, right = table.cell(0, 0), table.cell(0, 1)
    if parent:
        _para(left, parent, 13, align=centre)
    _para(left, upper(h.issuer), 13, bold=True, align=centre)
    _rule(left, 0.3, left_w)
    _para(right, national, 13, bold=True, align=centre)
    _para(right, motto, 14, bold=True, align=centre)
    _rule(right, 0.7, width - left_w)
    number = tr(N_("No.: {number}")).format(number=h.number or "......./")
    _para(table.cell(1, 0), number, 13, align=centre, before=4)
    line = place_date(h.place, h.day, tr, h.year)
    _para(table.cell(1, 1), line, 14, italic=True, align=centre, before=4)
    for cell in (left, right, table.cell(1, 0), table.cell(1, 1)):
        _first(cell)


def _grid(
    doc: DocxDocument,
    headers: list[str],
    rows: list[list[tuple[str, bool]]],
    widths: list[float],
    *,
    bold_last: bool = False,
) -> DocxTable:
    """A ruled table: the header row bold and centred, each cell ``(text, right-aligned)``."""
    table = doc.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths)
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(p.add_run(text), TABLE_SIZE, bold=True)
    for i, row in enumerate(rows, start=1):
        bold = bold_last and i == len(rows)
        for cell, (text, right) in zip(table.rows[i].cells, row, strict=True):
            p = cell.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
            _font(p.add_run(text), TABLE_SIZE, bold=bold)
    _keep_rows(table, header=True)
    return table  # type: ignore[no-any-return]


def _figures(doc: DocxDocument, section: Section, report: ReportDocument, width: float) -> None:
    if section.lines:
        rows = [
            [
                ((SUB if n.level > 1 else "") + n.label, False),
                (n.value.text, True),
            ]
            for n in section.lines
        ]
        # a value in words on one line when it can be (about 2.1 mm a letter at 12 pt)
        value_w = min(
            max(46.0, max(len(n.value.text) for n in section.lines) * 2.1 + 3), width * 0.45
        )
        _grid(doc, list(report.report.line_headers), rows, [width - value_w, value_w])
    if section.table is not None:
        if section.lines:
            _para(doc, "", 6)
        _table(doc, section.table, width)


def _table(doc: DocxDocument, table: Table, width: float) -> None:
    columns = range(1, len(table.headers))
    counts = [all(row[i].number is not None for row in table.rows) for i in columns]
    widths = [26.0 if count else 40.0 for count in counts]
    rows = [[(cell.text, i > 0) for i, cell in enumerate(row)] for row in table.rows]
    _grid(doc, list(table.headers), rows, [width - sum(widths), *widths], bold_last=table.total)


def _heading(doc: DocxDocument, text: str) -> None:
    _para(doc, text, bold=True, before=10, after=6).paragraph_format.keep_with_next = True


def _parts(doc: DocxDocument, report: ReportDocument, width: float) -> None:
    for part in report.parts:
        _para(
            doc, part.heading, bold=True, before=10, after=6
        ).paragraph_format.keep_with_next = True
        for text in part.paragraphs:
            _para(doc, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, after=6)
        if part.blank:
            for _ in range(BLANK_LINES):
                _para(doc, "." * DOTS, after=3)
        for title, section in part.figures:
            _heading(doc, title)
            _figures(doc, section, report, width)


def _sign_off(doc: DocxDocument, c: ReportContent, tr: Translator, width: float) -> None:
    """ "Nơi nhận" on the left, the signature on the right, in one row that never splits."""
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    left_w = width * 0.45
    _widths(table, [left_w, width - left_w])
    left, right = table.cell(0, 0), table.cell(0, 1)
    _para(left, tr(N_("Recipients:")), 12, bold=True, italic=True)
    entries = [*c.sent_to, tr(N_("Archive: office records"))]
    for i, entry in enumerate(entries):
        end = "." if i == len(entries) - 1 else ";"
        _para(left, f"- {entry.rstrip(';.')}{end}", 11)
    _signature(right, c.chief)
    _first(left)
    _first(right)
    _keep_rows(table, header=False)


def _signature(cell: _Cell, signer: Signer) -> None:
    centre = WD_ALIGN_PARAGRAPH.CENTER
    if signer.date_line:
        _para(cell, signer.date_line, italic=True, align=centre)
    if signer.authority:
        _para(cell, upper(signer.authority), bold=True, align=centre)
    _para(cell, upper(signer.title), bold=True, align=centre)
    if signer.note:
        _para(cell, signer.note, 13, italic=True, align=centre)
    for _ in range(4):  # room for the signature and the seal (about 26 mm)
        _para(cell, "")
    if signer.name:
        _para(cell, signer.name, bold=True, align=centre)


def report_docx(c: ReportContent, tr: Translator) -> bytes:
    """The Word file of report ``c``."""
    doc = Document()
    _page(doc)
    width = PORTRAIT.frame_width * PT
    _header(doc, c, tr, width)
    r = c.doc
    _para(doc, r.doc_type, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=12)
    _para(doc, r.subject, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _rule(doc, 0.25, width, after=12)
    _para(doc, r.intro, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, after=6)
    _parts(doc, r, width)
    closing = _para(doc, r.closing, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, before=6)
    closing.paragraph_format.keep_with_next = True
    _para(doc, "", 8).paragraph_format.keep_with_next = True
    _sign_off(doc, c, tr, width)
    doc.core_properties.title = c.title
    doc.core_properties.author = r.unit
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def periodic_report_docx(
    session: Session,
    period: Period,
    *,
    unit_id: str | None = None,
    today: date,
    options: PrintOptions | None = None,
) -> bytes:
    """The report of a unit (default this post) for ``period`` as a Word file.

    Raises:
        ValidationFailed: field ``unit`` for an unknown unit.
    """
    o = options or PrintOptions()
    content = report_content(session, period, unit_id=unit_id, today=today, options=o)
    return report_docx(content, o.tr)
