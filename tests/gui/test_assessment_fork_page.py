"""A forked assessment settled from the Đồng bộ page: both versions side by side, the
officer clicks the one to keep, the dossier shows it and the other side closes the conflict."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.sync.page import SyncPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Actor
from antt_desktop.sync import conflicts
from tests.sync.nodes import Network
from tests.sync.test_assessment_fork import (
    POST_TEXT,
    UPPER_TEXT,
    _current_text,
    _forked,
    _history_texts,
    _open,
)

TODAY = date(2026, 11, 22)
#: the offscreen platform cannot resize native windows; nothing a user would see
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def net(tmp_path: Path) -> Iterator[Network]:
    network = Network(tmp_path / "net")
    yield network
    network.close()


def test_a_forked_assessment_is_settled_from_the_page(qtbot: QtBot, net: Network) -> None:
    upper, post, did, _first = _forked(net)
    net.send(upper, post)
    page = SyncPage(
        AppContext(post.db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: TODAY)
    )
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    assert page.tabs.tabText(1) == "Xung đột (1)"
    page.tabs.setCurrentWidget(page.conflicts)
    panel = page.conflicts
    panel.view.selectRow(0)
    shown = {panel.kept_value.text(), panel.other_value.text()}
    assert any(POST_TEXT in s for s in shown) and any(UPPER_TEXT in s for s in shown)
    assert "cả hai nơi cùng đính chính" in panel.about.text()
    for size in ((1366, 720), (1024, 560)):
        page.resize(*size)
        page.grab().save(f"/tmp/assessment-fork-page-{size[0]}.png")
    keep_post = POST_TEXT in panel.other_value.text()
    button = panel.other_button if keep_post else panel.keep_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert panel.model.rows == [] and page.tabs.tabText(1) == "Xung đột"
    assert _current_text(post, did) == POST_TEXT
    assert UPPER_TEXT in _history_texts(post, did)
    net.send(post, upper)
    assert _open(upper) == [] and _current_text(upper, did) == POST_TEXT


def test_the_dossier_shows_which_correction_awaits_a_choice(qtbot: QtBot, net: Network) -> None:
    """In the dossier's booklet the other unit's correction is not called "Superseded": it
    is shown open under its period, marked as not chosen, with where to choose."""
    from antt_desktop.gui.dossiers.view import DossierView

    upper, post, did, _first = _forked(net)
    net.send(upper, post)
    app = AppContext(post.db, Actor("canbo1", "officer"), Translator("vi"), today=lambda: TODAY)
    view = DossierView(app, did)
    qtbot.addWidget(view)
    view.resize(1366, 720)
    view.show()
    tree = view.assessments
    [period] = [
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == "Tháng 10/2026"
    ]
    assert period.isExpanded()
    children = [period.child(i) for i in range(period.childCount())]
    awaiting = [c for c in children if c.text(2) == "Chưa chọn: bản đính chính còn lại"]
    [other] = awaiting
    assert {period.text(6), other.text(6)} == {POST_TEXT, UPPER_TEXT}
    assert "Hãy chọn một bản ở mục Đồng bộ, Xung đột" in other.toolTip(2)
    view.tabs.setCurrentIndex(1)  # Nhận xét
    for size in ((1366, 720), (1024, 560)):
        view.resize(*size)
        view.grab().save(f"/tmp/assessment-fork-dossier-{size[0]}.png")

    [c] = _open(post)
    with post.write() as ctx:  # the other unit's text is chosen
        conflicts.resolve(ctx, c.id, "other")
    view.reload()
    [period] = [
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == "Tháng 10/2026"
    ]
    states = [period.child(i).text(2) for i in range(period.childCount())]
    assert "Chưa chọn: bản đính chính còn lại" not in states and "Đã được thay thế" in states
