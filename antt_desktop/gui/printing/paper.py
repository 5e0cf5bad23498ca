"""Sending a PDF to a printer: each page rendered at the printer's own resolution and
painted on the paper at its real size (an A4 page fills an A4 sheet, margins and all).

Runs on a worker thread (Qt paints on a QPrinter outside the GUI thread) with a QtPdf
document of its own. A page is rendered in horizontal bands, so a 1200 dpi page never
needs one 550 MB image.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRect,
    QRectF,
    QSize,
    QSizeF,
)
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

#: ``progress(done, total)``; False stops (the rest of the pages are not printed).
PageProgress = Callable[[int, int], bool]

BAND_BYTES = 32 * 1024 * 1024  # the most memory one band of a page may take


class PrintFailed(Exception):
    """The printer could not be started (unplugged, no driver, a file that cannot be made)."""


class PdfPages:
    """A PDF read by QtPdf from bytes held in memory (no temporary file)."""

    def __init__(self, pdf: bytes, parent: QObject | None = None) -> None:
        self.buffer = QBuffer(parent)
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(parent) if parent is not None else QPdfDocument()
        self.document.load(self.buffer)

    def replace(self, pdf: bytes) -> None:
        """Show ``pdf`` instead (the same document object, so a view keeps working)."""
        self.document.close()
        self.buffer.close()
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)

    @property
    def count(self) -> int:
        return int(self.document.pageCount())

    def size(self, page: int) -> QSizeF:
        """The page's size in points."""
        return self.document.pagePointSize(page)

    def close(self) -> None:
        self.document.close()
        self.buffer.close()


def pages_to_print(printer: QPrinter, count: int) -> list[int]:
    """The pages (from 0) the officer chose in the print dialog: all, or a range."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return list(range(count))
    return list(range(max(first, 1) - 1, min(last, count)))


def _orient(printer: QPrinter, size: QSizeF) -> None:
    landscape = size.width() > size.height()
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )


def _target(printer: QPrinter, size: QSizeF) -> QRect:
    """Where the page goes on the sheet, in device pixels: its real size at the printer's
    resolution, shrunk only if the sheet is smaller (Letter), centred."""
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    dpi = printer.resolution()
    width, height = size.width() / 72 * dpi, size.height() / 72 * dpi
    scale = min(1.0, paper.width() / width, paper.height() / height)
    w, h = round(width * scale), round(height * scale)
    x = paper.x() + (paper.width() - w) / 2
    y = paper.y() + (paper.height() - h) / 2
    return QRect(round(x), round(y), w, h)


def _paint(painter: QPainter, pages: PdfPages, page: int, target: QRect) -> None:
    band = max(1, BAND_BYTES // (4 * max(target.width(), 1)))
    for top in range(0, target.height(), band):
        rows = min(band, target.height() - top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(target.size())
        options.setScaledClipRect(QRect(0, top, target.width(), rows))
        image = pages.document.render(page, QSize(target.width(), rows), options)
        painter.drawImage(QRectF(target.x(), target.y() + top, target.width(), rows), image)


def print_pdf(pdf: bytes, printer: QPrinter, progress: PageProgress | None = None) -> int:
    """Paint the chosen pages of ``pdf`` on ``printer``; returns how many were sent (0 when
    ``progress`` stopped it: the job is then aborted, nothing of it is printed).

    Raises:
        PrintFailed: the printer could not be started.
    """
    pages = PdfPages(pdf)
    try:
        chosen = pages_to_print(printer, pages.count)
        printer.setFullPage(True)  # our pages carry their own margins (Decree 30)
        painter = QPainter()
        for n, page in enumerate(chosen):
            if progress is not None and not progress(n, len(chosen)):
                if painter.isActive():
                    printer.abort()  # the spooler drops what it has of this job
                    painter.end()
                return 0
            size = pages.size(page)
            _orient(printer, size)
            if n == 0:
                if not painter.begin(printer):
                    raise PrintFailed()
            else:
                printer.newPage()
            _paint(painter, pages, page, _target(printer, size))
        if painter.isActive():
            painter.end()
        if progress is not None:
            progress(len(chosen), len(chosen))
        return len(chosen)
    finally:
        pages.close()
