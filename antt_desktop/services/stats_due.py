"""The assessments due or overdue today for every open dossier (of one unit), read fast.

What :func:`antt_desktop.services.assessments.due_assessments` returns — the overview's
overdue list, the managed-persons list's due column and its drill-downs over a district's
thousands of open dossiers: the open dossiers come from the covering ``ix_dossiers_open``
and their current assessments from the covering ``ix_assessments_dossier_live``, as plain
rows; only the few dossiers with something due have their person's name read (the persons
table is the biggest in the file: reading a name for every open dossier of a district cost
more than the rest). :func:`due_assessments_counted` is the same list through the ORM, which
this must always equal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import Cadence, DossierStatus
from antt_desktop.domain.periods import Period, PeriodKind
from antt_desktop.domain.schedule import CategoryRule, DueState, assessment_status
from antt_desktop.services.dossiers import is_current
from antt_desktop.services.stats_assessments import plain_rows
from antt_desktop.store.models import Assessment, Dossier, DossierCategory, Person

if TYPE_CHECKING:
    from antt_desktop.services.assessments import DueItem

#: An open dossier: (id, person id, opened on, category code, cadence, due day, name).
OpenDossier = tuple[str, str, date, str, str, int, str]

#: Live and neither superseded nor settled by a live newer one (``dossiers.is_current``),
#: against one small set of ids rather than two look-ups per assessment.
_CURRENT = (
    "a.id NOT IN (SELECT n.supersedes_id FROM assessments n WHERE n.supersedes_id IS NOT NULL"
    " AND n.deleted = 0 UNION ALL SELECT n.settles_id FROM assessments n"
    " WHERE n.settles_id IS NOT NULL AND n.deleted = 0)"
)


def due_assessments(session: Session, today: date, unit_id: str | None = None) -> list[DueItem]:
    """Assessments due or overdue on ``today`` for every open dossier (of one unit), by due
    date, person, period, then dossier. Three queries whatever the number of dossiers."""
    params: dict[str, Any] = {"open": DossierStatus.OPEN.value, "none": Cadence.NONE.value}
    of_unit = ""
    if unit_id is not None:
        params["unit"] = unit_id
        of_unit = " AND d.unit_id = :unit"
    open_now = f"d.status = :open AND d.deleted = 0{of_unit}"
    dossiers: list[OpenDossier] = [
        (i, person, date.fromisoformat(opened), code, cadence, due_day, name)
        for i, person, opened, code, cadence, due_day, name in plain_rows(
            session,
            "SELECT d.id, d.person_id, d.opened_on, c.code, c.cadence, c.due_day, c.name_vi"
            " FROM dossiers d JOIN dossier_categories c ON c.code = d.category_code"
            f" WHERE {open_now} AND c.cadence != :none",
            params,
        )
    ]
    done: dict[str, set[str]] = defaultdict(set)
    for dossier_id, label in plain_rows(
        session,
        "SELECT a.dossier_id, a.period FROM dossiers d JOIN assessments a"
        f" ON a.dossier_id = d.id AND a.deleted = 0 WHERE {open_now} AND {_CURRENT}",
        params,
    ):
        done[dossier_id].add(label)
    owed = _owed(dossiers, done, today)
    names = _names(session, {d[1] for d, _state in owed})
    return _items(owed, names)


def _owed(
    dossiers: list[OpenDossier], done: Mapping[str, set[str]], today: date
) -> list[tuple[OpenDossier, DueState]]:
    """The ended periods each dossier has no current assessment for."""
    # An open dossier's schedule is the tail of the schedule of the category's oldest open
    # dossier, from the period it opened in: work each category's out once, not per dossier.
    oldest: dict[str, date] = {}
    for d in dossiers:
        oldest[d[3]] = min(d[2], oldest.get(d[3], d[2]))
    plans: dict[str, tuple[PeriodKind, list[tuple[str, DueState]], dict[Period, int]]] = {}
    found: list[tuple[OpenDossier, DueState]] = []
    for d in dossiers:
        code = d[3]
        if code not in plans:
            rule = CategoryRule(code, Cadence(d[4]), d[5])
            assert rule.period_kind is not None
            states = assessment_status(rule, oldest[code], None, frozenset(), today)
            ended = [(st.period.label(), st) for st in states if st.status != "upcoming"]
            plans[code] = (
                rule.period_kind,
                ended,
                {st.period: i for i, (_label, st) in enumerate(ended)},
            )
        kind, ended, index = plans[code]
        first = index.get(Period.of(kind, d[2]))
        if first is None:
            continue
        assessed = done.get(d[0], set())
        found.extend((d, state) for label, state in ended[first:] if label not in assessed)
    return found


def _names(session: Session, person_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Person id → (full name, sort key), for these persons only (a few hundred): one
    query, however many (SQLite takes 32,766 values in a statement)."""
    ids = sorted(person_ids)
    names: dict[str, tuple[str, str]] = {}
    for start in range(0, max(len(ids), 1), 30000):
        query = select(Person.id, Person.full_name, Person.sort_key).where(
            Person.id.in_(ids[start : start + 30000])
        )
        names.update((i, (name, key)) for i, name, key in session.execute(query))
    return names


def _items(
    owed: list[tuple[OpenDossier, DueState]], names: Mapping[str, tuple[str, str]]
) -> list[DueItem]:
    from antt_desktop.services.assessments import DueItem  # it delegates here

    items: list[tuple[date, str, date, str, DueItem]] = []
    for (dossier_id, person_id, _opened, code, _cadence, _due, category), state in owed:
        if person_id not in names:  # a dossier of no person is listed nowhere
            continue
        name, key = names[person_id]
        item = DueItem(
            dossier_id,
            person_id,
            name,
            code,
            category,
            state.period,
            state.due_on,
            state.status,
        )
        items.append((state.due_on, key, state.period.start, dossier_id, item))
    items.sort(key=lambda t: t[:4])
    return [t[4] for t in items]


def due_assessments_counted(
    session: Session, today: date, unit_id: str | None = None
) -> list[DueItem]:
    """:func:`due_assessments` through the ORM: every open dossier with its person's name,
    and every current assessment of them (what the fast read must always equal)."""
    open_now = [Dossier.status == DossierStatus.OPEN.value, Dossier.deleted.is_(False)]
    if unit_id is not None:
        open_now.append(Dossier.unit_id == unit_id)
    rows = session.execute(
        select(
            Dossier.id,
            Dossier.person_id,
            Dossier.opened_on,
            DossierCategory.code,
            DossierCategory.cadence,
            DossierCategory.due_day,
            DossierCategory.name_vi,
            Person.full_name,
            Person.sort_key,
        )
        .join(Person, Person.id == Dossier.person_id)
        .join(DossierCategory, DossierCategory.code == Dossier.category_code)
        .where(*open_now, DossierCategory.cadence != Cadence.NONE.value)
    ).all()
    done: dict[str, set[str]] = defaultdict(set)
    for dossier_id, label in session.execute(
        select(Assessment.dossier_id, Assessment.period)
        .join(Dossier, Dossier.id == Assessment.dossier_id)
        .where(*open_now, is_current())
    ):
        done[dossier_id].add(label)
    dossiers: list[OpenDossier] = [tuple(r[:7]) for r in rows]
    names = {r.person_id: (r.full_name, r.sort_key) for r in rows}
    return _items(_owed(dossiers, done, today), names)
