"""The table of every list page: one look (rows selected whole, alternating colours, columns
never narrower than their titles nor than the dates and numbers they hold, long names cut in
the middle so two names that begin alike still differ, sorting by a click on a title) and one
way to choose the columns shown (right-click a title), remembered per list in the post's
settings file.

Both list frameworks of earlier versions kept hidden columns their own way: the record lists
in the post's ``settings.ini`` under ``columns/<list>``, the dossier and resident lists in
the user's Qt settings under ``dossiers_page/<list>/hidden_columns``. The second is moved
into the first the first time its list opens, so no officer loses the columns they chose.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_widgets import gui_settings
from antt_desktop.i18n.translator import N_

COLUMNS_MENU = N_("Show columns")
#: A column grows to its content up to this many times its preferred width; longer text
#: (a name, an address) is cut in the middle, whole in its tooltip.
GROW = 1.25
#: Rows measured when the columns are fitted to their content (the first screenful).
MEASURED_ROWS = 60
#: Texts this short are never cut (a number, a code, a status).
SHORT = 12
#: The narrowest a long text column gets (in average characters) before the list scrolls.
MIN_TEXT_CHARS = 17
#: Text widths remembered for fitting the columns (a few screens of a search's names).
TEXT_WIDTHS_KEPT = 5000
#: A column already up to this many pixels wider than its content keeps its width: typing a
#: search, the columns do not shift by a letter's width at each keystroke (and the list is
#: painted once per keystroke, not again for the resized columns).
SLACK = 24
DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}")


def _columns(value: Any) -> list[int]:
    """Column numbers read back from settings ("1,3", ["1", "3"] or one bare "1")."""
    if value is None or value == "":
        return []
    parts = value if isinstance(value, list | tuple) else str(value).split(",")
    return [int(p) for p in map(str, parts) if p.strip().isdigit()]


def date_tail(text: str) -> str:
    """The end of ``text`` from its last date on ("…(hạn 05/12/2026)" is what must show)."""
    found = list(DATE.finditer(text))
    return text[found[-1].start() :] if found else text


class DateKeepingDelegate(QStyledItemDelegate):
    """Cuts a text holding a date at its start rather than its middle, so the date at its
    end always shows: "…tháng 11/2026 (hạn 05/12/2026)"."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if DATE.search(option.text or ""):
            option.textElideMode = Qt.TextElideMode.ElideLeft


class ListTable(QTableView):
    """A list's table over ``model``, its shown columns remembered as ``name``.

    Args:
        widths: the columns' preferred widths in pixels.
        stretch: the column that takes the room left (None: the last one).
        sort: the column and order the model starts sorted by.
        legacy: settings that may hold this list's columns as an earlier version kept them.
    """

    def __init__(
        self,
        app: AppContext,
        model: QAbstractItemModel,
        name: str,
        *,
        widths: tuple[int, ...] = (),
        stretch: int | None = None,
        sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder),
        legacy: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.app, self.name, self._legacy = app, name, legacy
        self.setModel(model)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        dated = getattr(model, "DATED_COLUMNS", None)
        if dated is None:
            self.setItemDelegate(DateKeepingDelegate(self))
        else:  # the model names the columns that may hold a date: only they pay for it
            keeper = DateKeepingDelegate(self)
            for column in dated:
                self.setItemDelegateForColumn(column, keeper)
        self.keeps_dates = True  # what the fit check asks: dated cells keep their dates
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.widths = widths
        self._wanted: dict[int, int] = {}
        self._floors: dict[int, int] = {}
        self._chosen: dict[int, int] = {}  # widths the officer dragged, kept as they are
        self._applying = False
        self._widths_font = ""
        self._text_widths: dict[str, int] = {}
        header.sectionResized.connect(self._resized)
        self.stretch = model.columnCount() - 1 if stretch is None else stretch
        self.fit_columns()
        # the stretching column takes the room left, but never less than its title and a
        # fair share of its text: a narrow screen scrolls sideways rather than cut it
        header.setStretchLastSection(False)
        header.setSortIndicator(*sort)  # before sorting is on, which sorts by the indicator
        self.setSortingEnabled(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        self.restore_columns()
        self._fit_later = QTimer(self, singleShot=True, interval=0)
        self._fit_later.timeout.connect(self.fit_columns)
        # a new result (each keystroke of a search) is laid out and fitted at once, before
        # the list paints it: Qt lays a reset list out on a timer of its own, after the
        # first paint, so the list painted twice whenever its row count changed
        model.modelReset.connect(self._after_reset)
        for signal in (model.layoutChanged, model.headerDataChanged):
            signal.connect(self._fit_later.start)
        model.rowsInserted.connect(self._fit_later.start)
        self.fit_columns()  # again: a sortable column's title needs room for the arrow

    def _after_reset(self) -> None:
        self.doItemsLayout()  # the scroll range of the new rows, in the same paint
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its title and its first rows need (room for the sort
        arrow included), a long text column up to :data:`GROW` times its preferred width;
        then :meth:`_fill_room` fits them to the list's width."""
        model, header = self.model(), self.horizontalHeader()
        fm = self.fontMetrics()
        advance = self._advance(fm)
        pad = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 12
        rows = min(model.rowCount(), MEASURED_ROWS)
        # a lazy list hands its first rows' texts over at once (it runs at every keystroke)
        column_texts = getattr(model, "column_texts", None)
        self._wanted, self._floors = {}, {}
        for column in range(model.columnCount()):
            preferred = self.widths[column] if column < len(self.widths) else 0
            title = header.sectionSizeHint(column)
            if column_texts is not None:
                texts = column_texts(column, rows)
            else:
                texts = [str(model.data(model.index(row, column)) or "") for row in range(rows)]
            distinct = set(texts)  # a column repeats itself (an area, a year of birth)
            content = max((advance(text) + pad for text in distinct), default=0)
            dated = any(DATE.search(text) for text in distinct)  # a date is never cut
            short = all(len(text) <= SHORT for text in distinct)  # nor a number or a status
            limit = content if dated else max(int(preferred * GROW), title)
            fitted = min(content, limit) if preferred or column == self.stretch else content
            self._wanted[column] = max(preferred, title, fitted)
            least = max(title, fm.averageCharWidth() * MIN_TEXT_CHARS)
            if column == 0:  # the record's name
                least = max(least, min(self._wanted[column], preferred * 3 // 4))
            if dated:  # may lose its start, never its date
                tails = (advance("…" + date_tail(text)) + pad for text in distinct)
                least = max(title, *tails)
            self._floors[column] = self._wanted[column] if short else least
            current = header.sectionSize(column)
            if column != self.stretch and self._wanted[column] <= current <= (
                self._wanted[column] + SLACK
            ):
                self._wanted[column] = current
            if column in self._chosen:
                self._wanted[column] = self._floors[column] = self._chosen[column]
        self._fill_room()

    def _advance(self, fm: QFontMetrics) -> Callable[[str], int]:
        """``fm.horizontalAdvance``, remembered per text while the font stays the same (the
        same names and dates are measured again at every keystroke of a search)."""
        key = self.font().key()
        if key != self._widths_font:
            self._widths_font, self._text_widths = key, {}
        known = self._text_widths
        if len(known) > TEXT_WIDTHS_KEPT:
            known.clear()

        def advance(text: str) -> int:
            width = known.get(text)
            if width is None:
                width = known[text] = fm.horizontalAdvance(text)
            return width

        return advance

    def _fill_room(self) -> None:
        """Fit the columns to the list's width: the stretching column takes the room left;
        short of room, long texts give way (cut in the middle, whole in their tooltip)
        before a date or a title is cut, and only then does the list scroll sideways."""
        header = self.horizontalHeader()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        if not shown or not self._wanted:
            return
        widths = {c: self._wanted.get(c, header.sectionSize(c)) for c in shown}
        excess = sum(widths.values()) - self.viewport().width()
        give = {c: max(widths[c] - self._floors.get(c, widths[c]), 0) for c in shown}
        if excess > 0:  # the column with the most to give gives first (an address before
            for column in sorted(shown, key=lambda c: -give[c]):  # a head of household)
                taken = min(give[column], excess)
                widths[column] -= taken
                excess -= taken
        elif excess < 0 and self.stretch in widths:
            widths[self.stretch] -= excess
        self._applying = True
        try:
            for column, width in widths.items():
                if width != header.sectionSize(column):
                    header.resizeSection(column, width)
        finally:
            self._applying = False

    def _resized(self, column: int, old: int, new: int) -> None:
        if not self._applying and old > 0 and new > 0:  # the officer dragged its edge
            self._chosen[column] = new

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fill_room()

    @property
    def _key(self) -> str:
        return f"columns/{self.name}"

    def hidden_columns(self) -> list[int]:
        return [c for c in range(self.model().columnCount()) if self.isColumnHidden(c)]

    def restore_columns(self) -> None:
        """Hide the columns the officer hid last time (the first column always shows)."""
        settings = gui_settings(self.app)
        value = settings.value(self._key)
        if value is None and self._legacy is not None:
            old = f"dossiers_page/{self.name}/hidden_columns"
            value = self._legacy.value(old)
            if value is not None:  # move the earlier version's choice into the post's file
                settings.setValue(self._key, ",".join(map(str, _columns(value))))
                settings.sync()
                self._legacy.remove(old)
                self._legacy.sync()
        hidden = set(_columns(value))
        for column in range(self.model().columnCount()):
            self.setColumnHidden(column, column in hidden and column != 0)

    def set_column_shown(self, column: int, shown: bool) -> None:
        """Show or hide ``column`` and remember it for this list (the first column, which
        names the row, always shows)."""
        if column == 0 and not shown:
            return
        self.setColumnHidden(column, not shown)
        self._fill_room()
        settings = gui_settings(self.app)
        settings.setValue(self._key, ",".join(map(str, self.hidden_columns())))
        settings.sync()

    def column_menu(self) -> QMenu:
        """Every column with a tick when shown; toggling one shows or hides it."""
        model = self.model()
        menu = QMenu(self)
        menu.setTitle(self.app.tr(COLUMNS_MENU))
        for column in range(model.columnCount()):
            action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(column))
            action.setEnabled(column != 0)
            action.toggled.connect(lambda on, c=column: self.set_column_shown(c, on))
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        self.column_menu().popup(self.horizontalHeader().mapToGlobal(pos))
