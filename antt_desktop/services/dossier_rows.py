"""One dossier (hồ sơ đối tượng) as typed rows: its window (identity, the assessment booklet,
commitments, support, violations and, for the audit log's readers, its history), and what
the dialogs that write its records show.

Sensitive values follow :mod:`antt_desktop.services.disclosure` for an opened record; the
history comes from the audit log, which only roles with Permission.AUDIT read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from antt_desktop.domain.dates import PartialDate
from antt_desktop.domain.periods import Period
from antt_desktop.services import catalogues
from antt_desktop.services.assessments import assessment_timeline
from antt_desktop.services.audit_events import VIEW
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.disclosure import VIOLATION_WITHHELD, in_record
from antt_desktop.services.dossier_summary import category_of, dossier_summary, load_dossier
from antt_desktop.store.models import (
    Assessment,
    AuditEntry,
    DossierCategory,
    Person,
    User,
    Violation,
)


@dataclass(frozen=True)
class AssessmentRow:
    """One assessment (nhận xét, đánh giá) as written."""

    id: str
    period: str  # 2026-10, 2026-Q3
    written_on: date
    author: str
    content: str
    rating: str | None
    has_stable_work: bool | None
    complied: bool | None
    reported_on_time: bool | None
    next_steps: str | None


@dataclass(frozen=True)
class PeriodRow:
    """A period of the booklet: its state today, its assessment and the versions it
    superseded (oldest first)."""

    period: Period
    due_on: date
    status: str  # done, due, overdue or upcoming
    current: AssessmentRow | None
    history: tuple[AssessmentRow, ...]
    #: the id of the version in ``history`` corrected on another node and not chosen
    #: between yet (Sync, Conflicts), or None
    fork_id: str | None = None


@dataclass(frozen=True)
class CommitmentRow:
    id: str
    signed_on: date
    form_code: str | None
    text: str
    witnesses: str | None


@dataclass(frozen=True)
class SupportRow:
    id: str
    given_on: date
    kind: str
    amount_vnd: int | None
    provider: str | None
    outcome: str | None


@dataclass(frozen=True)
class ViolationRow:
    """A violation; ``withheld`` names the columns holding text this reader is not shown."""

    id: str
    occurred_on: date
    kind: str
    description: str | None
    decision_ref: str | None
    is_reoffence: bool
    dangerous: bool
    withheld: tuple[str, ...]


@dataclass(frozen=True)
class HistoryRow:
    """An audit entry about the dossier or one of its records (``at`` in local time)."""

    at: datetime
    actor: str
    action: str
    entity: str | None
    fields: tuple[str, ...]


@dataclass(frozen=True)
class DossierPage:
    """Everything the dossier's window shows. ``withheld`` names the dossier fields holding
    a value this reader is not shown; ``history`` is empty (and ``history_shown`` False)
    for a role that may not read the audit log."""

    id: str
    status: str
    opened_on: date
    planned_end: date | None
    closed_on: date | None
    close_reason: str | None
    legal_doc_number: str | None
    legal_doc_date: date | None
    legal_issuer: str | None
    legal_summary: str | None
    officer_name: str | None
    helper_name: str | None
    classification: str | None
    risk_notes: str | None
    withheld: tuple[str, ...]
    person_id: str
    full_name: str
    born: str
    id_number: str  # whole for roles that read sensitive data, masked for others
    current_address: str | None
    photo_sha256: str | None  # None: no photo, or one this reader may not see
    has_photo: bool
    category_vi: str
    category_en: str
    legal_basis: str | None
    #: the category's legal basis is still to be checked (cần kiểm tra) in the catalogue
    legal_basis_to_check: bool
    timeline: tuple[PeriodRow, ...]
    commitments: tuple[CommitmentRow, ...]
    supports: tuple[SupportRow, ...]
    violations: tuple[ViolationRow, ...]
    history_shown: bool
    history: tuple[HistoryRow, ...]
    category_code: str = ""
    uses_classification: bool = False


def _assessment(a: Assessment) -> AssessmentRow:
    return AssessmentRow(
        a.id,
        a.period,
        a.written_on,
        a.author,
        a.content,
        a.rating,
        a.has_stable_work,
        a.complied,
        a.reported_on_time,
        a.next_steps,
    )


def timeline_of(ctx: Ctx, dossier_id: str) -> tuple[PeriodRow, ...]:
    """Every period the dossier needs assessed up to today, oldest first (the booklet)."""
    ctx.require(Permission.READ)
    return tuple(
        PeriodRow(
            e.period,
            e.due_on,
            e.status,
            _assessment(e.current) if e.current else None,
            tuple(_assessment(a) for a in e.history),
            e.fork.id if e.fork else None,
        )
        for e in assessment_timeline(ctx.session, dossier_id, ctx.today)
    )


def _violation(ctx: Ctx, v: Violation) -> ViolationRow:
    shown = in_record(ctx)
    text = {n: getattr(v, n) for n in VIOLATION_WITHHELD}
    visible = {n: shown.record_value(n, value) for n, value in text.items()}
    # without the fields key the text is not even opened: the stored (sealed) value counts
    held = {n: value or getattr(v, f"{n}_sealed", None) for n, value in text.items()}
    withheld = tuple(n for n, value in held.items() if value and visible[n] is None)
    return ViolationRow(
        v.id,
        v.occurred_on,
        v.kind,
        visible["description"],
        visible["decision_ref"],
        v.is_reoffence,
        v.dangerous,
        withheld,
    )


def history_of(ctx: Ctx, entity_ids: Sequence[str]) -> tuple[HistoryRow, ...]:
    """What the audit log says was done to these records, newest first (views left out).

    Raises:
        PermissionDenied: for a role that may not read the audit log.
    """
    ctx.require(Permission.AUDIT)
    entries = ctx.session.execute(
        select(AuditEntry)
        .where(AuditEntry.entity_id.in_(list(entity_ids)), AuditEntry.action != VIEW)
        .order_by(AuditEntry.seq.desc())
    ).scalars()
    rows = []
    for e in entries:
        when = datetime.fromisoformat(e.at)
        when = (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone()
        rows.append(HistoryRow(when, e.actor, e.action, e.entity, tuple(e.fields or ())))
    return tuple(rows)


def dossier_page(ctx: Ctx, dossier_id: str) -> DossierPage:
    """The dossier's window, as this reader may see it.

    Raises:
        NotFound: if there is no such dossier (or it was deleted).
    """
    ctx.require(Permission.READ)
    s = dossier_summary(ctx.session, dossier_id)
    d, p, cat = s.dossier, s.person, s.category
    shown = in_record(ctx)
    timeline = timeline_of(ctx, dossier_id)
    ids = [d.id] + [e.current.id for e in timeline if e.current]
    ids += [a.id for e in timeline for a in e.history]
    ids += [c.id for c in s.commitments] + [r.id for r in s.supports]
    ids += [v.id for v in s.violations]
    risk_notes = shown.record_value("risk_notes", d.risk_notes)
    history_shown = ctx.may(Permission.AUDIT)
    return DossierPage(
        id=d.id,
        status=d.status,
        opened_on=d.opened_on,
        planned_end=d.planned_end,
        closed_on=d.closed_on,
        close_reason=d.close_reason,
        legal_doc_number=d.legal_doc_number,
        legal_doc_date=d.legal_doc_date,
        legal_issuer=d.legal_issuer,
        legal_summary=d.legal_summary,
        officer_name=d.officer_name,
        helper_name=d.helper_name,
        classification=d.classification,
        risk_notes=risk_notes,
        withheld=("risk_notes",) if d.risk_notes_sealed and risk_notes is None else (),
        person_id=p.id,
        full_name=p.full_name,
        born=PartialDate.from_iso(p.born).format() if p.born else "",
        id_number=shown.id_number(p.id_number) or "",
        current_address=p.current_address,
        photo_sha256=shown.value("photo_sha256", p.photo_sha256),
        has_photo=p.photo_sha256 is not None,
        category_vi=cat.name_vi,
        category_en=cat.name_en,
        legal_basis=cat.legal_basis,
        legal_basis_to_check=cat.to_check,
        timeline=timeline,
        commitments=tuple(
            CommitmentRow(c.id, c.signed_on, c.form_code, c.text, c.witnesses)
            for c in s.commitments
        ),
        supports=tuple(
            SupportRow(r.id, r.given_on, r.kind, r.amount_vnd, r.provider, r.outcome)
            for r in s.supports
        ),
        violations=tuple(_violation(ctx, v) for v in s.violations),
        history_shown=history_shown,
        history=history_of(ctx, ids) if history_shown else (),
        category_code=cat.code,
        uses_classification=bool(cat.uses_classification),
    )


# --- what the dialogs writing a dossier's records show ----------------------------------------


@dataclass(frozen=True)
class CategoryRow:
    """A dossier category (diện đối tượng) as the dialogs offer it."""

    code: str
    name_vi: str
    name_en: str
    uses_classification: bool
    ratings: tuple[str, ...]

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


@dataclass(frozen=True)
class AssessmentForm:
    """What the assessment dialog shows: whose dossier, its booklet, the category's ratings,
    and the assessment a correction replaces (None for a new one)."""

    person_name: str
    category: CategoryRow
    timeline: tuple[PeriodRow, ...]
    replacing: AssessmentRow | None


def _category(c: DossierCategory) -> CategoryRow:
    ratings = tuple(str(r) for r in c.ratings or ())
    return CategoryRow(c.code, c.name_vi, c.name_en, c.uses_classification, ratings)


def dossier_categories(ctx: Ctx) -> tuple[CategoryRow, ...]:
    """The live categories in catalogue order."""
    ctx.require(Permission.READ)
    return tuple(_category(c) for c in catalogues.categories(ctx.session))


def author_name(ctx: Ctx) -> str:
    """The full name of the account at the keyboard (its account name if none is known)."""
    name = ctx.session.execute(
        select(User.full_name).where(User.username == ctx.actor.username)
    ).scalar()
    return name or ctx.actor.username


def person_name(ctx: Ctx, person_id: str) -> str:
    """The person's full name ("" when there is no such person)."""
    ctx.require(Permission.READ)
    return (
        ctx.session.execute(select(Person.full_name).where(Person.id == person_id)).scalar() or ""
    )


def assessment_form(ctx: Ctx, dossier_id: str, replacing: str | None = None) -> AssessmentForm:
    """What the dialog writing (or correcting, ``replacing``: its id) an assessment shows."""
    ctx.require(Permission.READ)
    dossier = load_dossier(ctx.session, dossier_id)
    cat = category_of(ctx.session, dossier)
    old = ctx.session.get(Assessment, replacing) if replacing else None
    return AssessmentForm(
        person_name=person_name(ctx, dossier.person_id),
        category=_category(cat),
        timeline=timeline_of(ctx, dossier_id),
        replacing=_assessment(old) if old is not None else None,
    )
