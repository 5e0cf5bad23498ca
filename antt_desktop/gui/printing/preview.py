"""The print preview window (xem trước khi in): the PDF as it will come out of the printer,
page by page, with Print (the printer dialog), Save as PDF, page navigation and zoom.

Ctrl+P prints, Ctrl+S saves, Esc closes; Page Up / Page Down and Ctrl++ / Ctrl+- move and
zoom. Printing and saving are recorded in the audit log; the window says that a saved file
leaves the protection of the application (SECURITY.md).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPointF, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.records_widgets import gui_settings
from antt_desktop.gui.common.worker import Operation, OperationCancelled
from antt_desktop.gui.printing.calibration import CalibrationDialog, offsets, printer_names
from antt_desktop.gui.printing.choices import ChoicesBar
from antt_desktop.gui.printing.numbers_dialog import NumbersDialog
from antt_desktop.gui.printing.output import PrintOutput
from antt_desktop.gui.printing.paper import PdfPages
from antt_desktop.gui.printing.render import failure_text, start_render
from antt_desktop.gui.printing.zoom import Zoom
from antt_desktop.i18n.formatting import fmt_int
from antt_desktop.i18n.translator import N_
from antt_desktop.printing.jobs import CERTIFICATES, PrintJob
from antt_desktop.printing.numbering import AUTO, BLANK, NumberChoice, has_register, numbered
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services import post_rows
from antt_desktop.store.errors import KnownError


class PrintPreview(QDialog):
    """One printed document on screen.

    Signals:
        saved(path): the PDF was written (atomically) to ``path``.
        printed(pages): ``pages`` pages were sent to the printer.
        remade(): the document was made again with what the officer filled in.
        opened_other(preview): another document (the calibration page) was opened.
    """

    saved = Signal(object)
    printed = Signal(int)
    remade = Signal()
    opened_other = Signal(object)

    def __init__(
        self,
        app: AppContext,
        job: PrintJob,
        pdf: bytes,
        parent: QWidget | None = None,
        *,
        choice: NumberChoice | None = None,
        used: PrintOptions | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.job = job
        self.pdf = pdf
        #: how the document is numbered, and the options it was made with
        self.choice = choice or NumberChoice(AUTO if has_register(job) else BLANK)
        self.used = used or PrintOptions()
        self.dialogs: list[QDialog] = []
        self.setObjectName("print_preview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowFlag(Qt.WindowType.WindowMinimizeButtonHint, True)
        self.resize(960, 1000)  # an A4 page at a readable size; the screen may shrink it
        self.pages = PdfPages(pdf, self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.pages.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.output = PrintOutput(app, job, pdf, self.pages.count, self)
        self.output.saved.connect(self._on_saved)
        self.output.printed.connect(self._on_printed)
        self.output.status.connect(self._show_status)
        self.output.finalise = self.finalise
        self.toolbar = QToolBar(self)
        self.actions_: dict[str, QAction] = {}
        self.page_box = QSpinBox()
        self.page_box.setObjectName("page_box")
        self.page_box.setRange(1, max(self.page_count, 1))
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda n: self.go_to(n - 1))
        self.page_total = QLabel()
        self.zoom = Zoom(self.view, self.pages, self.current_page)
        self.zoom_box, self.zoom_label = self.zoom.box, self.zoom.label
        certificate = job.document is CERTIFICATES
        self.choices = ChoicesBar(
            job.choices,
            self,
            register=has_register(job),
            certificate=certificate,
            printers=tuple(printer_names()) if certificate else (),
        )
        self.choices.set_mode(self.choice.mode)
        self.choices.two_pages_check.setChecked(self.used.allow_two_pages)
        self.choices.offsets_of = lambda printer: offsets(gui_settings(app), printer)
        self.choices.setVisible(bool(job.choices))
        self.choices.applied.connect(self.remake)
        self.choices.numbers_requested.connect(self.show_numbers)
        self.choices.calibrate_requested.connect(self.calibrate)
        self.remaking: Operation | None = None
        self.warning = QLabel()
        self.warning.setObjectName("export_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a5300;")
        self.status = QLabel()
        self.status.setObjectName("print_status")
        self._build()
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        app.changes.language_changed.connect(self.retranslate)
        self.retranslate()

    @property
    def page_count(self) -> int:
        return self.pages.count

    def tr_(self, message: str) -> str:
        return self.app.tr(message)

    def _action(self, key: str, keys: list[QKeySequence], slot: object) -> QAction:
        action = QAction(self)
        action.setObjectName(f"{key}_action")
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.actions_[key] = action
        self.addAction(action)
        return action

    def _build(self) -> None:
        bar = self.toolbar
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addAction(self._action("print", [QKeySequence("Ctrl+P")], self.print_document))
        bar.addAction(self._action("save", [QKeySequence("Ctrl+S")], self.save))
        bar.addSeparator()
        bar.addAction(self._action("previous", [QKeySequence("Ctrl+PgUp")], self.previous_page))
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_total)
        bar.addAction(self._action("next", [QKeySequence("Ctrl+PgDown")], self.next_page))
        bar.addSeparator()
        bar.addAction(self._action("zoom_out", [QKeySequence("Ctrl+-")], self.zoom_out))
        bar.addWidget(self.zoom_box)
        bar.addWidget(self.zoom_label)
        zoom_in = [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")]
        bar.addAction(self._action("zoom_in", zoom_in, self.zoom_in))
        bar.addSeparator()
        bar.addAction(self._action("close", [QKeySequence("Esc")], self.reject))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(bar)
        layout.addWidget(self.choices)
        layout.addWidget(self.warning)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

    def retranslate(self) -> None:
        t = self.tr_
        self.choices.retranslate(self.app.tr)
        self.setWindowTitle(t(N_("Print preview: {title}")).format(title=self.job.title))
        for key, text in (
            ("print", N_("&Print…")),
            ("save", N_("&Save as PDF…")),
            ("previous", N_("◀ Previous page")),
            ("next", N_("Next page ▶")),
            ("zoom_out", N_("Zoom out")),
            ("zoom_in", N_("Zoom in")),
            ("close", N_("Close")),
        ):
            action = self.actions_[key]
            action.setText(t(text))
            action.setToolTip(f"{t(text).replace('&', '')} ({action.shortcut().toString()})")
        self.page_box.setPrefix(t(N_("Page ")))
        self.page_total.setText(" " + t(N_("of {count}")).format(count=self.page_count) + " ")
        self.zoom.retranslate(self.app.tr)
        self.warning.setText(
            t(
                N_(
                    "A saved PDF file is no longer protected by the application: keep it"
                    " safe. Every print and every saved file is recorded in the audit log."
                )
            )
        )
        self._show_status(
            t(N_("{pages} page(s), A4")).format(pages=fmt_int(self.page_count, self.app.tr))
        )

    # --- moving and zooming ---------------------------------------------------------------
    def current_page(self) -> int:
        """The page shown at the top of the view (from 0)."""
        return int(self.view.pageNavigator().currentPage())

    def go_to(self, page: int) -> None:
        page = max(0, min(page, self.page_count - 1))
        if page != self.current_page():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.actions_["previous"].setEnabled(page > 0)
        self.actions_["next"].setEnabled(page < self.page_count - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.zoom.show()

    def shown_factor(self) -> float:
        """The zoom in effect (see :meth:`Zoom.factor`)."""
        return self.zoom.factor()

    def zoom_in(self) -> None:
        self.zoom.zoom_in()

    def zoom_out(self) -> None:
        self.zoom.zoom_out()

    # --- printing and saving -----------------------------------------------------------------
    def default_path(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder or Path.home()) / self.job.file_name

    def save(self) -> Path | None:
        """Ask where (the default name folded to ASCII) and save the PDF there."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr_(N_("Save as PDF")),
            str(self.default_path()),
            self.tr_(N_("PDF files (*.pdf)")),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        return self.output.save_to(path)

    def print_document(self) -> None:
        """The printer dialog; the chosen pages go to the printer on a worker thread. Blank
        certificates start on the printer whose offsets they were made with."""
        blank = self.used.blank_form
        self.output.preferred_printer = self.choices.printer_combo.currentText() if blank else ""
        self.output.ask_and_print(self.page_count)

    def _on_saved(self, path: object) -> None:
        self.saved.emit(path)

    def _on_printed(self, pages: int) -> None:
        self.printed.emit(pages)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)

    # --- making it again ------------------------------------------------------------------
    def remake(self, options: PrintOptions) -> Operation | None:
        """Make the document again with ``options`` (signer, blank form) and the numbering
        chosen, on a worker thread."""
        if self.remaking is not None and self.remaking.running:
            return None
        choice = self.choices.choice()
        made: list[PrintOptions] = []
        op = start_render(self, self.app, self.job, options, choice, made)
        op.succeeded.connect(lambda pdf: self._made_with(choice, made[-1]))
        op.succeeded.connect(self._remade)
        op.failed.connect(self._remake_failed)
        op.ended.connect(lambda: self.choices.set_busy(False))
        self.choices.set_busy(True)
        self.remaking = op
        return op

    def _made_with(self, choice: NumberChoice, used: PrintOptions) -> None:
        self.choice, self.used = choice, used

    # --- numbers from the register, blank forms -------------------------------------------
    def finalise(self) -> bytes | None:
        """Give the document its numbers from the register as it goes out (printed or
        saved): the ones the preview shows, unless another document took them meanwhile,
        and then it is made again with its own. None when that failed (shown)."""
        if self.choice.mode != AUTO or not has_register(self.job):
            return self.pdf
        base = replace(self.used, number=None, numbers=None)
        try:
            with self.app.write() as ctx:
                given = numbered(ctx, self.job, base, self.choice, issue=True)
                pdf = self.pdf if given == self.used else self.job.render(ctx, given, None).pdf
        except (KnownError, ValidationFailed) as exc:
            self._show_status(failure_text(exc, self.app))
            return None
        if pdf is not self.pdf:
            self.used = given
            self._remade(pdf)
        return pdf

    def register_unit(self) -> str:
        """The unit whose register numbers this document."""
        if self.job.entity == "unit":
            return self.job.entity_id
        with self.app.read() as ctx:
            return post_rows.this_post(ctx).id

    def show_numbers(self) -> NumbersDialog:
        dialog = NumbersDialog(self.app, self.register_unit(), self)
        self.dialogs.append(dialog)
        dialog.open()
        return dialog

    def calibrate(self, printer: str) -> CalibrationDialog:
        dialog = CalibrationDialog(self.app, printer, self, preview=self.preview_job)
        dialog.accepted.connect(self.choices.apply)  # made again with the new offsets
        self.dialogs.append(dialog)
        dialog.open()
        return dialog

    def preview_job(self, job: PrintJob) -> Operation:
        """Make another document (the calibration page) and show it in a preview of its own."""
        op = start_render(self, self.app, job, PrintOptions())
        op.succeeded.connect(lambda pdf: self._open_other(job, pdf))
        op.failed.connect(self._remake_failed)
        return op

    def _open_other(self, job: PrintJob, pdf: object) -> None:
        assert isinstance(pdf, bytes)
        other = PrintPreview(self.app, job, pdf, self)
        self.dialogs.append(other)
        other.show()
        self.opened_other.emit(other)

    def _remade(self, pdf: object) -> None:
        assert isinstance(pdf, bytes)
        page = self.current_page()
        self.pdf = pdf
        self.pages.replace(pdf)
        self.output.pdf, self.output.pages = pdf, self.page_count
        self.page_box.setRange(1, max(self.page_count, 1))
        self.retranslate()
        self.go_to(min(page, self.page_count - 1))
        self.remade.emit()

    def _remake_failed(self, exc: object) -> None:
        if not isinstance(exc, OperationCancelled):
            self._show_status(failure_text(exc, self.app))

    def done(self, result: int) -> None:
        if self.remaking is not None and self.remaking.running:
            return  # the new document is being made: the window waits for it
        if self.output.busy:
            return  # the printer is still being fed: the window stays until it ends
        super().done(result)
