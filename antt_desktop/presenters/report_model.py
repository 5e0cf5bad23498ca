"""What a report is made of: sections of labelled values and tables, as plain frozen
dataclasses every renderer reads (the command line, the window, the printed report)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Value:
    """A figure as shown (``1.270``, ``2/21 = 9,5%``) and, for counts, the plain number
    (what a spreadsheet or a chart takes)."""

    text: str
    number: int | None = None


@dataclass(frozen=True)
class Line:
    """One labelled figure; ``level`` 2 lines detail the level-1 line ``group`` above."""

    label: str
    value: Value
    level: int = 1
    group: str = ""


@dataclass(frozen=True)
class Table:
    """Figures with several columns: a header and rows whose first cell names the row.

    ``total`` is True when the last row adds up the others (printed in bold).
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    total: bool = False


@dataclass(frozen=True)
class Section:
    """One numbered part of the report: ``heading`` is ``I. ĐỐI TƯỢNG QUẢN LÝ``, ``title``
    the same words as a spreadsheet column holds them (``Đối tượng quản lý``)."""

    key: str
    heading: str
    title: str
    lines: tuple[Line, ...] = ()
    table: Table | None = None


@dataclass(frozen=True)
class Report:
    """Everything the report states, in order.

    Attributes:
        title: ``BÁO CÁO SỐ LIỆU``.
        period: the period as a heading names it (``Quý III/2026``).
        phrase: the period inside a sentence (``quý III/2026``).
        unit: the unit's name (``Tất cả các đơn vị`` for every unit).
        as_of: the day the figures are judged on, ``22/11/2026``.
        facts: the lines under the title: the period, the unit, the day.
        line_headers: the two column headers of a section's lines.
    """

    title: str
    period: str
    phrase: str
    unit: str
    as_of: str
    facts: tuple[str, ...]
    line_headers: tuple[str, str]
    sections: tuple[Section, ...] = field(default_factory=tuple)
