"""Certificates of merit (giấy khen): landscape A4 in a decorative frame, one per recipient.

The national title and motto, the issuer, "TẶNG" and the large "GIẤY KHEN", the recipient,
the achievement, then the decision number and date and the golden-book number on the left
and the place, date and signature of the issuer on the right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, HRFlowable, PageBreak, Paragraph, Spacer
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.printing.document import Printed, Progress, build, check
from antt_desktop.printing.layout import LANDSCAPE, Styles, fit_size, styles
from antt_desktop.printing.pages import DocumentStart
from antt_desktop.printing.records import live, unit_of
from antt_desktop.printing.signature import Signer, signature
from antt_desktop.printing.tables import BARE, table
from antt_desktop.printing.text import PrintOptions, esc, fmt_day, issuer_place, place_date, upper
from antt_desktop.services.commendations import commendations_of_decision
from antt_desktop.store.models import Commendation, Person, Unit

FRAME_RED = colors.Color(0.62, 0.08, 0.08)
GOLD = colors.Color(0.72, 0.56, 0.16)
W = LANDSCAPE.frame_width
_BODIES = re.compile(r"\s(UBND|Ủy ban|Uỷ ban|Công an|Hội đồng|Ban|Bộ)\b", re.IGNORECASE)

KIND_TITLES = {
    "giay_khen": N_("CERTIFICATE OF MERIT"),
    "bang_khen": N_("DIPLOMA OF MERIT"),
    "giay_chung_nhan": N_("CERTIFICATE"),
}


def draw_border(canvas: Canvas, _doc: object) -> None:
    """A double frame with ornaments in the corners, drawn under the text of each page."""
    w, h = LANDSCAPE.width, LANDSCAPE.height
    outer, inner = 9 * mm, 13 * mm
    canvas.saveState()
    canvas.setStrokeColor(FRAME_RED)
    canvas.setLineWidth(2.6)
    canvas.rect(outer, outer, w - 2 * outer, h - 2 * outer)
    canvas.setLineWidth(0.8)
    canvas.rect(inner, inner, w - 2 * inner, h - 2 * inner)
    corners = (
        (inner, inner, 0),
        (w - inner, inner, 90),
        (w - inner, h - inner, 180),
        (inner, h - inner, 270),
    )
    for x, y, start in corners:
        canvas.setStrokeColor(GOLD)
        canvas.setLineWidth(1.2)
        for r in (6 * mm, 9 * mm, 12 * mm):  # quarter circles about the corner
            canvas.arc(x - r, y - r, x + r, y + r, startAng=start, extent=90)
        canvas.setFillColor(FRAME_RED)
        canvas.circle(x, y, 2.2 * mm, stroke=0, fill=1)
        dx = 1 if start in (0, 270) else -1
        dy = 1 if start in (0, 90) else -1
        canvas.setStrokeColor(FRAME_RED)
        canvas.setLineWidth(0.8)
        canvas.line(x + dx * 14 * mm, y + dy * 2 * mm, x + dx * 40 * mm, y + dy * 2 * mm)
        canvas.line(x + dx * 2 * mm, y + dy * 14 * mm, x + dx * 2 * mm, y + dy * 30 * mm)
    mid = w / 2
    canvas.setFillColor(GOLD)
    for y in (inner, h - inner):  # a diamond in the middle of the top and bottom sides
        path = canvas.beginPath()
        path.moveTo(mid - 5 * mm, y)
        path.lineTo(mid, y + 2.5 * mm)
        path.lineTo(mid + 5 * mm, y)
        path.lineTo(mid, y - 2.5 * mm)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def issuer_title(issuer: str) -> str:
    """The signing title in an issuer: "Chủ tịch" of "Chủ tịch UBND xã Phú Lương"."""
    match = _BODIES.search(issuer)
    return issuer[: match.start()].strip() if match and match.start() > 0 else issuer


def _style(
    name: str,
    font: str,
    size: float,
    *,
    color: object = colors.black,
    align: int = TA_CENTER,
    space: float = 0,
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=round(size * 1.25, 1),
        alignment=align,
        textColor=color,
        spaceAfter=space,
    )


def _recipient(session: Session, c: Commendation, tr: Translator) -> str:
    if c.recipient_kind == "person" and c.recipient_id:
        person = session.get(Person, c.recipient_id)
        if person is not None and person.sex == "M":
            return tr(N_("Mr {name}")).format(name=c.recipient_name)
        if person is not None and person.sex == "F":
            return tr(N_("Ms {name}")).format(name=c.recipient_name)
    return c.recipient_name


def _page(
    session: Session, c: Commendation, unit: Unit, o: PrintOptions, st: Styles
) -> list[Flowable]:
    tr, f = o.tr, st.fonts
    national = tr(N_("SOCIALIST REPUBLIC OF VIET NAM"))
    motto = tr(N_("Independence - Freedom - Happiness"))
    kind = tr(KIND_TITLES.get(c.kind, KIND_TITLES["giay_khen"]))
    title_size = fit_size(upper(kind), f.bold, 46, W, 28)
    issuer = upper(c.issuer)
    recipient = _recipient(session, c, tr)
    decision = tr(N_("Decision No. {number} of {day}")).format(
        number=c.decision_number, day=fmt_day(c.decision_date)
    )
    left = [Paragraph(esc(decision), _style("decision", f.regular, 13, align=TA_LEFT))]
    if c.golden_book_no:
        book = tr(N_("Golden book No.: {number}")).format(number=c.golden_book_no)
        left.append(Paragraph(esc(book), _style("book", f.regular, 13, align=TA_LEFT)))
    signer = Signer(
        issuer_title(c.issuer),
        o.signer_name,
        date_line=place_date(issuer_place(unit), c.decision_date, tr),
    )
    foot = table(
        [[left, signature(signer, st)]],
        [W * 0.5, W * 0.5],
        [*BARE, ("VALIGN", (0, 0), (-1, -1), "BOTTOM")],
    )
    return [
        Paragraph(esc(national), _style("national", f.bold, 14)),
        Paragraph(esc(motto), _style("motto", f.bold, 15)),
        HRFlowable(
            width=_width(motto, f.bold, 15),
            thickness=0.6,
            color=colors.black,
            spaceBefore=1,
            spaceAfter=8 * mm,
        ),
        Paragraph(esc(issuer), _style("issuer", f.bold, fit_size(issuer, f.bold, 16, W, 12))),
        Spacer(1, 3 * mm),
        Paragraph(esc(tr(N_("AWARDS"))), _style("awards", f.bold, 15, space=2)),
        Paragraph(esc(upper(kind)), _style("kind", f.bold, title_size, color=FRAME_RED, space=6)),
        Paragraph(
            esc(recipient),
            _style("recipient", f.bold, fit_size(recipient, f.bold, 22, W, 15), space=6),
        ),
        Paragraph(esc(c.achievement), _style("achievement", f.italic, 16)),
        Spacer(1, 12 * mm),
        foot,
    ]


def _width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))


def _render(
    session: Session,
    rows: Sequence[Commendation],
    o: PrintOptions,
    title: str,
    progress: Progress | None = None,
) -> Printed:
    st = styles()
    units: dict[str, Unit] = {}
    story: list[Flowable] = []
    for i, c in enumerate(rows):
        check(progress, 0, len(rows))  # composing the pages: Cancel is heard here too
        unit = units.get(c.unit_id) or units.setdefault(c.unit_id, unit_of(session, c.unit_id))
        if i:
            story.append(PageBreak())
        story.append(DocumentStart())
        story.extend(_page(session, c, unit, o, st))
    return build(
        story,
        title=title,
        geometry=LANDSCAPE,
        numbered=False,
        on_page=draw_border,
        progress=progress,
    )


def certificates_for_decision(
    session: Session,
    decision_number: str,
    unit_id: str,
    decision_date: date | None = None,
    *,
    options: PrintOptions | None = None,
    progress: Progress | None = None,
) -> Printed:
    """One certificate page per recipient of a decision of ``unit_id`` (its number, and its
    date when the number was used on several days); ``progress`` hears of each
    certificate as it is laid out.

    Raises:
        PrintCancelled: ``progress`` returned False.
        ValidationFailed: field ``decision_number``, code ``print.decision_unknown`` when the
            unit has no commendation of that decision.
    """
    o = options or PrintOptions()
    rows = commendations_of_decision(session, decision_number, unit_id, decision_date)
    if not rows:
        raise ValidationFailed.single(
            "decision_number", "print.decision_unknown", value=decision_number
        )
    title = o.tr(N_("Certificates of decision {number}")).format(number=decision_number)
    return _render(session, rows, o, title, progress)


def certificate(
    session: Session, commendation_id: str, *, options: PrintOptions | None = None
) -> Printed:
    """The certificate of one commendation.

    Raises:
        NotFound: when the commendation does not exist.
    """
    o = options or PrintOptions()
    c = live(session, Commendation, commendation_id, "commendation")
    title = o.tr(N_("Certificate: {name}")).format(name=c.recipient_name)
    return _render(session, [c], o, title)
