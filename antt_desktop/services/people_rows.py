"""Residents (nhân khẩu) as typed rows: the list as lazy lists fetch it (the ordered ids of
a filter, read off an index and streamed in chunks, then rows a page at a time by id;
sorting and filtering in SQL), and one resident as the editor and ``person show`` read it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Select, select

from antt_desktop.domain.dates import PartialDate
from antt_desktop.services import units
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.disclosure import mask_id_number
from antt_desktop.store import fast_read, search_index
from antt_desktop.store.models import Area, Person

#: The residents list's sort keys, in the order of its columns.
PEOPLE_SORTS = ("name", "born", "sex", "id_number", "area", "address")
CHUNK = 50_000


@dataclass(frozen=True)
class PersonRow:
    """One resident as lists show them (the ID number masked for every role)."""

    id: str
    full_name: str
    born: str  # 1990, 03/2000, 12/03/1990
    sex: str  # M, F or ""
    id_number: str  # masked: 0190••••5678
    area: str
    address: str


@dataclass(frozen=True)
class PeopleFilter:
    """Which residents, in which order (``sort``: one of :data:`PEOPLE_SORTS`)."""

    unit_id: str | None = None
    area_id: str | None = None
    sort: str = "name"
    descending: bool = False


def search_refs(
    ctx: Ctx, text: str, *, limit: int, kind: str = "person", unit_id: str | None = None
) -> list[str] | None:
    """The ids of the first ``limit`` hits of ``text`` in no given order (the list orders
    them), or None without a search. ID numbers find people only for a role that may read
    them."""
    ctx.require(Permission.READ)
    if not text.strip():
        return None
    hits = search_index.search(
        ctx.session.connection(),
        text,
        limit=limit,
        kind=kind,
        unit_id=unit_id,
        ranked=False,
        sensitive=ctx.may(Permission.READ_SENSITIVE),
    )
    return [h.ref for h in hits]


def _order_column(sort: str) -> Any:
    return {
        "name": Person.sort_key,
        "born": Person.born,
        "sex": Person.sex,
        "id_number": Person.id_number,
        "area": Area.name,
        "address": Person.current_address,
    }[sort]


def _filtered(f: PeopleFilter, *columns: Any) -> Select[Any]:
    query = select(*columns).where(Person.deleted.is_(False))
    if f.unit_id:
        query = query.where(Person.unit_id == f.unit_id)
    if f.area_id:
        query = query.where(Person.current_area_id == f.area_id)
    if f.sort == "area":
        query = query.outerjoin(Area, Area.id == Person.current_area_id)
    return query


def _ids_query(f: PeopleFilter) -> Select[Any]:
    query, column = _filtered(f, Person.id), _order_column(f.sort)
    if f.descending:
        return query.order_by(column.desc(), Person.sort_key.desc())
    if f.sort == "name":
        return query.order_by(Person.sort_key)  # the index's own order: no sorting
    return query.order_by(column, Person.sort_key)


def first_people_ids(ctx: Ctx, f: PeopleFilter, limit: int) -> list[str]:
    """The first ``limit`` ids of the filter (read at once: in name order a few index rows)."""
    ctx.require(Permission.READ)
    return list(ctx.session.execute(_ids_query(f).limit(limit)).scalars())


def people_ids(
    ctx: Ctx,
    f: PeopleFilter,
    refs: Sequence[str] | None = None,
    *,
    skip: int = 0,
    first: int | None = None,
    chunk: int = CHUNK,
) -> Iterator[list[str]]:
    """The ordered ids of the filter in chunks (``first`` ids, then ``chunk`` at a time),
    from ``skip`` on; with ``refs`` (search hits) only those, in one chunk. One query."""
    ctx.require(Permission.READ)
    if refs is None:
        query = _ids_query(f)
        yield from fast_read.first_column_chunks(
            ctx.session, query.offset(skip) if skip else query, chunk, first
        )
        return
    if not refs:
        yield []
        return
    # At most a few hundred hits: read by primary key and ordered here, so an index on the
    # ordering column never tempts the planner into a full scan.
    query = _filtered(f, Person.id, _order_column(f.sort), Person.sort_key)
    found = ctx.session.execute(query.where(Person.id.in_(list(refs)))).all()
    ordered = sorted(
        found, key=lambda r: (r[1] is not None, r[1] or "", r[2]), reverse=f.descending
    )
    yield [r[0] for r in ordered]


def row_select() -> Select[Any]:
    return select(
        Person.id,
        Person.full_name,
        Person.born,
        Person.sex,
        Person.id_number,
        Area.name,
        Person.current_address,
    ).outerjoin(Area, Area.id == Person.current_area_id)


def person_row(r: Row[Any]) -> PersonRow:
    return PersonRow(
        id=r[0],
        full_name=r[1],
        born=PartialDate.from_iso(r[2]).format() if r[2] else "",
        sex=r[3] or "",
        id_number=mask_id_number(r[4]),  # lists mask it for every role
        area=r[5] or "",
        address=r[6] or "",
    )


def people_rows(ctx: Ctx, ids: Sequence[str]) -> tuple[PersonRow, ...]:
    """The rows of these residents (a page of the list), in no given order."""
    ctx.require(Permission.READ)
    if not ids:
        return ()
    rows = ctx.session.execute(row_select().where(Person.id.in_(list(ids))))
    return tuple(person_row(r) for r in rows)


def areas_of(ctx: Ctx, unit_id: str) -> tuple[tuple[str, str], ...]:
    """The unit's live residential areas as ``(id, name)``, alphabetical ignoring accents."""
    ctx.require(Permission.READ)
    return tuple((a.id, a.name) for a in units.areas(ctx.session, unit_id))
