"""Rates and changes the way reports state them: "tái phạm 2/21 = 9,5%", "giảm 42,9%".

Values here are unrounded floats; the i18n layer formats them (decimal comma, "%"), using
``round_half_up`` so every screen and report rounds the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

Direction = Literal["down", "up", "same"]


def _check_count(name: str, value: int) -> None:
    if value < 0:
        raise ValueError(f"{name} is a count and cannot be negative: {value}")


@dataclass(frozen=True)
class Ratio:
    """A part of a whole, such as re-offenders among released persons (2 of 21).

    Raises:
        ValueError: if either count is negative.
    """

    numerator: int
    denominator: int

    def __post_init__(self) -> None:
        _check_count("numerator", self.numerator)
        _check_count("denominator", self.denominator)

    @property
    def fraction(self) -> float | None:
        """numerator / denominator, or None when the whole is 0."""
        if self.denominator == 0:
            return None
        return self.numerator / self.denominator

    @property
    def percent(self) -> float | None:
        """The fraction in percent (9.5238... for 2/21), or None when the whole is 0."""
        if self.denominator == 0:
            return None
        return self.numerator * 100 / self.denominator


@dataclass(frozen=True)
class Change:
    """A count before and after, such as crime tips in two periods (7 then 4: down 42.9%).

    Raises:
        ValueError: if either count is negative.
    """

    before: int
    after: int

    def __post_init__(self) -> None:
        _check_count("before", self.before)
        _check_count("after", self.after)

    @property
    def delta(self) -> int:
        """after - before (negative when the count went down)."""
        return self.after - self.before

    @property
    def direction(self) -> Direction:
        """Whether the count went "down", "up" or stayed the "same"."""
        if self.after < self.before:
            return "down"
        if self.after > self.before:
            return "up"
        return "same"

    @property
    def percent(self) -> float | None:
        """Size of the change relative to ``before`` in percent (always >= 0), or None if
        ``before`` is 0 (a change from nothing has no percentage)."""
        if self.before == 0:
            return None
        return abs(self.delta) * 100 / self.before


def round_half_up(x: float, digits: int) -> float:
    """Round ``x`` to ``digits`` decimals, halves away from zero, as people expect.

    Works on the shortest decimal form of ``x`` (its ``repr``), so 2.675 → 2.68 and
    0.125 → 0.13, unlike the built-in ``round`` (banker's rounding on binary values).
    NaN and infinities are returned unchanged.
    """
    if not math.isfinite(x):
        return x
    exponent = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(x)).quantize(exponent, rounding=ROUND_HALF_UP))
