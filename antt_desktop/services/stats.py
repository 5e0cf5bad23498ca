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

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.periods import Period
from antt_desktop.domain.schedule import CategoryRule
from antt_desktop.services import catalogues
from antt_desktop.services import stats_assessments as assess
from antt_desktop.services import stats_initiatives as initiatives
from antt_desktop.services import stats_people as people
from antt_desktop.services import stats_pledges as pledges
from antt_desktop.services import stats_teams as teams
from antt_desktop.services.stats_model import PledgeFigures, Statistics, UnitRef, UnitRow
from antt_desktop.services.stats_scope import Scope, load_tree, owner_map, scope_of
from antt_desktop.store.models import DossierCategory

__all__ = ["Statistics", "UnitRow", "compare_units", "compute"]


def _categories(session: Session) -> tuple[list[str], dict[str, CategoryRule]]:
    """Live category codes in catalogue order, and the rule of every category ever used."""
    cats = session.execute(select(DossierCategory).order_by(DossierCategory.position)).scalars()
    order: list[str] = []
    rules: dict[str, CategoryRule] = {}
    for cat in cats:
        rules[cat.code] = catalogues.rule_of(cat)
        if not cat.deleted:
            order.append(cat.code)
    return order, rules


def compute(
    session: Session, period: Period, *, unit_id: str | None = None, today: date
) -> Statistics:
    """Every figure of a periodic report for ``period``.

    Args:
        session: an open (read) session.
        period: the month, quarter or year reported on.
        unit_id: a unit's id or code (with the units under it), or None for every unit.
        today: the day overdue assessments are judged on.

    Raises:
        ValidationFailed: field ``unit``, code ``stats.unit_unknown`` for an unknown unit.
    """
    tree = load_tree(session)
    unit, scope = scope_of(tree, unit_id)
    order, rules = _categories(session)
    managed = people.build_managed(
        people.managed_rows(session, scope, period),
        order,
        people.persons_open_at_end(session, scope, period),
    )
    counts = assess.tallies(session, scope, period, today, rules)
    initiative_rows = initiatives.initiative_rows(session, scope, period)
    return Statistics(
        period=period,
        unit=unit,
        today=today,
        managed=managed,
        assessments=assess.build(counts, assess.categories_with_cadence(rules, order)),
        classification=people.classification(session, scope, period),
        reoffence=people.reoffence(session, scope, period),
        pledges=pledges.build(
            session, tree, scope, pledges.pledge_rows(session, scope, period.year), period.year
        ),
        initiatives=initiatives.build_initiatives(
            session,
            scope,
            period,
            initiative_rows,
            catalogues.codes(session, catalogues.INITIATIVE_TYPE),
        ),
        activities=initiatives.build_activities(initiatives.activity_rows(session, scope, period)),
        evaluations=initiatives.evaluations(session, scope, period),
        teams=teams.teams(session, scope, period, catalogues.codes(session, catalogues.TEAM_KIND)),
        commendations=teams.commendations(session, scope, period),
        indicators=teams.indicators(session, tree, unit.id if unit else None, period),
    )


def compare_units(
    session: Session, period: Period, parent_unit_id: str, today: date
) -> list[UnitRow]:
    """One row per unit directly under ``parent_unit_id`` (id or code), by unit code; each
    row covers that unit and the units under it.

    Raises:
        ValidationFailed: field ``unit``, code ``stats.unit_unknown`` for an unknown unit.
    """
    tree = load_tree(session)
    parent = tree.resolve(parent_unit_id)
    heads = tree.child_units(parent.id)
    if not heads:
        return []
    owners = owner_map(tree, heads)
    scope = Scope(frozenset(owners))
    _order, rules = _categories(session)

    open_by_unit: dict[str, int] = {}
    for row in people.managed_rows(session, scope, period):
        head = owners[row.unit_id]
        open_by_unit[head] = open_by_unit.get(head, 0) + row.open_at_end
    due = assess.per_unit(assess.tallies(session, scope, period, today, rules), owners)
    coverage = pledges.per_unit(pledges.pledge_rows(session, scope, period.year), owners)
    active: dict[str, int] = {}
    for irow in initiatives.initiative_rows(session, scope, period):
        head = owners[irow.unit_id]
        active[head] = active.get(head, 0) + irow.active
    results = initiatives.fold_rows(initiatives.activity_rows(session, scope, period), owners)
    return [_row(h, open_by_unit, due, coverage, active, results) for h in heads]


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
