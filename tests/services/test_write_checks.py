"""The check beside each write of initiatives, activities, evaluations and commendations:
what the editors ask as the officer types. A check finds exactly the problems its write
refuses with, finds none in what the write saves, and writes nothing itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.services import activities, commendations, evaluations, initiatives
from antt_desktop.services.activities import ActivityInput
from antt_desktop.services.commendations import CommendationInput, DecisionInput, RecipientInput
from antt_desktop.services.context import Ctx
from antt_desktop.services.evaluations import EvaluationInput
from antt_desktop.services.initiative_lines import AssetLine, FundingLine
from antt_desktop.services.initiatives import InitiativeInput
from antt_desktop.services.teams import add_team
from antt_desktop.services.units import add_area

SCORES = {
    "leadership": 19,
    "propaganda": 14,
    "forces": 14,
    "crime": 23,
    "management": 17,
    "results": 11,
}
DECISION = DecisionInput(
    kind="giay_khen",
    issuer="Chủ tịch UBND phường Hoàn Kiếm",
    decision_number="28/QĐ-UBND",
    decision_date="26/01/2026",
    achievement="Thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc",
)


@dataclass(frozen=True)
class Post:
    """A post with an initiative (launched 15/03/2024, an activity on 10/10/2025, scored
    once), a team already commended by decision 28/QĐ-UBND, and another team."""

    initiative: str
    evaluation: str
    team: str
    other_team: str


@pytest.fixture
def post(write: Any) -> Post:
    with write() as ctx:
        area = add_area(ctx, name="Tổ dân phố số 4", kind="to_dan_pho")
        ini = initiatives.add_initiative(
            ctx,
            InitiativeInput(
                name="Camera giám sát ANTT",
                type_code="CAMERA",
                launched_on="15/03/2024",
                area_ids=[area.id],
            ),
        ).id
        activities.record_activity(
            ctx, ActivityInput(initiative_id=ini, held_on="10/10/2025", kind="meeting")
        )
        scored = evaluations.evaluate(ctx, evaluation(ini))
        team = add_team(ctx, "self_managed", "Tổ tự quản số 4", area_ids=[area.id]).id
        other = add_team(ctx, "self_managed", "Tổ tự quản số 5", area_ids=[area.id]).id
        commendations.add_commendations_batch(
            ctx, DECISION, [RecipientInput(recipient_kind="team", recipient_id=team)]
        )
        return Post(ini, scored.id, team, other)


def evaluation(ini: str, **changes: Any) -> EvaluationInput:
    data = EvaluationInput(
        initiative_id=ini,
        evaluated_on="20/03/2026",
        rubric_code="ANCS_2021",
        scores=dict(SCORES),
        decision_number="844/QĐ-UBND",
        decision_date="01/04/2026",
        decision_issuer="UBND phường Hoàn Kiếm",
    )
    return replace(data, **changes)


@dataclass(frozen=True)
class Write:
    """A write and its check, each called with a context, the post and an input; an input
    the write refuses and one it saves."""

    check: Callable[[Ctx, Post, Any], list[Problem]]
    write: Callable[[Ctx, Post, Any], object]
    bad: Callable[[Post], Any]
    good: Callable[[Post], Any]


WRITES = {
    "record_activity": Write(
        check=lambda ctx, _p, data: activities.check_record_activity(ctx, data),
        write=lambda ctx, _p, data: activities.record_activity(ctx, data),
        bad=lambda p: ActivityInput(
            initiative_id=p.initiative,
            held_on="01/03/2024",
            kind="bonfire",
            participants="-4",
            notes="x" * 4001,
        ),
        good=lambda p: ActivityInput(
            initiative_id=p.initiative, held_on="12/10/2026", kind="meeting", guns="2"
        ),
    ),
    "add_initiative": Write(
        check=lambda ctx, _p, data: initiatives.check_add_initiative(ctx, data),
        write=lambda ctx, _p, data: initiatives.add_initiative(ctx, data),
        bad=lambda _p: InitiativeInput(
            name=" camera  giám sát antt ",
            type_code="NO_SUCH_TYPE",
            launched_on="01/01/2030",
            ended_on="01/02/2026",
            member_count="nhiều",
            funding=[FundingLine("1.500.000", "lottery", None)],
            assets=[AssetLine("Camera", "-2")],
        ),
        good=lambda _p: InitiativeInput(
            name="Tổ liên gia an toàn PCCC",
            type_code="FIRE_WATCH",
            launched_on="01/06/2025",
            member_count="1.270",
            funding=[FundingLine("15.000.000 ₫", "state_budget", None)],
            assets=[AssetLine("Bình chữa cháy", "40")],
        ),
    ),
    "edit_initiative": Write(
        check=lambda ctx, p, changes: initiatives.check_edit_initiative(ctx, p.initiative, changes),
        write=lambda ctx, p, changes: initiatives.edit_initiative(ctx, p.initiative, changes),
        bad=lambda _p: {"launched_on": "01/11/2025", "status": "ended", "ended_on": "01/09/2025"},
        good=lambda _p: {"status": "ended", "ended_on": "30/10/2026", "member_count": "12"},
    ),
    "evaluate": Write(
        check=lambda ctx, _p, data: evaluations.check_evaluate(ctx, data),
        write=lambda ctx, _p, data: evaluations.evaluate(ctx, data),
        bad=lambda p: evaluation(
            p.initiative,
            scores={**SCORES, "crime": 26, "bonus": 5},
            decision_date="01/03/2026",
        ),
        good=lambda p: evaluation(p.initiative, evaluated_on="21/11/2026", decision_date=None),
    ),
    "correct_evaluation": Write(
        check=lambda ctx, p, given: evaluations.check_correct_evaluation(
            ctx, p.evaluation, given[0], reason=given[1]
        ),
        write=lambda ctx, p, given: evaluations.correct_evaluation(
            ctx, p.evaluation, given[0], reason=given[1]
        ),
        bad=lambda p: (evaluation(p.initiative, initiative_id=None, unit_id="nowhere"), "  "),
        good=lambda p: (
            evaluation(p.initiative, scores={**SCORES, "results": 12}),
            "Cộng sai điểm tiêu chí kết quả",
        ),
    ),
    "add_commendation": Write(
        check=lambda ctx, _p, data: commendations.check_add_commendation(ctx, data),
        write=lambda ctx, _p, data: commendations.add_commendation(ctx, data),
        bad=lambda p: CommendationInput(
            kind="bang_vang",
            decision_number="28/QĐ-UBND",
            decision_date="26/01/2027",
            recipient_kind="team",
            recipient_id=p.initiative,
        ),
        good=lambda p: CommendationInput(
            kind="giay_khen",
            issuer=DECISION.issuer,
            decision_number="29/QĐ-UBND",
            decision_date="27/01/2026",
            recipient_kind="team",
            recipient_id=p.other_team,
            achievement="Giữ vững an ninh trật tự tổ dân phố",
        ),
    ),
    "add_commendations_batch": Write(
        check=lambda ctx, _p, rows: commendations.check_add_commendations_batch(
            ctx, DECISION, rows
        ),
        write=lambda ctx, _p, rows: commendations.add_commendations_batch(ctx, DECISION, rows),
        bad=lambda p: [
            RecipientInput(recipient_kind="team", recipient_id=p.other_team),
            RecipientInput(recipient_kind="team", recipient_id=p.team),  # already commended
            {"recipient_kind": "text", "recipient_id": p.team},
        ],
        good=lambda p: [
            RecipientInput(recipient_kind="team", recipient_id=p.other_team),
            {"recipient_kind": "text", "recipient_name": "Ông Nguyễn Văn Hùng"},
        ],
    ),
}


def _codes(problems: list[Problem]) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in problems]


@pytest.mark.parametrize("write_name", sorted(WRITES))
def test_a_check_finds_what_its_write_refuses_and_writes_nothing(
    write_name: str, post: Post, read: Any, write: Any, db_state: Any
) -> None:
    case = WRITES[write_name]
    data = case.bad(post)
    before = db_state()
    with read() as ctx:
        found = case.check(ctx, post, data)
    assert db_state() == before
    with pytest.raises(ValidationFailed) as refused, write() as ctx:
        case.write(ctx, post, data)
    assert found == refused.value.problems
    assert len(found) >= 2, _codes(found)  # every problem at once, not the first only
    assert db_state() == before


@pytest.mark.parametrize("write_name", sorted(WRITES))
def test_a_check_finds_nothing_in_what_its_write_saves(
    write_name: str, post: Post, read: Any, write: Any, db_state: Any
) -> None:
    case = WRITES[write_name]
    data = case.good(post)
    before = db_state()
    with read() as ctx:
        assert case.check(ctx, post, data) == []
    assert db_state() == before
    with write() as ctx:
        case.write(ctx, post, data)
    assert db_state() != before


def test_an_unknown_field_is_named_by_the_check_as_by_the_edit(
    post: Post, read: Any, write: Any
) -> None:
    changes = {"colour": "đỏ", "name": "Camera", "budget": 3}
    with read() as ctx:
        found = initiatives.check_edit_initiative(ctx, post.initiative, changes)
    with pytest.raises(ValidationFailed) as refused, write() as ctx:
        initiatives.edit_initiative(ctx, post.initiative, changes)
    assert _codes(found) == [
        ("budget", "initiative.field_unknown"),
        ("colour", "initiative.field_unknown"),
    ]
    assert found == refused.value.problems
