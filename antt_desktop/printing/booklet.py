"""The assessment booklet of a dossier (sổ theo dõi, nhận xét, đánh giá).

A cover (unit, person, category), the person and the dossier, the assessments by period in a
table that breaks between rows, the commitments, the support given, the violations, and the
signatures of the officer in charge and the chief of the post.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy.orm import Session

from antt_desktop.domain.periods import Period
from antt_desktop.i18n.texts.dossiers import DOSSIER_STATUSES, SUPPORT_KINDS, VIOLATION_KINDS
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.printing.document import Printed, build
from antt_desktop.printing.header import header, heading_of
from antt_desktop.printing.laid import Paragraph
from antt_desktop.printing.layout import PORTRAIT, Styles, heading, styles
from antt_desktop.printing.pages import DocumentStart
from antt_desktop.printing.person_facts import identity_rows, photo_box, residence
from antt_desktop.printing.records import unit_of
from antt_desktop.printing.signature import (
    Signer,
    chief_signer,
    seal_hint,
    sign_hint,
    sign_off,
    signature,
    signature_row,
)
from antt_desktop.printing.tables import BARE, DATE_W, MAX_ROW, PAD, Cell, facts, grid, table
from antt_desktop.printing.text import (
    PrintOptions,
    esc,
    fmt_born,
    fmt_day,
    issuer_place,
    money,
    period_words,
    place_date,
    upper,
)
from antt_desktop.services.dossier_summary import DossierSummary, dossier_summary
from antt_desktop.store.models import Assessment, Unit, Violation

W = PORTRAIT.frame_width
LABEL_W = 54 * mm  # labels such as "Số định danh cá nhân:" on one line
DOSSIER_LABEL_W = 60 * mm  # "Người được giao giúp đỡ:" on one line
GAP = 6 * mm  # between the photo box and the identity lines


def _cover(
    session: Session, s: DossierSummary, unit: Unit, o: PrintOptions, st: Styles
) -> list[Flowable]:
    tr = o.tr
    category = s.category.name_vi if tr.lang == "vi" else s.category.name_en
    rows = [
        (tr(N_("Full name")), upper(s.person.full_name)),
        (tr(N_("Born")), fmt_born(s.person.born)),
        (tr(N_("Residence")), residence(s.person, tr, session)),
        (tr(N_("Dossier opened on")), fmt_day(s.dossier.opened_on)),
    ]
    return [
        header(heading_of(unit, number=o.number, dated=False), tr, st, W),
        Spacer(1, 45 * mm),
        Paragraph(esc(tr(N_("BOOK OF MONITORING, REMARKS AND ASSESSMENT"))), st.title),
        Spacer(1, 6 * mm),
        Paragraph(esc(tr(N_("Category: {category}")).format(category=category)), st.subject),
        Spacer(1, 30 * mm),
        table([[facts(rows, st, [48 * mm, W - 78 * mm])]], [W - 30 * mm], BARE, hAlign="CENTER"),
    ]


def _dossier_rows(s: DossierSummary, tr: Translator) -> list[tuple[str, str | None]]:
    d = s.dossier
    legal = " ".join(
        part
        for part in (
            tr(N_("No. {number}")).format(number=d.legal_doc_number) if d.legal_doc_number else "",
            tr(N_("dated {day}")).format(day=fmt_day(d.legal_doc_date)) if d.legal_doc_date else "",
            tr(N_("by {issuer}")).format(issuer=d.legal_issuer) if d.legal_issuer else "",
        )
        if part
    )
    rows: list[tuple[str, str | None]] = [
        (tr(N_("Category")), s.category.name_vi if tr.lang == "vi" else s.category.name_en),
        (tr(N_("Legal basis")), legal or None),
        (tr(N_("Summary")), d.legal_summary),
        (tr(N_("Opened on")), fmt_day(d.opened_on)),
        (tr(N_("Planned end")), fmt_day(d.planned_end) or None),
        (tr(N_("Dossier status")), tr(DOSSIER_STATUSES.get(d.status, d.status))),
        (tr(N_("Closed on")), fmt_day(d.closed_on) or None),
        (tr(N_("Officer in charge")), d.officer_name),
        (tr(N_("Assigned to help")), d.helper_name),
        (tr(N_("Classification")), d.classification),
    ]
    return [(label, value) for label, value in rows if value]


def _person(s: DossierSummary, session: Session, tr: Translator, st: Styles) -> list[Flowable]:
    box = 42 * mm
    who = facts(identity_rows(session, s.person, tr), st, [LABEL_W, W - box - GAP - LABEL_W])
    return [
        *heading(tr(N_("I. THE PERSON UNDER MANAGEMENT")), st),
        table(
            [[photo_box(session, s.person, tr), who]],
            [box, W - box],
            [*BARE, ("LEFTPADDING", (1, 0), (1, -1), GAP)],
        ),
        *heading(tr(N_("II. THE DOSSIER")), st),
        facts(_dossier_rows(s, tr), st, [DOSSIER_LABEL_W, W - DOSSIER_LABEL_W]),
    ]


def _none(tr: Translator, st: Styles) -> Paragraph:
    return Paragraph(esc(tr(N_("None recorded."))), st.note)


#: Widths of the assessments table: period and date in one column ("Tháng 10/2026" on one
#: line), the signature column wide enough for "Thượng úy Lê Văn Công" on two lines, the
#: remarks (ending with the grade) the rest: five typical entries fit on a page.
PERIOD_W, SIGN_W = 25 * mm, 28 * mm


def _assessments(s: DossierSummary, tr: Translator, st: Styles) -> list[Flowable]:
    """The assessments, one row each: the period with the day written, the remarks ending
    with the next steps and the grade, and the assessor's signature above the name (ký, ghi
    rõ họ tên); a row too tall for a page goes on under the period marked "(tiếp)"."""
    out: list[Flowable] = [*heading(tr(N_("III. ASSESSMENTS BY PERIOD")), st)]
    if not s.assessments:
        return [*out, _none(tr, st)]
    rows: list[list[Cell]] = []
    more: list[list[Cell]] = []
    widths = [PERIOD_W, 0.0, SIGN_W]
    widths[1] = W - sum(widths)
    sign_space = Spacer(1, 3 * st.cell_centre.leading)  # room to sign above the name
    for label, a in s.assessments.items():
        period = period_words(Period.parse(label), tr)
        # plain paragraphs stacked, not lines joined by <br/>: reportlab lays a paragraph
        # of one run of text out several times faster than one of several runs
        rows.append(
            [
                [
                    Paragraph(esc(period), st.cell_centre),
                    Paragraph(esc(fmt_day(a.written_on)), st.cell_centre),
                ],
                _remarks(a, tr, st, widths[1] - 2 * PAD, s.forks.get(a.id)),
                [sign_space, Paragraph(esc(a.author or ""), st.cell_centre)],
            ]
        )
        more.append([tr(N_("{period} (continued)")).format(period=period), None, None])
    head = [
        tr(N_("Period (date written)")),
        tr(N_("Remarks and assessment")),
        tr(N_("Assessor (signature, full name)")),
    ]
    table = grid(head, rows, widths, st, aligns=["centre", "left", "centre"], continuation=more)
    table.setStyle(TableStyle([("VALIGN", (2, 1), (2, -1), "BOTTOM")]))
    out.append(table)
    return out


def _remarks(
    a: Assessment, tr: Translator, st: Styles, width: float, fork: Assessment | None = None
) -> Cell:
    """The remarks, then the next steps and the grade on lines of their own; under an
    assessment corrected on two nodes and not settled yet, a note quoting the other version
    (whoever signs the page sees that one of two texts is printed). A typical entry is three
    paragraphs stacked (the remarks alone are one run of text, laid out fast); one too long
    for most of a page is one paragraph, which the table cuts between pages."""
    style = _remarks_style(st)
    tail = []
    if a.next_steps:
        tail.append(f"<i>{esc(tr(N_('Next steps:')))}</i> {esc(a.next_steps)}")
    if a.rating:
        tail.append(f"<i>{esc(tr(N_('Grade:')))}</i> <b>{esc(a.rating)}</b>")
    if fork is not None:
        note = tr(
            N_(
                "Not settled: this assessment was corrected at two units; the other"
                " correction reads “{text}”. The version printed is the one in use until"
                " one is chosen under Sync, Conflicts: choose before signing."
            )
        ).format(text=_quoted_start(fork.content))
        tail.append(f"<b>{esc(note)}</b>")
    remarks = Paragraph(esc(a.content), style)
    _w, height = remarks.wrap(width, MAX_ROW * 4)
    if height > MAX_ROW / 2:
        return Paragraph("<br/>".join([esc(a.content), *tail]), style)
    return [remarks, *(Paragraph(t, style) for t in tail)]


#: How much of the other version's text a note on a fork quotes.
FORK_QUOTE = 120


def _quoted_start(text: str) -> str:
    """The start of ``text``, cut after a whole word with "…" when longer than
    :data:`FORK_QUOTE` characters; its closing full stop left to the sentence quoting it."""
    text = " ".join(text.split()).rstrip(".")
    if len(text) <= FORK_QUOTE:
        return text
    return text[:FORK_QUOTE].rsplit(" ", 1)[0] + "…"


@lru_cache(maxsize=4)
def _remarks_style(st: Styles) -> ParagraphStyle:
    """The remarks at 12 pt (the table size) with a tight line spacing, justified as on
    paper, so five typical entries fit on a page."""
    return ParagraphStyle("remarks", parent=st.cell, leading=13.5, alignment=TA_JUSTIFY)


def _records(s: DossierSummary, tr: Translator, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [*heading(tr(N_("IV. SIGNED COMMITMENTS")), st)]
    if s.commitments:
        widths = [DATE_W, 20 * mm, 0.0, 36 * mm]
        widths[2] = W - sum(widths)
        rows = [[fmt_day(c.signed_on), c.form_code, c.text, c.witnesses] for c in s.commitments]
        head = [tr(N_("Signed on")), tr(N_("Form")), tr(N_("Content")), tr(N_("Witnesses"))]
        out.append(grid(head, rows, widths, st, aligns=["centre", "centre", "left", "left"]))
    else:
        out.append(_none(tr, st))
    out.extend(heading(tr(N_("V. SUPPORT GIVEN")), st))
    if s.supports:
        widths = [DATE_W, 32 * mm, 30 * mm, 0.0, 36 * mm]
        widths[3] = W - sum(widths)
        rows = [
            [
                fmt_day(x.given_on),
                tr(SUPPORT_KINDS.get(x.kind, x.kind)),
                money(x.amount_vnd, tr),
                x.provider,
                x.outcome,
            ]
            for x in s.supports
        ]
        head = [
            tr(N_("Date")),
            tr(N_("Kind of support")),
            tr(N_("Amount")),
            tr(N_("Given by")),
            tr(N_("Outcome")),
        ]
        out.append(grid(head, rows, widths, st, aligns=["centre", "left", "right", "left", "left"]))
    else:
        out.append(_none(tr, st))
    out.extend(heading(tr(N_("VI. VIOLATIONS AND RE-OFFENCES")), st))
    out.append(violations_table(s.violations, tr, st) if s.violations else _none(tr, st))
    return out


def violations_table(violations: Sequence[Violation], tr: Translator, st: Styles) -> Table:
    """Date, kind, description, decision and re-offence of each violation."""
    widths = [DATE_W, 32 * mm, 0.0, 32 * mm, 20 * mm]
    widths[2] = W - sum(widths)
    rows = [
        [
            fmt_day(v.occurred_on),
            tr(VIOLATION_KINDS.get(v.kind, v.kind)),
            v.description,
            v.decision_ref,
            tr(N_("Yes")) if v.is_reoffence else tr(N_("No")),
        ]
        for v in violations
    ]
    head = [
        tr(N_("Date")),
        tr(N_("Kind")),
        tr(N_("What happened")),
        tr(N_("Decision")),
        tr(N_("Re-offence")),
    ]
    return grid(head, rows, widths, st, aligns=["centre", "left", "left", "left", "centre"])


def booklet(
    session: Session, dossier_id: str, *, today: date, options: PrintOptions | None = None
) -> Printed:
    """The assessment booklet of one dossier as PDF.

    Raises:
        NotFound: when the dossier does not exist.
    """
    o = options or PrintOptions()
    tr, st = o.tr, styles()
    s = dossier_summary(session, dossier_id)
    unit = unit_of(session, s.dossier.unit_id)
    officer = Signer(tr(N_("OFFICER IN CHARGE")), s.dossier.officer_name, note=sign_hint(tr))
    chief = chief_signer(session, unit, o, tr, note=seal_hint(tr))
    feet = signature_row(
        signature(officer, st),
        signature(chief, st),
        W,
        left_share=0.5,
        date_line=place_date(issuer_place(unit), today, tr),
    )
    story: list[Flowable] = [
        DocumentStart(),
        *_cover(session, s, unit, o, st),
        PageBreak(),
        *_person(s, session, tr, st),
        *_assessments(s, tr, st),
        *_records(s, tr, st),
    ]
    story = sign_off(story, [Spacer(1, 8 * mm), feet])
    title = tr(N_("Assessment booklet: {name}")).format(name=s.person.full_name)
    return build(story, title=title, author=unit.name)
