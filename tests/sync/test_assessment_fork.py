"""Two corrections of the same assessment, one at the post and one at the upper unit, made
before either saw the other's (red-team finding, issue #13 item 6b): both versions are kept
and shown, the same one is current on both sides, both sides list the conflict, and the
officer's choice on one side settles it on the other after the next exchange."""

from __future__ import annotations

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.assessments import assessment_timeline
from antt_desktop.services.dossier_records import AssessmentInput, assess, correct_assessment
from antt_desktop.services.dossier_summary import dossier_summary
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.store.models import Assessment, SyncConflict
from antt_desktop.sync import conflict_text, conflicts
from tests.sync.helpers import add
from tests.sync.nodes import TODAY, Network, Node

POST_TEXT = "Chấp hành tốt, đã có việc làm ổn định tại xưởng mộc."
UPPER_TEXT = "Chấp hành chưa nghiêm, còn vắng mặt một buổi sinh hoạt."


def _both_ways(net: Network, a: Node, b: Node) -> None:
    net.send(a, b)
    net.send(b, a)


def _forked(net: Network) -> tuple[Node, Node, str, str]:
    """Post and upper unit, each with its own correction of the same assessment."""
    upper = net.upper()
    post = net.post(upper)
    pid = add(post, "Hà Văn Tính")
    with post.write() as ctx:
        did = open_dossier(ctx, DossierInput(pid, "DRUG_USER", "05/01/2026")).id
        written = AssessmentInput(
            did, "2026-10", "20/10/2026", "Lê Thanh Nam", "Chấp hành.", rating="Khá"
        )
        first = assess(ctx, written).id
    _both_ways(net, post, upper)
    with post.write() as ctx:
        correct_assessment(ctx, first, {"content": POST_TEXT})
    with upper.write() as ctx:
        correct_assessment(ctx, first, {"content": UPPER_TEXT})
    return upper, post, did, first


def _open(node: Node) -> list[conflicts.ConflictView]:
    with node.read() as ctx:
        return conflicts.open_conflicts(ctx.session)


def _current_text(node: Node, did: str) -> str:
    with node.read() as ctx:
        return dossier_summary(ctx.session, did).assessments["2026-10"].content


def _history_texts(node: Node, did: str) -> list[str]:
    with node.read() as ctx:
        [entry] = [
            e for e in assessment_timeline(ctx.session, did, TODAY) if e.period.label() == "2026-10"
        ]
        assert entry.current is not None
        return sorted([entry.current.content, *(a.content for a in entry.history)])


def test_both_sides_list_the_fork_and_show_the_same_current_version(net: Network) -> None:
    upper, post, did, _first = _forked(net)
    _both_ways(net, post, upper)

    for node in (post, upper):
        [c] = _open(node)
        assert c.kind == "fork" and c.table == "assessments"
        assert {c.kept_value["content"], c.other_value["content"]} == {POST_TEXT, UPPER_TEXT}
        assert {c.kept_by, c.other_by} == {
            post_unit := _unit_name(post),
            _unit_name(upper),
        } and post_unit
        assert _history_texts(node, did) == sorted(["Chấp hành.", POST_TEXT, UPPER_TEXT])
    assert [c.id for c in _open(post)] == [c.id for c in _open(upper)]
    assert _current_text(post, did) == _current_text(upper, did)
    assert _current_text(post, did) == _open(post)[0].kept_value["content"]


def _unit_name(node: Node) -> str:
    with node.read() as ctx:
        return ctx.local_unit().name


def test_choosing_on_one_side_settles_the_fork_on_both(net: Network) -> None:
    upper, post, did, _first = _forked(net)
    _both_ways(net, post, upper)
    [c] = _open(post)
    choice = "kept" if c.kept_value["content"] == UPPER_TEXT else "other"
    with post.write() as ctx:
        conflicts.resolve(ctx, c.id, choice)  # the post keeps the upper unit's text
    assert _open(post) == []
    assert _current_text(post, did) == UPPER_TEXT
    [report] = net.send(post, upper)
    assert report.table("assessments").new == 1
    assert _open(upper) == []
    assert _current_text(upper, did) == UPPER_TEXT
    for node in (post, upper):  # nothing vanished from the history, nothing deleted
        assert POST_TEXT in _history_texts(node, did)
        with node.read() as ctx:
            assert ctx.session.query(Assessment).filter(Assessment.deleted.is_(True)).all() == []
    with upper.read() as ctx:
        closed = ctx.session.get(SyncConflict, c.id)
        assert closed is not None and closed.status == "superseded"

    before = (post.dump_hash(), upper.dump_hash())
    _both_ways(net, post, upper)
    _both_ways(net, post, upper)
    assert (post.dump_hash(), upper.dump_hash()) == before
    assert post.dump_hash([post.unit_id]) == upper.dump_hash([post.unit_id])
    assert _open(post) == [] and _open(upper) == []


def test_a_forked_assessment_is_not_corrected_again_until_an_officer_chooses(
    net: Network,
) -> None:
    upper, post, did, first = _forked(net)
    net.send(upper, post)
    with post.write() as ctx:
        current = dossier_summary(ctx.session, did).assessments["2026-10"].id
        with pytest.raises(ValidationFailed) as refused:
            correct_assessment(ctx, current, {"content": "Bản thứ ba."})
    [problem] = refused.value.problems
    assert (problem.field, problem.code) == ("assessment_id", "assessment.forked")
    [c] = _open(post)
    with post.write() as ctx:
        conflicts.resolve(ctx, c.id, "other")
    with post.write() as ctx:  # the settled version is the one to correct now
        settled = dossier_summary(ctx.session, did).assessments["2026-10"]
        assert settled.content == c.other_value["content"]
        for old in (first, c.kept_value["id"], c.other_value["id"]):
            with pytest.raises(ValidationFailed) as again:
                correct_assessment(ctx, old, {"content": "Bản thứ ba."})
            assert again.value.problems[0].code == "assessment.already_superseded"
        newest = correct_assessment(ctx, settled.id, {"content": "Bản thứ ba."})
    assert _current_text(post, did) == newest.content == "Bản thứ ba."
    assert _open(post) == []


def test_replaying_the_settling_file_changes_nothing(net: Network) -> None:
    upper, post, did, _first = _forked(net)
    _both_ways(net, post, upper)
    [c] = _open(upper)
    with upper.write() as ctx:
        conflicts.resolve(ctx, c.id, "kept")
    [bundle] = upper.export_to(post)
    replay = bundle.with_name("replay-" + bundle.name)
    replay.write_bytes(bundle.read_bytes())
    post.import_file(bundle)
    after = post.whole_file_hash()
    post.import_file(replay)
    assert post.whole_file_hash() == after
    assert _open(post) == [] and _current_text(post, did) == c.kept_value["content"]


def test_the_officer_reads_both_versions_in_vietnamese(net: Network) -> None:
    """What the window's conflicts page and ``antt sync conflicts`` both print."""
    upper, post, _did, _first = _forked(net)
    net.send(upper, post)
    [c] = _open(post)
    vi = Translator("vi")
    assert c.record.startswith("Hà Văn Tính")
    assert vi(conflict_text.KINDS[c.kind]) == "cả hai nơi cùng đính chính"
    assert conflict_text.field_text(c, vi) == "bản nhận xét, đánh giá"
    texts = {
        conflict_text.value_text(c, v, vi, kept=k)
        for v, k in ((c.kept_value, True), (c.other_value, False))
    }
    head = "viết ngày 20/10/2026, người viết Lê Thanh Nam, xếp loại: Khá — "
    assert texts == {head + POST_TEXT, head + UPPER_TEXT}
    with post.write() as ctx, pytest.raises(ValidationFailed) as refused:
        correct_assessment(ctx, c.kept_value["id"], {"content": "Bản thứ ba."})
    [problem] = refused.value.problems
    said = sentence(problem.code, problem.params, vi)
    assert (
        said.startswith("nhận xét, đánh giá tháng 10/2026 đã được đính chính")
        and "Đồng bộ, Xung đột" in said
    )


def test_the_printed_booklet_says_which_version_it_holds_until_one_is_chosen(
    net: Network,
) -> None:
    """Whoever signs the booklet of a forked assessment reads that another unit corrected it
    too, and to what, and that one must be chosen first; once chosen, the booklet prints
    the chosen text alone."""
    import io

    from pypdf import PdfReader

    from antt_desktop.printing.booklet import booklet
    from antt_desktop.printing.text import PrintOptions

    def printed(node: Node, did: str) -> str:
        with node.read() as ctx:
            data = booklet(ctx.session, did, today=TODAY, options=PrintOptions()).pdf
        pages = PdfReader(io.BytesIO(data)).pages
        return " ".join(" ".join(p.extract_text().split()) for p in pages)

    upper, post, did, _first = _forked(net)
    _both_ways(net, post, upper)
    [c] = _open(post)
    shown, other = (c.kept_value, c.other_value)
    before = printed(post, did)
    assert before.count(shown["content"]) == 1
    assert before.count(other["content"].rstrip(".")) == 1  # quoted in the note alone
    assert (
        "Chưa chốt: nhận xét này đã được đính chính ở hai nơi; bản đính chính còn lại ghi"
        f" “{other['content'].rstrip('.')}”. Bản in ở đây là bản đang dùng cho đến khi chọn ở"
        " mục Đồng bộ, Xung đột: hãy chọn trước khi ký."
    ) in before

    with post.write() as ctx:
        conflicts.resolve(ctx, c.id, "other")
    after = printed(post, did)
    assert other["content"] in after and "Chưa chốt" not in after
