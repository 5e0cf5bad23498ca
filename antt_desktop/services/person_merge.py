"""Merging two records of one person (gộp hồ sơ trùng): typed twice, or received from two
posts' registers.

The survivor keeps everything both records hold: every dossier, violation, correction,
transfer, team membership, household headship and commendation of the absorbed record is
re-pointed at it. Its own values win; each of its blank fields is filled from the absorbed
record, and each fill is kept in its correction history. The absorbed record stays as a
tombstone naming the survivor (``merged_into``), so the merge travels in sync: every node that
receives it re-points its own rows, and rows that arrive later naming the absorbed record are
re-pointed on arrival (:mod:`antt_desktop.sync.apply`).

Refused, before anything is written, when: the two are the same record; either is missing,
deleted or already merged; both carry an ID number and they differ (two people); both have
an open dossier of the same category (one person is managed once per category: the officer
closes the duplicate dossier, with its reason, first — merging would silently keep two); they
belong to different households (the officer decides which household is right and moves the
person first); or either record belongs to another post. Only roles that may write records
merge them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, select

from antt_desktop.domain.dates import PartialDate
from antt_desktop.domain.errors import Problem, ValidationFailed, raise_if_errors
from antt_desktop.services import corrections
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.ownership import require_owned
from antt_desktop.store import changes, person_refs
from antt_desktop.store.base import Base, Synced
from antt_desktop.store.models import Dossier, DossierCategory, Household, Person

#: The fields a survivor's blank is filled from, in the order the comparison shows them.
FILLED = person_refs.DETAILS
#: Filled with another field, never on their own.
_DERIVED = {"born": ("birth_year",)}
#: What the correction history does not list (it belongs to the ID number's line).
_UNTRACKED = ("id_override_reason",)
#: The reason kept with each filled field in the correction history.
MERGE_REASON = "Gộp hồ sơ trùng"


@dataclass(frozen=True)
class MergePlan:
    """What a merge does: the fields the survivor takes from the absorbed record, and how
    many rows of each table move to the survivor."""

    survivor_id: str
    absorbed_id: str
    filled: dict[str, Any] = field(default_factory=dict)
    moving: dict[str, int] = field(default_factory=dict)

    @property
    def moved_rows(self) -> int:
        return sum(self.moving.values())


def _person(ctx: Ctx, ident: str, role: str) -> tuple[Person | None, list[Problem]]:
    person = ctx.session.get(Person, ident) if ident else None
    if person is None or person.deleted:
        return None, [Problem(role, "merge.person_unknown", {"value": ident})]
    try:
        require_owned(ctx, person, role)
    except ValidationFailed as exc:
        return person, exc.problems
    return person, []


def _open_categories(ctx: Ctx, person_id: str) -> set[str]:
    return set(
        ctx.session.scalars(
            select(Dossier.category_code).where(
                Dossier.person_id == person_id,
                Dossier.status == "open",
                Dossier.deleted.is_(False),
            )
        )
    )


def _household_number(ctx: Ctx, household_id: str) -> str:
    household = ctx.session.get(Household, household_id)
    return household.number if household is not None else household_id


def _problems(ctx: Ctx, survivor_id: str, absorbed_id: str) -> list[Problem]:
    if survivor_id == absorbed_id:
        return [Problem("absorbed_id", "merge.same_person")]
    survivor, problems = _person(ctx, survivor_id, "survivor_id")
    absorbed, more = _person(ctx, absorbed_id, "absorbed_id")
    problems += more
    if survivor is None or absorbed is None:
        return problems
    if survivor.id_number and absorbed.id_number and survivor.id_number != absorbed.id_number:
        problems.append(
            Problem(
                "absorbed_id",
                "merge.id_numbers_differ",
                {"survivor": survivor.id_number, "absorbed": absorbed.id_number},
            )
        )
    both = _open_categories(ctx, survivor.id) & _open_categories(ctx, absorbed.id)
    for code in sorted(both):
        category = ctx.session.scalar(
            select(DossierCategory.name_vi).where(DossierCategory.code == code)
        )
        problems.append(
            Problem(
                "absorbed_id", "merge.open_dossiers_same_category", {"category": category or code}
            )
        )
    if (
        survivor.household_id
        and absorbed.household_id
        and (survivor.household_id != absorbed.household_id)
    ):
        problems.append(
            Problem(
                "absorbed_id",
                "merge.different_households",
                {
                    "survivor": _household_number(ctx, survivor.household_id),
                    "absorbed": _household_number(ctx, absorbed.household_id),
                },
            )
        )
    return problems


def check_merge_people(ctx: Ctx, survivor_id: str, absorbed_id: str) -> list[Problem]:
    """What :func:`merge_people` would refuse; reads, never writes."""
    ctx.require(Permission.READ)
    return _problems(ctx, survivor_id, absorbed_id)


def _fills(survivor: Person, absorbed: Person) -> dict[str, Any]:
    filled: dict[str, Any] = {}
    for name in FILLED:
        if getattr(survivor, name) in (None, "") and getattr(absorbed, name) not in (None, ""):
            filled[name] = getattr(absorbed, name)
    return filled


def plan_merge(ctx: Ctx, survivor_id: str, absorbed_id: str) -> MergePlan:
    """What merging would do (for the question asked before it); ValidationFailed when it
    would be refused. Reads, never writes."""
    raise_if_errors(check_merge_people(ctx, survivor_id, absorbed_id))
    survivor = ctx.session.get(Person, survivor_id)
    absorbed = ctx.session.get(Person, absorbed_id)
    assert survivor is not None and absorbed is not None
    moving = {
        t: n for t, n in person_refs.count(ctx.session.connection(), absorbed.id).items() if n
    }
    return MergePlan(survivor.id, absorbed.id, _fills(survivor, absorbed), moving)


def _history_value(name: str, value: Any) -> Any:
    return PartialDate.from_iso(value).format() if name == "born" and value else value


def _mapped(table: str) -> type[Base] | None:
    for mapper in Base.registry.mappers:
        if cast(Table, mapper.local_table).name == table:
            return cast(type[Base], mapper.class_)
    return None


def _repoint_mutable(ctx: Ctx, absorbed_id: str, survivor_id: str) -> None:
    """Rows that may change move by the ORM: stamped, they travel as edits of their own."""
    for table, column in sorted(person_refs.REFERENCES):
        cls = _mapped(table)
        if cls is None or not issubclass(cls, Synced) or cls.append_only:
            continue
        attr = getattr(cls, column)
        for row in ctx.session.scalars(select(cls).where(attr == absorbed_id)):
            setattr(row, column, survivor_id)
    ctx.session.flush()


def merge_people(ctx: Ctx, survivor_id: str, absorbed_id: str) -> MergePlan:
    """Merge ``absorbed_id`` into ``survivor_id`` in the caller's transaction (see the
    module's docstring). Raises ValidationFailed, PermissionDenied and writes nothing when
    refused. Returns what it did."""
    ctx.require(Permission.WRITE)
    plan = plan_merge(ctx, survivor_id, absorbed_id)
    s = ctx.session
    survivor = s.get(Person, survivor_id)
    absorbed = s.get(Person, absorbed_id)
    assert survivor is not None and absorbed is not None
    # the absorbed record lets go of its ID number first: the survivor may take it
    absorbed.deleted = True
    absorbed.merged_into = survivor.id
    absorbed.id_number = None
    s.flush()
    for name, value in plan.filled.items():
        setattr(survivor, name, value)
        for derived in _DERIVED.get(name, ()):
            setattr(survivor, derived, getattr(absorbed, derived))
    s.flush()
    history = {
        name: (None, _history_value(name, value))
        for name, value in plan.filled.items()
        if name not in _UNTRACKED
    }
    if history:
        corrections.record(ctx, survivor, history, MERGE_REASON)
    _repoint_mutable(ctx, absorbed.id, survivor.id)
    moved = person_refs.redirect(s.connection(), absorbed.id, survivor.id)
    for table, ids in moved.items():
        changes.note(s, table, ids)
    s.expire_all()
    ctx.audit(
        "merge",
        "person",
        survivor_id,
        sorted(plan.filled),
        f"merged {absorbed_id} into {survivor_id}",
    )
    return plan
