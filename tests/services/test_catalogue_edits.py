"""Catalogues kept without code: who may edit them, what an edit must meet, the version each
edit raises, and entries in use retired rather than deleted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services import catalogue_edits as edits
from antt_desktop.services import catalogue_rows, catalogues
from antt_desktop.services.catalogue_specs import ACTIVITY_KIND, CATEGORY, INITIATIVE_TYPE, RUBRIC
from antt_desktop.services.context import Actor
from antt_desktop.store.models import AuditEntry
from tests.sync.nodes import CHIEF, OFFICER, UPPER, Network, Node

TODAY = date(2026, 11, 22)
VI = Translator("vi")


@pytest.fixture
def net(tmp_path: Path) -> Iterator[Network]:
    network = Network(tmp_path / "net")
    yield network
    network.close()


@pytest.fixture
def upper(net: Network) -> Node:
    return net.upper(unit_name="Công an tỉnh Thái Nguyên")


def _problems(caught: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {p.field: describe(p, VI) for p in caught.value.problems}


def _audit(node: Node, action: str) -> list[AuditEntry]:
    with node.read() as ctx:
        return list(
            ctx.session.execute(select(AuditEntry).where(AuditEntry.action == action)).scalars()
        )


def test_the_upper_unit_edits_a_legal_basis_and_the_version_rises(upper: Node) -> None:
    with upper.read(UPPER) as ctx:
        assert catalogue_rows.version(ctx, CATEGORY).number == 1
        assert catalogue_rows.version(ctx, CATEGORY).issuer is None  # shipped
    with upper.write(UPPER) as ctx:
        edits.edit_entry(ctx, CATEGORY, "released", {"legal_basis": "Nghị định 99/2026/NĐ-CP"})
    with upper.write(UPPER) as ctx:
        edits.edit_entry(ctx, CATEGORY, "RELEASED", {"to_check": "0"})
    with upper.read(UPPER) as ctx:
        row = catalogue_rows.entry(ctx, CATEGORY, "RELEASED")
        version = catalogue_rows.version(ctx, CATEGORY)
        other = catalogue_rows.version(ctx, RUBRIC)
    assert row is not None and row.values["legal_basis"] == "Nghị định 99/2026/NĐ-CP"
    assert not row.to_check
    assert (version.number, version.issued_on, version.issuer) == (
        3,
        TODAY,
        "Công an tỉnh Thái Nguyên",
    )
    assert other.number == 1  # each catalogue has its own version
    assert [e.entity for e in _audit(upper, "edit")].count("dossier_category") == 2


def test_an_edit_that_changes_nothing_leaves_the_version(upper: Node) -> None:
    with upper.read(UPPER) as ctx:
        name = catalogue_rows.entry(ctx, ACTIVITY_KIND, "patrol").name_vi  # type: ignore[union-attr]
    with upper.write(UPPER) as ctx:
        edits.edit_entry(ctx, ACTIVITY_KIND, "patrol", {"name_vi": f"  {name} "})
    with upper.read(UPPER) as ctx:
        assert catalogue_rows.version(ctx, ACTIVITY_KIND).number == 1


@pytest.mark.parametrize("actor", [OFFICER, Actor("xem", "viewer")])
def test_a_role_without_the_catalogue_permission_is_refused_and_audited(
    upper: Node, actor: Actor
) -> None:
    with pytest.raises(PermissionDenied), upper.write(actor) as ctx:
        edits.add_entry(ctx, INITIATIVE_TYPE, {"code": "DRONE", "name_vi": "Bay giám sát"})
    with upper.read(UPPER) as ctx:
        assert catalogue_rows.entry(ctx, INITIATIVE_TYPE, "DRONE") is None
    [refusal] = _audit(upper, "refused")
    assert (refusal.actor, refusal.detail) == (actor.username, "catalogues.write")


def test_a_post_chief_is_told_the_catalogue_comes_from_above(net: Network) -> None:
    upper = net.upper()
    post = net.post(upper)
    with pytest.raises(ValidationFailed) as caught, post.write(CHIEF) as ctx:
        edits.edit_entry(ctx, CATEGORY, "RELEASED", {"legal_basis": "Tự sửa"})
    said = _problems(caught)["catalogue"]
    assert "Danh mục do cấp trên ban hành (Công an huyện Phú Lương)" in said
    with post.read(CHIEF) as ctx:
        assert not catalogue_rows.rights(ctx).may_edit
        row = catalogue_rows.entry(ctx, CATEGORY, "RELEASED")
        assert row is not None and row.values["legal_basis"] != "Tự sửa"
    assert [r.detail for r in _audit(post, "refused")] == ["catalogues.write"]


def test_every_problem_of_a_new_category_is_named_and_nothing_is_written(upper: Node) -> None:
    values = {
        "code": "NEW GROUP",
        "name_vi": "Nhóm mới",
        "name_en": "",
        "cadence": "weekly",
        "due_day": "31",
        "retention_years": "0",
        "ratings": "Tốt; Khá; tốt",
    }
    with upper.read(UPPER) as ctx:
        said = {p.field: describe(p, VI) for p in edits.check_add_entry(ctx, CATEGORY, values)}
    with pytest.raises(ValidationFailed) as caught, upper.write(UPPER) as ctx:
        edits.add_entry(ctx, CATEGORY, values)
    assert _problems(caught) == said
    assert set(said) == {"code", "name_en", "cadence", "due_day", "retention_years", "ratings"}
    assert "chỉ dùng chữ không dấu" in said["code"]
    assert "'weekly'" in said["cadence"]
    assert "31 nằm ngoài khoảng cho phép 1–28" in said["due_day"]
    with upper.read(UPPER) as ctx:
        assert catalogue_rows.version(ctx, CATEGORY).number == 1
        assert len(catalogue_rows.entries(ctx, CATEGORY)) == 11


def test_codes_are_unique_and_never_change(upper: Node) -> None:
    with pytest.raises(ValidationFailed) as caught, upper.write(UPPER) as ctx:
        edits.add_entry(ctx, ACTIVITY_KIND, {"code": "patrol", "name_vi": "Tuần tra đêm"})
    assert "đã có mục mã 'patrol'" in _problems(caught)["code"]
    with pytest.raises(ValidationFailed) as caught, upper.write(UPPER) as ctx:
        edits.edit_entry(ctx, ACTIVITY_KIND, "patrol", {"code": "night_patrol"})
    assert "không đổi được mã" in _problems(caught)["code"]


def test_a_rubric_pass_mark_above_its_criteria_total_is_refused(upper: Node) -> None:
    criteria = "a | Tuyên truyền | 40\nb | Tuần tra | 40"
    with pytest.raises(ValidationFailed) as caught, upper.write(UPPER) as ctx:
        edits.add_entry(
            ctx, RUBRIC, {"code": "X1", "name_vi": "Thử", "pass_mark": 90, "criteria": criteria}
        )
    assert "lớn hơn tổng điểm các tiêu chí (80 điểm)" in _problems(caught)["pass_mark"]
    with upper.write(UPPER) as ctx:
        edits.add_entry(
            ctx, RUBRIC, {"code": "X1", "name_vi": "Thử", "pass_mark": 60, "criteria": criteria}
        )
    with upper.read(UPPER) as ctx:
        row = catalogue_rows.entry(ctx, RUBRIC, "X1")
    assert row is not None
    assert [c["max"] for c in row.values["criteria"]] == [40, 40]


def test_an_entry_in_use_is_retired_not_deleted(upper: Node) -> None:
    from antt_desktop.services.initiatives import InitiativeInput, add_initiative

    with upper.write(CHIEF) as ctx:
        add_initiative(
            ctx,
            InitiativeInput(name="Camera xóm Chợ", type_code="CAMERA", launched_on="01/02/2026"),
        )
    with pytest.raises(ValidationFailed) as caught, upper.write(UPPER) as ctx:
        edits.delete_entry(ctx, INITIATIVE_TYPE, "CAMERA")
    assert "đang được 1 bản ghi sử dụng" in _problems(caught)["code"]
    with upper.write(UPPER) as ctx:
        edits.set_retired(ctx, INITIATIVE_TYPE, "CAMERA")
    with upper.read(UPPER) as ctx:
        row = catalogue_rows.entry(ctx, INITIATIVE_TYPE, "CAMERA")
        assert row is not None and row.retired
        # old records still name it: the name is still there for them
        assert catalogues.codes(ctx.session, catalogues.INITIATIVE_TYPE)["CAMERA"] == row.name_vi
        assert catalogue_rows.version(ctx, INITIATIVE_TYPE).number == 2
    with upper.write(UPPER) as ctx:  # one nobody uses goes
        edits.delete_entry(ctx, INITIATIVE_TYPE, "FIRE_WATCH")
    with upper.read(UPPER) as ctx:
        assert catalogue_rows.entry(ctx, INITIATIVE_TYPE, "FIRE_WATCH") is None
        assert catalogue_rows.version(ctx, INITIATIVE_TYPE).number == 3


def test_a_deleted_code_added_again_comes_back(upper: Node) -> None:
    with upper.write(UPPER) as ctx:
        edits.delete_entry(ctx, ACTIVITY_KIND, "tip")
    with upper.write(UPPER) as ctx:
        edits.add_entry(ctx, ACTIVITY_KIND, {"code": "tip", "name_vi": "Tin báo tội phạm"})
    with upper.read(UPPER) as ctx:
        row = catalogue_rows.entry(ctx, ACTIVITY_KIND, "tip")
    assert row is not None and row.name_vi == "Tin báo tội phạm"


def test_the_shipped_catalogue_names_the_laws_in_force_and_marks_what_is_unchecked(
    upper: Node,
) -> None:
    with upper.read(UPPER) as ctx:
        rows = {r.code: r for r in catalogue_rows.entries(ctx, CATEGORY)}
        to_check = catalogue_rows.entries(ctx, CATEGORY, only_to_check=True)
    assert "127/2025/QH15" in rows["SUSPENDED"].values["legal_basis"]
    assert "120/2025/QH15" in rows["DRUG_USER"].values["legal_basis"]
    assert not any("cần kiểm tra" in (r.values["legal_basis"] or "") for r in rows.values())
    assert {r.code for r in to_check} == {"RELEASED", "COMMUNE_EDUCATION"}


def test_import_is_all_or_nothing_and_names_the_line(upper: Node) -> None:
    good = {"code": "drill", "name_vi": "Diễn tập phương án"}
    bad = {"code": "meeting", "name_vi": "Họp", "to_check": "có lẽ"}
    with pytest.raises(edits.ImportRefused) as caught, upper.write(UPPER) as ctx:
        edits.import_entries(ctx, ACTIVITY_KIND, [good, bad, {"code": "drill", "name_vi": "X"}])
    assert [(n, p.field) for n, p in caught.value.lines] == [(2, "to_check"), (3, "code")]
    with upper.read(UPPER) as ctx:
        assert catalogue_rows.entry(ctx, ACTIVITY_KIND, "drill") is None
    with upper.write(UPPER) as ctx:
        added, changed = edits.import_entries(ctx, ACTIVITY_KIND, [good, {**bad, "to_check": "1"}])
    assert (added, changed) == (1, 1)
    with upper.read(UPPER) as ctx:
        assert catalogue_rows.version(ctx, ACTIVITY_KIND).number == 2
        assert catalogue_rows.entry(ctx, ACTIVITY_KIND, "meeting").to_check  # type: ignore[union-attr]


def test_a_new_activity_kind_can_be_recorded(upper: Node) -> None:
    """The schema no longer lists the kinds: the catalogue decides."""
    with upper.write(UPPER) as ctx:
        edits.add_entry(ctx, ACTIVITY_KIND, {"code": "drill", "name_vi": "Diễn tập"})
    with upper.read(UPPER) as ctx:
        assert "drill" in catalogues.codes(ctx.session, catalogues.ACTIVITY_KIND)


def test_a_retired_entry_is_refused_for_new_records_and_kept_by_old_ones(upper: Node) -> None:
    from antt_desktop.services.activities import ActivityInput, check_record_activity
    from antt_desktop.services.initiatives import (
        InitiativeInput,
        add_initiative,
        check_add_initiative,
        edit_initiative,
    )

    with upper.write(CHIEF) as ctx:
        camera = add_initiative(
            ctx, InitiativeInput(name="Camera", type_code="CAMERA", launched_on="01/02/2026")
        )
    with upper.write(UPPER) as ctx:
        edits.set_retired(ctx, INITIATIVE_TYPE, "CAMERA")
        edits.set_retired(ctx, ACTIVITY_KIND, "patrol")
    with upper.read(CHIEF) as ctx:
        new = check_add_initiative(
            ctx, InitiativeInput(name="Camera 2", type_code="CAMERA", launched_on="01/03/2026")
        )
        activity = check_record_activity(
            ctx, ActivityInput(initiative_id=camera.id, held_on="03/02/2026", kind="patrol")
        )
    said = {p.field: describe(p, VI) for p in new + activity}
    assert "'Camera giám sát an ninh trật tự' đã thôi áp dụng" in said["type_code"]
    assert "'Tuần tra' đã thôi áp dụng" in said["kind"]
    with upper.write(CHIEF) as ctx:  # the old initiative keeps its type through an edit
        edit_initiative(ctx, camera.id, {"name": "Camera xóm Chợ"})
