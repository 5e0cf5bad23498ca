"""Conflicts as a person settles them (SYNC.md guarantee 6): both values side by side, the
same provisional winner everywhere, and a resolution that is a new write syncing like any
other and closing the conflict on every node."""

from __future__ import annotations

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.store.models import AuditEntry, SyncConflict
from antt_desktop.sync import conflicts
from tests.sync.helpers import add, delete, edit, person
from tests.sync.nodes import Network, Node


def _both_ways(net: Network, a: Node, b: Node) -> None:
    for _ in range(2):
        net.send(a, b)
        net.send(b, a)


def _open(node: Node) -> list[conflicts.ConflictView]:
    with node.read() as ctx:
        return conflicts.open_conflicts(ctx.session)


def _statuses(node: Node) -> dict[str, str]:
    with node.read() as ctx:
        return {c.id: c.status for c in ctx.session.query(SyncConflict)}


def _concurrent(net: Network, field: str, post_value: str, upper_value: str) -> tuple:
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Vũ Văn Giang", phone="0911111111", occupation="Làm ruộng")
    _both_ways(net, post, upper)
    edit(post, ident, **{field: post_value})
    edit(upper, ident, **{field: upper_value})
    _both_ways(net, post, upper)
    return upper, post, ident


def test_the_owning_post_s_value_is_kept_whichever_side_wrote_last(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Mã Văn Hùng", phone="0911111111")
    _both_ways(net, post, upper)
    edit(post, ident, phone="0922222222")
    upper.wall.now = post.wall.now + 3_600_000  # the upper unit's edit is an hour later
    edit(upper, ident, phone="0933333333")
    [report] = net.send(post, upper)  # the post owns the record: its value stays
    assert report.table("persons").conflicts == 1
    net.send(upper, post)
    [at_post], [at_upper] = _open(post), _open(upper)
    assert at_post == at_upper and at_post.kept_value == "0922222222"
    assert at_post.other_value == "0933333333"
    assert person(post, ident).phone == person(upper, ident).phone == "0922222222"  # type: ignore[union-attr]


@pytest.mark.parametrize("choice", ["kept", "other"])
def test_a_conflict_resolved_on_one_side_converges_on_both(net: Network, choice: str) -> None:
    upper, post, ident = _concurrent(net, "phone", "0922222222", "0933333333")
    [at_post] = _open(post)
    [at_upper] = _open(upper)
    assert at_post == at_upper  # the same conflict, the same provisional winner
    assert {at_post.kept_value, at_post.other_value} == {"0922222222", "0933333333"}
    assert {at_post.kept_by, at_post.other_by} == {"Công an xã Xa", "Công an huyện Phú Lương"}
    assert at_post.record == "Vũ Văn Giang"
    winner = at_post.kept_value if choice == "kept" else at_post.other_value
    with post.write() as ctx:
        conflicts.resolve(ctx, at_post.id, choice)
    assert person(post, ident).phone == winner  # type: ignore[union-attr]
    assert _open(post) == [] and len(_open(upper)) == 1
    _both_ways(net, post, upper)
    assert _open(upper) == []
    assert person(upper, ident).phone == winner  # type: ignore[union-attr]
    assert _statuses(post) == {at_post.id: "resolved"}
    assert _statuses(upper) == {at_post.id: "superseded"}
    assert upper.dump_hash([post.unit_id]) == post.dump_hash([post.unit_id])
    with post.read() as ctx:
        [entry] = ctx.session.query(AuditEntry).filter_by(action="sync_resolve").all()
        assert (entry.entity_id, entry.detail) == (ident, f"conflict {at_post.id}: {choice}")


def test_a_renamed_resident_takes_the_folded_name_along(net: Network) -> None:
    upper, post, ident = _concurrent(net, "full_name", "Vũ Văn Giáp", "Vũ Văn Giang Sơn")
    [shown] = _open(post)  # the derived search columns are not shown on their own
    assert shown.field == "full_name"
    with post.write() as ctx:
        conflicts.resolve(ctx, shown.id, "other")
    _both_ways(net, post, upper)
    for node in (post, upper):
        stored = person(node, ident)
        assert stored is not None and stored.full_name == shown.other_value
        assert stored.name_folded == (
            "vu van giap" if "Giáp" in shown.other_value else "vu van giang son"
        )
        with node.read() as ctx:
            assert ctx.session.query(SyncConflict).filter_by(status="open").count() == 0


def test_delete_against_edit_can_restore_the_record(net: Network) -> None:
    from antt_desktop.services import proposals

    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Lý Thị Hoa", occupation="Buôn bán")
    _both_ways(net, post, upper)
    delete(post, ident)
    edit(upper, ident, occupation="May mặc")
    _both_ways(net, post, upper)
    [shown] = _open(post)
    assert shown.kind == "delete" and shown.kept_value is True
    assert _open(upper) == [shown]
    with post.write() as ctx:  # the post owns the record: it restores it...
        conflicts.resolve(ctx, shown.id, "other")
        # ...and takes the upper unit's change, which came as a proposal
        [proposal] = proposals.proposal_list(ctx, proposals.PENDING)
        assert [c.proposed for c in proposal.changes] == ["May mặc"]
        proposals.accept(ctx, proposal.id)
    _both_ways(net, post, upper)
    for node in (post, upper):
        stored = person(node, ident)
        assert stored is not None and not stored.deleted and stored.occupation == "May mặc"
        assert _open(node) == []


def test_a_bad_choice_or_unknown_conflict_is_refused_and_writes_nothing(net: Network) -> None:
    _upper, post, _ident = _concurrent(net, "phone", "0922222222", "0933333333")
    [shown] = _open(post)
    before = post.whole_file_hash()
    with pytest.raises(ValidationFailed) as bad, post.write() as ctx:
        conflicts.resolve(ctx, shown.id, "both")
    assert bad.value.problems[0].code == "sync.conflict.choice"
    with pytest.raises(ValidationFailed) as unknown, post.write() as ctx:
        conflicts.resolve(ctx, "00000000-0000", "kept")
    assert unknown.value.problems[0].code == "sync.conflict.unknown"
    assert post.whole_file_hash() == before
    with post.write() as ctx:  # a short id prefix, as the command line shows it, is enough
        conflicts.resolve(ctx, shown.id[:8], "kept")
    with pytest.raises(ValidationFailed) as closed, post.write() as ctx:
        conflicts.resolve(ctx, shown.id, "kept")
    assert closed.value.problems[0].code == "sync.conflict.unknown"


@pytest.mark.slow
def test_both_photos_of_a_photo_conflict_stay_until_it_is_settled(net: Network) -> None:
    from antt_desktop.services.photos import set_photo
    from antt_desktop.store import photos
    from tests.pictures import portrait

    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Lù Văn Ảnh")
    _both_ways(net, post, upper)
    with post.write() as ctx:
        a = set_photo(ctx, ident, portrait(colour="#aa0000")).sha256
    with upper.write() as ctx:
        b = set_photo(ctx, ident, portrait(colour="#0000aa")).sha256
    _both_ways(net, post, upper)
    [conflict] = _open(post)
    assert {conflict.kept_value, conflict.other_value} == {a, b}
    for node in (post, upper):
        with node.read() as ctx:  # either may be chosen: neither is deleted yet
            assert photos.get(ctx.session, a) is not None
            assert photos.get(ctx.session, b) is not None
    kept = conflict.kept_value
    with post.write() as ctx:
        conflicts.resolve(ctx, conflict.id, "other")
    _both_ways(net, post, upper)
    for node in (post, upper):
        with node.read() as ctx:
            assert person(node, ident).photo_sha256 == conflict.other_value  # type: ignore[union-attr]
            assert photos.get(ctx.session, conflict.other_value) is not None
    for node in (post, upper):  # once settled, the photo not chosen is kept nowhere
        with node.read() as ctx:
            assert photos.get(ctx.session, kept) is None
