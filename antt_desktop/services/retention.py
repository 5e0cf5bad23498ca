"""Retention of closed dossiers (thời hạn lưu hồ sơ) and the purge proposal (đề xuất hủy).

A closed dossier is kept for its category's ``retention_years`` after the day it closed
(defaults in ``resources/catalogues/dossier_categories.json``: 5 years for the criminal
judgment categories and wanted persons, 3 for administrative measures and drug users, 2 for
minors and youth at risk). Once that day has passed the dossier is proposed for purging; it
is purged only when a chief confirms it (``services.purge``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from antt_desktop.services.context import Ctx, Permission
from antt_desktop.store.models import (
    Assessment,
    Commendation,
    Commitment,
    Dossier,
    DossierCategory,
    Household,
    Person,
    Support,
    TeamMember,
    Violation,
)


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later (28 February for a 29 February that does not exist)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class PurgeCandidate:
    """A closed dossier whose retention period has passed."""

    dossier_id: str
    person_id: str
    person_name: str
    category_code: str
    category_name: str  # Vietnamese
    category_name_en: str
    opened_on: date
    closed_on: date
    close_reason: str | None
    retention_years: int
    due_on: date  # the first day it may be purged
    person_goes: bool  # the person's record goes too (nothing else refers to them)
    kept_because: tuple[str, ...] = field(default=())  # why the person's record stays
    records: dict[str, int] = field(default_factory=dict)  # what goes with it, by table

    def to_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def person_ties(ctx: Ctx, person: Person, leaving: Iterable[str]) -> list[str]:
    """What still refers to ``person`` once the dossiers ``leaving`` are gone (codes:
    ``dossier``, ``household``, ``team``, ``commendation``, ``violation``); empty when the
    person's record may go with them."""
    s, gone = ctx.session, set(leaving)
    ties = []
    others = s.scalars(
        select(Dossier.id).where(Dossier.person_id == person.id, Dossier.deleted.is_(False))
    ).all()
    if set(others) - gone:
        ties.append("dossier")
    heads = s.scalar(
        select(Household.id).where(
            Household.head_person_id == person.id, Household.deleted.is_(False)
        )
    )
    if person.household_id or heads:
        ties.append("household")
    if s.scalar(
        select(TeamMember.id).where(
            TeamMember.person_id == person.id, TeamMember.deleted.is_(False)
        )
    ):
        ties.append("team")
    if s.scalar(
        select(Commendation.id).where(
            Commendation.recipient_kind == "person",
            Commendation.recipient_id == person.id,
            Commendation.deleted.is_(False),
        )
    ):
        ties.append("commendation")
    violations = s.scalars(
        select(Violation.dossier_id).where(
            Violation.person_id == person.id, Violation.deleted.is_(False)
        )
    ).all()
    if any(d is None or d not in gone for d in violations):
        ties.append("violation")
    return ties


def record_counts(ctx: Ctx, dossier_id: str) -> dict[str, int]:
    """How many live records of each kind a dossier holds (what its purge takes)."""
    counts = {}
    for name, cls in (
        ("assessments", Assessment),
        ("commitments", Commitment),
        ("supports", Support),
        ("violations", Violation),
    ):
        query = (
            select(func.count())
            .select_from(cls)
            .where(cls.dossier_id == dossier_id, cls.deleted.is_(False))
        )
        counts[name] = int(ctx.session.scalar(query) or 0)
    return counts


def _candidates(ctx: Ctx, query_filter: object | None = None) -> list[PurgeCandidate]:
    s = ctx.session
    query = (
        select(Dossier, Person, DossierCategory)
        .join(Person, Person.id == Dossier.person_id)
        .join(DossierCategory, DossierCategory.code == Dossier.category_code)
        .where(Dossier.deleted.is_(False), Dossier.status == "closed")
        .order_by(Dossier.closed_on, Person.sort_key)
    )
    if query_filter is not None:
        query = query.where(query_filter)  # type: ignore[arg-type]
    rows = []
    for d, p, cat in s.execute(query).tuples():
        assert d.closed_on is not None  # a closed dossier has its day (CHECK constraint)
        due = add_years(d.closed_on, cat.retention_years)
        rows.append((d, p, cat, due))
    by_person: dict[str, list[str]] = {}
    for d, p, _cat, due in rows:
        if due <= ctx.today:
            by_person.setdefault(p.id, []).append(d.id)
    out = []
    for d, p, cat, due in rows:
        is_due = due <= ctx.today
        ties = person_ties(ctx, p, by_person.get(p.id, [d.id])) if is_due else []
        out.append(
            PurgeCandidate(
                dossier_id=d.id,
                person_id=p.id,
                person_name=p.full_name,
                category_code=cat.code,
                category_name=cat.name_vi,
                category_name_en=cat.name_en,
                opened_on=d.opened_on,
                closed_on=d.closed_on or due,
                close_reason=d.close_reason,
                retention_years=cat.retention_years,
                due_on=due,
                person_goes=is_due and not ties,
                kept_because=tuple(ties),
                records=record_counts(ctx, d.id) if is_due else {},
            )
        )
    return out


def purge_due(ctx: Ctx, *, unit_id: str | None = None) -> list[PurgeCandidate]:
    """Closed dossiers whose retention period has passed by ``ctx.today``, the longest
    overdue first (đề xuất hủy hồ sơ)."""
    ctx.require(Permission.READ)
    where = Dossier.unit_id == unit_id if unit_id else None
    return [c for c in _candidates(ctx, where) if c.due_on <= ctx.today]


def candidates(ctx: Ctx, dossier_ids: Iterable[str]) -> list[PurgeCandidate]:
    """The closed dossiers among ``dossier_ids`` with their retention facts (due or not)."""
    ids = list(dict.fromkeys(dossier_ids))
    return _candidates(ctx, Dossier.id.in_(ids))
