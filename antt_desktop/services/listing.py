"""Pages of people in Vietnamese order, for lists that fetch lazily (sorting happens in SQL)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antt_desktop.domain.dates import PartialDate
from antt_desktop.services.disclosure import mask_id_number
from antt_desktop.store.models import Area, Person


@dataclass(frozen=True)
class PersonRow:
    id: str
    full_name: str
    born: str
    sex: str
    id_number: str  # masked: 0190••••5678
    area: str
    address: str


def count_people(session: Session, *, unit_id: str | None = None) -> int:
    query = select(func.count()).select_from(Person).where(Person.deleted.is_(False))
    if unit_id:
        query = query.where(Person.unit_id == unit_id)
    return int(session.execute(query).scalar_one())


def people_page(
    session: Session, *, offset: int = 0, limit: int = 50, unit_id: str | None = None
) -> list[PersonRow]:
    """One page of live people ordered the Vietnamese way (given name, middle, family).

    Uses the ``sort_key`` index, so the first page of 450,000 people costs a few rows.
    """
    query = (
        select(
            Person.id,
            Person.full_name,
            Person.born,
            Person.sex,
            Person.id_number,
            Area.name,
            Person.current_address,
        )
        .outerjoin(Area, Area.id == Person.current_area_id)
        .where(Person.deleted.is_(False))
        .order_by(Person.sort_key, Person.id)
        .offset(offset)
        .limit(limit)
    )
    if unit_id:
        query = query.where(Person.unit_id == unit_id)
    return [
        PersonRow(
            id=r[0],
            full_name=r[1],
            born=PartialDate.from_iso(r[2]).format() if r[2] else "",
            sex=r[3] or "",
            id_number=mask_id_number(r[4]),  # lists mask it for every role
            area=r[5] or "",
            address=r[6] or "",
        )
        for r in session.execute(query)
    ]
