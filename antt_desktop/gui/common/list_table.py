"""The table of every list page: one look (rows selected whole, alternating colours, columns
never narrower than their titles, sorting by a click on a title) and one way to choose the
columns shown (right-click a title), remembered per list in the post's settings file.

Both list frameworks of earlier versions kept hidden columns their own way: the record lists
in the post's ``settings.ini`` under ``columns/<list>``, the dossier and resident lists in
the user's Qt settings under ``dossiers_page/<list>/hidden_columns``. The second is moved
into the first the first time its list opens, so no officer loses the columns they chose.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QPoint, QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView, QWidget

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_widgets import gui_settings
from antt_desktop.i18n.translator import N_

COLUMNS_MENU = N_("Show columns")


def _columns(value: Any) -> list[int]:
    """Column numbers read back from settings ("1,3", ["1", "3"] or one bare "1")."""
    if value is None or value == "":
        return []
    parts = value if isinstance(value, list | tuple) else str(value).split(",")
    return [int(p) for p in map(str, parts) if p.strip().isdigit()]


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
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(widths):
            # never narrower than its own title ("Ngày ban hành quyết định" is long), room
            # for the sort arrow included
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))
        if stretch is None:
            header.setStretchLastSection(True)
        else:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(*sort)  # before sorting is on, which sorts by the indicator
        self.setSortingEnabled(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        self.restore_columns()

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
