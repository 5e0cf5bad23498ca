"""Initiatives (mô hình): adding, editing lists, status, the detail page and refusals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.activities import ActivityInput, record_activity
from antt_desktop.services.evaluations import EvaluationInput, evaluate
from antt_desktop.services.initiative_lines import AssetLine, FundingLine
from antt_desktop.services.initiatives import (
    InitiativeInput,
    add_initiative,
    edit_initiative,
    initiative_detail,
    set_status,
)
from antt_desktop.services.units import add_area, add_unit
from antt_desktop.store.errors import NotFound
from antt_desktop.store.models import (
    AuditEntry,
    Initiative,
    InitiativeArea,
    InitiativeAsset,
    InitiativeFunding,
)
from tests.conftest import CHIEF

ROWS = (Initiative, InitiativeArea, InitiativeFunding, InitiativeAsset, AuditEntry)


def counts(session: Session) -> dict[str, int]:
    return {
        m.__name__: session.execute(select(func.count()).select_from(m)).scalar_one() for m in ROWS
    }


def last_audit(session: Session) -> AuditEntry:
    return session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).scalar_one()


@pytest.fixture
def areas(write: Any) -> dict[str, str]:
    """Two areas of this post and one of a neighbouring post."""
    with write(CHIEF) as ctx:
        a = add_area(ctx, name="Thôn Đồng Chùa")
        b = add_area(ctx, name="Thôn Làng Mới")
        other = add_unit(ctx, code="05485", name="Công an xã Yên Trạch")
        c = add_area(ctx, name="Thôn Khau Lầu", unit_id=other.id)
        return {"dong_chua": a.id, "lang_moi": b.id, "other": c.id, "other_unit": other.id}


def camera(areas: dict[str, str], **changes: Any) -> InitiativeInput:
    """The "Camera giám sát ANTT" initiative of seed 004."""
    data = InitiativeInput(
        name="  Camera   giám sát ANTT ",
        type_code="CAMERA",
        launched_on="15/03/2021",
        decision_number="12/QĐ-UBND",
        decision_date="10/03/2021",
        decision_issuer="UBND xã Động Đạt",
        lead_body="Công an xã Động Đạt",
        partners="Mặt trận Tổ quốc xã, Đoàn Thanh niên",
        member_count="25",
        description="Lắp đặt camera tại các điểm phức tạp về ANTT.",
        area_ids=[areas["dong_chua"], areas["lang_moi"], areas["dong_chua"]],
        funding=[
            FundingLine("1.500.000.000", "community", "Nhân dân đóng góp"),
            FundingLine(200_000_000, "state_budget"),
            FundingLine(None, "", None),
        ],  # an empty row left in the table
        assets=[AssetLine("Camera giám sát", 372)],
    )
    return replace(data, **changes)


def test_add_saves_the_initiative_with_its_lines(
    write: Any, read: Any, areas: dict[str, str]
) -> None:
    with write() as ctx:
        ini = add_initiative(ctx, camera(areas))
    with read() as ctx:
        saved = ctx.session.get(Initiative, ini.id)
        assert saved.name == "Camera giám sát ANTT"
        assert saved.launched_on == date(2021, 3, 15)
        assert saved.decision_date == date(2021, 3, 10)
        assert saved.member_count == 25
        assert saved.status == "active" and saved.ended_on is None
        assert saved.unit_id == ctx.local_unit().id
        links = ctx.session.execute(select(InitiativeArea.area_id)).scalars().all()
        assert sorted(links) == sorted([areas["dong_chua"], areas["lang_moi"]])
        funding = ctx.session.execute(
            select(InitiativeFunding.amount_vnd, InitiativeFunding.source)
        ).all()
        assert sorted(funding) == [(200_000_000, "state_budget"), (1_500_000_000, "community")]
        assets = ctx.session.execute(select(InitiativeAsset.kind, InitiativeAsset.count)).all()
        assert assets == [("Camera giám sát", 372)]
        entry = last_audit(ctx.session)
        assert (entry.action, entry.entity, entry.entity_id) == ("create", "initiative", ini.id)
        assert {"name", "area_ids", "funding", "assets"} <= set(entry.fields)


def test_detail_shows_totals_by_source_activities_and_latest_evaluation(
    write: Any, read: Any, areas: dict[str, str]
) -> None:
    with write() as ctx:
        ini = add_initiative(
            ctx,
            camera(
                areas,
                funding=[
                    FundingLine(1_500_000_000, "community"),
                    FundingLine(200_000_000, "state_budget"),
                    FundingLine(50_000_000, "community"),
                ],
            ),
        )
        record_activity(ctx, ActivityInput(ini.id, "10/01/2026", "tip", tips_of_value=3))
        record_activity(
            ctx, ActivityInput(ini.id, "12/02/2026", "tip", tips_of_value=2, participants=4)
        )
        evaluate(
            ctx,
            EvaluationInput(
                initiative_id=ini.id,
                evaluated_on="20/10/2026",
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
        )
    with read() as ctx:
        detail = initiative_detail(ctx.session, ini.id)
    assert detail.type_name == "Camera giám sát an ninh trật tự"
    assert [a.name for a in detail.areas] == ["Thôn Đồng Chùa", "Thôn Làng Mới"]
    assert detail.funding_by_source == {"community": 1_550_000_000, "state_budget": 200_000_000}
    assert detail.funding_total == 1_750_000_000
    assert [(a.kind, a.count) for a in detail.assets] == [("Camera giám sát", 372)]
    assert detail.activities.sessions_by_kind == {"tip": 2}
    assert detail.activities.tips_of_value == 5 and detail.activities.participants == 4
    assert detail.latest_evaluation is not None
    assert (detail.latest_evaluation.total, detail.latest_evaluation.max_total) == (98, 110)


def test_detail_of_a_missing_initiative_is_not_found(read: Any) -> None:
    with read() as ctx, pytest.raises(NotFound):
        initiative_detail(ctx.session, "no-such-id")


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"name": "   "}, "name", "required"),
        ({"name": "x" * 301}, "name", "too_long"),
        ({"type_code": "SPACESHIP"}, "type_code", "initiative.type_unknown"),
        ({"type_code": None}, "type_code", "required"),
        ({"launched_on": None}, "launched_on", "required"),
        ({"launched_on": "23/11/2026"}, "launched_on", "date.future"),
        ({"launched_on": "31/02/2021"}, "launched_on", "date.invalid"),
        ({"launched_on": "tháng 3"}, "launched_on", "date.format"),
        ({"decision_date": date(2027, 1, 1)}, "decision_date", "date.future"),
        ({"decision_number": "9" * 61}, "decision_number", "too_long"),
        ({"member_count": -1}, "member_count", "number.negative"),
        ({"member_count": "hai mươi"}, "member_count", "number.invalid"),
        ({"status": "closed"}, "status", "choice"),
        ({"status": "ended"}, "ended_on", "initiative.ended_on_required"),
        ({"status": "ended", "ended_on": "01/01/2020"}, "ended_on", "initiative.end_before_launch"),
        ({"ended_on": "01/01/2022"}, "ended_on", "initiative.ended_on_unexpected"),
        ({"area_ids": ["nowhere"]}, "area_ids", "initiative.area_unknown"),
        ({"funding": [FundingLine(-5, "community")]}, "funding.amount_vnd", "line.negative"),
        (
            {"funding": [FundingLine("1,5", "community")]},
            "funding.amount_vnd",
            "line.number_invalid",
        ),
        ({"funding": [FundingLine(None, "community")]}, "funding.amount_vnd", "line.required"),
        ({"funding": [FundingLine(10, "bank")]}, "funding.source", "line.choice"),
        ({"funding": [FundingLine(10, "other", "n" * 301)]}, "funding.note", "line.too_long"),
        ({"assets": [AssetLine("Camera", -3)]}, "assets.count", "line.negative"),
        ({"assets": [AssetLine("", 3)]}, "assets.kind", "line.required"),
        ({"assets": [AssetLine("Camera", None)]}, "assets.count", "line.required"),
    ],
)
def test_add_refuses_bad_input_and_writes_nothing(
    write: Any, areas: dict[str, str], changes: dict[str, Any], field: str, code: str
) -> None:
    with write() as ctx:
        before = counts(ctx.session)
        with pytest.raises(ValidationFailed) as exc:
            add_initiative(ctx, camera(areas, **changes))
        assert (field, code) in {(p.field, p.code) for p in exc.value.problems}
        assert counts(ctx.session) == before


def test_area_of_another_unit_is_refused(write: Any, areas: dict[str, str]) -> None:
    with write() as ctx:
        before = counts(ctx.session)
        with pytest.raises(ValidationFailed) as exc:
            add_initiative(ctx, camera(areas, area_ids=[areas["other"]]))
        assert exc.value.problems == [
            Problem("area_ids", "initiative.area_other_unit", {"value": "Thôn Khau Lầu"})
        ]
        assert counts(ctx.session) == before


def test_every_problem_is_reported_at_once_naming_the_line(
    write: Any, areas: dict[str, str]
) -> None:
    data = camera(
        areas,
        name="",
        member_count=-2,
        funding=[FundingLine(10, "community"), FundingLine(-1, "community")],
    )
    with write() as ctx, pytest.raises(ValidationFailed) as exc:
        add_initiative(ctx, data)
    found = {(p.field, p.code, p.params.get("line")) for p in exc.value.problems}
    assert found == {
        ("name", "required", None),
        ("member_count", "number.negative", None),
        ("funding.amount_vnd", "line.negative", 2),
    }
    line = next(p for p in exc.value.problems if p.field == "funding.amount_vnd")
    assert describe(line, Translator("vi")) == (
        "Số tiền kinh phí (đồng): không được là số âm (dòng 2)"
    )


def test_same_name_in_the_same_unit_is_refused(write: Any, areas: dict[str, str]) -> None:
    with write() as ctx:
        add_initiative(ctx, camera(areas))
    with write() as ctx:
        before = counts(ctx.session)
        with pytest.raises(ValidationFailed) as exc:
            add_initiative(ctx, camera(areas, name="CAMERA GIAM SAT antt"))
        assert [(p.field, p.code) for p in exc.value.problems] == [("name", "initiative.duplicate")]
        assert counts(ctx.session) == before
        # The neighbouring post may have an initiative of the same name.
        add_initiative(ctx, camera(areas, area_ids=[areas["other"]]), unit_id=areas["other_unit"])


def test_edit_replaces_lists_by_tombstoning(write: Any, read: Any, areas: dict[str, str]) -> None:
    with write() as ctx:
        ini = add_initiative(ctx, camera(areas))
    with read() as ctx:
        kept = ctx.session.execute(
            select(InitiativeFunding.id).where(InitiativeFunding.source == "community")
        ).scalar_one()
        link = ctx.session.execute(
            select(InitiativeArea.id).where(InitiativeArea.area_id == areas["lang_moi"])
        ).scalar_one()
    with write() as ctx:
        edit_initiative(
            ctx,
            ini.id,
            {
                "area_ids": [areas["dong_chua"]],
                "funding": [
                    FundingLine(1_500_000_000, "community", "Nhân dân đóng góp"),
                    FundingLine(100_000_000, "other", "Doanh nghiệp tài trợ"),
                ],
                "assets": [AssetLine("Camera giám sát", 25)],
            },
        )
        entry = last_audit(ctx.session)
        assert (entry.action, entry.fields) == ("edit", ["area_ids", "assets", "funding"])
    with read() as ctx:
        s = ctx.session
        funding = s.execute(
            select(InitiativeFunding.id, InitiativeFunding.amount_vnd, InitiativeFunding.deleted)
        ).all()
        assert len(funding) == 3  # nothing is deleted, the state line is tombstoned
        assert {(a, d) for _, a, d in funding} == {
            (1_500_000_000, False),
            (200_000_000, True),
            (100_000_000, False),
        }
        assert (kept, 1_500_000_000, False) in funding  # an unchanged line keeps its row
        assert {(r.count, r.deleted) for r in s.execute(select(InitiativeAsset)).scalars()} == {
            (372, True),
            (25, False),
        }
        assert [a.name for a in initiative_detail(s, ini.id).areas] == ["Thôn Đồng Chùa"]
    with write() as ctx:  # putting an area back revives its row (the pair is unique)
        edit_initiative(ctx, ini.id, {"area_ids": [areas["dong_chua"], areas["lang_moi"]]})
    with read() as ctx:
        row = ctx.session.get(InitiativeArea, link)
        assert row is not None and not row.deleted
        assert (
            ctx.session.execute(select(func.count()).select_from(InitiativeArea)).scalar_one() == 2
        )


def test_edit_without_real_change_writes_nothing(write: Any, areas: dict[str, str]) -> None:
    with write() as ctx:
        ini = add_initiative(ctx, camera(areas))
    with write() as ctx:
        before = counts(ctx.session)
        edit_initiative(
            ctx,
            ini.id,
            {
                "name": "Camera giám sát ANTT",
                "funding": [
                    FundingLine(200_000_000, "state_budget"),
                    FundingLine(1_500_000_000, "community", "Nhân dân đóng góp"),
                ],
            },
        )
        assert counts(ctx.session) == before


def test_refused_edit_changes_nothing(write: Any, read: Any, areas: dict[str, str]) -> None:
    with write() as ctx:
        ini = add_initiative(ctx, camera(areas))
    with write() as ctx:
        before = counts(ctx.session)
        with pytest.raises(ValidationFailed) as exc:
            edit_initiative(
                ctx, ini.id, {"name": "Mô hình mới", "funding": [FundingLine(-1, "community")]}
            )
        assert [p.code for p in exc.value.problems] == ["line.negative"]
        assert ctx.session.get(Initiative, ini.id).name == "Camera giám sát ANTT"
        assert counts(ctx.session) == before
        with pytest.raises(ValidationFailed) as exc:
            edit_initiative(ctx, ini.id, {"colour": "red"})
        assert exc.value.problems == [
            Problem("colour", "initiative.field_unknown", {"value": "colour"})
        ]
    with pytest.raises(NotFound), write() as ctx:
        edit_initiative(ctx, "missing", {"name": "x"})


def test_launch_date_cannot_move_after_recorded_activities(
    write: Any, areas: dict[str, str]
) -> None:
    with write() as ctx:
        ini = add_initiative(ctx, camera(areas))
        record_activity(ctx, ActivityInput(ini.id, "05/04/2021", "meeting", participants=12))
    with write() as ctx, pytest.raises(ValidationFailed) as exc:
        edit_initiative(ctx, ini.id, {"launched_on": "01/05/2021"})
    assert [(p.field, p.code) for p in exc.value.problems] == [
        ("launched_on", "initiative.activities_before_launch")
    ]


def test_status_ended_paused_and_reopened(write: Any, read: Any, areas: dict[str, str]) -> None:
    with write() as ctx:
        ini = add_initiative(ctx, camera(areas))
        record_activity(ctx, ActivityInput(ini.id, "10/10/2026", "patrol", participants=6))
    with write() as ctx:
        before = counts(ctx.session)
        with pytest.raises(ValidationFailed) as exc:
            set_status(ctx, ini.id, "ended", "30/09/2026")
        assert [(p.field, p.code) for p in exc.value.problems] == [
            ("ended_on", "initiative.activities_after_end")
        ]
        with pytest.raises(ValidationFailed) as exc:
            set_status(ctx, ini.id, "ended")
        assert [p.code for p in exc.value.problems] == ["initiative.ended_on_required"]
        with pytest.raises(ValidationFailed) as exc:
            set_status(ctx, ini.id, "paused", "31/10/2026")
        assert [p.code for p in exc.value.problems] == ["initiative.ended_on_unexpected"]
        assert counts(ctx.session) == before
    with write() as ctx:
        set_status(ctx, ini.id, "ended", "31/10/2026")
        entry = last_audit(ctx.session)
        assert (entry.action, entry.fields) == ("status", ["ended_on", "status"])
    with read() as ctx:
        saved = ctx.session.get(Initiative, ini.id)
        assert (saved.status, saved.ended_on) == ("ended", date(2026, 10, 31))
    with write() as ctx:
        edit_initiative(ctx, ini.id, {"status": "active"})  # reopening clears the end date
    with read() as ctx:
        saved = ctx.session.get(Initiative, ini.id)
        assert (saved.status, saved.ended_on) == ("active", None)
