"""Teams (tổ), commendations (khen thưởng) and before/after indicators (chỉ số so sánh)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import CommendationKind
from antt_desktop.domain.periods import Period
from antt_desktop.domain.rates import Change
from antt_desktop.services.stats_model import Commendations, TeamFigures, Teams
from antt_desktop.services.stats_scope import Scope, UnitTree, in_order
from antt_desktop.store.models import Commendation, IndicatorSnapshot, Team, TeamMember


def teams(session: Session, scope: Scope, period: Period, kinds: Iterable[str]) -> Teams:
    """Active teams founded by the period's end, with the members they had on that day."""
    end = period.end
    member_then = and_(
        TeamMember.team_id == Team.id,
        TeamMember.deleted.is_(False),
        or_(TeamMember.joined_on.is_(None), TeamMember.joined_on <= end),
        or_(TeamMember.left_on.is_(None), TeamMember.left_on > end),
    )
    query = (
        select(Team.kind, func.count(func.distinct(Team.id)), func.count(TeamMember.id))
        .select_from(Team)
        .outerjoin(TeamMember, member_then)
        .where(
            Team.deleted.is_(False),
            Team.active.is_(True),
            scope.where(Team.unit_id),
            or_(Team.founded_on.is_(None), Team.founded_on <= end),
        )
        .group_by(Team.kind)
    )
    found = {kind: TeamFigures(int(n), int(m)) for kind, n, m in session.execute(query)}
    return Teams(
        teams=sum(f.teams for f in found.values()),
        members=sum(f.members for f in found.values()),
        by_kind=in_order(found, kinds, TeamFigures()),
    )


def commendations(session: Session, scope: Scope, period: Period) -> Commendations:
    """Commendations whose decision is dated in the period, by kind."""
    query = (
        select(Commendation.kind, func.count(Commendation.id))
        .where(
            Commendation.deleted.is_(False),
            scope.where(Commendation.unit_id),
            Commendation.decision_date.between(period.start, period.end),
        )
        .group_by(Commendation.kind)
    )
    found = {kind: int(n) for kind, n in session.execute(query)}
    return Commendations(
        sum(found.values()), in_order(found, [k.value for k in CommendationKind], 0)
    )


def indicators(
    session: Session, tree: UnitTree, unit_id: str | None, period: Period
) -> dict[str, Change]:
    """Change of each indicator from the previous period of the same length to ``period``.

    A unit's own snapshot pair (both periods recorded) is used when it has one; otherwise
    the pairs of the units under it are added up, so an upper unit's own figures are never
    counted twice with its posts'. Indicators with no pair anywhere are left out.
    """
    now, before = period.label(), period.previous().label()
    pairs: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    query = select(
        IndicatorSnapshot.unit_id,
        IndicatorSnapshot.indicator,
        IndicatorSnapshot.period,
        IndicatorSnapshot.value,
    ).where(IndicatorSnapshot.deleted.is_(False), IndicatorSnapshot.period.in_([now, before]))
    for unit, name, label, value in session.execute(query):
        pairs[(unit, name)][label] = value

    def value_of(unit: str, name: str, seen: frozenset[str]) -> tuple[int, int] | None:
        own = pairs.get((unit, name), {})
        if now in own and before in own:
            return own[before], own[now]
        parts = [
            value_of(child, name, seen | {unit})
            for child in tree.children.get(unit, ())
            if child not in seen
        ]
        found = [p for p in parts if p is not None]
        if not found:
            return None
        return sum(p[0] for p in found), sum(p[1] for p in found)

    heads = [unit_id] if unit_id is not None else tree.roots()
    result: dict[str, Change] = {}
    for name in sorted({n for _u, n in pairs}):
        values = [v for v in (value_of(h, name, frozenset()) for h in heads) if v is not None]
        if values:
            result[name] = Change(sum(v[0] for v in values), sum(v[1] for v in values))
    return result
