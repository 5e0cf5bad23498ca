"""What the merge of two records of one person (gộp hồ sơ trùng) shows before it is done:
likely duplicates, and the two records side by side with what the kept one will hold.
The window and ``antt person merge`` read the same rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, literal, select, union_all
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


def _pairs_query(unit: str, person_id: str | None) -> Select[Any]:
    """Pairs (first, second, born, by id) as three look-ups an index answers each: the same
    folded name and birth date; one's old card number that is the other's ID number; one
    old card number on both. ``person_id`` narrows each to that record's pairs."""
    a, b = aliased(Person), aliased(Person)

    def live(*more: Any) -> Any:
        mine = [a.id == person_id] if person_id is not None else [a.unit_id == unit]
        return and_(
            *mine,
            a.deleted.is_(False),
            b.deleted.is_(False),
            b.unit_id == unit,
            b.id != a.id,
            *more,
        )

    by_name = select(a.id, b.id, a.born, literal(False)).join(
        b, and_(b.name_folded == a.name_folded, b.born == a.born)
    )
    by_name = by_name.where(live(a.born.is_not(None)))
    # ID numbers are sealed: they meet by their blind indexes (one key for both columns)
    old_is_new = select(a.id, b.id, a.born, literal(True))
    old_is_new = old_is_new.join(b, b.id_number_bidx == a.legacy_id_bidx)
    old_is_new = old_is_new.where(live(a.legacy_id_bidx.is_not(None)))
    new_is_old = select(a.id, b.id, a.born, literal(True))
    new_is_old = new_is_old.join(b, b.legacy_id_bidx == a.id_number_bidx)
    new_is_old = new_is_old.where(live(a.id_number_bidx.is_not(None)))
    same_old = select(a.id, b.id, a.born, literal(True))
    same_old = same_old.join(b, b.legacy_id_bidx == a.legacy_id_bidx)
    same_old = same_old.where(live(a.legacy_id_bidx.is_not(None)))
    parts = [by_name, old_is_new, same_old]
    if person_id is not None:  # the other direction of "old card = ID number"
        parts.append(new_is_old)
    return union_all(*parts)  # type: ignore[return-value]


def likely_duplicates(
    ctx: Ctx, *, person_id: str | None = None, limit: int = 200
) -> tuple[DuplicatePair, ...]:
    """Pairs of live records of this post that look like one person, by name (then
    reason); only the pairs of ``person_id`` when given."""
    ctx.require(Permission.READ)
    unit = ctx.local_unit().id
    found: dict[frozenset[str], tuple[str, str, str | None, bool]] = {}
    for first, second, born, by_id in ctx.session.execute(_pairs_query(unit, person_id)):
        key = frozenset((first, second))
        if key not in found or (by_id and not found[key][3]):
            found[key] = (first, second, born, bool(by_id))
        if len(found) >= limit:
            break
    ids = {i for key in found for i in key}
    names: dict[str, str] = {}
    sort: dict[str, str] = {}
    for ident, name, key in ctx.session.execute(
        select(Person.id, Person.full_name, Person.sort_key).where(Person.id.in_(ids))
    ):
        names[ident], sort[ident] = name, key
    pairs = []
    for first, second, born, by_id in found.values():
        if person_id is None and sort[second] < sort[first]:
            first, second = second, first
        pairs.append(
            DuplicatePair(
                first,
                names[first],
                second,
                names[second],
                PartialDate.from_iso(born).format() if born and not by_id else "",
                SAME_ID if by_id else SAME_NAME_BORN,
            )
        )
    return tuple(sorted(pairs, key=lambda p: (sort[p.first_id], sort[p.second_id])))


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
