"""What the window and the command line read about the post itself: its units, residential
areas and catalogues, the names a printed document's title carries, and the database check.

Every function takes the caller's :class:`Ctx` and returns frozen rows, never ORM objects.
None of this is sensitive (names of units, areas, catalogue entries, a person's name as the
lists show it), so the check is the plain ``Permission.READ`` every role holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from antt_desktop.domain.enums import UnitKind
from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.services import database_check, units
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.database_check import CheckProgress
from antt_desktop.services.households import household_by_number
from antt_desktop.services.stats_model import UnitRef
from antt_desktop.store.models import Area, CatalogueItem, Dossier, Household, Person, Unit


@dataclass(frozen=True)
class CatalogueEntry:
    """One entry of a simple catalogue (ethnic groups, activity kinds, team kinds...)."""

    catalogue: str
    code: str
    name_vi: str
    name_en: str | None


@dataclass(frozen=True)
class AreaRow:
    """A residential area (thôn, tổ dân phố)."""

    id: str
    name: str


@dataclass(frozen=True)
class HouseholdRef:
    """A household as a document title names it: by its number in the register."""

    id: str
    number: str


def _ref(unit: Unit) -> UnitRef:
    return UnitRef(unit.id, unit.code, unit.name)


def catalogue_entries(ctx: Ctx, catalogue: str | None = None) -> tuple[CatalogueEntry, ...]:
    """The live entries of one catalogue (every catalogue when None), in catalogue order."""
    ctx.require(Permission.READ)
    query = select(
        CatalogueItem.catalogue, CatalogueItem.code, CatalogueItem.name_vi, CatalogueItem.name_en
    ).where(CatalogueItem.deleted.is_(False))
    if catalogue is not None:
        query = query.where(CatalogueItem.catalogue == catalogue)
    query = query.order_by(CatalogueItem.catalogue, CatalogueItem.position)
    return tuple(CatalogueEntry(*row) for row in ctx.session.execute(query))


def this_post(ctx: Ctx) -> UnitRef:
    """This installation's own unit."""
    ctx.require(Permission.READ)
    return _ref(ctx.local_unit())


def unit_ref(ctx: Ctx, unit_id: str) -> UnitRef:
    """The live unit with this id (NotFound otherwise)."""
    ctx.require(Permission.READ)
    return _ref(ctx.get(Unit, unit_id, "unit"))


def unit_or_post(ctx: Ctx, code: str | None) -> UnitRef:
    """The unit with this official code, or this post when no code is given (the commands'
    ``--unit``). ValidationFailed ``unit.unknown`` for a code no unit has."""
    ctx.require(Permission.READ)
    return _ref(ctx.unit_by_code(code) if code else ctx.local_unit())


def commune_posts(ctx: Ctx) -> tuple[UnitRef, ...]:
    """The commune posts the database holds (one, or many at an upper unit), by name."""
    ctx.require(Permission.READ)
    rows = ctx.session.execute(
        select(Unit.id, Unit.code, Unit.name).where(
            Unit.kind == UnitKind.COMMUNE_POST.value, Unit.deleted.is_(False)
        )
    )
    return tuple(sorted((UnitRef(*row) for row in rows), key=lambda u: u.name))


def areas(ctx: Ctx, unit_id: str | None = None) -> tuple[AreaRow, ...]:
    """The residential areas of a unit (this post's when None), alphabetically."""
    ctx.require(Permission.READ)
    unit = ctx.get_unit(unit_id)
    return tuple(AreaRow(a.id, a.name) for a in units.areas(ctx.session, unit.id))


def area_ref(ctx: Ctx, area_id: str) -> AreaRow:
    """The live area with this id (NotFound otherwise)."""
    ctx.require(Permission.READ)
    area = ctx.get(Area, area_id, "area")
    return AreaRow(area.id, area.name)


def area_named(ctx: Ctx, name: str) -> AreaRow:
    """This post's area with this name, ignoring case and accents (as typed on a command
    line); ValidationFailed ``area.unknown`` otherwise."""
    ctx.require(Permission.READ)
    area = units.area_by_name(ctx, name)
    return AreaRow(area.id, area.name)


def person_name(ctx: Ctx, person_id: str) -> str:
    """The full name of a live person (NotFound otherwise)."""
    ctx.require(Permission.READ)
    return ctx.get(Person, person_id, "person").full_name


def dossier_person_name(ctx: Ctx, dossier_id: str) -> str:
    """The full name of the person a live dossier is about (NotFound otherwise)."""
    ctx.require(Permission.READ)
    dossier = ctx.get(Dossier, dossier_id, "dossier")
    return ctx.get(Person, dossier.person_id, "person").full_name


def household_ref(ctx: Ctx, household_id: str) -> HouseholdRef:
    """The live household with this id (NotFound otherwise)."""
    ctx.require(Permission.READ)
    household = ctx.get(Household, household_id, "household")
    return HouseholdRef(household.id, household.number)


def household_typed(ctx: Ctx, typed: str) -> HouseholdRef:
    """The household a command line names: its number in this post, else its id.
    ValidationFailed ``household.unknown`` when neither finds a live one."""
    ctx.require(Permission.READ)
    found = household_by_number(ctx.session, typed, ctx.local_unit().id)
    if found is None:
        found = ctx.session.get(Household, typed.strip())
    if found is None or found.deleted:
        raise ValidationFailed.single("household_id", "household.unknown", value=typed)
    return HouseholdRef(found.id, found.number)


def has_residents(ctx: Ctx) -> bool:
    """Whether the post holds any person yet (a new demo post is filled once)."""
    ctx.require(Permission.READ)
    return bool(ctx.session.execute(select(func.count()).select_from(Person)).scalar_one())


def database_problems(
    ctx: Ctx, *, full: bool = False, progress: CheckProgress | None = None
) -> tuple[str, ...]:
    """What ``antt check`` finds wrong (empty when sound). Not gated by a permission: any
    account may learn whether its database is damaged; the problems name tables and rows,
    not their content.

    The quick check (seconds on the district) reads the schema against the models, runs
    SQLite's checks on the small tables, compares a random sample of the search index and
    the head of the audit log. ``full`` reads everything: SQLite's ``integrity_check`` and
    ``foreign_key_check`` over the file, every search index entry, every audit entry;
    ``progress`` is told each step (:data:`database_check.STEPS`) and how far it is.

    Raises:
        DatabaseNotInitialised: the file holds no post (no local node row).
    """
    return tuple(database_check.problems(ctx.session, full=full, progress=progress))


def warm_up() -> None:
    """Import and configure the database layer now (the window calls this on a thread while
    the officer types the password, so the login's first query then runs at once)."""
    from sqlalchemy.orm import configure_mappers

    import antt_desktop.security.login
    import antt_desktop.services.accounts  # noqa: F401

    configure_mappers()
