"""Dates as people type them: full dates and partial birth dates (year, or month/year).

Typed text is day-first (``05/02/2026``); ``/``, ``-`` and ``.`` are accepted as separators,
and ISO text (``2026-02-05``) is accepted too. Storage uses ISO text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date

from antt_desktop.domain.errors import ValidationFailed

_SEP = r"[/.\-]"
_DMY = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})", re.ASCII)
_MY = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{4}})", re.ASCII)
_Y = re.compile(r"\d{4}", re.ASCII)
_ISO_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_ISO_YM = re.compile(r"(\d{4})-(\d{1,2})", re.ASCII)
_STORED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)


@dataclass(frozen=True)
class PartialDate:
    """A date that may lack its day, or its day and month (e.g. a birth date known by year).

    Raises:
        ValueError: if the year is outside 1-9999, a day is given without a month, or the
            parts are not a real calendar date.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not MINYEAR <= self.year <= MAXYEAR:
            raise ValueError(f"year out of range: {self.year}")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None:
            date(self.year, self.month, self.day)  # raises ValueError for 31/02 etc.

    @classmethod
    def from_date(cls, d: date) -> PartialDate:
        """Return the full partial date for ``d``."""
        return cls(d.year, d.month, d.day)

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Parse ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as written by ``to_iso``.

        Raises:
            ValueError: if the text is not one of those forms or not a real date.
        """
        m = _STORED.fullmatch(text)
        if m is None:
            raise ValueError(f"not an ISO partial date: {text!r}")
        year, month, day = m.groups()
        return cls(int(year), _opt_int(month), _opt_int(day))

    @property
    def is_complete(self) -> bool:
        """True if day, month and year are all known."""
        return self.day is not None

    def format(self) -> str:
        """Return the Vietnamese display form: ``05/02/2026``, ``02/2026`` or ``2026``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.month:02d}/{self.year:04d}"
        return f"{self.day:02d}/{self.month:02d}/{self.year:04d}"

    def to_iso(self) -> str:
        """Return the stored form: ``2026-02-05``, ``2026-02`` or ``2026`` (sorts as text)."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def earliest(self) -> date:
        """Return the first day the partial date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """Return the last day the partial date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def is_future(self, today: date) -> bool:
        """True only if every day the partial date can mean is after ``today``."""
        return self.earliest() > today


def _opt_int(digits: str | None) -> int | None:
    return None if digits is None else int(digits)


def _build(field: str, text: str, year: str, month: str | None, day: str | None) -> PartialDate:
    try:
        return PartialDate(int(year), _opt_int(month), _opt_int(day))
    except ValueError:
        raise ValidationFailed.single(field, "date.invalid", value=text) from None


def parse_partial_date(text: str, field: str) -> PartialDate:
    """Parse ``D/M/YYYY``, ``M/YYYY`` or ``YYYY`` (or ISO ``YYYY-MM[-DD]``).

    Raises:
        ValidationFailed: ``date.format`` if the text has none of these forms,
            ``date.invalid`` if it is not a real date (31/02/2026, 13/2026); param ``value``.
    """
    cleaned = text.strip()
    if m := _DMY.fullmatch(cleaned):
        return _build(field, text, m[3], m[2], m[1])
    if m := _ISO_YMD.fullmatch(cleaned):
        return _build(field, text, m[1], m[2], m[3])
    if m := _MY.fullmatch(cleaned):
        return _build(field, text, m[2], m[1], None)
    if m := _ISO_YM.fullmatch(cleaned):
        return _build(field, text, m[1], m[2], None)
    if _Y.fullmatch(cleaned):
        return _build(field, text, cleaned, None, None)
    raise ValidationFailed.single(field, "date.format", value=text)


def parse_date(text: str, field: str) -> date:
    """Parse a full date, ``DD/MM/YYYY`` (or ``D/M/YYYY``) or ISO ``YYYY-MM-DD``.

    Raises:
        ValidationFailed: ``date.format`` if the text is not a full date in one of these
            forms, ``date.invalid`` if it is not a real date; param ``value``.
    """
    cleaned = text.strip()
    if m := _DMY.fullmatch(cleaned):
        partial = _build(field, text, m[3], m[2], m[1])
    elif m := _ISO_YMD.fullmatch(cleaned):
        partial = _build(field, text, m[1], m[2], m[3])
    else:
        raise ValidationFailed.single(field, "date.format", value=text)
    return partial.earliest()
