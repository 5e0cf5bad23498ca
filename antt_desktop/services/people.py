"""Residents (nhân khẩu): add, edit, find duplicates. The pattern every service follows:
collect every problem first, raise before writing, then write, stamp (automatic) and audit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.dates import PartialDate, parse_partial_date
from antt_desktop.domain.enums import Sex
from antt_desktop.domain.errors import Problem, Severity, ValidationFailed, raise_if_errors
from antt_desktop.domain.idnumber import check_id_number, check_legacy_id
from antt_desktop.domain.text import fold, normalize_name
from antt_desktop.services import catalogues, corrections
from antt_desktop.services.context import Ctx, Permission, apply_changes, max_length
from antt_desktop.services.disclosure import SENSITIVE
from antt_desktop.services.ownership import require_owned
from antt_desktop.services.values import text_input_problems
from antt_desktop.store.models import Area, Household, Person, name_columns
from antt_desktop.store.search_index import id_number_is

PHONE = re.compile(r"^(\+84|0)[0-9]{8,10}$")
__all__ = [
    "SENSITIVE",
    "PersonInput",
    "PersonResult",
    "Register",
    "add_person",
    "check_add_person",
    "edit_person",
    "validate",
]


@dataclass
class PersonInput:
    """A person as typed by an officer (text as entered; the service cleans and checks it)."""

    full_name: str | None = None
    other_names: str | None = None
    born: str | None = None  # DD/MM/YYYY, MM/YYYY or YYYY
    sex: str | None = None  # M or F
    id_number: str | None = None
    id_override_reason: str | None = None
    legacy_id: str | None = None
    ethnic_code: str | None = None
    religion_code: str | None = None
    nationality: str | None = None
    birth_place: str | None = None
    permanent_area_id: str | None = None
    permanent_address: str | None = None
    current_area_id: str | None = None
    current_address: str | None = None
    occupation: str | None = None
    phone: str | None = None
    household_id: str | None = None
    relation_to_head: str | None = None
    notes: str | None = None

    @classmethod
    def from_person(cls, p: Person) -> PersonInput:
        values = {f.name: getattr(p, f.name) for f in fields(cls) if f.name != "born"}
        values["born"] = PartialDate.from_iso(p.born).format() if p.born else None
        return cls(**values)


@dataclass
class PersonResult:
    person: Person
    warnings: list[Problem] = field(default_factory=list)


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    value = normalize_name(value)
    return value or None


def _clean(data: PersonInput) -> PersonInput:
    cleaned: dict[str, Any] = {}
    for f in fields(data):
        value = getattr(data, f.name)
        cleaned[f.name] = _blank_to_none(value) if isinstance(value, str) else value
    for key in ("id_number", "legacy_id", "phone"):
        if cleaned[key]:
            cleaned[key] = "".join(cleaned[key].split()).replace(".", "")
    if cleaned["sex"]:
        cleaned["sex"] = cleaned["sex"].upper()
    return PersonInput(**cleaned)


class Register:
    """What checking a person asks of the records already kept: who holds an ID number,
    who has the same name and birth date, whether an area or a household exists.

    Each answer is a query here. An import checks thousands of rows and answers the same
    questions from what it loaded in a few batches (``importers.rules.FileRegister``), so
    the rules of :func:`validate` are the ones every row meets.
    """

    def __init__(self, session: Session) -> None:
        self.session = session

    def id_holder(self, id_number: str, other_than: str | None) -> tuple[str, str] | None:
        """(id, full name) of another person with this ID number; tombstones count, since
        their number stays taken."""
        row = self.session.execute(
            select(Person.id, Person.full_name).where(
                id_number_is(id_number), Person.id != (other_than or "")
            )
        ).first()
        return (row.id, row.full_name) if row is not None else None

    def twin(self, folded_name: str, born: str, other_than: str | None) -> tuple[str, str] | None:
        """(id, full name) of another live person with this folded name and ISO birth date."""
        row = self.session.execute(
            select(Person.id, Person.full_name).where(
                Person.name_folded == folded_name,
                Person.born == born,
                Person.id != (other_than or ""),
                Person.deleted.is_(False),
            )
        ).first()
        return (row.id, row.full_name) if row is not None else None

    def has_area(self, area_id: str) -> bool:
        return self.session.get(Area, area_id) is not None

    def has_household(self, household_id: str) -> bool:
        return self.session.get(Household, household_id) is not None


def validate(
    ctx: Ctx,
    data: PersonInput,
    *,
    existing_id: str | None = None,
    register: Register | None = None,
) -> tuple[list[Problem], PartialDate | None]:
    """Every problem with cleaned ``data`` (errors and warnings), and the parsed birth date.

    Writes nothing. ``register`` answers the questions about other records (by default
    one query each).
    """
    s = ctx.session
    known = register or Register(s)
    problems: list[Problem] = []
    if not data.full_name:
        problems.append(Problem("full_name", "required"))
    problems += max_length("full_name", data.full_name, 120)
    problems += max_length("other_names", data.other_names, 200)
    problems += max_length("permanent_address", data.permanent_address, 300)
    problems += max_length("current_address", data.current_address, 300)
    born: PartialDate | None = None
    if data.born:
        try:
            born = parse_partial_date(data.born, "born")
        except ValidationFailed as exc:
            problems += exc.problems
        else:
            if born.is_future(ctx.today):
                problems.append(Problem("born", "date.future", {"value": born.format()}))
            elif born.year < 1880:
                problems.append(Problem("born", "person.born_too_early", {"value": born.format()}))
    sex = None
    if data.sex:
        if data.sex in ("M", "F"):
            sex = Sex(data.sex)
        else:
            problems.append(Problem("sex", "choice", {"value": data.sex, "allowed": ["M", "F"]}))
    if data.id_number:
        id_problems = check_id_number(
            data.id_number,
            sex=sex,
            birth_year=born.year if born else None,
            province_codes=catalogues.codes(s, catalogues.ID_PROVINCE),
        )
        if data.id_override_reason:  # the officer checked the card: mismatches become warnings
            id_problems = [
                replace(p, severity=Severity.WARNING) if p.code.endswith("_mismatch") else p
                for p in id_problems
            ]
        problems += id_problems
        clash = known.id_holder(data.id_number, existing_id)
        if clash is not None:
            problems.append(
                Problem(
                    "id_number",
                    "id_number.duplicate",
                    {"value": data.id_number, "name": clash[1], "id": clash[0]},
                )
            )
    if data.legacy_id:
        problems += check_legacy_id(data.legacy_id)
    for code_field, catalogue in (
        ("ethnic_code", catalogues.ETHNIC),
        ("religion_code", catalogues.RELIGION),
    ):
        value = getattr(data, code_field)
        if value and value not in catalogues.codes(s, catalogue):
            problems.append(Problem(code_field, "catalogue.unknown", {"value": value}))
    if data.phone and not PHONE.match(data.phone):
        problems.append(Problem("phone", "phone.format", {"value": data.phone}))
    for area_field in ("permanent_area_id", "current_area_id"):
        value = getattr(data, area_field)
        if value and not known.has_area(value):
            problems.append(Problem(area_field, "area.unknown", {"value": value}))
    if data.household_id and not known.has_household(data.household_id):
        problems.append(Problem("household_id", "household.unknown", {"value": data.household_id}))
    if data.full_name and born is not None:
        twin = known.twin(fold(data.full_name), born.to_iso(), existing_id)
        if twin is not None:
            problems.append(
                Problem(
                    "full_name",
                    "person.possible_duplicate",
                    {"name": twin[1], "id": twin[0], "born": born.format()},
                    Severity.WARNING,
                )
            )
    problems += text_input_problems(data, problems)
    return problems, born


def _columns(data: PersonInput, born: PartialDate | None) -> dict[str, Any]:
    assert data.full_name
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    values.update(
        **name_columns(data.full_name),
        born=born.to_iso() if born else None,
        birth_year=born.year if born else None,
        nationality=data.nationality or "Việt Nam",
    )
    return values


def _checked(ctx: Ctx, data: PersonInput) -> tuple[PersonInput, list[Problem], PartialDate | None]:
    """``data`` cleaned, its problems and its birth date, as :func:`add_person` sees them."""
    data = _clean(data)
    problems, born = validate(ctx, data)
    return data, problems, born


def check_add_person(ctx: Ctx, data: PersonInput) -> list[Problem]:
    """Every problem :func:`add_person` finds in ``data``: the errors it refuses it for and
    the warnings it saves it with. Writes nothing."""
    return _checked(ctx, data)[1]


def add_person(ctx: Ctx, data: PersonInput, *, unit_id: str | None = None) -> PersonResult:
    """Add a resident to this post (or ``unit_id``). Raises ValidationFailed, writes nothing."""
    ctx.require(Permission.WRITE)
    data, problems, born = _checked(ctx, data)
    warnings = raise_if_errors(problems)
    unit = ctx.get_unit(unit_id)
    person = Person(unit_id=unit.id, **_columns(data, born))
    ctx.session.add(person)
    ctx.session.flush()
    ctx.audit("create", "person", person.id, [k for k, v in _columns(data, born).items() if v])
    if data.id_override_reason:
        ctx.audit("override", "person", person.id, ["id_number"], data.id_override_reason)
    return PersonResult(person, warnings)


def edit_person(
    ctx: Ctx, person_id: str, changes: dict[str, Any], *, reason: str | None = None
) -> PersonResult:
    """Change some fields of a person; the whole record is re-validated first.

    Each changed field is kept in the correction history (``services.corrections``);
    changing a value already recorded needs ``reason`` (lý do đính chính).
    """
    ctx.require(Permission.WRITE)
    person = ctx.get(Person, person_id, "person")
    require_owned(ctx, person, "person_id")
    unknown = set(changes) - {f.name for f in fields(PersonInput)}
    if unknown:
        raise ValidationFailed([Problem(k, "field.unknown", {"value": k}) for k in sorted(unknown)])
    current = _clean(PersonInput.from_person(person))
    data = _clean(replace(current, **changes))
    problems, born = validate(ctx, data, existing_id=person.id)
    after = corrections.tracked(data) | {"born": born.format() if born else None}
    after["nationality"] = data.nationality or "Việt Nam"
    differences = corrections.differences(corrections.tracked(current), after)
    reason = _blank_to_none(reason)
    problems += corrections.reason_problems(differences, reason)
    warnings = raise_if_errors(problems)
    changed = apply_changes(person, _columns(data, born))
    if changed:
        ctx.session.flush()
        corrections.record(ctx, person, differences, reason)
        ctx.audit("edit", "person", person.id, changed)
    return PersonResult(person, warnings)


def age_on(person: Person, day: date) -> int | None:
    if not person.born:
        return None
    born = PartialDate.from_iso(person.born).earliest()
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
