"""The residents' rules applied to thousands of rows, with every lookup loaded once.

A row is checked by the residents' service itself (``services.people.validate``, the
function ``add_person`` calls): only the answers about other records come from a
:class:`FileRegister` loaded in a few batches for the whole file, so the rules stay the
service's and checking 15,000 rows costs no query per row. What needs other rows of the same
file (an ID number or a name and birth date twice in it) is the importers' own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.dates import PartialDate
from antt_desktop.domain.errors import Problem
from antt_desktop.domain.text import fold, normalize_name
from antt_desktop.importers.cells import name_key
from antt_desktop.services import catalogues, people
from antt_desktop.services.context import Ctx, max_length
from antt_desktop.services.memberships import HEAD_RELATION
from antt_desktop.services.people import PersonInput
from antt_desktop.store.models import Area, Household, Person
from antt_desktop.store.search_index import id_number_in

_CHUNK = 500


@dataclass(frozen=True)
class Lookups:
    """Everything a row is read against that does not change during one import."""

    unit_id: str
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
            ethnic=ethnic,
            ethnic_names={name_key(n): c for c, n in ethnic.items()},
            religion=religion,
            religion_names={name_key(n): c for c, n in religion.items()},
            areas={fold(name): area_id for area_id, name in areas},
            households={number: (hid, not deleted) for number, hid, deleted in households},
        )


@dataclass(frozen=True)
class Holder:
    """Who holds an ID number already: a live resident, or a tombstone keeping it taken."""

    person_id: str
    name: str
    live: bool


class FileRegister(people.Register):
    """The residents' service's questions about other records, answered for one file:
    the holders of its ID numbers, the people sharing its names and the post's areas are
    loaded in a few batches first. A question about anything else (an edit, a value that
    is not in the file) is asked as the service asks it."""

    def __init__(self, session: Session, lookups: Lookups, rows: Iterable[PersonInput]) -> None:
        super().__init__(session)
        rows = list(rows)
        self._numbers = {d.id_number for d in rows if d.id_number}
        self._names = {fold(d.full_name) for d in rows if d.full_name}
        #: ID number → its holder, for the file's numbers already registered.
        self.holders = existing_ids(session, self._numbers)
        self._twins = existing_twins(session, self._names)
        self._areas = frozenset(lookups.areas.values())

    def id_holder(self, id_number: str, other_than: str | None) -> tuple[str, str] | None:
        if other_than is not None or id_number not in self._numbers:
            return super().id_holder(id_number, other_than)
        found = self.holders.get(id_number)
        return (found.person_id, found.name) if found is not None else None

    def twin(self, folded_name: str, born: str, other_than: str | None) -> tuple[str, str] | None:
        if other_than is not None or folded_name not in self._names:
            return super().twin(folded_name, born, other_than)
        return self._twins.get((folded_name, born))

    def has_area(self, area_id: str) -> bool:
        return area_id in self._areas or super().has_area(area_id)


def clean(data: PersonInput) -> PersonInput:
    """The input cleaned exactly as the residents' service cleans it."""
    return people._clean(data)


def check_person(
    ctx: Ctx, data: PersonInput, register: FileRegister
) -> tuple[list[Problem], PartialDate | None]:
    """Every problem ``add_person`` finds in cleaned ``data`` (errors and warnings, among
    them a registered person with the same name and birth date), and the parsed birth date:
    the service's own check, with ``register`` answering about other records."""
    return people.validate(ctx, data, register=register)


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


def existing_ids(session: Session, numbers: Iterable[str]) -> dict[str, Holder]:
    """ID number → its holder, for those already registered (tombstoned people too: their
    number stays taken)."""
    found: dict[str, Holder] = {}
    for chunk in _chunks(numbers):
        rows = session.execute(
            select(Person.id_number, Person.id, Person.full_name, Person.deleted).where(
                id_number_in(chunk)
            )
        )
        found.update(
            {number: Holder(pid, name, not gone) for number, pid, name, gone in rows if number}
        )
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
