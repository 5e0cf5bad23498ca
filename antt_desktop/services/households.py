"""Households (hộ gia đình): the register entry with its head (chủ hộ), and the yearly
poor / near-poor status (hộ nghèo, cận nghèo).

Who belongs to a household, and who heads it, is kept by
:mod:`antt_desktop.services.memberships`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import Problem, raise_if_errors
from antt_desktop.services.context import Ctx, Permission, apply_changes, max_length
from antt_desktop.services.memberships import HEAD_RELATION, check_head, set_membership, switch_head
from antt_desktop.services.values import clean_fields, clean_text, read_year, refuse_unknown_fields
from antt_desktop.store.base import natural_id
from antt_desktop.store.models import Area, Household, HouseholdYearStatus, Person

POVERTY_STATUSES = ("poor", "near_poor", "none")


@dataclass
class HouseholdInput:
    """A household as typed by an officer (text as entered; the service cleans it)."""

    number: str | None = None
    head_person_id: str | None = None
    area_id: str | None = None
    address: str | None = None
    notes: str | None = None


def _columns(data: HouseholdInput) -> dict[str, Any]:
    return {f.name: getattr(data, f.name) for f in fields(data)}


def validate(
    ctx: Ctx, data: HouseholdInput, unit_id: str, existing: Household | None = None
) -> tuple[list[Problem], Person | None]:
    """Every problem with ``data`` (cleaned), and the head it names when that head is new."""
    s = ctx.session
    problems: list[Problem] = []
    if not data.number:
        problems.append(Problem("number", "required"))
    problems += max_length("number", data.number, 20)
    problems += max_length("address", data.address, 300)
    if data.number and (existing is None or existing.number != data.number):
        # Tombstoned households keep their number: the unique constraint covers them too.
        taken = s.execute(
            select(Household.id).where(
                Household.unit_id == unit_id,
                Household.number == data.number,
                Household.id != (existing.id if existing else ""),
            )
        ).first()
        if taken is not None:
            problems.append(Problem("number", "household.number_taken", {"value": data.number}))
    if data.area_id and (existing is None or existing.area_id != data.area_id):
        area = s.get(Area, data.area_id)
        if area is None or area.deleted or area.unit_id != unit_id:
            problems.append(Problem("area_id", "area.unknown", {"value": data.area_id}))
    head = None
    if existing is not None and existing.head_person_id and not data.head_person_id:
        problems.append(Problem("head_person_id", "required"))
    elif data.head_person_id and (
        existing is None or existing.head_person_id != data.head_person_id
    ):
        head, head_problems = check_head(
            ctx, data.head_person_id, unit_id, existing.id if existing else None
        )
        problems += head_problems
    return problems, head


def add_household(ctx: Ctx, data: HouseholdInput, *, unit_id: str | None = None) -> Household:
    """Register a household in this post (or ``unit_id``); its head, if named, becomes its
    first member. Raises ValidationFailed and writes nothing when the input breaks a rule."""
    ctx.require(Permission.WRITE)
    data = clean_fields(data)
    unit = ctx.get_unit(unit_id)
    problems, head = validate(ctx, data, unit.id)
    raise_if_errors(problems)
    columns = _columns(data)
    household = Household(unit_id=unit.id, **columns)
    ctx.session.add(household)
    ctx.session.flush()
    ctx.audit("create", "household", household.id, [k for k, v in columns.items() if v])
    if head is not None:
        moved = head.household_id is not None
        set_membership(ctx, head, household.id, HEAD_RELATION, "move" if moved else "edit")
    return household


def edit_household(ctx: Ctx, household_id: str, changes: dict[str, Any]) -> Household:
    """Change some fields of a household (a new head also becomes a member)."""
    ctx.require(Permission.WRITE)
    household = ctx.get(Household, household_id, "household")
    refuse_unknown_fields(changes, [f.name for f in fields(HouseholdInput)])
    current = HouseholdInput(**{f.name: getattr(household, f.name) for f in fields(HouseholdInput)})
    data = clean_fields(replace(current, **changes))
    problems, head = validate(ctx, data, household.unit_id, household)
    raise_if_errors(problems)
    columns = _columns(data)
    del columns["head_person_id"]  # changed below, with the memberships it implies
    changed = apply_changes(household, columns)
    if changed:
        ctx.session.flush()
        ctx.audit("edit", "household", household.id, changed)
    if head is not None:
        switch_head(ctx, household, head)
    return household


def set_poverty_status(
    ctx: Ctx, household_id: str, year: int | str, status: str
) -> HouseholdYearStatus:
    """Record a household's poor / near-poor / none status for a year (one row per year,
    updated in place)."""
    ctx.require(Permission.WRITE)
    household = ctx.get(Household, household_id, "household")
    problems: list[Problem] = []
    year_value = read_year(year, "year", problems, today=ctx.today)
    if status not in POVERTY_STATUSES:
        problems.append(
            Problem(
                "poverty_status", "choice", {"value": status, "allowed": list(POVERTY_STATUSES)}
            )
        )
    raise_if_errors(problems)
    row = ctx.session.execute(
        select(HouseholdYearStatus).where(
            HouseholdYearStatus.household_id == household.id,
            HouseholdYearStatus.year == year_value,
        )
    ).scalar_one_or_none()
    if row is None:
        row = HouseholdYearStatus(
            id=natural_id("household_year_status", household.id, year_value),
            household_id=household.id,
            year=year_value,
            status=status,
        )
        ctx.session.add(row)
        ctx.session.flush()
        ctx.audit("create", "household_year_status", row.id, ["status", "year"])
    elif changed := apply_changes(row, {"status": status, "deleted": False}):
        ctx.session.flush()
        ctx.audit("edit", "household_year_status", row.id, changed)
    return row


def poverty_status(session: Session, household_id: str, year: int) -> str | None:
    """The status recorded for that year, or None when nothing was recorded."""
    return session.execute(
        select(HouseholdYearStatus.status).where(
            HouseholdYearStatus.household_id == household_id,
            HouseholdYearStatus.year == year,
            HouseholdYearStatus.deleted.is_(False),
        )
    ).scalar()


def household_by_number(session: Session, number: str, unit_id: str) -> Household | None:
    """The live household of ``unit_id`` with this number (spaces as typed do not matter)."""
    wanted = clean_text(number)
    if not wanted:
        return None
    return session.execute(
        select(Household).where(
            Household.unit_id == unit_id,
            Household.number == wanted,
            Household.deleted.is_(False),
        )
    ).scalar_one_or_none()
