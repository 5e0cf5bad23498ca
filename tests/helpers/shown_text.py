"""The texts a person sees in a window: labels, buttons, tabs, headers, combo items, titles,
placeholders — each with what Qt does to a mnemonic "&" (shown literally where nothing
processes it)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QTabWidget,
    QTreeView,
    QTreeWidget,
    QWidget,
)

#: An ampersand Qt would show as such: not ``&&`` and not an HTML entity (``&amp;``).
_LITERAL_AMP = re.compile(r"&(?!&)(?![a-zA-Z]+;|#\d+;)")
_TAGS = re.compile(r"<[^>]+>")


def _unmnemonic(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text)


def shown_texts(root: QWidget) -> Iterator[tuple[QWidget, str, str]]:
    """``(widget, what, text)`` for each visible text under ``root``: ``what`` says where
    (``label``, ``button``…); mnemonics Qt processes are removed, the others kept."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if w.isWindow() and w.windowTitle():
            yield w, "title", w.windowTitle()
        if isinstance(w, QLabel):
            text = w.text()
            if GuiQt.mightBeRichText(text) or w.textFormat() == Qt.TextFormat.RichText:
                yield w, "label", _TAGS.sub(" ", text)
            elif w.buddy() is not None:
                yield w, "label", _unmnemonic(text)
            else:
                yield w, "label", text
        elif isinstance(w, QAbstractButton):
            yield w, "button", _unmnemonic(w.text())
        elif isinstance(w, QGroupBox):
            yield w, "group", _unmnemonic(w.title())
        elif isinstance(w, QLineEdit):
            yield w, "placeholder", w.placeholderText()
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield w, "choice", w.itemText(i)
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield w, "tab", _unmnemonic(w.tabText(i))
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                yield w, "item", w.item(i).text()
        if isinstance(w, QTreeWidget):
            header = w.headerItem()
            for c in range(w.columnCount()):
                yield w, "header", header.text(c)
        elif isinstance(w, QTableView | QTreeView) and w.model() is not None:
            model, header = w.model(), w.header() if isinstance(w, QTreeView) else None
            header = header or w.horizontalHeader()  # type: ignore[union-attr]
            for c in range(header.count()):
                head = model.headerData(c, Qt.Orientation.Horizontal)
                if isinstance(head, str):
                    yield w, "header", head


def literal_ampersands(root: QWidget) -> list[str]:
    """``where: text`` of each text that shows a mnemonic ``&`` as a character."""
    return [
        f"{type(w).__name__} {w.objectName() or '?'} ({what}): {text}"
        for w, what, text in shown_texts(root)
        if what in ("label", "title", "choice", "item", "header", "placeholder")
        and _LITERAL_AMP.search(text)
    ]
