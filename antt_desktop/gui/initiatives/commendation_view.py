"""One commendation decision and everyone it commends: collectives first, then individuals
the Vietnamese way, as such decisions list them."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidget, QVBoxLayout, QWidget

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.record_tabs import KIND_LABELS
from antt_desktop.gui.common.records_list import RecordView
from antt_desktop.gui.common.records_widgets import fill_table, named, setup_table
from antt_desktop.gui.initiatives.commendation_rows import KIND_NAMES
from antt_desktop.gui.printing import jobs as print_jobs
from antt_desktop.gui.printing.launch import PrintLauncher
from antt_desktop.i18n.formatting import fmt_date, fmt_int
from antt_desktop.i18n.translator import N_
from antt_desktop.services import commendation_rows
from antt_desktop.services.commendation_rows import parse_key
from antt_desktop.store.errors import NotFound


class CommendationView(RecordView):
    """The decision's particulars and its list of recipients."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.back_button = named(QPushButton(self), "backButton")
        self.back_button.clicked.connect(self.back.emit)
        self.title = named(QLabel(), "titleLabel", wordWrap=True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.details = named(QLabel(), "detailsLabel", wordWrap=True)
        self.recipients = named(QTableWidget(), "recipientsTable")
        setup_table(self.recipients, stretch=3)
        self.print_button = named(QPushButton(self), "printCertificatesButton")
        self.print_button.clicked.connect(self.print_certificates)
        self.printing = PrintLauncher(app, self)
        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.print_button)
        box = QVBoxLayout(self)
        box.addLayout(head)
        box.addWidget(self.details)
        box.addWidget(self.recipients, 1)

    def retranslate(self) -> None:
        self.back_button.setText(self.tr_(N_("← &List")))
        self.back_button.setToolTip(self.tr_(N_("Back to the list (Alt+Left)")))
        self.print_button.setText(self.tr_(N_("&Print the certificates")))
        self.print_button.setToolTip(
            self.tr_(N_("A certificate for every recipient of this decision, in the preview"))
        )
        self.reload()

    def print_certificates(self) -> None:
        """The certificates of every recipient of the decision (a batch, with Cancel)."""
        if self.record_id is None:
            return
        unit_id, day, number = parse_key(self.record_id)
        self.printing.preview(lambda: print_jobs.certificates_job(self.app, number, unit_id, day))

    def reload(self) -> None:
        if self.record_id is None:
            return
        t, tr = self.tr_, self.app.tr
        try:
            with self.app.read() as ctx:
                decision = commendation_rows.decision(ctx, self.record_id)
        except NotFound:
            self.back.emit()
            return
        self.title.setText(
            t(N_("Decision No. {number} of {date}")).format(
                number=decision.number, date=fmt_date(decision.day, tr)
            )
        )
        self.details.setText(
            t(N_("{form} · issued by {issuer} · {count} recipients")).format(
                form=t(KIND_LABELS.get(decision.kind, decision.kind)),
                issuer=decision.issuer,
                count=fmt_int(len(decision.recipients), tr),
            )
        )
        fill_table(
            self.recipients,
            [
                t(N_("Recipient")),
                t(N_("Kind of recipient")),
                t(N_("Collective or individual")),
                t(N_("Achievement")),
                t(N_("Golden book number")),
            ],
            [
                (
                    c.id,
                    (
                        c.recipient_name,
                        t(KIND_NAMES.get(c.recipient_kind, c.recipient_kind)),
                        t(N_("collective") if c.collective else N_("individual")),
                        c.achievement,
                        c.golden_book_no or "",
                    ),
                )
                for c in decision.recipients
            ],
        )
