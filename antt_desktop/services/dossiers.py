"""Management dossiers (hồ sơ quản lý đối tượng): open, edit, classify and close them.

The append-only records kept on a dossier (assessments and their corrections, commitments,
support, violations) are written by :mod:`antt_desktop.services.dossier_records`, which
shares the helpers defined here. A dossier is read back as a whole by
:mod:`antt_desktop.services.dossier_summary`, its assessment booklet and the assessments
due by :mod:`antt_desktop.services.assessments`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from antt_desktop.domain.enums import Classification, CloseReason, DossierStatus
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.schedule import planned_end as default_planned_end
from antt_desktop.services import catalogues
from antt_desktop.services.context import Ctx, Permission, apply_changes, max_length, require
from antt_desktop.services.ownership import require_owned
from antt_desktop.services.values import (
    DateValue,
    clean_fields,
    clean_paragraph,
    clean_text,
    read_date,
    refuse_unknown_fields,
    text_input_problems,
)
from antt_desktop.store.models import (
    Assessment,
    Commitment,
    Dossier,
    DossierCategory,
    Person,
    Support,
    Team,
    Violation,
)

#: Released-person classes as stored (the CHECK constraint of ``dossiers.classification``).
CLASSES = tuple(c.name for c in Classification)
#: Fields ``edit_dossier`` may change (classification and status have their own calls).
MUTABLE = (
    "legal_doc_number",
    "legal_doc_date",
    "legal_issuer",
    "legal_summary",
    "planned_end",
    "officer_name",
    "team_id",
    "helper_name",
    "risk_notes",
)


def live_category(session: Session, code: str | None) -> DossierCategory | None:
    cat = catalogues.category(session, code) if code else None
    return None if cat is None or cat.deleted else cat


def is_current() -> ColumnElement[bool]:
    """Filter on ``Assessment``: live and not superseded by another assessment (nor set
    aside by the correction that settled two parallel ones)."""
    newer = aliased(Assessment)
    superseded = (
        select(newer.id)
        .where(
            or_(newer.supersedes_id == Assessment.id, newer.settles_id == Assessment.id),
            newer.deleted.is_(False),
        )
        .exists()
    )
    return and_(Assessment.deleted.is_(False), ~superseded)


def within_life(field: str, day: date | None, dossier: Dossier) -> list[Problem]:
    """Problems if ``day`` falls before the dossier opened or after it closed."""
    if day is None:
        return []
    if day < dossier.opened_on:
        return [
            Problem(
                field, "dossier.date_before_open", {"value": day, "opened_on": dossier.opened_on}
            )
        ]
    if dossier.closed_on is not None and day > dossier.closed_on:
        return [
            Problem(
                field, "dossier.date_after_close", {"value": day, "closed_on": dossier.closed_on}
            )
        ]
    return []


@dataclass
class DossierInput:
    """A dossier as typed by an officer (dates ``DD/MM/YYYY`` or ``date`` objects)."""

    person_id: str | None = None
    category_code: str | None = None
    opened_on: DateValue = None
    legal_doc_number: str | None = None
    legal_doc_date: DateValue = None
    legal_issuer: str | None = None
    legal_summary: str | None = None
    planned_end: DateValue = None  # blank: computed from the category's usual duration
    officer_name: str | None = None
    team_id: str | None = None
    helper_name: str | None = None
    classification: str | None = None  # A-D, only for categories that classify
    risk_notes: str | None = None

    @classmethod
    def from_dossier(cls, d: Dossier) -> DossierInput:
        return cls(**{f.name: getattr(d, f.name) for f in fields(cls)})


#: The multi-line fields of a dossier.
PARAGRAPHS = ("legal_summary", "risk_notes")


def _clean(data: DossierInput) -> DossierInput:
    data = clean_fields(data, paragraphs=PARAGRAPHS)
    return replace(
        data,
        classification=data.classification.upper() if data.classification else data.classification,
        category_code=data.category_code.upper() if data.category_code else data.category_code,
    )


def _check_mutable(
    ctx: Ctx,
    data: DossierInput,
    opened_on: date | None,
    cat: DossierCategory | None,
    problems: list[Problem],
) -> dict[str, Any]:
    """Check the fields that may change after opening; return their column values."""
    legal_date = read_date(data.legal_doc_date, "legal_doc_date", problems, today=ctx.today)
    if legal_date and opened_on and legal_date > opened_on:
        problems.append(
            Problem(
                "legal_doc_date",
                "dossier.legal_after_open",
                {"value": legal_date, "opened_on": opened_on},
            )
        )
    end = read_date(data.planned_end, "planned_end", problems)
    if end is None and data.planned_end in (None, "") and cat is not None and opened_on:
        end = default_planned_end(opened_on, cat.default_months)
    if end and opened_on and end < opened_on:
        problems.append(
            Problem(
                "planned_end", "dossier.end_before_open", {"value": end, "opened_on": opened_on}
            )
        )
    if data.team_id:
        team = ctx.session.get(Team, data.team_id)
        if team is None or team.deleted:
            problems.append(Problem("team_id", "dossier.team_unknown", {"value": data.team_id}))
    problems += max_length("legal_doc_number", data.legal_doc_number, 60)
    problems += max_length("legal_issuer", data.legal_issuer, 200)
    problems += max_length("officer_name", data.officer_name, 120)
    problems += max_length("helper_name", data.helper_name, 200)
    problems += text_input_problems(data, problems, paragraphs=PARAGRAPHS)
    values = {name: getattr(data, name) for name in MUTABLE}
    values.update(legal_doc_date=legal_date, planned_end=end)
    return values


def _check_class(value: str | None, cat: DossierCategory) -> list[Problem]:
    if value is None:
        return []
    if not cat.uses_classification:
        return [
            Problem("classification", "dossier.classification_not_used", {"category": cat.name_vi})
        ]
    if value not in CLASSES:
        return [Problem("classification", "choice", {"value": value, "allowed": list(CLASSES)})]
    return []


@dataclass
class _Opening:
    """What opening a dossier found: its problems, and the rows and values it would write."""

    problems: list[Problem]
    person: Person | None
    cat: DossierCategory | None
    opened_on: date | None
    values: dict[str, Any]


def _opening(ctx: Ctx, data: DossierInput) -> _Opening:
    """Check a cleaned ``data``; raises ValidationFailed only for a person another post owns."""
    s = ctx.session
    problems = require(vars(data), "person_id", "category_code", "opened_on")
    person = s.get(Person, data.person_id) if data.person_id else None
    if data.person_id and (person is None or person.deleted):
        problems.append(Problem("person_id", "dossier.person_unknown", {"value": data.person_id}))
        person = None
    if person is not None:
        require_owned(ctx, person, "person_id")
    cat = live_category(s, data.category_code)
    if data.category_code and cat is None:
        problems.append(
            Problem("category_code", "dossier.category_unknown", {"value": data.category_code})
        )
    if cat is not None:  # a retired category is kept for old dossiers, not opened anew
        problems += catalogues.retired_problems(s, "dossier_category", cat.code, "category_code")
    opened_on = read_date(data.opened_on, "opened_on", problems, today=ctx.today)
    values = _check_mutable(ctx, data, opened_on, cat, problems)
    if cat is not None:
        problems += _check_class(data.classification, cat)
    if person is not None and cat is not None:
        existing = s.execute(
            select(Dossier.id, Dossier.opened_on).where(
                Dossier.person_id == person.id,
                Dossier.category_code == cat.code,
                Dossier.status == DossierStatus.OPEN.value,
                Dossier.deleted.is_(False),
            )
        ).first()
        if existing is not None:
            problems.append(
                Problem(
                    "category_code",
                    "dossier.already_open",
                    {"category": cat.name_vi, "opened_on": existing.opened_on, "id": existing.id},
                )
            )
    return _Opening(problems, person, cat, opened_on, values)


def check_open_dossier(ctx: Ctx, data: DossierInput) -> list[Problem]:
    """Every problem :func:`open_dossier` would refuse ``data`` with; reads only, so the
    window checks the input as the officer types."""
    try:
        return _opening(ctx, _clean(data)).problems
    except ValidationFailed as exc:
        return exc.problems


def open_dossier(ctx: Ctx, data: DossierInput) -> Dossier:
    """Open a dossier for a person in a category. Raises ValidationFailed, writes nothing."""
    ctx.require(Permission.WRITE)
    data = _clean(data)
    opening = _opening(ctx, data)
    raise_if_errors(opening.problems)
    person, cat, opened_on, values = opening.person, opening.cat, opening.opened_on, opening.values
    assert person is not None and cat is not None and opened_on is not None
    dossier = Dossier(
        unit_id=person.unit_id,
        person_id=person.id,
        category_code=cat.code,
        opened_on=opened_on,
        status=DossierStatus.OPEN.value,
        classification=data.classification,
        **values,
    )
    ctx.session.add(dossier)
    ctx.session.flush()
    written = ["person_id", "category_code", "opened_on", "status", "classification", *values]
    ctx.audit("create", "dossier", dossier.id, [k for k in written if getattr(dossier, k)])
    return dossier


#: Fields of the opening a correction may change while no assessment is written yet: the
#: booklet's periods follow from them.
CORRECTABLE = ("category_code", "opened_on")


@dataclass
class _Editing:
    """What an edit found: its problems, the dossier, and the column values it would write."""

    problems: list[Problem]
    dossier: Dossier
    values: dict[str, Any]


def _first_record(ctx: Ctx, dossier: Dossier) -> date | None:
    """The earliest day of a commitment, support or violation kept on ``dossier``."""
    days = [
        ctx.session.execute(
            select(func.min(column)).where(model.dossier_id == dossier.id, model.deleted.is_(False))
        ).scalar()
        for model, column in (
            (Commitment, Commitment.signed_on),
            (Support, Support.given_on),
            (Violation, Violation.occurred_on),
        )
    ]
    found = [d for d in days if d is not None]
    return min(found) if found else None


def _correct_opening(
    ctx: Ctx, dossier: Dossier, data: DossierInput, problems: list[Problem]
) -> tuple[DossierCategory | None, date | None, dict[str, Any]]:
    """Check a changed category or opening date; returns the category, the opening date
    and the values to write (only those that change)."""
    s = ctx.session
    cat = live_category(s, dossier.category_code)
    opened_on: date | None = dossier.opened_on
    values: dict[str, Any] = {}
    moved = data.category_code != dossier.category_code
    opened = read_date(data.opened_on, "opened_on", problems, today=ctx.today)
    if opened is None and data.opened_on in (None, ""):
        problems.append(Problem("opened_on", "required"))
    moved_date = opened is not None and opened != dossier.opened_on
    if not (moved or moved_date):
        return cat, opened_on, values
    written = s.execute(
        select(func.count())
        .select_from(Assessment)
        .where(Assessment.dossier_id == dossier.id, Assessment.deleted.is_(False))
    ).scalar_one()
    if written:
        field = "category_code" if moved else "opened_on"
        problems.append(Problem(field, "dossier.has_assessments", {"count": written}))
        return cat, opened_on, values
    if moved:
        cat = live_category(s, data.category_code)
        if not data.category_code:
            problems.append(Problem("category_code", "required"))
        elif cat is None:
            problems.append(
                Problem("category_code", "dossier.category_unknown", {"value": data.category_code})
            )
        else:
            if dossier.classification and not cat.uses_classification:
                problems.append(
                    Problem(
                        "category_code",
                        "dossier.classification_not_used",
                        {"category": cat.name_vi},
                    )
                )
            twin = s.execute(
                select(Dossier.id, Dossier.opened_on).where(
                    Dossier.person_id == dossier.person_id,
                    Dossier.category_code == cat.code,
                    Dossier.status == DossierStatus.OPEN.value,
                    Dossier.deleted.is_(False),
                    Dossier.id != dossier.id,
                )
            ).first()
            if twin is not None:
                problems.append(
                    Problem(
                        "category_code",
                        "dossier.already_open",
                        {"category": cat.name_vi, "opened_on": twin.opened_on, "id": twin.id},
                    )
                )
            values["category_code"] = cat.code
    if moved_date and opened is not None:
        first = _first_record(ctx, dossier)
        if first is not None and opened > first:
            problems.append(
                Problem("opened_on", "dossier.open_after_record", {"value": opened, "first": first})
            )
        if dossier.closed_on is not None and opened > dossier.closed_on:
            problems.append(
                Problem(
                    "opened_on",
                    "dossier.date_after_close",
                    {"value": opened, "closed_on": dossier.closed_on},
                )
            )
        opened_on = opened
        values["opened_on"] = opened
    return cat, opened_on, values


def _editing(ctx: Ctx, dossier_id: str, changes: dict[str, Any]) -> _Editing:
    """Check an edit; raises NotFound, or ValidationFailed for a field that cannot change or
    a dossier another post owns."""
    dossier = ctx.get(Dossier, dossier_id, "dossier")
    require_owned(ctx, dossier)
    refuse_unknown_fields(changes, (*MUTABLE, *CORRECTABLE), "dossier.not_editable")
    data = _clean(replace(DossierInput.from_dossier(dossier), **changes))
    problems: list[Problem] = []
    cat, opened_on, corrected = _correct_opening(ctx, dossier, data, problems)
    if "planned_end" not in changes and corrected and dossier.planned_end is not None:
        # the usual duration counts from the new opening in the new category
        data = replace(data, planned_end=None)
    values = _check_mutable(ctx, data, opened_on, cat, problems)
    return _Editing(problems, dossier, {**corrected, **values})


def check_edit_dossier(ctx: Ctx, dossier_id: str, changes: dict[str, Any]) -> list[Problem]:
    """Every problem :func:`edit_dossier` would refuse ``changes`` with; reads only, so the
    window checks the editor as the officer types."""
    try:
        return _editing(ctx, dossier_id, changes).problems
    except ValidationFailed as exc:
        return exc.problems


def edit_dossier(ctx: Ctx, dossier_id: str, changes: dict[str, Any]) -> Dossier:
    """Change the officer, team, helper, legal basis, planned end or risk notes — and, while
    no assessment is written on it, the category and the opening date (a typing mistake).

    The changed record is checked again as a whole; a blank planned end goes back to the
    category's usual duration.
    """
    ctx.require(Permission.WRITE)
    editing = _editing(ctx, dossier_id, changes)
    raise_if_errors(editing.problems)
    dossier = editing.dossier
    changed = apply_changes(dossier, editing.values)
    if changed:
        ctx.session.flush()
        ctx.audit("edit", "dossier", dossier.id, changed)
    return dossier


def _classifying(
    ctx: Ctx, dossier_id: str, classification: str | None
) -> tuple[list[Problem], Dossier, str | None]:
    """Check a classification; raises NotFound, or ValidationFailed for a dossier another
    post owns."""
    dossier = ctx.get(Dossier, dossier_id, "dossier")
    require_owned(ctx, dossier)
    value = clean_text(classification)
    value = value.upper() if value else None
    cat = live_category(ctx.session, dossier.category_code)
    problems: list[Problem] = []
    if dossier.status == DossierStatus.CLOSED.value:
        problems.append(
            Problem("classification", "dossier.closed", {"closed_on": dossier.closed_on})
        )
    elif cat is None or not cat.uses_classification:
        problems.append(
            Problem(
                "classification",
                "dossier.classification_not_used",
                {"category": cat.name_vi if cat else dossier.category_code},
            )
        )
    else:
        problems += _check_class(value, cat)
    return problems, dossier, value


def check_set_classification(
    ctx: Ctx, dossier_id: str, classification: str | None, note: str | None = None
) -> list[Problem]:
    """Every problem :func:`set_classification` would refuse; reads only."""
    try:
        problems = _classifying(ctx, dossier_id, classification)[0]
    except ValidationFailed as exc:
        return exc.problems
    return problems + max_length("classification_note", clean_paragraph(note), 2000, multiline=True)


def set_classification(
    ctx: Ctx, dossier_id: str, classification: str | None, note: str | None = None
) -> Dossier:
    """Classify a released person A/B/C/D (blank clears it); ``note`` goes to the audit log."""
    ctx.require(Permission.WRITE)
    problems = check_set_classification(ctx, dossier_id, classification, note)
    raise_if_errors(problems)
    _problems, dossier, value = _classifying(ctx, dossier_id, classification)
    if apply_changes(dossier, {"classification": value}):
        ctx.session.flush()
        ctx.audit("classify", "dossier", dossier.id, ["classification"], clean_paragraph(note))
    return dossier


@dataclass
class _Closing:
    """What closing a dossier found: its problems and the values it would write."""

    problems: list[Problem]
    dossier: Dossier
    closed_on: date | None
    reason: str | None
    note: str | None


def _closing(
    ctx: Ctx, dossier_id: str, closed_on: DateValue, reason: str | None, note: str | None
) -> _Closing:
    """Check a close; raises NotFound, or ValidationFailed for a dossier another post owns."""
    dossier = ctx.get(Dossier, dossier_id, "dossier")
    require_owned(ctx, dossier)
    reason = (clean_text(reason) or "").lower() or None
    note = clean_paragraph(note)
    problems = require(
        {"closed_on": closed_on, "close_reason": reason}, "closed_on", "close_reason"
    )
    if dossier.status == DossierStatus.CLOSED.value:
        problems.append(
            Problem("dossier_id", "dossier.already_closed", {"closed_on": dossier.closed_on})
        )
    day = read_date(closed_on, "closed_on", problems, today=ctx.today)
    if day is not None and day < dossier.opened_on:
        problems.append(
            Problem(
                "closed_on",
                "dossier.close_before_open",
                {"value": day, "opened_on": dossier.opened_on},
            )
        )
    elif day is not None:
        last = ctx.session.execute(
            select(Assessment.period)
            .where(
                Assessment.dossier_id == dossier.id,
                is_current(),
                Assessment.period_start > day,
            )
            .order_by(Assessment.period_start.desc())
            .limit(1)
        ).scalar_one_or_none()
        if last is not None:
            problems.append(
                Problem(
                    "closed_on", "dossier.close_before_assessment", {"value": day, "period": last}
                )
            )
    allowed = [r.value for r in CloseReason]
    if reason and reason not in allowed:
        problems.append(Problem("close_reason", "choice", {"value": reason, "allowed": allowed}))
    if reason == CloseReason.OTHER.value and not note:
        problems.append(Problem("close_note", "required"))
    problems += text_input_problems({"close_note": note}, paragraphs=("close_note",))
    return _Closing(problems, dossier, day, reason, note)


def check_close_dossier(
    ctx: Ctx, dossier_id: str, closed_on: DateValue, reason: str | None, note: str | None = None
) -> list[Problem]:
    """Every problem :func:`close_dossier` would refuse the close with; reads only."""
    try:
        return _closing(ctx, dossier_id, closed_on, reason, note).problems
    except ValidationFailed as exc:
        return exc.problems


def close_dossier(
    ctx: Ctx, dossier_id: str, closed_on: DateValue, reason: str | None, note: str | None = None
) -> Dossier:
    """Close an open or transferred dossier (reason: a ``CloseReason`` value)."""
    ctx.require(Permission.CLOSE_DOSSIER)
    closing = _closing(ctx, dossier_id, closed_on, reason, note)
    raise_if_errors(closing.problems)
    dossier, note = closing.dossier, closing.note
    apply_changes(
        dossier,
        {
            "status": DossierStatus.CLOSED.value,
            "closed_on": closing.closed_on,
            "close_reason": closing.reason,
            "close_note": note,
        },
    )
    ctx.session.flush()
    ctx.audit(
        "close",
        "dossier",
        dossier.id,
        ["status", "closed_on", "close_reason"] + (["close_note"] if note else []),
    )
    return dossier
