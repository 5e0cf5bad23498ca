"""Management dossiers (hồ sơ quản lý đối tượng): open, edit, classify and close them, and
read them back: the assessment booklet, the list of assessments due, the whole dossier.

The append-only records kept on a dossier (assessments and their corrections, commitments,
support, violations) are written by :mod:`antt_desktop.services.dossier_records`, which
shares the helpers for typed input defined here (dates as text or ``date``, text cleaning).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session, aliased

from antt_desktop.domain.dates import parse_date
from antt_desktop.domain.enums import Cadence, Classification, CloseReason, DossierStatus
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.periods import Period, PeriodKind
from antt_desktop.domain.schedule import (
    CategoryRule,
    DueState,
    DueStatus,
    assessment_status,
    due_date,
)
from antt_desktop.domain.schedule import planned_end as default_planned_end
from antt_desktop.domain.text import normalize_name
from antt_desktop.services import catalogues
from antt_desktop.services.context import Ctx, apply_changes, max_length, require
from antt_desktop.store.errors import NotFound
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

DateIn = str | date | None


def read_date(
    value: DateIn, field: str, problems: list[Problem], today: date | None = None
) -> date | None:
    """A typed date (``DD/MM/YYYY``) or a ``date`` passed through; None when blank.

    Problems go to ``problems``; with ``today`` a later date is refused as ``date.future``.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        day = value
    else:
        try:
            day = parse_date(value, field)
        except ValidationFailed as exc:
            problems.extend(exc.problems)
            return None
    if today is not None and day > today:
        problems.append(Problem(field, "date.future", {"value": day}))
    return day


def line(value: Any) -> Any:
    """One-line text: NFC, spaces folded, blank → None (other values pass through)."""
    if not isinstance(value, str):
        return value
    return normalize_name(value) or None


def para(value: str | None) -> str | None:
    """Multi-line text: NFC and trimmed, line breaks kept, blank → None."""
    if value is None:
        return None
    return unicodedata.normalize("NFC", value).strip() or None


def live_category(session: Session, code: str | None) -> DossierCategory | None:
    cat = catalogues.category(session, code) if code else None
    return None if cat is None or cat.deleted else cat


def is_current() -> ColumnElement[bool]:
    """Filter on ``Assessment``: live and not superseded by another assessment."""
    newer = aliased(Assessment)
    superseded = (
        select(newer.id)
        .where(newer.supersedes_id == Assessment.id, newer.deleted.is_(False))
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
    opened_on: DateIn = None
    legal_doc_number: str | None = None
    legal_doc_date: DateIn = None
    legal_issuer: str | None = None
    legal_summary: str | None = None
    planned_end: DateIn = None  # blank: computed from the category's usual duration
    officer_name: str | None = None
    team_id: str | None = None
    helper_name: str | None = None
    classification: str | None = None  # A-D, only for categories that classify
    risk_notes: str | None = None

    @classmethod
    def from_dossier(cls, d: Dossier) -> DossierInput:
        return cls(**{f.name: getattr(d, f.name) for f in fields(cls)})


def _clean(data: DossierInput) -> DossierInput:
    values = {f.name: line(getattr(data, f.name)) for f in fields(data)}
    values["legal_summary"] = para(data.legal_summary)
    values["risk_notes"] = para(data.risk_notes)
    if values["classification"]:
        values["classification"] = values["classification"].upper()
    if values["category_code"]:
        values["category_code"] = values["category_code"].upper()
    return DossierInput(**values)


def _check_mutable(
    ctx: Ctx,
    data: DossierInput,
    opened_on: date | None,
    cat: DossierCategory | None,
    problems: list[Problem],
) -> dict[str, Any]:
    """Check the fields that may change after opening; return their column values."""
    legal_date = read_date(data.legal_doc_date, "legal_doc_date", problems, ctx.today)
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


def open_dossier(ctx: Ctx, data: DossierInput) -> Dossier:
    """Open a dossier for a person in a category. Raises ValidationFailed, writes nothing."""
    s = ctx.session
    data = _clean(data)
    problems = require(vars(data), "person_id", "category_code", "opened_on")
    person = s.get(Person, data.person_id) if data.person_id else None
    if data.person_id and (person is None or person.deleted):
        problems.append(Problem("person_id", "dossier.person_unknown", {"value": data.person_id}))
        person = None
    cat = live_category(s, data.category_code)
    if data.category_code and cat is None:
        problems.append(
            Problem("category_code", "dossier.category_unknown", {"value": data.category_code})
        )
    opened_on = read_date(data.opened_on, "opened_on", problems, ctx.today)
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
    raise_if_errors(problems)
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
    s.add(dossier)
    s.flush()
    written = ["person_id", "category_code", "opened_on", "status", "classification", *values]
    ctx.audit("create", "dossier", dossier.id, [k for k in written if getattr(dossier, k)])
    return dossier


def edit_dossier(ctx: Ctx, dossier_id: str, changes: dict[str, Any]) -> Dossier:
    """Change the officer, team, helper, legal basis, planned end or risk notes.

    The changed record is checked again as a whole; a blank planned end goes back to the
    category's usual duration.
    """
    dossier = ctx.get(Dossier, dossier_id, "dossier")
    unknown = sorted(set(changes) - set(MUTABLE))
    if unknown:
        raise ValidationFailed([Problem(k, "dossier.not_editable", {"value": k}) for k in unknown])
    data = _clean(replace(DossierInput.from_dossier(dossier), **changes))
    problems: list[Problem] = []
    cat = live_category(ctx.session, dossier.category_code)
    values = _check_mutable(ctx, data, dossier.opened_on, cat, problems)
    raise_if_errors(problems)
    changed = apply_changes(dossier, values)
    if changed:
        ctx.session.flush()
        ctx.audit("edit", "dossier", dossier.id, changed)
    return dossier


def set_classification(
    ctx: Ctx, dossier_id: str, classification: str | None, note: str | None = None
) -> Dossier:
    """Classify a released person A/B/C/D (blank clears it); ``note`` goes to the audit log."""
    dossier = ctx.get(Dossier, dossier_id, "dossier")
    value = line(classification)
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
    raise_if_errors(problems)
    if apply_changes(dossier, {"classification": value}):
        ctx.session.flush()
        ctx.audit("classify", "dossier", dossier.id, ["classification"], para(note))
    return dossier


def close_dossier(
    ctx: Ctx, dossier_id: str, closed_on: DateIn, reason: str | None, note: str | None = None
) -> Dossier:
    """Close an open or transferred dossier (reason: a ``CloseReason`` value)."""
    dossier = ctx.get(Dossier, dossier_id, "dossier")
    reason = (line(reason) or "").lower() or None
    note = para(note)
    problems = require(
        {"closed_on": closed_on, "close_reason": reason}, "closed_on", "close_reason"
    )
    if dossier.status == DossierStatus.CLOSED.value:
        problems.append(
            Problem("dossier_id", "dossier.already_closed", {"closed_on": dossier.closed_on})
        )
    day = read_date(closed_on, "closed_on", problems, ctx.today)
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
    raise_if_errors(problems)
    apply_changes(
        dossier,
        {
            "status": DossierStatus.CLOSED.value,
            "closed_on": day,
            "close_reason": reason,
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


# --- Reading: the assessment booklet, the due list and the dossier as a whole -------------


@dataclass(frozen=True)
class TimelineEntry:
    """One period of a dossier's assessment booklet and where it stands on a day."""

    period: Period
    due_on: date
    status: DueStatus
    current: Assessment | None
    history: tuple[Assessment, ...]  # versions the current one superseded, oldest first


@dataclass(frozen=True)
class DueItem:
    """An assessment due or overdue (cần nhận xét, đánh giá) for an open dossier."""

    dossier_id: str
    person_id: str
    person_name: str
    category_code: str
    category_name: str
    period: Period
    due_on: date
    status: DueStatus  # "due" or "overdue"


@dataclass(frozen=True)
class DossierSummary:
    """Everything the print and GUI layers show about one dossier."""

    dossier: Dossier
    person: Person
    category: DossierCategory
    assessments: dict[str, Assessment]  # current ones by period label, oldest period first
    commitments: list[Commitment]
    supports: list[Support]
    violations: list[Violation]  # linked to the dossier, or the person's during its life


def _get_dossier(session: Session, dossier_id: str) -> Dossier:
    dossier = session.get(Dossier, dossier_id)
    if dossier is None or dossier.deleted:
        raise NotFound(entity="dossier", value=dossier_id)
    return dossier


def _category(session: Session, dossier: Dossier) -> DossierCategory:
    cat = catalogues.category(session, dossier.category_code)
    assert cat is not None  # a foreign key
    return cat


def _current_by_period(
    rows: list[Assessment],
) -> tuple[dict[str, Assessment], dict[str, tuple[Assessment, ...]]]:
    """Current assessments by period label, and each one's superseded versions."""
    by_id = {a.id: a for a in rows}
    replaced = {a.supersedes_id for a in rows if a.supersedes_id}
    current: dict[str, Assessment] = {}
    history: dict[str, tuple[Assessment, ...]] = {}
    for a in sorted(rows, key=lambda a: (a.period_start, a.written_on)):
        if a.id in replaced:
            continue
        current[a.period] = a
        chain: list[Assessment] = []
        prev = by_id.get(a.supersedes_id or "")
        while prev is not None and prev not in chain:
            chain.append(prev)
            prev = by_id.get(prev.supersedes_id or "")
        history[a.id] = tuple(reversed(chain))
    return current, history


def _assessments(session: Session, dossier_id: str) -> list[Assessment]:
    return list(
        session.scalars(
            select(Assessment).where(
                Assessment.dossier_id == dossier_id, Assessment.deleted.is_(False)
            )
        )
    )


def assessment_timeline(session: Session, dossier_id: str, today: date) -> list[TimelineEntry]:
    """Every period the dossier needs assessed up to ``today``, oldest first, with its state
    (done / due / overdue / upcoming), its current assessment and the superseded ones."""
    dossier = _get_dossier(session, dossier_id)
    rule = catalogues.rule_of(_category(session, dossier))
    current, history = _current_by_period(_assessments(session, dossier_id))
    done = {Period.parse(label) for label in current}
    entries = []
    for state in assessment_status(rule, dossier.opened_on, dossier.closed_on, done, today):
        a = current.pop(state.period.label(), None)
        entries.append(
            TimelineEntry(state.period, state.due_on, state.status, a, history[a.id] if a else ())
        )
    for label, a in current.items():  # assessed off the schedule (the cadence was changed)
        period = Period.parse(label)
        entries.append(TimelineEntry(period, due_date(rule, period), "done", a, history[a.id]))
    entries.sort(key=lambda e: (e.period.start, e.period.end))
    return entries


def due_assessments(session: Session, today: date, unit_id: str | None = None) -> list[DueItem]:
    """Assessments due or overdue on ``today`` for every open dossier (of one unit), by due
    date then person. Two queries whatever the number of dossiers."""
    open_now = [Dossier.status == DossierStatus.OPEN.value, Dossier.deleted.is_(False)]
    if unit_id is not None:
        open_now.append(Dossier.unit_id == unit_id)
    conn = session.connection()  # plain rows: no ORM loading for thousands of tuples
    dossiers = conn.execute(
        select(
            Dossier.id,
            Dossier.person_id,
            Dossier.opened_on,
            Person.full_name,
            Person.sort_key,
            DossierCategory.code,
            DossierCategory.name_vi,
            DossierCategory.cadence,
            DossierCategory.due_day,
        )
        .join(Person, Person.id == Dossier.person_id)
        .join(DossierCategory, DossierCategory.code == Dossier.category_code)
        .where(*open_now, DossierCategory.cadence != Cadence.NONE.value)
    ).all()
    done: dict[str, set[str]] = defaultdict(set)
    for dossier_id, label in conn.execute(
        select(Assessment.dossier_id, Assessment.period)
        .join(Dossier, Dossier.id == Assessment.dossier_id)
        .where(*open_now, is_current())
    ):
        done[dossier_id].add(label)
    # An open dossier's schedule is the tail of the schedule of the category's oldest open
    # dossier, from the period it opened in: work each category's out once, not per dossier.
    oldest: dict[str, date] = {}
    for row in dossiers:
        oldest[row.code] = min(row.opened_on, oldest.get(row.code, row.opened_on))
    plans: dict[str, tuple[PeriodKind, list[tuple[str, DueState]], dict[Period, int]]] = {}
    for row in dossiers:
        if row.code not in plans:
            rule = CategoryRule(row.code, Cadence(row.cadence), row.due_day)
            assert rule.period_kind is not None
            states = assessment_status(rule, oldest[row.code], None, frozenset(), today)
            ended = [(st.period.label(), st) for st in states if st.status != "upcoming"]
            plans[row.code] = (
                rule.period_kind,
                ended,
                {st.period: i for i, (_label, st) in enumerate(ended)},
            )
    items: list[tuple[date, str, date, DueItem]] = []
    for row in dossiers:
        kind, ended, index = plans[row.code]
        first = index.get(Period.of(kind, row.opened_on))
        assessed = done.get(row.id, set())
        for label, state in ended[first:] if first is not None else ():
            if label not in assessed:
                item = DueItem(
                    row.id,
                    row.person_id,
                    row.full_name,
                    row.code,
                    row.name_vi,
                    state.period,
                    state.due_on,
                    state.status,
                )
                items.append((state.due_on, row.sort_key, state.period.start, item))
    items.sort(key=lambda t: t[:3])
    return [t[3] for t in items]


def dossier_summary(session: Session, dossier_id: str) -> DossierSummary:
    """The dossier with its person, category, current assessments and other records."""
    dossier = _get_dossier(session, dossier_id)
    person = session.get(Person, dossier.person_id)
    assert person is not None  # a foreign key
    current, _history = _current_by_period(_assessments(session, dossier_id))
    during = Violation.occurred_on >= dossier.opened_on
    if dossier.closed_on is not None:
        during = and_(during, Violation.occurred_on <= dossier.closed_on)
    return DossierSummary(
        dossier=dossier,
        person=person,
        category=_category(session, dossier),
        assessments=current,
        commitments=list(
            session.scalars(
                select(Commitment)
                .where(Commitment.dossier_id == dossier.id, Commitment.deleted.is_(False))
                .order_by(Commitment.signed_on)
            )
        ),
        supports=list(
            session.scalars(
                select(Support)
                .where(Support.dossier_id == dossier.id, Support.deleted.is_(False))
                .order_by(Support.given_on)
            )
        ),
        violations=list(
            session.scalars(
                select(Violation)
                .where(
                    Violation.person_id == person.id,
                    Violation.deleted.is_(False),
                    or_(
                        Violation.dossier_id == dossier.id,
                        and_(Violation.dossier_id.is_(None), during),
                    ),
                )
                .order_by(Violation.occurred_on)
            )
        ),
    )
