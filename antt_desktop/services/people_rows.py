"""Residents (nhân khẩu) as typed rows: the list as lazy lists fetch it (the ordered ids of
a filter, read off an index and streamed in chunks, then rows a page at a time by id;
sorting and filtering in SQL), and one resident as the editor and ``person show`` read it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Row, Select, bindparam, select

from antt_desktop.domain.dates import PartialDate
from antt_desktop.i18n.texts.privacy import WITHHELD_VALUE
from antt_desktop.services import catalogues, corrections, households, units
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.disclosure import SENSITIVE, in_record
from antt_desktop.services.people import PersonInput
from antt_desktop.store import fast_read, field_crypto, search_index
from antt_desktop.store.models import Area, Household, Person
from antt_desktop.store.spelling import Spelling

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
    id_number: str  # masked: •••••••••678
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


def _ids_query(f: PeopleFilter, sp: Spelling) -> Select[Any]:
    query, column = _filtered(f, Person.id), _order_column(f.sort)
    if f.descending:  # a blank value (no area, no date of birth) last, as SQLite orders it
        return query.order_by(sp.order(column, descending=True), Person.sort_key.desc())
    if f.sort == "name":
        return query.order_by(Person.sort_key)  # the index's own order: no sorting
    return query.order_by(sp.order(column, descending=False), Person.sort_key)


def first_people_ids(ctx: Ctx, f: PeopleFilter, limit: int) -> list[str]:
    """The first ``limit`` ids of the filter (read at once: in name order a few index rows)."""
    ctx.require(Permission.READ)
    return list(ctx.session.execute(_ids_query(f, Spelling(ctx.session)).limit(limit)).scalars())


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
        query = _ids_query(f, Spelling(ctx.session))
        yield from fast_read.first_column_chunks(
            ctx.session, query.offset(skip) if skip else query, chunk, first
        )
        return
    if not refs:
        yield []
        return
    # At most a few hundred hits: read by primary key and ordered here, so an index on the
    # ordering column never tempts the planner into a full scan.
    found = _hits_in_order(ctx, f, refs)
    ordered = sorted(
        found, key=lambda r: (r[1] is not None, r[1] or "", r[2]), reverse=f.descending
    )
    yield [r[0] for r in ordered]


def _hits_in_order(ctx: Ctx, f: PeopleFilter, refs: Sequence[str]) -> list[tuple[Any, ...]]:
    """``(id, the ordering column's value, sort key)`` of the live hits ``refs`` within the
    filter, read at every keystroke of a search (through a SQLAlchemy result the 300 hits
    of a search took 1.2 ms, 0.6 ms so)."""
    shape = _HITS_QUERIES[(f.sort, f.unit_id is not None, f.area_id is not None)]
    given = {"unit": f.unit_id, "area": f.area_id}
    return fast_read.rows_by_ids(ctx.session, shape, refs, given)


def _hits_query(sort: str, unit: bool, area: bool) -> Callable[[int], Select[Any]]:
    def query(count: int) -> Select[Any]:
        found = _filtered(PeopleFilter(sort=sort), Person.id, _order_column(sort), Person.sort_key)
        if unit:
            found = found.where(Person.unit_id == bindparam("unit", ""))
        if area:
            found = found.where(Person.current_area_id == bindparam("area", ""))
        return found.where(Person.id.in_(bindparam("ids", [""] * count, expanding=True)))

    return query


#: The query of :func:`_hits_in_order` for each sort and filter (one function each: the
#: statements are compiled once per function and number of ids).
_HITS_QUERIES = {
    (sort, unit, area): _hits_query(sort, unit, area)
    for sort in PEOPLE_SORTS
    for unit in (False, True)
    for area in (False, True)
}


def row_select() -> Select[Any]:
    return select(
        Person.id,
        Person.full_name,
        Person.born,
        Person.sex,
        Person.id_last3,  # lists show the mask only: nothing to open
        Area.name,
        Person.current_address,
    ).outerjoin(Area, Area.id == Person.current_area_id)


@lru_cache(maxsize=4096)
def born_text(iso: str) -> str:
    """A stored birth date as lists show it (1990, 03/2000, 12/03/1990), remembered for
    the dates seen lately (a search's hits, the screens scrolled through)."""
    return PartialDate.from_iso(iso).format()


def person_row(r: Row[Any] | tuple[Any, ...]) -> PersonRow:
    return PersonRow(
        id=r[0],
        full_name=r[1],
        born=born_text(r[2]) if r[2] else "",
        sex=r[3] or "",
        id_number=field_crypto.masked(r[4]),  # lists mask it for every role
        area=r[5] or "",
        address=r[6] or "",
    )


def people_rows(ctx: Ctx, ids: Sequence[str]) -> tuple[PersonRow, ...]:
    """The rows of these residents (a page of the list), in no given order."""
    ctx.require(Permission.READ)
    if not ids:
        return ()
    # A page is read at every jump of the scroll bar (its columns are plain text, so
    # SQLAlchemy's result rows would only add their cost).
    return tuple(map(person_row, fast_read.rows_by_ids(ctx.session, _rows_query, ids)))


def _rows_query(count: int) -> Select[Any]:
    """:func:`row_select` for ``count`` ids."""
    return row_select().where(Person.id.in_(bindparam("ids", [""] * count, expanding=True)))


def areas_of(ctx: Ctx, unit_id: str) -> tuple[tuple[str, str], ...]:
    """The unit's live residential areas as ``(id, name)``, alphabetical ignoring accents."""
    ctx.require(Permission.READ)
    return tuple((a.id, a.name) for a in units.areas(ctx.session, unit_id))


# --- one resident ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonDetails:
    """A resident as an opened record shows them: every field of ``PersonInput`` (codes and
    ids, ``born`` as written: 12/03/1990), the names those stand for, and ``withheld``: the
    sensitive fields holding a value this reader is not shown whole (masked or None)."""

    id: str
    unit_id: str
    full_name: str
    other_names: str | None
    born: str | None
    sex: str | None
    id_number: str | None
    id_override_reason: str | None
    legacy_id: str | None
    ethnic_code: str | None
    religion_code: str | None
    nationality: str | None
    birth_place: str | None
    permanent_area_id: str | None
    permanent_address: str | None
    current_area_id: str | None
    current_address: str | None
    occupation: str | None
    phone: str | None
    household_id: str | None
    relation_to_head: str | None
    notes: str | None
    ethnic_name: str | None
    religion_name: str | None
    permanent_area: str | None
    current_area: str | None
    household_number: str | None
    withheld: tuple[str, ...]


@dataclass(frozen=True)
class PersonForm:
    """What the resident editor shows: the person (None for a new one), their unit, and the
    choices of its lists as ``(code, name)``."""

    person: PersonDetails | None
    unit_id: str
    ethnic_groups: tuple[tuple[str, str], ...]
    religions: tuple[tuple[str, str], ...]
    areas: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class CorrectionRow:
    """A correction with its values as the officer reads them (names for codes, "—" for
    blank, "(không hiển thị)" when ``line.withheld``)."""

    line: corrections.CorrectionLine
    old_text: str
    new_text: str


@dataclass(frozen=True)
class CorrectionHistory:
    person_id: str
    full_name: str
    rows: tuple[CorrectionRow, ...]  # oldest first


def person_details(ctx: Ctx, person_id: str) -> PersonDetails:
    """The live resident, as this reader may see an opened record.

    Raises:
        NotFound: if there is no such person (or they were deleted).
    """
    ctx.require(Permission.READ)
    field_crypto.forget_broken(ctx.session)
    p = ctx.get(Person, person_id, "person")
    field_crypto.refuse_broken(ctx.session)  # a sealed value copied from elsewhere, named
    shown = in_record(ctx)
    values = asdict(PersonInput.from_person(p))
    ethnic = catalogues.codes(ctx.session, catalogues.ETHNIC)
    religion = catalogues.codes(ctx.session, catalogues.RELIGION)
    ids = [i for i in (p.permanent_area_id, p.current_area_id) if i]
    areas = dict(
        ctx.session.execute(select(Area.id, Area.name).where(Area.id.in_(ids))).tuples().all()
    )
    number = ctx.session.execute(
        select(Household.number).where(Household.id == p.household_id)
    ).scalar()
    return PersonDetails(
        id=p.id,
        unit_id=p.unit_id,
        **shown.person(values),
        ethnic_name=shown.value("ethnic_code", ethnic.get(p.ethnic_code or "", p.ethnic_code)),
        religion_name=shown.value(
            "religion_code", religion.get(p.religion_code or "", p.religion_code)
        ),
        permanent_area=areas.get(p.permanent_area_id or ""),
        current_area=areas.get(p.current_area_id or ""),
        household_number=number,
        withheld=tuple(
            shown.withheld({n: getattr(p, n) for n in SENSITIVE})
            if shown.sensitive
            # without the fields key the values are not even here: what is stored counts
            else [n for n in SENSITIVE if getattr(p, f"{n}_sealed", getattr(p, n))]
        ),
    )


def person_form(ctx: Ctx, person_id: str | None) -> PersonForm:
    """What the editor of this resident (a new one: None, in this post) shows."""
    ctx.require(Permission.READ)
    person = person_details(ctx, person_id) if person_id else None
    unit_id = person.unit_id if person else ctx.local_unit().id
    return PersonForm(
        person=person,
        unit_id=unit_id,
        ethnic_groups=tuple(catalogues.codes(ctx.session, catalogues.ETHNIC).items()),
        religions=tuple(catalogues.codes(ctx.session, catalogues.RELIGION).items()),
        areas=areas_of(ctx, unit_id),
    )


def household_by_number(ctx: Ctx, unit_id: str, number: str) -> str | None:
    """The id of the unit's live household with this number, or None."""
    ctx.require(Permission.READ)
    household = households.household_by_number(ctx.session, number, unit_id)
    return household.id if household is not None else None


def correction_history(ctx: Ctx, person_id: str, word: Callable[[str], str]) -> CorrectionHistory:
    """A resident's corrections as this reader may see them (``word`` translates the
    words the values are shown with: "male", "(not shown)").

    Raises:
        NotFound: if there is no such person.
    """
    ctx.require(Permission.READ)
    person = ctx.get(Person, person_id, "person")

    def text(line: corrections.CorrectionLine, value: str | None) -> str:
        if line.withheld:
            return word(WITHHELD_VALUE)
        return corrections.value_text(ctx.session, line.field, value, word)

    rows = tuple(
        CorrectionRow(line, text(line, line.old_value), text(line, line.new_value))
        for line in corrections.history(ctx, person.id)
    )
    return CorrectionHistory(person.id, person.full_name, rows)
