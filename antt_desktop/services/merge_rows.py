"""What the merge of two records of one person (gộp hồ sơ trùng) shows before it is done:
likely duplicates, and the two records side by side with what the kept one will hold.
The window and ``antt person merge`` read the same rows."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

from antt_desktop.domain.dates import PartialDate
from antt_desktop.domain.errors import Problem
from antt_desktop.services import person_merge
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.services.people_rows import PersonDetails, person_details
from antt_desktop.store.models import Person

#: The lines of the comparison: (field label key, attribute of PersonDetails, merge field).
LINES: tuple[tuple[str, str, str | None], ...] = (
    ("full_name", "full_name", None),
    ("other_names", "other_names", "other_names"),
    ("born", "born", "born"),
    ("sex", "sex", "sex"),
    ("id_number", "id_number", "id_number"),
    ("legacy_id", "legacy_id", "legacy_id"),
    ("ethnic_code", "ethnic_name", "ethnic_code"),
    ("religion_code", "religion_name", "religion_code"),
    ("birth_place", "birth_place", "birth_place"),
    ("permanent_area_id", "permanent_area", "permanent_area_id"),
    ("permanent_address", "permanent_address", "permanent_address"),
    ("current_area_id", "current_area", "current_area_id"),
    ("current_address", "current_address", "current_address"),
    ("occupation", "occupation", "occupation"),
    ("phone", "phone", "phone"),
    ("household_id", "household_number", "household_id"),
    ("relation_to_head", "relation_to_head", "relation_to_head"),
    ("notes", "notes", "notes"),
)
#: Reasons two records look like one person.
SAME_ID, SAME_NAME_BORN = "id_number", "name_born"


@dataclass(frozen=True)
class DuplicatePair:
    """Two live records of this post that look like one person (``reason``: SAME_ID when
    one's ID number is the other's old card number or both have one old card number;
    SAME_NAME_BORN for the same name, accents aside, and the same birth date)."""

    first_id: str
    first_name: str
    second_id: str
    second_name: str
    born: str  # as written: 12/03/1990, or ""
    reason: str


@dataclass(frozen=True)
class ComparisonLine:
    """One field: what each record holds, what the kept record will hold, and whether that
    value comes from the duplicate (a blank filled)."""

    field: str
    kept: str
    duplicate: str
    result: str
    filled: bool


@dataclass(frozen=True)
class MergeComparison:
    survivor: PersonDetails
    absorbed: PersonDetails
    lines: tuple[ComparisonLine, ...]
    moving: dict[str, int]  # table -> rows that move to the kept record
    photo_filled: bool
    problems: tuple[Problem, ...]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def likely_duplicates(
    ctx: Ctx, *, person_id: str | None = None, limit: int = 200
) -> tuple[DuplicatePair, ...]:
    """Pairs of live records of this post that look like one person, by name (then
    reason); only the pairs of ``person_id`` when given."""
    ctx.require(Permission.READ)
    unit = ctx.local_unit().id
    a, b = aliased(Person), aliased(Person)
    live = and_(
        a.unit_id == unit,
        b.unit_id == unit,
        a.deleted.is_(False),
        b.deleted.is_(False),
        a.id < b.id,
    )
    if person_id is not None:
        live = and_(live, or_(a.id == person_id, b.id == person_id))
    same_id = or_(
        and_(a.id_number.is_not(None), a.id_number == b.legacy_id),
        and_(b.id_number.is_not(None), b.id_number == a.legacy_id),
        and_(a.legacy_id.is_not(None), a.legacy_id == b.legacy_id),
    )
    same_name = and_(a.born.is_not(None), a.name_folded == b.name_folded, a.born == b.born)
    query = (
        select(a.id, a.full_name, b.id, b.full_name, func.coalesce(a.born, b.born), same_id)
        .where(live, or_(same_id, same_name))
        .order_by(a.sort_key, b.sort_key)
        .limit(limit)
    )
    pairs = []
    for first, first_name, second, second_name, born, by_id in ctx.session.execute(query):
        pairs.append(
            DuplicatePair(
                first,
                first_name,
                second,
                second_name,
                PartialDate.from_iso(born).format() if born else "",
                SAME_ID if by_id else SAME_NAME_BORN,
            )
        )
    return tuple(pairs)


def merge_comparison(ctx: Ctx, survivor_id: str, absorbed_id: str) -> MergeComparison:
    """The two records side by side (as this reader may see them), what moves, and what a
    merge would be refused for. Reads, never writes.

    Raises:
        NotFound: either record is missing, deleted or merged already.
    """
    ctx.require(Permission.READ)
    survivor = person_details(ctx, survivor_id)
    absorbed = person_details(ctx, absorbed_id)
    problems = tuple(person_merge.check_merge_people(ctx, survivor_id, absorbed_id))
    filled: dict[str, object] = {}
    moving: dict[str, int] = {}
    if not any(p.is_error for p in problems):
        plan = person_merge.plan_merge(ctx, survivor_id, absorbed_id)
        filled, moving = plan.filled, plan.moving
    lines = []
    for key, attr, merge_field in LINES:
        mine, theirs = _text(getattr(survivor, attr)), _text(getattr(absorbed, attr))
        fill = merge_field is not None and merge_field in filled
        lines.append(ComparisonLine(key, mine, theirs, theirs if fill else mine, fill))
    return MergeComparison(
        survivor, absorbed, tuple(lines), moving, "photo_sha256" in filled, problems
    )
