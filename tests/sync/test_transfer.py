"""Dossier transfer between two posts through their upper unit (SYNC.md "Dossier transfer"):
the receiving post gets the whole dossier whatever its cursor says, the old post's late
edits are merged and flagged for review, and the old post's copy becomes read-only."""

from __future__ import annotations

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.dossier_records import AssessmentInput, SupportInput, add_support, assess
from antt_desktop.services.dossiers import DossierInput, edit_dossier, open_dossier
from antt_desktop.services.photos import set_photo
from antt_desktop.services.units import add_area
from antt_desktop.store import photos
from antt_desktop.store.models import Assessment, Dossier, SyncConflict
from antt_desktop.sync import conflicts, transfer
from tests.pictures import portrait
from tests.sync.helpers import add, edit, person
from tests.sync.nodes import CHIEF, UPPER, Network, Node

AUTHOR = "Trung úy Lê Văn Tâm"
PHOTO = portrait(colour="#884422")


def _assessment(dossier_id: str, period: str, written: str) -> AssessmentInput:
    return AssessmentInput(
        dossier_id, period, written, AUTHOR, "Chấp hành tốt, có việc làm.", "Chấp hành tốt"
    )


def _posts(net: Network) -> tuple[Node, Node, Node, str, str]:
    """An upper unit and two posts; a person with a photo and a dossier at the first post."""
    upper = net.upper()
    a = net.post(upper, "yenlac", "05611")
    b = net.post(upper, "donghy", "05612")
    with a.write() as ctx:
        area = add_area(ctx, name="Thôn Na Mọn").id
    pid = add(a, "Hà Văn Khánh", born="1990", current_area_id=area)
    with a.write() as ctx:
        set_photo(ctx, pid, PHOTO)
        did = open_dossier(ctx, DossierInput(pid, "SUSPENDED", "10/08/2026")).id
        assess(ctx, _assessment(did, "2026-09", "02/10/2026"))
        add_support(ctx, SupportInput(did, "job", None, "Xưởng mộc Đồng Tâm", "15/09/2026"))
    net.send(a, upper)
    net.send(b, upper)
    # the receiving post is fully up to date: its cursor is past every row of the dossier
    net.send(upper, b)
    net.send(b, upper)
    return upper, a, b, pid, did


def _transfer(upper: Node, did: str) -> str:
    with upper.write(UPPER) as ctx:
        request = transfer.request_transfer(ctx, did, "05612", "20/11/2026", "Chuyển nơi cư trú")
        return transfer.approve_transfer(ctx, request.id, "21/11/2026").id


def _dossier(node: Node, did: str) -> Dossier | None:
    with node.read() as ctx:
        return ctx.session.get(Dossier, did)


def _periods(node: Node, did: str) -> list[str]:
    with node.read() as ctx:
        found = ctx.session.query(Assessment).filter(Assessment.dossier_id == did)
        return sorted(a.period for a in found)


def test_the_receiving_post_gets_the_whole_dossier_whatever_its_cursor(net: Network) -> None:
    upper, a, b, pid, did = _posts(net)
    assert _dossier(b, did) is None  # another post's dossier never reached it
    _transfer(upper, did)
    [report] = net.send(upper, b)
    assert report.table("dossiers").new == 1 and report.table("assessments").new == 1
    assert report.table("supports").new == 1 and report.refusals == []
    at_b = _dossier(b, did)
    assert at_b is not None and (at_b.owner_node, at_b.unit_id) == (b.node_id, b.unit_id)
    moved = person(b, pid)
    assert moved is not None and moved.unit_id == b.unit_id and moved.current_area_id is None
    with a.read() as there, b.read() as here:
        sha = moved.photo_sha256
        assert sha is not None and photos.get(here.session, sha) == photos.get(there.session, sha)
        assert photos.get(here.session, sha) is not None
    # the new post works on it like any of its own dossiers
    with b.write() as ctx:
        edit_dossier(ctx, did, {"officer_name": "Đại úy Lò Văn Minh"})
    net.send(b, upper)
    assert _dossier(upper, did).officer_name == "Đại úy Lò Văn Minh"  # type: ignore[union-attr]
    # a lost bundle costs a new export: until the post acknowledges, the dossier goes again
    with upper.db.write() as session:
        session.execute(__import__("sqlalchemy").text("UPDATE sync_peers SET acked_seq = 0"))
    [again] = net.send(upper, b)
    assert again.table("dossiers").new == 0 and again.refusals == []


@pytest.mark.slow
def test_late_edits_of_the_old_post_are_merged_and_flagged(net: Network) -> None:
    upper, a, b, pid, did = _posts(net)
    _transfer(upper, did)
    # the old post has not heard of it yet and keeps working on the dossier
    with a.write() as ctx:
        edit_dossier(ctx, did, {"risk_notes": "Hay đi làm ăn xa"})
        late = assess(ctx, _assessment(did, "2026-10", "02/11/2026")).id
    edit(a, pid, phone="0977123456")
    net.send(upper, b)
    [report] = net.send(a, upper)
    assert report.refusals == []
    assert [w.code for w in report.warnings] == ["sync.warning.late_edit"]
    assert _dossier(upper, did).risk_notes == "Hay đi làm ăn xa"  # type: ignore[union-attr]
    assert _dossier(upper, did).owner_node == b.node_id  # type: ignore[union-attr]
    # the old post learns of the transfer: its copy is read-only from now on
    net.send(upper, a)
    assert _dossier(a, did).owner_node == b.node_id  # type: ignore[union-attr]
    with pytest.raises(ValidationFailed) as refused, a.write() as ctx:
        edit_dossier(ctx, did, {"risk_notes": "Sửa sau khi chuyển"})
    [problem] = refused.value.problems
    assert problem.code == "sync.transferred_away"
    assert "đã được chuyển cho Công an xã Donghy" in describe(problem, Translator("vi"))
    with pytest.raises(ValidationFailed), a.write() as ctx:
        assess(ctx, _assessment(did, "2026-11", "20/11/2026"))
    with pytest.raises(ValidationFailed), a.write() as ctx:
        from antt_desktop.services.people import edit_person

        edit_person(ctx, pid, {"phone": "0900000000"}, reason="Số mới")
    [back] = net.send(a, upper)
    assert back.refusals == []
    # the receiving post gets the late changes, flagged for its officer to review
    net.send(upper, b)
    assert _dossier(b, did).risk_notes == "Hay đi làm ăn xa"  # type: ignore[union-attr]
    assert person(b, pid).phone == "0977123456"  # type: ignore[union-attr]
    assert _periods(b, did) == ["2026-09", "2026-10"]
    with b.read() as ctx:
        flags = {(c.table, c.field) for c in conflicts.open_conflicts(ctx.session)}
    assert flags == {("dossiers", "risk_notes"), ("persons", "phone"), ("assessments", "*")}
    # the officer reviews them there; the review syncs and closes them everywhere
    with b.write() as ctx:
        for c in conflicts.open_conflicts(ctx.session):
            conflicts.resolve(ctx, c.id, "reviewed" if c.field == "*" else "kept")
    net.send(b, upper)
    net.send(upper, b)
    for node in (upper, b):
        with node.read() as ctx:
            assert conflicts.open_conflicts(ctx.session) == []
            assert ctx.session.get(Assessment, late) is not None
    assert upper.dump_hash([b.unit_id]) == b.dump_hash([b.unit_id])


def test_the_old_post_cannot_take_the_dossier_back(net: Network) -> None:
    upper, a, b, _pid, did = _posts(net)
    _transfer(upper, did)
    net.send(upper, a)
    own_unit, own_node = a.unit_id, a.node_id
    with a.write() as ctx:  # a forged or buggy write: the dossier back to the old post
        row = ctx.session.get(Dossier, did)
        assert row is not None
        row.unit_id = own_unit
        ctx.session.flush()
        row.owner_node = own_node
        row.field_stamps = {**row.field_stamps, "owner_node": row.field_stamps["unit_id"]}
    [report] = net.send(a, upper)
    assert [r.code for r in report.refusals] == ["sync.rule.transferred"]
    assert _dossier(upper, did).owner_node == b.node_id  # type: ignore[union-attr]


def test_transfers_are_recorded_and_listed_at_both_ends(net: Network) -> None:
    upper, a, b, _pid, did = _posts(net)
    with upper.write(UPPER) as ctx:
        request = transfer.request_transfer(ctx, did, "05612", "20/11/2026")
    with upper.read() as ctx:
        [waiting] = transfer.transfers(ctx.session)
    assert not waiting.approved and waiting.person == "Hà Văn Khánh"
    with pytest.raises(ValidationFailed) as twice, upper.write(UPPER) as ctx:
        transfer.request_transfer(ctx, did, "05612")
    assert twice.value.problems[0].code == "sync.transfer.already_requested"
    with pytest.raises(ValidationFailed) as at_post, a.write(CHIEF) as ctx:
        transfer.request_transfer(ctx, did, "05612")
    assert at_post.value.problems[0].code == "sync.transfer.upper_only"
    with upper.write(UPPER) as ctx:
        transfer.approve_transfer(ctx, request.id)
    with pytest.raises(ValidationFailed) as again, upper.write(UPPER) as ctx:
        transfer.approve_transfer(ctx, request.id)
    assert again.value.problems[0].code == "sync.transfer.already_approved"
    net.send(upper, a)
    net.send(upper, b)
    for node in (a, b):
        with node.read() as ctx:
            [seen] = transfer.transfers(ctx.session)
        assert seen.approved and (seen.from_unit, seen.to_unit) == (
            "Công an xã Yenlac",
            "Công an xã Donghy",
        )
    with b.read() as ctx:
        assert ctx.session.query(SyncConflict).count() == 0
