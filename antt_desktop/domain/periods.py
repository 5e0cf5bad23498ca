"""Reporting and assessment periods: a month, a quarter or a year."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date
from typing import Literal

from antt_desktop.domain.errors import ValidationFailed

PeriodKind = Literal["month", "quarter", "year"]

_COUNT: dict[str, int] = {"month": 12, "quarter": 4, "year": 1}
_MONTHS_IN: dict[str, int] = {"month": 1, "quarter": 3, "year": 12}
#: Quarters (and report sections) are numbered in Roman numerals: ``Quý III/2026``.
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII")
_PATTERN = re.compile(r"(\d{4})(?:-(?:(\d{1,2})|[Qq]([1-4])))?", re.ASCII)


@dataclass(frozen=True, order=True)
class Period:
    """A calendar month (index 1-12), quarter (1-4) or year (index 1).

    Periods of one kind order by time; mixing kinds orders by kind name first.

    Raises:
        ValueError: on an unknown kind, an index out of range or a year outside 1-9999.
    """

    kind: PeriodKind
    year: int
    index: int

    def __post_init__(self) -> None:
        if self.kind not in _COUNT:
            raise ValueError(f"unknown period kind: {self.kind!r}")
        if not 1 <= self.index <= _COUNT[self.kind]:
            raise ValueError(f"{self.kind} index out of range: {self.index}")
        if not MINYEAR <= self.year <= MAXYEAR:
            raise ValueError(f"year out of range: {self.year}")

    @classmethod
    def parse(cls, text: str) -> Period:
        """Parse ``2026-10`` (month), ``2026-Q3`` (quarter) or ``2026`` (year).

        Raises:
            ValidationFailed: field ``period``, code ``period.format``, param ``value``.
        """
        m = _PATTERN.fullmatch(text.strip())
        try:
            if m is None:
                raise ValueError(text)
            year = int(m[1])
            if m[2] is not None:
                return cls("month", year, int(m[2]))
            if m[3] is not None:
                return cls("quarter", year, int(m[3]))
            return cls("year", year, 1)
        except ValueError:
            raise ValidationFailed.single("period", "period.format", value=text) from None

    @classmethod
    def month_of(cls, d: date) -> Period:
        """Return the month containing ``d``."""
        return cls("month", d.year, d.month)

    @classmethod
    def quarter_of(cls, d: date) -> Period:
        """Return the quarter containing ``d``."""
        return cls("quarter", d.year, (d.month - 1) // 3 + 1)

    @classmethod
    def year_of(cls, d: date) -> Period:
        """Return the year containing ``d``."""
        return cls("year", d.year, 1)

    @classmethod
    def of(cls, kind: PeriodKind, d: date) -> Period:
        """Return the period of ``kind`` containing ``d``."""
        if kind == "month":
            return cls.month_of(d)
        if kind == "quarter":
            return cls.quarter_of(d)
        return cls.year_of(d)

    @property
    def _first_month(self) -> int:
        return (self.index - 1) * _MONTHS_IN[self.kind] + 1

    @property
    def start(self) -> date:
        """First day of the period."""
        return date(self.year, self._first_month, 1)

    @property
    def end(self) -> date:
        """Last day of the period (inclusive)."""
        month = self._first_month + _MONTHS_IN[self.kind] - 1
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def label(self) -> str:
        """Return the stored/parsable form: ``2026-10``, ``2026-Q3`` or ``2026``."""
        if self.kind == "month":
            return f"{self.year:04d}-{self.index:02d}"
        if self.kind == "quarter":
            return f"{self.year:04d}-Q{self.index}"
        return f"{self.year:04d}"

    @property
    def numeral(self) -> str:
        """The number as the period is written: ``03`` (a month), ``III`` (a quarter)."""
        if self.kind == "quarter":
            return ROMAN[self.index - 1]
        return f"{self.index:02d}"

    def __str__(self) -> str:
        return self.label()

    def previous(self) -> Period:
        """Return the period of the same kind just before this one."""
        if self.index > 1:
            return Period(self.kind, self.year, self.index - 1)
        return Period(self.kind, self.year - 1, _COUNT[self.kind])

    def next(self) -> Period:
        """Return the period of the same kind just after this one."""
        if self.index < _COUNT[self.kind]:
            return Period(self.kind, self.year, self.index + 1)
        return Period(self.kind, self.year + 1, 1)

    def months(self) -> list[Period]:
        """Return the month periods this period covers, in order."""
        first = self._first_month
        return [Period("month", self.year, m) for m in range(first, first + _MONTHS_IN[self.kind])]

    def contains(self, d: date) -> bool:
        """True if ``d`` falls inside the period."""
        return self.start <= d <= self.end
