"""The assessment booklet of a dossier and the assessments due (sổ theo dõi nhận xét, đánh
giá): which periods a dossier needs assessed, and which are due or overdue on a day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from antt_desktop.domain.periods import Period
from antt_desktop.domain.schedule import (
    DueStatus,
    assessment_status,
    due_date,
)
from antt_desktop.services import catalogues
from antt_desktop.services.dossier_summary import assessment_versions, category_of, load_dossier
from antt_desktop.services.stats_due import DueItem, due_assessments
from antt_desktop.store.models import Assessment

#: What is due is read by :mod:`stats_due` (fast for a district's thousands of dossiers);
#: named here too, where the rest of a dossier's schedule is.
__all__ = ["DueItem", "TimelineEntry", "assessment_timeline", "due_assessments"]


@dataclass(frozen=True)
class TimelineEntry:
    """One period of a dossier's assessment booklet and where it stands on a day."""

    period: Period
    due_on: date
    status: DueStatus
    current: Assessment | None
    history: tuple[Assessment, ...]  # versions the current one superseded, oldest first
    #: the other correction of it made on another node, not settled yet (it is in
    #: ``history`` too): an officer chooses one under Sync, Conflicts
    fork: Assessment | None = None


def assessment_timeline(session: Session, dossier_id: str, today: date) -> list[TimelineEntry]:
    """Every period the dossier needs assessed up to ``today``, oldest first, with its state
    (done / due / overdue / upcoming), its current assessment and the superseded ones."""
    dossier = load_dossier(session, dossier_id)
    rule = catalogues.rule_of(category_of(session, dossier))
    current, history, forks = assessment_versions(session, dossier_id)
    done = {Period.parse(label) for label in current}
    entries = []
    for state in assessment_status(rule, dossier.opened_on, dossier.closed_on, done, today):
        a = current.pop(state.period.label(), None)
        entries.append(
            TimelineEntry(
                state.period,
                state.due_on,
                state.status,
                a,
                history[a.id] if a else (),
                forks.get(a.id) if a else None,
            )
        )
    for label, a in current.items():  # assessed off the schedule (the cadence was changed)
        period = Period.parse(label)
        entries.append(
            TimelineEntry(period, due_date(rule, period), "done", a, history[a.id], forks.get(a.id))
        )
    entries.sort(key=lambda e: (e.period.start, e.period.end))
    return entries
