"""A conflict over an ID number on the Đồng bộ page: the officer sees both numbers and
clicks one; a viewer (no fields key) sees that they are protected and has nothing to click."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.sync.page import SyncPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Actor
from tests.sync.helpers import person
from tests.sync.nodes import Network, Node
from tests.sync.test_sealed_conflicts import AT_POST, AT_UPPER, _id_number_conflict

TODAY = date(2026, 11, 22)
#: the offscreen platform cannot resize native windows; nothing a user would see
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _page(qtbot: QtBot, node: Node, actor: Actor, name: str) -> SyncPage:
    page = SyncPage(AppContext(node.db, actor, Translator("vi"), today=lambda: TODAY))
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.conflicts)
    page.conflicts.view.selectRow(0)
    for size in ((1366, 768), (1024, 600)):
        page.resize(*size)
        page.grab().save(f"/tmp/sealconf-{name}-{size[0]}.png")
    return page


@pytest.mark.slow
def test_the_officer_sees_both_numbers_and_chooses_one(qtbot: QtBot, net: Network) -> None:
    _upper, post, ident = _id_number_conflict(net)
    panel = _page(qtbot, post, Actor("canbo1", "officer"), "officer").conflicts
    shown = {panel.kept_value.text(), panel.other_value.text()}
    assert shown == {AT_POST, AT_UPPER}
    assert not panel.protected_note.isVisible()
    assert "Số định danh" in panel.about.text()
    chosen = panel.other_value.text()
    qtbot.mouseClick(panel.other_button, Qt.MouseButton.LeftButton)
    assert panel.model.rows == []
    assert person(post, ident).id_number == chosen  # type: ignore[union-attr]


@pytest.mark.slow
def test_a_viewer_sees_the_values_are_protected(qtbot: QtBot, net: Network) -> None:
    _upper, post, _ident = _id_number_conflict(net)
    key = post.db.fields_key
    post.db.unlock_fields(None)  # a viewer's login holds no fields key
    try:
        panel = _page(qtbot, post, Actor("xem1", "viewer"), "viewer").conflicts
        assert panel.kept_value.text() == panel.other_value.text() == "(thông tin được bảo vệ)"
        listed = [
            panel.model.text(panel.model.rows[0], c)
            for c in (panel.model.COL_KEPT, panel.model.COL_OTHER)
        ]
        assert all(t.startswith("(thông tin được bảo vệ)") for t in listed)
        assert not panel.keep_button.isEnabled() and not panel.other_button.isEnabled()
        assert panel.protected_note.isVisible()
        assert "lãnh đạo đơn vị" in panel.protected_note.text()
    finally:
        post.db.unlock_fields(key)
