"""Households (hộ gia đình): the register entry, its head (chủ hộ), members and the yearly
poor / near-poor status (hộ nghèo, cận nghèo).

Membership lives on the person (``household_id`` and ``relation_to_head``), so every
membership change is an ordinary person write: stamped by the store and audited here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from antt_desktop.domain.dates import parse_date
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.domain.text import fold, normalize_name
from antt_desktop.services.context import Ctx, apply_changes, max_length
from antt_desktop.store.models import Area, Household, HouseholdYearStatus, Person

T = TypeVar("T", Area, Household, Person)

#: The relation written on the head's own person record.
HEAD_RELATION = "Chủ hộ"
POVERTY_STATUSES = ("poor", "near_poor", "none")
#: Earliest year a pledge or a yearly status may be recorded for (the schema's lower bound).
FIRST_YEAR = 1990


@dataclass
class HouseholdInput:
    """A household as typed by an officer (text as entered; the service cleans it)."""

    number: str | None = None
    head_person_id: str | None = None
    area_id: str | None = None
    address: str | None = None
    notes: str | None = None


def clean_text(value: str | None) -> str | None:
    """NFC, trimmed, inner spaces folded; blank becomes None."""
    if value is None:
        return None
    return normalize_name(value) or None


def read_date(
    value: date | str | None,
    field: str,
    today: date,
    *,
    required: bool = False,
    allow_future: bool = False,
) -> tuple[date | None, list[Problem]]:
    """A date typed as DD/MM/YYYY (or given as a date), with the problems it has."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, [Problem(field, "required")] if required else []
    if isinstance(value, date):
        day = value
    else:
        try:
            day = parse_date(value, field)
        except ValidationFailed as exc:
            return None, exc.problems
    if not allow_future and day > today:
        return day, [Problem(field, "date.future", {"value": day})]
    return day, []


def read_year(value: int | str | None, field: str, today: date) -> tuple[int | None, list[Problem]]:
    """A year between FIRST_YEAR and next year, with the problems it has."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, [Problem(field, "required")]
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None, [Problem(field, "number.invalid", {"value": value})]
    if not FIRST_YEAR <= year <= today.year + 1:
        return None, [
            Problem(field, "year.range", {"value": year, "min": FIRST_YEAR, "max": today.year + 1})
        ]
    return year, []


def _clean(data: HouseholdInput) -> HouseholdInput:
    return HouseholdInput(**{f.name: clean_text(getattr(data, f.name)) for f in fields(data)})


def _columns(data: HouseholdInput) -> dict[str, Any]:
    return {f.name: getattr(data, f.name) for f in fields(data)}


def _live(obj: T | None) -> T | None:
    return obj if obj is not None and not obj.deleted else None


def _check_head(
    ctx: Ctx, person_id: str, unit_id: str, household_id: str | None, field: str = "head_person_id"
) -> tuple[Person | None, list[Problem]]:
    """The person who may become head, or the problems that stop it.

    A new household may take its head from another household (tách hộ); an existing one
    may not: that person must be moved in first (:func:`move_member`).
    """
    person = _live(ctx.session.get(Person, person_id))
    if person is None:
        return None, [Problem(field, "person.unknown", {"value": person_id})]
    if person.unit_id != unit_id:
        return None, [_about(field, "household.other_unit", person)]
    if (heads := _head_of(ctx.session, person.id, household_id)) is not None:
        return None, [_about(field, "household.head_taken", person, heads)]
    current = _current_household(ctx, person)
    if household_id is not None and current is not None and current.id != household_id:
        return None, [_about(field, "household.member_elsewhere", person, current.number)]
    return person, []


def _about(field: str, code: str, person: Person, number: str | None = None) -> Problem:
    """A problem about a person (and a household number) named in its message."""
    params = {"name": person.full_name}
    if number is not None:
        params["number"] = number
    return Problem(field, code, params)


def _head_of(session: Session, person_id: str, except_id: str | None = None) -> str | None:
    """The number of the live household this person heads (other than ``except_id``)."""
    return session.execute(
        select(Household.number).where(
            Household.head_person_id == person_id,
            Household.deleted.is_(False),
            Household.id != (except_id or ""),
        )
    ).scalar()


def _current_household(ctx: Ctx, person: Person) -> Household | None:
    return _live(ctx.session.get(Household, person.household_id)) if person.household_id else None


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
        area = _live(s.get(Area, data.area_id))
        if area is None or area.unit_id != unit_id:
            problems.append(Problem("area_id", "area.unknown", {"value": data.area_id}))
    head = None
    if existing is not None and existing.head_person_id and not data.head_person_id:
        problems.append(Problem("head_person_id", "required"))
    elif data.head_person_id and (
        existing is None or existing.head_person_id != data.head_person_id
    ):
        head, head_problems = _check_head(
            ctx, data.head_person_id, unit_id, existing.id if existing else None
        )
        problems += head_problems
    return problems, head


def _set_membership(
    ctx: Ctx, person: Person, household_id: str | None, relation: str | None, action: str = "edit"
) -> None:
    changed = apply_changes(person, {"household_id": household_id, "relation_to_head": relation})
    if changed:
        ctx.session.flush()
        ctx.audit(action, "person", person.id, changed)


def _switch_head(
    ctx: Ctx, household: Household, head: Person, former_head_relation: str | None = None
) -> None:
    """Make ``head`` the head (and a member); the former head stays a member."""
    former_id = household.head_person_id
    if former_id != head.id:
        household.head_person_id = head.id
        ctx.session.flush()
        ctx.audit("edit", "household", household.id, ["head_person_id"])
    _set_membership(ctx, head, household.id, HEAD_RELATION)
    former = _live(ctx.session.get(Person, former_id)) if former_id else None
    if former is not None and former.id != head.id and former.household_id == household.id:
        _set_membership(ctx, former, household.id, former_head_relation)


def add_household(ctx: Ctx, data: HouseholdInput, *, unit_id: str | None = None) -> Household:
    """Register a household in this post (or ``unit_id``); its head, if named, becomes its
    first member. Raises ValidationFailed and writes nothing when the input breaks a rule."""
    data = _clean(data)
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
        _set_membership(ctx, head, household.id, HEAD_RELATION, "move" if moved else "edit")
    return household


def edit_household(ctx: Ctx, household_id: str, changes: dict[str, Any]) -> Household:
    """Change some fields of a household (a new head also becomes a member)."""
    household = ctx.get(Household, household_id, "household")
    unknown = set(changes) - {f.name for f in fields(HouseholdInput)}
    if unknown:
        raise ValidationFailed([Problem(k, "field.unknown", {"value": k}) for k in sorted(unknown)])
    current = HouseholdInput(**{f.name: getattr(household, f.name) for f in fields(HouseholdInput)})
    data = _clean(replace(current, **changes))
    problems, head = validate(ctx, data, household.unit_id, household)
    raise_if_errors(problems)
    columns = _columns(data)
    del columns["head_person_id"]  # changed below, with the memberships it implies
    changed = apply_changes(household, columns)
    if changed:
        ctx.session.flush()
        ctx.audit("edit", "household", household.id, changed)
    if head is not None:
        _switch_head(ctx, household, head)
    return household


def change_head(
    ctx: Ctx, household_id: str, person_id: str, *, former_head_relation: str | None = None
) -> Household:
    """Make ``person_id`` the head; the former head stays a member with
    ``former_head_relation`` (e.g. "Bố"), or no stated relation."""
    household = ctx.get(Household, household_id, "household")
    if household.head_person_id == person_id:
        return household
    relation = clean_text(former_head_relation)
    head, problems = _check_head(ctx, person_id, household.unit_id, household.id)
    problems += _relation_problems(relation, "former_head_relation", required=False)
    raise_if_errors(problems)
    assert head is not None
    _switch_head(ctx, household, head, relation)
    return household


def _relation_problems(relation: str | None, field: str, *, required: bool = True) -> list[Problem]:
    if not relation:
        return [Problem(field, "required")] if required else []
    if fold(relation) == fold(HEAD_RELATION):
        return [Problem(field, "household.relation_is_head")]
    return max_length(field, relation, 40)


def add_member(ctx: Ctx, household_id: str, person_id: str, relation: str) -> Person:
    """Add a person to a household with their relation to the head ("Vợ", "Con"...).

    A member of another live household is refused: move them with :func:`move_member`.
    """
    household = ctx.get(Household, household_id, "household")
    relation_text = clean_text(relation)
    problems = _relation_problems(relation_text, "relation_to_head")
    person = _live(ctx.session.get(Person, person_id))
    if person is None:
        problems.append(Problem("member_id", "person.unknown", {"value": person_id}))
    elif person.unit_id != household.unit_id:
        problems.append(_about("member_id", "household.other_unit", person))
    elif person.household_id == household.id:
        problems.append(_about("member_id", "household.already_member", person, household.number))
    elif (current := _current_household(ctx, person)) is not None:
        problems.append(_about("member_id", "household.member_elsewhere", person, current.number))
    raise_if_errors(problems)
    assert person is not None
    _set_membership(ctx, person, household.id, relation_text)
    return person


def move_member(ctx: Ctx, person_id: str, to_household_id: str, relation: str) -> Person:
    """Move a person from their household to another one (a head must be replaced first)."""
    person = ctx.get(Person, person_id, "person")
    target = ctx.get(Household, to_household_id, "household")
    relation_text = clean_text(relation)
    problems = _relation_problems(relation_text, "relation_to_head")
    if person.unit_id != target.unit_id:
        problems.append(_about("member_id", "household.other_unit", person))
    elif person.household_id == target.id:
        problems.append(_about("member_id", "household.already_member", person, target.number))
    elif (heads := _head_of(ctx.session, person.id)) is not None:
        problems.append(_about("member_id", "household.is_head", person, heads))
    raise_if_errors(problems)
    _set_membership(ctx, person, target.id, relation_text, action="move")
    return person


def remove_member(ctx: Ctx, household_id: str, person_id: str) -> Person:
    """Take a person out of a household (not its head: change the head first)."""
    household = ctx.get(Household, household_id, "household")
    person = _live(ctx.session.get(Person, person_id))
    if person is None:
        raise ValidationFailed.single("member_id", "person.unknown", value=person_id)
    if person.household_id != household.id:
        raise ValidationFailed(
            [_about("member_id", "household.not_member", person, household.number)]
        )
    if household.head_person_id == person.id:
        raise ValidationFailed([_about("member_id", "household.is_head", person, household.number)])
    _set_membership(ctx, person, None, None)
    return person


def members(session: Session, household_id: str) -> list[Person]:
    """Live members, the head first, then the oldest first (unknown birth dates last)."""
    head_id = session.execute(
        select(Household.head_person_id).where(Household.id == household_id)
    ).scalar()
    return list(
        session.execute(
            select(Person)
            .where(Person.household_id == household_id, Person.deleted.is_(False))
            .order_by(
                case((Person.id == (head_id or ""), 0), else_=1),
                case((Person.born.is_(None), 1), else_=0),
                Person.born,
                Person.sort_key,
            )
        ).scalars()
    )


def set_poverty_status(
    ctx: Ctx, household_id: str, year: int | str, status: str
) -> HouseholdYearStatus:
    """Record a household's poor / near-poor / none status for a year (one row per year,
    updated in place)."""
    household = ctx.get(Household, household_id, "household")
    year_value, problems = read_year(year, "year", ctx.today)
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
        row = HouseholdYearStatus(household_id=household.id, year=year_value, status=status)
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
