"""What the window and the command line show of households (hộ gia đình), as typed rows.

The register list (ids, then pages of rows, sorted and filtered in SQL), one household with
its members, pledges and yearly status, and where the editor starts (its check is
``households.check_add_household`` / ``check_edit_household``). Every function checks that
the reader may read records; a household shows nothing the disclosure rules mask (members'
ID numbers, ethnicity and religion are not part of it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from antt_desktop.domain.dates import PartialDate
from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.text import fold, natural_key
from antt_desktop.services import households, memberships, pledges
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.units import areas
from antt_desktop.store import search_index
from antt_desktop.store.models import Area, Household, HouseholdYearStatus, Person, Pledge
from antt_desktop.store.spelling import Spelling

#: The pledge filter's value for "no pledge recorded for the year".
NO_PLEDGE = "none"
#: Orders of the register list, one per column of the window's list.
SORTS = ("number", "head", "area", "address", "members", "pledge")
SEARCH_LIMIT = 20_000


# --- the register --------------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdFilter:
    """Which households the register shows, and in what order (``sort`` one of SORTS)."""

    year: int
    unit_id: str | None = None
    area_id: str | None = None
    pledge: str | None = None  # a pledge status, NO_PLEDGE, or None for any
    search: str = ""
    sort: str = "number"
    descending: bool = False


@dataclass(frozen=True)
class HouseholdRow:
    """One line of the register; ``pledge`` is the status of the year asked (None: none)."""

    id: str
    number: str
    head: str | None
    area: str | None
    address: str | None
    members: int
    pledge: str | None


def _pledge_of_year(year: int) -> Any:
    return and_(Pledge.household_id == Household.id, Pledge.year == year, Pledge.deleted.is_(False))


def _filtered(ctx: Ctx, query: Select[Any], f: HouseholdFilter) -> Select[Any]:
    query = query.where(Household.deleted.is_(False))
    if f.unit_id:
        query = query.where(Household.unit_id == f.unit_id)
    if f.area_id:
        query = query.where(Household.area_id == f.area_id)
    if f.pledge == NO_PLEDGE:
        query = query.where(Pledge.id.is_(None))
    elif f.pledge:
        query = query.where(Pledge.status == f.pledge)
    if f.search:
        hits = search_index.search(
            ctx.session.connection(),
            f.search,
            limit=SEARCH_LIMIT,
            kind="household",
            unit_id=f.unit_id,
        )
        matches: ColumnElement[bool] = Household.id.in_([h.ref for h in hits])
        if " " not in f.search:  # a household number, or part of one
            matches = or_(matches, Household.number.contains(f.search, autoescape=True))
        query = query.where(matches)
    return query


def _member_count() -> Any:
    member = aliased(Person)
    return (
        select(func.count(member.id))
        .where(member.household_id == Household.id, member.deleted.is_(False))
        .correlate(Household)
        .scalar_subquery()
    )


def _order(ctx: Ctx, f: HouseholdFilter) -> list[Any]:
    keys: list[Any] = []
    if f.sort == "head":
        keys = [Person.sort_key]
    elif f.sort == "area":
        # Vietnamese order with numbers by value is not SQL's: rank the areas here
        names = ctx.session.execute(select(Area.id, Area.name)).all()
        ranked = sorted(names, key=lambda r: natural_key(r[1]))
        ranks = {ident: i for i, (ident, _n) in enumerate(ranked)}
        keys = [case(ranks, value=Household.area_id, else_=-1)] if ranks else []
    elif f.sort == "address":
        keys = [Household.address]
    elif f.sort == "members":
        keys = [_member_count()]
    elif f.sort == "pledge":
        keys = [Pledge.status]
    keys += [func.length(Household.number), Household.number]
    sp = Spelling(ctx.session)
    return [sp.order(k, f.descending) for k in keys]


#: The register's ids read a batch at a time (a server's through a cursor of its own), never
#: all rows at once in the driver: an upper unit's 400,000 households held 230 MB so.
_STREAMED = {"yield_per": 20_000}


def household_ids(ctx: Ctx, f: HouseholdFilter) -> tuple[str, ...]:
    """Every household id of the filter, in the order asked (one query on the indexes)."""
    ctx.require(Permission.READ)
    query = (
        select(Household.id)
        .outerjoin(Pledge, _pledge_of_year(f.year))
        .outerjoin(Person, Person.id == Household.head_person_id)
    )
    if f.sort == "number":
        # numbers as people count them ("2a" before "10"): the one natural order, in Python,
        # since SQL has none (a post's few thousand numbers sort in milliseconds)
        # each number's key made once: a province's 400,000 households have a few thousand
        # numbers ("0042" in every post), so the keys are shared and the sort is the keys'
        keys: dict[str, str] = {}
        ranked: list[tuple[str, str]] = []
        for ident, number in ctx.session.execute(
            _filtered(ctx, query.add_columns(Household.number), f), execution_options=_STREAMED
        ):
            key = keys.get(number)
            if key is None:
                key = keys[number] = natural_key(number)
            ranked.append((key, ident))
        ranked.sort(reverse=f.descending)
        return tuple(ident for _key, ident in ranked)
    query = _filtered(ctx, query, f).order_by(*_order(ctx, f), Household.id)
    return tuple(ctx.session.execute(query, execution_options=_STREAMED).scalars())


def _rows(ctx: Ctx, year: int, *where: Any) -> list[HouseholdRow]:
    head = aliased(Person)
    query = (
        select(
            Household.id,
            Household.number,
            head.full_name,
            Area.name,
            Household.address,
            _member_count(),
            Pledge.status,
        )
        .outerjoin(head, head.id == Household.head_person_id)
        .outerjoin(Area, Area.id == Household.area_id)
        .outerjoin(Pledge, _pledge_of_year(year))
        .where(*where)
    )
    return [HouseholdRow(*r) for r in ctx.session.execute(query)]


def household_rows(ctx: Ctx, ids: Sequence[str], year: int) -> tuple[HouseholdRow, ...]:
    """The rows of these households (a page of the register), in the order of ``ids``."""
    ctx.require(Permission.READ)
    by_id = {r.id: r for r in _rows(ctx, year, Household.id.in_(ids))}
    return tuple(by_id[i] for i in ids if i in by_id)


def households_by_number(ctx: Ctx, area_id: str | None = None) -> tuple[HouseholdRow, ...]:
    """This post's live households (of one area), in the order people count numbers; the
    pledge column is this year's."""
    ctx.require(Permission.READ)
    where = [Household.unit_id == ctx.local_unit().id, Household.deleted.is_(False)]
    if area_id:
        where.append(Household.area_id == area_id)
    return tuple(sorted(_rows(ctx, ctx.today.year, *where), key=lambda r: natural_key(r.number)))


@dataclass(frozen=True)
class AreaRow:
    id: str
    name: str
    kind: str
    households: int


def areas_with_households(ctx: Ctx) -> tuple[AreaRow, ...]:
    """This post's areas in alphabetical order, each with its number of live households."""
    ctx.require(Permission.READ)
    unit_id = ctx.local_unit().id
    counts: dict[str | None, int] = {
        area_id: n
        for area_id, n in ctx.session.execute(
            select(Household.area_id, func.count(Household.id))
            .where(Household.unit_id == unit_id, Household.deleted.is_(False))
            .group_by(Household.area_id)
        ).tuples()
    }
    return tuple(
        AreaRow(a.id, a.name, a.kind, counts.get(a.id, 0)) for a in areas(ctx.session, unit_id)
    )


# --- one household -------------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdDetails:
    """A household's own fields, its head's name and its area's name.

    ``head_live``: the head's person record is not tombstoned (a pledge is signed by a live
    head only).
    """

    id: str
    unit_id: str
    number: str
    head_person_id: str | None
    head_name: str | None
    head_live: bool
    area_id: str | None
    area: str | None
    address: str | None
    notes: str | None


@dataclass(frozen=True)
class MemberRow:
    """A member: ``born`` as written (``05/1990``), None when unknown."""

    id: str
    full_name: str
    relation_to_head: str | None
    born: str | None
    sex: str | None


@dataclass(frozen=True)
class PledgeRow:
    id: str
    household_id: str
    household_number: str
    year: int
    status: str
    signed_on: date | None
    signer_name: str | None
    officer_name: str | None
    cultured_family: bool | None
    violation_notes: str | None
    template_version: str


@dataclass(frozen=True)
class PovertyRow:
    year: int
    status: str  # one of households.POVERTY_STATUSES


@dataclass(frozen=True)
class HouseholdPage:
    """A household as its view and ``household show`` give it: members the head first,
    pledges and yearly statuses the latest year first."""

    household: HouseholdDetails
    members: tuple[MemberRow, ...]
    pledges: tuple[PledgeRow, ...]
    poverty: tuple[PovertyRow, ...]


def _details(ctx: Ctx, household: Household) -> HouseholdDetails:
    s = ctx.session
    head = s.get(Person, household.head_person_id) if household.head_person_id else None
    area = s.get(Area, household.area_id) if household.area_id else None
    return HouseholdDetails(
        id=household.id,
        unit_id=household.unit_id,
        number=household.number,
        head_person_id=household.head_person_id,
        head_name=head.full_name if head else None,
        head_live=head is not None and not head.deleted,
        area_id=household.area_id,
        area=area.name if area else None,
        address=household.address,
        notes=household.notes,
    )


def household_details(ctx: Ctx, household_id: str) -> HouseholdDetails:
    """The live household with this id, or NotFound."""
    ctx.require(Permission.READ)
    return _details(ctx, ctx.get(Household, household_id, "household"))


def find_household(ctx: Ctx, ref: str) -> HouseholdDetails:
    """The live household of this post with this id or household number (as typed)."""
    ctx.require(Permission.READ)
    household = ctx.session.get(Household, ref.strip())
    if household is None or household.deleted:
        household = households.household_by_number(ctx.session, ref, ctx.local_unit().id)
    if household is None:
        raise ValidationFailed.single("household_id", "household.unknown", value=ref)
    return _details(ctx, household)


def _pledge_row(pledge: Pledge, number: str) -> PledgeRow:
    return PledgeRow(
        id=pledge.id,
        household_id=pledge.household_id,
        household_number=number,
        year=pledge.year,
        status=pledge.status,
        signed_on=pledge.signed_on,
        signer_name=pledge.signer_name,
        officer_name=pledge.officer_name,
        cultured_family=pledge.cultured_family,
        violation_notes=pledge.violation_notes,
        template_version=pledge.template_version,
    )


def members_of(ctx: Ctx, household_id: str) -> tuple[MemberRow, ...]:
    """Live members, the head first, then the oldest first (unknown birth dates last)."""
    ctx.require(Permission.READ)
    return tuple(
        MemberRow(
            id=p.id,
            full_name=p.full_name,
            relation_to_head=p.relation_to_head,
            born=PartialDate.from_iso(p.born).format() if p.born else None,
            sex=p.sex,
        )
        for p in memberships.members(ctx.session, household_id)
    )


def household_page(ctx: Ctx, household_id: str) -> HouseholdPage:
    """A live household with its members, pledges and yearly status, or NotFound."""
    details = household_details(ctx, household_id)
    s = ctx.session
    pledge_rows = s.execute(
        select(Pledge)
        .where(Pledge.household_id == details.id, Pledge.deleted.is_(False))
        .order_by(Pledge.year.desc())
    ).scalars()
    statuses = s.execute(
        select(HouseholdYearStatus.year, HouseholdYearStatus.status)
        .where(
            HouseholdYearStatus.household_id == details.id,
            HouseholdYearStatus.deleted.is_(False),
        )
        .order_by(HouseholdYearStatus.year.desc())
    ).tuples()
    return HouseholdPage(
        household=details,
        members=members_of(ctx, details.id),
        pledges=tuple(_pledge_row(p, details.number) for p in pledge_rows),
        poverty=tuple(PovertyRow(year, status) for year, status in statuses),
    )


def pledge_row(ctx: Ctx, pledge_id: str) -> PledgeRow:
    """The live pledge with this id, with its household's number, or NotFound."""
    ctx.require(Permission.READ)
    pledge = ctx.get(Pledge, pledge_id, "pledge")
    household = ctx.session.get(Household, pledge.household_id)
    return _pledge_row(pledge, household.number if household else "")


def poverty_status_of(ctx: Ctx, household_id: str, year: int) -> str | None:
    """The household's poor / near-poor status recorded for that year (None: not recorded)."""
    ctx.require(Permission.READ)
    return households.poverty_status(ctx.session, household_id, year)


def area_coverage(ctx: Ctx, year: int) -> tuple[pledges.AreaCoverage, ...]:
    """This post's pledges of a year per area, then the total (``pledges.pledge_coverage``)."""
    ctx.require(Permission.READ)
    return tuple(pledges.pledge_coverage(ctx.session, year, ctx.local_unit().id))


# --- the editor ----------------------------------------------------------------------------


@dataclass(frozen=True)
class NewHousehold:
    """Where the editor of a new household starts: its unit and the next free number."""

    unit_id: str
    number: str


def new_household(ctx: Ctx, unit_id: str | None = None) -> NewHousehold:
    """The unit (this post's when None) and the number after its highest numeric one,
    zero-padded like it ("" when no number is numeric)."""
    ctx.require(Permission.READ)
    unit = ctx.get_unit(unit_id)
    numbers = ctx.session.execute(
        select(Household.number).where(Household.unit_id == unit.id)
    ).scalars()
    numeric = [n for n in numbers if n.isdigit()]
    if not numeric:
        return NewHousehold(unit.id, "")
    top = max(numeric, key=int)
    return NewHousehold(unit.id, str(int(top) + 1).zfill(len(top)))


# --- choosing a household by search ---------------------------------------------------------


@dataclass(frozen=True)
class HouseholdChoice:
    """A household as a chooser offers it: "Số hộ — chủ hộ — địa chỉ"."""

    id: str
    number: str
    head: str | None
    address: str | None
    area: str | None

    @property
    def label(self) -> str:
        place = _place(self.address, self.area)
        return " — ".join(p for p in (self.number, self.head or "", place) if p)


def _place(address: str | None, area: str | None) -> str:
    """The address, followed by its area unless the address already names it."""
    if address and area and fold(area) not in fold(address):
        return f"{address}, {area}"
    return address or area or ""


def household_choices(
    ctx: Ctx, text: str, unit_id: str | None = None, limit: int = 30
) -> tuple[HouseholdChoice, ...]:
    """The unit's live households matching ``text`` (accents optional): the head's name, the
    household number or part of it, the address or the area's name. A number typed exactly
    comes first, then the others in the order people count numbers; nothing for no text."""
    ctx.require(Permission.READ)
    text = " ".join(text.split())
    if not text:
        return ()
    unit = unit_id or ctx.local_unit().id
    found = household_ids(ctx, HouseholdFilter(year=ctx.today.year, unit_id=unit, search=text))
    wanted = fold(text)
    areas_named = [
        area_id
        for area_id, name in ctx.session.execute(
            select(Area.id, Area.name).where(Area.unit_id == unit, Area.deleted.is_(False))
        )
        if wanted in fold(name)
    ]
    if areas_named:
        found += tuple(
            ctx.session.execute(
                select(Household.id).where(
                    Household.area_id.in_(areas_named),
                    Household.unit_id == unit,
                    Household.deleted.is_(False),
                )
            ).scalars()
        )
    rows = {r.id: r for r in _rows(ctx, ctx.today.year, Household.id.in_(set(found)))}
    ordered = sorted(
        rows.values(), key=lambda r: (r.number.lower() != text.lower(), natural_key(r.number))
    )
    return tuple(
        HouseholdChoice(r.id, r.number, r.head, r.address, r.area) for r in ordered[:limit]
    )


def household_choice(ctx: Ctx, household_id: str) -> HouseholdChoice | None:
    """One household as a chooser shows it (None when there is no such live household)."""
    ctx.require(Permission.READ)
    rows = _rows(ctx, ctx.today.year, Household.id == household_id, Household.deleted.is_(False))
    return (
        HouseholdChoice(rows[0].id, rows[0].number, rows[0].head, rows[0].address, rows[0].area)
        if rows
        else None
    )
