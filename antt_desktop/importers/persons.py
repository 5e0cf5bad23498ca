"""Importing residents (nhân khẩu) from a list: every row checked first, then added through
``services.people.add_person`` (and ``services.memberships.add_member`` for a household)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from antt_desktop.domain.errors import Problem, Severity
from antt_desktop.domain.text import fold
from antt_desktop.importers import cells
from antt_desktop.importers.columns import SheetRow
from antt_desktop.importers.reading import Cell
from antt_desktop.importers.report import DuplicateRow, ImportReport, RefusedRow, RowWarning
from antt_desktop.importers.rules import (
    FileRegister,
    Lookups,
    check_person,
    check_relation,
    clean,
)
from antt_desktop.importers.writing import RowProgress, RowWriter
from antt_desktop.services.context import Ctx
from antt_desktop.services.memberships import add_member
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import Household

#: Service fields shown under the column the officer filled in.
FIELD_OF = {"current_area_id": "area", "household_id": "household_number", "member_id": "full_name"}


@dataclass(frozen=True)
class PersonRow:
    """A row ready to add: the cleaned input and the household it joins, if any."""

    line: int
    cells: tuple[Cell, ...]
    data: PersonInput
    household_id: str | None = None
    relation: str | None = None


def _read_household(
    row: SheetRow, lookups: Lookups
) -> tuple[str | None, str | None, list[Problem]]:
    number = cells.text(row.get("household_number"))
    relation = cells.text(row.get("relation_to_head"))
    if not number:
        problems = (
            [Problem("household_number", "import.household_for_relation")] if relation else []
        )
        return None, None, problems
    household_id, live = lookups.households.get(number, ("", False))
    problems = check_relation(relation)
    if not live:
        problems.append(Problem("household_number", "household.unknown", {"value": number}))
    return household_id or None, relation, problems


def read_person(row: SheetRow, lookups: Lookups) -> tuple[PersonInput, list[Problem]]:
    """The person a row describes, cleaned as the service cleans it, and the problems met
    reading its cells (unknown sex, ethnic group, religion or residential area)."""
    sex, problems = cells.sex_code(row.get("sex"), "sex")
    ethnic, found = cells.catalogue_code(
        row.get("ethnic"), "ethnic_code", lookups.ethnic, lookups.ethnic_names
    )
    problems += found
    religion, found = cells.catalogue_code(
        row.get("religion"), "religion_code", lookups.religion, lookups.religion_names
    )
    problems += found
    area_id = None
    if area := cells.text(row.get("area")):
        area_id = lookups.areas.get(fold(area))
        if area_id is None:
            problems.append(Problem("area", "area.unknown", {"value": area}))
    data = PersonInput(
        full_name=cells.text(row.get("full_name")),
        other_names=cells.text(row.get("other_names")),
        born=cells.born_text(row.get("born")),
        sex=sex,
        id_number=cells.digits(row.get("id_number"), cells.ID_RESTORE),
        legacy_id=cells.digits(row.get("legacy_id"), cells.LEGACY_RESTORE),
        ethnic_code=ethnic,
        religion_code=religion,
        nationality=cells.text(row.get("nationality")),
        birth_place=cells.text(row.get("birth_place")),
        current_area_id=area_id,
        current_address=cells.text(row.get("current_address")),
        permanent_address=cells.text(row.get("permanent_address")),
        occupation=cells.text(row.get("occupation")),
        phone=cells.digits(row.get("phone"), cells.PHONE_RESTORE),
        notes=cells.text(row.get("notes")),
    )
    return clean(data), problems


def plan(
    ctx: Ctx, rows: Sequence[SheetRow], lookups: Lookups, report: ImportReport
) -> list[PersonRow]:
    """Check every row; fill the report's duplicates, refusals and warnings; return the
    rows to add, in file order."""
    read = [(row, *read_person(row, lookups)) for row in rows]
    register = FileRegister(ctx.session, lookups, [data for _r, data, _p in read])
    seen_ids: dict[str, int] = {}
    seen_twins: dict[tuple[str, str], int] = {}
    ready: list[PersonRow] = []
    for row, data, problems in read:
        number = data.id_number
        holder = register.holders.get(number) if number else None
        if number and holder is not None and holder.live:  # a tombstone's is refused below
            report.duplicates.append(
                DuplicateRow(row.line, "id_number", number, holder.person_id, holder.name)
            )
            continue
        household_id, relation, found = _read_household(row, lookups)
        checked, born = check_person(ctx, data, register)
        problems = problems + found + checked
        if data.id_number:
            if data.id_number in seen_ids:
                problems.append(
                    Problem(
                        "id_number",
                        "import.duplicate_in_file",
                        {"value": data.id_number, "line": seen_ids[data.id_number]},
                    )
                )
            seen_ids.setdefault(data.id_number, row.line)
        errors = [p for p in problems if p.is_error]
        if errors:
            report.refused.append(RefusedRow(row.line, tuple(errors), row.cells))
            continue
        warnings = [p for p in problems if not p.is_error]
        if data.full_name and born is not None:
            key = (fold(data.full_name), born.to_iso())
            registered = any(w.code == "person.possible_duplicate" for w in warnings)
            if key in seen_twins and not registered:
                warnings.append(
                    Problem(
                        "full_name",
                        "import.possible_duplicate_in_file",
                        {"name": data.full_name, "born": born.format(), "line": seen_twins[key]},
                        Severity.WARNING,
                    )
                )
            seen_twins.setdefault(key, row.line)
        report.warnings += [RowWarning(row.line, w) for w in warnings]
        ready.append(PersonRow(row.line, row.cells, data, household_id, relation))
    return ready


def write(
    ctx: Ctx,
    ready: Sequence[PersonRow],
    report: ImportReport,
    progress: RowProgress | None = None,
) -> None:
    """Add each row through the services; a row they refuse is reported, not half-written."""
    household_ids = {row.household_id for row in ready if row.household_id}
    households = ctx.session.execute(
        select(Household).where(Household.id.in_(household_ids))
    ).scalars()
    writer = RowWriter(ctx, report, keep=list(households), total=len(ready), progress=progress)
    for row in ready:
        joins = row.household_id is not None
        with writer.row(row.line, row.cells, FIELD_OF, several_calls=joins) as done:
            person = add_person(ctx, row.data).person
            if row.household_id and row.relation:
                add_member(ctx, row.household_id, person.id, row.relation)
            done(person.id)
