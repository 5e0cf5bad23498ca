"""The audit log as a lazy table (nhật ký hệ thống): entry numbers of the filter from one
SQL query, newest first, rows built a page at a time. Reads go through
:mod:`antt_desktop.services.audit_log`, which refuses a role without Permission.AUDIT."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.lazy_model import LazyTableModel
from antt_desktop.i18n.texts.audit import FIELDS_COLUMN, plain
from antt_desktop.i18n.translator import N_
from antt_desktop.presenters.audit_entry import cells
from antt_desktop.services.audit_log import AuditFilter, entry_seqs, rows_of

Index = QModelIndex | QPersistentModelIndex


class AuditModel(LazyTableModel):
    """Entries of :attr:`filter`: number, time, account, action, record, fields, details."""

    COLUMNS = (
        N_("No."),
        N_("Time"),
        N_("Account"),
        N_("Action"),
        N_("Record"),
        FIELDS_COLUMN,
        N_("Details"),
    )
    COL_SEQ, COL_AT, COL_ACTOR, COL_ACTION, COL_RECORD, COL_FIELDS, COL_DETAIL = range(7)
    WIDTHS = (60, 150, 110, 200, 150, 220)

    def __init__(self, app: AppContext, parent: Any = None) -> None:
        super().__init__(app, parent)
        self.filter = AuditFilter()

    def set_filter(self, f: AuditFilter) -> None:
        """Show the entries of ``f`` (ValidationFailed, nothing changed, for a bad range)."""
        self.filter = f.checked()
        self.reload()

    def fetch_ids(self) -> list[str]:
        with self.app.read() as ctx:
            return [str(seq) for seq in entry_seqs(ctx, self.filter, newest_first=True)]

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        tr = self.app.tr
        with self.app.read() as ctx:
            rows = rows_of(ctx, [int(i) for i in ids])
        return {str(seq): (seq, *cells(r, tr)[1:]) for seq, r in rows.items()}

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.COLUMNS)
        ):
            return plain(self.COLUMNS[section], self.app.tr)
        return super().headerData(section, orientation, role)

    def retranslate(self) -> None:
        """Actions and kinds of record are words of the language: build the rows again."""
        self.reload()
