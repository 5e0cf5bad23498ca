"""The post's accounts as a table: account name, full name, title or rank, role in words,
whether it is in use or disabled, and the wrong passwords typed since its last login."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from antt_desktop.i18n.texts import accounts as t
from antt_desktop.i18n.texts.accounts import IN_USE, LOCKED, ROLE_LABELS
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.services.accounts import AccountRow

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (*t.COLUMNS[:2], N_("Title or rank"), *t.COLUMNS[2:])
COL_NAME, COL_FULL_NAME, COL_TITLE, COL_ROLE, COL_STATE, COL_FAILURES = range(len(COLUMNS))


class AccountsModel(QAbstractTableModel):
    """Rows of :func:`antt_desktop.services.accounts.accounts`, read-only."""

    def __init__(self, tr: Translator, parent: Any = None) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self.accounts: list[AccountRow] = []

    def set_accounts(self, rows: list[AccountRow]) -> None:
        self.beginResetModel()
        self.accounts = list(rows)
        self.endResetModel()

    def account(self, row: int) -> AccountRow | None:
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.accounts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def text(self, a: AccountRow, column: int) -> str:
        tr = self.tr_
        if column == COL_NAME:
            return a.username
        if column == COL_FULL_NAME:
            return a.full_name
        if column == COL_TITLE:
            return a.title or ""
        if column == COL_ROLE:
            label = ROLE_LABELS.get(a.role)
            return tr(label) if label else a.role
        if column == COL_STATE:
            return tr(IN_USE) if a.can_log_in else tr(LOCKED)
        return str(a.failures)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self.account(index.row())
        if a is None or not 0 <= index.column() < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(a, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_FAILURES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return a.username
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return self.tr_(COLUMNS[section])
        return None
