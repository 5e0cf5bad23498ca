"""Dossier transfers from the window: at the upper unit, request one (the dossier found by
the person's name, the receiving post) and approve it; at a post, the list of dossiers that
came in or went out."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_widgets import named
from antt_desktop.gui.common.rows_model import ROW_ROLE
from antt_desktop.gui.sync.importing import problem_text
from antt_desktop.gui.sync.models import TransferModel
from antt_desktop.i18n.translator import N_
from antt_desktop.store.errors import KnownError
from antt_desktop.sync import records, transfer
from antt_desktop.sync.transfer import TransferView

ID_ROLE = Qt.ItemDataRole.UserRole


class TransfersPanel(QWidget):
    """The transfers tab. ``changed`` after a request or an approval was saved."""

    changed = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.upper = False
        self.intro = QLabel(wordWrap=True)
        self.model = TransferModel(app.tr, self)
        self.view = named(QTableView(), "sync_transfers_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.approve_button = named(QPushButton(), "sync_transfer_approve")
        # a new request (upper unit only)
        self.request_box = QGroupBox()
        self.search = named(QLineEdit(), "sync_transfer_search")
        self.dossiers = named(QListWidget(), "sync_transfer_dossiers")
        self.dossiers.setMaximumHeight(140)
        self.target = named(QComboBox(), "sync_transfer_target")
        self.day = named(QDateEdit(), "sync_transfer_date")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.note = named(QLineEdit(), "sync_transfer_note")
        self.request_button = named(QPushButton(), "sync_transfer_request")
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout(self.request_box)
        form.addRow(self.labels[0], self.search)
        form.addRow("", self.dossiers)
        form.addRow(self.labels[1], self.target)
        form.addRow(self.labels[2], self.day)
        form.addRow(self.labels[3], self.note)
        button_row = QHBoxLayout()
        button_row.addWidget(self.request_button)
        button_row.addStretch(1)
        form.addRow("", button_row)
        self.message = named(QLabel(), "sync_transfers_message", wordWrap=True)
        actions = QHBoxLayout()
        actions.addWidget(self.approve_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        layout.addWidget(self.request_box)
        layout.addWidget(self.message)
        self.search.textChanged.connect(self._find)
        self.request_button.clicked.connect(self.request)
        self.approve_button.clicked.connect(self.approve)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update())

    def retranslate(self) -> None:
        tr = self.app.tr
        self.model.retranslate(tr)
        self.intro.setText(
            tr(
                N_(
                    "When a managed person moves to another commune, the upper unit records the"
                    " transfer and approves it; the receiving post then gets the whole dossier"
                    " and the old post keeps a copy it can only read."
                )
            )
        )
        self.approve_button.setText(tr(N_("&Approve the transfer")))
        self.request_box.setTitle(tr(N_("Request a transfer")))
        for label, text in zip(
            self.labels,
            (
                N_("Managed person:"),
                N_("To the post:"),
                N_("Transfer date:"),
                N_("Note:"),
            ),
            strict=True,
        ):
            label.setText(tr(text))
        self.search.setPlaceholderText(tr(N_("Type a name to find the dossier")))
        self.request_button.setText(tr(N_("Record the &request")))

    def refresh(self) -> None:
        with self.app.read() as ctx:
            me = records.this_node(ctx.session)
            self.upper = me.kind in ("upper_unit", "province")
            rows = transfer.transfers(ctx.session)
            targets = transfer.transfer_targets(ctx.session) if self.upper else []
        chosen = self.current()
        self.model.set_rows(rows)
        ids = [r.request_id for r in rows]
        if rows:
            keep = chosen.request_id if chosen is not None else None
            self.view.selectRow(ids.index(keep) if keep in ids else 0)
        self.request_box.setVisible(self.upper)
        self.approve_button.setVisible(self.upper)
        self.target.clear()
        for code, label in targets:
            self.target.addItem(label, code)
        today = self.app.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        if self.upper:
            self._find(self.search.text())
        self._update()

    def _find(self, text: str) -> None:
        with self.app.read() as ctx:
            found = transfer.dossier_choices(ctx.session, text)
        self.dossiers.clear()
        for choice in found:
            item = QListWidgetItem(choice.label)
            item.setData(ID_ROLE, choice.dossier_id)
            self.dossiers.addItem(item)
        if found:
            self.dossiers.setCurrentRow(0)

    def current(self) -> TransferView | None:
        index = self.view.currentIndex()
        found = self.model.data(index, ROW_ROLE) if index.isValid() else None
        return found if isinstance(found, TransferView) else None

    def _update(self) -> None:
        chosen = self.current()
        self.approve_button.setEnabled(chosen is not None and not chosen.approved)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setProperty("error", error)
        self.message.setText(text)

    def request(self) -> bool:
        item, tr = self.dossiers.currentItem(), self.app.tr
        dossier_id = item.data(ID_ROLE) if item is not None else ""
        picked = self.day.date()
        day = date(picked.year(), picked.month(), picked.day())
        target = str(self.target.currentData() or "")
        try:
            with self.app.write() as ctx:
                transfer.request_transfer(ctx, str(dossier_id), target, day, self.note.text())
        except (ValidationFailed, KnownError) as exc:
            self._say(problem_text(exc, tr) or str(exc), True)
            return False
        self._say(tr(N_("The transfer is recorded; approve it to hand the dossier over.")))
        self.note.clear()
        self.changed.emit()
        return True

    def approve(self) -> bool:
        chosen, tr = self.current(), self.app.tr
        if chosen is None:
            return False
        try:
            with self.app.write() as ctx:
                transfer.approve_transfer(ctx, chosen.request_id)
        except (ValidationFailed, KnownError) as exc:
            self._say(problem_text(exc, tr) or str(exc), True)
            return False
        self._say(
            tr(
                N_(
                    "Transfer approved: the dossier now belongs to the new post; the next sync"
                    " files carry it to both posts."
                )
            )
        )
        self.changed.emit()
        return True
