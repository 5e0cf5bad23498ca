"""Every window fits the screen it opens on: one filter on the application, installed once.

When a window or dialog is first shown, :class:`ScreenFit` shrinks it to the screen's
available area (a 1024×600 netbook less its task bar) and moves it inside; a dialog whose
content cannot shrink that far gets its content in a scroll area, with its buttons (OK,
Cancel, Save) kept below it, always visible. Dialogs themselves never need to know the
size of the screen: they ask for the size they would like, this makes it fit.

The available area comes from a function passed in: the screen's own by default; tests and
the screenshots command pass a fixed one to see a small screen on any machine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHeaderView,
    QMainWindow,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

#: A window's frame and title bar, which the available area must hold too.
FRAME = QSize(16, 40)
SCROLLED = "screen_fit_scroll"
TOOLTIP, SHOW = QEvent.Type.ToolTip.value, QEvent.Type.Show.value


def screen_area(widget: QWidget) -> QRect:
    """The available area of the screen ``widget`` opens on (task bars left out)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def room_for(area: QRect) -> QSize:
    """The largest window (without its frame) that fits in ``area``."""
    return QSize(max(area.width() - FRAME.width(), 200), max(area.height() - FRAME.height(), 150))


def _is_fitted(widget: QWidget) -> bool:
    return isinstance(widget, QDialog | QMainWindow) and widget.isWindow()


def scroll_content(dialog: QDialog) -> QScrollArea | None:
    """Put ``dialog``'s content in a scroll area, its button boxes kept below; returns the
    scroll area (None when the dialog has no layout). Done once per dialog."""
    existing = dialog.findChild(QScrollArea, SCROLLED)
    if existing is not None:
        return existing
    layout = dialog.layout()
    if layout is None:
        return None
    buttons: list[QWidget] = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QDialogButtonBox):
            buttons.append(widget)
    for box in buttons:
        layout.removeWidget(box)
    margins = layout.contentsMargins()
    content = QWidget()
    content.setObjectName("screen_fit_content")
    content.setLayout(layout)  # takes the layout (and its widgets) from the dialog
    scroll = QScrollArea()
    scroll.setObjectName(SCROLLED)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    scroll.setWidget(content)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 0, margins.bottom())
    outer.addWidget(scroll, 1)
    for box in buttons:
        box_row = QVBoxLayout()
        box_row.setContentsMargins(margins.left(), 0, margins.right(), 0)
        box_row.addWidget(box)
        outer.addLayout(box_row)
    return scroll


def fit_window(widget: QWidget, area: QRect) -> None:
    """Shrink ``widget`` (a top-level window) into ``area`` and move it inside; a dialog
    too tall or wide to shrink gets a scroll area."""
    room = room_for(area)
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    needed = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    if (
        isinstance(widget, QDialog)
        and (needed.width() > room.width() or needed.height() > room.height())
        and scroll_content(widget) is not None
    ):
        widget.setMinimumSize(0, 0)
        scrolled = widget.findChild(QScrollArea, SCROLLED)
        if scrolled is not None:
            scrolled.setMinimumSize(0, 0)
    if widget.minimumWidth() > room.width() or widget.minimumHeight() > room.height():
        widget.setMinimumSize(widget.minimumSize().boundedTo(room))
    size = widget.size()
    if not widget.testAttribute(Qt.WidgetAttribute.WA_Resized):
        size = widget.sizeHint().expandedTo(widget.minimumSizeHint())
    widget.resize(size.boundedTo(room))
    x = min(max(widget.x(), area.left()), area.right() - widget.width() - FRAME.width() + 1)
    y = min(max(widget.y(), area.top()), area.bottom() - widget.height() - FRAME.height() + 1)
    if (x, y) != (widget.x(), widget.y()):
        widget.move(max(x, area.left()), max(y, area.top()))


def titles_whole(window: QWidget) -> None:
    """No column of a table in ``window`` (or of the header ``window``) narrower than its
    title (room for the sort arrow included); a column that stretches or sizes itself is
    left as it is."""
    headers = [window] if isinstance(window, QHeaderView) else []
    for header in headers or window.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or header.model() is None:
            continue
        for column in range(header.count()):
            mode = header.sectionResizeMode(column)
            if mode in (QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents):
                continue
            need = header.sectionSizeHint(column)
            if not header.isSectionHidden(column) and header.sectionSize(column) < need:
                header.resizeSection(column, need)


def cut_cell_text(view: QAbstractItemView, event: QHelpEvent) -> str | None:
    """The whole text of the cell under the mouse when the view shows it cut (a long name
    cut in the middle), and the model gives no tooltip of its own."""
    index = view.indexAt(event.pos())
    if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
        return None
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if text is None or not str(text):
        return None
    room = view.visualRect(index).width() - 8
    return str(text) if view.fontMetrics().horizontalAdvance(str(text)) > room else None


class ScreenFit(QObject):
    """The application's event filter that fits each window as it is first shown.

    Args:
        area: the available area for a window (default: its screen's).
    """

    def __init__(
        self, area: Callable[[QWidget], QRect] = screen_area, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.area = area

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # every event of the program passes here: two plain integer tests turn the rest away
        kind = event.type().value
        if kind == TOOLTIP and isinstance(watched, QWidget):
            view = watched.parentWidget()
            if isinstance(view, QAbstractItemView) and isinstance(event, QHelpEvent):
                whole = cut_cell_text(view, event)
                if whole is not None:
                    QToolTip.showText(event.globalPos(), whole, watched)
                    return True
            return False
        if kind != SHOW:
            return False
        if isinstance(watched, QHeaderView):
            titles_whole(watched)  # a table on a page shown later (a record's assets)
        elif (
            isinstance(watched, QWidget)
            and _is_fitted(watched)
            and not watched.isMaximized()
            and not watched.isFullScreen()
        ):
            fit_window(watched, self.area(watched))
            titles_whole(watched)
        return False


@contextmanager
def fitting(
    qapp: QApplication, area: Callable[[QWidget], QRect] = screen_area
) -> Iterator[ScreenFit]:
    """Fit every window shown while the block runs (the whole run of the program)."""
    fit = ScreenFit(area)
    qapp.installEventFilter(fit)
    try:
        yield fit
    finally:
        qapp.removeEventFilter(fit)


def fixed_area(width: int, height: int) -> Callable[[QWidget], QRect]:
    """An available area of ``width``×``height`` at the top left, whatever the screen."""
    rect = QRect(0, 0, width, height)
    return lambda _widget: QRect(rect)
