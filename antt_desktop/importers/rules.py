"""The residents' rules applied to thousands of rows, with every lookup loaded once.

``check_person`` is ``services.people.validate`` without its per-row queries: catalogues,
areas and households come from :class:`Lookups` (loaded once per import), and the two
database checks (same ID number, same name and birth date) are answered in batches by
:func:`existing_ids` and :func:`existing_twins`. It builds on the same pieces as the
service (``people._clean``, ``people.PHONE``, the domain validators), and the service
itself still checks every row again when it writes it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.dates import PartialDate, parse_partial_date
from antt_desktop.domain.enums import Sex
from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.domain.idnumber import check_id_number, check_legacy_id
from antt_desktop.domain.text import fold, normalize_name
from antt_desktop.importers.cells import name_key
from antt_desktop.services import catalogues, people
from antt_desktop.services.context import max_length
from antt_desktop.services.memberships import HEAD_RELATION
from antt_desktop.services.people import PersonInput
from antt_desktop.store.models import Area, Household, Person

_CHUNK = 500
#: The earliest birth year the residents' service accepts.
EARLIEST_BIRTH_YEAR = 1880


@dataclass(frozen=True)
class Lookups:
    """Everything a row is checked against that does not change during one import."""

    unit_id: str
    province_codes: frozenset[str]
    ethnic: dict[str, str]  # code → name
    ethnic_names: dict[str, str]  # name_key(name) → code
    religion: dict[str, str]
    religion_names: dict[str, str]
    areas: dict[str, str]  # folded name → area id
    households: dict[str, tuple[str, bool]]  # number → (household id, live)

    @classmethod
    def load(cls, session: Session, unit_id: str) -> Lookups:
        ethnic = catalogues.codes(session, catalogues.ETHNIC)
        religion = catalogues.codes(session, catalogues.RELIGION)
        areas = session.execute(
            select(Area.id, Area.name).where(Area.unit_id == unit_id, Area.deleted.is_(False))
        )
        households = session.execute(
            select(Household.number, Household.id, Household.deleted).where(
                Household.unit_id == unit_id
            )
        )
        return cls(
            unit_id=unit_id,
            province_codes=frozenset(catalogues.codes(session, catalogues.ID_PROVINCE)),
            ethnic=ethnic,
            ethnic_names={name_key(n): c for c, n in ethnic.items()},
            religion=religion,
            religion_names={name_key(n): c for c, n in religion.items()},
            areas={fold(name): area_id for area_id, name in areas},
            households={number: (hid, not deleted) for number, hid, deleted in households},
        )


def clean(data: PersonInput) -> PersonInput:
    """The input cleaned exactly as the residents' service cleans it."""
    return people._clean(data)


def _born(data: PersonInput, today: date) -> tuple[PartialDate | None, list[Problem]]:
    if not data.born:
        return None, []
    try:
        born = parse_partial_date(data.born, "born")
    except ValidationFailed as exc:
        return None, exc.problems
    if born.is_future(today):
        return born, [Problem("born", "date.future", {"value": born.format()})]
    if born.year < EARLIEST_BIRTH_YEAR:
        return born, [Problem("born", "person.born_too_early", {"value": born.format()})]
    return born, []


def check_person(
    data: PersonInput, lookups: Lookups, today: date
) -> tuple[list[Problem], PartialDate | None]:
    """Every problem ``people.validate`` finds in cleaned ``data``, bar the two that need
    other people (same ID number, same name and birth date), and the parsed birth date."""
    problems: list[Problem] = []
    if not data.full_name:
        problems.append(Problem("full_name", "required"))
    problems += max_length("full_name", data.full_name, 120)
    problems += max_length("other_names", data.other_names, 200)
    problems += max_length("permanent_address", data.permanent_address, 300)
    problems += max_length("current_address", data.current_address, 300)
    born, born_problems = _born(data, today)
    problems += born_problems
    sex = None
    if data.sex:
        if data.sex in ("M", "F"):
            sex = Sex(data.sex)
        else:
            problems.append(Problem("sex", "choice", {"value": data.sex, "allowed": ["M", "F"]}))
    if data.id_number:
        problems += check_id_number(
            data.id_number,
            sex=sex,
            birth_year=born.year if born else None,
            province_codes=lookups.province_codes,
        )
    if data.legacy_id:
        problems += check_legacy_id(data.legacy_id)
    if data.ethnic_code and data.ethnic_code not in lookups.ethnic:
        problems.append(Problem("ethnic_code", "catalogue.unknown", {"value": data.ethnic_code}))
    if data.religion_code and data.religion_code not in lookups.religion:
        problems.append(
            Problem("religion_code", "catalogue.unknown", {"value": data.religion_code})
        )
    if data.phone and not people.PHONE.match(data.phone):
        problems.append(Problem("phone", "phone.format", {"value": data.phone}))
    return problems, born


def check_relation(relation: str | None, field: str = "relation_to_head") -> list[Problem]:
    """The households' service rule for a member's relation to the head."""
    relation = normalize_name(relation) if relation else None
    if not relation:
        return [Problem(field, "required")]
    if fold(relation) == fold(HEAD_RELATION):
        return [Problem(field, "household.relation_is_head")]
    return max_length(field, relation, 40)


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    items = sorted(set(values))
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def existing_ids(session: Session, numbers: Iterable[str]) -> dict[str, tuple[str, str]]:
    """ID number → (person id, full name) for those already registered (tombstoned people
    too: their number stays taken)."""
    found: dict[str, tuple[str, str]] = {}
    for chunk in _chunks(numbers):
        rows = session.execute(
            select(Person.id_number, Person.id, Person.full_name).where(Person.id_number.in_(chunk))
        )
        found.update({number: (pid, name) for number, pid, name in rows if number})
    return found


def existing_twins(
    session: Session, names: Iterable[str]
) -> dict[tuple[str, str], tuple[str, str]]:
    """(folded name, ISO birth date) → (person id, full name) of live people with one of
    these folded names."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for chunk in _chunks(names):
        rows = session.execute(
            select(Person.name_folded, Person.born, Person.id, Person.full_name).where(
                Person.name_folded.in_(chunk), Person.born.is_not(None), Person.deleted.is_(False)
            )
        )
        for folded, born, pid, name in rows:
            found.setdefault((folded, born), (pid, name))
    return found
