"""Báo cáo: the figures of a periodic report for a chosen period and unit, and their CSV.

The figures are computed on a worker thread ("Loading…" meanwhile) and shown as the report
prints them: parts I–V with the chief's texts, the figures numbered under part II, the
closing sentence. "Export CSV" writes the same figures as a table Excel opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
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
from antt_desktop.gui.reports.data import WATCHED, Posts, ReportData, ReportView, load_report
from antt_desktop.gui.reports.html import render_document_html
from antt_desktop.gui.reports.narrative import NarrativeDialog
from antt_desktop.gui.reports.period import PeriodChooser
from antt_desktop.gui.reports.worker import BackgroundLoader
from antt_desktop.i18n.formatting import period_slug
from antt_desktop.i18n.texts.audit import LEAVES_PROTECTION
from antt_desktop.i18n.translator import N_
from antt_desktop.presenters.report import Report, build_report
from antt_desktop.presenters.report_document import report_document
from antt_desktop.printing import report_export
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services import report_rows
from antt_desktop.services.audit_events import record_export, require_export
from antt_desktop.services.changes import Changes
from antt_desktop.services.context import Permission
from antt_desktop.services.report_narratives import Narrative
from antt_desktop.store.errors import KnownError

#: What the view shows in a part of the report nobody has written yet.
BLANK_PART = N_(
    "Not written yet: the printed report leaves dotted lines here to fill in by hand."
    ' "Report texts…" writes it.'
)

STYLE = """
QFrame#reportControls { background: #f5f7fa; border: 1px solid #d3dae3; border-radius: 4px; }
QTextBrowser#reportView { background: #ffffff; border: 1px solid #d3dae3; }
QLabel#status[error="true"] { color: #b3261e; }
"""


class ReportsPage(Page):
    """Periodic reports: choose the period and the unit, see the figures, export them."""

    title = N_("Reports")
    #: A Word file or a workbook was saved (its path).
    file_saved = Signal(object)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.data: ReportData | None = None
        self.narrative: Narrative | None = None
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
        # "Nội dung báo cáo" is this post's own: greyed out while another unit is chosen
        self.unit_box.currentIndexChanged.connect(lambda _i: self._show_status())
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
        self.narrative_button = QPushButton()
        self.narrative_button.setObjectName("editNarrative")
        self.narrative_button.clicked.connect(lambda: self.edit_narrative())
        self.file_button = QPushButton()
        self.file_button.setObjectName("saveReportFile")
        self.file_menu = QMenu(self.file_button)
        self.word_action = self.file_menu.addAction("")
        self.word_action.triggered.connect(lambda: self.save_file("docx"))
        self.excel_action = self.file_menu.addAction("")
        self.excel_action.triggered.connect(lambda: self.save_file("xlsx"))
        self.file_button.setMenu(self.file_menu)
        self.saver = BackgroundLoader(self)  # lays out a Word file or a workbook
        self.saver.loaded.connect(self._on_file_made)
        self.saver.failed.connect(self._on_file_failed)
        self.saver.busy_changed.connect(lambda _busy: self._show_status())
        self._saving: tuple[Path, Period, str] | None = None
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
        actions = FlowLayout(spacing=6)  # wraps on a small screen with the large font
        actions.addWidget(self.show_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.narrative_button)
        actions.addWidget(self.file_button)
        rows.addLayout(row)
        rows.addLayout(actions)
        rows.addWidget(self.status)
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
        self.setTabOrder(self.print_button, self.narrative_button)
        self.setTabOrder(self.narrative_button, self.file_button)

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
        assert isinstance(data, ReportView)
        self.data, self.narrative = data.data, data.narrative
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
        if self.saver.busy:
            self.status.setText(self.tr_(N_("Saving the report…")))
        self.file_button.setEnabled(not self.saver.busy)
        own = self.unit_box.currentData() == self.posts.local.id
        self.narrative_button.setEnabled(own and self.app.may(Permission.WRITE))

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
        unit = self.data.stats.unit
        narrative = self.narrative or Narrative(unit.id if unit else "", self.report.phrase)
        # the outline the printed report has: parts I–V with the chief's texts, the
        # figures numbered under part II, the closing sentence
        doc = report_document(
            self.report, narrative, unit.name if unit else "", self.app.today(), tr
        )
        self.browser.setHtml(render_document_html(doc, self.tr_(BLANK_PART)))

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

    # --- the chief's texts and the files to finish ----------------------------------------
    def edit_narrative(self) -> NarrativeDialog:
        """Open "Nội dung báo cáo" for the chosen period (this post's own report)."""
        dialog = NarrativeDialog(self.app, self.period.period().label(), self)
        dialog.open()
        return dialog

    def suggested_report_name(self, kind: str) -> str:
        """``bao-cao-quy-iii-2026-05611.docx``: the name the printed report is saved as."""
        period, unit_id = self.period.period(), self.unit_box.currentData()
        name = print_jobs.report_job(self.app, period, unit_id).file_name
        return report_export.file_name(name, kind)

    def save_file(self, kind: str, path: str | Path | None = None) -> None:
        """Save the chosen report as a Word file (``docx``, to finish and sign) or its
        figures as a workbook (``xlsx``): laid out on the worker, then written and audited."""
        period, unit_id = self.period.period(), self.unit_box.currentData()
        if not isinstance(unit_id, str) or self.saver.busy:
            return
        if path is None:
            filters = {
                "docx": N_("Word documents (*.docx)"),
                "xlsx": N_("Excel workbooks (*.xlsx)"),
            }
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr_(N_("Save the report")),
                str(Path.home() / self.suggested_report_name(kind)),
                self.tr_(filters[kind]),
            )
            if not chosen:
                return
            path = chosen
        self._saving = (Path(path), period, unit_id)
        app = self.app

        def make() -> report_export.ReportFile:
            with app.read() as ctx:
                return report_export.render(ctx, period, unit_id, kind, PrintOptions())

        self.saver.start(make)

    def _on_file_made(self, saved: Any) -> None:
        assert isinstance(saved, report_export.ReportFile) and self._saving is not None
        path, period, unit_id = self._saving
        self._saving = None
        try:
            written = saved.save(path)
            with self.app.write() as ctx:
                report_export.record_saved(ctx, period, unit_id, saved, written.name)
        except (KnownError, ValidationFailed) as exc:
            self._error = failure_text(exc, self.app)
            self._show_status()
            return
        self._error = ""
        done = self.tr_(N_("Saved to {path}")).format(path=written)
        self.status.setText(f"{done}. {self.tr_(LEAVES_PROTECTION)}")
        self.file_saved.emit(written)

    def _on_file_failed(self, exc: Any) -> None:
        self._saving = None
        self._error = failure_text(exc, self.app)
        self._show_status()

    def retranslate(self) -> None:
        self.heading.setText(self.tr_(self.title))
        self.narrative_button.setText(self.tr_(N_("Report &texts…")))
        self.narrative_button.setToolTip(
            self.tr_(
                N_(
                    "Write the situation, the shortcomings, the direction and the"
                    " recommendations of the chosen period; they are printed with the figures"
                )
            )
        )
        self.file_button.setText(self.tr_(N_("Save as &Word/Excel")))
        self.word_action.setText(self.tr_(N_("Word file (.docx), to finish and sign…")))
        self.excel_action.setText(self.tr_(N_("The figures as an Excel workbook (.xlsx)…")))
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
