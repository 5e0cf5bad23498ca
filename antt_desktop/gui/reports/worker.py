"""Reading figures on a worker thread (QThreadPool + QRunnable) with the result by signal.

A page asks :class:`BackgroundLoader` to run a reading function; the window keeps painting
meanwhile. Only the latest request's result is delivered: asking again (another post, a
refresh) makes the result of an earlier, slower request stale, and it is dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    """Lives on the GUI thread; a worker's emit is queued to it."""

    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, ticket: int, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._ticket = ticket
        self._fn = fn
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # delivered to the GUI thread, never lost
            log.exception("reading figures failed")
            self._signals.failed.emit(self._ticket, exc)
            return
        self._signals.done.emit(self._ticket, result)


class BackgroundLoader(QObject):
    """Runs one reading function at a time on its own worker thread.

    Signals:
        loaded(result): the latest request finished.
        failed(exception): the latest request raised.
        busy_changed(bool): a request started (True) or the latest one ended (False).
    """

    loaded = Signal(object)
    failed = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # created before the signals object: on destruction the pool (deleted first)
        # waits for a running job before the object it emits on goes away
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._ticket = 0
        self._busy = False

    @property
    def busy(self) -> bool:
        """True while the latest request has not finished."""
        return self._busy

    def start(self, fn: Callable[[], Any]) -> None:
        """Run ``fn()`` on the worker; a request still queued or running becomes stale."""
        self._ticket += 1
        self._pool.clear()  # a queued, not yet started request is not worth running
        self._pool.start(_Job(self._ticket, fn, self._signals))
        self._set_busy(True)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (tests; closing the window)."""
        return bool(self._pool.waitForDone(msecs))

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _on_done(self, ticket: int, result: object) -> None:
        if ticket == self._ticket:
            self._set_busy(False)
            self.loaded.emit(result)

    def _on_failed(self, ticket: int, exc: object) -> None:
        if ticket == self._ticket:
            self._set_busy(False)
            self.failed.emit(exc)
