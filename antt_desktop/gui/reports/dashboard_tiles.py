"""The overview's tiles: one big number each, a caption and a line of detail; clickable.

A tile is a focusable frame: a click, Enter or Space emits ``clicked``. An alert tile (the
overdue assessments) turns red and says so in words, so the warning does not rest on colour.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

TILE_STYLE = """
QFrame#tile {
    background: #ffffff;
    border: 1px solid #d3dae3;
    border-left: 4px solid #1f4e79;
    border-radius: 4px;
}
QFrame#tile:hover { background: #f3f7fb; }
QFrame#tile:focus { border: 2px solid #1f4e79; border-left: 4px solid #1f4e79; }
QFrame#tile[alert="true"] { border-left: 4px solid #b3261e; background: #fdf3f2; }
QLabel#tileCaption { color: #52606d; font-weight: 600; }
QLabel#tileValue { color: #102a43; font-size: 20pt; font-weight: 700; }
QFrame#tile[alert="true"] QLabel#tileValue { color: #b3261e; }
QLabel#tileDetail { color: #52606d; }
QFrame#tile[alert="true"] QLabel#tileDetail { color: #b3261e; font-weight: 600; }
"""


class Tile(QFrame):
    """A figure of the overview that leads to the records behind it."""

    clicked = Signal()

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("tile")
        self.setProperty("alert", False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # as tall as its wrapped words need at its width (the large font needs three lines)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.caption = QLabel()
        self.caption.setObjectName("tileCaption")
        self.caption.setWordWrap(True)
        self.value = QLabel("…")
        self.value.setObjectName("tileValue")
        self.detail = QLabel()
        self.detail.setObjectName("tileDetail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        self.setMinimumHeight(104)

    def show_figure(self, caption: str, value: str, detail: str = "", alert: bool = False) -> None:
        """Show a figure; ``alert`` marks it red (its ``detail`` must say why in words)."""
        self.caption.setText(caption)
        self.value.setText(value)
        self.detail.setText(detail)
        self.setAccessibleName(f"{caption}: {value}")
        self.setAccessibleDescription(detail)
        self.setToolTip(detail)
        if bool(self.property("alert")) != alert:
            self.setProperty("alert", alert)
            for widget in (self, self.value, self.detail):  # re-apply the property selectors
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def show_loading(self, caption: str) -> None:
        self.caption.setText(caption)
        self.value.setText("…")

    @property
    def alert(self) -> bool:
        return bool(self.property("alert"))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class TileGrid(QWidget):
    """Tiles in rows of ``columns``, in the order they are added."""

    def __init__(self, columns: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(TILE_STYLE)
        self._columns = columns
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(10)
        self.tiles: dict[str, Tile] = {}

    def add(self, key: str) -> Tile:
        tile = Tile(key, self)
        n = len(self.tiles)
        self._grid.addWidget(tile, n // self._columns, n % self._columns)
        self._grid.setColumnStretch(n % self._columns, 1)
        self.tiles[key] = tile
        return tile
