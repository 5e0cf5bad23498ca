"""``antt-desktop --self-test``: open every page and one record of each kind, then exit.

A smoke test of the whole window on the demo post, for an installed copy as much as for CI:
exit 0, or non-zero after printing what failed (a page that is missing or raised, a bug
in a slot). Modal dialogs a page opens are closed again so the run never waits for a person.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType
from typing import TextIO

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from antt_desktop.gui.common.navigation import PAGES
from antt_desktop.gui.common.page import Page
from antt_desktop.gui.common.qt_translation import LanguageSwitch
from antt_desktop.gui.main_window import MainWindow
from antt_desktop.services.changes import EVERYTHING

SETTLE_MS = 60


def settle(ms: int = SETTLE_MS) -> None:
    """Let queued events, timers and lazy loads run for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _close_modal() -> None:
    widget = QApplication.activeModalWidget()
    if isinstance(widget, QMessageBox | QDialog):
        widget.reject()
    elif widget is not None:
        widget.close()


def run_self_test(
    window: MainWindow, languages: LanguageSwitch, *, out: TextIO | None = None
) -> int:
    """Visit every page of ``window``; returns 0 when all went well, else 1."""
    out = out or sys.stdout
    failures: list[str] = []
    slot_errors: list[str] = []
    previous_hook = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        slot_errors.append("".join(traceback.format_exception(kind, exc, tb)))

    sys.excepthook = hook
    closer = QTimer()
    closer.setInterval(50)
    closer.timeout.connect(_close_modal)
    closer.start()
    before = set(QApplication.topLevelWidgets())
    try:
        window.resize(1366, 768)
        window.show()
        settle()
        for entry in PAGES:
            _visit(window, entry.key, failures, slot_errors)
        for lang in ("en", languages.language):
            languages.switch(lang)
            settle()
        failures += [f"after switching language: {e}" for e in slot_errors]
    finally:
        closer.stop()
        sys.excepthook = previous_hook
        for widget in set(QApplication.topLevelWidgets()) - before - {window}:
            if isinstance(widget, QWidget) and widget.isVisible():
                widget.close()
    for line in failures:
        print(f"FAILED {line}", file=out)
    print(
        f"self-test: {len(PAGES) - len({f.split(':')[0] for f in failures})} of {len(PAGES)} "
        f"pages passed",
        file=out,
    )
    return 1 if failures else 0


def _visit(window: MainWindow, key: str, failures: list[str], slot_errors: list[str]) -> None:
    try:
        widget = window.show_page(key)
        settle()
        if key in window.page_errors:
            failures.append(f"{key}: {window.page_errors[key].strip().splitlines()[-1]}")
            return
        if not isinstance(widget, Page):
            failures.append(f"{key}: the page is not available")
            return
        opener = getattr(widget, "open_first_record", None)
        if callable(opener):
            opener()
            settle()
        widget.refresh(EVERYTHING)
        settle()
    except Exception:
        failures.append(f"{key}: {traceback.format_exc()}")
    failures += [f"{key}: {error}" for error in slot_errors]
    slot_errors.clear()
