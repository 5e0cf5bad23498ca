"""Long work on a worker thread, with a progress dialog and Cancel; results by signal.

``fn(progress)`` runs on a :class:`QThread`. It calls ``progress(text, done, total)`` as it
goes (the same shape as the demo generator's callback); after the officer presses Cancel the
callback returns False, and ``fn`` should stop (raising is the usual way). The result or the
exception comes back on the GUI thread; the window keeps repainting meanwhile.

:func:`run_operation` waits for the result in a local event loop (a call that reads like a
plain function call); :func:`start_operation` returns at once with an :class:`Operation`
whose ``succeeded``/``failed`` signals deliver the outcome.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from antt_desktop.i18n.translator import N_

if TYPE_CHECKING:  # both pull in the database layer (the login window comes up without it)
    from antt_desktop.gui.common.context import AppContext
    from antt_desktop.services.changes import Changes

#: ``progress(text, done, total)``; returns False once the officer has pressed Cancel.
Progress = Callable[[str, int, int], bool]

SHOW_AFTER_MS = 300  # quick operations finish without a dialog flashing up
EMIT_EVERY_S = 0.05  # progress reaches the GUI at most 20 times a second


class OperationCancelled(Exception):
    """The officer pressed Cancel and the operation stopped."""


class _Runner(QThread):
    """Runs ``fn(progress)`` on its own thread and reports by (queued) signals."""

    progressed = Signal(str, int, int)
    returned = Signal(object)
    raised = Signal(object)

    def __init__(self, fn: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self.cancel_requested = threading.Event()
        self._last_emit = 0.0

    def report(self, text: str, done: int, total: int) -> bool:
        now = time.monotonic()
        if now - self._last_emit >= EMIT_EVERY_S or (total and done >= total):
            self._last_emit = now
            self.progressed.emit(text, int(done), int(total))
        return not self.cancel_requested.is_set()

    def run(self) -> None:
        try:
            result = self._fn(self.report)
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.raised.emit(exc)
            return
        self.returned.emit(result)


class Operation(QObject):
    """One long job: its thread, its progress dialog, and its outcome.

    Signals:
        progressed(text, done, total): the latest progress (throttled).
        succeeded(result): ``fn`` returned (not after Cancel).
        failed(exception): ``fn`` raised, or :class:`OperationCancelled` after Cancel.
        ended(): after either of the two above.
    """

    progressed = Signal(str, int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    ended = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        fn: Callable[[Progress], Any],
        *,
        cancellable: bool = True,
        app: AppContext | None = None,
        changed: Changes | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._changed = changed
        self.running = False
        self.cancelled = False
        self.outcome: tuple[bool, Any] | None = None  # (ok, result or exception)
        self._runner = _Runner(fn)
        self._runner.progressed.connect(self._on_progress)
        self._runner.returned.connect(self._on_returned)
        self._runner.raised.connect(self._on_raised)
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setLabelText(title)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(24 * 3600 * 1000)  # we show it ourselves (_show)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.setRange(0, 0)  # busy until the first report says how much
        self.dialog.setMinimumWidth(420)
        self._cancel_button: QPushButton | None = None
        if cancellable:
            self._cancel_button = QPushButton(self._text(N_("Cancel")))
            self.dialog.setCancelButton(self._cancel_button)
            self.dialog.canceled.connect(self.cancel)
        else:
            self.dialog.setCancelButton(None)
        self.dialog.hide()

    def _text(self, message: str) -> str:
        return self._app.tr(message) if self._app is not None else message

    def start(self) -> None:
        self.running = True
        self._runner.start()
        QTimer.singleShot(SHOW_AFTER_MS, self._show)

    def _show(self) -> None:
        if self.running:
            self.dialog.show()

    def cancel(self) -> None:
        """Ask the work to stop (the progress callback returns False from now on)."""
        if not self.running or self.cancelled:
            return
        self.cancelled = True
        self._runner.cancel_requested.set()
        self.dialog.setLabelText(self._text(N_("Stopping…")))
        if self._cancel_button is not None:
            self._cancel_button.setEnabled(False)

    def _on_progress(self, text: str, done: int, total: int) -> None:
        if not self.cancelled:
            if total > 0:
                self.dialog.setRange(0, total)
                self.dialog.setValue(min(done, total))
            if text:
                self.dialog.setLabelText(text)
        self.progressed.emit(text, done, total)

    def _on_returned(self, result: object) -> None:
        if self.cancelled:
            self._finish(False, OperationCancelled())
        else:
            self._finish(True, result)

    def _on_raised(self, exc: object) -> None:
        if self.cancelled and not isinstance(exc, OperationCancelled):
            cancelled = OperationCancelled()
            cancelled.__cause__ = exc if isinstance(exc, BaseException) else None
            exc = cancelled
        self._finish(False, exc)

    def _finish(self, ok: bool, value: object) -> None:
        self._runner.wait()  # run() has returned; the thread is ending
        self.running = False
        self.outcome = (ok, value)
        self.dialog.hide()
        self.dialog.deleteLater()
        if self._app is not None and self._changed:
            self._app.changes.changed.emit(self._changed)
        if ok:
            self.succeeded.emit(value)
        else:
            self.failed.emit(value)
        self.ended.emit()
        self._runner.deleteLater()

    def result(self) -> Any:
        """The value ``fn`` returned; raises what it raised (OperationCancelled after Cancel)."""
        if self.outcome is None:
            raise RuntimeError("the operation has not finished")
        ok, value = self.outcome
        if ok:
            return value
        raise value


def start_operation(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress], Any],
    *,
    cancellable: bool = True,
    app: AppContext | None = None,
    changed: Changes | None = None,
) -> Operation:
    """Start ``fn(progress)`` on a worker thread and return at once.

    Args:
        parent: the window the progress dialog belongs to.
        title: what is being done, as the officer reads it (already translated).
        fn: the work; called with the progress callback.
        cancellable: show a Cancel button.
        app: gives the translator and the change bus; ``changed`` is announced on
            ``app.changes.changed`` when the work ends.
        changed: what the work touched, for work that writes other than through
            ``app.write()`` (which announces its own), e.g. ``of_kinds(Kind.PERSON)``.
    """
    op = Operation(parent, title, fn, cancellable=cancellable, app=app, changed=changed)
    op.start()
    return op


def run_operation(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress], Any],
    *,
    cancellable: bool = True,
    app: AppContext | None = None,
    changed: Changes | None = None,
) -> Any:
    """Run ``fn(progress)`` on a worker thread and return its result (or raise its error).

    The GUI keeps processing events (painting, the Cancel button) while waiting.

    Raises:
        OperationCancelled: the officer pressed Cancel.
        Exception: whatever ``fn`` raised, re-raised on the GUI thread.
    """
    op = Operation(parent, title, fn, cancellable=cancellable, app=app, changed=changed)
    loop = QEventLoop()
    op.ended.connect(loop.quit)
    op.start()
    if op.running:
        loop.exec()
    if op.running:  # the application is quitting and ended every loop: finish by hand
        op._runner.wait()
        QCoreApplication.sendPostedEvents(op, QEvent.Type.MetaCall.value)
    result = op.result()
    op.deleteLater()
    return result
