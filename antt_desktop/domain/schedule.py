"""When a dossier's assessments (nhận xét, đánh giá) fall due.

Each dossier category has a cadence: one assessment per month or per quarter (periodic
categories are scheduled quarterly). The assessment for a period is due by a day of the
month after the period ends (the 5th by default).
"""

from __future__ import annotations

import calendar
from collections.abc import Set
from dataclasses import dataclass
from datetime import date
from typing import Literal

from antt_desktop.domain.enums import Cadence
from antt_desktop.domain.periods import Period, PeriodKind

DueStatus = Literal["done", "due", "overdue", "upcoming"]

_PERIOD_KIND: dict[Cadence, PeriodKind | None] = {
    Cadence.MONTHLY: "month",
    Cadence.QUARTERLY: "quarter",
    Cadence.PERIODIC: "quarter",
    Cadence.NONE: None,
}


@dataclass(frozen=True)
class CategoryRule:
    """The scheduling facts of a dossier category (from the editable catalogue).

    Args:
        code: the category code (``SUSPENDED``...).
        cadence: how often an assessment is needed.
        due_day: the assessment for a period is due by this day of the month after the
            period ends (clamped to the month's length).
        default_months: the usual duration, used for the planned end; None if open-ended.
    """

    code: str
    cadence: Cadence
    due_day: int = 5
    default_months: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.due_day <= 31:
            raise ValueError(f"due_day out of range: {self.due_day}")
        if self.default_months is not None and self.default_months < 0:
            raise ValueError(f"default_months is negative: {self.default_months}")

    @property
    def period_kind(self) -> PeriodKind | None:
        """The kind of period assessed, or None if the category has no assessments."""
        return _PERIOD_KIND[self.cadence]


@dataclass(frozen=True)
class DueState:
    """Where one period's assessment stands on a given day."""

    period: Period
    due_on: date
    status: DueStatus


def add_months(d: date, months: int) -> date:
    """Return ``d`` moved by ``months``, the day clamped to the target month (31/01 + 1 → 28/02)."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def planned_end(opened_on: date, default_months: int | None) -> date | None:
    """Return the planned end of a dossier, or None if its category has no set duration."""
    if default_months is None:
        return None
    return add_months(opened_on, default_months)


def due_date(rule: CategoryRule, period: Period) -> date:
    """Return the day ``period``'s assessment is due: ``rule.due_day`` of the month after."""
    first_of_next = add_months(period.end.replace(day=1), 1)
    last_day = calendar.monthrange(first_of_next.year, first_of_next.month)[1]
    return first_of_next.replace(day=min(rule.due_day, last_day))


def _life_periods(
    kind: PeriodKind, opened_on: date, last_day: date, closed_on: date | None
) -> list[Period]:
    """Periods of ``kind`` touching the dossier's life, from opening up to ``last_day``."""
    if closed_on is not None:
        if closed_on < opened_on:
            raise ValueError(f"closed on {closed_on} before opened on {opened_on}")
        last_day = min(last_day, closed_on)
    periods: list[Period] = []
    if last_day < opened_on:
        return periods
    period, last = Period.of(kind, opened_on), Period.of(kind, last_day)
    while period <= last:
        periods.append(period)
        period = period.next()
    return periods


def assessment_periods(
    rule: CategoryRule, opened_on: date, until: date, closed_on: date | None = None
) -> list[Period]:
    """Return the periods needing an assessment that have ended on or before ``until``.

    These are the months (monthly) or quarters (quarterly, periodic) that the dossier's life,
    ``opened_on`` to ``closed_on`` (or open-ended), touches; none for cadence NONE.

    Raises:
        ValueError: if ``closed_on`` is before ``opened_on``.
    """
    kind = rule.period_kind
    if kind is None:
        return []
    periods = _life_periods(kind, opened_on, until, closed_on)
    return [p for p in periods if p.end <= until]


def is_overdue(due_on: date, today: date, *, done: bool, closed_on: date | None = None) -> bool:
    """Quá hạn nhận xét — the one definition the overview, the dossier list and every report
    use: an assessment not written (``done`` False), its due date before ``today``, of a
    dossier still open today (closed after ``today``, or not closed). A dossier closed with
    an assessment missing owes it no more: the report counts it as not done, not overdue."""
    return not done and due_on < today and (closed_on is None or closed_on > today)


def assessment_status(
    rule: CategoryRule,
    opened_on: date,
    closed_on: date | None,
    done_periods: Set[Period],
    today: date,
) -> list[DueState]:
    """Return the state of every assessment the dossier needs up to ``today``, oldest first.

    A period counts as ended from its last day on (as in ``assessment_periods``). An ended
    period is "done" if assessed, else "due" up to its due date (inclusive) and "overdue"
    after it. The period still running today, if the dossier is open in it, comes last:
    "done" if already assessed, else "upcoming".

    Raises:
        ValueError: if ``closed_on`` is before ``opened_on``.
    """
    kind = rule.period_kind
    if kind is None:
        return []
    states: list[DueState] = []
    for period in _life_periods(kind, opened_on, today, closed_on):
        due_on = due_date(rule, period)
        status: DueStatus
        if period in done_periods:
            status = "done"
        elif period.end > today:
            status = "upcoming"
        elif is_overdue(due_on, today, done=False):  # the timeline: late even once closed
            status = "overdue"
        else:
            status = "due"
        states.append(DueState(period, due_on, status))
    return states
