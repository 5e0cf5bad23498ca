"""Evaluations (chấm điểm, công nhận đạt chuẩn): scoring, refusals and corrections."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.evaluations import (
    EvaluationInput,
    correct_evaluation,
    evaluate,
    latest_evaluation,
)
from antt_desktop.services.initiatives import InitiativeInput, add_initiative
from antt_desktop.services.units import add_area
from antt_desktop.store.errors import NotFound
from antt_desktop.store.models import AuditEntry, Evaluation

#: Phường Hồng Gai, seed 003: recognised at 98/110 points.
SCORES_98 = {
    "leadership": 19,
    "propaganda": 14,
    "forces": 14,
    "crime": 23,
    "management": 17,
    "results": 11,
}


def counts(session: Session) -> tuple[int, int]:
    return tuple(
        session.execute(select(func.count()).select_from(m)).scalar_one()
        for m in (Evaluation, AuditEntry)
    )  # type: ignore[return-value]


@pytest.fixture
def ini(write: Any) -> str:
    with write() as ctx:
        data = InitiativeInput(
            name="An ninh cơ sở phường Hồng Gai",
            type_code="BASE_SECURITY",
            launched_on="01/10/2020",
        )
        return add_initiative(ctx, data).id


def hong_gai(ini: str | None, **changes: Any) -> EvaluationInput:
    data = EvaluationInput(
        initiative_id=ini,
        evaluated_on="25/03/2022",
        rubric_code="ANCS_2021",
        scores=dict(SCORES_98),
        decision_number="844/QĐ-UBND",
        decision_date="01/4/2022",
        decision_issuer="UBND tỉnh Quảng Ninh",
    )
    return replace(data, **changes)


def test_98_of_110_meets_the_standard(write: Any, read: Any, ini: str) -> None:
    with write() as ctx:
        evaluation = evaluate(ctx, hong_gai(ini))
    with read() as ctx:
        saved = ctx.session.get(Evaluation, evaluation.id)
        assert (saved.total, saved.max_total, saved.meets_standard) == (98, 110, True)
        assert saved.scores == SCORES_98
        assert (saved.decision_number, saved.decision_date) == ("844/QĐ-UBND", date(2022, 4, 1))
        assert saved.initiative_id == ini and saved.unit_id is None
        entry = (
            ctx.session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()))
            .scalars()
            .first()
        )
        assert (entry.action, entry.entity, entry.entity_id) == ("create", "evaluation", saved.id)


def test_below_the_pass_mark_does_not_meet_the_standard(write: Any, ini: str) -> None:
    scores = {**SCORES_98, "crime": 4}  # 79 points, pass mark 80
    with write() as ctx:
        evaluation = evaluate(ctx, hong_gai(ini, scores=scores))
        assert (evaluation.total, evaluation.meets_standard) == (79, False)
        scores["crime"] = 5  # exactly the pass mark
        assert evaluate(ctx, hong_gai(ini, scores=scores)).meets_standard is True


def test_a_unit_and_an_area_can_be_evaluated(write: Any) -> None:
    with write() as ctx:
        unit = ctx.local_unit()
        area = add_area(ctx, name="Tổ dân phố 3")
        by_unit = evaluate(
            ctx,
            EvaluationInput(
                unit_id=unit.id,
                evaluated_on="01/11/2026",
                rubric_code="ANCS_2021",
                scores=SCORES_98,
            ),
        )
        by_area = evaluate(
            ctx,
            EvaluationInput(
                area_id=area.id,
                evaluated_on=date(2026, 11, 2),
                rubric_code="KDC_ANTT",
                scores={"no_serious_crime": "30", "vice": "20", "teams": "15", "pledges": "20"},
            ),
        )
    assert (by_unit.unit_id, by_unit.total) == (unit.id, 98)
    assert (by_area.area_id, by_area.total, by_area.max_total) == (area.id, 85, 100)
    assert by_area.meets_standard


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"scores": {**SCORES_98, "crime": 26}}, "scores.crime", "evaluation.score_range"),
        ({"scores": {**SCORES_98, "crime": -1}}, "scores.crime", "evaluation.score_range"),
        ({"scores": {**SCORES_98, "crime": "nhiều"}}, "scores.crime", "number.invalid"),
        (
            {"scores": {k: v for k, v in SCORES_98.items() if k != "results"}},
            "scores.results",
            "evaluation.score_missing",
        ),
        ({"scores": {**SCORES_98, "bonus": 5}}, "scores.bonus", "evaluation.criterion_unknown"),
        ({"initiative_id": None}, "subject", "evaluation.one_subject"),
        ({"unit_id": "some-unit"}, "subject", "evaluation.one_subject"),
        ({"initiative_id": "missing"}, "initiative_id", "evaluation.subject_unknown"),
        ({"rubric_code": "NOPE"}, "rubric_code", "evaluation.rubric_unknown"),
        ({"rubric_code": ""}, "rubric_code", "required"),
        ({"evaluated_on": None}, "evaluated_on", "required"),
        ({"evaluated_on": "23/11/2026", "decision_date": None}, "evaluated_on", "date.future"),
        ({"evaluated_on": "01/01/2020"}, "evaluated_on", "evaluation.before_launch"),
        ({"decision_date": "24/03/2022"}, "decision_date", "evaluation.decision_before"),
        ({"decision_date": "32/03/2022"}, "decision_date", "date.invalid"),
        ({"decision_number": "8" * 61}, "decision_number", "too_long"),
    ],
)
def test_refusals_name_the_field_and_write_nothing(
    write: Any, ini: str, changes: dict[str, Any], field: str, code: str
) -> None:
    with write() as ctx:
        before = counts(ctx.session)
        with pytest.raises(ValidationFailed) as exc:
            evaluate(ctx, hong_gai(ini, **changes))
        assert [(p.field, p.code) for p in exc.value.problems] == [(field, code)]
        assert counts(ctx.session) == before


def test_score_problems_read_well_in_vietnamese(write: Any, ini: str) -> None:
    with write() as ctx, pytest.raises(ValidationFailed) as exc:
        evaluate(ctx, hong_gai(ini, scores={**SCORES_98, "crime": 30, "forces": None}))
    tr = Translator("vi")
    sentences = {p.field: describe(p, tr) for p in exc.value.problems}
    assert sentences["scores.crime"].endswith(
        'điểm tiêu chí "Phòng ngừa, đấu tranh với tội phạm, tệ nạn" phải từ 0 đến 25 (đã nhập 30)'
    )
    assert sentences["scores.forces"].endswith(
        'chưa chấm điểm tiêu chí "Xây dựng lực lượng nòng cốt, tổ tự quản"'
    )


def test_correction_supersedes_and_becomes_the_latest(write: Any, read: Any, ini: str) -> None:
    with write() as ctx:
        first = evaluate(ctx, hong_gai(ini, scores={**SCORES_98, "results": 10}))
        older = evaluate(
            ctx, hong_gai(ini, evaluated_on="01/03/2021", decision_number=None, decision_date=None)
        )
    with read() as ctx:
        current = latest_evaluation(ctx.session, ini)
        assert current is not None and current.id == first.id
    with write() as ctx:
        fixed = correct_evaluation(ctx, first.id, hong_gai(ini), reason="Cộng sai điểm tiêu chí 6")
        entry = (
            ctx.session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()))
            .scalars()
            .first()
        )
        assert (entry.action, entry.detail) == ("correct", "Cộng sai điểm tiêu chí 6")
    with read() as ctx:
        latest = latest_evaluation(ctx.session, ini)
        assert latest is not None and latest.id == fixed.id
        assert (latest.total, latest.supersedes_id) == (98, first.id)
        original = ctx.session.get(Evaluation, first.id)
        assert (original.total, original.deleted) == (97, False)  # append-only: untouched
        assert ctx.session.get(Evaluation, older.id).supersedes_id is None


def test_correction_refusals_write_nothing(write: Any, ini: str) -> None:
    with write() as ctx:
        first = evaluate(ctx, hong_gai(ini))
        area = add_area(ctx, name="Tổ dân phố 7")
        correct_evaluation(ctx, first.id, hong_gai(ini), reason="Sửa số quyết định")
    with write() as ctx:
        before = counts(ctx.session)
        with pytest.raises(ValidationFailed) as exc:
            correct_evaluation(ctx, first.id, hong_gai(ini), reason=" ")
        assert {(p.field, p.code) for p in exc.value.problems} == {
            ("id", "evaluation.already_corrected"),
            ("reason", "required"),
        }
        latest = latest_evaluation(ctx.session, ini)
        assert latest is not None
        with pytest.raises(ValidationFailed) as exc:
            correct_evaluation(
                ctx,
                latest.id,
                hong_gai(
                    None,
                    area_id=area.id,
                    rubric_code="KDC_ANTT",
                    scores={"no_serious_crime": 30, "vice": 25, "teams": 20, "pledges": 25},
                ),
                reason="Nhầm đối tượng",
            )
        assert [(p.field, p.code) for p in exc.value.problems] == [
            ("subject", "evaluation.subject_changed")
        ]
        assert counts(ctx.session) == before
    with pytest.raises(NotFound), write() as ctx:
        correct_evaluation(ctx, "missing", hong_gai(ini), reason="x")


def test_no_evaluation_yet(read: Any, ini: str) -> None:
    with read() as ctx:
        assert latest_evaluation(ctx.session, ini) is None
