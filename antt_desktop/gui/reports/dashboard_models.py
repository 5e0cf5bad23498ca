"""Table models of the overview: the overdue assessments, and the posts side by side.

Both hold small, already computed lists (the overdue items of the units in view, one row per
post), so they keep their rows in memory; the comparison sorts in Python for the same reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from antt_desktop.domain.text import natural_key
from antt_desktop.gui.reports.names import short_unit_name
from antt_desktop.i18n.formatting import fmt_date, fmt_int, fmt_ratio
from antt_desktop.i18n.texts.stats import LABELS
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.report_sections import UNIT_COLUMNS
from antt_desktop.presenters.words import period_name
from antt_desktop.services.assessments import DueItem
from antt_desktop.services.report_rows import CatalogueNames
from antt_desktop.services.stats_model import UnitRow

Index = QModelIndex | QPersistentModelIndex
#: The row's record: the dossier id (overdue list) or the unit id (comparison).
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The value a column sorts by.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ALERT = QBrush(QColor("#b3261e"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _RowsModel(QAbstractTableModel):
    """Rows kept in memory with English column headers translated through ``tr``."""

    COLUMNS: Sequence[str] = ()

    def __init__(self, tr: Callable[[], Translator], parent: Any = None) -> None:
        super().__init__(parent)
        self._tr = tr

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def _row_count(self) -> int:
        raise NotImplementedError

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._tr()(self.COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(section)
        return None

    def _header_tip(self, section: int) -> str | None:
        return None

    def retranslate(self) -> None:
        """The language changed: every text shown is new."""
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rowCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)


class OverdueModel(_RowsModel):
    """Assessments past their due date: person, category, period, due date, days late."""

    COLUMNS = (
        N_("Person"),
        N_("Category"),
        N_("Assessment period"),
        N_("Due date"),
        N_("Days late"),
    )
    COL_PERSON, COL_CATEGORY, COL_PERIOD, COL_DUE, COL_LATE = range(5)

    def __init__(self, tr: Callable[[], Translator], parent: Any = None) -> None:
        super().__init__(tr, parent)
        self._items: list[DueItem] = []
        self._shown: dict[tuple[int, int, str], str] = {}
        self._names: CatalogueNames | None = None
        self._today = date.today()

    def set_rows(self, items: Sequence[DueItem], names: CatalogueNames, today: date) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._names = names
        self._today = today
        self._shown.clear()
        self.endResetModel()

    def _row_count(self) -> int:
        return len(self._items)

    def item(self, row: int) -> DueItem:
        return self._items[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        it = self._items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            tr = self._tr()
            if col == self.COL_PERSON:
                return it.person_name
            if col == self.COL_CATEGORY:
                return self._names.category(it.category_code, tr) if self._names else ""
            # formatted once per row and language: sizing the columns to their contents
            # asks for every cell of a district's hundreds of rows
            key = (id(it), col, tr.lang)
            shown = self._shown.get(key)
            if shown is None:
                if col == self.COL_PERIOD:
                    shown = period_name(it.period, tr)
                elif col == self.COL_DUE:
                    shown = fmt_date(it.due_on, tr)
                else:
                    shown = fmt_int((self._today - it.due_on).days, tr)
                self._shown[key] = shown
            return shown
        if role == Qt.ItemDataRole.ForegroundRole and col in (self.COL_DUE, self.COL_LATE):
            return ALERT
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_LATE:
            return RIGHT
        if role == ID_ROLE:
            return it.dossier_id
        return None


class ComparisonModel(_RowsModel):
    """The posts side by side (one ``UnitRow`` each), sortable by any column."""

    COLUMNS = tuple(header for _key, header in UNIT_COLUMNS)
    KEYS = tuple(key for key, _header in UNIT_COLUMNS)
    COL_UNIT = 0
    COL_OVERDUE = KEYS.index("assessments_overdue")
    COL_COVERAGE = KEYS.index("pledge_coverage")

    def __init__(self, tr: Callable[[], Translator], parent: Any = None) -> None:
        super().__init__(tr, parent)
        self._rows: list[UnitRow] = []
        self._order: tuple[int, Qt.SortOrder] | None = None
        # the texts shown, formatted once: sizing 30 rows to their contents asks for every
        # cell many times, and each number formatted anew costs a locale look-up
        self._shown: dict[tuple[str, int, str], str] = {}

    def set_rows(self, rows: Sequence[UnitRow]) -> None:
        self.beginResetModel()
        self._shown.clear()
        self._rows = list(rows)
        if self._order is not None:
            self._rows.sort(key=self._key(self._order[0]), reverse=self._reversed(self._order[1]))
        self.endResetModel()

    def _row_count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> UnitRow:
        return self._rows[row]

    def _header_tip(self, section: int) -> str | None:
        key = self.KEYS[section]
        return self._tr()(LABELS[key]) if key in LABELS else None

    def _sort_value(self, row: UnitRow, column: int) -> Any:
        key = self.KEYS[column]
        if key == "unit":
            return natural_key(row.unit.name)
        if key == "pledge_coverage":
            pct = row.pledge_coverage.percent
            return -1.0 if pct is None else pct
        return int(getattr(row, key))

    def _key(self, column: int) -> Callable[[UnitRow], Any]:
        return lambda row: (self._sort_value(row, column), row.unit.code)

    @staticmethod
    def _reversed(order: Qt.SortOrder) -> bool:
        return order == Qt.SortOrder.DescendingOrder

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        key = self.KEYS[col]
        if role == Qt.ItemDataRole.DisplayRole:
            tr = self._tr()
            if key == "unit":  # "Phường Ba Đình": the "Công an" every post shares is left out
                return short_unit_name(row.unit.name)
            shown = self._shown.get((row.unit.id, col, tr.lang))
            if shown is None:
                if key == "pledge_coverage":
                    shown = fmt_ratio(row.pledge_coverage, tr)
                else:
                    shown = fmt_int(int(getattr(row, key)), tr)
                self._shown[(row.unit.id, col, tr.lang)] = shown
            return shown
        if role == Qt.ItemDataRole.ToolTipRole and key == "unit":
            return row.unit.name
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_UNIT:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_OVERDUE:
            return ALERT if row.assessments_overdue else None
        if role == SORT_ROLE:
            return self._sort_value(row, col)
        if role == ID_ROLE:
            return row.unit.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        self._rows.sort(key=self._key(column), reverse=self._reversed(order))
        moved = {id(r): i for i, r in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = [self.index(moved[id(before[i.row()])], i.column()) for i in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
