"""Households (hộ gia đình): the register entry with its head (chủ hộ), and the yearly
poor / near-poor status (hộ nghèo, cận nghèo).

Who belongs to a household, and who heads it, is kept by
:mod:`antt_desktop.services.memberships`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.services.context import Ctx, Permission, apply_changes, max_length
from antt_desktop.services.memberships import HEAD_RELATION, check_head, set_membership, switch_head
from antt_desktop.services.values import (
    clean_fields,
    clean_text,
    read_year,
    refuse_unknown_fields,
    text_input_problems,
)
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


def input_problems(data: HouseholdInput) -> list[Problem]:
    """The rules ``data`` (cleaned) must meet by itself, before any record is looked up:
    a number, and no field longer than the register takes (the importer applies them too)."""
    problems: list[Problem] = []
    if not data.number:
        problems.append(Problem("number", "required"))
    problems += max_length("number", data.number, 20)
    problems += max_length("address", data.address, 300)
    return problems + text_input_problems(data, problems)


def _problems(
    ctx: Ctx, data: HouseholdInput, unit_id: str, existing: Household | None
) -> list[Problem]:
    """Every problem with ``data`` (cleaned) as the household of ``unit_id`` (``existing``
    when it is already registered)."""
    s = ctx.session
    problems = input_problems(data)
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
    if existing is not None and existing.head_person_id and not data.head_person_id:
        problems.append(Problem("head_person_id", "required"))
    elif (head_id := _new_head_id(data, existing)) is not None:
        problems += check_head(ctx, head_id, unit_id, existing.id if existing else None)[1]
    return problems


def _new_head_id(data: HouseholdInput, existing: Household | None) -> str | None:
    """The head ``data`` names when it is not the household's head already."""
    if data.head_person_id and (existing is None or existing.head_person_id != data.head_person_id):
        return data.head_person_id
    return None


def _edited(household: Household, changes: dict[str, Any]) -> HouseholdInput:
    """The household as it would be with ``changes`` (cleaned)."""
    current = HouseholdInput(**{f.name: getattr(household, f.name) for f in fields(HouseholdInput)})
    return clean_fields(replace(current, **changes))


def check_add_household(
    ctx: Ctx, data: HouseholdInput, *, unit_id: str | None = None
) -> list[Problem]:
    """What :func:`add_household` would refuse ``data`` for; reads, never writes."""
    ctx.require(Permission.READ)
    return _problems(ctx, clean_fields(data), ctx.get_unit(unit_id).id, None)


def add_household(ctx: Ctx, data: HouseholdInput, *, unit_id: str | None = None) -> Household:
    """Register a household in this post (or ``unit_id``); its head, if named, becomes its
    first member. Raises ValidationFailed and writes nothing when the input breaks a rule."""
    ctx.require(Permission.WRITE)
    raise_if_errors(check_add_household(ctx, data, unit_id=unit_id))
    data = clean_fields(data)
    unit = ctx.get_unit(unit_id)
    columns = _columns(data)
    household = Household(unit_id=unit.id, **columns)
    ctx.session.add(household)
    ctx.session.flush()
    ctx.audit("create", "household", household.id, [k for k, v in columns.items() if v])
    if data.head_person_id is not None:
        head = ctx.get(Person, data.head_person_id, "person")
        moved = head.household_id is not None
        set_membership(ctx, head, household.id, HEAD_RELATION, "move" if moved else "edit")
    return household


def check_edit_household(ctx: Ctx, household_id: str, changes: dict[str, Any]) -> list[Problem]:
    """What :func:`edit_household` would refuse ``changes`` for; reads, never writes."""
    ctx.require(Permission.READ)
    household = ctx.get(Household, household_id, "household")
    try:
        refuse_unknown_fields(changes, [f.name for f in fields(HouseholdInput)])
    except ValidationFailed as exc:  # the write refuses these before anything else
        return exc.problems
    return _problems(ctx, _edited(household, changes), household.unit_id, household)


def edit_household(ctx: Ctx, household_id: str, changes: dict[str, Any]) -> Household:
    """Change some fields of a household (a new head also becomes a member)."""
    ctx.require(Permission.WRITE)
    raise_if_errors(check_edit_household(ctx, household_id, changes))
    household = ctx.get(Household, household_id, "household")
    data = _edited(household, changes)
    head_id = _new_head_id(data, household)
    columns = _columns(data)
    del columns["head_person_id"]  # changed below, with the memberships it implies
    changed = apply_changes(household, columns)
    if changed:
        ctx.session.flush()
        ctx.audit("edit", "household", household.id, changed)
    if head_id is not None:
        switch_head(ctx, household, ctx.get(Person, head_id, "person"))
    return household


def _read_poverty(year: int | str, status: str, today: date) -> tuple[int | None, list[Problem]]:
    """The year of a poverty status, and the problems of the year and the status."""
    problems: list[Problem] = []
    year_value = read_year(year, "year", problems, today=today)
    if status not in POVERTY_STATUSES:
        problems.append(
            Problem(
                "poverty_status", "choice", {"value": status, "allowed": list(POVERTY_STATUSES)}
            )
        )
    return year_value, problems


def check_set_poverty_status(
    ctx: Ctx, household_id: str, year: int | str, status: str
) -> list[Problem]:
    """What :func:`set_poverty_status` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    ctx.get(Household, household_id, "household")
    return _read_poverty(year, status, ctx.today)[1]


def set_poverty_status(
    ctx: Ctx, household_id: str, year: int | str, status: str
) -> HouseholdYearStatus:
    """Record a household's poor / near-poor / none status for a year (one row per year,
    updated in place)."""
    ctx.require(Permission.WRITE)
    raise_if_errors(check_set_poverty_status(ctx, household_id, year, status))
    household = ctx.get(Household, household_id, "household")
    year_value = _read_poverty(year, status, ctx.today)[0]
    row = ctx.session.execute(
        select(HouseholdYearStatus).where(
            HouseholdYearStatus.household_id == household.id,
            HouseholdYearStatus.year == year_value,
        )
    ).scalar_one_or_none()
    if row is None:
        assert year_value is not None
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
