"""Figures about managed persons: dossiers by category, released-person classes, re-offence.

A dossier's life runs from ``opened_on`` to ``closed_on`` (open-ended while open). A
transferred dossier has left the unit on an unrecorded day, so it no longer counts as open.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import DossierStatus
from antt_desktop.domain.periods import Period
from antt_desktop.domain.rates import Ratio
from antt_desktop.services.stats_model import CategoryFigures, Classification, ManagedPeople
from antt_desktop.services.stats_scope import Scope, count_if, in_order
from antt_desktop.store.models import Dossier, DossierCategory, Violation

#: The category whose persons the re-offence rate is about (người chấp hành xong án phạt tù).
RELEASED = "RELEASED"
CLASSES = ("A", "B", "C", "D")


def open_at(day_: date) -> ColumnElement[bool]:
    """Dossiers open at the end of ``day_``."""
    return and_(
        Dossier.opened_on <= day_,
        Dossier.status != DossierStatus.TRANSFERRED.value,
        or_(Dossier.closed_on.is_(None), Dossier.closed_on > day_),
    )


def alive_during(period: Period) -> ColumnElement[bool]:
    """Dossiers open at some time in ``period`` (not transferred away)."""
    return and_(
        Dossier.opened_on <= period.end,
        Dossier.status != DossierStatus.TRANSFERRED.value,
        or_(Dossier.closed_on.is_(None), Dossier.closed_on >= period.start),
    )


@dataclass(frozen=True)
class ManagedRow:
    """Dossier counts of one unit, category and close reason."""

    unit_id: str
    category: str
    reason: str | None
    open_at_end: int
    opened: int
    closed: int


def managed_rows(session: Session, scope: Scope, period: Period) -> list[ManagedRow]:
    """One grouped query over the dossiers whose life touches ``period``."""
    start, end = period.start, period.end
    closed = Dossier.closed_on.between(start, end)
    query = (
        select(
            Dossier.unit_id,
            Dossier.category_code,
            Dossier.close_reason,
            count_if(open_at(end)),
            count_if(Dossier.opened_on.between(start, end)),
            count_if(closed),
        )
        .where(
            Dossier.deleted.is_(False),
            scope.where(Dossier.unit_id),
            Dossier.opened_on <= end,
            or_(Dossier.closed_on.is_(None), Dossier.closed_on >= start),
        )
        .group_by(Dossier.unit_id, Dossier.category_code, Dossier.close_reason)
    )
    return [ManagedRow(*row) for row in session.execute(query)]


def persons_open_at_end(session: Session, scope: Scope, period: Period) -> int:
    """Distinct persons with at least one dossier open at the period's end."""
    query = select(func.count(func.distinct(Dossier.person_id))).where(
        Dossier.deleted.is_(False), scope.where(Dossier.unit_id), open_at(period.end)
    )
    return int(session.execute(query).scalar_one())


def _figures(rows: Iterable[ManagedRow]) -> CategoryFigures:
    reasons: dict[str, int] = defaultdict(int)
    open_, opened, closed = 0, 0, 0
    for r in rows:
        open_ += r.open_at_end
        opened += r.opened
        closed += r.closed
        if r.reason is not None and r.closed:
            reasons[r.reason] += r.closed
    return CategoryFigures(open_, opened, closed, dict(sorted(reasons.items())))


def build_managed(
    rows: Sequence[ManagedRow], categories: Sequence[str], persons: int
) -> ManagedPeople:
    """Figures per category (catalogue order, then any other code found) and in total."""
    by_code: dict[str, list[ManagedRow]] = defaultdict(list)
    for r in rows:
        by_code[r.category].append(r)
    return ManagedPeople(
        by_category=in_order(
            {c: _figures(r) for c, r in by_code.items()}, categories, CategoryFigures()
        ),
        total=_figures(rows),
        persons_open_at_end=persons,
    )


def classification(session: Session, scope: Scope, period: Period) -> Classification:
    """Classes of the open dossiers, at the period's end, of categories that classify."""
    query = (
        select(Dossier.classification, func.count())
        .join(DossierCategory, DossierCategory.code == Dossier.category_code)
        .where(
            DossierCategory.uses_classification.is_(True),
            Dossier.deleted.is_(False),
            scope.where(Dossier.unit_id),
            open_at(period.end),
        )
        .group_by(Dossier.classification)
    )
    counts = {cls: 0 for cls in CLASSES}
    unclassified = 0
    for cls, n in session.execute(query):
        if cls in counts:
            counts[cls] += n
        else:
            unclassified += n
    return Classification(counts, unclassified, sum(counts.values()) + unclassified)


def reoffence(session: Session, scope: Scope, period: Period) -> Ratio:
    """Released persons who re-offended in the period / released persons managed in it."""
    reoffended = exists().where(
        Violation.person_id == Dossier.person_id,
        Violation.is_reoffence.is_(True),
        Violation.deleted.is_(False),
        Violation.occurred_on.between(period.start, period.end),
    )
    query = select(
        func.count(func.distinct(Dossier.person_id)),
        func.count(func.distinct(case((reoffended, Dossier.person_id)))),
    ).where(
        Dossier.category_code == RELEASED,
        Dossier.deleted.is_(False),
        scope.where(Dossier.unit_id),
        alive_during(period),
    )
    persons, reoffenders = session.execute(query).one()
    return Ratio(int(reoffenders), int(persons))
