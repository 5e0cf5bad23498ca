"""Months, quarters and years used by assessments and reports."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.domain.periods import Period, PeriodKind


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2026-10", Period("month", 2026, 10)),
        ("2026-03", Period("month", 2026, 3)),
        ("2026-3", Period("month", 2026, 3)),
        ("2026-Q3", Period("quarter", 2026, 3)),
        ("2026-q1", Period("quarter", 2026, 1)),
        (" 2026 ", Period("year", 2026, 1)),
    ],
)
def test_parse(text: str, period: Period) -> None:
    assert Period.parse(text) == period


@pytest.mark.parametrize("text", ["", "26", "2026-13", "2026-00", "2026-Q5", "2026-Q", "Q3-2026"])
def test_parse_refuses(text: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        Period.parse(text)
    assert caught.value.problems == [Problem("period", "period.format", {"value": text})]


def test_labels() -> None:
    assert Period("month", 2026, 10).label() == "2026-10"
    assert Period("month", 2026, 2).label() == "2026-02"
    assert Period("quarter", 2026, 3).label() == "2026-Q3"
    assert str(Period("year", 2026, 1)) == "2026"


def test_start_and_end_are_inclusive_bounds() -> None:
    feb = Period("month", 2024, 2)
    assert (feb.start, feb.end) == (date(2024, 2, 1), date(2024, 2, 29))
    q3 = Period("quarter", 2026, 3)
    assert (q3.start, q3.end) == (date(2026, 7, 1), date(2026, 9, 30))
    year = Period("year", 2026, 1)
    assert (year.start, year.end) == (date(2026, 1, 1), date(2026, 12, 31))


def test_previous_and_next_cross_years() -> None:
    assert Period("month", 2026, 1).previous() == Period("month", 2025, 12)
    assert Period("quarter", 2026, 1).previous() == Period("quarter", 2025, 4)
    assert Period("year", 2026, 1).previous() == Period("year", 2025, 1)
    assert Period("month", 2025, 12).next() == Period("month", 2026, 1)
    assert Period("quarter", 2025, 4).next() == Period("quarter", 2026, 1)


def test_months() -> None:
    assert Period("quarter", 2026, 2).months() == [
        Period("month", 2026, 4),
        Period("month", 2026, 5),
        Period("month", 2026, 6),
    ]
    assert len(Period("year", 2026, 1).months()) == 12
    assert Period("month", 2026, 7).months() == [Period("month", 2026, 7)]


def test_of_date() -> None:
    d = date(2026, 8, 31)
    assert Period.month_of(d) == Period("month", 2026, 8)
    assert Period.quarter_of(d) == Period("quarter", 2026, 3)
    assert Period.year_of(d) == Period("year", 2026, 1)
    assert Period.of("quarter", date(2026, 1, 1)) == Period("quarter", 2026, 1)


def test_contains() -> None:
    q = Period("quarter", 2026, 2)
    assert q.contains(date(2026, 4, 1)) and q.contains(date(2026, 6, 30))
    assert not q.contains(date(2026, 3, 31)) and not q.contains(date(2026, 7, 1))


def test_order_within_a_kind_follows_time() -> None:
    periods = [Period("month", 2026, 1), Period("month", 2025, 12), Period("month", 2026, 10)]
    assert sorted(periods) == [periods[1], periods[0], periods[2]]


@pytest.mark.parametrize(
    ("kind", "index"), [("month", 0), ("month", 13), ("quarter", 5), ("year", 2), ("week", 1)]
)
def test_constructor_validates(kind: str, index: int) -> None:
    with pytest.raises(ValueError):
        Period(kind, 2026, index)  # type: ignore[arg-type]


kinds: st.SearchStrategy[PeriodKind] = st.sampled_from(["month", "quarter", "year"])
dates = st.dates(min_value=date(1000, 1, 1), max_value=date(9998, 12, 31))


@given(kinds, dates)
def test_period_of_a_date_contains_it(kind: PeriodKind, d: date) -> None:
    p = Period.of(kind, d)
    assert p.contains(d)
    assert p.start <= d <= p.end
    assert Period.parse(p.label()) == p


@given(kinds, dates)
def test_periods_tile_the_calendar(kind: PeriodKind, d: date) -> None:
    p = Period.of(kind, d)
    assert p.next().start == p.end + timedelta(days=1)
    assert p.next().previous() == p
    assert p < p.next()
    months = p.months()
    assert months[0].start == p.start and months[-1].end == p.end
