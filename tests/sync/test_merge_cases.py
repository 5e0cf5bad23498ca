"""The failure cases of SYNC.md about merging: duplicates, order, loss, concurrent edits,
deletes, parents that come late, rights, replays and clocks."""

from __future__ import annotations

import itertools

from antt_desktop.services import proposals
from antt_desktop.store.models import CatalogueItem, LocalNode
from tests.sync.helpers import add, conflicts, delete, edit, person
from tests.sync.nodes import Network, Node


def _both_ways(net: Network, a: Node, b: Node) -> None:
    for _ in range(2):
        net.send(a, b)
        net.send(b, a)


def test_a_second_import_of_the_same_bundle_is_a_no_op_that_says_so(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    add(post, "Nguyễn Văn An")
    [path] = post.export_to(upper)
    first = upper.import_file(path)
    before = upper.whole_file_hash()
    second = upper.import_file(path)
    assert first.table("persons").new == 1 and not first.already_imported
    assert second.already_imported and second.tables == {}
    assert upper.whole_file_hash() == before


def test_bundles_in_any_order_give_the_same_result(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Lê Thị Bình", born="1980")
    files = [post.export_to(upper)[0]]
    edit(post, ident, occupation="Làm ruộng")
    add(post, "Phạm Văn Cường")
    files.append(post.export_to(upper)[0])
    edit(post, ident, occupation="Buôn bán", phone="0912345678")
    files.append(post.export_to(upper)[0])
    hashes = set()
    for number, order in enumerate(itertools.permutations(files)):
        twin = upper.clone(f"copy{number}")
        for path in order:
            twin.import_file(path)
        stored = person(twin, ident)
        assert stored is not None
        assert (stored.occupation, stored.phone) == ("Buôn bán", "0912345678")
        hashes.add(twin.dump_hash([post.unit_id]))
    assert len(hashes) == 1


def test_a_lost_stick_costs_only_a_new_export(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    first = add(post, "Đỗ Văn Dũng")
    [lost] = post.export_to(upper)
    lost.unlink()  # the stick fell out of a pocket
    second = add(post, "Đỗ Thị Em")
    [path] = post.export_to(upper)
    report = upper.import_file(path)
    assert report.table("persons").new == 2
    assert person(upper, first) is not None and person(upper, second) is not None
    assert [w.code for w in report.warnings] == ["sync.warning.gap"]
    assert report.warnings[0].params["missing"] == [1]


def test_same_field_edits_on_two_nodes_make_the_same_conflict_on_both(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Vũ Văn Giang", phone="0911111111")
    _both_ways(net, post, upper)
    edit(post, ident, phone="0922222222")
    edit(upper, ident, phone="0933333333")
    _both_ways(net, post, upper)
    at_post, at_upper = conflicts(post), conflicts(upper)
    assert at_post == at_upper
    [(row, fld, kind, kept, other)] = at_post
    assert (row, fld, kind) == (ident, "phone", "field")
    assert {kept, other} == {"0922222222", "0933333333"}
    assert person(post, ident).phone == person(upper, ident).phone == kept  # type: ignore[union-attr]
    assert post.dump_hash([post.unit_id]) == upper.dump_hash([post.unit_id])


def test_edits_of_different_fields_merge_without_conflict(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Vũ Thị Hạnh")
    _both_ways(net, post, upper)
    edit(post, ident, phone="0944444444")
    edit(upper, ident, occupation="Giáo viên")
    _both_ways(net, post, upper)
    # the upper unit's change of the post's record waits as a proposal (SYNC.md "Ownership")
    with post.write() as ctx:
        [proposal] = proposals.proposal_list(ctx, proposals.PENDING)
        proposals.accept(ctx, proposal.id)
    _both_ways(net, post, upper)
    for node in (post, upper):
        stored = person(node, ident)
        assert stored is not None
        assert (stored.phone, stored.occupation) == ("0944444444", "Giáo viên")
        assert conflicts(node) == []


def test_a_delete_against_an_edit_keeps_the_edit_and_shows_a_conflict(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Mai Văn Khoa")
    _both_ways(net, post, upper)
    delete(post, ident)
    edit(upper, ident, occupation="Thợ xây")
    _both_ways(net, post, upper)
    for node in (post, upper):  # the post owns the record: the edit waits as a proposal
        stored = person(node, ident)
        assert stored is not None and stored.deleted and stored.occupation is None
    with post.read() as ctx:
        [proposal] = proposals.proposal_list(ctx, proposals.PENDING)
        assert [c.proposed for c in proposal.changes] == ["Thợ xây"]
    assert conflicts(post) == conflicts(upper)
    assert [c[1:3] for c in conflicts(post)] == [("deleted", "delete")]


def test_a_post_writing_a_catalogue_is_refused_and_listed(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    with post.db.write() as session:
        item = session.query(CatalogueItem).filter_by(catalogue="religion").first()
        assert item is not None
        ident, original = item.id, item.name_vi
        item.name_vi = "Tôn giáo tự đặt"
    [report] = net.send(post, upper)
    [refusal] = report.refusals
    assert (refusal.table, refusal.row_id, refusal.code) == (
        "catalogue_items",
        ident,
        "sync.rule.upper_only",
    )
    with upper.read() as ctx:
        assert ctx.session.get(CatalogueItem, ident).name_vi == original  # type: ignore[union-attr]


def test_an_older_bundle_after_a_newer_one_overwrites_nothing(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Lò Văn Minh", occupation="Làm nương")
    [old] = post.export_to(upper)
    edit(post, ident, occupation="Công nhân")
    [new] = post.export_to(upper)
    upper.import_file(new)
    report = upper.import_file(old)
    assert [w.code for w in report.warnings] == ["sync.warning.old_bundle"]
    assert person(upper, ident).occupation == "Công nhân"  # type: ignore[union-attr]
    assert report.table("persons").updated == 0


def test_a_clock_years_ahead_is_not_adopted_and_causality_still_wins(net: Network) -> None:
    from tests.conftest import FakeWall

    upper = net.upper()
    ahead = FakeWall(1_790_000_000_000 + 3 * 365 * 24 * 3600 * 1000)
    post = net.post(upper, wall=ahead)
    ident = add(post, "Hà Văn Nam", phone="0955555555")
    [report] = net.send(post, upper)
    assert [w.code for w in report.warnings] == ["sync.warning.clock_ahead"]
    with upper.read() as ctx:
        node = ctx.session.get(LocalNode, 1)
        assert node is not None and node.hlc >> 16 < ahead.now - 365 * 24 * 3600 * 1000
    edit(upper, ident, phone="0966666666")  # made after seeing the post's value
    _both_ways(net, upper, post)
    with post.write() as ctx:  # a proposal the post accepts
        [proposal] = proposals.proposal_list(ctx, proposals.PENDING)
        proposals.accept(ctx, proposal.id)
    _both_ways(net, post, upper)
    assert person(post, ident).phone == "0966666666"  # type: ignore[union-attr]
    assert person(upper, ident).phone == "0966666666"  # type: ignore[union-attr]
    assert conflicts(post) == conflicts(upper) == []
