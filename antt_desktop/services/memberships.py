"""Household memberships (nhân khẩu của hộ): who belongs to a household, with what relation
to its head (chủ hộ), and who heads it.

Membership lives on the person (``household_id`` and ``relation_to_head``), so every
membership change is an ordinary person write: stamped by the store and audited here.
"""

from __future__ import annotations

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import Problem, raise_if_errors
from antt_desktop.domain.text import fold
from antt_desktop.services.context import Ctx, Permission, apply_changes, max_length
from antt_desktop.services.values import clean_text
from antt_desktop.store.models import Household, Person

#: The relation written on the head's own person record.
HEAD_RELATION = "Chủ hộ"


def _live_person(ctx: Ctx, person_id: str) -> Person | None:
    person = ctx.session.get(Person, person_id)
    return person if person is not None and not person.deleted else None


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
    if not person.household_id:
        return None
    household = ctx.session.get(Household, person.household_id)
    return household if household is not None and not household.deleted else None


def check_head(
    ctx: Ctx, person_id: str, unit_id: str, household_id: str | None, field: str = "head_person_id"
) -> tuple[Person | None, list[Problem]]:
    """The person who may become head, or the problems that stop it.

    A new household may take its head from another household (tách hộ); an existing one
    may not: that person must be moved in first (:func:`move_member`).
    """
    person = _live_person(ctx, person_id)
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


def set_membership(
    ctx: Ctx, person: Person, household_id: str | None, relation: str | None, action: str = "edit"
) -> None:
    """Put a person in a household (None: in none) with this relation; audited as
    ``action`` when anything changes."""
    ctx.require(Permission.WRITE)
    changed = apply_changes(person, {"household_id": household_id, "relation_to_head": relation})
    if changed:
        ctx.session.flush()
        ctx.audit(action, "person", person.id, changed)


def switch_head(
    ctx: Ctx, household: Household, head: Person, former_head_relation: str | None = None
) -> None:
    """Make ``head`` the head (and a member); the former head stays a member."""
    ctx.require(Permission.WRITE)
    former_id = household.head_person_id
    if former_id != head.id:
        household.head_person_id = head.id
        ctx.session.flush()
        ctx.audit("edit", "household", household.id, ["head_person_id"])
    set_membership(ctx, head, household.id, HEAD_RELATION)
    former = _live_person(ctx, former_id) if former_id else None
    if former is not None and former.id != head.id and former.household_id == household.id:
        set_membership(ctx, former, household.id, former_head_relation)


def check_change_head(
    ctx: Ctx, household_id: str, person_id: str, *, former_head_relation: str | None = None
) -> list[Problem]:
    """What :func:`change_head` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    household = ctx.get(Household, household_id, "household")
    if household.head_person_id == person_id:
        return []
    problems = check_head(ctx, person_id, household.unit_id, household.id)[1]
    relation = clean_text(former_head_relation)
    return problems + _relation_problems(relation, "former_head_relation", required=False)


def change_head(
    ctx: Ctx, household_id: str, person_id: str, *, former_head_relation: str | None = None
) -> Household:
    """Make ``person_id`` the head; the former head stays a member with
    ``former_head_relation`` (e.g. "Bố"), or no stated relation."""
    ctx.require(Permission.WRITE)
    raise_if_errors(
        check_change_head(ctx, household_id, person_id, former_head_relation=former_head_relation)
    )
    household = ctx.get(Household, household_id, "household")
    if household.head_person_id != person_id:
        head = ctx.get(Person, person_id, "person")
        switch_head(ctx, household, head, clean_text(former_head_relation))
    return household


def _relation_problems(relation: str | None, field: str, *, required: bool = True) -> list[Problem]:
    if not relation:
        return [Problem(field, "required")] if required else []
    if fold(relation) == fold(HEAD_RELATION):
        return [Problem(field, "household.relation_is_head")]
    return max_length(field, relation, 40)


def check_add_member(ctx: Ctx, household_id: str, person_id: str, relation: str) -> list[Problem]:
    """What :func:`add_member` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    household = ctx.get(Household, household_id, "household")
    problems = _relation_problems(clean_text(relation), "relation_to_head")
    person = _live_person(ctx, person_id)
    if person is None:
        problems.append(Problem("member_id", "person.unknown", {"value": person_id}))
    elif person.unit_id != household.unit_id:
        problems.append(_about("member_id", "household.other_unit", person))
    elif person.household_id == household.id:
        problems.append(_about("member_id", "household.already_member", person, household.number))
    elif (current := _current_household(ctx, person)) is not None:
        problems.append(_about("member_id", "household.member_elsewhere", person, current.number))
    return problems


def add_member(ctx: Ctx, household_id: str, person_id: str, relation: str) -> Person:
    """Add a person to a household with their relation to the head ("Vợ", "Con"...).

    A member of another live household is refused: move them with :func:`move_member`.
    """
    ctx.require(Permission.WRITE)
    raise_if_errors(check_add_member(ctx, household_id, person_id, relation))
    person = ctx.get(Person, person_id, "person")
    set_membership(ctx, person, household_id, clean_text(relation))
    return person


def check_move_member(
    ctx: Ctx, person_id: str, to_household_id: str, relation: str
) -> list[Problem]:
    """What :func:`move_member` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    person = ctx.get(Person, person_id, "person")
    target = ctx.get(Household, to_household_id, "household")
    problems = _relation_problems(clean_text(relation), "relation_to_head")
    if person.unit_id != target.unit_id:
        problems.append(_about("member_id", "household.other_unit", person))
    elif person.household_id == target.id:
        problems.append(_about("member_id", "household.already_member", person, target.number))
    elif (heads := _head_of(ctx.session, person.id)) is not None:
        problems.append(_about("member_id", "household.is_head", person, heads))
    return problems


def move_member(ctx: Ctx, person_id: str, to_household_id: str, relation: str) -> Person:
    """Move a person from their household to another one (a head must be replaced first)."""
    ctx.require(Permission.WRITE)
    raise_if_errors(check_move_member(ctx, person_id, to_household_id, relation))
    person = ctx.get(Person, person_id, "person")
    set_membership(ctx, person, to_household_id, clean_text(relation), action="move")
    return person


def check_remove_member(ctx: Ctx, household_id: str, person_id: str) -> list[Problem]:
    """What :func:`remove_member` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    household = ctx.get(Household, household_id, "household")
    person = _live_person(ctx, person_id)
    if person is None:
        return [Problem("member_id", "person.unknown", {"value": person_id})]
    if person.household_id != household.id:
        return [_about("member_id", "household.not_member", person, household.number)]
    if household.head_person_id == person.id:
        return [_about("member_id", "household.is_head", person, household.number)]
    return []


def remove_member(ctx: Ctx, household_id: str, person_id: str) -> Person:
    """Take a person out of a household (not its head: change the head first)."""
    ctx.require(Permission.WRITE)
    raise_if_errors(check_remove_member(ctx, household_id, person_id))
    person = ctx.get(Person, person_id, "person")
    set_membership(ctx, person, None, None)
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
