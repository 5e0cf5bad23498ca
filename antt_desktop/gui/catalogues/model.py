"""The entries of one catalogue as a table: code, name, the fields that matter most for the
catalogue, and a status column whose badges ("cần kiểm tra", "thôi áp dụng") stand out."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.texts.catalogue_edits import RETIRED_BADGE, TO_CHECK_BADGE
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.presenters.catalogue_text import shown
from antt_desktop.services.catalogue_rows import EntryRow
from antt_desktop.services.catalogue_specs import CATEGORY, RUBRIC, SPECS

#: The fields shown as columns, after the code and the name, by catalogue.
EXTRA = {
    CATEGORY: ("legal_basis", "cadence", "retention_years"),
    RUBRIC: ("pass_mark", "criteria"),
}
STATUS = "status"
#: Column titles shorter than the editor's labels.
HEADERS = {
    STATUS: N_("Entry status"),
    "cadence": N_("Assessed every"),
    "retention_years": N_("Years kept"),
}
#: Preferred widths by field.
WIDTHS = {
    "code": 150,
    STATUS: 110,
    "name_vi": 260,
    "legal_basis": 420,
    "cadence": 110,
    "retention_years": 80,
    "pass_mark": 90,
    "criteria": 380,
}
#: Amber for an entry still to be checked: seen at a glance, readable in black.
TO_CHECK_COLOUR = QColor("#ffe08a")
RETIRED_COLOUR = QColor("#d9d9d9")
CODE_ROLE = Qt.ItemDataRole.UserRole
_ROOT = QModelIndex()
EFFECT = re.compile(r"\s*\((?:hiệu lực|in force)[^)]*\)")


class EntriesModel(QAbstractTableModel):
    """One catalogue's entries (``set_rows`` replaces them all)."""

    def __init__(self, key: str, tr: Translator, parent: Any = None) -> None:
        super().__init__(parent)
        self.key, self.words = key, tr
        # the badges next to the code, where a narrow screen still shows them
        self.fields = ("code", STATUS, "name_vi", *EXTRA.get(key, ()))
        self.rows: list[EntryRow] = []

    def set_rows(self, rows: tuple[EntryRow, ...]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        name = self.fields[section]
        if name in HEADERS:
            return self.words(HEADERS[name])
        return field_label(name, self.words)

    def badges(self, row: EntryRow) -> list[str]:
        return [self.words(TO_CHECK_BADGE)] * row.to_check + [
            self.words(RETIRED_BADGE)
        ] * row.retired

    def text(self, row: EntryRow, name: str) -> str:
        if name == STATUS:
            return ", ".join(self.badges(row))
        if name == "code":
            return row.code
        return shown(SPECS[self.key].field(name), row.values[name], self.words)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row, name = self.rows[index.row()], self.fields[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.text(row, name)
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.text(row, name)
            # the list names the laws; their dates of effect are in the tooltip and the editor
            return EFFECT.sub("", text) if name == "legal_basis" else text
        if role == CODE_ROLE:
            return row.code
        if name == STATUS and role == Qt.ItemDataRole.BackgroundRole:
            if row.to_check:
                return QBrush(TO_CHECK_COLOUR)
            return QBrush(RETIRED_COLOUR) if row.retired else None
        if name == STATUS and role == Qt.ItemDataRole.FontRole and row.to_check:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.retired and name != STATUS:
            return QBrush(QColor("#666666"))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        name = self.fields[column]
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(
            key=lambda r: self.text(r, name).casefold(),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.layoutChanged.emit()
