"""Small widgets the record pages share: a search-as-you-type picker of a person or a
household, and helpers to fill combo boxes and read-only tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.text import natural_key
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.settings_store import SETTINGS_FILENAME
from antt_desktop.i18n.translator import N_
from antt_desktop.services import catalogue_rows, post_rows, search

W = TypeVar("W", bound=QObject)


def named(obj: W, name: str, **properties: Any) -> W:
    """``obj`` with its object name (for tests and style sheets) and Qt properties set."""
    obj.setObjectName(name)
    for key, value in properties.items():
        getattr(obj, f"set{key[0].upper()}{key[1:]}")(value)
    return obj


#: A search behind a picker: text typed → (id, label) of the best matches.
Finder = Callable[[str], list[tuple[str, str]]]
PICK_LIMIT = 8
ROW_ID = Qt.ItemDataRole.UserRole


def person_finder(app: AppContext, unit_id: str | None = None) -> Finder:
    """Find people by name (accent-insensitive, partial words) or ID number."""

    def find(text: str) -> list[tuple[str, str]]:
        with app.read() as ctx:
            hits = search.search(ctx, text, limit=PICK_LIMIT, kind="person", unit_id=unit_id)
        return [(h.id, " · ".join(x for x in (h.name, h.detail) if x)) for h in hits]

    return find


def household_finder(app: AppContext, unit_id: str | None = None) -> Finder:
    """Find households by the head's name or the household number."""

    def find(text: str) -> list[tuple[str, str]]:
        with app.read() as ctx:
            hits = search.search(ctx, text, limit=PICK_LIMIT, kind="household", unit_id=unit_id)
        return [(h.id, f"{h.detail.split(' · ')[0]} — {h.name}") for h in hits]

    return find


def catalogue_names(app: AppContext, catalogue: str, *, offered: bool = False) -> dict[str, str]:
    """code → name of a catalogue's entries in the current language, in catalogue order
    (the Vietnamese name where the catalogue has no English one); ``offered``: only those a
    new record may take (not retired)."""
    with app.read() as ctx:
        entries = post_rows.catalogue_entries(ctx, catalogue)
        retired = catalogue_rows.retired_codes(ctx, catalogue) if offered else frozenset()
    english = app.tr.lang == "en"
    return {
        e.code: (e.name_en if english and e.name_en else e.name_vi)
        for e in entries
        if e.code not in retired
    }


def post_units(app: AppContext) -> list[tuple[str, str]]:
    """(id, name) of the commune posts the database holds, by name."""
    with app.read() as ctx:
        return [(u.id, u.name) for u in post_rows.commune_posts(ctx)]


def gui_settings(app: AppContext) -> QSettings:
    """Display preferences kept beside the post database (columns shown...)."""
    return QSettings(str(app.db.path.with_name(SETTINGS_FILENAME)), QSettings.Format.IniFormat)


class RecordPicker(QWidget):
    """Type a few letters, pick one of the matches (click, or arrow keys and Enter).

    ``value`` is the chosen record's id (None until one is picked); ``changed`` is emitted
    whenever it changes.
    """

    changed = Signal()

    def __init__(self, finder: Finder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._finder = finder
        self.value: str | None = None
        self.edit = named(QLineEdit(), "pickerEdit", clearButtonEnabled=True)
        self.results = named(QListWidget(), "pickerResults")
        self.results.setMaximumHeight(130)
        self.results.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.edit)
        box.addWidget(self.results)
        self.setFocusProxy(self.edit)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self._search)
        self._picking = False
        self.edit.textEdited.connect(self._typed)
        self.results.itemActivated.connect(self._pick)
        self.results.itemClicked.connect(self._pick)
        self.edit.installEventFilter(self)

    def set_value(self, ident: str | None, label: str = "") -> None:
        self.value = ident
        self._picking = True
        self.edit.setText(label)
        self._picking = False
        self.results.hide()
        self.changed.emit()

    def setPlaceholderText(self, text: str) -> None:
        self.edit.setPlaceholderText(text)

    def _typed(self, _text: str) -> None:
        if self._picking:
            return
        if self.value is not None:
            self.value = None
            self.changed.emit()
        self._timer.start()

    def _search(self) -> None:
        text = self.edit.text().strip()
        self.results.clear()
        matches = self._finder(text) if len(text) >= 2 else []
        for ident, label in matches:
            item = QListWidgetItem(label)
            item.setData(ROW_ID, ident)
            self.results.addItem(item)
        if matches:
            self.results.setCurrentRow(0)
        self.results.setVisible(bool(matches))

    def _wants_enter(self) -> bool:
        """Enter picks while a search is pending or matches are shown."""
        return self._timer.isActive() or self.results.isVisible()

    def _pick_current(self) -> None:
        self._timer.stop()
        if self.results.isHidden():
            self._search()
        item = self.results.currentItem()
        if item is not None and self.results.isVisible():
            self._pick(item)

    def _pick(self, item: QListWidgetItem) -> None:
        self.set_value(item.data(ROW_ID), item.text().split(" · ")[0])

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is not self.edit or event.type() != event.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._wants_enter():
            self._pick_current()
            return True  # picking is not the dialog's "Save"
        if self.results.count() and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if key == Qt.Key.Key_Down else -1
            row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
            self.results.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)


def fill_combo(combo: QComboBox, items: Iterable[tuple[Any, str]], *, keep: bool = True) -> None:
    """Replace a combo's items by ``(data, text)`` pairs, keeping the chosen data if it is
    still there."""
    chosen = combo.currentData() if keep else None
    combo.blockSignals(True)
    combo.clear()
    for data, text in items:
        combo.addItem(text, data)
    index = combo.findData(chosen) if chosen is not None else -1
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


def select_data(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


def setup_table(table: QTableWidget, stretch: int | None = None) -> None:
    """A read-only table of rows, selected whole."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.setWordWrap(False)
    table.setProperty("stretch_column", -1 if stretch is None else stretch)
    table.horizontalHeader().setStretchLastSection(stretch is None)


def fill_table(
    table: QTableWidget,
    headers: Sequence[str],
    rows: Iterable[tuple[str | None, Sequence[Any]]],
) -> None:
    """Fill a read-only table: each row is ``(id, values)``; the id is kept on column 0."""
    table.clearContents()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    header = table.horizontalHeader()
    stretch = table.property("stretch_column")
    for column in range(len(headers)):
        mode = QHeaderView.ResizeMode.ResizeToContents
        if column == stretch:
            mode = QHeaderView.ResizeMode.Stretch
        header.setSectionResizeMode(column, mode)
    rows = list(rows)
    table.setRowCount(len(rows))
    for r, (ident, values) in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            if c == 0:
                item.setData(ROW_ID, ident)
            if isinstance(value, int) and not isinstance(value, bool):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def current_id(table: QTableWidget) -> str | None:
    """The id of the selected row, None when none is selected."""
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return item.data(ROW_ID) if item is not None else None


#: The hint under a date field.
DATE_HINT = N_("DD/MM/YYYY")


def area_choices(app: AppContext, unit_id: str | None) -> list[tuple[str | None, str]]:
    """(id, name) of the unit's areas (this post's when ``unit_id`` is None), "số 2"
    before "số 10"."""
    with app.read() as ctx:
        rows: list[tuple[str | None, str]] = [(a.id, a.name) for a in post_rows.areas(ctx, unit_id)]
    return sorted(rows, key=lambda r: natural_key(r[1]))
