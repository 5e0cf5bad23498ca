"""The Đồng bộ page driven as an officer does it: export to a stick then import at the upper
unit (two databases), a refused file shows its reason, a conflict settled from the page,
a transfer requested and approved, enrolment by card and roster with the fingerprint."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from antt_desktop.gui.common.context import AppContext
from antt_desktop.gui.sync.drives import Drive
from antt_desktop.gui.sync.export import ExportDialog
from antt_desktop.gui.sync.models import ConflictModel, TransferModel
from antt_desktop.gui.sync.page import SyncPage
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Actor
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.store.models import Dossier
from antt_desktop.sync import conflicts
from tests.sync.helpers import add, edit, person
from tests.sync.nodes import UPPER, Network, Node

TODAY = date(2026, 11, 22)
#: the offscreen platform cannot resize native windows; nothing a user would see
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def net(tmp_path: Path) -> Iterator[Network]:
    network = Network(tmp_path / "net")
    yield network
    network.close()


def _page(qtbot: QtBot, node: Node, actor: Actor | None = None) -> SyncPage:
    who = actor or Actor("canbo1", "officer")
    ctx = AppContext(node.db, who, Translator("vi"), today=lambda: TODAY)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    return page


def _export(qtbot: QtBot, page: SyncPage, stick: Path) -> ExportDialog:
    dialog = page.overview.open_export()
    qtbot.addWidget(dialog)
    dialog.set_drives([Drive(stick, "USB KINGSTON", 8 * 2**30, True)])
    assert dialog.target() == stick  # the USB stick comes first and is chosen
    assert dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.operation.ended, timeout=60_000):
        pass
    return dialog


def _import(qtbot: QtBot, page: SyncPage, files: list[Path]) -> object:
    with qtbot.waitSignal(page.overview.imported, timeout=60_000) as got:
        page.overview.import_files(files)
    return got.args[0]


def test_export_to_a_stick_then_import_at_the_upper_unit(
    qtbot: QtBot, net: Network, tmp_path: Path
) -> None:
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Hoàng Thị Mai", born="1992")
    page = _page(qtbot, post)
    assert "chưa xác nhận đã nhận dữ liệu nào" in page.overview.peers_text.text()
    stick = tmp_path / "usb"
    stick.mkdir()
    dialog = _export(qtbot, page, stick)
    assert "có thể rút USB an toàn" in dialog.message.text()
    [written] = list(stick.glob("*.anttsync"))
    assert written.name in dialog.message.text() and not list(stick.glob("*.part"))
    dialog.close()
    at_upper = _page(qtbot, upper, UPPER)
    _import(qtbot, at_upper, [written])
    assert "Đã nhập" in at_upper.overview.result.text()
    report = at_upper.overview.report_dialog
    assert report is not None
    rows = {
        report.table.item(r, 0).text(): report.table.item(r, 1).text()
        for r in range(report.table.rowCount())
    }
    assert rows["Nhân khẩu"] == "1"  # one new resident
    assert person(upper, ident) is not None
    report.close()
    # the upper unit's file back: the post now reads that its data arrived
    back = tmp_path / "usb-back"
    back.mkdir()
    _export(qtbot, at_upper, back).close()
    _import(qtbot, page, list(back.glob("*.anttsync")))
    page.overview.report_dialog.close()  # type: ignore[union-attr]
    assert "đã nhận đủ dữ liệu của máy này" in page.overview.peers_text.text()


def test_a_refused_file_shows_its_reason_and_writes_nothing(
    qtbot: QtBot, net: Network, tmp_path: Path
) -> None:
    upper = net.upper()
    post = net.post(upper)
    junk = tmp_path / "hong.anttsync"
    junk.write_bytes(b"ANTTSYNC\x01\x00\x00 not a bundle")
    page = _page(qtbot, post)
    before = post.whole_file_hash()
    _import(qtbot, page, [junk])
    text = page.overview.result.text()
    assert "hong.anttsync bị từ chối" in text and "bị hỏng" in text
    assert page.overview.result.property("error") is True
    assert post.whole_file_hash() == before


def test_a_conflict_is_settled_from_the_page(qtbot: QtBot, net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Vũ Văn Giang", phone="0911111111")
    for _ in range(2):
        net.send(post, upper)
        net.send(upper, post)
    edit(post, ident, phone="0922222222")
    edit(upper, ident, phone="0933333333")
    for _ in range(2):
        net.send(post, upper)
        net.send(upper, post)
    page = _page(qtbot, post)
    assert page.tabs.tabText(1) == "Xung đột (1)"
    page.tabs.setCurrentWidget(page.conflicts)
    panel = page.conflicts
    [shown] = panel.model.rows
    assert panel.kept_value.text() == shown.kept_value
    assert panel.other_value.text() == shown.other_value
    assert {panel.kept_by.text(), panel.other_by.text()} == {
        "Công an xã Xa",
        "Công an huyện Phú Lương",
    }
    qtbot.mouseClick(panel.other_button, Qt.MouseButton.LeftButton)
    assert person(post, ident).phone == shown.other_value  # type: ignore[union-attr]
    assert panel.model.rows == [] and panel.empty.isVisible()
    assert page.tabs.tabText(1) == "Xung đột"
    net.send(post, upper)
    with upper.read() as ctx:
        assert conflicts.open_conflicts(ctx.session) == []
    assert person(upper, ident).phone == shown.other_value  # type: ignore[union-attr]


def test_a_transfer_is_requested_and_approved_from_the_page(qtbot: QtBot, net: Network) -> None:
    upper = net.upper()
    a = net.post(upper, "yenlac", "05611")
    b = net.post(upper, "donghy", "05612")
    pid = add(a, "Hà Văn Khánh", born="1990")
    with a.write() as ctx:
        did = open_dossier(ctx, DossierInput(pid, "SUSPENDED", "10/08/2026")).id
    net.send(a, upper)
    net.send(b, upper)
    page = _page(qtbot, upper, UPPER)
    panel = page.transfers
    page.tabs.setCurrentWidget(panel)
    assert panel.request_box.isVisible()
    qtbot.keyClicks(panel.search, "ha van")
    assert panel.dossiers.count() == 1
    panel.target.setCurrentIndex(panel.target.findData("05612"))
    qtbot.mouseClick(panel.request_button, Qt.MouseButton.LeftButton)
    assert "Đã ghi đề nghị" in panel.message.text()
    [row] = panel.model.rows
    assert not row.approved and panel.approve_button.isEnabled()
    qtbot.mouseClick(panel.approve_button, Qt.MouseButton.LeftButton)
    assert panel.model.rows[0].approved and not panel.approve_button.isEnabled()
    net.send(upper, b)
    with b.read() as ctx:
        moved = ctx.session.get(Dossier, did)
        assert moved is not None and moved.owner_node == b.node_id
    at_post = _page(qtbot, b)
    assert at_post.transfers.request_box.isHidden()
    assert [t.person for t in at_post.transfers.model.rows] == ["Hà Văn Khánh"]


def test_enrolment_by_card_and_roster_from_the_page(
    qtbot: QtBot, net: Network, tmp_path: Path
) -> None:
    upper = net.upper()
    post = net._node("moi")  # a new post, not enrolled yet
    from antt_desktop.services.units import initialise

    with post.db.write() as session:
        initialise(
            session,
            unit_code="05613",
            unit_name="Công an xã Mới",
            admin="admin",
            upper_code="CAT-TN",
            upper_name="Công an huyện Phú Lương",
        )
    at_post, at_upper = _page(qtbot, post), _page(qtbot, upper, UPPER)
    fingerprint = at_post.enrol.own_fingerprint.text()
    assert len(fingerprint.split()) == 8 and not at_post.enrol.own_qr.pixmap().isNull()
    assert at_post.enrol.below.isHidden() and not at_post.enrol.above.isHidden()
    card = tmp_path / "phieu.json"
    assert at_post.enrol.save_card(card)
    assert fingerprint in at_post.enrol.message.text()
    at_upper.enrol.card_path.setText(str(card))
    at_upper.enrol.card_fp.setText("12345 67890")  # misheard on the phone
    assert not at_upper.enrol.enrol_card()
    assert "không khớp" in at_upper.enrol.message.text()
    at_upper.enrol.card_fp.setText(fingerprint.replace(" ", "-"))
    assert at_upper.enrol.enrol_card()
    assert "Công an xã Mới" in at_upper.overview.peers_text.text()
    roster = tmp_path / "danhsach.json"
    assert at_upper.enrol.save_roster(roster)
    at_post.enrol.roster_path.setText(str(roster))
    at_post.enrol.roster_fp.setText(at_upper.enrol.own_fingerprint.text())
    assert at_post.enrol.take_roster()
    assert "Công an huyện Phú Lương" in at_post.overview.peers_text.text()


def test_the_models_pass_the_model_tester(qtmodeltester, net: Network) -> None:  # type: ignore[no-untyped-def]
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Vũ Văn Giang", phone="0911111111")
    for _ in range(2):
        net.send(post, upper)
        net.send(upper, post)
    edit(post, ident, phone="0922222222")
    edit(upper, ident, phone="0933333333")
    net.send(post, upper)
    with upper.read() as ctx:
        rows = conflicts.open_conflicts(ctx.session)
    model = ConflictModel(Translator("vi"))
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    transfers = TransferModel(Translator("vi"))
    qtmodeltester.check(transfers)
