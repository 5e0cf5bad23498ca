"""Figures about initiatives (mô hình): which are active, what they hold, what they did.

An initiative is active at a day if it was launched by then, is not paused, and has not
ended by then (``ended_on`` after the day, or status active with no end date).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from antt_desktop.domain.enums import ActivityKind, FundingSource, InitiativeStatus
from antt_desktop.domain.periods import Period
from antt_desktop.domain.rates import Ratio
from antt_desktop.services.stats_model import Activities, Evaluations, Initiatives, KindTotals
from antt_desktop.services.stats_scope import Scope, count_if, in_order, sum_if
from antt_desktop.store.models import (
    Activity,
    Area,
    Evaluation,
    Initiative,
    InitiativeAsset,
    InitiativeFunding,
)

#: Weapons, explosives and tools collected, as the activity columns name them.
ITEMS = (
    "guns",
    "rudimentary_weapons",
    "explosives",
    "bullets",
    "grenades",
    "fireworks",
    "support_tools",
)


def active_at(day: date) -> ColumnElement[bool]:
    """Initiatives active at the end of ``day``."""
    return and_(
        Initiative.launched_on <= day,
        Initiative.status != InitiativeStatus.PAUSED.value,
        or_(
            and_(Initiative.ended_on.is_(None), Initiative.status == InitiativeStatus.ACTIVE.value),
            Initiative.ended_on > day,
        ),
    )


def _live(scope: Scope) -> ColumnElement[bool]:
    return and_(Initiative.deleted.is_(False), scope.where(Initiative.unit_id))


@dataclass(frozen=True)
class InitiativeRow:
    unit_id: str
    type_code: str
    active: int
    new: int
    members: int


def initiative_rows(session: Session, scope: Scope, period: Period) -> list[InitiativeRow]:
    """Active and new initiatives per unit and type: one grouped query."""
    active = active_at(period.end)
    query = (
        select(
            Initiative.unit_id,
            Initiative.type_code,
            count_if(active),
            count_if(Initiative.launched_on.between(period.start, period.end)),
            sum_if(active, func.coalesce(Initiative.member_count, 0)),
        )
        .where(_live(scope))
        .group_by(Initiative.unit_id, Initiative.type_code)
    )
    return [InitiativeRow(*row) for row in session.execute(query)]


def build_initiatives(
    session: Session,
    scope: Scope,
    period: Period,
    rows: Sequence[InitiativeRow],
    types: Iterable[str],
) -> Initiatives:
    """Totals by type, plus the funding and assets of the initiatives active at the end."""
    active: dict[str, int] = defaultdict(int)
    new: dict[str, int] = defaultdict(int)
    for r in rows:
        active[r.type_code] += r.active
        new[r.type_code] += r.new
    keep = and_(_live(scope), active_at(period.end))
    funding = dict(
        session.execute(
            select(InitiativeFunding.source, func.sum(InitiativeFunding.amount_vnd))
            .join(Initiative, Initiative.id == InitiativeFunding.initiative_id)
            .where(keep, InitiativeFunding.deleted.is_(False))
            .group_by(InitiativeFunding.source)
        )
        .tuples()
        .all()
    )
    assets = dict(
        session.execute(
            select(InitiativeAsset.kind, func.sum(InitiativeAsset.count))
            .join(Initiative, Initiative.id == InitiativeAsset.initiative_id)
            .where(keep, InitiativeAsset.deleted.is_(False))
            .group_by(InitiativeAsset.kind)
            .order_by(InitiativeAsset.kind)
        )
        .tuples()
        .all()
    )
    types = list(types)
    return Initiatives(
        active=sum(active.values()),
        active_by_type=in_order(active, types, 0),
        new=sum(new.values()),
        new_by_type=in_order(new, types, 0),
        members=sum(r.members for r in rows),
        funding_total=sum(int(v) for v in funding.values()),
        funding_by_source=in_order(
            {k: int(v) for k, v in funding.items()}, [s.value for s in FundingSource], 0
        ),
        assets={k: int(v) for k, v in assets.items()},
    )


@dataclass(frozen=True)
class ActivityRow:
    unit_id: str
    kind: str
    sessions: int
    participants: int
    tips_of_value: int
    cases_mediated: int
    surrendered: int
    items: tuple[int, ...]


_SUMMED = ("participants", "tips_of_value", "cases_mediated", "surrendered", *ITEMS)


def activity_rows(session: Session, scope: Scope, period: Period) -> list[ActivityRow]:
    """Activity results in the period per unit and kind: one grouped query."""
    sums = [func.coalesce(func.sum(getattr(Activity, name)), 0) for name in _SUMMED]
    query = (
        select(Initiative.unit_id, Activity.kind, func.count(Activity.id), *sums)
        .join(Initiative, Initiative.id == Activity.initiative_id)
        .where(
            _live(scope),
            Activity.deleted.is_(False),
            Activity.held_on.between(period.start, period.end),
        )
        .group_by(Initiative.unit_id, Activity.kind)
    )
    return [
        ActivityRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], tuple(row[7:]))
        for row in session.execute(query)
    ]


def build_activities(rows: Iterable[ActivityRow]) -> Activities:
    """Totals of the rows, sessions and participants by kind."""
    rows = list(rows)
    by_kind: dict[str, KindTotals] = {}
    for r in rows:
        before = by_kind.get(r.kind, KindTotals())
        by_kind[r.kind] = KindTotals(
            before.sessions + r.sessions, before.participants + r.participants
        )
    return Activities(
        sessions=sum(r.sessions for r in rows),
        participants=sum(r.participants for r in rows),
        by_kind=in_order(by_kind, [k.value for k in ActivityKind], KindTotals()),
        tips_of_value=sum(r.tips_of_value for r in rows),
        cases_mediated=sum(r.cases_mediated for r in rows),
        surrendered=sum(r.surrendered for r in rows),
        items={name: sum(r.items[i] for r in rows) for i, name in enumerate(ITEMS)},
    )


def evaluations(session: Session, scope: Scope, period: Period) -> Evaluations:
    """Current (not superseded) evaluations in the period of the scope's initiatives, units
    and areas, and how many met the standard."""
    newer = aliased(Evaluation)
    superseded = (
        select(newer.id)
        .where(newer.supersedes_id == Evaluation.id, newer.deleted.is_(False))
        .exists()
    )
    owner = func.coalesce(Initiative.unit_id, Evaluation.unit_id, Area.unit_id)
    query = (
        select(func.count(Evaluation.id), count_if(Evaluation.meets_standard.is_(True)))
        .select_from(Evaluation)
        .outerjoin(Initiative, Initiative.id == Evaluation.initiative_id)
        .outerjoin(Area, Area.id == Evaluation.area_id)
        .where(
            Evaluation.deleted.is_(False),
            ~superseded,
            scope.where(owner),
            Evaluation.evaluated_on.between(period.start, period.end),
        )
    )
    count, meeting = session.execute(query).one()
    return Evaluations(int(count), Ratio(int(meeting), int(count)))


def fold_rows(
    rows: Iterable[ActivityRow], owners: Mapping[str, str]
) -> dict[str, list[ActivityRow]]:
    """Group activity rows by head unit (``owners``: unit id → head unit id)."""
    grouped: dict[str, list[ActivityRow]] = defaultdict(list)
    for r in rows:
        if r.unit_id in owners:
            grouped[owners[r.unit_id]].append(r)
    return dict(grouped)
