"""What does not fit on a window: a label, button, tab, column title or list cell whose text
is cut, a chart label cut without its full text in a tooltip, a window larger than the
screen. Used by the fit test and the screenshots command; each problem names the widget.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)

ELLIPSIS = "…"
#: Rows of a list checked, from the top (what the officer sees first).
ROWS_CHECKED = 40
#: Texts this short are never cut (a number, a code, a status).
SHORT = 12
DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")


def plain(text: str) -> str:
    """``text`` as drawn: the mnemonic ``&`` removed (``&&`` is one ``&``)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _widest(fm: QFontMetrics, text: str) -> int:
    return max((fm.horizontalAdvance(line) for line in text.splitlines()), default=0)


def _name(widget: QWidget) -> str:
    parts: list[str] = []
    node: QWidget | None = widget
    while node is not None and len(parts) < 4:
        parts.append(node.objectName() or type(node).__name__)
        node = node.parentWidget()
    return "/".join(reversed(parts))


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _label(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.wordWrap() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.textFormat() == Qt.TextFormat.RichText or GuiQt.mightBeRichText(text):
        return None  # rich text lays itself out (links, bold parts): not measured here
    shown = plain(text) if label.buddy() is not None or "&" in text else text
    room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    need = _widest(label.fontMetrics(), shown)
    if need > room:
        return f"label {_name(label)} {shown!r}: {need} px of text in {room} px"
    return None


def _button_room(button: QAbstractButton) -> int:
    style = button.style()
    if isinstance(button, QCheckBox | QRadioButton):
        option = QStyleOptionButton()
        option.initFrom(button)
        element = (
            QStyle.SubElement.SE_CheckBoxContents
            if isinstance(button, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonContents
        )
        return style.subElementRect(element, option, button).width()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
    room = button.contentsRect().width() - 2 * margin
    if isinstance(button, QPushButton) and button.menu() is not None:
        room -= style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    if not button.icon().isNull() and not (
        isinstance(button, QToolButton)
        and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly
    ):
        room -= button.iconSize().width() + 4
    return room


def _button(button: QAbstractButton) -> str | None:
    text = plain(button.text())
    if not text:
        return None
    room = _button_room(button)
    need = _widest(button.fontMetrics(), text)
    if need > room:
        return f"button {_name(button)} {text!r}: {need} px of text in {room} px"
    return None


def _combo(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.editable = False
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    need = combo.fontMetrics().horizontalAdvance(text)
    room = field.width() - (combo.iconSize().width() + 4 if not combo.itemIcon(0).isNull() else 0)
    if need > room:
        return f"choice {_name(combo)} {text!r}: {need} px of text in {room} px"
    return None


def _tabs(bar: QTabBar) -> list[str]:
    problems: list[str] = []
    space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        text = plain(bar.tabText(i))
        rect = bar.tabRect(i)
        need = bar.fontMetrics().horizontalAdvance(text) + space
        if rect.width() < need:
            problems.append(f"tab {_name(bar)} {text!r}: {need} px of text in {rect.width()} px")
        elif rect.right() > bar.width() + 1:
            problems.append(f"tab {_name(bar)} {text!r}: hidden beyond the tab bar's end")
    return problems


def _header(header: QHeaderView) -> list[str]:
    problems: list[str] = []
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return problems
    last = header.count() - 1
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        size = header.sectionSize(column)
        need = header.sectionSizeHint(column)
        if column == last and header.stretchLastSection():
            need = min(need, size)  # the last column runs to the edge
        if size < need:
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            problems.append(f"column title {_name(header)} {title!r}: needs {need} px, has {size}")
    return problems


def _cells(table: QTableView, cell_tips: bool) -> list[str]:
    """Cells whose text is cut: a date or a short value (never cut), or a long text with no
    tooltip holding it whole (``cell_tips``: :mod:`screen_fit` shows any cut cell whole)."""
    model = table.model()
    if model is None:
        return []
    problems: list[str] = []
    fm = table.fontMetrics()
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    for column in range(model.columnCount()):
        if table.isColumnHidden(column):
            continue
        room = table.columnWidth(column) - 2 * margin
        for row in range(min(model.rowCount(), ROWS_CHECKED)):
            index: QModelIndex = model.index(row, column)
            text = model.data(index, Qt.ItemDataRole.DisplayRole)
            if text is None or not str(text):
                continue
            text = str(text)
            icon = model.data(index, Qt.ItemDataRole.DecorationRole)
            need = _widest(fm, text) + (table.iconSize().width() + 4 if icon else 0)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            whole = cell_tips or (tip and text in str(tip))
            dated = DATE.search(text)
            if dated and getattr(table, "keeps_dates", False):  # cut at the start
                found = list(DATE.finditer(text))
                need = _widest(fm, ELLIPSIS + text[found[-1].start() :])
                dated = None
            if need > room and (dated or len(text) <= SHORT or not whole):
                title = model.headerData(column, Qt.Orientation.Horizontal)
                problems.append(
                    f"cell {_name(table)} [{title}] {text!r}: {need} px of text in {room} px"
                )
                break  # one row per column says enough
    return problems


def _chart(view: QChartView) -> list[str]:
    problems: list[str] = []
    tip_for: Callable[[int], str] | None = getattr(view, "label_tip", None)
    for axis in view.chart().axes():
        if not isinstance(axis, QBarCategoryAxis):
            continue
        if axis.labelsTruncated():
            problems.append(f"chart {_name(view)}: labels cut by the chart itself")
            continue
        for i, text in enumerate(axis.categories()):
            if ELLIPSIS in text and (tip_for is None or ELLIPSIS in tip_for(i)):
                problems.append(f"chart {_name(view)} label {text!r}: no full text in a tooltip")
    return problems


def misfits(window: QWidget, area: QRect | None = None, *, cell_tips: bool = True) -> list[str]:
    """What does not fit in ``window`` (and its shown children); with ``area``, also a
    window larger than that available area of the screen. ``cell_tips``: a cut cell shows
    its whole text in a tooltip (the :class:`~screen_fit.ScreenFit` filter is installed)."""
    problems: list[str] = []
    if area is not None:
        frame = window.frameGeometry()
        if frame.width() > area.width() or frame.height() > area.height():
            problems.append(
                f"window {_name(window)}: {frame.width()}×{frame.height()} on a screen of "
                f"{area.width()}×{area.height()}"
            )
    for widget in [window, *window.findChildren(QWidget)]:
        if not _shown(widget) or widget.window() is not window:
            continue
        if isinstance(widget, QLabel):
            problems += filter(None, [_label(widget)])
        elif isinstance(widget, QAbstractButton) and not isinstance(widget, QTabBar):
            if widget.parentWidget() is not None and isinstance(widget.parentWidget(), QTabBar):
                continue  # the tab bar's scroll arrows
            problems += filter(None, [_button(widget)])
        elif isinstance(widget, QComboBox):
            problems += filter(None, [_combo(widget)])
        elif isinstance(widget, QTabBar):
            problems += _tabs(widget)
        elif isinstance(widget, QHeaderView):
            problems += _header(widget)
        elif isinstance(widget, QTableView):
            problems += _cells(widget, cell_tips)
        elif isinstance(widget, QChartView):
            problems += _chart(widget)
        elif isinstance(widget, QGroupBox) and widget.title():
            need = widget.fontMetrics().horizontalAdvance(plain(widget.title())) + 16
            if need > widget.width():
                problems.append(f"group {_name(widget)} {widget.title()!r}: too narrow")
    return problems
