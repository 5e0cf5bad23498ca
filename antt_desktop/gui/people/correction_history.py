"""The correction history of a person (lịch sử đính chính): which field, old and new value,
when, who and why — a tab of the dossier window and a dialog of the resident window."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.gui.common.context import AppContext
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.messages import field_label
from antt_desktop.i18n.texts.privacy import HISTORY_TITLE, NO_CORRECTIONS
from antt_desktop.i18n.translator import N_
from antt_desktop.services import people_rows

COLUMNS = (
    N_("Corrected on"),
    N_("Field"),
    N_("Old value"),
    N_("New value"),
    N_("Reason for correcting the data"),
    N_("Corrected by"),
)
TITLE = N_("Correction history: {name}")
CLOSE = N_("Close")


class CorrectionTable(QWidget):
    """The corrections of one person, oldest first, as the account may see them."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.person_id: str | None = None
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("correction_history")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        for col, width in enumerate((120, 170, 170, 170, 260)):
            self.table.setColumnWidth(col, width)
        self.empty = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

    def load(self, person_id: str) -> None:
        """Read the history again (and the texts in the current language)."""
        self.person_id = person_id
        tr = self.app.tr
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        with self.app.read() as ctx:
            history = people_rows.correction_history(ctx, person_id, tr)
        rows = [
            (
                fmt_date(c.line.corrected_on, tr),
                field_label(c.line.field, tr),
                c.old_text,
                c.new_text,
                c.line.reason or "",
                c.line.corrected_by,
            )
            for c in reversed(history.rows)  # newest first, as the other histories
        ]
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        self.empty.setText("" if rows else tr(NO_CORRECTIONS))
        self.empty.setVisible(not rows)

    def cell_texts(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and self-checks)."""
        return [
            [
                item.text() if (item := self.table.item(r, c)) is not None else ""
                for c in range(self.table.columnCount())
            ]
            for r in range(self.table.rowCount())
        ]


class CorrectionHistoryDialog(QDialog):
    """The history of one person in a window of its own (from the resident window)."""

    def __init__(
        self, app: AppContext, person_id: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("correction_history_dialog")
        self.setWindowTitle(app.tr(TITLE).format(name=name))
        self.resize(1000, 420)
        self.history = CorrectionTable(app, self)
        self.history.load(person_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(app.tr(CLOSE))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{app.tr(HISTORY_TITLE)}</b>")
        layout.addWidget(heading)
        layout.addWidget(self.history, 1)
        layout.addWidget(buttons)
