"""Certificates of merit (giấy khen): landscape A4 in a decorative frame, one per recipient.

The national title and motto, the issuer spelled out ("GIÁM ĐỐC CÔNG AN TỈNH THÁI
NGUYÊN"), "TẶNG" and the large "GIẤY KHEN", the recipient with the line of their position
and unit, the achievement; then the number, the decision and the golden-book number on the
left and the issuer's place and date, the signing title and the signer's name on the right.

Each certificate is fitted to one page: its texts shrink within limits (the achievement
down to 11 pt); one that still does not fit is refused by name (:class:`CertificateTooLong`)
unless two pages are allowed — never silently a second page. On pre-printed paper
(``PrintOptions.blank_form``) only the variable texts print, where they would stand on a
whole certificate, moved by the printer's calibrated offsets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
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
from antt_desktop.domain.text import fold
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.printing.document import Printed, Progress, build, check
from antt_desktop.printing.header import BLANK_NUMBER
from antt_desktop.printing.issuer import Issuer, read_issuer
from antt_desktop.printing.layout import LANDSCAPE, Geometry, Styles, fit_size, styles
from antt_desktop.printing.pages import DocumentStart
from antt_desktop.printing.records import live, unit_of
from antt_desktop.printing.signature import ROOM
from antt_desktop.printing.tables import BARE, table
from antt_desktop.printing.text import PrintOptions, esc, fmt_day, issuer_place, place_date, upper
from antt_desktop.services.commendations import commendations_of_decision
from antt_desktop.services.context import Ctx
from antt_desktop.services.document_numbers import Slot
from antt_desktop.store.errors import KnownError
from antt_desktop.store.models import Area, Commendation, Person, Unit

FRAME_RED = colors.Color(0.62, 0.08, 0.08)
GOLD = colors.Color(0.72, 0.56, 0.16)
W = LANDSCAPE.frame_width
#: How far a blank form's text may be moved to meet the printed paper, in mm either way.
MAX_OFFSET_MM = 30.0

KIND_TITLES = {
    "giay_khen": N_("CERTIFICATE OF MERIT"),
    "bang_khen": N_("DIPLOMA OF MERIT"),
    "giay_chung_nhan": N_("CERTIFICATE"),
}
#: The type of document in a certificate's number ("12/GK-CAT").
DOC_TYPES = {"giay_khen": "GK", "bang_khen": "BK", "giay_chung_nhan": "GCN"}


class CertificateTooLong(KnownError):
    """A certificate does not fit on one page even at the smallest sizes (exit 3)."""

    code = "print.too_long"
    exit_code = 3


@dataclass(frozen=True)
class Sizes:
    """The sizes of the texts that shrink to fit, and the gap above the foot."""

    recipient: float
    position: float
    achievement: float
    gap: float


#: From the generous sizes to the smallest allowed, a step at a time: the gap above the
#: foot closes first, then the texts shrink (the achievement down to 11 pt).
STEPS = (
    *(Sizes(22, 15, 16, gap * mm) for gap in (12, 9, 6)),
    *(
        Sizes(
            recipient=22 - 7 * i / 10,
            position=15 - 3 * i / 10,
            achievement=16 - 5 * i / 10,
            gap=3 * mm,
        )
        for i in range(1, 11)
    ),
)


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
    """The signing title of an issuer: "Chủ tịch" of "Chủ tịch UBND xã Phú Lương", the
    title by the body's kind for a head: "TRƯỞNG CÔNG AN XÃ", never a bare "Trưởng"."""
    return read_issuer(issuer).title


class Hidden(Flowable):  # type: ignore[misc]
    """A text printed on the blank form already: its room is kept, nothing is drawn."""

    def __init__(self, inner: Flowable) -> None:
        super().__init__()
        self.inner = inner

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        w, h = self.inner.wrap(aW, aH)
        self.width, self.height = w, h
        return w, h

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    def draw(self) -> None:
        return None


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


def _position(session: Session, c: Commendation, tr: Translator) -> str | None:
    """The line under the name: the position and unit as recorded, else where a commended
    resident lives."""
    if c.recipient_position:
        return c.recipient_position
    if c.recipient_kind == "person" and c.recipient_id:
        person = session.get(Person, c.recipient_id)
        area_id = person.current_area_id if person is not None else None
        area = session.get(Area, area_id) if area_id else None
        if area is not None:
            return tr(N_("Residing at {place}")).format(place=_in_sentence(area.name))
    return None


#: Kinds of residential area written in lower case inside a sentence ("trú tại thôn Đồng Tâm").
_AREA_WORDS = ("thôn", "xóm", "bản", "tổ", "khu", "ấp", "làng", "buôn", "khối", "phum", "sóc")


def _in_sentence(name: str) -> str:
    first, _, rest = name.partition(" ")
    return f"{first.lower()} {rest}" if rest and first.lower() in _AREA_WORDS else name


@dataclass(frozen=True)
class _Texts:
    """What one certificate says, before it is laid out."""

    kind: str
    issuer: Issuer
    recipient: str
    position: str | None
    achievement: str
    left: tuple[str, ...]  # the number, the decision, the golden book
    date_line: str
    signer: str | None
    fixed: tuple[str, str, str]  # the national title, the motto, "TẶNG"


def _texts(session: Session, c: Commendation, unit: Unit, o: PrintOptions) -> _Texts:
    tr = o.tr
    issuer = read_issuer(c.issuer)
    left: list[str] = []
    number = number_of(c, issuer, o)
    if number is not None:
        left.append(tr(N_("No.: {number}")).format(number=number))
    left.append(
        tr(N_("Decision No. {number} of {day}")).format(
            number=c.decision_number, day=fmt_day(c.decision_date)
        )
    )
    if c.golden_book_no:
        left.append(tr(N_("Golden book No.: {number}")).format(number=c.golden_book_no))
    place = issuer.place or issuer_place(unit)
    return _Texts(
        kind=tr(KIND_TITLES.get(c.kind, KIND_TITLES["giay_khen"])),
        issuer=issuer,
        recipient=_recipient(session, c, tr),
        position=_position(session, c, tr),
        achievement=c.achievement,
        left=tuple(left),
        date_line=place_date(place, c.decision_date, tr),
        signer=o.signer_name or c.signer_name,
        fixed=(
            tr(N_("SOCIALIST REPUBLIC OF VIET NAM")),
            tr(N_("Independence - Freedom - Happiness")),
            tr(N_("AWARDS")),
        ),
    )


def number_of(c: Commendation, issuer: Issuer, o: PrintOptions) -> str | None:
    """The certificate's number: from the register, typed, blank to fill by hand
    ("      /GK-CAT"), or None for no "Số" line."""
    if o.numbers is not None and c.id in o.numbers:
        return o.numbers[c.id]
    if o.number == "" or o.numbers is not None:  # blank, or another issuer's number
        doc_type = DOC_TYPES.get(c.kind, "GK")
        symbol = f"{doc_type}-{issuer.symbol}" if issuer.symbol else doc_type
        return f"{BLANK_NUMBER}/{symbol}"
    return o.number


def _page(t: _Texts, s: Sizes, st: Styles, blank: bool) -> list[Flowable]:
    f = st.fonts

    def fixed(flowable: Flowable) -> Flowable:
        return Hidden(flowable) if blank else flowable

    national, motto, awards = t.fixed
    title_size = fit_size(upper(t.kind), f.bold, 46, W, 28)
    heading = t.issuer.heading
    left: list[Flowable] = [
        Paragraph(esc(line), _style("left", f.regular, 13, align=TA_LEFT)) for line in t.left
    ]
    right: list[Flowable] = [Paragraph(esc(t.date_line), _style("date", f.italic, 14))]
    if t.issuer.authority:
        right.append(fixed(Paragraph(esc(t.issuer.authority), st.sign_title)))
    right.append(fixed(Paragraph(esc(t.issuer.title), st.sign_title)))
    right.append(Spacer(1, ROOM))
    if t.signer:
        right.append(Paragraph(esc(t.signer), st.sign_name))
    foot = table(
        [[left, right]],
        [W * 0.5, W * 0.5],
        [*BARE, ("VALIGN", (0, 0), (-1, -1), "BOTTOM")],
    )
    recipient_size = fit_size(t.recipient, f.bold, s.recipient, W, min(s.recipient, 15))
    out: list[Flowable] = [
        fixed(Paragraph(esc(national), _style("national", f.bold, 14))),
        fixed(Paragraph(esc(motto), _style("motto", f.bold, 15))),
        fixed(
            HRFlowable(
                width=_width(motto, f.bold, 15),
                thickness=0.6,
                color=colors.black,
                spaceBefore=1,
                spaceAfter=8 * mm,
            )
        ),
        fixed(
            Paragraph(esc(heading), _style("issuer", f.bold, fit_size(heading, f.bold, 16, W, 12)))
        ),
        Spacer(1, 3 * mm),
        fixed(Paragraph(esc(awards), _style("awards", f.bold, 15, space=2))),
        fixed(
            Paragraph(
                esc(upper(t.kind)), _style("kind", f.bold, title_size, color=FRAME_RED, space=6)
            )
        ),
        Paragraph(
            esc(t.recipient),
            _style("recipient", f.bold, recipient_size, space=2 if t.position else 6),
        ),
    ]
    if t.position:
        out.append(Paragraph(esc(t.position), _style("position", f.regular, s.position, space=6)))
    out += [
        Paragraph(esc(t.achievement), _style("achievement", f.italic, s.achievement)),
        Spacer(1, s.gap),
        foot,
    ]
    return out


def _height(flowables: Sequence[Flowable], width: float) -> float:
    total = 0.0
    for i, f in enumerate(flowables):
        _w, h = f.wrap(width, 10_000)
        total += h + f.getSpaceAfter() + (f.getSpaceBefore() if i else 0)
    return total


def fitted(t: _Texts, st: Styles, o: PrintOptions, room: float) -> list[Flowable]:
    """The certificate at the largest sizes that fit in ``room`` points of height.

    Raises:
        CertificateTooLong: it does not fit even at the smallest, and ``o`` does not allow
            two pages.
    """
    page: list[Flowable] = []
    for sizes in STEPS:
        page = _page(t, sizes, st, o.blank_form)
        if _height(page, W) <= room:
            return page
    if o.allow_two_pages:
        return page
    raise CertificateTooLong(name=t.recipient)


def _geometry(o: PrintOptions) -> Geometry:
    for field_name, value in (("offset_x", o.offset_x_mm), ("offset_y", o.offset_y_mm)):
        if not -MAX_OFFSET_MM <= value <= MAX_OFFSET_MM:
            raise ValidationFailed.single(field_name, "print.offset", value=value)
    if not o.blank_form:
        return LANDSCAPE
    dx, dy = o.offset_x_mm * mm, o.offset_y_mm * mm
    g = LANDSCAPE
    return replace(g, left=g.left + dx, right=g.right - dx, top=g.top + dy, bottom=g.bottom - dy)


def _render(
    session: Session,
    rows: Sequence[Commendation],
    o: PrintOptions,
    title: str,
    progress: Progress | None = None,
) -> Printed:
    st = styles()
    geometry = _geometry(o)
    units: dict[str, Unit] = {}
    story: list[Flowable] = []
    room = LANDSCAPE.frame_height - 1
    for i, c in enumerate(rows):
        check(progress, 0, len(rows))  # composing the pages: Cancel is heard here too
        unit = units.get(c.unit_id) or units.setdefault(c.unit_id, unit_of(session, c.unit_id))
        if i:
            story.append(PageBreak())
        story.append(DocumentStart())
        story.extend(fitted(_texts(session, c, unit, o), st, o, room))
    return build(
        story,
        title=title,
        geometry=geometry,
        numbered=False,
        on_page=None if o.blank_form else draw_border,
        progress=progress,
    )


def _width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))


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
        CertificateTooLong: a certificate does not fit on one page (unless allowed).
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
        CertificateTooLong: it does not fit on one page (unless allowed).
    """
    o = options or PrintOptions()
    c = live(session, Commendation, commendation_id, "commendation")
    title = o.tr(N_("Certificate: {name}")).format(name=c.recipient_name)
    return _render(session, [c], o, title)


def certificate_slots(
    ctx: Ctx,
    decision_number: str,
    unit_id: str,
    decision_date: date | None,
    tr: Translator,
) -> list[Slot]:
    """One register slot per certificate of a decision ("GK" numbers of the decision's
    year, the issuer's symbol), in the order they print. Only the printing unit's own
    certificates take its numbers: one its upper unit or the commune's People's Committee
    issued is numbered in that issuer's register, so it prints a line to fill by hand."""
    rows = commendations_of_decision(ctx.session, decision_number, unit_id, decision_date)
    unit = ctx.session.get(Unit, unit_id)
    own = fold(unit.name) if unit is not None else None
    rows = [c for c in rows if own and own in fold(c.issuer)]
    return [
        Slot(
            DOC_TYPES.get(c.kind, "GK"),
            read_issuer(c.issuer).symbol,
            c.decision_date.year,
            f"certificate {c.decision_number}",
            c.id,
            f"{tr(KIND_TITLES.get(c.kind, KIND_TITLES['giay_khen'])).capitalize()}:"
            f" {c.recipient_name}",
        )
        for c in rows
    ]
