"""Where a previewed document goes: a PDF file (written atomically) or a printer (fed on a
worker thread, page by page, with Cancel). Each is recorded in the audit log through
:func:`antt_desktop.printing.audit.record_print`, as ``antt print`` records it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.worker import Operation, OperationCancelled, Progress, start_operation
from antt_desktop.gui.printing.paper import PrintFailed, print_pdf
from antt_desktop.i18n.formatting import fmt_int
from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.translator import N_
from antt_desktop.printing.audit import record_print
from antt_desktop.printing.document import write_atomically
from antt_desktop.printing.jobs import PrintJob
from antt_desktop.store.errors import KnownError

log = logging.getLogger(__name__)


class PrintOutput(QObject):
    """Saves or prints one document for the preview window ``parent``.

    Signals:
        saved(path), printed(pages): done and recorded.
        status(text): what happened, for the window's status line.
    """

    saved = Signal(object)
    printed = Signal(int)
    status = Signal(str)

    def __init__(
        self, app: AppContext, job: PrintJob, pdf: bytes, pages: int, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.job = job
        self.pdf = pdf
        self.pages = pages
        self.window = parent
        self.operation: Operation | None = None
        self.dialog: QPrintDialog | None = None
        self.message: QMessageBox | None = None
        #: ``finalise()``: the document as it goes out (numbers given from the register),
        #: None when it cannot go out (the reason was shown).
        self.finalise: Callable[[], bytes | None] | None = None
        #: the printer the printer dialog starts on (the one blank forms were calibrated for)
        self.preferred_printer = ""

    @property
    def busy(self) -> bool:
        return self.operation is not None and self.operation.running

    def tr_(self, message: str) -> str:
        return self.app.tr(message)

    def _warn(self, title: str, text: str) -> None:
        self.message = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        self.message.open()
        self.status.emit(text)

    def _audit(self, pages: int, where: str) -> None:
        job = self.job
        try:
            with self.app.write() as ctx:
                record_print(
                    ctx,
                    entity=job.entity,
                    entity_id=job.entity_id,
                    what=job.what,
                    pages=pages,
                    where=where,
                )
        except KnownError as exc:  # the document is out; say the log could not be written
            log.warning("print not audited: %s", exc)
            self._warn(self.tr_(N_("Audit log")), sentence(exc.code, exc.params, self.app.tr))

    # --- a PDF file ------------------------------------------------------------------------
    def save_to(self, path: Path) -> Path | None:
        """Write the PDF to ``path`` (through a temporary file: never half a file)."""
        pdf = self.finalise() if self.finalise is not None else self.pdf
        if pdf is None:
            return None
        try:
            written = write_atomically(path, pdf)
        except KnownError as exc:
            self._warn(self.tr_(N_("Save as PDF")), sentence(exc.code, exc.params, self.app.tr))
            return None
        self._audit(self.pages, written.name)
        self.status.emit(self.tr_(N_("Saved to {path}")).format(path=written))
        self.saved.emit(written)
        return written

    # --- a printer --------------------------------------------------------------------------
    def new_printer(self) -> QPrinter:
        """A printer at its full resolution, on A4, named after the document."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(self.job.title)
        if self.preferred_printer:
            printer.setPrinterName(self.preferred_printer)
        return printer

    def ask_and_print(self, page_count: int) -> QPrintDialog:
        """The printer dialog (which printer, which pages, how many copies); accepted, the
        pages go to the printer."""
        printer = self.new_printer()
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(self.tr_(N_("Print")))
        dialog.setMinMax(1, max(page_count, 1))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
        dialog.accepted.connect(lambda: self.print_to(printer))
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return dialog

    def print_to(self, printer: QPrinter) -> Operation | None:
        """Send the document to ``printer`` on a worker thread (progress per page)."""
        if self.busy:
            return None
        final = self.finalise() if self.finalise is not None else self.pdf
        if final is None:
            return None
        tr, pdf = self.tr_, final
        where = printer.printerName() or Path(printer.outputFileName()).name

        def work(progress: Progress) -> int:
            def each(done: int, total: int) -> bool:
                text = tr(N_("Sending page {done} of {total} to the printer…"))
                shown = min(done + 1, total)
                return progress(text.format(done=shown, total=total), done, total)

            return print_pdf(pdf, printer, each)

        title = tr(N_("Printing {title}")).format(title=self.job.title)
        op = start_operation(self.window, title, work, app=self.app)
        op.succeeded.connect(lambda pages: self._printed(int(pages), where))
        op.failed.connect(lambda exc: self._print_failed(exc, where))
        self.operation = op
        return op

    def _printed(self, pages: int, where: str) -> None:
        self._audit(pages, where)
        text = self.tr_(N_("Sent {pages} page(s) to {printer}")).format(
            pages=fmt_int(pages, self.app.tr), printer=where
        )
        self.status.emit(text)
        self.printed.emit(pages)

    def _print_failed(self, exc: object, where: str) -> None:
        if isinstance(exc, OperationCancelled):
            self.status.emit(self.tr_(N_("Printing cancelled; nothing more was sent.")))
            return
        if isinstance(exc, PrintFailed):
            text = self.tr_(N_("The printer {printer} could not be started.")).format(printer=where)
        else:
            log.error("printing failed", exc_info=exc if isinstance(exc, BaseException) else None)
            text = self.tr_(N_("Printing failed: {error}")).format(error=exc)
        self._warn(self.tr_(N_("Print")), text)
