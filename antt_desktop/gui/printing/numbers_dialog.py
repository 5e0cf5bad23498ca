"""The register of document numbers (sổ đăng ký số văn bản) as a small window opened from
the print preview: the numbers of a year, of one type or all, each with what it was given
to, when and by whom, and "đã hủy" for a cancelled one; a number can be cancelled with a
reason (it is never given again)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import Problem
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.list_table import ListTable
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.common.rows_model import Index, RowsModel
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.translator import N_
from antt_desktop.security.roles import Permission
from antt_desktop.services import document_number_rows, document_numbers
from antt_desktop.services.context import Ctx
from antt_desktop.services.document_number_rows import NumberRow

CANCELLED_COLOUR = QColor("#8a1c1c")


class NumbersModel(RowsModel):
    """The numbers shown, in the order of the register."""

    COL_NUMBER, COL_DATE, COL_STATE, COL_TITLE, COL_BY = range(5)
    COLUMNS = (
        N_("Number and symbol"),
        N_("Date the number was given"),
        N_("State"),
        N_("Given to"),
        N_("Account that gave it"),
    )

    def __init__(self, app: AppContext, parent: Any = None) -> None:
        super().__init__(app.tr, parent)
        self.app = app
        self.rows: list[NumberRow] = []

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r, tr = self.rows[index.row()], self.app.tr
        if role == Qt.ItemDataRole.ForegroundRole and r.cancelled:
            return CANCELLED_COLOUR
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        if role == Qt.ItemDataRole.ToolTipRole and r.cancelled and r.cancel_reason:
            return r.cancel_reason
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == self.COL_STATE:
            state = tr(N_("cancelled")) if r.cancelled else tr(N_("issued"))
            return f"{state}: {r.cancel_reason}" if r.cancelled and r.cancel_reason else state
        return (
            r.number,
            fmt_date(r.issued_on, tr),
            "",
            r.title,
            r.issued_by,
        )[index.column()]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        keys = (
            lambda r: (r.year, r.doc_type, r.seq),
            lambda r: (r.issued_on, r.seq),
            lambda r: r.cancelled,
            lambda r: r.title,
            lambda r: r.issued_by,
        )
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=keys[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class CancelNumberDialog(RecordDialog):
    """Why a number is cancelled (required): the number stays in the register as "đã hủy"."""

    def __init__(self, app: AppContext, row: NumberRow, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.row = row
        self.reason = QLineEdit()
        self.reason.setObjectName("reason_edit")
        self.reason.setMaxLength(300)
        self.reason.setMinimumWidth(360)
        title = app.tr(N_("Cancel number {number}")).format(number=row.number)
        self.lay_out(title, [("cancel_reason", self.reason)])
        self.note = QLabel(
            app.tr(
                N_(
                    "The number stays in the register marked cancelled and is never given"
                    " again; printing the document again gives it a new number."
                )
            )
        )
        self.note.setWordWrap(True)
        self.form.insertRow(0, self.note)
        self.labels["cancel_reason"].setText(app.tr(N_("&Reason:")))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(app.tr(N_("Cancel the &number")))

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            return document_numbers.check_cancel(ctx, self.row.id, self.reason.text())

    def write(self, ctx: Ctx) -> str:
        return document_numbers.cancel(ctx, self.row.id, self.reason.text()).id


class NumbersDialog(QDialog):
    """The numbers of the unit's register, by year and type."""

    def __init__(self, app: AppContext, unit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.unit_id = app, unit_id
        self.setObjectName("numbers_dialog")
        self.setWindowTitle(app.tr(N_("Register of document numbers")))
        self.resize(860, 480)
        self.year_combo, self.type_combo = QComboBox(), QComboBox()
        self.year_combo.setObjectName("year_combo")
        self.type_combo.setObjectName("type_combo")
        self.model = NumbersModel(app, self)
        self.table = ListTable(
            app, self.model, "document_numbers", widths=(110, 100, 140, 360, 110), stretch=3
        )
        self.cancel_button = QPushButton(app.tr(N_("Cancel the chosen &number…")))
        self.cancel_button.setObjectName("cancel_number_button")
        self.cancel_button.setEnabled(False)
        self.cancel_button.setVisible(app.may(Permission.WRITE))
        self.close_button = QPushButton(app.tr(N_("Close")))
        self.editor: CancelNumberDialog | None = None
        top = QHBoxLayout()
        for text, combo in (
            (N_("&Year:"), self.year_combo),
            (N_("Type of &document:"), self.type_combo),
        ):
            label = QLabel(app.tr(text))
            label.setBuddy(combo)
            top.addWidget(label)
            top.addWidget(combo)
        top.addStretch(1)
        self.empty = QLabel(app.tr(N_("No number has been given yet.")))
        bottom = QHBoxLayout()
        bottom.addWidget(self.cancel_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(bottom)
        self._fill_filters()
        self.year_combo.currentIndexChanged.connect(self.reload)
        self.type_combo.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.close_button.clicked.connect(self.accept)
        self.reload()

    def _fill_filters(self) -> None:
        tr = self.app.tr
        with self.app.read() as ctx:
            years = document_number_rows.number_years(ctx, self.unit_id)
            this_year = ctx.today.year
        for year in sorted({this_year, *years}, reverse=True):
            self.year_combo.addItem(str(year), year)
        self.type_combo.addItem(tr(N_("All types")), None)
        for code in document_numbers.DOC_TYPES:
            self.type_combo.addItem(code, code)

    def reload(self) -> None:
        with self.app.read() as ctx:
            rows = document_number_rows.numbers(
                ctx, self.unit_id, self.year_combo.currentData(), self.type_combo.currentData()
            )
        self.model.set_rows(list(rows))
        self.empty.setVisible(not rows)
        self._chosen()

    def chosen(self) -> NumberRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _chosen(self, *_args: object) -> None:
        row = self.chosen()
        self.cancel_button.setEnabled(row is not None and not row.cancelled)

    def ask_cancel(self) -> CancelNumberDialog | None:
        row = self.chosen()
        if row is None or row.cancelled:
            return None
        self.editor = CancelNumberDialog(self.app, row, self)
        self.editor.accepted.connect(self.reload)
        self.editor.open()
        return self.editor
