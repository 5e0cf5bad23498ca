"""Choosing a household by search (chọn hộ): type part of the head's name (accents
optional), the household number, the address or the area; the matches drop down as
"Số hộ — chủ hộ — địa chỉ"; arrows and Enter choose one. Clearing the line unlinks."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QWidget

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.form_support import debounced
from antt_desktop.i18n.translator import N_
from antt_desktop.services import household_rows
from antt_desktop.services.household_rows import HouseholdChoice

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 150
PLACEHOLDER = N_("type the head's name, the household number or the address")
NO_MATCH = N_("No household matches '{text}'")


class HouseholdChooser(QWidget):
    """A line to find and choose one household of ``unit_id``; ``changed`` is emitted when
    the choice (or the typed text) changes. :meth:`household_id` is the chosen one."""

    changed = Signal()

    def __init__(
        self, app: AppContext, unit_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.unit_id = unit_id
        self._chosen: HouseholdChoice | None = None
        self.edit = QLineEdit()
        self.edit.setObjectName("household_search")
        self.edit.setClearButtonEnabled(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.edit)
        self.completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self._timer = debounced(self, self._search_later, SEARCH_DELAY_MS)
        self.edit.textEdited.connect(self._typed)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.app.tr(PLACEHOLDER))

    # --- the choice ---------------------------------------------------------------------------
    def household_id(self) -> str | None:
        return self._chosen.id if self._chosen is not None else None

    def text(self) -> str:
        """What is typed in the line (the chosen household's line once one is chosen)."""
        return self.edit.text().strip()

    def set_household(self, household_id: str | None) -> None:
        """Show ``household_id`` as chosen (None: no household)."""
        chosen = None
        if household_id:
            with self.app.read() as ctx:
                chosen = household_rows.household_choice(ctx, household_id)
        self._show(chosen)

    def _show(self, chosen: HouseholdChoice | None) -> None:
        self._chosen = chosen
        self.edit.setText(chosen.label if chosen else "")
        self.edit.setCursorPosition(0)
        self.changed.emit()

    # --- searching ----------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        had = self._chosen is not None
        self._chosen = None  # typing again drops the choice until one is chosen
        if had or not text.strip():
            self.changed.emit()
        self._timer.start()

    def _search_later(self) -> None:
        self.search()

    def search(self) -> list[HouseholdChoice]:
        """Fill the drop-down with the matches of the typed text (shown at once)."""
        self._timer.stop()
        text = self.edit.text()
        with self.app.read() as ctx:
            found = list(household_rows.household_choices(ctx, text, self.unit_id))
        self.model.clear()
        for choice in found:
            item = QStandardItem(choice.label)
            item.setData(choice, ID_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        if not found and text.strip():
            item = QStandardItem(self.app.tr(NO_MATCH).format(text=text.strip()))
            item.setEnabled(False)
            item.setSelectable(False)
            self.model.appendRow(item)
        if text.strip() and self.edit.hasFocus():
            self.completer.complete()
            popup = self.completer.popup()
            if found and popup is not None:  # Enter at once takes the first match
                popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        self.changed.emit()
        return found

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        choice = index.data(ID_ROLE)
        if isinstance(choice, HouseholdChoice):
            self._show(choice)

    def choose(self, row: int) -> None:
        """Choose the ``row``-th match of the last search (as Enter on it does)."""
        choice = self.model.item(row).data(ID_ROLE)
        if isinstance(choice, HouseholdChoice):
            self._show(choice)
