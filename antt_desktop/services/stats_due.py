"""The assessments due or overdue today for every open dossier (of one unit), read fast.

What :func:`antt_desktop.services.assessments.due_assessments` returns — the overview's
overdue list, the managed-persons list's due column and its drill-downs over a district's
thousands of open dossiers. SQLite counts each open dossier's current assessments of the
periods it owes (``ix_dossiers_open``, ``ix_assessments_dossier_live``: indexes alone); only
the dossiers short of one — a few hundred of a district's 3,000 — have their assessments
listed and their periods worked out here, and only their persons' names are read (the
persons table is the biggest in the file). :func:`due_assessments_counted` is the same
list through the ORM, which this must always equal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import Cadence, DossierStatus
from antt_desktop.domain.periods import Period, PeriodKind
from antt_desktop.domain.schedule import CategoryRule, DueState, DueStatus, assessment_status
from antt_desktop.services.dossiers import is_current
from antt_desktop.services.stats_assessments import plain_rows
from antt_desktop.store.models import Assessment, Dossier, DossierCategory, Person
from antt_desktop.store.spelling import Spelling


@dataclass(frozen=True)
class DueItem:
    """An assessment due or overdue (cần nhận xét, đánh giá) for an open dossier."""

    dossier_id: str
    person_id: str
    person_name: str
    category_code: str
    category_name: str
    period: Period
    due_on: date
    status: DueStatus  # "due" or "overdue"


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
    date, person, period, then dossier. Four queries whatever the number of dossiers.

    SQLite counts, for each open dossier, the current assessments of the periods it owes
    (from its opening to the last ended one); only the dossiers short of one have their
    assessments listed and their periods worked out here."""
    categories = {
        code: (Cadence(cadence), due_day, name)
        for code, cadence, due_day, name in plain_rows(
            session,
            "SELECT code, cadence, due_day, name_vi FROM dossier_categories WHERE cadence != :none",
            {"none": Cadence.NONE.value},
        )
    }
    params: dict[str, Any] = {"open": DossierStatus.OPEN.value}
    last: dict[str, int] = {}  # code → the month (or quarter) number of the last ended period
    values = []
    for i, (code, (cadence, _due, _name)) in enumerate(sorted(categories.items())):
        kind = CategoryRule(code, cadence).period_kind
        assert kind is not None
        ended = Period.of(kind, today)
        if ended.end > today:
            ended = ended.previous()
        months = 1 if kind == "month" else 3
        last[code] = _number(ended.start.isoformat(), months)
        params.update({f"k{i}": code, f"m{i}": months, f"h{i}": ended.label()})
        values.append(f"(:k{i}, CAST(:m{i} AS INTEGER), :h{i})")
    of_unit = ""
    if unit_id is not None:
        params["unit"] = unit_id
        of_unit = " AND d.unit_id = :unit"
    sp = Spelling(session)
    # the label of the period a dossier opened in, and the labels written the way its
    # schedule writes them (only those can be a period it owes)
    opening = sp.opening_label("d.opened_on", "c.months")
    canonical = sp.canonical_label("a.period", "c.months")
    rows = (
        plain_rows(
            session,
            f"WITH cats(code, months, hi) AS (VALUES {', '.join(values)})"
            f" SELECT d.id, d.person_id, {sp.iso('d.opened_on')}, d.category_code, c.months,"
            " (SELECT count(DISTINCT a.period) FROM assessments a WHERE a.dossier_id = d.id"
            f" AND a.deleted = 0 AND a.period BETWEEN {opening} AND c.hi AND {canonical}"
            f" AND {_CURRENT}) FROM dossiers d JOIN cats c ON c.code = d.category_code"
            f" WHERE d.status = :open AND d.deleted = 0{of_unit}",
            params,
        )
        if values
        else []
    )
    short: list[OpenDossier] = []
    for dossier_id, person_id, opened_on, code, months, assessed in rows:
        if assessed < last[code] - _number(opened_on, months) + 1:
            cadence, due_day, name = categories[code]
            opened = date.fromisoformat(opened_on)
            short.append((dossier_id, person_id, opened, code, cadence.value, due_day, name))
    done: dict[str, set[str]] = defaultdict(set)
    ids = {f"d{i}": d[0] for i, d in enumerate(short)}
    for dossier_id, label in plain_rows(
        session,
        f"SELECT a.dossier_id, a.period FROM assessments a WHERE a.dossier_id"
        f" {sp.in_list(f':{k}' for k in ids)} AND a.deleted = 0 AND {_CURRENT}",
        ids,
    ):
        done[dossier_id].add(label)
    owed = _owed(short, done, today)
    names = _names(session, {d[1] for d, _state in owed})
    return _items(owed, names)


def _number(day: str, months: int) -> int:
    """The month (months 1) or quarter (3) number of an ISO day, counted from year 0."""
    return (int(day[:4]) * 12 + int(day[5:7]) - 1) // months


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
