"""Paragraphs and tables that lay themselves out once per width.

Printing a booklet makes a hundred paragraphs, most of them plain words (a date, a name, a
label). reportlab parses each as markup and, in a table, breaks its lines again at every
step: when the rows are measured, when the table is cut at a page break, before each cell is
drawn (and by :func:`antt_desktop.printing.tables.grid` and the section starts before that).
Both results depend only on the text, the style and the width, so this paragraph takes plain
text as the parser would leave it and answers the same width again from the layout it kept.
A table measures its rows again at each wrap too; without cells spanning rows its rows'
heights depend only on the width, so it keeps them as well. The PDF is the same, its text at
the same places (tests/printing/test_booklet_speed.py).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus import Table as _Table
from reportlab.platypus.paragraph import textTransformFrags
from reportlab.platypus.paraparser import ParaParser

#: style id → (the style, the fragment the parser makes of plain text in it)
_PLAIN: dict[int, tuple[ParagraphStyle, Any]] = {}


def _is_plain(text: object) -> bool:
    """Text the parser would read as one run as it is: no markup, no entity, no white space
    it would fold (line breaks, tabs, runs of spaces, spaces at either end)."""
    return (
        isinstance(text, str)
        and bool(text)
        and "<" not in text
        and "&" not in text
        and " ".join(text.split()) == text
    )


def _plain_run(style: ParagraphStyle, text: str) -> Any:
    """The fragment the parser makes of ``text`` in ``style`` (made once per style)."""
    known = _PLAIN.get(id(style))
    if known is None or known[0] is not style:
        parsed_style, frags, bullet = ParaParser().parse("x", style)
        if parsed_style is not style or bullet or frags is None or len(frags) != 1:
            return None  # a style the parser changes: parse every text
        known = _PLAIN[id(style)] = (style, frags[0])
    template = known[1]
    return template.clone(text=text, link=[], us_lines=[])


class Paragraph(_Paragraph):  # type: ignore[misc]
    """reportlab's Paragraph, reading plain text directly and remembering its last line
    layout by width."""

    _laid: tuple[float, float, Any, Any] | None = None

    def __init__(self, text: str, style: ParagraphStyle | None = None, **options: Any) -> None:
        if style is not None and not options and _is_plain(text):
            run = _plain_run(style, text)
            if run is not None:
                frags = [run]
                textTransformFrags(frags, style)
                super().__init__(text, style, frags=frags)
                return
        super().__init__(text, style, **options)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        laid = self._laid
        # the layout kept is still the paragraph's own (nothing broke its lines since)
        if laid is not None and laid[0] == availWidth and self.__dict__.get("blPara") is laid[3]:
            self.width, self.height, self._wrapWidths, self.blPara = laid
            return availWidth, laid[1]
        width, height = super().wrap(availWidth, availHeight)
        if width == availWidth:
            self._laid = (availWidth, height, self._wrapWidths, self.blPara)
        return width, height


class Table(_Table):  # type: ignore[misc]
    """reportlab's Table, keeping its rows' heights and columns' widths for the width it
    was last measured at (while no style is added and no cell spans rows)."""

    _laid_width: float | None = None

    def _calc(self, availWidth: float, availHeight: float) -> None:
        if self._laid_width is not None and self._laid_width == availWidth:
            return
        super()._calc(availWidth, availHeight)
        # every row measured (no span stopped it at the page's height): valid at any height
        complete = not self._spanCmds and None not in self._rowHeights
        self._laid_width = availWidth if complete else None

    def setStyle(self, tblstyle: Any) -> None:
        self._laid_width = None
        super().setStyle(tblstyle)
