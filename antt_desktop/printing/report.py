"""The periodic report (báo cáo kết quả công tác) of a unit for a month, quarter or year.

Every figure comes from :func:`antt_desktop.services.stats.compute` and every word of its
sections from the report's presenter (:mod:`antt_desktop.presenters.report`, which ``antt
stats`` and the window's Reports page render too); this module lays them out in the
administrative format: the header, the subject and the opening sentence, the five parts of a
báo cáo (``presenters.report_document``: the chief's texts, the figures as ruled tables
under part II with the bar chart of managed persons, dotted lines for a part left to the
pen), the closing sentence, then "Nơi nhận" and the signature kept with the last lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer
from sqlalchemy.orm import Session

from antt_desktop.domain.periods import Period
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.report import Report, Section, Table, build_report
from antt_desktop.presenters.report_document import BLANK_LINES, ReportDocument, report_document
from antt_desktop.printing.chart import bar_chart
from antt_desktop.printing.document import Printed, build
from antt_desktop.printing.header import Heading, header, heading_of
from antt_desktop.printing.layout import PORTRAIT, Styles, heading, styles, subject
from antt_desktop.printing.records import local_unit, unit_of
from antt_desktop.printing.signature import (
    Signer,
    chief_signer,
    recipients,
    sign_off,
    signature,
    signature_row,
)
from antt_desktop.printing.tables import grid
from antt_desktop.printing.text import PrintOptions, esc
from antt_desktop.services import report_narratives, report_rows, stats
from antt_desktop.services.context import SYSTEM, Ctx

W = PORTRAIT.frame_width
VALUE_W = 46 * mm
COUNT_W = 26 * mm  # a column of counts (1.270)
TEXT_W = 40 * mm  # a column of rates or changes (2/21 = 9,5%; giảm 42,9% (4/7))
SUB = "\u00a0\u00a0\u00a0- "  # a detail under the line above (spaces that do not collapse)


def _lines(section: Section, report: Report, st: Styles) -> Flowable:
    rows = [[(SUB if n.level > 1 else "") + n.label, n.value.text] for n in section.lines]
    # a value in words ("không có lượt đánh giá nào trong kỳ") on one line when it can be
    font, size = st.cell.fontName, st.cell.fontSize
    widest = max(stringWidth(n.value.text, font, size) for n in section.lines) + 8
    value_w = min(max(VALUE_W, widest), W * 0.45)
    widths = [W - value_w, value_w]
    return grid(list(report.line_headers), rows, widths, st, aligns=["left", "right"])


def _table(table: Table, st: Styles) -> Flowable:
    columns = range(1, len(table.headers))
    counts = [all(row[i].number is not None for row in table.rows) for i in columns]
    widths = [0.0, *(COUNT_W if count else TEXT_W for count in counts)]
    widths[0] = W - sum(widths)
    rows = [[cell.text for cell in row] for row in table.rows]
    aligns = ["left", *(["right"] * len(counts))]
    return grid(list(table.headers), rows, widths, st, aligns=aligns, bold_last=table.total)


def _chart(table: Table, tr: Translator, st: Styles) -> list[Flowable]:
    """Persons under management at the end, one bar per category (the table's first
    figures, its total row left out)."""
    rows = table.rows[:-1] if table.total else table.rows
    bars = [(row[0].text, row[1].number or 0) for row in rows if row[1].number]
    if not bars:
        return []
    caption = tr(N_("Chart: persons under management at the end of the period, by category"))
    texts = [row[1].text for row in rows if row[1].number]
    chart = bar_chart(bars, W, st.fonts.regular, value_text=texts)
    return [KeepTogether([Paragraph(f"<i>{esc(caption)}</i>", st.plain), chart])]


def dotted(st: Styles, width: float = W) -> Paragraph:
    """A line of dots as wide as the text, for the pen."""
    dot = stringWidth(".", st.plain.fontName, st.plain.fontSize)
    return Paragraph("." * int(width / dot), st.plain)


def _figures(section: Section, report: Report, tr: Translator, st: Styles) -> list[Flowable]:
    story: list[Flowable] = []
    if section.lines:
        story.append(_lines(section, report, st))
    if section.table is not None:
        if section.lines:
            story.append(Spacer(1, 3 * mm))
        story.append(_table(section.table, st))
        if section.key == "managed":
            story += _chart(section.table, tr, st)
    return story


def _parts(doc: ReportDocument, tr: Translator, st: Styles) -> list[Flowable]:
    """The five parts: the chief's paragraphs, the figures under part II, dotted lines for
    a part left to the pen."""
    story: list[Flowable] = []
    for part in doc.parts:
        story += heading(part.heading, st)
        story += [Paragraph(esc(text), st.body) for text in part.paragraphs]
        if part.blank:
            story += [dotted(st) for _ in range(BLANK_LINES)]
        for title, section in part.figures:
            story += heading(title, st)
            story += _figures(section, doc.report, tr, st)
    return story


@dataclass(frozen=True)
class ReportContent:
    """What the report of a unit for a period says, for the PDF, the Word file and the
    spreadsheet alike.

    Attributes:
        heading: the header (issuer, "Số", place and date).
        doc: the outline (subject, opening, five parts, closing).
        sent_to: the "Nơi nhận" entries before "Lưu: VT." (the upper unit first).
        chief: the signature block.
        title: the file's title (``Báo cáo quý III/2026: Công an xã Phú Lương``).
    """

    unit_id: str
    unit_code: str
    heading: Heading
    doc: ReportDocument
    sent_to: tuple[str, ...]
    chief: Signer
    title: str


def report_content(
    session: Session,
    period: Period,
    *,
    unit_id: str | None = None,
    today: date,
    options: PrintOptions | None = None,
) -> ReportContent:
    """The report of a unit (id or code; default this post) for ``period``: the figures,
    the chief's texts and the signature.

    Raises:
        ValidationFailed: field ``unit`` for an unknown unit.
    """
    o = options or PrintOptions()
    tr = o.tr
    figures = stats.compute(session, period, unit_id=unit_id or local_unit(session).id, today=today)
    assert figures.unit is not None
    unit = unit_of(session, figures.unit.id)
    # Catalogue names and the report's texts are read by every role; the caller's right
    # to print the report was checked before (printing.audit.require_print).
    system = Ctx(session, SYSTEM, today)
    names = report_rows.catalogue_names(system)
    report = build_report(figures, names, tr)
    texts = report_narratives.narrative(system, period, unit_id=unit.id)
    upper_unit = unit_of(session, unit.parent_id).name if unit.parent_id else None
    return ReportContent(
        unit_id=unit.id,
        unit_code=unit.code,
        heading=heading_of(unit, number=o.number or "", day=today, doc_type="BC"),
        doc=report_document(report, texts, unit.name, today, tr),
        sent_to=tuple(x for x in (upper_unit, *o.recipients) if x),
        chief=chief_signer(session, unit, o, tr),
        title=tr(N_("Report for {period}: {unit}")).format(period=report.phrase, unit=unit.name),
    )


def periodic_report(
    session: Session,
    period: Period,
    *,
    unit_id: str | None = None,
    today: date,
    options: PrintOptions | None = None,
) -> Printed:
    """The report of a unit (id or code; default this post) for ``period`` as a PDF.

    Raises:
        ValidationFailed: field ``unit`` for an unknown unit.
    """
    o = options or PrintOptions()
    tr, st = o.tr, styles()
    c = report_content(session, period, unit_id=unit_id, today=today, options=o)
    doc = c.doc
    story: list[Flowable] = [
        header(c.heading, tr, st, W),
        Paragraph(esc(doc.doc_type), st.doc_type),
        subject(doc.subject, st, W),
        Paragraph(esc(doc.intro), st.body),
        *_parts(doc, tr, st),
        Spacer(1, 2 * mm),
        Paragraph(esc(doc.closing), st.body),
    ]
    sign = signature_row(recipients(list(c.sent_to), tr, st), signature(c.chief, st), W)
    story = sign_off(story, [Spacer(1, 8 * mm), sign])
    return build(story, title=c.title, author=doc.unit)
