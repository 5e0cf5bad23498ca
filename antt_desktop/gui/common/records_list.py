"""The list-and-record layout shared by the household, initiative, team and commendation
pages: a searchable, filterable lazy list on one side of a stack and the record's view on
the other.

A page subclasses :class:`RecordListPage`, gives its model (a :class:`RecordListModel`), its
view (a :class:`RecordView`) and its filters; searching, the post filter, remembered
columns, Enter to open and Back to return are handled here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.cccd import parse_card
from antt_desktop.gui.common.cccd_input import CardScanCatcher
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.flow_layout import FlowLayout
from antt_desktop.gui.common.lazy_model import ID_ROLE, LazyTableModel
from antt_desktop.gui.common.list_table import ListTable
from antt_desktop.gui.common.page import Page
from antt_desktop.gui.common.records_editor import inform
from antt_desktop.gui.common.records_widgets import named, post_units
from antt_desktop.i18n.formatting import fmt_int
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import N_
from antt_desktop.services.changes import Changes, Kind

SEARCH_DELAY_MS = 150
#: The same words as the card reader's (``gui/people/cccd_dialog.py``).
NOT_READ = N_("The card could not be read")
NOT_CARD = N_("This is not the QR code of a citizen identity card")


class RecordListModel(LazyTableModel):
    """A lazy list with a search text, a post filter and a sort order, all applied in SQL."""

    #: Starting width of each column (pixels); the ``STRETCH`` column takes the rest.
    WIDTHS: tuple[int, ...] = ()
    STRETCH: int | None = None

    def __init__(self, app: AppContext, parent: Any = None) -> None:
        super().__init__(app, parent)
        self.search_text = ""
        self.unit_id: str | None = None
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder

    @property
    def descending(self) -> bool:
        return self.sort_order == Qt.SortOrder.DescendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == (self.sort_column, self.sort_order) and self._ids:
            return
        self.sort_column, self.sort_order = column, order
        self.reload()


class RecordView(QWidget):
    """The page's view of one record; ``back`` asks the page to show the list again."""

    back = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.record_id: str | None = None

    def tr_(self, message: str) -> str:
        return self.app.tr(message)

    def show_record(self, record_id: str) -> None:
        self.record_id = record_id
        self.reload()

    def reload(self) -> None:
        """Read the record again (it changed, or another record is shown)."""

    def retranslate(self) -> None:
        """Set every visible text again."""


class RecordListPage(Page):
    """A list page: search box, filters, post filter, the list, and the record's view."""

    #: The kinds of records the list shows: a change touching one reloads it.
    SHOWS: tuple[Kind, ...] = ()
    #: Settings key of this list's remembered columns.
    SETTINGS_KEY = ""
    SEARCH_HINT = N_("Search...")

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.model = self.make_model()
        self.view = self.make_view()
        self.view.back.connect(self.show_list)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search_edit = named(QLineEdit(), "searchEdit", clearButtonEnabled=True)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._open_current_or_first)
        # a citizen ID card scanned into the search box looks for its holder's name
        self.card_catcher = CardScanCatcher.on(self, self.card_scanned, self.search_edit)
        self.card_message: QMessageBox | None = None
        self.unit_label = named(QLabel(), "unitLabel")
        self.unit_combo = named(QComboBox(), "unitCombo")
        self.unit_label.setBuddy(self.unit_combo)
        self.unit_combo.currentIndexChanged.connect(self._unit_chosen)
        self.new_button = named(QPushButton(), "newButton")
        self.new_button.clicked.connect(self.new_record)
        self.count_label = named(QLabel(), "countLabel")
        self.table = self._make_table()
        self.filter_bar = FlowLayout()  # wraps onto a second line on a narrow screen

        top = QHBoxLayout()
        self.search_edit.setMinimumWidth(260)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.unit_label)
        top.addWidget(self.unit_combo)
        top.addWidget(self.new_button)
        list_page = named(QWidget(), "listPage")
        list_box = QVBoxLayout(list_page)
        list_box.setContentsMargins(0, 0, 0, 0)
        list_box.addLayout(top)
        list_box.addLayout(self.filter_bar)  # a row of their own: beside the search, cut
        list_box.addWidget(self.table, 1)
        list_box.addWidget(self.count_label)
        self.stack = named(QStackedWidget(), "stack")
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.view)
        QVBoxLayout(self).addWidget(self.stack)
        QShortcut(QKeySequence("Alt+Left"), self.view, self.show_list)
        self.model.modelReset.connect(self._update_count)

    # --- for subclasses ---------------------------------------------------------------------
    def make_model(self) -> RecordListModel:
        raise NotImplementedError

    def make_view(self) -> RecordView:
        raise NotImplementedError

    def start(self) -> None:
        """Call at the end of the subclass's ``__init__``: texts, posts, columns, rows."""
        self._fill_units()
        self.retranslate()
        self.model.reload()

    def retranslate(self) -> None:
        self.search_edit.setPlaceholderText(self.tr_(self.SEARCH_HINT))
        self.unit_label.setText(self.tr_(N_("&Post:")))
        if self.unit_combo.count():
            self.unit_combo.setItemText(0, self.tr_(N_("All posts")))
        self.new_button.setText(self.tr_(N_("&New")))
        self.new_button.setToolTip(self.tr_(N_("New record (Ctrl+N)")))
        if self.model.rowCount():  # cached rows hold words of the former language
            self.reload_keeping_selection()
        else:
            last = max(0, self.model.columnCount() - 1)
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        self._update_count()
        self.view.retranslate()

    def refresh(self, changes: Changes) -> None:
        if changes.touches(Kind.UNIT):
            self._fill_units()
        if changes.touches(*self.SHOWS):
            self.reload_keeping_selection()
            if self.stack.currentIndex() == 1 and self.view.record_id:
                self.view.reload()

    # --- the Page contract ------------------------------------------------------------------
    def card_scanned(self, text: str) -> None:
        """A card scanned into the search box: the list of its holder's name (the member
        of a team, the person commended), or why the card was not read."""
        card = parse_card(text, today=self.app.today())
        if isinstance(card, list):
            tr = self.app.tr
            lines = "\n".join(
                tr(NOT_CARD) if p.code == "cccd.not_card" else describe(p, tr) for p in card
            )
            self.card_message = inform(self, tr(NOT_READ), lines)
            return
        self.search_edit.setText(card.full_name)
        self._apply_search()

    def focus_search(self) -> None:
        self.show_list()
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def open_record(self, record_id: str) -> None:
        self.view.show_record(record_id)
        self.stack.setCurrentIndex(1)

    def open_first_record(self) -> bool:
        """Open the first record of the list (the app's self-test); False when empty."""
        if self.model.rowCount() == 0:
            return False
        self.open_record(self.model.id_at(0))
        return True

    def show_list(self) -> None:
        self.stack.setCurrentIndex(0)
        self.table.setFocus()

    def reload_keeping_selection(self) -> None:
        current = self.table.currentIndex()
        ident = current.data(ID_ROLE) if current.isValid() else None
        self.model.reload()
        row = self.model.row_of(ident) if ident else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, max(0, current.column())))

    # --- internals --------------------------------------------------------------------------
    def _make_table(self) -> ListTable:
        table = named(
            ListTable(
                self.app,
                self.model,
                self.SETTINGS_KEY,
                widths=self.model.WIDTHS,
                stretch=self.model.STRETCH,
                sort=(self.model.sort_column, self.model.sort_order),
            ),
            "recordTable",
        )
        table.activated.connect(self._open_index)
        table.doubleClicked.connect(self._open_index)
        return table

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_record(self.model.id_at(index.row()))

    def _open_current_or_first(self) -> None:
        self._search_timer.stop()
        self._apply_search()
        index = self.table.currentIndex()
        if index.isValid():
            self._open_index(index)
        else:
            self.open_first_record()

    def _apply_search(self) -> None:
        text = self.search_edit.text().strip()
        if text != self.model.search_text:
            self.model.search_text = text
            self.model.reload()

    def _fill_units(self) -> None:
        posts = post_units(self.app)
        chosen = self.model.unit_id
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        self.unit_combo.addItem(self.tr_(N_("All posts")), None)
        for ident, name in posts:
            self.unit_combo.addItem(name, ident)
        index = self.unit_combo.findData(chosen) if chosen else 0
        self.unit_combo.setCurrentIndex(max(0, index))
        self.unit_combo.blockSignals(False)
        many = len(posts) > 1
        self.unit_label.setVisible(many)
        self.unit_combo.setVisible(many)
        if not many and chosen:
            self.model.unit_id = None
            self.model.reload()

    def _unit_chosen(self, _index: int) -> None:
        self.model.unit_id = self.unit_combo.currentData()
        self.model.reload()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr_(N_("{count} records")).format(
                count=fmt_int(self.model.rowCount(), self.app.tr)
            )
        )

    def set_column_shown(self, column: int, shown: bool) -> None:
        """Show or hide a column and remember the choice for this list."""
        self.table.set_column_shown(column, shown)
