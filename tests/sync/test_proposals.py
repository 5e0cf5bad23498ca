"""Issue #13 item 6(e): the upper unit's edits of a post's own records arrive at the post as
proposals its officer accepts or rejects; nothing of the post's is overwritten from above,
while what the upper unit writes directly (its scores, its assessments) still applies."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services import proposals
from antt_desktop.services.context import Actor
from antt_desktop.services.dossier_records import AssessmentInput, assess
from antt_desktop.services.dossiers import DossierInput, edit_dossier, open_dossier
from antt_desktop.services.evaluations import EvaluationInput, evaluate
from antt_desktop.services.households import HouseholdInput, add_household, edit_household
from antt_desktop.services.initiatives import InitiativeInput, add_initiative
from antt_desktop.store.models import (
    Assessment,
    AuditEntry,
    Dossier,
    Evaluation,
    Household,
    SyncProposal,
)
from antt_desktop.sync.status import status
from tests.sync.helpers import add, edit, person
from tests.sync.nodes import Network, Node

VIEWER = Actor("xem1", "viewer")


def _both_ways(net: Network, a: Node, b: Node) -> None:
    net.send(a, b)
    net.send(b, a)


def _views(node: Node) -> list[proposals.ProposalView]:
    with node.read() as ctx:
        return proposals.proposal_list(ctx)


def _synced(upper: Node, post: Node) -> bool:
    return upper.dump_hash([post.unit_id]) == post.dump_hash([post.unit_id])


def _person_proposal(net: Network) -> tuple[Node, Node, str, str]:
    """A post's resident whose occupation the upper unit changed: pending at the post."""
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Lý Văn Phúc", occupation="Làm ruộng")
    _both_ways(net, post, upper)
    edit(upper, ident, occupation="Buôn bán")
    [report] = net.send(upper, post)
    assert report.proposals == 1
    [view] = _views(post)
    return upper, post, ident, view.id


def test_a_dry_run_counts_the_proposals_and_keeps_none(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Lý Văn Phúc", occupation="Làm ruộng")
    _both_ways(net, post, upper)
    edit(upper, ident, occupation="Buôn bán")
    [path] = upper.export_to(post)
    before = post.whole_file_hash()
    report = post.import_file(path, dry_run=True)
    assert report.proposals == 1 and report.to_dict()["proposals"] == 1
    assert post.whole_file_hash() == before


def test_an_upper_edit_of_a_post_person_waits_as_a_proposal(net: Network) -> None:
    upper, post, ident, _pid = _person_proposal(net)
    with post.read() as ctx:
        assert status(ctx.session).proposals == 1
    stored = person(post, ident)
    assert stored is not None and stored.occupation == "Làm ruộng"
    [view] = _views(post)
    assert (view.state, view.record, view.proposer_unit, view.proposed_by, view.mine) == (
        "pending",
        "Lý Văn Phúc",
        "Công an huyện Phú Lương",
        "canbo1",  # the officer of the upper unit, from its audit log
        True,
    )
    [change] = view.changes
    assert (change.field, change.now, change.proposed) == ("occupation", "Làm ruộng", "Buôn bán")
    with post.read() as ctx:
        assert proposals.pending_count(ctx) == 1
    # the post's value goes back up; the upper unit sees its proposal waiting
    net.send(post, upper)
    back = person(upper, ident)
    assert back is not None and back.occupation == "Làm ruộng"
    [theirs] = _views(upper)
    assert (theirs.state, theirs.mine) == ("pending", False)
    assert _synced(upper, post)


def test_accepting_writes_the_value_as_the_post_s_own_edit(net: Network) -> None:
    upper, post, ident, pid = _person_proposal(net)
    with post.write() as ctx:
        proposals.accept(ctx, pid[:8])
    stored = person(post, ident)
    assert stored is not None and stored.occupation == "Buôn bán"
    with post.read() as ctx:
        actions = [
            (a.action, a.entity)
            for a in ctx.session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
        ][-2:]
    assert actions == [("edit", "person"), ("accept", "proposal")]
    [report] = net.send(post, upper)
    assert report.refusals == []
    back = person(upper, ident)
    assert back is not None and back.occupation == "Buôn bán"
    assert [v.state for v in _views(upper)] == ["accepted"]
    net.send(upper, post)
    assert _synced(upper, post)
    with post.read() as ctx:
        assert proposals.pending_count(ctx) == 0


def test_rejecting_keeps_the_record_and_tells_the_upper_unit_why(net: Network) -> None:
    upper, post, ident, pid = _person_proposal(net)
    with pytest.raises(ValidationFailed) as blank, post.write() as ctx:
        proposals.reject(ctx, pid, "  ")
    assert [p.code for p in blank.value.problems] == ["required"]
    with post.write() as ctx:
        proposals.reject(ctx, pid, "Người này vẫn làm ruộng, đã xác minh tại nhà.")
    stored = person(post, ident)
    assert stored is not None and stored.occupation == "Làm ruộng"
    _both_ways(net, post, upper)
    back = person(upper, ident)
    assert back is not None and back.occupation == "Làm ruộng"
    [theirs] = _views(upper)
    assert (theirs.state, theirs.reason) == (
        "rejected",
        "Người này vẫn làm ruộng, đã xác minh tại nhà.",
    )
    assert _synced(upper, post)
    with pytest.raises(ValidationFailed) as twice, post.write() as ctx:
        proposals.accept(ctx, pid)
    assert twice.value.problems[0].code == "proposal.already_rejected"


def test_a_replayed_bundle_or_a_resent_edit_makes_no_second_proposal(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Đinh Thị Mơ", phone="0911111111")
    _both_ways(net, post, upper)
    edit(upper, ident, phone="0922222222")
    [path] = upper.export_to(post)
    post.import_file(path)
    again = post.import_file(path)
    assert again.already_imported
    net.send(upper, post)  # sent again before the post's acknowledgement came back
    assert len(_views(post)) == 1


def test_only_an_account_that_writes_records_decides_and_the_refusal_is_audited(
    net: Network,
) -> None:
    upper, post, ident, pid = _person_proposal(net)
    with pytest.raises(PermissionDenied), post.write(VIEWER) as ctx:
        proposals.accept(ctx, pid)
    with post.read() as ctx:
        last = ctx.session.execute(
            select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)
        ).scalar_one()
        assert (last.action, last.actor, last.entity_id) == ("refused", "xem1", pid)
    # nor does the upper unit decide for the post, once the proposal reached it
    net.send(post, upper)
    with pytest.raises(ValidationFailed) as elsewhere, upper.write() as ctx:
        proposals.accept(ctx, pid)
    assert elsewhere.value.problems[0].code == "proposal.not_here"
    stored = person(post, ident)
    assert stored is not None and stored.occupation == "Làm ruộng"


def test_dossier_and_household_edits_from_above_are_proposals_too(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    pid = add(post, "Hà Văn Tính")
    with post.write() as ctx:
        did = open_dossier(ctx, DossierInput(pid, "DRUG_USER", "05/01/2026")).id
        home = add_household(ctx, HouseholdInput(number="12", address="Xóm Đồng")).id
    _both_ways(net, post, upper)
    with upper.write() as ctx:
        edit_dossier(ctx, did, {"officer_name": "Hoàng Văn Thụ"})
        edit_household(ctx, home, {"address": "Xóm Bãi"})
    net.send(upper, post)
    with post.read() as ctx:
        dossier = ctx.session.get(Dossier, did)
        household = ctx.session.get(Household, home)
        assert dossier is not None and dossier.officer_name != "Hoàng Văn Thụ"
        assert household is not None and household.address == "Xóm Đồng"
    views = {v.table: v for v in _views(post)}
    assert set(views) == {"dossiers", "households"}
    assert views["dossiers"].record == "Hà Văn Tính"
    assert views["households"].record == "12, Xóm Đồng"
    with post.write() as ctx:  # a change made here since: both values shown
        edit_household(ctx, home, {"address": "Xóm Đồng Trên"})
    [h] = [v for v in _views(post) if v.table == "households"]
    [change] = h.changes
    assert (change.at_arrival, change.now, change.proposed, change.changed_since) == (
        "Xóm Đồng",
        "Xóm Đồng Trên",
        "Xóm Bãi",
        True,
    )
    with post.write() as ctx:
        proposals.accept(ctx, views["dossiers"].id)
        proposals.accept(ctx, h.id)
    _both_ways(net, post, upper)
    for node in (post, upper):
        with node.read() as ctx:
            dossier = ctx.session.get(Dossier, did)
            household = ctx.session.get(Household, home)
            assert dossier is not None and dossier.officer_name == "Hoàng Văn Thụ"
            assert household is not None and household.address == "Xóm Bãi"
    assert _synced(upper, post)


def test_what_the_upper_unit_writes_itself_still_applies_directly(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    pid = add(post, "Vì Văn Lả")
    with post.write() as ctx:
        did = open_dossier(ctx, DossierInput(pid, "DRUG_USER", "05/01/2026")).id
        ini = add_initiative(
            ctx,
            InitiativeInput(
                name="Camera an ninh xóm Đồng", type_code="BASE_SECURITY", launched_on="01/10/2020"
            ),
        ).id
    _both_ways(net, post, upper)
    with upper.write() as ctx:  # its review remark and its evaluation score
        remark = assess(
            ctx,
            AssessmentInput(
                did, "2026-10", "20/10/2026", "Lê Thanh Nam", "Cần theo dõi.", rating="Khá"
            ),
        ).id
        score = evaluate(
            ctx,
            EvaluationInput(
                initiative_id=ini,
                evaluated_on="25/10/2026",
                rubric_code="ANCS_2021",
                scores={
                    "leadership": 19,
                    "propaganda": 14,
                    "forces": 14,
                    "crime": 23,
                    "management": 17,
                    "results": 11,
                },
            ),
        ).id
    [report] = net.send(upper, post)
    assert report.proposals == 0 and report.refusals == []
    with post.read() as ctx:
        assert ctx.session.get(Assessment, remark) is not None
        assert ctx.session.get(Evaluation, score) is not None
    assert _views(post) == []


def test_a_proposal_row_itself_is_never_proposed(net: Network) -> None:
    upper, post, _ident, pid = _person_proposal(net)
    _both_ways(net, post, upper)
    _both_ways(net, upper, post)
    with post.read() as ctx:
        assert [p.id for p in ctx.session.execute(select(SyncProposal)).scalars()] == [pid]


def test_a_pledge_changed_above_is_accepted_through_the_pledge_service(net: Network) -> None:
    from antt_desktop.services import pledges as pl
    from antt_desktop.store.models import Pledge

    upper = net.upper()
    post = net.post(upper)
    with post.write() as ctx:
        home = add_household(ctx, HouseholdInput(number="7")).id
        pid = pl.record_pledge(
            ctx,
            home,
            2026,
            signed_on="15/03/2026",
            signer_name="Lò Văn Sinh",
            officer_name="Lê Công",
        ).id
    _both_ways(net, post, upper)
    with upper.write() as ctx:
        pl.edit_pledge(ctx, pid, {"signed_on": "16/03/2026", "signer_name": "Lò Thị Sen"})
    net.send(upper, post)
    [view] = _views(post)
    assert view.record == "7 — 2026"
    assert {c.field: (c.now, c.proposed) for c in view.changes} == {
        "signed_on": ("2026-03-15", "2026-03-16"),
        "signer_name": ("Lò Văn Sinh", "Lò Thị Sen"),
    }
    with post.write() as ctx:
        proposals.accept(ctx, view.id)
    _both_ways(net, post, upper)
    for node in (post, upper):
        with node.read() as ctx:
            stored = ctx.session.get(Pledge, pid)
            assert stored is not None
            assert (stored.signer_name, str(stored.signed_on)) == ("Lò Thị Sen", "2026-03-16")
    assert _synced(upper, post)


def test_a_purge_takes_the_proposals_about_the_record_along(net: Network) -> None:
    from antt_desktop.services import purge
    from antt_desktop.services.dossiers import close_dossier
    from tests.sync.nodes import CHIEF

    upper = net.upper()
    post = net.post(upper)
    pid = add(post, "Hà Văn Lợi", phone="0912000111")
    with post.write() as ctx:
        did = open_dossier(ctx, DossierInput(pid, "DRUG_USER", "05/01/2021")).id
    with post.write(CHIEF) as ctx:
        close_dossier(ctx, did, "10/01/2022", "term_completed")
    _both_ways(net, post, upper)
    edit(upper, pid, phone="0912999888")
    net.send(upper, post)
    [view] = _views(post)
    net.send(post, upper)
    with post.write(CHIEF) as ctx:
        purge.purge(ctx, [did], confirm=True)
    net.send(post, upper)
    for node in (post, upper):
        assert _views(node) == []
        with node.read() as ctx:
            stored = ctx.session.get(SyncProposal, view.id)
            assert stored is not None and stored.deleted
            assert stored.proposed == {"phone": None} and stored.current == {"phone": None}
    assert _synced(upper, post)


def test_a_proposed_id_number_or_ethnicity_is_not_kept_in_the_proposal(net: Network) -> None:
    """A proposal row is not sealed and travels back up: of a sealed field it keeps only that
    the upper unit changed it. The post's record keeps its value; Accept names the field and
    asks the officer to correct it by hand."""
    upper = net.upper()
    post = net.post(upper)
    ident = add(post, "Lý Văn Phúc", id_number="001085012345", ethnic_code="01")
    _both_ways(net, post, upper)
    edit(upper, ident, id_number="001085099999", ethnic_code="02", occupation="Buôn bán")
    [report] = net.send(upper, post)
    assert report.proposals == 1
    [view] = _views(post)
    shown = {c.field: (c.now, c.proposed) for c in view.changes}
    assert shown["id_number"] == ({"withheld": True}, {"withheld": True})
    assert shown["ethnic_code"] == ({"withheld": True}, {"withheld": True})
    assert shown["occupation"] == (None, "Buôn bán")
    with post.read() as ctx:
        raw = ctx.session.execute(select(SyncProposal.proposed, SyncProposal.current)).one()
    kept = repr(tuple(raw))
    assert "001085099999" not in kept and "001085012345" not in kept and "'02'" not in kept
    stored = person(post, ident)
    assert stored is not None and stored.id_number == "001085012345"
    with pytest.raises(ValidationFailed) as refused, post.write() as ctx:
        proposals.accept(ctx, view.id)
    assert {p.field for p in refused.value.problems} == {"id_number", "ethnic_code"}
    [still] = _views(post)  # pending still: rejected with a reason, corrected by hand
    assert still.state == "pending"
