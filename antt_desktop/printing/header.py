"""The two-column header of an administrative document (thể thức văn bản, Decree 30/2020).

Left: the parent body (upper case, regular 13), the issuing body (upper case, bold 13) with a
short rule under it, then "Số: 05/BC-CAX". Right: the national title (upper case, bold 13),
the motto (bold 14) with a rule as long as the line, then the place and date in italics.
The "Số" line and the date line share a row, so they sit on one baseline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Table

from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.printing.layout import Styles, balanced, fit_size
from antt_desktop.printing.tables import BARE, table
from antt_desktop.printing.text import esc, is_province, issuer_place, place_date, unit_code, upper
from antt_desktop.store.models import Unit

GUTTER = 4 * mm  # space between the two columns
RULE = 0.6  # thickness of the rules under the issuing body and the motto, in points


@dataclass(frozen=True)
class Heading:
    """What the header says.

    Attributes:
        parent_body: the body above the issuer ("CÔNG AN TỈNH THÁI NGUYÊN"), if any.
        issuer: the issuing body ("CÔNG AN XÃ PHÚ LƯƠNG").
        number: number and symbol ("05/BC-CAX"); None prints no "Số" line, "" a blank one.
        place: the place name of the date line ("Phú Lương").
        day: the date of the document; None with ``year`` leaves the day and month blank.
        year: the year of a date line left blank to fill in by hand.
        dated: False prints no date line at all (a cover).
        ministry: the issuer is a provincial police: "BỘ CÔNG AN" is its parent body.
    """

    parent_body: str | None
    issuer: str
    number: str | None = None
    place: str | None = None
    day: date | None = None
    year: int | None = None
    dated: bool = True
    ministry: bool = False


#: The room left for a number written by hand ("Số:          /BC-CAX").
BLANK_NUMBER = "\u00a0" * 12


def heading_of(
    unit: Unit,
    *,
    number: str | None = None,
    day: date | None = None,
    year: int | None = None,
    dated: bool = True,
    doc_type: str | None = None,
) -> Heading:
    """The header of a document issued by ``unit``: its parent body (the Ministry above a
    provincial police), its place in the date line. A blank ``number`` of a ``doc_type``
    ("BC") leaves room for the number by hand before the symbol: "Số:      /BC-CAX"."""
    if number == "" and doc_type:
        number = f"{BLANK_NUMBER}/{doc_type}-{unit_code(unit)}"
    province = is_province(unit)
    parent = None if province else unit.parent_body
    place = issuer_place(unit)
    return Heading(parent, unit.name, number, place, day, year, dated, ministry=province)


def _style(name: str, font: str, size: float) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=round(size * 1.2, 1), alignment=TA_CENTER
    )


def _rule(width: float) -> HRFlowable:
    return HRFlowable(
        width=width,
        thickness=RULE,
        color=colors.black,
        hAlign="CENTER",
        spaceBefore=3,
        spaceAfter=3,
    )


#: Font sizes tried, largest first: (parent and issuer, national title, motto).
_SIZES = ((13, 13, 14), (12.5, 12.5, 13.5), (12, 12, 13))


def _columns(
    width: float, parent: str, issuer: str, national: str, motto: str, st: Styles
) -> tuple[float, float]:
    """Text widths of the left and right columns: each line on one line at the largest
    sizes that allow it, the room left over shared equally; the left column wraps when even
    the smallest sizes do not fit."""
    regular, bold = st.fonts.regular, st.fonts.bold
    for side, title, mot in _SIZES:
        left = max(stringWidth(parent, regular, side), stringWidth(issuer, bold, side))
        right = max(stringWidth(national, bold, title), stringWidth(motto, bold, mot))
        if left + right + GUTTER <= width:
            break
    right = min(right, width * 0.62)
    extra = max(width - GUTTER - left - right, 0)
    return width - GUTTER - right - extra / 2, right + extra / 2


def header(h: Heading, tr: Translator, st: Styles, width: float) -> Table:
    """The header as a borderless two-column table ``width`` points wide."""
    regular, bold, italic = st.fonts.regular, st.fonts.bold, st.fonts.italic
    national = tr(N_("SOCIALIST REPUBLIC OF VIET NAM"))
    motto = tr(N_("Independence - Freedom - Happiness"))
    issuer = upper(h.issuer)
    parent = upper(h.parent_body) if h.parent_body else ""
    if h.ministry:
        parent = upper(tr(N_("Ministry of Public Security")))
    left_w, right_w = _columns(width, parent, issuer, national, motto, st)

    national_size = fit_size(national, bold, 13, right_w, 11)
    motto_size = fit_size(motto, bold, 14, right_w, 12)
    right: list[Flowable] = [
        Paragraph(esc(national), _style("national", bold, national_size)),
        Paragraph(esc(motto), _style("motto", bold, motto_size)),
        _rule(stringWidth(motto, bold, motto_size)),
    ]

    issuer_size = fit_size(issuer, bold, 13, left_w, 12)
    left: list[Flowable] = []
    if parent:
        size = fit_size(parent, regular, 13, left_w, 12)
        left.append(
            Paragraph(balanced(parent, regular, size, left_w), _style("parent", regular, size))
        )
    left.append(
        Paragraph(balanced(issuer, bold, issuer_size, left_w), _style("issuer", bold, issuer_size))
    )
    issuer_w = min(stringWidth(issuer, bold, issuer_size), left_w)
    left.append(_rule(issuer_w * 0.4))

    rows: list[list[object]] = [[left, right]]
    below_left: list[Flowable] = []
    below_right: list[Flowable] = []
    if h.number is not None:
        text = tr(N_("No.: {number}")).format(number=h.number or "......./")
        below_left.append(Paragraph(esc(text), _style("number", regular, 13)))
    if h.dated:
        line = place_date(h.place, h.day, tr, h.year)
        size = fit_size(line, italic, 14, right_w, 12)
        below_right.append(Paragraph(esc(line), _style("date", italic, size)))
    if below_left or below_right:
        rows.append([below_left, below_right])
    widths = [left_w + GUTTER / 2, right_w + GUTTER / 2]
    return table(
        rows,
        widths,
        [
            *BARE,
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("RIGHTPADDING", (0, 0), (0, -1), GUTTER / 2),
            ("LEFTPADDING", (1, 0), (1, -1), GUTTER / 2),
            ("TOPPADDING", (0, 1), (-1, 1), 4),
        ],
    )
