"""Long work runs on a worker thread: progress, Cancel, errors and results reach the GUI."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.worker import (
    OperationCancelled,
    Progress,
    run_operation,
    start_operation,
)
from antt_desktop.services.changes import Kind, of_kinds

SAFETY_S = 10  # a worker never waits longer than this, even if a test goes wrong


def test_progress_is_reported_and_the_result_delivered(qtbot: QtBot) -> None:
    def work(progress: Progress) -> int:
        for done in range(5):
            progress("Counting", done, 5)
        progress("Counting", 5, 5)
        return 42

    seen: list[tuple[str, int, int]] = []
    op = start_operation(None, "Counting", work)
    op.progressed.connect(lambda text, done, total: seen.append((text, done, total)))
    with qtbot.waitSignal(op.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == [42]
    assert seen[-1] == ("Counting", 5, 5)
    assert not op.running


def test_cancel_stops_the_work_and_says_so(qtbot: QtBot) -> None:
    steps: list[int] = []
    stopped = threading.Event()

    def work(progress: Progress) -> None:
        step = 0
        while progress("Working", step, 1_000_000):
            step += 1
            steps.append(step)
            stopped.wait(0.001)  # paces the fake work; never set while it runs
        stopped.set()
        raise RuntimeError("stopped on request")

    op = start_operation(None, "Working", work)
    qtbot.waitUntil(op.dialog.isVisible, timeout=5000)
    assert op._cancel_button is not None
    with qtbot.waitSignal(op.failed, timeout=5000) as blocker:
        qtbot.mouseClick(op._cancel_button, Qt.MouseButton.LeftButton)
    assert isinstance(blocker.args[0], OperationCancelled)
    assert stopped.is_set()
    count = len(steps)
    assert 0 < count < 1_000_000
    assert not op.dialog.isVisible()


def test_an_exception_is_raised_again_on_the_gui_thread(qtbot: QtBot) -> None:
    def work(progress: Progress) -> None:
        progress("Reading", 1, 10)
        raise ValueError("row 7 is not a date")

    with pytest.raises(ValueError, match="row 7") as caught:
        run_operation(None, "Reading", work)
    assert threading.current_thread() is threading.main_thread()
    assert caught.value.__traceback__ is not None


def test_the_gui_thread_stays_responsive_while_work_runs(qtbot: QtBot) -> None:
    release = threading.Event()

    def work(progress: Progress) -> str:
        progress("Waiting", 0, 1)
        return "released" if release.wait(SAFETY_S) else "timed out"

    op = start_operation(None, "Waiting", work)
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.start()
    for _ in range(3):  # the GUI thread's event loop keeps running timers
        with qtbot.waitSignal(ticker.timeout, timeout=1000):
            pass
    assert op.running
    with qtbot.waitSignal(op.succeeded, timeout=5000) as blocker:
        release.set()
    ticker.stop()
    assert blocker.args == ["released"]


def test_run_operation_returns_while_the_gui_keeps_working(qtbot: QtBot) -> None:
    release = threading.Event()

    def work(progress: Progress) -> str:
        # only the GUI thread's timer below can let this finish
        return "released" if release.wait(SAFETY_S) else "timed out"

    QTimer.singleShot(20, release.set)
    assert run_operation(None, "Waiting", work) == "released"


def test_the_views_hear_what_changed(qtbot: QtBot, app_ctx: AppContext) -> None:
    with qtbot.waitSignal(app_ctx.changes.changed, timeout=5000) as blocker:
        result = run_operation(
            None, "Importing", lambda progress: "done", app=app_ctx, changed=of_kinds(Kind.PERSON)
        )
    assert result == "done"
    assert blocker.args == [of_kinds(Kind.PERSON)]
