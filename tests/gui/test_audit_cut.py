"""A log shorter than the upper unit acknowledged receiving: the audit page and the printed
log say so in a red line above the entries, in Vietnamese and in English; a sound log shows
no such line."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.settings.audit_browser import AuditBrowser
from antt_desktop.i18n.translator import Translator
from antt_desktop.printing.audit_log import audit_log_pdf
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services.audit_log import AuditFilter
from antt_desktop.services.context import Actor
from antt_desktop.services.people import PersonInput, add_person
from tests.conftest import connect_unlocked
from tests.gui.conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CHIEF = Actor("admin", "chief")
SHOTS = os.environ.get("ANTT_SCREENSHOTS")
CUT_VI = (
    "Nhật ký hệ thống đã bị cắt bớt hoặc ghi lại sau khi đơn vị cấp trên nhận."
    " Đề nghị báo cáo lãnh đạo đơn vị."
)
CUT_EN = (
    "The audit log was shortened or rewritten after the upper unit received it. Report this"
    " to the chief."
)


def _acknowledged(db_path: Path, *, more: int) -> None:
    """What a bundle from the upper unit leaves: the head of our log it holds, ``more``
    entries beyond what the log now has (0: exactly the log as it is)."""
    with connect_unlocked(db_path) as conn:
        count, last = conn.execute(
            "SELECT count(*), (SELECT hash FROM audit_entries ORDER BY seq DESC LIMIT 1)"
            " FROM audit_entries"
        ).fetchone()
        conn.execute(
            "INSERT INTO sync_peers (node_id, unit_code, unit_name, role, relation, sign_public,"
            " age_recipient, fingerprint, status, enrolled_at, acked_seq, ack_bundle_seq,"
            " applied_seq, out_seq, in_seq, audit_acked_count, audit_acked_hash)"
            " VALUES ('n-upper', 'CAT-HN', 'CA TP', 'upper', 'upstream', 'k', 'age1', 'f',"
            " 'active', '2026-11-22', 0, 0, 0, 0, 0, ?, ?)",
            (count + more, last),
        )
        conn.commit()


@pytest.fixture
def logged(write, db) -> Path:
    with write() as ctx:
        for name in ("Nguyễn Văn Đức", "Trần Thị Hòa", "Lê Văn Tám"):
            add_person(ctx, PersonInput(full_name=name, born="1985"))
    return db.path


def _browser(qtbot, db, language: str) -> AuditBrowser:
    app = AppContext(db, CHIEF, Translator(language), today=lambda: TODAY)
    window = AuditBrowser(app)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _printed(db, language: str) -> str:
    app = AppContext(db, CHIEF, Translator(language), today=lambda: TODAY)
    with app.read() as ctx:
        printed = audit_log_pdf(ctx, AuditFilter(), options=PrintOptions(lang=language))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(printed.pdf)).pages)
    return " ".join(text.split())


def test_a_cut_log_shows_a_red_line_on_the_page(qtbot, db, logged, tmp_path):
    _acknowledged(logged, more=4)

    window = _browser(qtbot, db, "vi")

    assert window.cut_banner.isVisible()
    assert window.cut_banner.text() == CUT_VI
    assert "background" in window.cut_banner.styleSheet()
    assert not window.chain.isVisible()  # no "intact" under it
    shots = Path(SHOTS) if SHOTS else tmp_path
    for w, h in ((1366, 768), (1024, 600)):
        window.resize(w, h)
        window.grab().save(str(shots / f"keyfile-mac-audit-cut-{w}.png"))
    window.app.changes.language_changed.emit()  # the banner follows the language


def test_a_cut_log_is_said_in_english_too(qtbot, db, logged):
    _acknowledged(logged, more=4)

    assert _browser(qtbot, db, "en").cut_banner.text() == CUT_EN
    assert CUT_EN in _printed(db, "en")


def test_the_printed_log_carries_the_red_line_above_the_entries(db, logged):
    _acknowledged(logged, more=4)

    text = _printed(db, "vi")

    assert CUT_VI in text
    assert text.index(CUT_VI) < text.index("Nguyễn Văn Đức")


def test_a_log_as_acknowledged_shows_no_line(qtbot, db, logged):
    _acknowledged(logged, more=0)

    window = _browser(qtbot, db, "vi")

    assert not window.cut_banner.isVisible()
    assert window.chain.text() == "Nhật ký nguyên vẹn: không có dòng nào bị sửa hoặc bị xóa."
    assert CUT_VI not in _printed(db, "vi")
