"""Rates and before/after changes as reports state them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antt_desktop.domain.rates import Change, Ratio, round_half_up


def test_reoffence_rate_from_seed() -> None:
    rate = Ratio(2, 21)  # "tái phạm 2/21 = 9,5%"
    assert rate.fraction == pytest.approx(0.095238095)
    assert rate.percent == pytest.approx(9.5238095)
    assert rate.percent is not None and round_half_up(rate.percent, 1) == 9.5


def test_ratio_of_nothing_has_no_rate() -> None:
    assert Ratio(0, 0).fraction is None
    assert Ratio(0, 0).percent is None
    assert Ratio(0, 5).percent == 0.0


def test_ratio_percent_is_exact_for_round_numbers() -> None:
    assert Ratio(7, 100).percent == 7.0
    assert Ratio(98, 110).percent == pytest.approx(89.0909, abs=1e-4)
    assert Ratio(3, 2).percent == 150.0


def test_change_down_from_seed() -> None:
    change = Change(7, 4)  # "giảm 42,9%"
    assert change.direction == "down"
    assert change.delta == -3
    assert change.percent == pytest.approx(42.857142857)
    assert change.percent is not None and round_half_up(change.percent, 1) == 42.9


def test_change_up_and_same() -> None:
    assert Change(3, 4).direction == "up"
    assert Change(3, 4).percent == pytest.approx(33.333333)
    assert Change(5, 5).direction == "same"
    assert Change(5, 5).percent == 0.0


def test_change_from_zero_has_no_percentage() -> None:
    assert Change(0, 3).direction == "up"
    assert Change(0, 3).percent is None
    assert Change(0, 0).direction == "same"
    assert Change(0, 0).percent is None


def test_counts_cannot_be_negative() -> None:
    with pytest.raises(ValueError):
        Ratio(-1, 5)
    with pytest.raises(ValueError):
        Change(3, -1)


@pytest.mark.parametrize(
    ("value", "digits", "rounded"),
    [
        (9.5238, 1, 9.5),
        (42.857, 1, 42.9),
        (33.333, 1, 33.3),
        (61.05, 1, 61.1),
        (0.125, 2, 0.13),
        (2.675, 2, 2.68),  # float 2.67499999... rounds by its decimal form
        (2.5, 0, 3.0),  # not banker's rounding
        (-2.5, 0, -3.0),
        (1234.5, -1, 1230.0),
        (0.0, 1, 0.0),
    ],
)
def test_round_half_up(value: float, digits: int, rounded: float) -> None:
    assert round_half_up(value, digits) == rounded


def test_round_half_up_passes_non_finite_values() -> None:
    assert math.isnan(round_half_up(math.nan, 1))
    assert round_half_up(math.inf, 1) == math.inf


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_rounded_percent_is_within_half_a_step(numerator: int, denominator: int) -> None:
    percent = Ratio(numerator, denominator).percent
    assert percent is not None
    assert abs(round_half_up(percent, 1) - percent) <= 0.05 + 1e-9


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_change_direction_agrees_with_percent(before: int, after: int) -> None:
    change = Change(before, after)
    if change.direction == "same":
        assert change.percent in (0.0, None)
    elif change.percent is not None:
        assert change.percent > 0
        assert change.percent == pytest.approx(abs(after - before) / before * 100)
