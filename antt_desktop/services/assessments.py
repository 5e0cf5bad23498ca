"""The assessment booklet of a dossier and the assessments due (sổ theo dõi nhận xét, đánh
giá): which periods a dossier needs assessed, and which are due or overdue on a day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from antt_desktop.domain.enums import Cadence, DossierStatus
from antt_desktop.domain.periods import Period, PeriodKind
from antt_desktop.domain.schedule import (
    CategoryRule,
    DueState,
    DueStatus,
    assessment_status,
    due_date,
)
from antt_desktop.services import catalogues
from antt_desktop.services.dossier_summary import category_of, current_assessments, load_dossier
from antt_desktop.services.dossiers import is_current
from antt_desktop.store.models import Assessment, Dossier, DossierCategory, Person


@dataclass(frozen=True)
class TimelineEntry:
    """One period of a dossier's assessment booklet and where it stands on a day."""

    period: Period
    due_on: date
    status: DueStatus
    current: Assessment | None
    history: tuple[Assessment, ...]  # versions the current one superseded, oldest first


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


def assessment_timeline(session: Session, dossier_id: str, today: date) -> list[TimelineEntry]:
    """Every period the dossier needs assessed up to ``today``, oldest first, with its state
    (done / due / overdue / upcoming), its current assessment and the superseded ones."""
    dossier = load_dossier(session, dossier_id)
    rule = catalogues.rule_of(category_of(session, dossier))
    current, history = current_assessments(session, dossier_id)
    done = {Period.parse(label) for label in current}
    entries = []
    for state in assessment_status(rule, dossier.opened_on, dossier.closed_on, done, today):
        a = current.pop(state.period.label(), None)
        entries.append(
            TimelineEntry(state.period, state.due_on, state.status, a, history[a.id] if a else ())
        )
    for label, a in current.items():  # assessed off the schedule (the cadence was changed)
        period = Period.parse(label)
        entries.append(TimelineEntry(period, due_date(rule, period), "done", a, history[a.id]))
    entries.sort(key=lambda e: (e.period.start, e.period.end))
    return entries


def due_assessments(session: Session, today: date, unit_id: str | None = None) -> list[DueItem]:
    """Assessments due or overdue on ``today`` for every open dossier (of one unit), by due
    date then person. Two queries whatever the number of dossiers."""
    open_now = [Dossier.status == DossierStatus.OPEN.value, Dossier.deleted.is_(False)]
    if unit_id is not None:
        open_now.append(Dossier.unit_id == unit_id)
    conn = session.connection()  # plain rows: no ORM loading for thousands of tuples
    dossiers = conn.execute(
        select(
            Dossier.id,
            Dossier.person_id,
            Dossier.opened_on,
            Person.full_name,
            Person.sort_key,
            DossierCategory.code,
            DossierCategory.name_vi,
            DossierCategory.cadence,
            DossierCategory.due_day,
        )
        .join(Person, Person.id == Dossier.person_id)
        .join(DossierCategory, DossierCategory.code == Dossier.category_code)
        .where(*open_now, DossierCategory.cadence != Cadence.NONE.value)
    ).all()
    done: dict[str, set[str]] = defaultdict(set)
    for dossier_id, label in conn.execute(
        select(Assessment.dossier_id, Assessment.period)
        .join(Dossier, Dossier.id == Assessment.dossier_id)
        .where(*open_now, is_current())
    ):
        done[dossier_id].add(label)
    # An open dossier's schedule is the tail of the schedule of the category's oldest open
    # dossier, from the period it opened in: work each category's out once, not per dossier.
    oldest: dict[str, date] = {}
    for row in dossiers:
        oldest[row.code] = min(row.opened_on, oldest.get(row.code, row.opened_on))
    plans: dict[str, tuple[PeriodKind, list[tuple[str, DueState]], dict[Period, int]]] = {}
    for row in dossiers:
        if row.code not in plans:
            rule = CategoryRule(row.code, Cadence(row.cadence), row.due_day)
            assert rule.period_kind is not None
            states = assessment_status(rule, oldest[row.code], None, frozenset(), today)
            ended = [(st.period.label(), st) for st in states if st.status != "upcoming"]
            plans[row.code] = (
                rule.period_kind,
                ended,
                {st.period: i for i, (_label, st) in enumerate(ended)},
            )
    items: list[tuple[date, str, date, DueItem]] = []
    for row in dossiers:
        kind, ended, index = plans[row.code]
        first = index.get(Period.of(kind, row.opened_on))
        assessed = done.get(row.id, set())
        for label, state in ended[first:] if first is not None else ():
            if label not in assessed:
                item = DueItem(
                    row.id,
                    row.person_id,
                    row.full_name,
                    row.code,
                    row.name_vi,
                    state.period,
                    state.due_on,
                    state.status,
                )
                items.append((state.due_on, row.sort_key, state.period.start, item))
    items.sort(key=lambda t: t[:3])
    return [t[3] for t in items]
