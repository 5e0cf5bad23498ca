"""A table model that holds only row ids and builds rows on demand from the database.

Sorting and filtering happen in SQL: a subclass gives :meth:`fetch_ids` (the ordered ids
for the current filter, one cheap query on an index) and :meth:`fetch_rows` (the display
values for a batch of ids). Rows are fetched in pages of :attr:`PAGE` and kept in a small
cache, so scrolling to any row of 450,000 costs one batch query.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from antt_desktop.gui.common.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole

Index = QModelIndex | QPersistentModelIndex


class LazyTableModel(QAbstractTableModel):
    """Rows by id, fetched in pages. Subclasses define ``COLUMNS`` (English header ids)."""

    COLUMNS: Sequence[str] = ()
    PAGE = 100  # rows fetched together: a screen holds about 30; a jump costs one page
    CACHE_PAGES = 20

    def __init__(self, app: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.app = app
        self._ids: list[str] = []
        self._pages: OrderedDict[int, list[tuple[Any, ...]]] = OrderedDict()

    # --- for subclasses -------------------------------------------------------------
    def fetch_ids(self) -> list[str]:
        """Every id of the current filter, in display order (one SQL query)."""
        raise NotImplementedError

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        """Display values (one tuple per column) for ``ids``."""
        raise NotImplementedError

    # --- loading ----------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the ids again (filter or data changed) and drop cached rows."""
        self.beginResetModel()
        self._ids = self.fetch_ids()
        self._pages.clear()
        self.endResetModel()

    def id_at(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, ident: str) -> int:
        try:
            return self._ids.index(ident)
        except ValueError:
            return -1

    def page_of(
        self, ids: Sequence[str], values: dict[str, tuple[Any, ...]]
    ) -> list[tuple[Any, ...]]:
        """A page's rows in the order of ``ids`` (a row gone meanwhile shows blank)."""
        blank = ("",) * len(self.COLUMNS)
        return [values.get(i, blank) for i in ids]

    def _row(self, row: int) -> tuple[Any, ...]:
        page = row // self.PAGE
        cached = self._pages.get(page)
        if cached is None:
            ids = self._ids[page * self.PAGE : (page + 1) * self.PAGE]
            cached = self.page_of(ids, self.fetch_rows(ids))
            self._pages[page] = cached
            if len(self._pages) > self.CACHE_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return cached[row - page * self.PAGE]

    def column_texts(self, column: int, rows: int) -> list[str]:
        """The texts of ``column`` in the first ``rows`` rows, as :meth:`data` shows them
        (what the table measures to fit its columns, without a Qt call per cell; a subclass
        whose :meth:`data` shows other texts overrides this too)."""
        texts: list[str] = []
        rows = min(rows, len(self._ids))
        while len(texts) < rows:  # a page at a time, read as a screen would read it
            start = len(texts)
            self._row(start)
            page = self._pages[start // self.PAGE]
            first = start - start // self.PAGE * self.PAGE
            for values in page[first : first + rows - start]:
                value = values[column]
                texts.append("" if value is None else str(value))
        return texts

    # --- Qt model interface ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks each visible cell for about ten roles per paint; answer the ones this
        # model does not hold before touching anything else (it halves a repaint).
        if role != _DISPLAY and role != ID_ROLE:
            return None
        row = index.row()
        if not (0 <= row < len(self._ids)) or not index.isValid():
            return None
        if role == ID_ROLE:
            return self._ids[row]
        value = self._row(row)[index.column()]
        return "" if value is None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return self.app.tr(self.COLUMNS[section])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
