"""Append-only records kept on a dossier: assessments (nhận xét, đánh giá), commitments
(bản cam kết), support given (giúp đỡ) and violations (vi phạm, tái phạm).

None of these rows is ever changed: an assessment is corrected by a new row that supersedes
it, and "current" assessments are those nothing supersedes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import or_, select

from antt_desktop.domain.enums import Cadence, DossierStatus, SupportKind, ViolationKind
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.periods import Period
from antt_desktop.domain.text import fold
from antt_desktop.services.context import Ctx, Permission, max_length, require
from antt_desktop.services.dossiers import is_current, live_category, within_life
from antt_desktop.services.ownership import require_owned
from antt_desktop.services.values import (
    CountValue,
    DateValue,
    clean_fields,
    clean_paragraph,
    clean_text,
    read_date,
    read_money,
    refuse_unknown_fields,
    text_input_problems,
)
from antt_desktop.store.models import (
    Assessment,
    Commitment,
    Dossier,
    DossierCategory,
    Household,
    Person,
    Support,
    Violation,
)

_EXAMPLE = {"month": "assessment.period_monthly", "quarter": "assessment.period_quarterly"}
_FLAGS = ("has_stable_work", "complied", "reported_on_time")


def _dossier(ctx: Ctx, dossier_id: str | None) -> Dossier:
    """The live dossier, or a refusal naming the ``dossier_id`` field."""
    dossier = ctx.session.get(Dossier, dossier_id) if dossier_id else None
    if dossier is None or dossier.deleted:
        raise ValidationFailed.single("dossier_id", "dossier.unknown", value=dossier_id or "")
    require_owned(ctx, dossier)
    return dossier


@dataclass
class AssessmentInput:
    """An assessment as typed: period ``2026-10`` (monthly) or ``2026-Q3`` (quarterly)."""

    dossier_id: str | None = None
    period: str | None = None
    written_on: DateValue = None
    author: str | None = None
    content: str | None = None
    rating: str | None = None
    has_stable_work: bool | None = None
    complied: bool | None = None
    reported_on_time: bool | None = None
    next_steps: str | None = None

    @classmethod
    def from_assessment(cls, a: Assessment) -> AssessmentInput:
        return cls(**{f.name: getattr(a, f.name) for f in fields(cls)})


def _check_period(
    ctx: Ctx,
    dossier: Dossier,
    cat: DossierCategory,
    text: str | None,
    replacing: Assessment | None,
    problems: list[Problem],
) -> Period | None:
    if cat.cadence == Cadence.NONE.value:
        problems.append(Problem("period", "assessment.no_cadence", {"category": cat.name_vi}))
        return None
    if not text:
        problems.append(Problem("period", "required"))
        return None
    try:
        period = Period.parse(text)
    except ValidationFailed as exc:
        problems.extend(exc.problems)
        return None
    kind = "month" if cat.cadence == Cadence.MONTHLY.value else "quarter"
    if period.kind != kind:
        problems.append(Problem("period", _EXAMPLE[kind], {"value": text}))
        return None
    label = period.label()
    if period.end < dossier.opened_on:
        problems.append(
            Problem(
                "period",
                "assessment.period_before_open",
                {"period": label, "opened_on": dossier.opened_on},
            )
        )
    elif dossier.closed_on is not None and period.start > dossier.closed_on:
        problems.append(
            Problem(
                "period",
                "assessment.period_after_close",
                {"period": label, "closed_on": dossier.closed_on},
            )
        )
    elif period.start > ctx.today:
        problems.append(Problem("period", "assessment.period_not_started", {"period": label}))
    taken = ctx.session.execute(
        select(Assessment.id).where(
            Assessment.dossier_id == dossier.id,
            Assessment.period == label,
            is_current(),
            Assessment.id != (replacing.id if replacing else ""),
        )
    ).scalar()
    if taken is not None:
        problems.append(
            Problem("period", "assessment.period_taken", {"period": label, "id": taken})
        )
    return period


def _check_assessment(
    ctx: Ctx, dossier: Dossier, data: AssessmentInput, replacing: Assessment | None = None
) -> tuple[list[Problem], dict[str, Any]]:
    """Every problem with ``data``, and the columns of the new row (empty without a period)."""
    cat = live_category(ctx.session, dossier.category_code)
    if cat is None:
        raise ValidationFailed.single(
            "dossier_id", "dossier.category_unknown", value=dossier.category_code
        )
    problems = require(vars(data), "written_on", "author", "content")
    period = _check_period(ctx, dossier, cat, data.period, replacing, problems)
    written_on = read_date(data.written_on, "written_on", problems, today=ctx.today)
    if written_on and period and written_on < period.start:
        problems.append(
            Problem(
                "written_on",
                "assessment.written_before_period",
                {"value": written_on, "period": period.label()},
            )
        )
    problems += max_length("author", data.author, 120)
    rating = data.rating
    ratings: list[str] = [str(r) for r in cat.ratings or []]
    if ratings:
        by_fold = {fold(r): r for r in ratings}
        if not rating:
            problems.append(Problem("rating", "required"))
        elif fold(rating) not in by_fold:
            problems.append(Problem("rating", "choice", {"value": rating, "allowed": ratings}))
        else:
            rating = by_fold[fold(rating)]
    problems += max_length("rating", rating, 40)
    for flag in _FLAGS:
        if getattr(data, flag) not in (None, True, False):
            problems.append(
                Problem(flag, "choice", {"value": getattr(data, flag), "allowed": [True, False]})
            )
    problems += text_input_problems(data, problems, paragraphs=_PARAGRAPHS)
    if period is None:
        return problems, {}
    return problems, {
        "dossier_id": dossier.id,
        "period": period.label(),
        "period_start": period.start,
        "written_on": written_on,
        "author": data.author,
        "content": data.content,
        "rating": rating,
        "next_steps": data.next_steps,
        **{flag: getattr(data, flag) for flag in _FLAGS},
    }


#: The multi-line fields of an assessment.
_PARAGRAPHS = ("content", "next_steps")


def _clean(data: AssessmentInput) -> AssessmentInput:
    data = clean_fields(data, paragraphs=_PARAGRAPHS)
    return replace(data, period=data.period.upper() if data.period else data.period)


def _assessing(ctx: Ctx, data: AssessmentInput) -> tuple[list[Problem], dict[str, Any]]:
    """Check a cleaned ``data``; raises ValidationFailed when there is no open dossier to
    write on (unknown, closed, or owned by another post)."""
    dossier = _dossier(ctx, data.dossier_id)
    if dossier.status != DossierStatus.OPEN.value:
        raise ValidationFailed.single("dossier_id", "assessment.dossier_not_open")
    return _check_assessment(ctx, dossier, data)


def check_assess(ctx: Ctx, data: AssessmentInput) -> list[Problem]:
    """Every problem :func:`assess` would refuse ``data`` with; reads only."""
    try:
        return _assessing(ctx, _clean(data))[0]
    except ValidationFailed as exc:
        return exc.problems


def assess(ctx: Ctx, data: AssessmentInput) -> Assessment:
    """Write the assessment of one period of an open dossier (one current per period)."""
    ctx.require(Permission.WRITE)
    problems, values = _assessing(ctx, _clean(data))
    raise_if_errors(problems)
    assessment = Assessment(**values)
    ctx.session.add(assessment)
    ctx.session.flush()
    ctx.audit(
        "create", "assessment", assessment.id, [k for k, v in values.items() if v is not None]
    )
    return assessment


def _correcting(
    ctx: Ctx, assessment_id: str, changes: dict[str, Any]
) -> tuple[list[Problem], Assessment, dict[str, Any], list[str]]:
    """The problems of a correction, the assessment it supersedes, the new row's columns and
    the columns that change; raises ValidationFailed when there is nothing to correct."""
    old = ctx.session.get(Assessment, assessment_id)
    if old is None or old.deleted:
        raise ValidationFailed.single("assessment_id", "assessment.unknown", value=assessment_id)
    newer = ctx.session.execute(
        select(Assessment.id).where(
            or_(Assessment.supersedes_id == old.id, Assessment.settles_id == old.id),
            Assessment.deleted.is_(False),
        )
    ).scalar()
    if newer is not None:
        raise ValidationFailed.single("assessment_id", "assessment.already_superseded", id=newer)
    if _forked(ctx, old):
        raise ValidationFailed.single("assessment_id", "assessment.forked", period=old.period)
    editable = [f.name for f in fields(AssessmentInput) if f.name != "dossier_id"]
    refuse_unknown_fields(changes, editable, "assessment.not_editable")
    data = _clean(replace(AssessmentInput.from_assessment(old), **changes))
    problems, values = _check_assessment(ctx, _dossier(ctx, old.dossier_id), data, replacing=old)
    changed = [k for k, v in values.items() if getattr(old, k) != v]
    if not changed and not any(p.is_error for p in problems):
        problems.append(Problem("assessment_id", "assessment.no_change"))
    return problems, old, values, changed


def _forked(ctx: Ctx, a: Assessment) -> bool:
    """Whether ``a`` is one of two corrections of the same assessment made on two nodes and
    not settled yet (the officer chooses one in the sync conflicts first)."""
    if a.supersedes_id is None:
        return False
    return (
        ctx.session.execute(
            select(Assessment.id).where(
                Assessment.supersedes_id == a.supersedes_id,
                Assessment.id != a.id,
                is_current(),
            )
        ).first()
        is not None
    )


def check_correct_assessment(
    ctx: Ctx, assessment_id: str, changes: dict[str, Any]
) -> list[Problem]:
    """Every problem :func:`correct_assessment` would refuse ``changes`` with; reads only."""
    try:
        return _correcting(ctx, assessment_id, changes)[0]
    except ValidationFailed as exc:
        return exc.problems


def correct_assessment(ctx: Ctx, assessment_id: str, changes: dict[str, Any]) -> Assessment:
    """Correct an assessment: a new row superseding it (the old one is never changed).

    ``changes`` holds ``AssessmentInput`` fields (not ``dossier_id``); the others are kept.
    Works on closed dossiers too, for periods inside the dossier's life.
    """
    ctx.require(Permission.WRITE)
    problems, old, values, changed = _correcting(ctx, assessment_id, changes)
    raise_if_errors(problems)
    assessment = Assessment(supersedes_id=old.id, **values)
    ctx.session.add(assessment)
    ctx.session.flush()
    ctx.audit("correct", "assessment", assessment.id, changed, f"supersedes {old.id}")
    return assessment


# --- Commitments, support and violations ---------------------------------------------------


@dataclass
class CommitmentInput:
    """A signed commitment of a managed person (dossier) or a household — exactly one."""

    dossier_id: str | None = None
    household_id: str | None = None
    form_code: str | None = None  # e.g. HCD-05
    signed_on: DateValue = None
    text: str | None = None
    witnesses: str | None = None


def _commitment(ctx: Ctx, data: CommitmentInput) -> tuple[list[Problem], dict[str, Any]]:
    """The problems of ``data`` and the columns of the new row; raises ValidationFailed for
    a dossier another post owns."""
    s = ctx.session
    dossier_id, household_id = clean_text(data.dossier_id), clean_text(data.household_id)
    form_code, text = clean_text(data.form_code), clean_paragraph(data.text)
    witnesses = clean_text(data.witnesses)
    problems = require({"signed_on": data.signed_on, "text": text}, "signed_on", "text")
    signed_on = read_date(data.signed_on, "signed_on", problems, today=ctx.today)
    if bool(dossier_id) == bool(household_id):
        problems.append(Problem("dossier_id", "commitment.one_subject"))
    elif dossier_id:
        dossier = s.get(Dossier, dossier_id)
        if dossier is not None and not dossier.deleted:
            require_owned(ctx, dossier)
        if dossier is None or dossier.deleted:
            problems.append(Problem("dossier_id", "dossier.unknown", {"value": dossier_id}))
        elif signed_on and dossier.closed_on and signed_on > dossier.closed_on:
            problems.append(
                Problem(
                    "signed_on",
                    "dossier.date_after_close",
                    {"value": signed_on, "closed_on": dossier.closed_on},
                )
            )
    else:
        household = s.get(Household, household_id)
        if household is None or household.deleted:
            problems.append(
                Problem("household_id", "commitment.household_unknown", {"value": household_id})
            )
    problems += max_length("form_code", form_code, 20)
    problems += max_length("witnesses", witnesses, 300)
    problems += text_input_problems(
        {"dossier_id": dossier_id, "household_id": household_id, "form_code": form_code}
        | {"text": text, "witnesses": witnesses},
        problems,
        paragraphs=("text",),
    )
    return problems, {
        "dossier_id": dossier_id,
        "household_id": household_id,
        "form_code": form_code.upper() if form_code else None,
        "signed_on": signed_on,
        "text": text,
        "witnesses": witnesses,
    }


def check_add_commitment(ctx: Ctx, data: CommitmentInput) -> list[Problem]:
    """Every problem :func:`add_commitment` would refuse ``data`` with; reads only."""
    try:
        return _commitment(ctx, data)[0]
    except ValidationFailed as exc:
        return exc.problems


def add_commitment(ctx: Ctx, data: CommitmentInput) -> Commitment:
    """Record a signed commitment (bản cam kết)."""
    ctx.require(Permission.WRITE)
    problems, values = _commitment(ctx, data)
    raise_if_errors(problems)
    commitment = Commitment(**values)
    ctx.session.add(commitment)
    ctx.session.flush()
    ctx.audit("create", "commitment", commitment.id, [k for k, v in values.items() if v])
    return commitment


@dataclass
class SupportInput:
    """Support given to a managed person; the amount in whole VND (``15.000.000`` or int)."""

    dossier_id: str | None = None
    kind: str | None = None  # a SupportKind value
    amount_vnd: CountValue = None
    provider: str | None = None
    given_on: DateValue = None
    outcome: str | None = None


def _support(ctx: Ctx, data: SupportInput) -> tuple[list[Problem], dict[str, Any]]:
    """The problems of ``data`` and the columns of the new row; raises ValidationFailed for
    an unknown dossier or one another post owns."""
    dossier = _dossier(ctx, data.dossier_id)
    kind = (clean_text(data.kind) or "").lower() or None
    provider, outcome = clean_text(data.provider), clean_paragraph(data.outcome)
    problems = require({"kind": kind, "given_on": data.given_on}, "kind", "given_on")
    allowed = [k.value for k in SupportKind]
    if kind and kind not in allowed:
        problems.append(Problem("kind", "choice", {"value": kind, "allowed": allowed}))
    amount = read_money(data.amount_vnd, "amount_vnd", problems)
    given_on = read_date(data.given_on, "given_on", problems, today=ctx.today)
    problems += within_life("given_on", given_on, dossier)
    problems += max_length("provider", provider, 200)
    problems += text_input_problems(
        {"kind": kind, "provider": provider, "outcome": outcome}, problems, paragraphs=("outcome",)
    )
    return problems, {
        "dossier_id": dossier.id,
        "kind": kind,
        "amount_vnd": amount,
        "provider": provider,
        "given_on": given_on,
        "outcome": outcome,
    }


def check_add_support(ctx: Ctx, data: SupportInput) -> list[Problem]:
    """Every problem :func:`add_support` would refuse ``data`` with; reads only."""
    try:
        return _support(ctx, data)[0]
    except ValidationFailed as exc:
        return exc.problems


def add_support(ctx: Ctx, data: SupportInput) -> Support:
    """Record support given to a managed person (việc làm, học nghề, vốn, con giống...)."""
    ctx.require(Permission.WRITE)
    problems, values = _support(ctx, data)
    raise_if_errors(problems)
    support = Support(**values)
    ctx.session.add(support)
    ctx.session.flush()
    written = [k for k, v in values.items() if v is not None]
    ctx.audit("create", "support", support.id, written)
    return support


@dataclass
class ViolationInput:
    """A violation of a person, linked to one of their dossiers when it happened under one.

    A re-offence (``is_reoffence``) by a person with an open RELEASED dossier is what the
    re-offence rate counts; ``dangerous`` marks a dangerous re-offence.
    """

    person_id: str | None = None
    dossier_id: str | None = None
    occurred_on: DateValue = None
    kind: str | None = None  # administrative / criminal
    description: str | None = None
    decision_ref: str | None = None
    is_reoffence: bool = False
    dangerous: bool = False


def _violation(ctx: Ctx, data: ViolationInput) -> tuple[list[Problem], dict[str, Any]]:
    """The problems of ``data`` and the columns of the new row; raises ValidationFailed for
    a person another post owns."""
    s = ctx.session
    kind = (clean_text(data.kind) or "").lower() or None
    description, decision_ref = clean_paragraph(data.description), clean_text(data.decision_ref)
    problems = require(
        {
            "person_id": data.person_id,
            "occurred_on": data.occurred_on,
            "kind": kind,
            "description": description,
        },
        "person_id",
        "occurred_on",
        "kind",
        "description",
    )
    person = s.get(Person, data.person_id) if data.person_id else None
    if data.person_id and (person is None or person.deleted):
        problems.append(Problem("person_id", "dossier.person_unknown", {"value": data.person_id}))
    elif person is not None:
        require_owned(ctx, person, "person_id")
    occurred_on = read_date(data.occurred_on, "occurred_on", problems, today=ctx.today)
    if data.dossier_id:
        dossier = s.get(Dossier, data.dossier_id)
        if dossier is None or dossier.deleted:
            problems.append(Problem("dossier_id", "dossier.unknown", {"value": data.dossier_id}))
        elif dossier.person_id != data.person_id:
            problems.append(Problem("dossier_id", "violation.dossier_other_person"))
        else:
            problems += within_life("occurred_on", occurred_on, dossier)
    allowed = [k.value for k in ViolationKind]
    if kind and kind not in allowed:
        problems.append(Problem("kind", "choice", {"value": kind, "allowed": allowed}))
    if data.dangerous and not data.is_reoffence:
        problems.append(Problem("dangerous", "violation.dangerous_not_reoffence"))
    problems += max_length("decision_ref", decision_ref, 120)
    problems += text_input_problems(
        {"kind": kind, "description": description, "decision_ref": decision_ref},
        problems,
        paragraphs=("description",),
    )
    return problems, {
        "person_id": data.person_id,
        "dossier_id": data.dossier_id or None,
        "occurred_on": occurred_on,
        "kind": kind,
        "description": description,
        "decision_ref": decision_ref,
        "is_reoffence": bool(data.is_reoffence),
        "dangerous": bool(data.dangerous),
    }


def check_add_violation(ctx: Ctx, data: ViolationInput) -> list[Problem]:
    """Every problem :func:`add_violation` would refuse ``data`` with; reads only."""
    try:
        return _violation(ctx, data)[0]
    except ValidationFailed as exc:
        return exc.problems


def add_violation(ctx: Ctx, data: ViolationInput) -> Violation:
    """Record a violation or re-offence (vi phạm, tái phạm)."""
    ctx.require(Permission.WRITE)
    problems, values = _violation(ctx, data)
    raise_if_errors(problems)
    violation = Violation(**values)
    ctx.session.add(violation)
    ctx.session.flush()
    written = [k for k, v in values.items() if v not in (None, False)]
    ctx.audit("create", "violation", violation.id, written)
    return violation
