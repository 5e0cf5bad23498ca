"""Initiatives as the window and the command line read them: the list in Vietnamese order,
one initiative's page, its activities and evaluations, the rubrics, and the refusal."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services import initiative_rows as rows
from antt_desktop.services.activities import ActivityInput, record_activity
from antt_desktop.services.context import Actor
from antt_desktop.services.evaluations import EvaluationInput, evaluate
from antt_desktop.services.initiative_lines import AssetLine, FundingLine
from antt_desktop.services.initiatives import InitiativeInput, add_initiative
from antt_desktop.services.units import add_area, add_unit
from antt_desktop.store.errors import NotFound
from tests.conftest import CHIEF

#: An account whose role grants nothing (a role this version does not know).
NOBODY = Actor("khach", "guest")
#: 70 of 110 points: below the pass mark of 80.
SCORES = {
    "leadership": 15,
    "propaganda": 10,
    "forces": 10,
    "crime": 15,
    "management": 12,
    "results": 8,
}


@pytest.fixture
def post(write: Any) -> dict[str, str]:
    """Three initiatives of this post (activities this year and last) and one elsewhere."""
    with write(CHIEF) as ctx:
        area_10 = add_area(ctx, name="Tổ dân phố số 10").id
        area_2 = add_area(ctx, name="Tổ dân phố số 2").id
        other = add_unit(ctx, code="05485", name="Công an xã Yên Trạch").id
    with write() as ctx:
        camera = add_initiative(
            ctx,
            InitiativeInput(
                name="Camera giám sát ANTT",
                type_code="CAMERA",
                launched_on="15/03/2021",
                decision_number="12/QĐ-UBND",
                decision_date="10/03/2021",
                area_ids=[area_10, area_2],
                funding=[
                    FundingLine(1_500_000_000, "community", "Nhân dân đóng góp"),
                    FundingLine(200_000_000, "state_budget"),
                    FundingLine(50_000_000, "community"),
                ],
                assets=[AssetLine("Camera giám sát", 372)],
            ),
        ).id
        team = add_initiative(
            ctx,
            InitiativeInput(name="Đội tự quản", type_code="SELF_MANAGED", launched_on="01/01/2024"),
        ).id
        far = add_initiative(
            ctx,
            InitiativeInput(name="Camera Yên Trạch", type_code="CAMERA", launched_on="01/01/2024"),
            unit_id=other,
        ).id
        for day, tips in (("10/01/2026", 3), ("12/02/2026", 2), ("05/05/2025", 1)):
            record_activity(ctx, ActivityInput(camera, day, "tip", tips_of_value=tips))
        record_activity(ctx, ActivityInput(team, "01/03/2026", "patrol", participants=8))
        for day, scores in (
            ("20/10/2025", SCORES),
            ("20/10/2026", {**SCORES, "crime": 25, "management": 17, "results": 15}),
        ):
            evaluate(
                ctx,
                EvaluationInput(
                    initiative_id=camera, evaluated_on=day, rubric_code="ANCS_2021", scores=scores
                ),
            )
        unit = ctx.local_unit().id
    return {"camera": camera, "team": team, "far": far, "unit": unit}


def test_the_list_filters_searches_and_orders_the_vietnamese_way(read: Any, post: Any) -> None:
    with read() as ctx:
        everything = rows.initiative_ids(ctx)
        here = rows.initiative_ids(ctx, unit_id=post["unit"])
        searched = rows.initiative_ids(ctx, search="giam SAT")
        busiest = rows.initiative_ids(
            ctx, unit_id=post["unit"], order="activities", descending=True
        )
        cameras = rows.initiative_ids(ctx, type_code="CAMERA", status="active")
        page = rows.initiative_rows(ctx, [post["team"], post["camera"]])
    # "Đ" comes after "D" and every "C" in the Vietnamese alphabet
    assert everything == (post["camera"], post["far"], post["team"])
    assert here == (post["camera"], post["team"])
    assert searched == (post["camera"],)
    assert busiest == (post["camera"], post["team"])  # 2 activities this year against 1
    assert set(cameras) == {post["camera"], post["far"]}
    assert [r.id for r in page] == [post["team"], post["camera"]]  # the order asked for
    camera = page[1]
    assert (camera.name, camera.type_code, camera.status) == (
        "Camera giám sát ANTT",
        "CAMERA",
        "active",
    )
    assert camera.launched_on == date(2021, 3, 15) and camera.ended_on is None
    assert camera.areas == ("Tổ dân phố số 2", "Tổ dân phố số 10")
    assert camera.activities == 2  # those of 2026 only


def test_the_page_shows_funding_by_source_assets_totals_and_latest_evaluation(
    read: Any, post: Any
) -> None:
    with read() as ctx:
        page = rows.initiative_page(ctx, post["camera"])
    assert page.type_name == "Camera giám sát an ninh trật tự"
    assert (page.decision_number, page.decision_date) == ("12/QĐ-UBND", date(2021, 3, 10))
    assert [a.name for a in page.areas] == ["Tổ dân phố số 10", "Tổ dân phố số 2"]
    assert page.funding_by_source == (("community", 1_550_000_000), ("state_budget", 200_000_000))
    assert page.funding_total == 1_750_000_000
    assert page.funding[0] == rows.FundingRow(1_500_000_000, "community", "Nhân dân đóng góp")
    assert [(a.kind, a.count) for a in page.assets] == [("Camera giám sát", 372)]
    assert page.activities.sessions_by_kind == {"tip": 3}
    assert page.activities.tips_of_value == 6
    latest = page.latest_evaluation
    assert latest is not None
    assert (latest.evaluated_on, latest.total, latest.max_total) == (date(2026, 10, 20), 92, 110)
    assert latest.meets_standard
    assert (
        latest.rubric_name(english=True) == "Grassroots security initiative criteria (110 points)"
    )


def test_activities_and_evaluations_come_latest_first(read: Any, post: Any) -> None:
    with read() as ctx:
        activities = rows.activities_of(ctx, post["camera"])
        evaluations = rows.evaluations_of(ctx, post["camera"])
        one = rows.activity(ctx, activities[0].id)
    assert [(a.held_on, a.tips_of_value) for a in activities] == [
        (date(2026, 2, 12), 2),
        (date(2026, 1, 10), 3),
        (date(2025, 5, 5), 1),
    ]
    assert one == activities[0]
    assert [(e.evaluated_on, e.total) for e in evaluations] == [
        (date(2026, 10, 20), 92),
        (date(2025, 10, 20), 70),
    ]
    assert not evaluations[1].meets_standard  # 70 of 110, the pass mark is 80
    assert dict(evaluations[0].scores)["management"] == 17
    assert evaluations[0].rubric_name(english=False).startswith("Tiêu chí mô hình An ninh cơ sở")


def test_rubrics_give_their_criteria_and_refuse_an_unknown_code(read: Any) -> None:
    with read() as ctx:
        every = rows.rubrics(ctx)
        (ancs,) = rows.rubrics(ctx, "ANCS_2021")
        with pytest.raises(ValidationFailed) as refused:
            rows.rubrics(ctx, "NO_SUCH")
    assert [r.code for r in every] == ["ANCS_2021", "KDC_ANTT"]
    assert (ancs.pass_mark, ancs.max_total) == (80, 110)
    assert ancs.criteria[0].name(english=True) == "Leadership by party and government"
    assert ancs.criteria[0].name(english=False) == "Lãnh đạo, chỉ đạo của cấp ủy, chính quyền"
    assert [(p.field, p.code) for p in refused.value.problems] == [
        ("rubric_code", "evaluation.rubric_unknown")
    ]


def test_the_editor_starts_from_the_stored_initiative(read: Any, post: Any) -> None:
    with read() as ctx:
        form = rows.initiative_form(ctx, post["far"])
        name = rows.initiative_name(ctx, post["camera"])
    assert form.values.name == "Camera Yên Trạch"
    assert form.values.launched_on == date(2024, 1, 1)
    assert form.unit_id != post["unit"]  # the neighbouring post's
    assert name == "Camera giám sát ANTT"


def test_a_missing_initiative_is_not_found(read: Any) -> None:
    with read() as ctx:
        for call in (rows.initiative_page, rows.initiative_name, rows.initiative_form):
            with pytest.raises(NotFound):
                call(ctx, "no-such-id")


def test_a_role_without_read_is_refused_everything(read: Any, post: Any) -> None:
    ident = post["camera"]
    with read(NOBODY) as ctx:
        for call in (
            lambda: rows.initiative_ids(ctx),
            lambda: rows.initiative_rows(ctx, [ident]),
            lambda: rows.initiative_page(ctx, ident),
            lambda: rows.activities_of(ctx, ident),
            lambda: rows.evaluations_of(ctx, ident),
            lambda: rows.rubrics(ctx),
            lambda: rows.initiative_form(ctx, ident),
        ):
            with pytest.raises(PermissionDenied):
                call()
