"""Importing households (hộ gia đình) from a list: one row per household with its head.

The head is found by personal ID number among the registered residents, or added as a new
resident (``services.people.add_person``); then the household is added with
``services.households.add_household``, which makes the head its first member.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import Problem, Severity
from antt_desktop.domain.text import fold
from antt_desktop.importers import cells
from antt_desktop.importers.columns import SheetRow
from antt_desktop.importers.reading import Cell
from antt_desktop.importers.report import DuplicateRow, ImportReport, RefusedRow, RowWarning
from antt_desktop.importers.rules import FileRegister, Lookups, check_person, clean
from antt_desktop.importers.writing import RowProgress, RowWriter
from antt_desktop.services.context import Ctx
from antt_desktop.services.households import HouseholdInput, add_household, input_problems
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.values import clean_text
from antt_desktop.store.models import Household, Person
from antt_desktop.store.search_index import id_number_in

#: Service fields shown under the column the officer filled in.
FIELD_OF = {
    "full_name": "head_name",
    "born": "head_born",
    "sex": "head_sex",
    "id_number": "head_id_number",
    "current_area_id": "area",
    "current_address": "household_address",
    "number": "household_number",
    "head_person_id": "head_id_number",
    "area_id": "area",
    "address": "household_address",
}
_CHUNK = 500


@dataclass(frozen=True)
class HouseholdRow:
    """A row ready to add: the household, and its head (known by id, or to be added)."""

    line: int
    cells: tuple[Cell, ...]
    data: HouseholdInput
    new_head: PersonInput | None


@dataclass(frozen=True)
class _Known:
    """What the database already holds about the numbers and heads of the file."""

    people: dict[str, tuple[str, str, str, bool]]  # ID number → (id, name, unit, deleted)
    heads: dict[str, str]  # person id → number of the live household they head
    head_names: dict[str, str]  # live household number → its head's name


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    items = sorted(set(values))
    return (items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK))


def _known(session: Session, unit_id: str, id_numbers: list[str], numbers: list[str]) -> _Known:
    people: dict[str, tuple[str, str, str, bool]] = {}
    for chunk in _chunks(id_numbers):
        rows = session.execute(
            select(
                Person.id_number, Person.id, Person.full_name, Person.unit_id, Person.deleted
            ).where(id_number_in(chunk))
        )
        people.update({n: (pid, name, unit, deleted) for n, pid, name, unit, deleted in rows})
    heads: dict[str, str] = {}
    for chunk in _chunks(pid for pid, *_rest in people.values()):
        rows = session.execute(
            select(Household.head_person_id, Household.number).where(
                Household.head_person_id.in_(chunk), Household.deleted.is_(False)
            )
        )
        heads.update({pid: number for pid, number in rows if pid})
    head_names: dict[str, str] = {}
    for chunk in _chunks(numbers):
        rows = session.execute(
            select(Household.number, Person.full_name)
            .outerjoin(Person, Person.id == Household.head_person_id)
            .where(
                Household.unit_id == unit_id,
                Household.number.in_(chunk),
                Household.deleted.is_(False),
            )
        )
        head_names.update({number: name or "" for number, name in rows})
    return _Known(people, heads, head_names)


def read_row(row: SheetRow, lookups: Lookups) -> tuple[HouseholdInput, PersonInput, list[Problem]]:
    """The household and head a row describes (cleaned) and the problems reading it."""
    sex, problems = cells.sex_code(row.get("head_sex"), "head_sex")
    area_id = None
    if area := cells.text(row.get("area")):
        area_id = lookups.areas.get(fold(area))
        if area_id is None:
            problems.append(Problem("area", "area.unknown", {"value": area}))
    number = clean_text(cells.text(row.get("household_number")))
    address = cells.text(row.get("household_address"))
    household = HouseholdInput(
        number=number, area_id=area_id, address=address, notes=cells.text(row.get("notes"))
    )
    head = clean(
        PersonInput(
            full_name=cells.text(row.get("head_name")),
            born=cells.born_text(row.get("head_born")),
            sex=sex,
            id_number=cells.digits(row.get("head_id_number"), cells.ID_RESTORE),
            current_area_id=area_id,
            current_address=address,
        )
    )
    problems += [  # the register's own rules, in the sheet's column names
        replace(p, field=FIELD_OF.get(p.field, p.field)) for p in input_problems(household)
    ]
    if number and not lookups.households.get(number, ("", True))[1]:
        # A deleted household keeps its number (the unique constraint covers it too).
        problems.append(Problem("household_number", "household.number_taken", {"value": number}))
    return household, head, problems


def _known_head(
    head: PersonInput, found: tuple[str, str, str, bool], known: _Known, unit_id: str
) -> list[Problem]:
    person_id, name, unit, deleted = found
    field = "head_id_number"
    if deleted:
        return [Problem(field, "id_number.duplicate", {"value": head.id_number, "name": name})]
    if unit != unit_id:
        return [Problem(field, "household.other_unit", {"name": name})]
    if person_id in known.heads:
        return [
            Problem(field, "household.head_taken", {"name": name, "number": known.heads[person_id]})
        ]
    if head.full_name and fold(head.full_name) != fold(name):
        return [
            Problem(
                "head_name",
                "import.head_name_differs",
                {"value": head.full_name, "name": name},
                Severity.WARNING,
            )
        ]
    return []


def plan(
    ctx: Ctx, rows: Sequence[SheetRow], lookups: Lookups, report: ImportReport
) -> list[HouseholdRow]:
    """Check every row; fill the report's duplicates, refusals and warnings; return the
    rows to add, in file order."""
    read = [(row, *read_row(row, lookups)) for row in rows]
    known = _known(
        ctx.session,
        lookups.unit_id,
        [h.id_number for _r, _d, h, _p in read if h.id_number],
        [d.number for _r, d, _h, _p in read if d.number],
    )
    register = FileRegister(ctx.session, lookups, [head for _r, _d, head, _p in read])
    seen_numbers: dict[str, int] = {}
    seen_heads: dict[str, int] = {}
    ready: list[HouseholdRow] = []
    for row, data, head, problems in read:
        if data.number and data.number in known.head_names:
            household_id = lookups.households[data.number][0]
            report.duplicates.append(
                DuplicateRow(
                    row.line,
                    "household_number",
                    data.number,
                    household_id,
                    known.head_names[data.number],
                )
            )
            continue
        if data.number:
            if data.number in seen_numbers:
                problems.append(
                    Problem(
                        "household_number",
                        "import.duplicate_in_file",
                        {"value": data.number, "line": seen_numbers[data.number]},
                    )
                )
            seen_numbers.setdefault(data.number, row.line)
        found = known.people.get(head.id_number) if head.id_number else None
        if found is not None:
            problems += _known_head(head, found, known, lookups.unit_id)
        else:
            checked, _born = check_person(ctx, head, register)
            problems += [replace(p, field=FIELD_OF.get(p.field, p.field)) for p in checked]
        if head.id_number:
            if head.id_number in seen_heads:
                problems.append(
                    Problem(
                        "head_id_number",
                        "import.duplicate_in_file",
                        {"value": head.id_number, "line": seen_heads[head.id_number]},
                    )
                )
            seen_heads.setdefault(head.id_number, row.line)
        # the head's address is the household's: one too-long address is said once
        problems = list({(p.field, p.code): p for p in reversed(problems)}.values())[::-1]
        errors = [p for p in problems if p.is_error]
        if errors:
            report.refused.append(RefusedRow(row.line, tuple(errors), row.cells))
            continue
        report.warnings += [RowWarning(row.line, p) for p in problems if not p.is_error]
        if found is not None:
            ready.append(
                HouseholdRow(row.line, row.cells, replace(data, head_person_id=found[0]), None)
            )
        else:
            ready.append(HouseholdRow(row.line, row.cells, data, head))
    return ready


def write(
    ctx: Ctx,
    ready: Sequence[HouseholdRow],
    report: ImportReport,
    progress: RowProgress | None = None,
) -> None:
    """Add each household (and its new head) through the services; a row they refuse is
    reported, not half-written."""
    writer = RowWriter(ctx, report, total=len(ready), progress=progress)
    for row in ready:
        new_head = row.new_head is not None
        with writer.row(row.line, row.cells, FIELD_OF, several_calls=new_head) as done:
            data = row.data
            if row.new_head is not None:
                head = add_person(ctx, row.new_head).person
                data = replace(data, head_person_id=head.id)
            done(add_household(ctx, data).id)
