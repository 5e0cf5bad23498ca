"""Printing from a view: the document is made on a worker thread (a progress dialog with
Cancel; a batch counts its documents), then shown in the print preview window.

A view keeps one :class:`PrintLauncher` and calls :meth:`PrintLauncher.preview` with a
function that makes the :class:`~antt_desktop.printing.jobs.PrintJob` (its quick read of a
name happens then, so a record deleted meanwhile is reported, not printed).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton, QWidget

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.worker import Operation, OperationCancelled
from antt_desktop.gui.printing.preview import PrintPreview
from antt_desktop.gui.printing.render import failure_text, start_render
from antt_desktop.i18n.translator import N_, Translator
from antt_desktop.printing.jobs import PrintJob
from antt_desktop.printing.numbering import AUTO, BLANK, NumberChoice, has_register
from antt_desktop.printing.text import PrintOptions
from antt_desktop.store.errors import KnownError

log = logging.getLogger(__name__)
#: The code of a certificate that does not fit on one page (printing/certificate.py, not
#: imported here: reportlab would load with the window).
TOO_LONG = "print.too_long"


class PrintLauncher(QObject):
    """Makes documents in the background for the widget ``owner`` and opens their previews.

    Signals:
        opened(preview): a preview window was shown.
        cancelled(): the officer pressed Cancel while the document was being made.
        failed(text): the document could not be made (the message was shown).
    """

    opened = Signal(object)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, app: AppContext, owner: QWidget) -> None:
        super().__init__(owner)
        self.app = app
        self.owner = owner
        self.operation: Operation | None = None
        self.message: QMessageBox | None = None
        self.previews: list[PrintPreview] = []

    @property
    def busy(self) -> bool:
        return self.operation is not None and self.operation.running

    def _show_failure(self, text: str) -> None:
        self.message = QMessageBox(
            QMessageBox.Icon.Warning,
            self.app.tr(N_("Print")),
            text,
            QMessageBox.StandardButton.Ok,
            self.owner,
        )
        self.message.open()
        self.failed.emit(text)

    def preview(self, make: Callable[[], PrintJob]) -> Operation | None:
        """Make the document of ``make()`` on a worker thread, then preview it."""
        if self.busy:
            return None
        try:
            job = make()
        except (KnownError, ValidationFailed) as exc:
            self._show_failure(failure_text(exc, self.app))
            return None
        return self._start(job, PrintOptions())

    def _start(self, job: PrintJob, options: PrintOptions) -> Operation:
        choice = NumberChoice(AUTO if has_register(job) else BLANK)
        made: list[PrintOptions] = []
        op = start_render(self.owner, self.app, job, options, choice, made)
        op.succeeded.connect(lambda pdf: self._show(job, pdf, choice, made[-1]))
        op.failed.connect(lambda exc: self._failed(exc, job, options))
        self.operation = op
        return op

    def _show(self, job: PrintJob, pdf: object, choice: NumberChoice, used: PrintOptions) -> None:
        assert isinstance(pdf, bytes)
        preview = PrintPreview(self.app, job, pdf, self.owner.window(), choice=choice, used=used)
        self.previews.append(preview)
        preview.destroyed.connect(lambda *_a, p=preview: self._forget(p))
        preview.show()
        preview.raise_()
        preview.activateWindow()
        self.opened.emit(preview)

    def _forget(self, preview: PrintPreview) -> None:
        if preview in self.previews:
            self.previews.remove(preview)

    def _failed(self, exc: object, job: PrintJob, options: PrintOptions) -> None:
        if isinstance(exc, OperationCancelled):
            self.cancelled.emit()
            return
        text = failure_text(exc, self.app)
        if getattr(exc, "code", None) != TOO_LONG or options.allow_two_pages:
            self._show_failure(text)
            return
        # a certificate too long for one page: say which, and offer two pages for it
        question = self.app.tr(N_("Print it on two pages anyway?"))
        self.message = QMessageBox(
            QMessageBox.Icon.Warning,
            self.app.tr(N_("Print")),
            f"{text}\n\n{question}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.owner,
        )
        self.message.button(QMessageBox.StandardButton.Yes).setText(
            self.app.tr(N_("Print on &two pages"))
        )
        self.message.button(QMessageBox.StandardButton.No).setText(
            self.app.tr(N_("&Shorten it first"))
        )
        self.message.setDefaultButton(QMessageBox.StandardButton.No)
        self.message.accepted.connect(
            lambda: self._start(job, replace(options, allow_two_pages=True))
        )
        self.message.open()
        self.failed.emit(text)


class PrintMenuButton(QToolButton):
    """The "In" button of a page: its menu lists what the page can print."""

    def __init__(
        self, parent: QWidget, entries: tuple[tuple[str, Callable[[], None]], ...]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printButton")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.entries = entries
        menu = QMenu(self)
        self.menu_actions: list[QAction] = []
        for _text, slot in entries:
            action = menu.addAction("")
            action.triggered.connect(slot)
            self.menu_actions.append(action)
        self.setMenu(menu)

    def retranslate(self, tr: Translator) -> None:
        self.setText(tr(N_("&Print")))  # Qt draws the menu arrow
        for action, (text, _slot) in zip(self.menu_actions, self.entries, strict=True):
            action.setText(tr(text))
