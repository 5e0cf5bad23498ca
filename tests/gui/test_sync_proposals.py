"""Đề nghị sửa từ cấp trên in the window: the post's officer sees the upper unit's proposed
changes with the record in words and each field "Hiện tại → Đề nghị", accepts one from the
keyboard, rejects another with a reason (required), and the upper unit's tab shows what
became of them. Looked at 1366×768 and 1024×600."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.sync.models import ChangeModel, ProposalModel
from antt_desktop.gui.sync.page import SyncPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Actor
from tests.sync.helpers import add, edit, person
from tests.sync.nodes import Network, Node

TODAY = date(2026, 11, 22)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
SIZES = ((1366, 768), (1024, 600))


@pytest.fixture
def net(tmp_path: Path) -> Iterator[Network]:
    network = Network(tmp_path / "net")
    yield network
    network.close()


def _page(qtbot: QtBot, node: Node, actor: Actor | None = None) -> SyncPage:
    who = actor or Actor("canbo1", "officer")
    page = SyncPage(AppContext(node.db, who, Translator("vi"), today=lambda: TODAY))
    qtbot.addWidget(page)
    page.resize(*SIZES[0])
    page.show()
    page.tabs.setCurrentWidget(page.proposals)
    return page


def _two_proposals(net: Network) -> tuple[Node, Node, str, str]:
    upper = net.upper()
    post = net.post(upper)
    mai = add(post, "Hoàng Thị Mai", occupation="May mặc")
    sau = add(post, "Lò Văn Sáu", phone="0911111111")
    net.send(post, upper)
    net.send(upper, post)
    edit(upper, mai, occupation="Buôn bán")
    edit(upper, sau, phone="0922222222")
    net.send(upper, post)
    return upper, post, mai, sau


def _select(page: SyncPage, record: str) -> None:
    model = page.proposals.model
    [row] = [
        r
        for r in range(model.rowCount())
        if model.index(r, ProposalModel.COL_RECORD).data() == record
    ]
    page.proposals.view.selectRow(row)


def _fields(page: SyncPage) -> list[tuple[str, str, str]]:
    m = page.proposals.changes
    return [
        tuple(m.index(r, c).data() for c in range(ChangeModel.COL_PROPOSED + 1))  # type: ignore[misc]
        for r in range(m.rowCount())
    ]


@pytest.mark.slow
def test_the_post_accepts_and_rejects_and_the_upper_unit_sees_it(
    qtbot: QtBot, net: Network
) -> None:
    upper, post, mai, sau = _two_proposals(net)
    page = _page(qtbot, post)
    panel = page.proposals
    assert page.tabs.tabText(2) == "Đề nghị sửa từ cấp trên (2)"
    assert panel.summary.text() == "2 đề nghị chờ xử lý"
    _select(page, "Nhân khẩu Hoàng Thị Mai")
    assert _fields(page) == [("Nghề nghiệp", "May mặc", "Buôn bán")]
    assert "Công an huyện Phú Lương (canbo1) đề nghị lúc" in panel.about.text()
    for width, height in SIZES:
        page.resize(width, height)
        qtbot.waitUntil(lambda: panel.accept_button.isVisible())
        assert panel.accept_button.geometry().bottom() <= panel.height()
        page.grab().save(f"/tmp/proposals-post-{width}.png")

    # Alt+C: Chấp nhận
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "Đã chấp nhận" in panel.message.text())
    assert person(post, mai).occupation == "Buôn bán"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: page.tabs.tabText(2) == "Đề nghị sửa từ cấp trên (1)")

    _select(page, "Nhân khẩu Lò Văn Sáu")
    assert _fields(page) == [("Số điện thoại", "0911111111", "0922222222")]
    dialog = panel.reject_current()
    assert dialog is not None
    dialog.grab().save("/tmp/proposals-reject.png")
    dialog.try_save()  # no reason yet: refused, said under the field
    assert dialog.isVisible()
    assert "Lý do từ chối" in dialog.problem_text() or dialog.field_problem("rejection_reason")
    dialog.reason.setPlainText("Số cũ vẫn đúng, đã gọi xác minh.")
    assert dialog.save_button is not None
    qtbot.waitUntil(dialog.save_button.isEnabled)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: "Đã từ chối" in panel.message.text())
    assert person(post, sau).phone == "0911111111"  # type: ignore[union-attr]
    assert page.tabs.tabText(2) == "Đề nghị sửa từ cấp trên"

    net.send(post, upper)
    above = _page(qtbot, upper, Actor("canbohuyen", "upper"))
    states = sorted(
        above.proposals.model.index(r, ProposalModel.COL_STATE).data()
        for r in range(above.proposals.model.rowCount())
    )
    assert states == ["Bị từ chối: Số cũ vẫn đúng, đã gọi xác minh.", "Đã chấp nhận"]
    assert not above.proposals.accept_button.isVisible()
    above.resize(*SIZES[1])
    QApplication.processEvents()
    above.grab().save("/tmp/proposals-upper-1024.png")


def test_a_viewer_sees_the_proposals_but_cannot_decide(qtbot: QtBot, net: Network) -> None:
    _upper, post, _mai, _sau = _two_proposals(net)
    page = _page(qtbot, post, Actor("xem1", "viewer"))
    panel = page.proposals
    assert panel.model.rowCount() == 2
    assert panel.accept_button.isVisible() and not panel.accept_button.isEnabled()
    assert not panel.reject_button.isEnabled()
