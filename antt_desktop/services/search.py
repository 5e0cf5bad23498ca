"""Accent-insensitive search over people and households, best match first."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from antt_desktop.domain.dates import PartialDate
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.store import search_index
from antt_desktop.store.models import Area, Household, Person


@dataclass(frozen=True)
class SearchHit:
    id: str
    kind: str  # "person" or "household"
    name: str
    detail: str
    rank: float

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "detail": self.detail,
            "rank": round(self.rank, 4),
        }


def search(
    ctx: Ctx,
    query: str,
    *,
    limit: int = 20,
    kind: str | None = None,
    unit_id: str | None = None,
) -> list[SearchHit]:
    """Hits for ``query`` ("ng v duc", "Hoà", part of an ID number), best first.

    ID numbers (and the phone numbers indexed beside them) find people only for a role that
    may read sensitive values: a viewer typing someone's ID number finds nobody.
    """
    session = ctx.session
    hits = search_index.search(
        session.connection(),
        query,
        limit=limit,
        kind=kind,
        unit_id=unit_id,
        sensitive=ctx.may(Permission.READ_SENSITIVE),
    )
    person_ids = [h.ref for h in hits if h.kind == "person"]
    household_ids = [h.ref for h in hits if h.kind == "household"]
    people = (
        {
            p.id: p
            for p in session.execute(select(Person).where(Person.id.in_(person_ids))).scalars()
        }
        if person_ids
        else {}
    )
    households = (
        {
            h.id: (h, name)
            for h, name in session.execute(
                select(Household, Person.full_name)
                .outerjoin(Person, Person.id == Household.head_person_id)
                .where(Household.id.in_(household_ids))
            )
        }
        if household_ids
        else {}
    )
    area_ids = {p.current_area_id for p in people.values() if p.current_area_id}
    areas = (
        dict(
            session.execute(select(Area.id, Area.name).where(Area.id.in_(area_ids))).tuples().all()
        )
        if area_ids
        else {}
    )
    result = []
    for h in hits:
        if h.kind == "person" and h.ref in people:
            p = people[h.ref]
            born = PartialDate.from_iso(p.born).format() if p.born else ""
            where = ", ".join(
                x for x in (p.current_address, areas.get(p.current_area_id or "")) if x
            )
            detail = " · ".join(x for x in (born, where) if x)
            result.append(SearchHit(p.id, "person", p.full_name, detail, h.rank))
        elif h.kind == "household" and h.ref in households:
            hh, head = households[h.ref]
            detail = " · ".join(x for x in (hh.number, hh.address or "") if x)
            result.append(SearchHit(hh.id, "household", head or hh.number, detail, h.rank))
    return result
