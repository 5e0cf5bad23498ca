"""The lazy lists' rows, sorted and filtered in SQL: pages of people in Vietnamese order,
and the managed-persons list (đối tượng quản lý) — the ordered ids of a filter with the
assessment each open dossier still needs, then rows a page at a time by id; the same rows,
whole, for ``antt dossier list``; and the choices of the list's filters.

The due state of every open dossier comes from
:func:`antt_desktop.services.assessments.due_assessments` (two queries whatever the number of
dossiers); filtering and ordering by it happen here, over a post's few thousand dossiers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from antt_desktop.domain.dates import PartialDate
from antt_desktop.domain.enums import Cadence, DossierStatus, UnitKind
from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.periods import Period
from antt_desktop.domain.schedule import CategoryRule, due_date
from antt_desktop.domain.text import fold
from antt_desktop.services import catalogues
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.dossiers import is_current
from antt_desktop.services.people_rows import PersonRow, person_row, row_select
from antt_desktop.store.field_crypto import masked
from antt_desktop.store.models import Assessment, Dossier, DossierCategory, Person, Unit
from antt_desktop.store.spelling import Spelling

#: The list's sort keys, in the order of its columns.
DOSSIER_SORTS = ("person", "born", "category", "opened", "status", "officer", "next")
#: Values of ``DossierFilter.due``.
DUE_ANY, DUE_OR_OVERDUE, OVERDUE_ONLY = "", "due", "overdue"


@dataclass(frozen=True)
class DossierFilter:
    """Which dossiers, in which order (``sort``: one of :data:`DOSSIER_SORTS`)."""

    unit_id: str | None = None
    category_code: str | None = None
    status: str | None = None
    area_id: str | None = None
    officer: str | None = None
    year: int | None = None
    person_id: str | None = None
    due: str = DUE_ANY
    sort: str = "person"
    descending: bool = False


@dataclass(frozen=True)
class NextDue:
    """The first assessment a dossier still needs, and where it stands today."""

    dossier_id: str
    period: Period
    due_on: date
    status: str  # due, overdue or upcoming


@dataclass(frozen=True)
class DossierIds:
    """The ordered ids of a filter, and the assessments due or overdue of open dossiers."""

    ids: tuple[str, ...]
    due: tuple[NextDue, ...]


@dataclass(frozen=True)
class DossierRow:
    """One dossier as the list shows it (the ID number masked, as lists show it)."""

    id: str
    person_id: str
    person_name: str
    born: str  # 1990, 03/2000, 12/03/1990
    id_number: str
    category_code: str
    category_vi: str
    category_en: str
    opened_on: date
    status: str
    closed_on: date | None
    officer_name: str
    next_due: NextDue | None  # None: closed, or a category assessed on no schedule

    def category_name(self, lang: str) -> str:
        return self.category_vi if lang == "vi" else self.category_en


@dataclass(frozen=True)
class DossierChoices:
    """What the list's filters offer: categories as ``(code, vi, en)``, the officers named
    on dossiers, the years dossiers were opened (newest first), the commune posts as
    ``(id, name)`` by name."""

    categories: tuple[tuple[str, str, str], ...]
    officers: tuple[str, ...]
    years: tuple[int, ...]
    posts: tuple[tuple[str, str], ...]


def _filtered(f: DossierFilter, sp: Spelling, *columns: Any) -> Select[Any]:
    query = (
        select(*columns)
        .join(Person, Person.id == Dossier.person_id)
        .join(DossierCategory, DossierCategory.code == Dossier.category_code)
        .where(Dossier.deleted.is_(False))
    )
    for column, value in (
        (Dossier.unit_id, f.unit_id),
        (Dossier.category_code, f.category_code),
        (Dossier.status, f.status),
        (Person.current_area_id, f.area_id),
        (Dossier.officer_name, f.officer),
        (Dossier.person_id, f.person_id),
    ):
        if value:
            query = query.where(column == value)
    if f.year:
        query = query.where(
            Dossier.opened_on >= date(f.year, 1, 1), Dossier.opened_on <= date(f.year, 12, 31)
        )
    order: Any = {
        "born": Person.born,
        "category": DossierCategory.position,
        "opened": Dossier.opened_on,
        "status": Dossier.status,
        "officer": Dossier.officer_name,
    }.get(f.sort, Person.sort_key)
    first = sp.order(order, descending=f.descending)  # blanks where SQLite puts them
    return query.order_by(first, Person.sort_key, Dossier.opened_on, Dossier.id)


def dossier_ids(ctx: Ctx, f: DossierFilter, refs: Sequence[str] | None = None) -> DossierIds:
    """The ordered ids of the filter, restricted to the people ``refs`` (search hits)."""
    from antt_desktop.services.assessments import due_assessments  # (``antt dossier list``
    # reads no schedule: the command line loads it only here)

    ctx.require(Permission.READ)
    due: dict[str, NextDue] = {}
    for item in due_assessments(ctx.session, ctx.today, f.unit_id):
        due.setdefault(
            item.dossier_id, NextDue(item.dossier_id, item.period, item.due_on, item.status)
        )
    ids: list[str] = []
    if refs is None or refs:
        query = _filtered(f, Spelling(ctx.session), Dossier.id)
        if refs is not None:
            query = query.where(Dossier.person_id.in_(list(refs)))
        ids = list(ctx.session.execute(query).scalars())
    if f.due == DUE_OR_OVERDUE:
        ids = [i for i in ids if i in due]
    elif f.due == OVERDUE_ONLY:
        ids = [i for i in ids if i in due and due[i].status == "overdue"]
    if f.sort == "next":
        ids.sort(key=lambda i: (0, due[i].due_on) if i in due else (1, date.max))
        if f.descending:
            ids.reverse()
    return DossierIds(tuple(ids), tuple(due.values()))


_ROW_COLUMNS = (
    Dossier.id,
    Dossier.person_id,
    Person.full_name,
    Person.born,
    Person.id_last3,  # lists show the mask only: nothing to open
    Dossier.category_code,
    DossierCategory.name_vi,
    DossierCategory.name_en,
    Dossier.opened_on,
    Dossier.status,
    Dossier.closed_on,
    Dossier.officer_name,
    DossierCategory.cadence,
    DossierCategory.due_day,
)


def _row(r: Any, next_due: NextDue | None) -> DossierRow:
    return DossierRow(
        id=r.id,
        person_id=r.person_id,
        person_name=r.full_name,
        born=PartialDate.from_iso(r.born).format() if r.born else "",
        id_number=masked(r.id_last3),  # lists mask it for every role
        category_code=r.category_code,
        category_vi=r.name_vi,
        category_en=r.name_en,
        opened_on=r.opened_on,
        status=r.status,
        closed_on=r.closed_on,
        officer_name=r.officer_name or "",
        next_due=next_due,
    )


def dossier_rows(
    ctx: Ctx, ids: Sequence[str], due: Mapping[str, NextDue]
) -> tuple[DossierRow, ...]:
    """The rows of these dossiers (a page of the list), in no given order. ``due``: what
    :func:`dossier_ids` found due; an open dossier with nothing due shows its next period."""
    ctx.require(Permission.READ)
    if not ids:
        return ()
    rows = ctx.session.execute(
        select(*_ROW_COLUMNS)
        .join(Person, Person.id == Dossier.person_id)
        .join(DossierCategory, DossierCategory.code == Dossier.category_code)
        .where(Dossier.id.in_(list(ids)))
    ).all()
    upcoming = _upcoming(ctx, [r for r in rows if r.id not in due])
    return tuple(_row(r, due.get(r.id) or upcoming.get(r.id)) for r in rows)


def _upcoming(ctx: Ctx, rows: Sequence[Any]) -> dict[str, NextDue]:
    """The period running today (or the next not yet assessed) of open dossiers with
    nothing due: one query for the page."""
    waiting = [
        r for r in rows if r.status == DossierStatus.OPEN.value and r.cadence != Cadence.NONE.value
    ]
    if not waiting:
        return {}
    done: dict[str, set[str]] = {}
    for dossier_id, label in ctx.session.execute(
        select(Assessment.dossier_id, Assessment.period).where(
            Assessment.dossier_id.in_([r.id for r in waiting]), is_current()
        )
    ):
        done.setdefault(dossier_id, set()).add(label)
    result = {}
    for r in waiting:
        rule = CategoryRule("", Cadence(r.cadence), r.due_day)
        assert rule.period_kind is not None
        period = Period.of(rule.period_kind, max(ctx.today, r.opened_on))
        while period.label() in done.get(r.id, set()):
            period = period.next()
        result[r.id] = NextDue(r.id, period, due_date(rule, period), "upcoming")
    return result


def dossier_list(ctx: Ctx, f: DossierFilter) -> tuple[DossierRow, ...]:
    """Every dossier of the filter in its order, whole (``antt dossier list``); the next
    assessment is left out (None). The category code is read as typed (``suspended``); an
    unknown one is refused."""
    ctx.require(Permission.READ)
    if f.category_code:
        code = f.category_code.strip().upper()
        if catalogues.category(ctx.session, code) is None:
            raise ValidationFailed.single(
                "category_code", "dossier.category_unknown", value=f.category_code
            )
        f = replace(f, category_code=code)
    query = _filtered(f, Spelling(ctx.session), *_ROW_COLUMNS)
    return tuple(_row(r, None) for r in ctx.session.execute(query))


def dossier_choices(ctx: Ctx) -> DossierChoices:
    """What the list's filters offer (categories in catalogue order, officers by name)."""
    ctx.require(Permission.READ)
    s = ctx.session
    cats = tuple((c.code, c.name_vi, c.name_en) for c in catalogues.categories(s))
    officers = s.execute(select(Dossier.officer_name).distinct()).scalars().all()
    first, last = s.execute(select(func.min(Dossier.opened_on), func.max(Dossier.opened_on))).one()
    posts = s.execute(
        select(Unit.id, Unit.name).where(
            Unit.kind == UnitKind.COMMUNE_POST.value, Unit.deleted.is_(False)
        )
    ).all()
    return DossierChoices(
        categories=cats,
        officers=tuple(sorted((o for o in officers if o), key=lambda o: (fold(o), o))),
        years=tuple(range(last.year, first.year - 1, -1)) if first and last else (),
        posts=tuple(sorted(((i, n) for i, n in posts), key=lambda p: fold(p[1]))),
    )


# --- people, a page at a time (benchmarks and scripts) ---------------------------------


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
        row_select()
        .where(Person.deleted.is_(False))
        .order_by(Person.sort_key, Person.id)
        .offset(offset)
        .limit(limit)
    )
    if unit_id:
        query = query.where(Person.unit_id == unit_id)
    return [person_row(r) for r in session.execute(query)]
