"""The zoom of the print preview: fit the width, the whole page, a fixed percentage, or
steps in and out (Ctrl++ / Ctrl+-), with the percentage in effect shown beside it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QComboBox, QLabel

from antt_desktop.gui.printing.paper import PdfPages
from antt_desktop.i18n.translator import N_, Translator

#: Zoom choices: (message id, QPdfView zoom mode, factor for the custom ones).
ZOOMS = (
    (N_("Fit width"), QPdfView.ZoomMode.FitToWidth, 1.0),
    (N_("Whole page"), QPdfView.ZoomMode.FitInView, 1.0),
    ("50%", QPdfView.ZoomMode.Custom, 0.5),
    ("75%", QPdfView.ZoomMode.Custom, 0.75),
    ("100%", QPdfView.ZoomMode.Custom, 1.0),
    ("150%", QPdfView.ZoomMode.Custom, 1.5),
    ("200%", QPdfView.ZoomMode.Custom, 2.0),
)
STEP = 1.25
SMALLEST, LARGEST = 0.25, 4.0


class Zoom(QObject):
    """The zoom box and the percentage label of ``view`` (which shows ``pages``)."""

    def __init__(self, view: QPdfView, pages: PdfPages, page: Callable[[], int]) -> None:
        super().__init__(view)
        self.view, self.pages, self.page = view, pages, page
        self.box = QComboBox()
        self.box.setObjectName("zoom_box")
        for _text, _mode, _factor in ZOOMS:
            self.box.addItem("")
        self.box.currentIndexChanged.connect(self._chosen)
        self.label = QLabel()
        self.label.setObjectName("zoom_label")
        self.label.setMinimumWidth(48)
        view.zoomFactorChanged.connect(lambda _f: self.show())
        view.zoomModeChanged.connect(lambda _m: self.show())
        # "fit width" is a percentage only once the view has its size: the label was
        # worked out before, from a view a few pixels wide ("Vừa chiều rộng 11%")
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.view.zoomMode() != (
            QPdfView.ZoomMode.Custom
        ):
            self.show()
        return False

    def retranslate(self, tr: Translator) -> None:
        for i, (text, _mode, _factor) in enumerate(ZOOMS):
            self.box.setItemText(i, tr(text))

    def _chosen(self, index: int) -> None:
        _text, mode, factor = ZOOMS[index]
        self.view.setZoomMode(mode)
        if mode == QPdfView.ZoomMode.Custom:
            self.view.setZoomFactor(factor)

    def factor(self) -> float:
        """The zoom in effect (1.0: the page at its real size on screen), also when the view
        fits the page to the window."""
        view = self.view
        if view.zoomMode() == QPdfView.ZoomMode.Custom:
            return float(view.zoomFactor())
        size = self.pages.size(max(self.page(), 0))
        dpi = view.logicalDpiX() / 72
        margins = view.documentMargins()
        width = view.viewport().width() - margins.left() - margins.right()
        across = max(width, 1) / max(size.width() * dpi, 1)
        if view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            return across
        height = view.viewport().height() - margins.top() - margins.bottom()
        return min(across, max(height, 1) / max(size.height() * dpi, 1))

    def by(self, step: float) -> None:
        factor = max(SMALLEST, min(self.factor() * step, LARGEST))
        self.box.blockSignals(True)
        self.box.setCurrentIndex(-1)  # none of the choices any more
        self.box.blockSignals(False)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self.show()

    def zoom_in(self) -> None:
        self.by(STEP)

    def zoom_out(self) -> None:
        self.by(1 / STEP)

    def show(self) -> None:
        self.label.setText(f"{round(self.factor() * 100)}%")
