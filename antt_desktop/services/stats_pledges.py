"""Household pledges (cam kết của hộ gia đình) for a year: coverage per area and in total."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import PledgeStatus
from antt_desktop.domain.text import sort_key
from antt_desktop.services.pledges import signed_share
from antt_desktop.services.stats_model import AreaPledges, PledgeFigures, Pledges
from antt_desktop.services.stats_scope import Scope, UnitTree, count_if, sum_if
from antt_desktop.store.models import Area, Household, Pledge, PledgeFigure


@dataclass(frozen=True)
class PledgeRow:
    """Counts for the live households of one unit and area."""

    unit_id: str
    area_id: str | None
    households: int
    signed: int
    refused: int
    violated: int
    cultured_family: int


def pledge_rows(session: Session, scope: Scope, year: int) -> list[PledgeRow]:
    """The rows of :func:`pledge_rows_counted`, read from the figures kept per post
    (``post_pledge_figures``, kept by the database's triggers as households and pledges are
    written): a few hundred rows instead of every household of a district."""
    of_year = PledgeFigure.year == year

    def count(*condition: ColumnElement[bool]) -> ColumnElement[int]:
        return sum_if(and_(*condition), PledgeFigure.__table__.c.n)

    households = count(PledgeFigure.year == 0)
    query = (
        select(
            PledgeFigure.unit_id,
            PledgeFigure.area_id,
            households,
            count(of_year, PledgeFigure.status == PledgeStatus.SIGNED.value),
            count(of_year, PledgeFigure.status == PledgeStatus.REFUSED.value),
            count(of_year, PledgeFigure.status == PledgeStatus.VIOLATED.value),
            count(of_year, PledgeFigure.cultured == 1),
        )
        .where(PledgeFigure.year.in_([0, year]), scope.where(PledgeFigure.unit_id))
        .group_by(PledgeFigure.unit_id, PledgeFigure.area_id)
        .having(households > 0)
    )
    return [
        PledgeRow(unit, area or None, *counts)
        for unit, area, *counts in session.connection().execute(query)
    ]


def pledge_rows_counted(session: Session, scope: Scope, year: int) -> list[PledgeRow]:
    """Every live household joined to its pledge of ``year``: one grouped query over every
    household (what the kept figures must always equal)."""
    query = (
        select(
            Household.unit_id,
            Household.area_id,
            func.count(Household.id),
            count_if(Pledge.status == PledgeStatus.SIGNED.value),
            count_if(Pledge.status == PledgeStatus.REFUSED.value),
            count_if(Pledge.status == PledgeStatus.VIOLATED.value),
            count_if(Pledge.cultured_family.is_(True)),
        )
        .select_from(Household)
        .outerjoin(
            Pledge,
            and_(
                Pledge.household_id == Household.id, Pledge.year == year, Pledge.deleted.is_(False)
            ),
        )
        .where(Household.deleted.is_(False), scope.where(Household.unit_id))
        .group_by(Household.unit_id, Household.area_id)
    )
    return [PledgeRow(*row) for row in session.execute(query)]


def figures(rows: Iterable[PledgeRow]) -> PledgeFigures:
    """Sum rows; coverage is households that signed the pledge (kept or broken since) /
    households, as :func:`pledges.signed_share` says."""
    households = signed = refused = violated = cultured = 0
    for r in rows:
        households += r.households
        signed += r.signed
        refused += r.refused
        violated += r.violated
        cultured += r.cultured_family
    return PledgeFigures(
        households=households,
        signed=signed,
        refused=refused,
        violated=violated,
        not_recorded=households - signed - refused - violated,
        cultured_family=cultured,
        coverage=signed_share(signed, violated, households),
    )


def _name_key(name: str) -> tuple[str, ...]:
    """Word by word in the Vietnamese alphabet ("Thôn Đông" before "Thôn Tây")."""
    return tuple(sort_key(word) for word in name.split())


def build(
    session: Session, tree: UnitTree, scope: Scope, rows: list[PledgeRow], year: int
) -> Pledges:
    """Pledges in total and per area, by unit code then area name (no area last)."""
    names: dict[str, str] = dict(
        session.execute(select(Area.id, Area.name).where(scope.where(Area.unit_id))).tuples().all()
    )

    def code(r: PledgeRow) -> str:
        return tree.units[r.unit_id].code if r.unit_id in tree.units else "?"

    def order(r: PledgeRow) -> tuple[str, bool, tuple[str, ...]]:
        return code(r), r.area_id is None, _name_key(names.get(r.area_id or "", ""))

    by_area = tuple(
        AreaPledges(
            unit_code=code(r),
            area_id=r.area_id,
            area_name=names.get(r.area_id) if r.area_id else None,
            figures=figures([r]),
        )
        for r in sorted(rows, key=order)
    )
    return Pledges(year=year, total=figures(rows), by_area=by_area)


def per_unit(rows: Iterable[PledgeRow], owners: Mapping[str, str]) -> dict[str, PledgeFigures]:
    """Fold the rows onto head units (``owners``: unit id → head unit id)."""
    grouped: dict[str, list[PledgeRow]] = {}
    for r in rows:
        if r.unit_id in owners:
            grouped.setdefault(owners[r.unit_id], []).append(r)
    return {head: figures(group) for head, group in grouped.items()}
