"""Recognise a citizen ID card scanned into any field (quét thẻ CCCD).

A USB 2D scanner types the card's QR code like a keyboard, fast, and presses Enter. Watched
widgets (line edits, text boxes, lists to choose from) keep what was typed since the last
Enter; when Enter comes after a card's code, the field gets back what it held before the
scan (a full-name box cuts a long line at its length, a list jumps as letters arrive) and
:attr:`CardScanCatcher.scanned` carries the code. What to do with it is the caller's: fill the
person form, open the person, or offer to add them.

Install it with one line: ``CardScanCatcher.on(parent, handler, *widgets)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from antt_desktop.domain.cccd import find_candidate

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _value_of(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentIndex()
    return None


def _restore(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
        widget.moveCursor(widget.textCursor().MoveOperation.End)
    elif isinstance(widget, QComboBox):
        if widget.isEditable():
            widget.setEditText(value)
        else:
            widget.setCurrentIndex(value)


class CardScanCatcher(QObject):
    """An event filter on input widgets that recognises a scanned card's code + Enter."""

    #: The card's code as typed (parse it with ``domain.cccd.parse_card``).
    scanned = Signal(str)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        # per watched widget: the keys typed since the last Enter, each with what the field
        # held before it (to put back what was there before the scan's first key)
        self._typed: dict[QObject, list[tuple[str, Any]]] = {}

    @classmethod
    def on(
        cls, parent: QObject, handler: Callable[[str], object], *widgets: QWidget
    ) -> CardScanCatcher:
        """A catcher owned by ``parent`` watching ``widgets``, calling ``handler`` with
        each card scanned into one of them."""
        catcher = cls(parent)
        catcher.scanned.connect(handler)
        catcher.watch(*widgets)
        return catcher

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)
            edit = widget.lineEdit() if isinstance(widget, QComboBox) else None
            if edit is not None:
                edit.installEventFilter(self)

    def watch_fields(self, root: QWidget) -> None:
        """Watch every line edit, text box and list to choose from inside ``root``."""
        inputs = [
            w
            for w in root.findChildren(QWidget)
            if isinstance(w, QLineEdit | QPlainTextEdit | QComboBox)
            and not isinstance(w.parent(), QComboBox)  # a combo's own line edit: via the combo
        ]
        self.watch(*inputs)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusOut:
            self._typed.pop(watched, None)
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(watched, event)
        return False

    def _key(self, watched: QObject, event: QKeyEvent) -> bool:
        text = event.text()
        if not isinstance(watched, QWidget):
            return False
        if event.key() in _ENTER:
            keys = self._typed.pop(watched, [])
            typed = "".join(key for key, _before in keys)
            code = find_candidate(typed)
            if code is None:
                return False
            start, position = typed.index(code), 0
            before = next(b for key, b in keys if (position := position + len(key)) > start)
            _restore(self._field(watched), before)
            self.scanned.emit(code)
            return True  # the scanner's Enter is not the dialog's Save nor the list's Open
        if (
            text
            and text.isprintable()
            and not event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            before = _value_of(self._field(watched))
            self._typed.setdefault(watched, []).append((text, before))
        else:  # Backspace, arrows, shortcuts: an officer typing, not a scanner
            self._typed.pop(watched, None)
        return False

    @staticmethod
    def _field(widget: QWidget) -> QWidget:
        parent = widget.parent()
        return parent if isinstance(parent, QComboBox) else widget
