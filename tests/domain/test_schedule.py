"""When assessments of a dossier fall due."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antt_desktop.domain.enums import Cadence
from antt_desktop.domain.periods import Period, PeriodKind
from antt_desktop.domain.schedule import (
    CategoryRule,
    DueState,
    assessment_periods,
    assessment_status,
    due_date,
    planned_end,
)

SUSPENDED = CategoryRule("SUSPENDED", Cadence.MONTHLY, default_months=12)
PROBATION = CategoryRule("PROBATION", Cadence.QUARTERLY)
RELEASED = CategoryRule("RELEASED", Cadence.PERIODIC)
WANTED = CategoryRule("WANTED", Cadence.NONE)


def month(year: int, index: int) -> Period:
    return Period("month", year, index)


def quarter(year: int, index: int) -> Period:
    return Period("quarter", year, index)


OPENED = date(2026, 3, 15)


@pytest.mark.parametrize(
    ("opened", "months", "end"),
    [
        (date(2026, 3, 15), 6, date(2026, 9, 15)),
        (date(2026, 3, 15), 12, date(2027, 3, 15)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # day clamped
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 3, 15), 0, date(2026, 3, 15)),
    ],
)
def test_planned_end(opened: date, months: int, end: date) -> None:
    assert planned_end(opened, months) == end


def test_planned_end_open_ended() -> None:
    assert planned_end(OPENED, None) is None


def test_due_date_is_due_day_of_next_month() -> None:
    assert due_date(SUSPENDED, month(2026, 5)) == date(2026, 6, 5)
    assert due_date(SUSPENDED, month(2026, 12)) == date(2027, 1, 5)
    assert due_date(PROBATION, quarter(2026, 1)) == date(2026, 4, 5)
    assert due_date(PROBATION, quarter(2026, 4)) == date(2027, 1, 5)
    end_of_month = CategoryRule("X", Cadence.MONTHLY, due_day=31)
    assert due_date(end_of_month, month(2027, 1)) == date(2027, 2, 28)


def test_rule_validates() -> None:
    with pytest.raises(ValueError):
        CategoryRule("X", Cadence.MONTHLY, due_day=0)
    with pytest.raises(ValueError):
        CategoryRule("X", Cadence.MONTHLY, default_months=-1)


def test_monthly_periods_are_only_those_ended() -> None:
    assert assessment_periods(SUSPENDED, OPENED, date(2026, 6, 7)) == [
        month(2026, 3),
        month(2026, 4),
        month(2026, 5),
    ]
    # A month has ended on its last day; one day earlier it has not.
    assert assessment_periods(SUSPENDED, OPENED, date(2026, 5, 31))[-1] == month(2026, 5)
    assert assessment_periods(SUSPENDED, OPENED, date(2026, 5, 30))[-1] == month(2026, 4)
    assert assessment_periods(SUSPENDED, OPENED, date(2026, 3, 30)) == []
    assert assessment_periods(SUSPENDED, OPENED, date(2026, 3, 1)) == []


def test_periods_stop_with_the_dossier() -> None:
    closed = date(2026, 4, 10)
    assert assessment_periods(SUSPENDED, OPENED, date(2026, 12, 31), closed) == [
        month(2026, 3),
        month(2026, 4),  # touched by the dossier's life, so still assessed
    ]


def test_quarterly_and_periodic_periods() -> None:
    until = date(2026, 10, 1)
    expected = [quarter(2026, 1), quarter(2026, 2), quarter(2026, 3)]
    assert assessment_periods(PROBATION, OPENED, until) == expected
    assert assessment_periods(RELEASED, OPENED, until) == expected


def test_no_assessments_for_cadence_none() -> None:
    assert assessment_periods(WANTED, OPENED, date(2030, 1, 1)) == []
    assert assessment_status(WANTED, OPENED, None, set(), date(2030, 1, 1)) == []


def test_closing_before_opening_is_refused() -> None:
    with pytest.raises(ValueError):
        assessment_periods(SUSPENDED, OPENED, date(2026, 6, 1), date(2026, 3, 14))


def test_status_monthly_overdue_after_the_fifth() -> None:
    done = {month(2026, 3), month(2026, 4)}
    assert assessment_status(SUSPENDED, OPENED, None, done, date(2026, 6, 7)) == [
        DueState(month(2026, 3), date(2026, 4, 5), "done"),
        DueState(month(2026, 4), date(2026, 5, 5), "done"),
        DueState(month(2026, 5), date(2026, 6, 5), "overdue"),
        DueState(month(2026, 6), date(2026, 7, 5), "upcoming"),
    ]


def test_status_due_until_the_due_day_inclusive() -> None:
    done = {month(2026, 3), month(2026, 4)}
    states = assessment_status(SUSPENDED, OPENED, None, done, date(2026, 6, 5))
    assert [(s.period, s.status) for s in states[2:]] == [
        (month(2026, 5), "due"),
        (month(2026, 6), "upcoming"),
    ]


def test_status_on_the_last_day_of_a_month() -> None:
    states = assessment_status(SUSPENDED, OPENED, None, set(), date(2026, 5, 31))
    assert [(s.period.label(), s.status) for s in states] == [
        ("2026-03", "overdue"),
        ("2026-04", "overdue"),
        ("2026-05", "due"),  # ended today: may be written now, due by 05/06
    ]


def test_status_current_period_already_assessed() -> None:
    done = {month(2026, 3), month(2026, 4), month(2026, 5), month(2026, 6)}
    states = assessment_status(SUSPENDED, OPENED, None, done, date(2026, 6, 7))
    assert [s.status for s in states] == ["done", "done", "done", "done"]


def test_status_closed_dossier_has_nothing_upcoming() -> None:
    states = assessment_status(SUSPENDED, OPENED, date(2026, 4, 10), set(), date(2026, 6, 7))
    assert [(s.period.label(), s.status) for s in states] == [
        ("2026-03", "overdue"),
        ("2026-04", "overdue"),
    ]


def test_status_quarterly() -> None:
    states = assessment_status(PROBATION, OPENED, None, {month(2026, 3)}, date(2026, 6, 7))
    assert states == [
        DueState(quarter(2026, 1), date(2026, 4, 5), "overdue"),  # a month is not a quarter
        DueState(quarter(2026, 2), date(2026, 7, 5), "upcoming"),
    ]


def test_status_before_opening_is_empty() -> None:
    assert assessment_status(SUSPENDED, OPENED, None, set(), date(2026, 3, 1)) == []


def test_status_on_opening_day() -> None:
    states = assessment_status(SUSPENDED, OPENED, None, set(), OPENED)
    assert states == [DueState(month(2026, 3), date(2026, 4, 5), "upcoming")]


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


@given(
    st.sampled_from([SUSPENDED, PROBATION, RELEASED]),
    days,
    st.integers(0, 1500),
    st.one_of(st.none(), st.integers(0, 1500)),
)
def test_periods_cover_the_dossier_life_without_gaps(
    rule: CategoryRule, opened: date, until_after: int, closed_after: int | None
) -> None:
    until = opened + timedelta(days=until_after)
    closed = None if closed_after is None else opened + timedelta(days=closed_after)
    periods = assessment_periods(rule, opened, until, closed)
    for earlier, later in pairwise(periods):
        assert earlier.next() == later
    assert all(p.end <= until for p in periods)
    if periods:
        assert periods[0].contains(opened)
        assert closed is None or periods[-1].start <= closed
    following = periods[-1].next() if periods else Period.of(periods_kind(rule), opened)
    assert following.end > until or (closed is not None and following.start > closed)
    statuses = assessment_status(rule, opened, closed, set(), until)
    assert [s.period for s in statuses if s.status != "upcoming"] == periods


def periods_kind(rule: CategoryRule) -> PeriodKind:
    kind = rule.period_kind
    assert kind is not None
    return kind
