"""Tệp > Đăng xuất is written to the audit log, under the account that logged out."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from antt_desktop.gui.main_window import MainWindow
from antt_desktop.i18n.texts.audit import ACTIONS
from antt_desktop.i18n.translator import Translator
from antt_desktop.store.models import AuditEntry

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_logging_out_is_in_the_audit_log(qtbot, main_window: MainWindow) -> None:
    app = main_window.app

    assert main_window.log_out() is None  # nothing typed: no question

    assert main_window.logged_out and not main_window.isVisible()
    with app.read() as ctx:
        rows = ctx.session.execute(
            select(AuditEntry.action, AuditEntry.actor).order_by(AuditEntry.seq.desc()).limit(1)
        ).all()
    assert [tuple(r) for r in rows] == [("logout", "canbo1")]
    assert Translator("vi")(ACTIONS["logout"]) == "Đăng xuất"
