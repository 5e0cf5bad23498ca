"""Đề nghị sửa từ cấp trên: the upper unit's edits of this post's records, waiting for the
post's officer. The list, the chosen proposal field by field ("Hiện tại → Đề nghị"), and
Accept / Reject (a reason is required, it goes to the upper unit). At the upper unit the
same tab shows what became of its proposals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.list_table import ListTable
from antt_desktop.gui.common.records_editor import RecordDialog
from antt_desktop.gui.common.records_widgets import named
from antt_desktop.gui.common.rows_model import ROW_ROLE
from antt_desktop.gui.sync.importing import problem_text
from antt_desktop.gui.sync.models import ChangeModel, ProposalModel
from antt_desktop.i18n.translator import N_
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services import proposals
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.proposals import ProposalView
from antt_desktop.store.errors import KnownError
from antt_desktop.sync import proposal_text

TITLE = N_("Proposals from the upper unit")
WAITING = N_("{count} proposals waiting")


class RejectDialog(RecordDialog):
    """Từ chối đề nghị: the reason, checked as the officer types by
    :func:`proposals.check_reject`, saved by :func:`proposals.reject`."""

    def __init__(self, app: AppContext, proposal: ProposalView, parent: QWidget | None = None):
        super().__init__(app, parent)
        self.setObjectName("proposal_reject_dialog")
        self.proposal_id = proposal.id
        self.about = named(QLabel(), "proposal_reject_about", wordWrap=True)
        self.about.setText(
            app.tr(N_("Keep {record} as it is and tell {unit} why.")).format(
                record=proposal_text.record_text(proposal, app.tr), unit=proposal.proposer_unit
            )
        )
        self.reason = named(QPlainTextEdit(), "rejection_reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumWidth(380)
        self.reason.setFixedHeight(self.reason.fontMetrics().height() * 5)
        form = self.lay_out(
            app.tr(N_("Reject the proposal")), [(proposals.REASON_FIELD, self.reason)]
        )
        form.insertRow(0, self.about)

    def check(self) -> list[Problem]:
        with self.app.read() as ctx:
            return proposals.check_reject(ctx, self.proposal_id, self.reason.toPlainText())

    def write(self, ctx: Ctx) -> Any:
        return proposals.reject(ctx, self.proposal_id, self.reason.toPlainText())


class ProposalsPanel(QWidget):
    """The proposals tab. ``decided`` after an accept or a reject was saved."""

    decided = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.rows: list[ProposalView] = []
        self.waiting = 0
        self.dialog: RejectDialog | None = None
        self.summary = named(QLabel(), "proposals_summary", wordWrap=True)
        self.show_all = named(QCheckBox(), "proposals_show_all")
        self.model = ProposalModel(app.tr, self)
        self.view = ListTable(
            app, self.model, "sync_proposals", widths=(220, 200, 180, 130, 160), stretch=0
        )
        self.view.setObjectName("sync_proposals_view")
        self.about = named(QLabel(), "proposal_about", wordWrap=True)
        self.changes = ChangeModel(app.tr, self)
        self.change_view = ListTable(
            app, self.changes, "sync_proposal_fields", widths=(180, 220, 220), stretch=2
        )
        self.change_view.setObjectName("sync_proposal_fields_view")
        self.accept_button = named(QPushButton(), "proposal_accept")
        self.reject_button = named(QPushButton(), "proposal_reject")
        self.message = named(QLabel(), "proposals_message", wordWrap=True)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_all)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.addWidget(self.about)
        detail.addWidget(self.change_view, 1)
        detail.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 2)
        layout.addWidget(self.detail, 2)
        layout.addWidget(self.message)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show())
        self.show_all.toggled.connect(lambda _on: self.refresh())
        self.accept_button.clicked.connect(self.accept_current)
        self.reject_button.clicked.connect(self.reject_current)

    def retranslate(self) -> None:
        tr = self.app.tr
        self.model.retranslate(tr)
        self.changes.retranslate(tr)
        self.show_all.setText(tr(N_("Show &decided ones too")))
        self.accept_button.setText(tr(N_("&Accept")))
        self.accept_button.setToolTip(
            tr(N_("Write the proposed values into the record (they go up with the next sync file)"))
        )
        self.reject_button.setText(tr(N_("&Reject…")))
        self._summary()
        self._show()

    def refresh(self) -> None:
        current = self.current()
        with self.app.read() as ctx:
            everything = proposals.proposal_list(ctx)
        mine = [p for p in everything if p.mine]
        self.waiting = len([p for p in mine if p.state == proposals.PENDING])
        # at the post: what waits for it; at the upper unit: what became of its proposals
        shown = (
            everything
            if self.show_all.isChecked() or not mine
            else [p for p in everything if p.state == proposals.PENDING or not p.mine]
        )
        self.rows = shown
        self.model.set_rows(shown)
        ids = [p.id for p in shown]
        if shown:
            self.view.selectRow(ids.index(current.id) if current and current.id in ids else 0)
        self._summary()
        self._show()

    def _summary(self) -> None:
        tr = self.app.tr
        if self.waiting:
            self.summary.setText(tr(WAITING).format(count=self.waiting))
        elif self.rows and not any(p.mine for p in self.rows):
            self.summary.setText(
                tr(N_("What the posts decided about the changes this unit proposed to them."))
            )
        elif self.rows:
            self.summary.setText(tr(N_("No proposal is waiting for this post.")))
        else:
            self.summary.setText(
                tr(
                    N_(
                        "No proposal from the upper unit: its changes to this post's records"
                        " arrive here, to accept or reject."
                    )
                )
            )
        self.view.setVisible(bool(self.rows))

    def current(self) -> ProposalView | None:
        index = self.view.currentIndex()
        found = self.model.data(index, ROW_ROLE) if index.isValid() else None
        return found if isinstance(found, ProposalView) else None

    def _show(self) -> None:
        p, tr = self.current(), self.app.tr
        self.detail.setVisible(p is not None)
        if p is None:
            self.changes.set_rows([])
            return
        who = p.proposer_unit + (f" ({p.proposed_by})" if p.proposed_by else "")
        about = tr(N_("{record} — proposed by {unit} on {when}: {state}")).format(
            record=proposal_text.record_text(p, tr),
            unit=who,
            when=proposal_text.when_text(p.proposed_at, tr),
            state=proposal_text.state_text(p, tr),
        )
        self.about.setText(about)
        self.changes.set_rows(p.changes)
        open_here = p.mine and p.state == proposals.PENDING and self.app.may(Permission.WRITE)
        self.accept_button.setVisible(p.mine)
        self.reject_button.setVisible(p.mine)
        self.accept_button.setEnabled(open_here)
        self.reject_button.setEnabled(open_here)

    def _failed(self, exc: Exception) -> None:
        self.message.setProperty("error", True)
        self.message.setText(problem_text(exc, self.app.tr) or str(exc))

    def accept_current(self) -> bool:
        """Accept the chosen proposal; True when it was saved."""
        p, tr = self.current(), self.app.tr
        if p is None:
            return False
        try:
            with self.app.write() as ctx:
                proposals.accept(ctx, p.id)
        except (ValidationFailed, KnownError, PermissionDenied) as exc:
            self._failed(exc)
            return False
        self.message.setProperty("error", False)
        self.message.setText(
            tr(
                N_(
                    "Accepted: {record} now holds the proposed values; they go out with the"
                    " next sync file."
                )
            ).format(record=proposal_text.record_text(p, tr))
        )
        self.decided.emit()
        return True

    def reject_current(self) -> RejectDialog | None:
        """Open the reason dialog for the chosen proposal (modal; returns it for tests)."""
        p = self.current()
        return None if p is None else self.reject_dialog(p)

    def reject_dialog(self, p: ProposalView) -> RejectDialog:
        """Open the reason dialog for ``p`` (modal)."""
        self.dialog = RejectDialog(self.app, p, self)
        self.dialog.accepted.connect(lambda: self._rejected(p))
        self.dialog.open()
        return self.dialog

    def _rejected(self, p: ProposalView) -> None:
        tr = self.app.tr
        self.message.setProperty("error", False)
        self.message.setText(
            tr(
                N_(
                    "Rejected: {record} stays as it was; the reason goes out with the next"
                    " sync file."
                )
            ).format(record=proposal_text.record_text(p, tr))
        )
        self.decided.emit()
