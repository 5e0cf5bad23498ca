"""Scored evaluations against a rubric (chấm điểm, công nhận đạt chuẩn).

An evaluation scores an initiative, a unit or a residential area on each criterion of a
rubric (e.g. 98/110 points for the "An ninh cơ sở" model) and records the recognition
decision. Evaluations are append-only: a correction is a new evaluation that supersedes the
old one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased

from antt_desktop.domain.errors import Problem, raise_if_errors
from antt_desktop.services import catalogues
from antt_desktop.services.context import Ctx, Permission, max_length, require
from antt_desktop.services.values import (
    CountValue,
    DateValue,
    clean_text,
    is_blank,
    read_date,
    read_whole,
)
from antt_desktop.store.base import Base
from antt_desktop.store.models import Area, Evaluation, Initiative, Rubric, Unit

SUBJECTS: tuple[tuple[str, type[Base]], ...] = (
    ("initiative_id", Initiative),
    ("unit_id", Unit),
    ("area_id", Area),
)


@dataclass
class EvaluationInput:
    """An evaluation as typed. Exactly one of the three subjects is given."""

    initiative_id: str | None = None
    unit_id: str | None = None
    area_id: str | None = None
    evaluated_on: DateValue = None
    rubric_code: str | None = None
    scores: Mapping[str, CountValue] = field(default_factory=dict)  # criterion code → points
    decision_number: str | None = None
    decision_date: DateValue = None
    decision_issuer: str | None = None


def _subject_problems(ctx: Ctx, data: EvaluationInput) -> list[Problem]:
    given = [(name, cls) for name, cls in SUBJECTS if getattr(data, name)]
    if len(given) != 1:
        return [Problem("subject", "evaluation.one_subject", {"count": len(given)})]
    name, cls = given[0]
    ident = getattr(data, name)
    row = ctx.session.get(cls, ident)
    if row is None or getattr(row, "deleted", False):
        return [Problem(name, "evaluation.subject_unknown", {"value": ident})]
    return []


def _score_problems(
    rubric: Rubric, scores: Mapping[str, CountValue], problems: list[Problem]
) -> dict[str, int]:
    """Points per criterion of ``rubric``; problems name the field ``scores.<criterion>``."""
    known = {str(c["code"]) for c in rubric.criteria}
    for code in sorted(set(scores) - known):
        problems.append(
            Problem(
                f"scores.{code}",
                "evaluation.criterion_unknown",
                {"value": code, "rubric": rubric.code},
            )
        )
    points: dict[str, int] = {}
    for criterion in rubric.criteria:
        code, top, name = str(criterion["code"]), int(criterion["max"]), criterion["name_vi"]
        field_name = f"scores.{code}"
        raw = scores.get(code)
        if is_blank(raw):
            problems.append(Problem(field_name, "evaluation.score_missing", {"criterion": name}))
            continue
        value = read_whole(
            raw,
            field_name,
            problems,
            negative_code="evaluation.score_range",
            criterion=name,
            max=top,
        )
        if value is None:
            continue
        if value > top:
            problems.append(
                Problem(
                    field_name,
                    "evaluation.score_range",
                    {"criterion": name, "max": top, "value": value},
                )
            )
            continue
        points[code] = value
    return points


def _checked(ctx: Ctx, data: EvaluationInput) -> tuple[list[Problem], dict[str, Any]]:
    """Every problem with ``data``, and the columns it gives with the total, the maximum and
    the result computed (read, never written)."""
    subject_problems = _subject_problems(ctx, data)
    problems = subject_problems + require(
        {"evaluated_on": data.evaluated_on, "rubric_code": data.rubric_code},
        "evaluated_on",
        "rubric_code",
    )
    evaluated_on = read_date(data.evaluated_on, "evaluated_on", problems, today=ctx.today)
    if evaluated_on is not None and data.initiative_id and not subject_problems:
        initiative = ctx.session.get(Initiative, data.initiative_id)
        if initiative is not None and evaluated_on < initiative.launched_on:
            problems.append(
                Problem(
                    "evaluated_on",
                    "evaluation.before_launch",
                    {"value": evaluated_on, "launched": initiative.launched_on},
                )
            )
    decision_date = read_date(data.decision_date, "decision_date", problems, today=ctx.today)
    if decision_date is not None and evaluated_on is not None and decision_date < evaluated_on:
        problems.append(
            Problem(
                "decision_date",
                "evaluation.decision_before",
                {"value": decision_date, "evaluated": evaluated_on},
            )
        )
    number, issuer = clean_text(data.decision_number), clean_text(data.decision_issuer)
    problems += max_length("decision_number", number, 60)
    problems += max_length("decision_issuer", issuer, 200)
    code = (data.rubric_code or "").strip()
    rubric = catalogues.rubric(ctx.session, code) if code else None
    points: dict[str, int] = {}
    if code and (rubric is None or rubric.deleted):
        problems.append(Problem("rubric_code", "evaluation.rubric_unknown", {"value": code}))
    elif rubric is not None:
        points = _score_problems(rubric, data.scores, problems)
    values: dict[str, Any] = {
        "initiative_id": data.initiative_id or None,
        "unit_id": data.unit_id or None,
        "area_id": data.area_id or None,
        "evaluated_on": evaluated_on,
        "rubric_code": code,
        "scores": points,
        "decision_number": number,
        "decision_date": decision_date,
        "decision_issuer": issuer,
    }
    if rubric is not None:
        total = sum(points.values())
        values.update(
            total=total,
            max_total=sum(int(c["max"]) for c in rubric.criteria),
            meets_standard=total >= rubric.pass_mark,
        )
    return problems, values


def _write(ctx: Ctx, values: dict[str, Any], action: str, detail: str | None = None) -> Evaluation:
    evaluation = Evaluation(**values)
    ctx.session.add(evaluation)
    ctx.session.flush()
    ctx.audit(
        action,
        "evaluation",
        evaluation.id,
        [k for k, v in values.items() if v not in (None, "", {})],
        detail,
    )
    return evaluation


def check_evaluate(ctx: Ctx, data: EvaluationInput) -> list[Problem]:
    """Every problem :func:`evaluate` would refuse ``data`` for; writes nothing. A retired
    rubric scores no new evaluation (a correction of an old one keeps it)."""
    code = (data.rubric_code or "").strip()
    return _checked(ctx, data)[0] + catalogues.retired_problems(
        ctx.session, "rubric", code, "rubric_code"
    )


def evaluate(ctx: Ctx, data: EvaluationInput) -> Evaluation:
    """Score a subject against a rubric; total, maximum and result are computed.

    Raises:
        ValidationFailed: with every problem found; nothing is written then.
    """
    ctx.require(Permission.REVIEW)
    raise_if_errors(check_evaluate(ctx, data))
    values = _checked(ctx, data)[1]
    return _write(ctx, values, "create")


def _checked_correction(
    ctx: Ctx, old: Evaluation, data: EvaluationInput, reason: str | None
) -> tuple[list[Problem], dict[str, Any], str | None]:
    """The problems of a correction of ``old``, its columns and the cleaned reason."""
    problems, values = _checked(ctx, data)
    if any(getattr(old, name) != values[name] for name, _ in SUBJECTS):
        problems.append(Problem("subject", "evaluation.subject_changed"))
    if _superseding(ctx.session, old.id) is not None:
        problems.append(Problem("id", "evaluation.already_corrected", {"value": old.id}))
    reason = clean_text(reason)
    problems += require({"reason": reason}, "reason")
    return problems, values, reason


def check_correct_evaluation(
    ctx: Ctx, evaluation_id: str, data: EvaluationInput, *, reason: str | None
) -> list[Problem]:
    """Every problem :func:`correct_evaluation` would refuse the correction for; writes
    nothing.

    Raises:
        NotFound: if there is no such evaluation.
    """
    old = ctx.get(Evaluation, evaluation_id, "evaluation")
    return _checked_correction(ctx, old, data, reason)[0]


def correct_evaluation(
    ctx: Ctx, evaluation_id: str, data: EvaluationInput, *, reason: str | None
) -> Evaluation:
    """Record a corrected evaluation that supersedes ``evaluation_id`` (same subject).

    Raises:
        NotFound: if there is no such evaluation.
        ValidationFailed: if the input breaks a rule, the subject differs, no reason is
            given or the evaluation was already corrected; nothing is written then.
    """
    ctx.require(Permission.REVIEW)
    old = ctx.get(Evaluation, evaluation_id, "evaluation")
    problems, values, reason = _checked_correction(ctx, old, data, reason)
    raise_if_errors(problems)
    return _write(ctx, {**values, "supersedes_id": old.id}, "correct", reason)


def _superseding(session: Session, evaluation_id: str) -> str | None:
    return session.execute(
        select(Evaluation.id)
        .where(Evaluation.supersedes_id == evaluation_id, Evaluation.deleted.is_(False))
        .limit(1)
    ).scalar_one_or_none()


def latest_evaluation(session: Session, initiative_id: str) -> Evaluation | None:
    """The most recent evaluation of an initiative that no correction has replaced."""
    newer = aliased(Evaluation)
    return session.execute(
        select(Evaluation)
        .where(
            Evaluation.initiative_id == initiative_id,
            Evaluation.deleted.is_(False),
            ~exists().where(newer.supersedes_id == Evaluation.id, newer.deleted.is_(False)),
        )
        .order_by(Evaluation.evaluated_on.desc(), Evaluation.hlc.desc())
        .limit(1)
    ).scalar_one_or_none()
