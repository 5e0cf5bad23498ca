"""The figures a periodic report prints (``antt stats``), computed from the records.

:func:`compute` gives every figure for one period and unit (an upper unit includes the units
under it; None means every unit in the database); :func:`compare_units` puts the units under
an upper unit side by side. Both only read, with a fixed, small number of grouped queries
whatever the size of the database; the figures themselves are built in
``stats_people``, ``stats_assessments``, ``stats_pledges``, ``stats_initiatives`` and
``stats_teams``, and defined in ``stats_model``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from antt_desktop.domain.periods import Period
from antt_desktop.domain.schedule import CategoryRule
from antt_desktop.services import catalogues
from antt_desktop.services import stats_assessments as assess
from antt_desktop.services import stats_initiatives as initiatives
from antt_desktop.services import stats_people as people
from antt_desktop.services import stats_pledges as pledges
from antt_desktop.services import stats_teams as teams
from antt_desktop.services.stats_cache import StatsCache
from antt_desktop.services.stats_model import PledgeFigures, Statistics, UnitRef, UnitRow
from antt_desktop.services.stats_scope import Scope, owner_map, scope_of

__all__ = ["Statistics", "UnitRow", "compare_units", "compute"]


def compute(
    session: Session,
    period: Period,
    *,
    unit_id: str | None = None,
    today: date,
    cache: StatsCache | None = None,
) -> Statistics:
    """Every figure of a periodic report for ``period``.

    Args:
        session: an open (read) session.
        period: the month, quarter or year reported on.
        unit_id: a unit's id or code (with the units under it), or None for every unit.
        today: the day overdue assessments are judged on.
        cache: the rows already read in this read (the overview shares them between its
            month, its year and the posts side by side); None reads afresh.

    Raises:
        ValidationFailed: field ``unit``, code ``stats.unit_unknown`` for an unknown unit.
    """
    cache = cache or StatsCache(session)
    tree = cache.tree()
    unit, scope = scope_of(tree, unit_id)
    order, rules = cache.categories()
    managed = people.build_managed(
        _managed_rows(cache, scope, period),
        order,
        people.persons_open_at_end(session, scope, period),
    )
    counts = _tallies(cache, scope, period, today, rules)
    initiative_rows = _initiative_rows(cache, scope, period)
    return Statistics(
        period=period,
        unit=unit,
        today=today,
        managed=managed,
        assessments=assess.build(counts, assess.categories_with_cadence(rules, order)),
        classification=people.classification(session, scope, period),
        reoffence=people.reoffence(session, scope, period),
        pledges=pledges.build(
            session, tree, scope, _pledge_rows(cache, scope, period.year), period.year
        ),
        initiatives=initiatives.build_initiatives(
            session,
            scope,
            period,
            initiative_rows,
            cache.codes(catalogues.INITIATIVE_TYPE),
        ),
        activities=initiatives.build_activities(_activity_rows(cache, scope, period)),
        evaluations=initiatives.evaluations(session, scope, period),
        teams=teams.teams(session, scope, period, cache.codes(catalogues.TEAM_KIND)),
        commendations=teams.commendations(session, scope, period),
        indicators=teams.indicators(session, tree, unit.id if unit else None, period),
    )


def compare_units(
    session: Session,
    period: Period,
    parent_unit_id: str,
    today: date,
    cache: StatsCache | None = None,
) -> list[UnitRow]:
    """One row per unit directly under ``parent_unit_id`` (id or code), by unit code; each
    row covers that unit and the units under it.

    Raises:
        ValidationFailed: field ``unit``, code ``stats.unit_unknown`` for an unknown unit.
    """
    cache = cache or StatsCache(session)
    tree = cache.tree()
    parent = tree.resolve(parent_unit_id)
    heads = tree.child_units(parent.id)
    if not heads:
        return []
    owners = owner_map(tree, heads)
    scope = Scope(frozenset(owners))
    _order, rules = cache.categories()

    open_by_unit: dict[str, int] = {}
    for row in _managed_rows(cache, scope, period):
        head = owners[row.unit_id]
        open_by_unit[head] = open_by_unit.get(head, 0) + row.open_at_end
    due = assess.per_unit(_tallies(cache, scope, period, today, rules), owners)
    coverage = pledges.per_unit(_pledge_rows(cache, scope, period.year), owners)
    active: dict[str, int] = {}
    for irow in _initiative_rows(cache, scope, period):
        head = owners[irow.unit_id]
        active[head] = active.get(head, 0) + irow.active
    results = initiatives.fold_rows(_activity_rows(cache, scope, period), owners)
    return [_row(h, open_by_unit, due, coverage, active, results) for h in heads]


# --- the shared row sets (one query each per read, whatever the scopes asked) ------------
def _managed_rows(cache: StatsCache, scope: Scope, period: Period) -> list[people.ManagedRow]:
    return cache.rows(
        ("managed", period),
        scope,
        lambda s: people.managed_rows(cache.session, s, period),
        lambda r: r.unit_id,
    )


def _tallies(
    cache: StatsCache,
    scope: Scope,
    period: Period,
    today: date,
    rules: dict[str, CategoryRule],
) -> dict[tuple[str, str], assess.Tally]:
    return cache.mapping(
        ("tallies", period, today),
        scope,
        lambda s: assess.tallies(cache.session, s, period, today, rules),
    )


def _pledge_rows(cache: StatsCache, scope: Scope, year: int) -> list[pledges.PledgeRow]:
    return cache.rows(
        ("pledges", year),
        scope,
        lambda s: pledges.pledge_rows(cache.session, s, year),
        lambda r: r.unit_id,
    )


def _initiative_rows(
    cache: StatsCache, scope: Scope, period: Period
) -> list[initiatives.InitiativeRow]:
    return cache.rows(
        ("initiatives", period),
        scope,
        lambda s: initiatives.initiative_rows(cache.session, s, period),
        lambda r: r.unit_id,
    )


def _activity_rows(
    cache: StatsCache, scope: Scope, period: Period
) -> list[initiatives.ActivityRow]:
    return cache.rows(
        ("activities", period),
        scope,
        lambda s: initiatives.activity_rows(cache.session, s, period),
        lambda r: r.unit_id,
    )


def _row(
    head: UnitRef,
    open_by_unit: dict[str, int],
    due: dict[str, assess.Tally],
    coverage: dict[str, PledgeFigures],
    active: dict[str, int],
    results: dict[str, list[initiatives.ActivityRow]],
) -> UnitRow:
    tally = due.get(head.id, assess.Tally())
    pledge = coverage.get(head.id, PledgeFigures())
    acts = initiatives.build_activities(results.get(head.id, []))
    return UnitRow(
        unit=head,
        managed_open=open_by_unit.get(head.id, 0),
        assessments_due=tally.due,
        assessments_overdue=tally.overdue,
        households=pledge.households,
        pledge_coverage=pledge.coverage,
        active_initiatives=active.get(head.id, 0),
        sessions=acts.sessions,
        participants=acts.participants,
        tips_of_value=acts.tips_of_value,
        cases_mediated=acts.cases_mediated,
        surrendered=acts.surrendered,
        items_collected=sum(acts.items.values()),
    )
