"""Read-only lookups the documents need and the services do not offer yet.

Each is one query whatever the number of rows (never one per household). They only read;
they belong in ``services`` (households, people) once another caller needs them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from antt_desktop.domain.text import natural_key
from antt_desktop.store.base import Base
from antt_desktop.store.errors import DatabaseNotInitialised, NotFound
from antt_desktop.store.models import (
    Area,
    Dossier,
    Household,
    LocalNode,
    Person,
    Pledge,
    Unit,
    Violation,
)

T = TypeVar("T", bound=Base)


@dataclass(frozen=True)
class HouseholdLine:
    """A household of an area with its head's name, as registers list them."""

    household: Household
    head_name: str | None


def live(session: Session, cls: type[T], ident: str | None, entity: str) -> T:
    """The live row of ``cls`` with this id, or NotFound naming ``entity``."""
    row = session.get(cls, ident) if ident else None
    if row is None or getattr(row, "deleted", False):
        raise NotFound(entity=entity, value=ident or "")
    return row


def unit_of(session: Session, unit_id: str) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFound(entity="unit", value=unit_id)
    return unit


def local_unit(session: Session) -> Unit:
    """This post's own unit."""
    node = session.get(LocalNode, 1)
    if node is None or node.unit_id is None:
        raise DatabaseNotInitialised()
    return unit_of(session, node.unit_id)


def area_name(session: Session, area_id: str | None) -> str | None:
    area = session.get(Area, area_id) if area_id else None
    return area.name if area is not None and not area.deleted else None


def households_of_area(session: Session, area_id: str) -> list[HouseholdLine]:
    """The live households of an area with their heads, by household number (2 before 10)."""
    rows = session.execute(
        select(Household, Person.full_name)
        .outerjoin(Person, and_(Person.id == Household.head_person_id, Person.deleted.is_(False)))
        .where(Household.area_id == area_id, Household.deleted.is_(False))
    ).all()
    lines = [HouseholdLine(h, name) for h, name in rows]
    return sorted(lines, key=lambda line: natural_key(line.household.number))


def pledges_for(session: Session, household_ids: Iterable[str], year: int) -> dict[str, Pledge]:
    """The live pledges of these households for ``year``, by household id."""
    ids = list(household_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(Pledge).where(
            Pledge.household_id.in_(ids), Pledge.year == year, Pledge.deleted.is_(False)
        )
    ).scalars()
    return {p.household_id: p for p in rows}


def dossiers_of(session: Session, person_id: str) -> list[Dossier]:
    """A person's live dossiers, the earliest opened first."""
    return list(
        session.execute(
            select(Dossier)
            .where(Dossier.person_id == person_id, Dossier.deleted.is_(False))
            .order_by(Dossier.opened_on, Dossier.id)
        ).scalars()
    )


def violations_of(session: Session, person_id: str) -> list[Violation]:
    """A person's violations, oldest first."""
    return list(
        session.execute(
            select(Violation)
            .where(Violation.person_id == person_id, Violation.deleted.is_(False))
            .order_by(Violation.occurred_on)
        ).scalars()
    )


def pledges_signed_as_head(session: Session, person_id: str) -> list[tuple[Household, Pledge]]:
    """Pledges of the households this person heads, the latest year first."""
    return [
        (h, p)
        for h, p in session.execute(
            select(Household, Pledge)
            .join(Pledge, Pledge.household_id == Household.id)
            .where(
                Household.head_person_id == person_id,
                Household.deleted.is_(False),
                Pledge.deleted.is_(False),
            )
            .order_by(Pledge.year.desc())
        ).tuples()
    ]
