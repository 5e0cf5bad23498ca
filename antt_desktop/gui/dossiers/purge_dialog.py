"""The purge proposal (đề xuất hủy hồ sơ hết thời hạn lưu) for the chief: closed dossiers
past their retention period, ticked to purge, and a confirmation naming the people."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.i18n.formatting import fmt_date
from antt_desktop.i18n.messages import describe, sentence
from antt_desktop.i18n.texts.privacy import DUE_TITLE, NONE_DUE, PURGED
from antt_desktop.i18n.translator import N_
from antt_desktop.services import purge, retention
from antt_desktop.services.retention_text import person_fate
from antt_desktop.store.errors import KnownError

TITLE = N_("Dossiers proposed for purging")
HINT = N_(
    "Closed dossiers whose retention period is over. Tick those to purge: each goes with its"
    " assessments, commitments, support and violations, also at the upper unit after the"
    " next sync. It cannot be undone."
)
COLUMNS = (
    N_("Full name"),
    N_("Category"),
    N_("Closed on"),
    N_("Kept (years)"),
    N_("May be purged since"),
    N_("Resident's record"),
)
PURGE = N_("&Purge the ticked dossiers…")
CLOSE = N_("Close")
QUESTION = N_("Purge these dossiers for good?")
NAMED = N_("The dossiers of: {names}.")
UNDONE = N_(
    "It cannot be undone. Their records are erased here and, at the next sync, at the upper unit."
)
YES = N_("Purge for good")
NO = N_("Go back")
ROW_ID = Qt.ItemDataRole.UserRole


class PurgeDialog(QDialog):
    """Lists :func:`retention.purge_due`; purges the ticked rows after a confirmation.

    ``purged`` carries the ids purged (the page reloads its lists).
    """

    purged = Signal(list)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setObjectName("purge_dialog")
        self.resize(1100, 460)
        self.candidates: list[retention.PurgeCandidate] = []
        self.question: QMessageBox | None = None
        self.heading = QLabel()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("purge_candidates")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((180, 250, 150, 135, 125)):
            self.table.setColumnWidth(col, width)
        self.table.itemChanged.connect(lambda _item: self._enable())
        self.message = QLabel()
        self.message.setObjectName("purge_message")
        self.message.setWordWrap(True)
        self.purge_button = QPushButton()
        self.purge_button.setObjectName("purge_button")
        self.purge_button.clicked.connect(self.ask)
        close = QPushButton()
        close.clicked.connect(self.reject)
        self.close_button = close
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.purge_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        tr = self.app.tr
        self.setWindowTitle(tr(TITLE))
        self.hint.setText(tr(HINT))
        self.purge_button.setText(tr(PURGE))
        self.close_button.setText(tr(CLOSE))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        with self.app.read() as ctx:
            self.candidates = retention.purge_due(ctx)
        today = fmt_date(self.app.today(), tr)
        title = tr(DUE_TITLE).format(today=today, count=len(self.candidates))
        self.heading.setText(f"<b>{title}</b>")
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.candidates))
        for r, c in enumerate(self.candidates):
            category = c.category_name_en if tr.lang == "en" else c.category_name
            cells = (
                c.person_name,
                category,
                fmt_date(c.closed_on, tr),
                str(c.retention_years),
                fmt_date(c.due_on, tr),
                person_fate(c, tr),
            )
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col == 0:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Unchecked)
                    item.setData(ROW_ID, c.dossier_id)
                self.table.setItem(r, col, item)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        self.message.setText("" if self.candidates else tr(NONE_DUE))
        self._enable()

    def ticked(self) -> list[retention.PurgeCandidate]:
        out = []
        for r, c in enumerate(self.candidates):
            item = self.table.item(r, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(c)
        return out

    def tick(self, dossier_id: str, on: bool = True) -> None:
        for r, c in enumerate(self.candidates):
            item = self.table.item(r, 0)
            if c.dossier_id == dossier_id and item is not None:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _enable(self) -> None:
        self.purge_button.setEnabled(bool(self.ticked()))

    def ask(self) -> QMessageBox | None:
        """The confirmation naming the people whose dossiers go (non-blocking)."""
        chosen = self.ticked()
        if not chosen:
            return None
        tr = self.app.tr
        box = QMessageBox(self)
        box.setObjectName("purge_question")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr(TITLE))
        box.setText(tr(QUESTION))
        names = ", ".join(dict.fromkeys(c.person_name for c in chosen))
        box.setInformativeText(f"{tr(NAMED).format(names=names)}\n{tr(UNDONE)}")
        yes = box.addButton(tr(YES), QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(tr(NO), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        ids = [c.dossier_id for c in chosen]
        box.finished.connect(lambda _r: self._answered(box.clickedButton() is yes, ids))
        self.question = box
        box.open()
        return box

    def _answered(self, yes: bool, ids: list[str]) -> None:
        self.question = None
        if not yes:
            return
        try:
            with self.app.write() as ctx:
                done = purge.purge(ctx, ids, confirm=True)
        except ValidationFailed as exc:
            self.message.setText("\n".join(describe(p, self.app.tr) for p in exc.problems))
            return
        except KnownError as exc:  # the account may not purge
            self.message.setText(sentence(exc.code, exc.params, self.app.tr))
            return
        self.reload()
        self.message.setText(self.app.tr(PURGED).format(count=len(done)))
        self.purged.emit([d.dossier_id for d in done])
