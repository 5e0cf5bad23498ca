"""Page numbers: Arabic numerals, 13 pt upright, centred in the top margin, from page 2 on.

A batch (one pledge form per household) holds several documents in one PDF; each starts
with a :class:`DocumentStart` marker and numbers its own pages from 1.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from antt_desktop.printing.layout import Geometry

NUMBER_SIZE = 13
_FIRST = "_antt_document_first_page"


class DocumentStart(Flowable):  # type: ignore[misc]
    """An invisible marker: a new document begins on this page (numbering restarts).

    ``reached`` is called when the layout gets here (``build`` uses it to report the
    progress of a batch, one document at a time).
    """

    def __init__(self) -> None:
        super().__init__()
        self.reached: Callable[[], None] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        setattr(self.canv, _FIRST, self.canv.getPageNumber())
        if self.reached is not None:
            self.reached()


def page_in_document(canvas: Canvas) -> int:
    """The number of the current page within its document (1 for its first page)."""
    first: int = getattr(canvas, _FIRST, 1)
    return int(canvas.getPageNumber()) - first + 1


def numberer(geometry: Geometry, font: str) -> Any:
    """An ``onPageEnd`` callback drawing the page number centred in the top margin of every
    page but a document's first."""

    def draw(canvas: Canvas, _doc: object) -> None:
        number = page_in_document(canvas)
        if number < 2:
            return
        x = geometry.left + geometry.frame_width / 2
        y = geometry.height - geometry.top / 2 - NUMBER_SIZE / 3
        canvas.saveState()
        canvas.setFont(font, NUMBER_SIZE)
        canvas.drawCentredString(x, y, str(number))
        canvas.restoreState()

    return draw
