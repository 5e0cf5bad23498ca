"""The periodic report (báo cáo kết quả công tác) of a unit for a month, quarter or year.

Every figure comes from :func:`antt_desktop.services.stats.compute` and every word of its
sections from the report's presenter (:mod:`antt_desktop.presenters.report`, which ``antt
stats`` and the window's Reports page render too); this module lays them out in the
administrative format: the header, the subject and the opening sentence, a ruled table per
section, the bar chart of managed persons by category, the signature.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer
from sqlalchemy.orm import Session

from antt_desktop.domain.periods import Period
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.report import Report, Section, Table, build_report
from antt_desktop.printing.chart import bar_chart
from antt_desktop.printing.document import Printed, build
from antt_desktop.printing.header import header, heading_of
from antt_desktop.printing.layout import PORTRAIT, Styles, heading, styles, subject
from antt_desktop.printing.records import local_unit, unit_of
from antt_desktop.printing.signature import (
    chief_signer,
    recipients,
    sign_off,
    signature,
    signature_row,
)
from antt_desktop.printing.tables import grid
from antt_desktop.printing.text import PrintOptions, esc, fmt_day
from antt_desktop.services import report_rows, stats
from antt_desktop.services.context import SYSTEM, Ctx

W = PORTRAIT.frame_width
VALUE_W = 46 * mm
COUNT_W = 26 * mm  # a column of counts (1.270)
TEXT_W = 40 * mm  # a column of rates or changes (2/21 = 9,5%; giảm 42,9% (4/7))
SUB = "\u00a0\u00a0\u00a0- "  # a detail under the line above (spaces that do not collapse)


def _lines(section: Section, report: Report, st: Styles) -> Flowable:
    rows = [[(SUB if n.level > 1 else "") + n.label, n.value.text] for n in section.lines]
    widths = [W - VALUE_W, VALUE_W]
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


def _sections(report: Report, tr: Translator, st: Styles) -> list[Flowable]:
    story: list[Flowable] = []
    for section in report.sections:
        story += heading(section.heading, st)
        if section.lines:
            story.append(_lines(section, report, st))
        if section.table is not None:
            if section.lines:
                story.append(Spacer(1, 3 * mm))
            story.append(_table(section.table, st))
            if section.key == "managed":
                story += _chart(section.table, tr, st)
    return story


def periodic_report(
    session: Session,
    period: Period,
    *,
    unit_id: str | None = None,
    today: date,
    options: PrintOptions | None = None,
) -> Printed:
    """The report of a unit (id or code; default this post) for ``period``.

    Raises:
        ValidationFailed: field ``unit`` for an unknown unit.
    """
    o = options or PrintOptions()
    tr, st = o.tr, styles()
    figures = stats.compute(session, period, unit_id=unit_id or local_unit(session).id, today=today)
    assert figures.unit is not None
    unit = unit_of(session, figures.unit.id)
    # Catalogue names are reference data every role reads; the caller's right to print
    # the report was checked before (printing.audit.require_print).
    names = report_rows.catalogue_names(Ctx(session, SYSTEM, today))
    report = build_report(figures, names, tr)
    intro = tr(
        N_(
            "Following the periodic reporting rules, {unit} reports the results of its work"
            " on security and order in {period} (figures as of {today}) as follows:"
        )
    ).format(unit=unit.name, period=report.phrase, today=fmt_day(today))
    story: list[Flowable] = [
        header(heading_of(unit, number=o.number or "", day=today, doc_type="BC"), tr, st, W),
        Paragraph(esc(tr(N_("REPORT"))), st.doc_type),
        subject(
            tr(N_("Results of the work on security and order in {period}")).format(
                period=report.phrase
            ),
            st,
            W,
        ),
        Paragraph(esc(intro), st.body),
        *_sections(report, tr, st),
    ]
    upper_unit = unit_of(session, unit.parent_id).name if unit.parent_id else None
    sent_to = [x for x in (upper_unit, *o.recipients) if x]
    chief = chief_signer(session, unit, o, tr)
    foot = [Spacer(1, 8 * mm), signature_row(recipients(sent_to, tr, st), signature(chief, st), W)]
    story = sign_off(story, foot)
    title = tr(N_("Report for {period}: {unit}")).format(period=report.phrase, unit=unit.name)
    return build(story, title=title, author=unit.name)
