"""The entry points: ``antt-desktop --self-test``, a locked database, ``python -m antt_desktop``."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from antt_desktop.gui import main_window as main_window_module
from antt_desktop.gui.app import main as app_main
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.common.navigation import PAGES, PageEntry
from antt_desktop.gui.common.page import Page
from antt_desktop.gui.first_run import FirstRunDialog
from antt_desktop.gui.main_window import MainWindow
from antt_desktop.store.database import open_database

# dialogs ask the offscreen test platform for what it cannot do
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


class QuietPage(Page):
    """A page that does nothing (stands in for every page but the one under test)."""

    def __init__(self, app: AppContext, parent: QWidget | None = None, **_: object) -> None:
        super().__init__(app, parent)


def _run_app(tmp_path: Path, *extra: str) -> int:
    data = str(tmp_path / "data")
    return app_main(["--data-dir", data, "--demo-factor", "0.02", "--today", "2026-11-22", *extra])


@pytest.mark.slow
def test_the_self_test_opens_every_page_of_a_small_demo_post(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _run_app(tmp_path, "--self-test")
    printed = capsys.readouterr()
    assert code == 0, printed.out + printed.err
    assert f"{len(PAGES)} of {len(PAGES)} pages passed" in printed.out
    assert (tmp_path / "data" / "demo" / "antt.sqlite3").exists()


@pytest.mark.slow
def test_the_self_test_says_which_page_failed(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def pages(entry: PageEntry) -> type[Page]:
        if entry.key == "teams":
            raise RuntimeError("the teams page is broken")
        return QuietPage

    monkeypatch.setattr(main_window_module, "page_class", pages)
    code = _run_app(tmp_path, "--self-test")
    printed = capsys.readouterr().out
    assert code == 1
    assert "FAILED teams: RuntimeError: the teams page is broken" in printed
    assert f"{len(PAGES) - 1} of {len(PAGES)} pages passed" in printed


def test_a_post_open_in_another_window_is_refused_with_exit_5(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = open_database(tmp_path / "data" / "demo" / "antt.sqlite3", create=True)
    try:
        code = _run_app(tmp_path, "--self-test")
    finally:
        holder.close()
    assert code == 5
    assert "đang được mở ở cửa sổ khác" in capsys.readouterr().err


def test_python_m_antt_desktop_opens_the_window_or_the_text_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[str, list[str]]] = []
    monkeypatch.setattr("antt_desktop.gui.app.main", lambda argv: calls.append(("gui", argv)))
    monkeypatch.setattr("antt_desktop.cli.app.main", lambda argv: calls.append(("text", argv)))
    from antt_desktop.__main__ import main as module_main

    module_main(["--lang", "en"])
    module_main(["--text"])
    assert calls == [("gui", ["--demo", "--lang", "en"]), ("text", ["demo"])]


def test_the_first_start_sets_up_the_post_then_opens_the_window(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, str] = {}
    # the window's event loop; ending the application's own would end every later test's
    window_loop = QEventLoop()
    monkeypatch.setattr(QApplication, "exec", lambda *_: window_loop.exec())

    def officer() -> None:
        """Plays the officer: fills the assistant in, then looks at the window and quits."""
        widget = QApplication.activeModalWidget()
        if isinstance(widget, FirstRunDialog):
            widget.ui.provinceCombo.lineEdit().setText("thai nguyen")
            widget.create_post()  # refused: no commune chosen yet
            seen["refusal"] = widget.ui.problemsLabel.text()
            widget._pick(widget.ui.provinceCombo, "thai nguyen")
            widget._pick(widget.ui.wardCombo, "phu luong")
            widget.ui.adminNameEdit.setText("Hoàng Minh Tuấn")
            widget.ui.adminEdit.setText("truongcong")
            widget.ui.passwordEdit.setText("mat-khau-cua-truong")
            widget.ui.repeatEdit.setText("mat-khau-cua-truong")
            widget.create_post()
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        shown = [w for w in windows if w.isVisible()]
        if shown:
            seen["title"] = shown[0].windowTitle()
            seen["user"] = shown[0].app.actor.username
            window_loop.quit()
        else:
            QTimer.singleShot(20, officer)

    QTimer.singleShot(0, officer)
    code = app_main(["--data-dir", str(tmp_path / "data"), "--today", "2026-11-22"])
    assert code == 0
    assert seen == {
        "refusal": "Hãy chọn tỉnh, thành phố rồi chọn xã, phường trong danh sách.",
        "title": "ANTT Desktop — Công an xã Phú Lương",
        "user": "truongcong",
    }
    assert (tmp_path / "data" / "antt.sqlite3").exists()
    assert (tmp_path / "data" / "settings.ini").exists()


def test_a_refusal_that_reaches_a_slot_is_told_in_its_own_words(
    tmp_path: Path, app_ctx: AppContext, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from antt_desktop.gui import app as app_module
    from antt_desktop.store.field_crypto import FieldUnreadable

    told: list[str] = []
    monkeypatch.setattr(app_module, "_message", lambda _w, text, quiet: told.append(text))
    hook = app_module._crash_reporter(tmp_path, app_ctx, QWidget())
    refused = FieldUnreadable(table="persons", column="id_number", row="p-1")
    hook(FieldUnreadable, refused, None)
    assert told == [
        "số định danh cá nhân của bản ghi p-1 không mở được: dữ liệu đã bị hỏng, hoặc bị sao"
        " chép từ bản ghi khác hay từ cơ sở dữ liệu của đơn vị khác; hãy nhập lại hoặc phục"
        " hồi từ bản sao lưu"
    ]
    assert not (tmp_path / "logs").exists()  # not a bug: nothing to report
