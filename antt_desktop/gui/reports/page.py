"""Báo cáo: the figures of a periodic report for a chosen period and unit, and their CSV.

The figures are computed on a worker thread ("Loading…" meanwhile) and shown as a report
(sections worded as ``antt stats`` words them); "Export CSV" writes the same figures as a
table Excel opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.periods import Period
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.flow_layout import FlowLayout
from antt_desktop.gui.common.page import Page
from antt_desktop.gui.printing import jobs as print_jobs
from antt_desktop.gui.printing.launch import PrintLauncher
from antt_desktop.gui.printing.render import failure_text
from antt_desktop.gui.reports.csv_export import write_csv
from antt_desktop.gui.reports.data import WATCHED, Posts, ReportData, load_report
from antt_desktop.gui.reports.html import render_html
from antt_desktop.gui.reports.period import PeriodChooser
from antt_desktop.gui.reports.worker import BackgroundLoader
from antt_desktop.i18n.formatting import period_slug
from antt_desktop.i18n.texts.audit import LEAVES_PROTECTION
from antt_desktop.i18n.translator import N_
from antt_desktop.presenters.report import Report, build_report
from antt_desktop.services import report_rows
from antt_desktop.services.audit_events import record_export, require_export
from antt_desktop.services.changes import Changes
from antt_desktop.store.errors import KnownError

STYLE = """
QFrame#reportControls { background: #f5f7fa; border: 1px solid #d3dae3; border-radius: 4px; }
QTextBrowser#reportView { background: #ffffff; border: 1px solid #d3dae3; }
QLabel#status[error="true"] { color: #b3261e; }
"""


class ReportsPage(Page):
    """Periodic reports: choose the period and the unit, see the figures, export them."""

    title = N_("Reports")

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.data: ReportData | None = None
        self.report: Report | None = None
        self._error = ""
        self._stale = False
        with app.read() as ctx:
            self.posts: Posts = report_rows.posts(ctx)
        self.loader = BackgroundLoader(self)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self.loader.busy_changed.connect(lambda _busy: self._show_status())
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.setStyleSheet(STYLE)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSize(max(font.pointSize(), 9) + 6)
        font.setBold(True)
        self.heading.setFont(font)
        self.period = PeriodChooser(lambda: self.app.tr, self.app.today().year)
        self.period.set_period(Period.month_of(self.app.today()))
        self.unit_label = QLabel()
        self.unit_box = QComboBox()
        self.unit_box.setObjectName("reportUnit")
        self.unit_box.setMinimumContentsLength(26)
        self.unit_label.setBuddy(self.unit_box)
        self.show_button = QPushButton()
        self.show_button.setObjectName("showReport")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.compute)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportCsv")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.print_button = QPushButton()
        self.print_button.setObjectName("printReport")
        self.print_button.clicked.connect(self.print_report)
        self.printing = PrintLauncher(self.app, self)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        controls = QFrame()
        controls.setObjectName("reportControls")
        # two rows: what to show, then what to do with it (one row squeezed the period
        # to "Kỳ b" on a 1024-pixel screen)
        rows = QVBoxLayout(controls)
        rows.setContentsMargins(10, 8, 10, 8)
        row = FlowLayout(spacing=12)  # wraps rather than squeezing the period's choices
        row.addWidget(self.period)
        unit = QHBoxLayout()
        unit.addWidget(self.unit_label)
        unit.addWidget(self.unit_box)
        row.addItem(unit)
        actions = QHBoxLayout()
        actions.addWidget(self.show_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.print_button)
        actions.addSpacing(12)
        actions.addWidget(self.status, 1)
        rows.addLayout(row)
        rows.addLayout(actions)
        self.browser = QTextBrowser()
        self.browser.setObjectName("reportView")
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(18)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(controls)
        layout.addWidget(self.browser, 1)
        self.setTabOrder(self.period.kind_box, self.period.index_box)
        self.setTabOrder(self.period.index_box, self.period.year_box)
        self.setTabOrder(self.period.year_box, self.unit_box)
        self.setTabOrder(self.unit_box, self.show_button)
        self.setTabOrder(self.show_button, self.export_button)
        self.setTabOrder(self.export_button, self.print_button)

    def _fill_units(self) -> None:
        current = self.unit_box.currentData()
        self.unit_box.clear()
        posts = self.posts
        if posts.upper and posts.parent is not None:
            self.unit_box.addItem(
                self.tr_(N_("All posts ({unit})")).format(unit=posts.parent.name),
                posts.parent.id,
            )
            for post in posts.posts:
                self.unit_box.addItem(f"{post.name} ({post.code})", post.id)
        else:
            self.unit_box.addItem(posts.local.name, posts.local.id)
        self.unit_box.setEnabled(self.unit_box.count() > 1)
        self.unit_box.setCurrentIndex(max(0, self.unit_box.findData(current)))

    # --- computing ---------------------------------------------------------------------
    def show_report(self, period: Period, unit_id: str | None = None) -> None:
        """Choose ``period`` (and a unit's id; None keeps the choice) and compute it."""
        self.period.set_period(period)
        if unit_id is not None:
            self.unit_box.setCurrentIndex(max(0, self.unit_box.findData(unit_id)))
        self.compute()

    def open_first_record(self) -> None:
        """The report of the current year (the self-test opens every page's first record)."""
        self.show_report(Period.year_of(self.app.today()))

    def compute(self) -> None:
        """Compute the chosen report on the worker ("Xem báo cáo")."""
        app, period = self.app, self.period.period()
        unit_id = self.unit_box.currentData()
        self._error = ""
        self._stale = False
        self.loader.start(lambda: load_report(app, period, unit_id))
        self._show_status()

    def refresh(self, changes: Changes) -> None:
        if self.data is None or not changes.touches(*WATCHED):
            return
        if self.isVisible():
            self.compute()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.compute()

    def _on_loaded(self, data: Any) -> None:
        assert isinstance(data, ReportData)
        self.data = data
        self._render()
        self._show_status()

    def _on_failed(self, exc: Any) -> None:
        self._error = self.tr_(N_("The figures could not be read: {error}")).format(error=exc)
        self._show_status()

    def _show_status(self) -> None:
        busy = self.loader.busy
        text = self.tr_(N_("Loading…")) if busy else self._error
        self.status.setText(text)
        error = bool(self._error) and not busy
        if bool(self.status.property("error")) != error:
            self.status.setProperty("error", error)
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)
        self.show_button.setEnabled(not busy)
        self.export_button.setEnabled(self.report is not None and not busy)

    def _render(self) -> None:
        if self.data is None:
            self.report = None
            self.browser.setHtml(
                "<p style='color: #52606d; margin: 24px;'>"
                + self.tr_(N_('Choose the period and the unit, then press "Show report".'))
                + "</p>"
            )
            return
        tr = self.app.tr
        self.report = build_report(self.data.stats, self.data.names, tr, self.data.comparison)
        self.browser.setHtml(render_html(self.report))

    # --- exporting ---------------------------------------------------------------------
    def suggested_file_name(self) -> str:
        stats = self.data.stats if self.data else None
        period = period_slug(stats.period if stats else self.period.period(), self.app.tr)
        code = stats.unit.code if stats and stats.unit else "all"
        return f"bao-cao-{period}-{code}.csv"

    def export_csv(self, path: str | Path | None = None) -> Path | None:
        """Write the report's figures to ``path`` (asked for with a dialog when None)."""
        if self.report is None:
            return None
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr_(N_("Export the figures")),
                str(Path.home() / self.suggested_file_name()),
                self.tr_(N_("CSV files (*.csv)")),
            )
            if not chosen:
                return None
            path = chosen
        target = Path(path)
        stats = self.data.stats if self.data else None
        unit_id = stats.unit.id if stats and stats.unit else None
        what = f"report csv {stats.period.label()}" if stats else "report csv"
        try:
            with self.app.read() as ctx:
                require_export(ctx, summary=True)  # before a byte is written
            rows = write_csv(target, self.report, self.app.tr)
            with self.app.write() as ctx:
                record_export(
                    ctx,
                    what=what,
                    where=target.name,
                    entity="unit" if unit_id else None,
                    entity_id=unit_id,
                    rows=rows,
                    summary=True,
                )
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr_(N_("Export the figures")),
                self.tr_(N_("The file could not be written: {error}")).format(error=exc),
            )
            return None
        except (KnownError, ValidationFailed) as exc:  # refused (the role), or the log failed
            self.status.setText(failure_text(exc, self.app))
            return None
        saved = self.tr_(N_("Saved to {path}")).format(path=target)
        self.status.setText(f"{saved}. {self.tr_(LEAVES_PROTECTION)}")
        return target

    def print_report(self) -> None:
        """The periodic report of the chosen period and unit as a PDF, in the preview."""
        period, unit_id = self.period.period(), self.unit_box.currentData()
        if isinstance(unit_id, str):
            self.printing.preview(lambda: print_jobs.report_job(self.app, period, unit_id))

    def retranslate(self) -> None:
        self.heading.setText(self.tr_(self.title))
        self.print_button.setText(self.tr_(N_("Print the &report…")))
        self.print_button.setToolTip(
            self.tr_(N_("The report of the chosen period in the administrative format (PDF)"))
        )
        self.period.retranslate()
        self.unit_label.setText(self.tr_(N_("U&nit:")))
        self.show_button.setText(self.tr_(N_("&Show report")))
        self.export_button.setText(self.tr_(N_("Export &CSV…")))
        self.export_button.setToolTip(
            self.tr_(N_("Save the figures as a table that Excel opens (UTF-8 CSV)"))
        )
        self._fill_units()
        self._render()
        self._show_status()

    def focus_search(self) -> None:
        self.period.kind_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
