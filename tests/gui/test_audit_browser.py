"""Nhật ký hệ thống in the window: the chief filters the log, reads whether it is intact or
which entry was changed, and prints it; an officer finds no way in and the services refuse."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.main_window import MainWindow
from antt_desktop.gui.printing.preview import PrintPreview
from antt_desktop.gui.settings.audit_browser import AuditBrowser, open_audit_browser
from antt_desktop.gui.settings.audit_model import AuditModel
from antt_desktop.gui.settings.page import SettingsPage
from antt_desktop.i18n.formatting import POST_TIME_ZONE
from antt_desktop.i18n.translator import Translator
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services.audit_events import record_view
from antt_desktop.services.audit_log import AuditFilter, entry_seqs
from antt_desktop.services.context import Actor
from antt_desktop.services.people import PersonInput, add_person
from tests.conftest import connect_unlocked
from tests.gui.conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CHIEF = Actor("admin", "chief")
SHOTS = os.environ.get("ANTT_SCREENSHOTS")  # a folder to keep the picture in (else the test's)


@pytest.fixture
def chief(db) -> AppContext:
    return AppContext(db, CHIEF, Translator("vi"), today=lambda: TODAY)


@pytest.fixture
def people(write) -> list[str]:
    """Two residents added by the officer canbo1; the first opened by the chief."""
    with write() as ctx:
        ids = [
            add_person(ctx, PersonInput(full_name=n, born="1985")).person.id
            for n in ("Nguyễn Văn Đức", "Trần Thị Hòa")
        ]
    with write(CHIEF) as ctx:
        record_view(ctx, "person", ids[0], ["full_name", "born"])
    return ids


@pytest.fixture
def browser(qtbot, chief, people) -> AuditBrowser:
    window = AuditBrowser(chief)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def column(browser: AuditBrowser, col: int) -> list[str]:
    m = browser.model
    return [m.data(m.index(r, col)) for r in range(m.rowCount())]


def test_the_log_is_listed_newest_first_and_the_chain_said_intact(qtbot, browser, people, tmp_path):
    assert browser.windowTitle() == "Nhật ký hệ thống"
    assert browser.chain.text() == "Nhật ký nguyên vẹn: không có dòng nào bị sửa hoặc bị xóa."
    actions = column(browser, AuditModel.COL_ACTION)
    assert actions[:3] == ["Mở xem hồ sơ, thông tin", "Tạo mới", "Tạo mới"]
    assert column(browser, AuditModel.COL_ACTOR)[:3] == ["admin", "canbo1", "canbo1"]
    assert column(browser, AuditModel.COL_RECORD)[0] == "Nhân khẩu: Nguyễn Văn Đức"
    fields = column(browser, AuditModel.COL_FIELDS)
    assert fields[0] == "Ngày sinh, Họ và tên"
    assert "Họ và tên" in fields[1] and "folded" not in fields[1]  # derived keys left out
    assert browser.count.text() == f"{browser.model.rowCount()} dòng nhật ký"
    header = browser.model.headerData(AuditModel.COL_FIELDS, Qt.Orientation.Horizontal)
    assert header == "Trường thông tin"
    shots = Path(SHOTS) if SHOTS else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    browser.resize(1180, 560)
    assert browser.grab().save(str(shots / "audit-browser.png"))


def test_filters_by_account_action_record_and_days(qtbot, browser, people):
    browser.account.setCurrentIndex(browser.account.findData("canbo1"))
    assert set(column(browser, AuditModel.COL_ACTOR)) == {"canbo1"}
    browser.action.setCurrentIndex(browser.action.findData("create"))
    assert column(browser, AuditModel.COL_ACTION) == ["Tạo mới", "Tạo mới"]
    browser.record.setText(people[1][:8])
    browser.record.editingFinished.emit()
    assert column(browser, AuditModel.COL_RECORD) == ["Nhân khẩu: Trần Thị Hòa"]
    assert browser.count.text() == "1 dòng nhật ký"

    browser.clear_filter()
    everything = browser.model.rowCount()
    tomorrow = datetime.now(POST_TIME_ZONE).date() + timedelta(days=1)  # the post's day
    browser.since.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    browser.since_box.setChecked(True)
    assert browser.model.rowCount() == 0
    browser.until_box.setChecked(True)
    browser.until.setDate(QDate(2026, 1, 1))
    assert "ngày bắt đầu" in browser.problem.text()  # named, and the list left as it was
    browser.clear_filter()
    assert browser.model.rowCount() == everything and browser.problem.text() == ""


def test_a_changed_entry_is_named_in_plain_words(qtbot, chief, people, db):
    with connect_unlocked(db.path) as conn:
        conn.execute("DROP TRIGGER audit_entries_no_update")  # what a tamperer does first
        conn.execute("UPDATE audit_entries SET fields = '[]' WHERE action = 'view'")
        conn.commit()
    with chief.read() as ctx:
        seq = entry_seqs(ctx, AuditFilter(action="view"))[0]
    window = AuditBrowser(chief)
    qtbot.addWidget(window)
    assert window.chain.text().startswith(
        f"Nhật ký đã bị can thiệp: dòng số {seq} bị sửa hoặc có dòng trước nó bị xóa"
    )


def test_the_model_passes_the_model_tester(qtmodeltester, browser):
    qtmodeltester.check(browser.model)


def test_print_opens_the_filtered_log_in_the_preview(qtbot, browser):
    browser.action.setCurrentIndex(browser.action.findData("view"))
    with qtbot.waitSignal(browser.printing.opened, timeout=30_000) as opened:
        browser.print_button.click()
    preview = opened.args[0]
    assert isinstance(preview, PrintPreview)
    text = preview.pages.document.getAllText(0).text()
    assert "NHẬT KÝ HỆ THỐNG" in text
    assert "thao tác: Mở xem hồ sơ, thông tin" in text
    assert preview.job.what == "audit log"
    if shiboken6.isValid(preview):
        preview.close()


def test_an_officer_finds_no_audit_log_and_the_services_refuse(
    qtbot, app_ctx, main_window, prefs
) -> None:
    assert app_ctx.actor.role == "officer"
    texts = [a.text() for a in main_window.findChildren(type(main_window.actions()[0]))]
    assert not any("Nhật ký hệ thống" in t for t in texts)
    page = SettingsPage(app_ctx, prefs=prefs)
    qtbot.addWidget(page)
    assert page.ui.auditLogButton.isHidden()
    with pytest.raises(PermissionDenied):
        AuditBrowser(app_ctx)
    with pytest.raises(PermissionDenied), app_ctx.read() as ctx:
        entry_seqs(ctx, AuditFilter())


def test_the_chief_opens_it_from_the_file_menu(qtbot, chief, settings_store, people) -> None:
    window = MainWindow(chief, settings_store)
    qtbot.addWidget(window)
    [action] = [a for a in window.actions() if a.text() == "Nhật ký &hệ thống…"]
    action.trigger()
    browsers = window.findChildren(AuditBrowser)
    assert len(browsers) == 1 and browsers[0].isVisible()
    assert open_audit_browser(chief, window) is not None


def test_a_change_made_meanwhile_appears_in_the_open_log(qtbot, browser, chief, write) -> None:
    before = browser.model.rowCount()
    with chief.write() as ctx:  # a change in the window, which announces what it wrote
        add_person(ctx, PersonInput(full_name="Lê Văn Tám"))
    assert browser.model.rowCount() == before + 1
    assert column(browser, AuditModel.COL_ACTION)[0] == "Tạo mới"
