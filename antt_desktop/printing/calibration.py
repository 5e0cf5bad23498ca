"""The calibration page of pre-printed certificates (trang căn chỉnh máy in): rulers in
millimetres along the top and left edges and cross marks where the variable texts of a
certificate start, moved by the offsets being tried.

The officer prints it on plain paper, lays it on a blank certificate against the light and
reads how far the marks miss the form's lines; those millimetres, entered once per printer,
move every certificate printed on that printer's blank forms."""

from __future__ import annotations

import io

from babel.numbers import format_decimal
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.printing.document import Printed
from antt_desktop.printing.layout import LANDSCAPE, styles
from antt_desktop.printing.text import nfc

#: Where the marks stand on the page before any offset (mm from the left and top edges):
#: the corner of the text area, and where a certificate with a one-line achievement puts
#: the recipient's name (its middle, on the baseline), the number line and the signer.
MARKS = ((36.0, 32.0), (148.5, 101.0), (36.0, 169.0), (204.5, 175.0))


def _ruler(c: Canvas, font: str, length_mm: int, *, vertical: bool) -> None:
    height = LANDSCAPE.height
    for n in range(0, length_mm + 1):
        tick = 5 if n % 10 == 0 else 3.5 if n % 5 == 0 else 2
        if vertical:
            y = height - n * mm
            c.line(0, y, tick * mm, y)
            if n % 10 == 0 and n:
                c.drawString(6 * mm, y - 1.2 * mm, str(n))
        else:
            c.line(n * mm, height, n * mm, height - tick * mm)
            if n % 10 == 0 and n:
                c.drawCentredString(n * mm, height - 9 * mm, str(n))


def calibration_page(
    tr: Translator, *, offset_x_mm: float = 0.0, offset_y_mm: float = 0.0, printer: str = ""
) -> Printed:
    """The calibration page with marks moved by the offsets (right and down, in mm)."""
    st = styles()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(LANDSCAPE.width, LANDSCAPE.height), initialFontName=st.fonts.regular)
    c.setTitle(tr(N_("Calibration page of blank certificates")))
    c.setLineWidth(0.4)
    c.setFont(st.fonts.regular, 7)
    _ruler(c, st.fonts.regular, 297, vertical=False)
    _ruler(c, st.fonts.regular, 210, vertical=True)
    c.setLineWidth(0.6)
    for x_mm, y_mm in MARKS:
        x = (x_mm + offset_x_mm) * mm
        y = LANDSCAPE.height - (y_mm + offset_y_mm) * mm
        c.line(x - 6 * mm, y, x + 6 * mm, y)
        c.line(x, y - 6 * mm, x, y + 6 * mm)
        c.circle(x, y, 2 * mm)
    c.setFont(st.fonts.bold, 14)
    c.drawCentredString(
        LANDSCAPE.width / 2, LANDSCAPE.height - 30 * mm, nfc(tr(N_("PRINTER CALIBRATION PAGE")))
    )
    c.setFont(st.fonts.regular, 11)
    lines = [
        tr(N_("Printer: {printer}")).format(printer=printer or "—"),
        tr(N_("Offsets tried: {x} mm to the right, {y} mm down")).format(
            x=format_decimal(offset_x_mm, locale=tr.locale),
            y=format_decimal(offset_y_mm, locale=tr.locale),
        ),
        tr(
            N_(
                "Print this page on plain paper, lay it on a blank certificate against the"
                " light and measure how far each mark (+) misses the line it belongs to."
            )
        ),
        tr(
            N_(
                "Add the millimetres to the offsets (to the right and down are positive) and"
                " print this page again until the marks meet the lines."
            )
        ),
    ]
    y = LANDSCAPE.height - 42 * mm
    for line in lines:
        c.drawCentredString(LANDSCAPE.width / 2, y, nfc(line))
        y -= 6 * mm
    c.showPage()
    c.save()
    return Printed(buf.getvalue(), 1)
