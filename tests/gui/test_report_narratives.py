"""Nội dung báo cáo on the reports page: the chief types the written parts of the period's
report in one tab per part, saves them (Ctrl+S), finds them again; a bad character is shown
on its tab and nothing is written; quitting with unsaved texts names them; the report is
saved as a Word file or a workbook from the page. Screenshots at 1366×768 and 1024×600."""

from __future__ import annotations

import io
import os
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from antt_desktop.domain.periods import Period
from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.main_window import MainWindow
from antt_desktop.gui.reports.narrative import NarrativeDialog
from antt_desktop.gui.reports.page import ReportsPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Actor
from antt_desktop.services.report_narratives import narrative
from antt_desktop.store.models import AuditEntry, Draft
from antt_desktop.store.sealed_json import open_draft

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
TODAY = date(2026, 11, 22)
Q3 = Period.parse("2026-Q3")
SHOTS = os.environ.get("ANTT_SCREENSHOTS")
CTRL = Qt.KeyboardModifier.ControlModifier
SITUATION = "Tình hình an ninh chính trị ổn định.\nKhông xảy ra vụ việc phức tạp."


@pytest.fixture
def page(qtbot: QtBot, db: Any) -> ReportsPage:
    app = AppContext(db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: TODAY)
    widget = ReportsPage(app)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.period.set_period(Q3)
    return widget


def opened(qtbot: QtBot, page: ReportsPage) -> NarrativeDialog:
    qtbot.mouseClick(page.narrative_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in page.findChildren(NarrativeDialog) if d.isVisible())
    qtbot.waitExposed(dialog)
    return dialog


def test_the_texts_are_typed_saved_and_found_again(qtbot: QtBot, page: ReportsPage) -> None:
    assert page.narrative_button.text() == "&Nội dung báo cáo…"
    dialog = opened(qtbot, page)
    assert dialog.windowTitle() == "Nội dung báo cáo — Quý III/2026"
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == [
        "I. Tình hình",
        "II. Kết quả công tác",
        "III. Tồn tại, hạn chế",
        "IV. Phương hướng, nhiệm vụ kỳ tới",
        "V. Kiến nghị, đề xuất",
    ]
    dialog.editors["situation"].setPlainText(SITUATION)
    dialog.tabs.setCurrentIndex(4)
    dialog.editors["recommendations"].setPlainText("Đề nghị bổ sung camera.")
    assert dialog.is_dirty()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_S, CTRL)  # Ctrl+S, as the officer presses it
    with page.app.read() as ctx:
        saved = narrative(ctx, Q3)
        actions = ctx.session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "report_narrative")
        ).all()
    assert (saved.situation, saved.recommendations) == (SITUATION, "Đề nghị bổ sung camera.")
    assert actions == ["create"]
    again = opened(qtbot, page)
    assert again.editors["situation"].toPlainText() == SITUATION
    assert not again.is_dirty()
    again.reject()


def test_the_page_shows_the_report_as_it_prints_with_the_texts_saved(
    qtbot: QtBot, page: ReportsPage
) -> None:
    page.compute()
    qtbot.waitUntil(lambda: page.report is not None and not page.loader.busy)
    before = page.browser.toPlainText()
    assert before.count("Chưa viết: bản in để trống các dòng chấm để viết tay") == 4
    dialog = opened(qtbot, page)
    dialog.editors["situation"].setPlainText(SITUATION)
    dialog.save()
    qtbot.waitUntil(lambda: "Không xảy ra vụ việc phức tạp." in page.browser.toPlainText())
    shown = page.browser.toPlainText()
    part_one = shown.index("I. TÌNH HÌNH AN NINH, TRẬT TỰ")
    assert (
        part_one
        < shown.index("Tình hình an ninh chính trị ổn định.")
        < shown.index("II. KẾT QUẢ CÔNG TÁC")
    )
    assert shown.count("Chưa viết: bản in để trống các dòng chấm để viết tay") == 3
    assert shown.rstrip().endswith("./.")  # the closing sentence, as on paper
    if SHOTS:
        page.grab().save(os.path.join(SHOTS, "report-page-texts.png"))


def test_a_bad_character_is_shown_on_its_tab_and_nothing_is_written(
    qtbot: QtBot, page: ReportsPage
) -> None:
    dialog = opened(qtbot, page)
    dialog.editors["situation"].setPlainText("Ổn định")
    dialog.editors["shortcomings"].setPlainText("Chậm\x1b[2J")
    assert dialog.tabs.currentIndex() == 0
    assert not dialog.save()
    assert dialog.tabs.tabText(2) == "III. Tồn tại, hạn chế (!)"
    assert dialog.tabs.currentIndex() == 2  # the tab of the problem is shown
    problem = dialog.field_problem("shortcomings")
    assert "ký tự điều khiển" in problem and "vị trí 5" in problem
    with page.app.read() as ctx:
        assert narrative(ctx, Q3).empty
    dialog.discard_changes()


def test_quitting_names_the_unsaved_report_texts(qtbot: QtBot, main_window: MainWindow) -> None:
    reports = main_window.show_page("reports")
    assert isinstance(reports, ReportsPage)
    reports.period.set_period(Q3)
    dialog = reports.edit_narrative()
    qtbot.waitExposed(dialog)
    dialog.editors["direction"].setPlainText("Tăng cường tuần tra ban đêm.")
    main_window.close()
    qtbot.waitUntil(lambda: main_window.leave_question is not None)
    box = main_window.leave_question
    assert box is not None
    assert box.labels() == ["Nội dung báo cáo — Quý III/2026 — Công an phường Hoàn Kiếm"]
    box.go_back.click()
    assert dialog.isVisible()
    assert dialog.editors["direction"].toPlainText() == "Tăng cường tuần tra ban đêm."
    dialog.discard_changes()


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 600)])
def test_the_editor_fits_the_screen(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, width: int, height: int
) -> None:
    dialog = opened(qtbot, page)
    dialog.editors["situation"].setPlainText(SITUATION)
    dialog.resize(min(860, width - 40), min(600, height - 60))  # as on such a screen
    QApplication.processEvents()
    editor = dialog.editors["situation"]
    assert editor.height() >= 200  # room for a dozen lines
    save = dialog.save_button
    assert save is not None and save.isVisible()
    inside = save.mapTo(dialog, save.rect().bottomRight())
    assert dialog.rect().contains(inside)  # the buttons are on screen, not cut off
    hint = dialog.hints["results"]
    assert "tự động" in hint.text()
    shots = Path(SHOTS) if SHOTS else tmp_path
    assert dialog.grab().save(str(shots / f"narratives-editor-{width}x{height}.png"))
    dialog.discard_changes()


def _saved(qtbot: QtBot, page: ReportsPage, kind: str, path: Path) -> Path:
    with qtbot.waitSignal(page.file_saved, timeout=20_000) as signal:
        page.save_file(kind, path)
    written = signal.args[0]
    assert isinstance(written, Path)
    return written


def test_the_page_saves_the_report_as_word_and_its_figures_as_excel(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path
) -> None:
    assert [a.text() for a in page.file_menu.actions()] == [
        "Tệp Word (.docx) để hoàn thiện và ký…",
        "Số liệu dạng bảng tính Excel (.xlsx)…",
    ]
    assert page.suggested_report_name("docx") == "bao-cao-quy-iii-2026-00070.docx"
    word = _saved(qtbot, page, "docx", tmp_path / "bao-cao.docx")
    assert stat.S_IMODE(word.stat().st_mode) == 0o600
    paragraphs = [p.text for p in Document(io.BytesIO(word.read_bytes())).paragraphs]
    assert "III. TỒN TẠI, HẠN CHẾ" in paragraphs
    assert page.status.text().startswith(f"Đã lưu vào {word}")
    book = _saved(qtbot, page, "xlsx", tmp_path / "so-lieu.xlsx")
    assert load_workbook(book).sheetnames[0] == "Thông tin chung"
    with page.app.read() as ctx:
        details = ctx.session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "export")
        ).all()
    assert any("report docx 2026-Q3: bao-cao.docx" in str(d) for d in details)
    assert any("report xlsx 2026-Q3: so-lieu.xlsx" in str(d) for d in details)


def test_another_posts_report_is_read_not_written(qtbot: QtBot, page: ReportsPage) -> None:
    assert page.narrative_button.isEnabled()
    viewer = AppContext(page.app.db, Actor("xem", "viewer"), Translator("vi"), today=lambda: TODAY)
    other = ReportsPage(viewer)
    qtbot.addWidget(other)
    assert not other.narrative_button.isEnabled()  # a viewer reads the report only
    assert isinstance(other, QWidget)


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 600)])
def test_the_pages_actions_are_all_on_screen(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, width: int, height: int
) -> None:
    page.resize(width - 200, height - 90)  # the page beside the navigation, under the bar
    page.compute()
    qtbot.waitUntil(lambda: page.report is not None and not page.loader.busy)
    for button in (page.print_button, page.narrative_button, page.file_button):
        assert button.isVisible()
        corner = button.mapTo(page, button.rect().bottomRight())
        assert page.rect().contains(corner)
    assert page.browser.height() >= 250  # the report itself keeps most of the page
    shots = Path(SHOTS) if SHOTS else tmp_path
    assert page.grab().save(str(shots / f"narratives-page-{width}x{height}.png"))


def test_the_texts_are_kept_as_a_draft_that_reopens_the_same_period(
    qtbot: QtBot, page: ReportsPage
) -> None:
    dialog = opened(qtbot, page)
    dialog.editors["shortcomings"].setPlainText("Còn chậm trong việc nhận xét.")
    assert dialog.opened_with() == {"period": "2026-Q3"}  # what a draft opens again
    assert dialog.keep_draft()
    with page.app.read() as ctx:
        draft = ctx.session.scalars(select(Draft)).one()
    assert draft.label == "Nội dung báo cáo — Quý III/2026 — Công an phường Hoàn Kiếm"
    texts = open_draft(page.app.db.fields, draft.id, draft.fields)  # stored sealed
    assert texts["shortcomings"] == "Còn chậm trong việc nhận xét."
    dialog.discard_changes()
    with page.app.read() as ctx:
        assert ctx.session.scalars(select(Draft)).all() == []  # discarded with the texts
