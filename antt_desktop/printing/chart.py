"""A plain horizontal bar chart drawn with reportlab.graphics (prints well in black)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from antt_desktop.printing.text import nfc

LABEL_SIZE = 11
ROW = 2 * LABEL_SIZE + 8  # room for a label of two lines
BAR_FILL = colors.Color(0.25, 0.25, 0.25)


def bar_chart(
    bars: Sequence[tuple[str, int]],
    width: float,
    font: str,
    *,
    label_width: float = 72 * mm,
    value_text: Sequence[str] | None = None,
) -> Drawing:
    """One bar per (label, value), top to bottom, scaled to the largest value.

    Labels longer than two lines are shortened with "…"; ``value_text`` prints each value
    the way the document writes numbers (``1.270``).
    """
    texts = list(value_text) if value_text is not None else [str(v) for _l, v in bars]
    value_room = max((stringWidth(t, font, LABEL_SIZE) for t in texts), default=0) + 4
    bar_room = width - label_width - value_room - 4
    top = max((v for _l, v in bars), default=0) or 1
    height = ROW * len(bars) + 4
    d = Drawing(width, height)
    x0 = label_width + 4
    d.add(Line(x0, 0, x0, height, strokeColor=colors.black, strokeWidth=0.6))
    for i, ((label, value), text) in enumerate(zip(bars, texts, strict=True)):
        y = height - (i + 1) * ROW
        lines = simpleSplit(nfc(label), font, LABEL_SIZE, label_width)
        if len(lines) > 2:
            last = lines[1]
            while last and stringWidth(last + "…", font, LABEL_SIZE) > label_width:
                last = last[:-1]
            lines = [lines[0], last.rstrip() + "…"]
        base = y + ROW / 2 + (LABEL_SIZE / 2 if len(lines) == 2 else -LABEL_SIZE / 3)
        for n, line in enumerate(lines):
            d.add(String(0, base - n * (LABEL_SIZE + 1), line, fontName=font, fontSize=LABEL_SIZE))
        bar = bar_room * value / top
        bar_h = ROW * 0.55
        bar_y = y + (ROW - bar_h) / 2
        if bar > 0:
            d.add(Rect(x0, bar_y, bar, bar_h, fillColor=BAR_FILL, strokeColor=None))
        d.add(
            String(
                x0 + bar + 3,
                bar_y + bar_h / 2 - LABEL_SIZE / 3,
                text,
                fontName=font,
                fontSize=LABEL_SIZE,
            )
        )
    return d
